package bebop.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The float path ({@link Precision#FLOAT}: {@link FloatLearner}, {@link FloatForward}) against
 * the double path, which {@link EngineBitsTest} pins: the same algorithm, so outputs and weights
 * agree to float rounding over many steps; its own bits pinned by digests, on the plain and the
 * SIMD arithmetic; its SIMD kernels equal to its plain ones to the bit.
 */
class FloatPathTest {
    /** The nets the float path takes: standard LSTMs (outputs fed by the cells and the inputs), sizes not a whole vector. */
    static LstmConfig[] configs() {
        return new LstmConfig[] {
            LstmConfig.fullyConnected(25, 25, 16, 1, LstmConfig.GateBiasSet.ZERO).withPeepholes(false),
            LstmConfig.fullyConnected(13, 13, 37, 1, LstmConfig.GateBiasSet.NNSP).withPeepholes(false),
            // two chunks of the early gate product (FloatKernels.CHUNK): 78 gate sources on the wide
            // layout of the SIMD arithmetic, 77 on the layout of one vector a segment
            LstmConfig.fullyConnected(40, 40, 37, 1, LstmConfig.GateBiasSet.NNSP).withPeepholes(false),
            LstmConfig.fullyConnected(60, 60, 16, 1, LstmConfig.GateBiasSet.ZERO).withPeepholes(false),
        };
    }

    @Test
    void onlineTrainingAgreesWithTheDoublePathToFloatRounding() {
        for (Arithmetic arithmetic : Arithmetic.values()) {
            for (LstmConfig cfg : configs()) {
                LstmNetwork a = LstmNetwork.create(cfg, new SplittableRandom(5), arithmetic);
                LstmNetwork b = a.copy();
                StepLearner la = a.newLearner(0.01, 0.9, Precision.DOUBLE);
                StepLearner lb = b.newLearner(0.01, 0.9, Precision.FLOAT);
                assertTrue(lb instanceof FloatLearner);
                double[][] f = PackedLearnerTest.frames(new SplittableRandom(9), 97, cfg.inputs());
                double worst = 0;
                for (int pass = 0; pass < 5; pass++) {
                    la.reset();
                    lb.reset();
                    for (int t = 0; t < 96; t++) {
                        double[] ya = la.step(f[t], f[t + 1]);
                        double[] yb = lb.step(f[t], f[t + 1]);
                        for (int k = 0; k < ya.length; k++) {
                            worst = Math.max(worst, Math.abs(ya[k] - yb[k]));
                        }
                        assertEquals(la.lastLoss(), lb.lastLoss(), 1e-3 * (1 + la.lastLoss()));
                    }
                }
                assertTrue(worst < 1e-4, arithmetic + " " + cfg.blocks() + " blocks: outputs differ by " + worst);
                assertWeightsClose(a.parameters(), b.parameters(), 1e-5);
                assertFalse(a.sameWeights(b), "the float path rounds: its weights are not the double path's bits");
            }
        }
    }

    private static void assertWeightsClose(Map<String, double[]> a, Map<String, double[]> b, double tolerance) {
        for (String name : a.keySet()) {
            double[] x = a.get(name);
            double[] y = b.get(name);
            for (int i = 0; i < x.length; i++) {
                assertEquals(x[i], y[i], tolerance * (1 + Math.abs(x[i])), name + "[" + i + "]");
            }
        }
    }

    @Test
    void generationGivesTheDoublePathsFramesWhereNoOutputIsNearTheThreshold() {
        // trained a little so that outputs spread; the frames are compared while every output of
        // the double run stays 1e-5 or more from the threshold (float rounding moves them by about 1e-7)
        for (LstmConfig cfg : configs()) {
            LstmNetwork net = LstmNetwork.create(cfg, new SplittableRandom(3), Arithmetic.PLAIN);
            double[][] f = PackedLearnerTest.frames(new SplittableRandom(4), 97, cfg.inputs());
            OnlineLearner l = net.newLearner(0.05, 0.9);
            for (int pass = 0; pass < 3; pass++) {
                l.reset();
                for (int t = 0; t < 96; t++) {
                    l.step(f[t], f[t + 1]);
                }
            }
            FreeRunner d = new FreeRunner(net, Normalizer.identity(cfg.inputs()), FeedbackRule.threshold(0.5));
            FreeRunner s = new FreeRunner(net, Normalizer.identity(cfg.inputs()), FeedbackRule.threshold(0.5),
                    Precision.FLOAT);
            d.prime(f[0], f[1]);
            s.prime(f[0], f[1]);
            int compared = 0;
            for (int t = 0; t < 200; t++) {
                double margin = Double.MAX_VALUE;
                for (double y : d.outputs()) {
                    margin = Math.min(margin, Math.abs(y - 0.5));
                }
                if (margin < 1e-5) {
                    break;
                }
                assertArrayEquals(d.outputs(), s.outputs(), 1e-6);
                assertArrayEquals(d.next(), s.next(), 0.0, "frame " + t);
                compared++;
            }
            assertTrue(compared >= 150, "only " + compared + " frames far from the threshold");
        }
    }

    @Test
    void theNetworkReadsTheFloatLearnersWeightsAndTheLearnerRereadsChangedWeights() {
        LstmConfig cfg = configs()[1];
        LstmNetwork net = LstmNetwork.create(cfg, new SplittableRandom(2), Arithmetic.PLAIN);
        StepLearner l = net.newLearner(0.01, 0.9, Precision.FLOAT);
        double[][] f = PackedLearnerTest.frames(new SplittableRandom(1), 97, cfg.inputs());
        l.step(f[0], f[1]);
        Map<String, double[]> after = net.parameters(); // written back, widened
        LstmRunner r = net.newRunner(Precision.FLOAT);
        LstmRunner copy = net.copy().newRunner(Precision.FLOAT);
        assertArrayEquals(copy.step(f[2]), r.step(f[2]), 0.0, "a runner of the written-back weights");
        LstmNetwork other = LstmNetwork.create(cfg, new SplittableRandom(8), Arithmetic.PLAIN);
        net.setParameters(other.parameters());
        StepLearner fresh = other.newLearner(0.01, 0.9, Precision.FLOAT);
        l.reset();
        assertArrayEquals(fresh.step(f[0], f[1]), l.step(f[0], f[1]), 0.0, "the learner reread the new weights");
        assertFalse(after.get(LstmNetwork.CELL_WEIGHTS)[0] == net.parameters().get(LstmNetwork.CELL_WEIGHTS)[0]);
    }

    @Test
    void netsOutsideTheStandardLstmAreRefused() {
        for (LstmConfig cfg : new LstmConfig[] {LstmConfig.experiment1(), LstmConfig.experiment2(),
                LstmConfig.fullyConnected(9, 9, 5, 3, LstmConfig.GateBiasSet.NNSP)}) {
            LstmNetwork net = LstmNetwork.create(cfg, 1);
            assertFalse(net.supports(Precision.FLOAT));
            assertTrue(net.supports(Precision.DOUBLE));
            assertThrows(IllegalArgumentException.class, () -> net.newLearner(0.01, 0.9, Precision.FLOAT));
            assertThrows(IllegalArgumentException.class, () -> net.newRunner(Precision.FLOAT));
        }
    }

    @Test
    void simdKernelsGiveThePlainKernelsBits() {
        SplittableRandom rng = new SplittableRandom(11);
        int lanes = FloatVectorKernels.lanes();
        // three chunks of the early product, the last one short
        int n = 2 * FloatKernels.CHUNK + 22;
        int stride = 4 * 2 * lanes;
        int traced = 3 * 2 * lanes;
        float[] w = random(rng, n * stride);
        float[] vel = random(rng, n * stride);
        float[] tr = random(rng, n * traced);
        float[] u = random(rng, n);
        float[] decay = random(rng, traced);
        float[] gain = random(rng, traced);
        float[] scale = random(rng, traced);
        float[] dOut = random(rng, 2 * lanes);
        float[] w2 = w.clone();
        float[] vel2 = vel.clone();
        float[] tr2 = tr.clone();
        // the next step's early sources: 0 at the first seven (the inputs) and at a few more
        float[] next = random(rng, n);
        for (int m : new int[] {0, 1, 2, 3, 4, 5, 6, 9, FloatKernels.CHUNK, n - 2}) {
            next[FloatKernels.LEAD + m] = 0f;
        }
        float[] partials = Aligned.floats(3 * stride);
        for (boolean descending : new boolean[] {false, true}) {
            FloatKernels.learnBlocks(w, vel, tr, stride, traced, 2 * lanes, n, u, decay, gain, scale, dOut, 0.01f,
                    0.9f);
            float[] product = Aligned.floats(stride);
            FloatKernels.chunkedProduct(w, stride, stride, next, 7, n, Aligned.floats(stride), product);
            float[] product2 = Aligned.floats(stride);
            FloatVectorKernels.learnBlocksAhead(w2, vel2, tr2, stride, traced, 2 * lanes, 7, n, u, next, decay,
                    gain, scale, dOut, 0.01f, 0.9f, descending, partials, product2);
            assertArrayEquals(w, w2, "descending " + descending);
            assertArrayEquals(vel, vel2, "descending " + descending);
            assertArrayEquals(tr, tr2, "descending " + descending);
            assertArrayEquals(product, product2, "descending " + descending);
        }
        float[] delta = random(rng, stride);
        FloatKernels.learnColumns(w, vel, stride, stride, n, u, delta, 0.01f, 0.9f);
        FloatVectorKernels.learnColumns(w2, vel2, stride, n, u, delta, 0.01f, 0.9f);
        assertArrayEquals(w, w2);
        assertArrayEquals(vel, vel2);
        float[] out = Aligned.floats(stride);
        float[] out2 = Aligned.floats(stride);
        FloatKernels.columnProduct(w, stride, stride - 3, u, 0, n, false, out);
        FloatVectorKernels.columnProduct(w, stride, stride - 3, u, 0, n, false, new int[n], out2);
        for (int r = 0; r < stride - 3; r++) {
            assertEquals(out[FloatKernels.LEAD + r], out2[FloatKernels.LEAD + r], 0f, "row " + r);
        }
    }

    /** An {@link Aligned} array of {@code n} random floats (the float kernels' arrays). */
    private static float[] random(SplittableRandom rng, int n) {
        float[] a = Aligned.floats(n);
        for (int i = FloatKernels.LEAD; i < a.length; i++) {
            a[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        return a;
    }

    @Test
    void simdAndPlainFloatPathsAgreeUpToTheRoundingOfExp() {
        for (LstmConfig cfg : configs()) {
            double[] plain = run(cfg, Arithmetic.PLAIN);
            double[] simd = run(cfg, Arithmetic.SIMD);
            assertArrayEquals(plain, simd, 1e-5);
        }
    }

    /** Outputs of float training, then of float generation. */
    private static double[] run(LstmConfig cfg, Arithmetic arithmetic) {
        LstmNetwork net = LstmNetwork.create(cfg, new SplittableRandom(5), arithmetic);
        double[][] f = PackedLearnerTest.frames(new SplittableRandom(6), 97, cfg.inputs());
        StepLearner l = net.newLearner(0.01, 0.9, Precision.FLOAT);
        double[] out = new double[2 * 96 * cfg.outputs()];
        int o = 0;
        for (int t = 0; t < 96; t++) {
            System.arraycopy(l.step(f[t], f[t + 1]), 0, out, o, cfg.outputs());
            o += cfg.outputs();
        }
        FreeRunner free = new FreeRunner(net, Normalizer.identity(cfg.inputs()), FeedbackRule.threshold(0.5),
                Precision.FLOAT);
        free.prime(f[0]);
        for (int t = 0; t < 96; t++) {
            free.next();
            System.arraycopy(free.outputs(), 0, out, o, cfg.outputs());
            o += cfg.outputs();
        }
        return out;
    }
}
