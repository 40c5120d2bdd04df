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
}
