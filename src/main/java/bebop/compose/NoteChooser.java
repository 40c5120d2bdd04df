package bebop.compose;

import java.util.random.RandomGenerator;

/**
 * Turns a model's predictions for the next step into the next frame, as the paper generates:
 * chord units thresholded (on when the output is at least 0.5), exactly one melody note drawn
 * from the melody outputs divided by their sum with one uniform draw (roulette wheel).
 *
 * <p>{@code temperature} T generalises the melody draw: note i is drawn with probability
 * proportional to {@code p_i^(1/T)}. T = 1 is the paper's rule (the outputs themselves, computed
 * exactly as the paper describes); T below 1 sharpens the choice, towards the most likely note as
 * T goes to 0 (T = 0 is taken to mean that note: the argmax); above 1 flattens it. One uniform
 * number is drawn per step with a melody, none for chords.
 */
public final class NoteChooser {
    /** The paper's chord decision threshold. */
    public static final double CHORD_THRESHOLD = 0.5;

    private final FrameLayout layout;
    private final double threshold;
    private final double temperature;
    private final RandomGenerator rng;
    private final double[] weights;

    /** The paper's rule (threshold 0.5) at the given temperature. */
    public NoteChooser(FrameLayout layout, double temperature, RandomGenerator rng) {
        this(layout, CHORD_THRESHOLD, temperature, rng);
    }

    public NoteChooser(FrameLayout layout, double threshold, double temperature, RandomGenerator rng) {
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be finite and >= 0, got " + temperature);
        }
        this.layout = layout;
        this.threshold = threshold;
        this.temperature = temperature;
        this.rng = rng;
        this.weights = new double[Math.max(1, layout.melodyUnits())];
    }

    public double temperature() {
        return temperature;
    }

    /** Writes the next frame (0/1 values) chosen from {@code predictions} into {@code frame}. */
    public void choose(double[] predictions, double[] frame) {
        int c = layout.chordUnits();
        for (int k = 0; k < c; k++) {
            frame[k] = predictions[k] >= threshold ? 1.0 : 0.0;
        }
        int m = layout.melodyUnits();
        if (m == 0) {
            return;
        }
        for (int k = c; k < c + m; k++) {
            frame[k] = 0.0;
        }
        frame[c + pick(predictions, c, m, temperature, rng.nextDouble(), weights)] = 1.0;
    }

    /**
     * The unit (0-based within {@code [from, from+count)}) that the uniform number {@code u} in
     * [0, 1) picks from {@code p[from..from+count)} at temperature {@code t}; {@code weights} is a
     * scratch buffer of at least {@code count} values.
     */
    static int pick(double[] p, int from, int count, double t, double u, double[] weights) {
        if (t == 0) {
            return argmax(p, from, count);
        }
        double sum = 0;
        if (t == 1) {
            for (int i = 0; i < count; i++) {
                weights[i] = Math.max(0.0, p[from + i]);
                sum += weights[i];
            }
        } else {
            int top = argmax(p, from, count);
            double logTop = Math.log(p[from + top]);
            for (int i = 0; i < count; i++) {
                double pi = p[from + i];
                weights[i] = pi > 0 ? Math.exp((Math.log(pi) - logTop) / t) : 0.0;
                sum += weights[i];
            }
        }
        if (!(sum > 0) || Double.isInfinite(sum)) {
            return argmax(p, from, count);
        }
        double r = u * sum;
        for (int i = 0; i < count; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return count - 1;
    }

    private static int argmax(double[] p, int from, int count) {
        int best = 0;
        for (int i = 1; i < count; i++) {
            if (p[from + i] > p[from + best]) {
                best = i;
            }
        }
        return best;
    }
}
