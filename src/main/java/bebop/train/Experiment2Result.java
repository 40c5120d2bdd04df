package bebop.train;

import bebop.data.Split;
import bebop.nn.LstmNetwork;
import bebop.nn.Normalizer;
import java.util.List;

/**
 * Outcome of an Experiment 2 run.
 *
 * @param network     the trained network
 * @param normalizer  the input normalisation it was trained with
 * @param settings    the settings of the run
 * @param split       the training / held-out split of the choruses
 * @param curve       one report per epoch
 * @param epochs      epochs run
 * @param steps       training steps run
 * @param seconds     wall-clock seconds
 * @param chordTestPassed whether the last epoch's chord free-run test passed
 * @param plateaued   whether the cross-entropy had plateaued at the last epoch
 * @param converged   both: the paper's stop condition was met before maxEpochs
 */
public record Experiment2Result(LstmNetwork network, Normalizer normalizer, Experiment2Settings settings,
                                Split split, List<EpochReport> curve, long epochs, long steps,
                                double seconds, boolean chordTestPassed, boolean plateaued, boolean converged) {
    public Experiment2Result {
        curve = List.copyOf(curve);
    }
}
