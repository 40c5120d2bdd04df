package bebop.train;

import bebop.nn.KalmanSettings;
import bebop.nn.LstmConfig;

/**
 * What the settings of both experiments let a user change the same way ({@code S}: the settings
 * record itself), so that one reading of the flags serves Experiment 1 and Experiment 2.
 */
public interface PaperNetworkSettings<S extends PaperNetworkSettings<S>> {
    S withLearningRate(double lr);

    S withMomentum(double mu);

    S withPeepholes(boolean on);

    S withGateBiases(LstmConfig.GateBiasSet set);

    S withResetAfterGrossErrors(int k);

    S withTrainer(Experiment1Settings.Trainer t);

    S withKalman(KalmanSettings k);

    Experiment1Settings.Trainer trainer();

    double learningRate();

    double momentum();

    KalmanSettings kalman();

    /**
     * The learning algorithm in words, as {@code train} prints it and {@code inspect} reads it back
     * from a model file: "online truncated RTRL (the paper's algorithm), learning rate 0.001, momentum 0.9".
     */
    String describeLearning();

    /** {@link #describeLearning} of {@code s}, whose BPTT recipe is {@code bptt} in words. */
    static String describeLearning(PaperNetworkSettings<?> s, String bptt) {
        String rates = ", learning rate " + s.learningRate() + ", momentum " + s.momentum();
        return switch (s.trainer()) {
            case BPTT_ADAM -> bptt + rates;
            case ONLINE_RTRL -> "online truncated RTRL (the paper's algorithm)" + rates;
            case DEKF -> "online truncated RTRL with a " + s.kalman().describe();
        };
    }
}
