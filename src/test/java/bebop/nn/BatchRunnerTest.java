package bebop.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Many runs in one pass ({@link BatchRunner}) give each run's outputs to the bit, as one runner at a time does. */
class BatchRunnerTest {
    @Test
    void eachStreamGivesTheOutputsOfItsOwnRunnerOnBothPaths() {
        for (Arithmetic arithmetic : Arithmetic.values()) {
            for (LstmConfig cfg : EngineBitsTest.configs()) {
                LstmNetwork net = LstmNetwork.create(cfg, new SplittableRandom(4), arithmetic);
                int n = 5;
                double[][][] in = new double[n][][];
                for (int b = 0; b < n; b++) {
                    in[b] = PackedLearnerTest.frames(new SplittableRandom(30 + b), 40, cfg.inputs());
                }
                in[2] = TestNets.randomInputs(new SplittableRandom(7), 40, cfg.inputs()); // not only 0/1
                BatchRunner batch = new BatchRunner(net, n);
                LstmRunner[] one = new LstmRunner[n];
                for (int b = 0; b < n; b++) {
                    one[b] = net.newRunner();
                }
                double[][] frame = new double[n][];
                for (int t = 0; t < 40; t++) {
                    for (int b = 0; b < n; b++) {
                        frame[b] = in[b][t];
                    }
                    batch.step(frame);
                    for (int b = 0; b < n; b++) {
                        assertArrayEquals(one[b].step(in[b][t]), batch.outputs(b), 0.0,
                                cfg + " " + arithmetic.id() + " stream " + b + " t=" + t);
                    }
                }
            }
        }
    }

    @Test
    void aResetZeroesTheStatesAndReadsTheTrainedWeights() {
        LstmConfig cfg = LstmConfig.experiment2();
        LstmNetwork net = LstmNetwork.create(cfg, 8);
        double[][] f = PackedLearnerTest.frames(new SplittableRandom(3), 20, cfg.inputs());
        BatchRunner batch = new BatchRunner(net, 2);
        batch.step(new double[][] {f[0], f[1]});
        OnlineLearner learner = net.newLearner(0.1, 0.9);
        for (int t = 0; t < 19; t++) {
            learner.step(f[t], f[t + 1]);
        }
        batch.reset();
        LstmRunner fresh = net.newRunner();
        batch.step(new double[][] {f[5], f[5]});
        double[] want = fresh.step(f[5]);
        assertArrayEquals(want, batch.outputs(0), 0.0);
        assertArrayEquals(want, batch.outputs(1), 0.0);
        assertThrows(IllegalArgumentException.class, () -> batch.step(new double[][] {f[0]}));
    }
}
