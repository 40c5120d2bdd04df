package bebop.nn.modern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The NADE kernels against naive loops written here, and as a distribution. */
class NadeTest {
    /** A NADE of n visible and hn hidden units: W at 0, V at n*hn, random biases. */
    record Net(int n, int hn, float[] p, float[] b, float[] c) {
        static Net random(int n, int hn, long seed, double scale) {
            Random r = new Random(seed);
            float[] p = new float[2 * n * hn];
            for (int i = 0; i < p.length; i++) {
                p[i] = (float) (r.nextGaussian() * scale);
            }
            float[] b = new float[n];
            for (int i = 0; i < n; i++) {
                b[i] = (float) (r.nextGaussian() - 1.5);
            }
            float[] c = new float[hn];
            for (int j = 0; j < hn; j++) {
                c[j] = (float) r.nextGaussian();
            }
            return new Net(n, hn, p, b, c);
        }

        double nll(float[] v) {
            return Nade.nll(p, 0, n * hn, n, hn, b, 0, c, 0, v, 0, new float[2 * hn]);
        }

        /** log p(v_i | v_<i), from scratch for each i: the hidden pre-activation summed anew. */
        double naiveLogConditional(float[] v, int i) {
            double z = b[i];
            for (int j = 0; j < hn; j++) {
                double a = c[j];
                for (int k = 0; k < i; k++) {
                    a += v[k] * (double) p[k * hn + j];
                }
                z += p[n * hn + i * hn + j] / (1 + Math.exp(-a));
            }
            double on = 1 / (1 + Math.exp(-z));
            return Math.log(v[i] > 0.5f ? on : 1 - on);
        }
    }

    static float[] frame(int n, int... on) {
        float[] v = new float[n];
        for (int k : on) {
            v[k] = 1f;
        }
        return v;
    }

    @Test
    void nllOfAFrameIsTheSumOfItsConditionalLogProbabilities() {
        Net net = Net.random(88, 150, 1, 0.3);
        Random r = new Random(2);
        for (int trial = 0; trial < 20; trial++) {
            float[] v = new float[88];
            for (int k = 0; k < 88; k++) {
                v[k] = r.nextDouble() < 0.05 ? 1f : 0f;
            }
            double naive = 0;
            for (int i = 0; i < 88; i++) {
                naive -= net.naiveLogConditional(v, i);
            }
            double nll = net.nll(v);
            assertEquals(naive, nll, 1e-5 * naive, "frame " + trial);
            // the training pass gives the same figure
            float[] hs = new float[88 * 150];
            float[] z = new float[88];
            assertEquals(nll, Nade.forward(net.p(), 0, 88 * 150, 88, 150, net.b(), 0, net.c(), 0, v, 0, new float[150], hs, z));
        }
    }

    @Test
    void aWideFrameHasThePlainLoopsBits() {
        // 37 hidden units: two whole vectors of sigmoids (VectorCells on SIMD) and a tail
        int n = 12;
        int hn = 37;
        Net net = Net.random(n, hn, 6, 2.0);
        float[] v = frame(n, 0, 3, 4, 9);
        float[] hs = new float[n * hn];
        float[] z = new float[n];
        double nll = Nade.forward(net.p(), 0, n * hn, n, hn, net.b(), 0, net.c(), 0, v, 0, new float[hn], hs, z);
        // the plain loops, written out
        float[] a = net.c().clone();
        double want = 0;
        for (int i = 0; i < n; i++) {
            float zi = net.b()[i];
            for (int j = 0; j < hn; j++) {
                float h = LstmStack.sigmoid(a[j]);
                assertEquals(Float.floatToRawIntBits(h), Float.floatToRawIntBits(hs[i * hn + j]), "h " + i + " " + j);
                zi += h * net.p()[n * hn + i * hn + j];
            }
            assertEquals(Float.floatToRawIntBits(zi), Float.floatToRawIntBits(z[i]), "z " + i);
            want += Nade.softplusLoss(zi, v[i]);
            for (int j = 0; j < hn && v[i] != 0f; j++) {
                a[j] += v[i] * net.p()[i * hn + j];
            }
        }
        assertEquals(want, nll);
        assertEquals(want, Nade.nll(net.p(), 0, n * hn, n, hn, net.b(), 0, net.c(), 0, v, 0, new float[2 * hn]));
    }

    @Test
    void probabilitiesOfAllFramesSumToOne() {
        Net net = Net.random(10, 7, 3, 1.0);
        double total = 0;
        for (int bits = 0; bits < 1 << 10; bits++) {
            float[] v = new float[10];
            for (int k = 0; k < 10; k++) {
                v[k] = (bits >> k & 1);
            }
            total += Math.exp(-net.nll(v));
        }
        assertEquals(1.0, total, 1e-5);
    }

