package bebop.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The DEKF learner against the filter's equations written out naively here (dense matrices,
 * Gauss-Jordan inverse), and its derivatives against the gradient the SGD learner follows.
 */
class DekfLearnerTest {
    private static final KalmanSettings SETTINGS = new KalmanSettings(10, 5, 0.5, 1e-2, 1e-4, 7, true,
            KalmanSettings.Measurement.OUTPUT);

    /** Random masks, peepholes and two cells a block: every kind of group and every trace. */
    private static LstmNetwork tinyNet(long seed) {
        return tinyNet(seed, Squash.SIGMOID);
    }

    /** The same with {@code cells} as both cell squashings. */
    private static LstmNetwork tinyNet(long seed, Squash cells) {
        SplittableRandom rng = new SplittableRandom(seed);
        LstmConfig cfg = TestNets.randomConfig(rng, 3, 2, 2, 2, true, true, 0.6).withSquashing(cells, cells);
        return LstmNetwork.create(cfg, rng);
    }

    @Test
    void oneGroupOfAllWeightsIsTheDenseEkf() {
        assertFilterMatchesNaive(SETTINGS.withDecoupled(false));
        assertFilterMatchesNaive(SETTINGS.withDecoupled(false).withMeasurement(KalmanSettings.Measurement.LOGIT));
        assertFilterMatchesNaive(SETTINGS.withDecoupled(false).withMeasurement(KalmanSettings.Measurement.BERNOULLI));
    }

    @Test
    void oneGroupPerUnitIsTheDenseEkfRunGroupDecoupled() {
        assertFilterMatchesNaive(SETTINGS);
        assertFilterMatchesNaive(SETTINGS.withMeasurement(KalmanSettings.Measurement.LOGIT));
        assertFilterMatchesNaive(SETTINGS.withMeasurement(KalmanSettings.Measurement.BERNOULLI));
    }

    /** Cells whose g and h are the identity: their Jacobians enter the same equations. */
    @Test
    void identityCellsAreFilteredAsTheDenseEkfAndContractToTheSgdGradient() {
        for (KalmanSettings.Measurement m : KalmanSettings.Measurement.values()) {
            assertFilterMatchesNaive(SETTINGS.withDecoupled(false).withMeasurement(m), Squash.IDENTITY);
            assertFilterMatchesNaive(SETTINGS.withMeasurement(m), Squash.IDENTITY);
            assertContractsToSgd(m, Squash.IDENTITY);
        }
    }

    private static void assertFilterMatchesNaive(KalmanSettings settings) {
        assertFilterMatchesNaive(settings, Squash.SIGMOID);
    }

