package bebop.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The packed learner ({@link PackedLearner}) against the row-major learner: the same bits for
 * outputs, gradients and weights, step by step, on both arithmetic paths, for the standard LSTM
 * and the paper's nets (blocks of two cells, masks, peepholes on and off); and the network always
 * hands out its newest weights while the packed copy trains.
 */
class PackedLearnerTest {
    /** Shapes that learn on the packed path: the benchmark's, odd sizes whose rows do not fill whole vectors, the paper's nets. */
    static LstmConfig[] standard() {
        return new LstmConfig[] {
            LstmConfig.fullyConnected(25, 25, 16, 1, LstmConfig.GateBiasSet.ZERO).withPeepholes(false),
            LstmConfig.fullyConnected(7, 7, 5, 1, LstmConfig.GateBiasSet.NNSP).withPeepholes(false),
            LstmConfig.fullyConnected(1, 3, 3, 1, LstmConfig.GateBiasSet.ZERO).withPeepholes(false),
            LstmConfig.experiment1(),
            LstmConfig.experiment1().withPeepholes(false),
            LstmConfig.experiment2(),
            LstmConfig.experiment2().withPeepholes(false),
            LstmConfig.experiment2(7),
            LstmConfig.fullyConnected(9, 9, 5, 3, LstmConfig.GateBiasSet.NNSP),
            LstmConfig.fullyConnected(5, 4, 3, 1, LstmConfig.GateBiasSet.ICANN),
            LstmConfig.experiment1().withSquashing(Squash.IDENTITY, Squash.IDENTITY),
            LstmConfig.fullyConnected(4, 4, 2, 1, LstmConfig.GateBiasSet.GERS_2001).withSquashing(Squash.IDENTITY, Squash.SIGMOID),
            // columns long enough that the SIMD learner takes its sources a few at a time
            LstmConfig.fullyConnected(30, 30, 130, 1, LstmConfig.GateBiasSet.ZERO).withPeepholes(false),
            LstmConfig.fullyConnected(20, 20, 80, 2, LstmConfig.GateBiasSet.NNSP),
        };
    }

    static double[][] frames(SplittableRandom rng, int steps, int n) {
        double[][] f = new double[steps][n];
        for (double[] row : f) {
            for (int i = 0; i < n; i++) {
                row[i] = rng.nextDouble() < 0.3 ? 1 : 0;
            }
        }
        return f;
    }

    @Test
    void thePapersNetsTakeThePackedPathAndOutputsOutOfOrderDoNot() {
        for (LstmConfig cfg : standard()) {
            assertTrue(PackedLearner.supports(LstmNetwork.create(cfg, 1)), cfg.toString());
        }
        // outputs 0 and 2 have the same sources, 1 others: the error sent back to a cell would add
        // the outputs' shares in another order than the row-major learner
        boolean[][] cellToOut = {{true, true}, {true, false}, {true, true}};
        LstmConfig mixed = LstmConfig.fullyConnected(3, 3, 2, 1, LstmConfig.GateBiasSet.ZERO)
                .withMasks(LstmConfig.filled(2, 3, true), LstmConfig.filled(2, 2, true), cellToOut,
                        LstmConfig.filled(3, 3, true));
        assertFalse(PackedLearner.supports(LstmNetwork.create(mixed, 1)), "outputs out of order");
    }

