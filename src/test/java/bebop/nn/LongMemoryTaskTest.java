package bebop.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A task that needs long memory, learned by the paper-mode LSTM (online truncated RTRL, weights
 * changed every step, momentum): the first input of a sequence is a bit (+1/-1 on unit 0, then 0);
 * unit 1 carries uniform noise in [-1, 1] at every step; the target at every step is the first
 * bit (1/0). Only the memory cells can carry the bit from step 0 to the end of the sequence (the
 * inputs never show it again); the score is the output at the last step, 60 steps after the bit.
 * Learning rate 0.05, momentum 0.9 (the paper's 1e-5 is for its 96-step chord task and far too
 * slow here).
 */
class LongMemoryTaskTest {
    static final int LENGTH = 61;

    @Test
    void recallsTheFirstBitAfterSixtySteps() {
        LstmNetwork net = LstmNetwork.create(CONFIG, new SplittableRandom(7));
        int solvedAt = sequencesToSolve(net, net.newLearner(0.05, 0.9));
        assertTrue(solvedAt > 0, "SGD: not solved within " + MAX_SEQUENCES + " sequences");
        // Fresh sequences never seen before, a stricter count.
        double acc = accuracy(net, new SplittableRandom(12345), 500);
        assertTrue(acc >= 0.99, "accuracy on 500 fresh sequences " + acc + " (solved after " + solvedAt + ")");
    }

    /** The Kalman filter on the same derivatives, from the same weights and data: solved, in fewer sequences. */
    @Test
    void theKalmanFilterRecallsItInFewerSequencesThanSgd() {
        LstmNetwork sgdNet = LstmNetwork.create(CONFIG, new SplittableRandom(7));
        int sgd = sequencesToSolve(sgdNet, sgdNet.newLearner(0.05, 0.9));
        LstmNetwork net = LstmNetwork.create(CONFIG, new SplittableRandom(7));
        int dekf = sequencesToSolve(net, new DekfLearner(net, KalmanSettings.defaults()));
        assertTrue(dekf > 0, "DEKF: not solved within " + MAX_SEQUENCES + " sequences");
        assertTrue(dekf < sgd, "DEKF solved after " + dekf + " sequences, SGD after " + sgd);
        double acc = accuracy(net, new SplittableRandom(12345), 500);
        assertTrue(acc >= 0.99, "accuracy on 500 fresh sequences " + acc + " (solved after " + dekf + ")");
    }

    static final LstmConfig CONFIG = LstmConfig.fullyConnected(2, 1, 2, 2, LstmConfig.GateBiasSet.NNSP);
    static final int MAX_SEQUENCES = 10000;

    /** Trains in rounds of 50 sequences until 100 fresh ones are all right; the sequences it took, or -1. */
    private static int sequencesToSolve(LstmNetwork net, StepLearner learner) {
        SplittableRandom data = new SplittableRandom(8);
        double[] x = new double[2];
        double[] target = new double[1];
        int sequences = 0;
        while (sequences < MAX_SEQUENCES) {
            for (int block = 0; block < 50; block++) {
                boolean bit = data.nextBoolean();
                learner.reset();
                for (int t = 0; t < LENGTH; t++) {
                    fill(x, t, bit, data);
                    target[0] = bit ? 1 : 0;
                    learner.step(x, target);
                }
                sequences++;
            }
            if (accuracy(net, new SplittableRandom(sequences), 100) == 1.0) {
                return sequences;
            }
        }
        return -1;
    }

    /** And it is not solvable without memory: an untrained net scores at chance. */
    @Test
    void untrainedNetIsAtChance() {
        LstmNetwork net = LstmNetwork.create(CONFIG, new SplittableRandom(7));
        double acc = accuracy(net, new SplittableRandom(99), 400);
        assertTrue(acc > 0.3 && acc < 0.7, "accuracy " + acc);
    }

    private static void fill(double[] x, int t, boolean bit, SplittableRandom rng) {
        x[0] = t == 0 ? (bit ? 1 : -1) : 0;
        x[1] = rng.nextDouble(-1, 1);
    }

    /** Fraction of sequences whose last output is on the right side of 0.5. */
    static double accuracy(LstmNetwork net, SplittableRandom rng, int sequences) {
        LstmRunner runner = net.newRunner();
        double[] x = new double[2];
        int right = 0;
        for (int s = 0; s < sequences; s++) {
            boolean bit = rng.nextBoolean();
            runner.reset();
            double[] y = null;
            for (int t = 0; t < LENGTH; t++) {
                fill(x, t, bit, rng);
                y = runner.step(x);
            }
            right += (y[0] >= 0.5) == bit ? 1 : 0;
        }
        return (double) right / sequences;
    }
}