    /** 40 steps of the learner and of the equations, from the same Jacobians: the same weights to 1e-10. */
    private static void assertFilterMatchesNaive(KalmanSettings settings, Squash cells) {
        boolean decoupled = settings.decoupled();
        LstmNetwork net = tinyNet(11, cells);
        DekfLearner dekf = new DekfLearner(net, settings);
        int n = dekf.weights().length;
        int outputs = net.outputs();
        int[] group = new int[n];
        int w0 = 0;
        int[] sizes = dekf.groupSizes();
        for (int g = 0; g < sizes.length; g++) {
            for (int i = 0; i < sizes[g]; i++) {
                group[w0++] = decoupled ? g : 0;
            }
        }
        double[] w = dekf.weights();
        double[][] p = new double[n][n];
        for (int i = 0; i < n; i++) {
            p[i][i] = settings.initialCovariance();
        }
        SplittableRandom data = new SplittableRandom(12);
        for (int t = 0; t < 40; t++) {
            double[] x = {data.nextDouble(-1, 1), data.nextDouble(-1, 1), data.nextDouble(-1, 1)};
            double[] target = {data.nextInt(2), data.nextInt(2)};
            double[] y = dekf.step(x, target).clone();
            double[] flat = dekf.jacobian();
            double[][] h = new double[n][outputs];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < outputs; k++) {
                    h[i][k] = flat[i * outputs + k];
                }
            }
            double r = settings.measurementNoise(t);
            double q = settings.processNoise(t);
            double[][] ph = multiply(p, h);
            // Bernoulli: the working response (t - y) / (y (1 - y)), noise R / (y (1 - y)); else t - y and R
            boolean bernoulli = settings.measurement() == KalmanSettings.Measurement.BERNOULLI;
            double[] weight = new double[outputs];
            for (int k = 0; k < outputs; k++) {
                weight[k] = bernoulli ? Math.max(y[k] * (1 - y[k]), 1e-12) : 1;
            }
            double[][] a = multiply(transpose(h), ph);
            for (int k = 0; k < outputs; k++) {
                a[k][k] += r / weight[k];
            }
            double[][] gain = multiply(ph, inverse(a));
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < outputs; k++) {
                    w[i] += gain[i][k] * (target[k] - y[k]) / weight[k];
                }
            }
            double[][] drop = multiply(gain, transpose(ph)); // K H^T P
            for (int i = 0; i < n; i++) {
                for (int l = 0; l < n; l++) {
                    p[i][l] = group[i] != group[l] ? 0 : p[i][l] - drop[i][l] + (i == l ? q : 0);
                }
            }
            double[] got = dekf.weights();
            for (int i = 0; i < n; i++) {
                assertEquals(w[i], got[i], 1e-10, "step " + t + ", " + dekf.weightName(i));
            }
        }
        assertEquals(0, dekf.covarianceResets());
    }

    /**
     * {@code sum_k (y_k - t_k) / (y_k (1 - y_k)) dy_k/dw}, and {@code sum_k (y_k - t_k) dnet_k/dw},
     * are the gradient the SGD learner steps against, at every step of a run in which the two see
     * the same weights.
     */
    @Test
    void derivativesContractToTheSgdGradient() {
        assertContractsToSgd(KalmanSettings.Measurement.OUTPUT);
        assertContractsToSgd(KalmanSettings.Measurement.LOGIT);
        assertContractsToSgd(KalmanSettings.Measurement.BERNOULLI);
    }

    private static void assertContractsToSgd(KalmanSettings.Measurement measurement) {
        assertContractsToSgd(measurement, Squash.SIGMOID);
    }

    private static void assertContractsToSgd(KalmanSettings.Measurement measurement, Squash cells) {
        LstmNetwork net = tinyNet(21, cells);
        LstmNetwork mirror = net.copy();
        DekfLearner dekf = new DekfLearner(net, SETTINGS.withMeasurement(measurement));
        boolean logit = measurement != KalmanSettings.Measurement.OUTPUT;
        OnlineLearner sgd = new OnlineLearner(mirror, 0, 0, false).recordGradients();
        int outputs = net.outputs();
        SplittableRandom data = new SplittableRandom(22);
        int checked = 0;
        for (int t = 0; t < 30; t++) {
            double[] x = {data.nextDouble(-1, 1), data.nextDouble(-1, 1), data.nextDouble(-1, 1)};
            double[] target = {data.nextInt(2), data.nextInt(2)};
            mirror.setParameters(net.parameters()); // the weights dekf is about to compute with; traces kept
            sgd.step(x, target);
            double[] y = dekf.step(x, target).clone();
            double[] h = dekf.jacobian();
            Map<String, double[]> grad = sgd.lastGradient();
            for (int i = 0; i < h.length / outputs; i++) {
                double sum = 0;
                for (int k = 0; k < outputs; k++) {
                    sum += (y[k] - target[k]) / (logit ? 1 : y[k] * (1 - y[k])) * h[i * outputs + k];
                }
                double expected = grad.get(LstmNetwork.NAMES[dekf.weightParam(i)])[dekf.weightIndex(i)];
                assertEquals(expected, sum, 1e-12 * (1 + Math.abs(expected)), "step " + t + ", " + dekf.weightName(i));
                checked++;
            }
        }
        assertTrue(checked > 1000, "checked " + checked);
    }

    @Test
    void guardRefusesNonFiniteStepsAndRestartsTheCovariance() {
        LstmNetwork net = tinyNet(31);
        DekfLearner dekf = new DekfLearner(net, SETTINGS);
        double[] before = dekf.weights();
        for (int t = 0; t < 5; t++) {
            dekf.step(new double[] {Double.NaN, 1, -1}, new double[] {1, 0}); // the derivatives go NaN
        }
        assertEquals(5, dekf.covarianceResets());
        assertTrue(java.util.Arrays.equals(before, dekf.weights()), "a refused step changed a weight");
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < b.length; k++) {
                for (int j = 0; j < b[0].length; j++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }

    private static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    /** Gauss-Jordan with partial pivoting. */
    private static double[][] inverse(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n + i] = 1;
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            double[] tmp = m[c];
            m[c] = m[pivot];
            m[pivot] = tmp;
            double d = m[c][c];
            for (int j = 0; j < 2 * n; j++) {
                m[c][j] /= d;
            }
            for (int r = 0; r < n; r++) {
                if (r != c && m[r][c] != 0) {
                    double f = m[r][c];
                    for (int j = 0; j < 2 * n; j++) {
                        m[r][j] -= f * m[c][j];
                    }
                }
            }
        }
        double[][] inv = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], n, inv[i], 0, n);
        }
        return inv;
    }
}