    @Test
    void outputsGradientsAndWeightsAreTheRowMajorLearnersToTheBitOnBothPaths() {
        for (Arithmetic arithmetic : Arithmetic.values()) {
            for (LstmConfig cfg : standard()) {
                String what = cfg + " " + arithmetic.id();
                LstmNetwork a = LstmNetwork.create(cfg, new SplittableRandom(3), arithmetic);
                LstmNetwork b = LstmNetwork.create(cfg, new SplittableRandom(3), arithmetic);
                OnlineLearner packed = new OnlineLearner(a, 0.05, 0.9, true).recordGradients();
                OnlineLearner rows = new OnlineLearner(b, 0.05, 0.9, false).recordGradients();
                double[][] in = frames(new SplittableRandom(9), 61, cfg.inputs());
                double[][] target = frames(new SplittableRandom(10), 61, cfg.outputs());
                for (int pass = 0; pass < 2; pass++) {
                    packed.reset();
                    rows.reset();
                    for (int t = 0; t < 60; t++) {
                        assertArrayEquals(rows.step(in[t], target[t]), packed.step(in[t], target[t]), what + " t=" + t);
                        Map<String, double[]> gr = rows.lastGradient();
                        Map<String, double[]> gp = packed.lastGradient();
                        for (String name : gr.keySet()) {
                            assertArrayEquals(gr.get(name), gp.get(name), what + " gradient " + name + " t=" + t);
                        }
                    }
                    assertTrue(a.sameWeights(b), what + " pass " + pass);
                }
                assertArrayEquals(rows.predict(in[60]), packed.predict(in[60]), what);
            }
        }
    }

    @Test
    void theNetworkHandsOutTheNewestWeightsWhileTheCopyTrains() {
        LstmConfig cfg = standard()[1];
        LstmNetwork net = LstmNetwork.create(cfg, 4);
        LstmNetwork reference = LstmNetwork.create(cfg, 4);
        OnlineLearner packed = new OnlineLearner(net, 0.1, 0.5, true);
        OnlineLearner rows = new OnlineLearner(reference, 0.1, 0.5, false);
        double[][] f = frames(new SplittableRandom(2), 40, cfg.inputs());
        LstmRunner runner = net.newRunner();
        LstmRunner referenceRunner = reference.newRunner();
        for (int t = 0; t < 39; t++) {
            packed.step(f[t], f[t + 1]);
            rows.step(f[t], f[t + 1]);
            if (t % 7 == 0) {
                // every reader sees the trained weights: parameters, copies, runners, BPTT
                Map<String, double[]> p = net.parameters();
                Map<String, double[]> q = reference.parameters();
                for (String name : q.keySet()) {
                    assertArrayEquals(q.get(name), p.get(name), name + " t=" + t);
                }
                assertTrue(net.copy().sameWeights(reference));
                runner.reset();
                referenceRunner.reset();
                assertArrayEquals(referenceRunner.step(f[t]), runner.step(f[t]), "runner t=" + t);
                assertEquals(BpttGradient.sequenceLoss(reference, f, f), BpttGradient.sequenceLoss(net, f, f));
            }
        }
        // weights set from outside replace the learner's copy; training goes on from them
        Map<String, double[]> fresh = LstmNetwork.create(cfg, 99).parameters();
        net.setParameters(fresh);
        reference.setParameters(fresh);
        for (int t = 0; t < 39; t++) {
            assertArrayEquals(rows.step(f[t], f[t + 1]), packed.step(f[t], f[t + 1]), "after set t=" + t);
        }
        assertTrue(net.sameWeights(reference));
    }

    @Test
    void twoLearnersTakingTurnsOnOneNetworkTrainItAsTheRowMajorLearnersDo() {
        LstmConfig cfg = standard()[1];
        LstmNetwork net = LstmNetwork.create(cfg, 6);
        LstmNetwork reference = LstmNetwork.create(cfg, 6);
        OnlineLearner p1 = new OnlineLearner(net, 0.1, 0.9, true);
        OnlineLearner p2 = new OnlineLearner(net, 0.2, 0.0, true);
        OnlineLearner r1 = new OnlineLearner(reference, 0.1, 0.9, false);
        OnlineLearner r2 = new OnlineLearner(reference, 0.2, 0.0, false);
        double[][] f = frames(new SplittableRandom(8), 30, cfg.inputs());
        for (int t = 0; t < 29; t++) {
            OnlineLearner p = t % 3 == 0 ? p2 : p1;
            OnlineLearner r = t % 3 == 0 ? r2 : r1;
            assertArrayEquals(r.step(f[t], f[t + 1]), p.step(f[t], f[t + 1]), "t=" + t);
        }
        assertTrue(net.sameWeights(reference));
    }
}
