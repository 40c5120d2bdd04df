package bebop.nn;

import java.util.random.RandomGenerator;

/**
 * A {@link SequenceModel} whose units in a frame are not independent (a NADE output): the next
 * frame is drawn as a whole, unit by unit in order, each given the units drawn before it, rather
 * than each unit on its own from {@link SequenceModel#step}'s probabilities.
 */
public interface FrameSampler {
    /**
     * Draws the frame that follows the last {@link SequenceModel#step} into {@code frame} (0/1),
     * every unit's logit divided by {@code temperature}; one {@code rng.nextDouble()} per unit, in
     * unit order.
     */
    void sampleFrame(double temperature, RandomGenerator rng, double[] frame);
}
