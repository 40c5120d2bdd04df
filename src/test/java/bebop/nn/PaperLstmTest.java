package bebop.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The engine's fast paths against the reference {@link PaperLstm}, bit for bit in
 * {@link Arithmetic#PLAIN}: the online learner row by row and (for the standard LSTM) packed,
 * and the inference runner, on the nets of {@link EngineBitsTest} (the paper's Experiment 1 and 2
 * nets, fully connected nets with one and three cells a block, random masks with and without
 * peepholes). Each is trained from the same weights on the same frames for three passes.
 */
class PaperLstmTest {
    private static final double LEARNING_RATE = 0.01;
    private static final double MOMENTUM = 0.9;

    private static double[][] frames(LstmConfig cfg) {
        SplittableRandom rng = new SplittableRandom(5);
        double[][] f = new double[97][cfg.inputs()];
        for (double[] row : f) {
            for (int i = 0; i < row.length; i++) {
                row[i] = rng.nextDouble() < 0.3 ? 1 : 0;
            }
        }
        return f;
    }

    /** {@link EngineBitsTest}'s nets, and nets whose cell squashings are the identity. */
    private static java.util.List<LstmConfig> configs() {
        java.util.List<LstmConfig> all = new java.util.ArrayList<>(java.util.List.of(EngineBitsTest.configs()));
        all.add(LstmConfig.experiment1().withSquashing(Squash.IDENTITY, Squash.IDENTITY));
        all.add(LstmConfig.experiment2().withSquashing(Squash.IDENTITY, Squash.SIGMOID));
        all.add(LstmConfig.fullyConnected(4, 4, 2, 1, LstmConfig.GateBiasSet.GERS_2001)
                .withSquashing(Squash.SIGMOID, Squash.IDENTITY));
        return all;
    }

    private static LstmNetwork network(LstmConfig cfg) {
        return LstmNetwork.create(cfg, new SplittableRandom(11), Arithmetic.PLAIN);
    }

    @Test
    void theOnlineLearnerRowByRowAndPackedLearnsAsTheReference() {
        for (LstmConfig cfg : configs()) {
            double[][] f = frames(cfg);
            LstmNetwork reference = network(cfg);
            LstmNetwork rowsNet = network(cfg);
            LstmNetwork fastNet = network(cfg);
            PaperLstm paper = new PaperLstm(reference, LEARNING_RATE, MOMENTUM);
            OnlineLearner rows = new OnlineLearner(rowsNet, LEARNING_RATE, MOMENTUM, false);
            OnlineLearner fast = fastNet.newLearner(LEARNING_RATE, MOMENTUM);
            for (int pass = 0; pass < 3; pass++) {
                paper.reset();
                rows.reset();
                fast.reset();
                for (int t = 0; t < 96; t++) {
                    double[] want = paper.learn(f[t], f[t + 1]).clone();
                    String what = cfg + " pass " + pass + " t=" + t;
                    assertArrayEquals(want, rows.step(f[t], f[t + 1]), 0.0, what + " (rows)");
                    assertArrayEquals(want, fast.step(f[t], f[t + 1]), 0.0, what + " (fast)");
                }
            }
            assertTrue(reference.sameWeights(rowsNet), cfg + ": row-by-row weights");
            assertTrue(reference.sameWeights(fastNet), cfg + ": fast weights");
        }
    }

    @Test
    void theRunnerComputesTheReferenceForwardPass() {
        for (LstmConfig cfg : configs()) {
            double[][] f = frames(cfg);
            LstmNetwork net = network(cfg);
            PaperLstm paper = new PaperLstm(net, 0, 0);
            LstmRunner runner = net.newRunner();
            for (int t = 0; t < 96; t++) {
                assertArrayEquals(paper.forward(f[t]), runner.step(f[t]), 0.0, cfg + " t=" + t);
            }
        }
    }
}
