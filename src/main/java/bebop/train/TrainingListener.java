package bebop.train;

/** Receives progress events from a training loop (progress bars, learning curves). */
@FunctionalInterface
public interface TrainingListener {
    TrainingListener NONE = report -> { };

    /** Called after every epoch, on the training thread; keep it cheap. */
    void onEpoch(EpochReport report);

    /**
     * Polled after every epoch: return true to end training early (the result then reports
     * {@code converged = false} unless the stop test had just passed).
     */
    default boolean stopRequested() {
        return false;
    }
}
