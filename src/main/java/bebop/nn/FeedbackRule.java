package bebop.nn;

import java.util.random.RandomGenerator;

/**
 * Turns the output units of one step into the next input frame (raw, before normalisation)
 * during free-running generation.
 */
@FunctionalInterface
public interface FeedbackRule {
    /** Writes the next raw input frame into {@code frame} from {@code outputs}. */
    void next(double[] outputs, double[] frame);

    /** Every unit: 1 when its output is at or above {@code threshold}, else 0 (the paper's chord rule at 0.5). */
    static FeedbackRule threshold(double threshold) {
        return (outputs, frame) -> {
            for (int k = 0; k < outputs.length; k++) {
                frame[k] = outputs[k] >= threshold ? 1.0 : 0.0;
            }
        };
    }

    /**
     * Units {@code [thresholdFrom, thresholdTo)} thresholded at {@code threshold}; units
     * {@code [sampleFrom, sampleTo)} one-hot, one unit drawn with probability proportional to its
     * output (the paper's melody rule: outputs divided by their sum, one uniform draw); any other
     * unit 0.
     */
    static FeedbackRule thresholdAndSample(int thresholdFrom, int thresholdTo, double threshold,
                                           int sampleFrom, int sampleTo, RandomGenerator rng) {
        if (thresholdFrom > thresholdTo || sampleFrom >= sampleTo) {
            throw new IllegalArgumentException("bad unit ranges");
        }
        return (outputs, frame) -> {
            java.util.Arrays.fill(frame, 0.0);
            for (int k = thresholdFrom; k < thresholdTo; k++) {
                frame[k] = outputs[k] >= threshold ? 1.0 : 0.0;
            }
            double sum = 0;
            for (int k = sampleFrom; k < sampleTo; k++) {
                sum += outputs[k];
            }
            double r = rng.nextDouble() * sum;
            int pick = sampleTo - 1;
            for (int k = sampleFrom; k < sampleTo; k++) {
                r -= outputs[k];
                if (r < 0) {
                    pick = k;
                    break;
                }
            }
            frame[pick] = 1.0;
        };
    }
}
