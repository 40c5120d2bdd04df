package bebop.train;

import bebop.nn.LstmNetwork;
import bebop.nn.Normalizer;
import java.util.List;

/**
 * Outcome of a training run.
 *
 * @param network    the trained network (save {@code network.config()} and {@code network.parameters()})
 * @param normalizer the input normalisation the network was trained with (save with the model)
 * @param settings   the settings of the run
 * @param curve      one report per epoch (the learning curve)
 * @param epochs     epochs run
 * @param steps      training steps run
 * @param seconds    wall-clock seconds
 * @param converged  whether the stop test passed before maxEpochs
 */
public record TrainingResult(LstmNetwork network, Normalizer normalizer, Experiment1Settings settings,
                             List<EpochReport> curve, long epochs, long steps, double seconds, boolean converged) {
    public TrainingResult {
        curve = List.copyOf(curve);
    }
}
