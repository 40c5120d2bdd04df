package bebop.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Full BPTT against central finite differences of the sequence loss. */
class BpttGradientTest {

    @ParameterizedTest(name = "seed {0}, peepholes {1}")
    @CsvSource({"1, true", "2, true", "3, false", "4, false", "5, true"})
    void bpttMatchesFiniteDifferences(long seed, boolean peepholes) {
        assertMatchesFiniteDifferences(seed, peepholes, Squash.SIGMOID, Squash.SIGMOID);
    }

    /** The other cell squashings: g or h or both the identity (Gers and Schmidhuber 2001's cells). */
    @ParameterizedTest(name = "seed {0}, peepholes {1}, g {2}, h {3}")
    @CsvSource({"6, true, IDENTITY, IDENTITY", "7, false, IDENTITY, IDENTITY", "8, true, IDENTITY, SIGMOID",
        "9, true, SIGMOID, IDENTITY"})
    void bpttMatchesFiniteDifferencesWithOtherSquashing(long seed, boolean peepholes, Squash g, Squash h) {
        assertMatchesFiniteDifferences(seed, peepholes, g, h);
    }

    private static void assertMatchesFiniteDifferences(long seed, boolean peepholes, Squash g, Squash hs) {
        SplittableRandom rng = new SplittableRandom(seed);
        LstmConfig cfg = TestNets.randomConfig(rng, 4, 3, 3, 2, peepholes, true, 0.7).withSquashing(g, hs);
        LstmNetwork net = LstmNetwork.create(cfg, rng);
        double[][] in = TestNets.randomInputs(rng, 12, 4);
        double[][] tg = TestNets.randomTargets(rng, 12, 3);
        BpttGradient.Result r = BpttGradient.compute(net, in, tg);
        assertEquals(BpttGradient.sequenceLoss(net, in, tg), r.loss(), 1e-12);

        Map<String, double[]> params = net.parameters();
        double h = 1e-5;
        double worst = 0;
        for (String name : net.parameterNames()) {
            double[] analytic = r.gradient().get(name);
            double[] numeric = new double[analytic.length];
            for (int i = 0; i < analytic.length; i++) {
                double[] a = params.get(name);
                double keep = a[i];
                a[i] = keep + h;
                net.setParameters(params);
                double up = BpttGradient.sequenceLoss(net, in, tg);
                a[i] = keep - h;
                net.setParameters(params);
                double down = BpttGradient.sequenceLoss(net, in, tg);
                a[i] = keep;
                net.setParameters(params);
                numeric[i] = (up - down) / (2 * h);
            }
            double rel = relativeError(analytic, numeric);
            worst = Math.max(worst, rel);
            assertTrue(rel <= 1e-6, name + ": relative error " + rel);
            for (int i = 0; i < analytic.length; i++) {
                assertEquals(numeric[i], analytic[i], 1e-8 + 1e-6 * Math.abs(numeric[i]),
                        name + "[" + i + "]");
            }
        }
        assertTrue(worst > 0, "a zero error means the check compared nothing");
    }

    /** ||a - b|| / max(||a||, ||b||, tiny). */
    static double relativeError(double[] a, double[] b) {
        double diff = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            diff += (a[i] - b[i]) * (a[i] - b[i]);
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return Math.sqrt(diff) / Math.max(Math.sqrt(Math.max(na, nb)), 1e-300);
    }
}
