package bebop.train;

import bebop.nn.DekfLearner;
import bebop.nn.KalmanSettings;
import bebop.nn.LstmNetwork;
import bebop.nn.OnlineLearner;
import bebop.nn.StepLearner;
import java.util.function.BiPredicate;

/**
 * The one epoch loop of the online trainers of {@link Experiment1} and {@link Experiment2}: one
 * online weight change per step from the truncated RTRL/BPTT derivatives, by the paper's momentum
 * SGD ({@link OnlineLearner}, {@code --paper}) or a decoupled extended Kalman filter
 * ({@link DekfLearner}); an epoch is {@code stepsPerEpoch} steps, whatever resets
 * happened inside it. After {@code resetAfterGrossErrors} gross errors the learner resets (zero
 * state, activations and traces; weights and momentum kept) and the steps go back to the start of
 * the current chorus. After every epoch the {@link StopTest} runs and the epoch is
 * reported; it stops when the test passes, after {@code maxEpochs} or when the listener asks.
 * Two variations on the resets: the stream may go on where the error was instead of restarting
 * its chorus, and the learner may also reset at the start of every N-th chorus.
 */
final class OnlineRecipe {
    private OnlineRecipe() {
    }

    /** The training steps, one after another. */
    interface Steps {
        /** Moves to the next step: {@link #input()} and {@link #target()} give it until the next call. */
        void next();

        /** The current step's input frame (normalised). */
        double[] input();

        /** The current step's target frame. */
        double[] target();

        /** After a reset: back to the first step of the current chorus. */
        void restart();

        /** Whether the next step is the first of a chorus. */
        boolean atChorusStart();
    }

    /** The online learner of {@code trainer} for {@code net}: momentum SGD or the DEKF. */
    static StepLearner learner(LstmNetwork net, Experiment1Settings.Trainer trainer, double learningRate,
                               double momentum, KalmanSettings kalman) {
        return switch (trainer) {
            case ONLINE_RTRL -> net.newLearner(learningRate, momentum);
            case DEKF -> new DekfLearner(net, kalman);
            case BPTT_ADAM -> throw new IllegalArgumentException("BPTT + Adam is not an online learner");
        };
    }

    /**
     * Trains the network of {@code learner} in place.
     *
     * @param grossError whether an output frame is a gross error against its target
     * @param restartChorus a reset after gross errors also takes the stream back to the start of its chorus
     * @param chorusesPerReset reset at the start of every this many choruses too (0: never)
     */
    static EpochLog.Run train(StepLearner learner, int stepsPerEpoch, int resetAfterGrossErrors, boolean restartChorus,
                              int chorusesPerReset, BiPredicate<double[], double[]> grossError, long maxEpochs,
                              Steps stream, StopTest stop, TrainingListener listener) {
        EpochLog log = new EpochLog(listener);
        final int k = resetAfterGrossErrors;
        int gross = 0;
        long steps = 0;
        long epoch = 0;
        long choruses = 0;
        while (epoch < maxEpochs && !stop.passed()) {
            epoch++;
            double ce = 0;
            int resets = 0;
            for (int i = 0; i < stepsPerEpoch; i++) {
                if (chorusesPerReset > 0 && stream.atChorusStart() && choruses++ % chorusesPerReset == 0) {
                    learner.reset();
                }
                stream.next();
                double[] target = stream.target();
                double[] y = learner.step(stream.input(), target);
                ce += learner.lastLoss();
                if (k > 0 && grossError.test(y, target)) {
                    if (++gross >= k) {
                        learner.reset();
                        if (restartChorus) {
                            stream.restart();
                        }
                        gross = 0;
                        resets++;
                    }
                }
            }
            steps += stepsPerEpoch;
            double mean = ce / stepsPerEpoch;
            int correct = stop.test(epoch, mean);
            if (log.epoch(epoch, steps, mean, resets, correct)) {
                break;
            }
        }
        return log.run(epoch, steps);
    }
}
