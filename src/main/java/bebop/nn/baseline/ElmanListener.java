package bebop.nn.baseline;

/** Receives one report per epoch of {@link ElmanNetwork#train}; keep it cheap. */
@FunctionalInterface
public interface ElmanListener {
    ElmanListener NONE = epoch -> { };

    void onEpoch(Epoch epoch);

    /** Polled after every epoch: true ends training (the best weights so far are kept). */
    default boolean stopRequested() {
        return false;
    }

    /**
     * One epoch's numbers.
     *
     * @param epoch          1-based
     * @param trainLoss      mean cross-entropy per step (summed over units) over the epoch's
     *                       windows, with the weights as they were when each window was seen
     * @param validationLoss mean cross-entropy per step on the validation pieces after the epoch
     *                       (NaN without validation pieces)
     * @param best           this epoch's weights are the best so far (the ones kept)
     */
    record Epoch(int epoch, double trainLoss, double validationLoss, boolean best) {
    }
}
