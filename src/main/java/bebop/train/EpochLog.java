package bebop.train;

import java.util.ArrayList;
import java.util.List;

/**
 * The learning curve of a run as it is trained: times the run from its making, turns each
 * epoch's figures into an {@link EpochReport}, keeps it and tells the listener. Every training
 * loop of this package reports through one.
 */
final class EpochLog {
    private final TrainingListener listener;
    private final long start = System.nanoTime();
    private final List<EpochReport> curve = new ArrayList<>();

    EpochLog(TrainingListener listener) {
        this.listener = listener;
    }

    /** Records an epoch and tells the listener; true when the listener asks training to stop. */
    boolean epoch(long epoch, long steps, double meanCrossEntropy, int resets, int freeRunCorrect) {
        double seconds = seconds();
        EpochReport r = new EpochReport(epoch, steps, steps / Math.max(seconds, 1e-9), meanCrossEntropy, resets,
                freeRunCorrect);
        curve.add(r);
        listener.onEpoch(r);
        return listener.stopRequested();
    }

    /** Wall-clock seconds since the log was made. */
    double seconds() {
        return (System.nanoTime() - start) * 1e-9;
    }

    /** What a finished run leaves besides the trained network: the curve, the epochs and steps run, the seconds. */
    record Run(List<EpochReport> curve, long epochs, long steps, double seconds) {
    }

    /** The run, ended after {@code epochs} epochs of {@code steps} steps in all. */
    Run run(long epochs, long steps) {
        return new Run(curve, epochs, steps, seconds());
    }

    /** The reports so far (live). */
    List<EpochReport> curve() {
        return curve;
    }
}
