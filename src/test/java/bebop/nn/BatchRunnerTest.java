package bebop.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Many runs in one pass ({@link BatchRunner}) give each run's outputs to the bit, as one runner at a time does. */
class BatchRunnerTest {
    private static final int STEPS = 40;
    /** Fewer streams than a vector's lanes, more and not a multiple of 8, four whole vectors of 8. */
    private static final int[] STREAMS = {5, 13, 32};

    @Test
    void eachStreamGivesTheOutputsOfItsOwnRunnerOnBothPaths() {
        for (Arithmetic arithmetic : Arithmetic.values()) {
            for (LstmConfig cfg : EngineBitsTest.configs()) {
                for (int n : STREAMS) {
                    assertEachStreamIsItsRunner(LstmNetwork.create(cfg, new SplittableRandom(4), arithmetic), n,
                            cfg + " " + arithmetic.id() + " " + n + " streams");
                }
            }
        }
    }

    /** Weights large enough to drive the squashing functions into their clamps. */
    @Test
    void thePapersNetsWithLargeWeightsGiveTheSameBits() {
        for (Arithmetic arithmetic : Arithmetic.values()) {
            for (LstmConfig cfg : new LstmConfig[] {LstmConfig.experiment1(), LstmConfig.experiment2()}) {
                LstmNetwork net = LstmNetwork.create(cfg.withInitRange(3.0), new SplittableRandom(9), arithmetic);
                assertEachStreamIsItsRunner(net, 13, cfg + " large weights " + arithmetic.id());
            }
        }
    }

    /**
     * Streams of binary frames (each its own), one of values that are not 0/1, and one of all-zero
     * frames; the batch and the runners reset halfway.
     */
    private static void assertEachStreamIsItsRunner(LstmNetwork net, int n, String what) {
        int inputs = net.inputs();
        double[][][] in = new double[n][][];
        for (int b = 0; b < n; b++) {
            in[b] = PackedLearnerTest.frames(new SplittableRandom(30 + b), STEPS, inputs);
        }
        in[2] = TestNets.randomInputs(new SplittableRandom(7), STEPS, inputs);
        in[n - 1] = new double[STEPS][inputs];
        BatchRunner batch = new BatchRunner(net, n);
        LstmRunner[] one = new LstmRunner[n];
        for (int b = 0; b < n; b++) {
            one[b] = net.newRunner();
        }
        double[][] frame = new double[n][];
        for (int t = 0; t < STEPS; t++) {
            if (t == STEPS / 2) {
                batch.reset();
                for (LstmRunner r : one) {
                    r.reset();
                }
            }
            for (int b = 0; b < n; b++) {
                frame[b] = in[b][t];
            }
            batch.step(frame);
            for (int b = 0; b < n; b++) {
                assertArrayEquals(one[b].step(in[b][t]), batch.outputs(b), 0.0, what + " stream " + b + " t=" + t);
            }
        }
    }

    @Test
    void aResetZeroesTheStatesAndReadsTheTrainedWeights() {
        for (Arithmetic arithmetic : Arithmetic.values()) {
            LstmConfig cfg = LstmConfig.experiment2();
            LstmNetwork net = LstmNetwork.create(cfg, new SplittableRandom(8), arithmetic);
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
            assertThrows(IllegalArgumentException.class, () -> batch.step(new double[][] {f[0], new double[3]}));
        }
    }
}
