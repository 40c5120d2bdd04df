package bebop.nn;

/**
 * An online learner of a paper network: one weight change per time step, from the truncated
 * RTRL/BPTT derivatives of that step ({@link OnlineLearner}'s momentum SGD, {@link DekfLearner}'s
 * decoupled extended Kalman filter).
 */
public interface StepLearner {
    /**
     * One step: forward pass on {@code input}, then the weight change against {@code target}.
     * Returns the outputs computed before the weight change (the learner's buffer, overwritten by
     * the next call).
     */
    double[] step(double[] input, double[] target);

    /** Cross-entropy of the last {@link #step} (summed over the output units). */
    double lastLoss();

    /** Zero cell states, activations and eligibility traces; the weights (and what the learner learned about them) are kept. */
    void reset();

    /** Number of learning steps taken. */
    long steps();
}
