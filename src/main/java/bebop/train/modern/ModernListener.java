package bebop.train.modern;

/** What a modern training run reports as it goes; all methods are optional. */
public interface ModernListener {
    /** After every update: epoch (from 1), steps done in it, steps per epoch, mean loss so far, speed. */
    default void onUpdate(int epoch, long stepsInEpoch, long stepsPerEpoch, double meanLoss, double stepsPerSecond) {}

    /** After every epoch's validation. */
    default void onEpoch(EpochStats stats) {}

    /** After every epoch: the state to write as a checkpoint. */
    default void onCheckpoint(TrainerState state) {}

    /**
     * Polled after every update: return true to end the run (the unfinished epoch is dropped and the
     * best finished epoch's network is the result, stop reason {@code "stopped"}).
     */
    default boolean stopRequested() {
        return false;
    }

    ModernListener NONE = new ModernListener() {};
}