    @Test
    void gradientMatchesFiniteDifferencesInEveryGroup() {
        int n = 9;
        int hn = 5;
        Net net = Net.random(n, hn, 4, 0.8);
        float[] v = frame(n, 1, 2, 5, 8);
        float[] hs = new float[n * hn];
        float[] z = new float[n];
        float scale = 0.5f;
        Nade.forward(net.p(), 0, n * hn, n, hn, net.b(), 0, net.c(), 0, v, 0, new float[hn], hs, z);
        float[] db = new float[n];
        float[] dc = new float[hn];
        float[] g = new float[2 * n * hn];
        float[] gs = new float[n * hn];
        Nade.backwardRow(net.p(), n * hn, n, hn, v, 0, hs, z, scale, db, 0, dc, 0, gs);
        Nade.addWeightGradients(0, 4, hn, v, 0, hs, gs, db, 0, g, 0, n * hn);
        Nade.addWeightGradients(4, n, hn, v, 0, hs, gs, db, 0, g, 0, n * hn);
        // a double copy of the parameters, differenced with the naive loop
        double[][] groups = {toDouble(net.p(), 0, n * hn), toDouble(net.p(), n * hn, n * hn), toDouble(net.b(), 0, n),
            toDouble(net.c(), 0, hn)};
        float[][] analytic = {java.util.Arrays.copyOfRange(g, 0, n * hn), java.util.Arrays.copyOfRange(g, n * hn, 2 * n * hn),
            db, dc};
        String[] names = {"W", "V", "b", "c"};
        double eps = 1e-6;
        for (int grp = 0; grp < 4; grp++) {
            double d2 = 0;
            double n2 = 0;
            for (int i = 0; i < groups[grp].length; i++) {
                double keep = groups[grp][i];
                groups[grp][i] = keep + eps;
                double lp = naiveNll(groups, n, hn, v);
                groups[grp][i] = keep - eps;
                double lm = naiveNll(groups, n, hn, v);
                groups[grp][i] = keep;
                double fd = scale * (lp - lm) / (2 * eps);
                d2 += (fd - analytic[grp][i]) * (fd - analytic[grp][i]);
                n2 += fd * fd;
            }
            assertTrue(n2 > 1e-6, names[grp] + ": gradient too small to check");
            assertTrue(Math.sqrt(d2 / n2) < 1e-4, names[grp] + ": relative error " + Math.sqrt(d2 / n2));
        }
    }

    /** The NLL in double, each conditional from scratch; groups = W, V, b, c. */
    static double naiveNll(double[][] g, int n, int hn, float[] v) {
        double nll = 0;
        for (int i = 0; i < n; i++) {
            double z = g[2][i];
            for (int j = 0; j < hn; j++) {
                double a = g[3][j];
                for (int k = 0; k < i; k++) {
                    a += v[k] * g[0][k * hn + j];
                }
                z += g[1][i * hn + j] / (1 + Math.exp(-a));
            }
            double on = 1 / (1 + Math.exp(-z));
            nll -= Math.log(v[i] > 0.5f ? on : 1 - on);
        }
        return nll;
    }

    static double[] toDouble(float[] a, int off, int len) {
        double[] d = new double[len];
        for (int i = 0; i < len; i++) {
            d[i] = a[off + i];
        }
        return d;
    }

    @Test
    void samplingDrawsFramesWithTheirProbabilities() {
        int n = 5;
        int hn = 4;
        Net net = Net.random(n, hn, 6, 1.5);
        SplittableRandom rng = new SplittableRandom(9);
        int draws = 40_000;
        int[] counts = new int[1 << n];
        double[] out = new double[n];
        float[] a = new float[2 * hn];
        for (int d = 0; d < draws; d++) {
            Nade.sample(net.p(), 0, n * hn, n, hn, net.b(), 0, net.c(), 0, a, 1.0, rng, out);
            int bits = 0;
            for (int k = 0; k < n; k++) {
                bits |= (out[k] > 0.5 ? 1 : 0) << k;
            }
            counts[bits]++;
        }
        for (int bits = 0; bits < 1 << n; bits++) {
            float[] v = new float[n];
            for (int k = 0; k < n; k++) {
                v[k] = bits >> k & 1;
            }
            double p = Math.exp(-net.nll(v));
            double sd = Math.sqrt(p * (1 - p) / draws);
            assertEquals(p, counts[bits] / (double) draws, 5 * sd + 1e-4, "frame " + bits);
        }
    }

    @Test
    void sameSeedSameFrameAndLowTemperatureIsTheGreedyFrame() {
        Net net = Net.random(88, 20, 7, 1.0);
        double[] one = new double[88];
        double[] two = new double[88];
        float[] a = new float[2 * 20];
        Nade.sample(net.p(), 0, 88 * 20, 88, 20, net.b(), 0, net.c(), 0, a, 1.0, new SplittableRandom(5), one);
        Nade.sample(net.p(), 0, 88 * 20, 88, 20, net.b(), 0, net.c(), 0, a, 1.0, new SplittableRandom(5), two);
        assertArrayEquals(one, two);
        boolean[] greedy = new boolean[88];
        Nade.greedy(net.p(), 0, 88 * 20, 88, 20, net.b(), 0, net.c(), 0, a, greedy);
        for (long seed = 0; seed < 20; seed++) {
            Nade.sample(net.p(), 0, 88 * 20, 88, 20, net.b(), 0, net.c(), 0, a, 1e-4, new SplittableRandom(seed), one);
            for (int k = 0; k < 88; k++) {
                assertEquals(greedy[k] ? 1.0 : 0.0, one[k], "key " + k + ", seed " + seed);
            }
        }
        // a higher temperature sounds more keys on average when the model prefers silence
        double cold = 0;
        double hot = 0;
        SplittableRandom r1 = new SplittableRandom(1);
        SplittableRandom r2 = new SplittableRandom(1);
        for (int d = 0; d < 500; d++) {
            Nade.sample(net.p(), 0, 88 * 20, 88, 20, net.b(), 0, net.c(), 0, a, 0.7, r1, one);
            Nade.sample(net.p(), 0, 88 * 20, 88, 20, net.b(), 0, net.c(), 0, a, 1.5, r2, two);
            for (int k = 0; k < 88; k++) {
                cold += one[k];
                hot += two[k];
            }
        }
        assertTrue(hot > cold, "hot " + hot + ", cold " + cold);
    }
}
