package bebop.train;

/**
 * Experiment 2's plateau rule over a run's epochs ({@link Experiment2#plateaued}): the mean
 * cross-entropy of the last {@code window} epochs is less than {@code gain} (relative) below the
 * mean of the {@code window} epochs before. The errors are kept in one array sized for the run.
 * As a {@link StopTest} (the corpus recipe's, which has no form to test) it passes once
 * the error has plateaued.
 */
final class Plateau implements StopTest {
    private final double[] errors;
    private final int window;
    private final double gain;
    private int epochs;
    private boolean plateaued;

    Plateau(long maxEpochs, int window, double gain) {
        this.errors = new double[(int) Math.min(maxEpochs, Integer.MAX_VALUE - 8)];
        this.window = window;
        this.gain = gain;
    }

    /** Adds the next epoch's mean cross-entropy; true when the error has plateaued. */
    boolean add(double meanCrossEntropy) {
        errors[epochs++] = meanCrossEntropy;
        plateaued = Experiment2.plateaued(errors, epochs, window, gain);
        return plateaued;
    }

    /** Adds the epoch's error; no free-run test (0 steps right). */
    @Override
    public int test(long epoch, double meanCrossEntropy) {
        add(meanCrossEntropy);
        return 0;
    }

    /** Whether the error had plateaued at the last epoch. */
    @Override
    public boolean passed() {
        return plateaued;
    }
}
