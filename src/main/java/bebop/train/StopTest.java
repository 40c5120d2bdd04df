package bebop.train;

/** The test after each epoch of a training loop ({@link BpttRecipe}, {@link OnlineRecipe}): training ends once it passes. */
interface StopTest {
    /**
     * Tests the network after epoch {@code epoch} (1-based), whose mean cross-entropy per step
     * was {@code meanCrossEntropy}; returns the epoch report's {@link EpochReport#freeRunCorrect}.
     */
    int test(long epoch, double meanCrossEntropy);

    /** Whether the last test passed: training is done. */
    boolean passed();
}
