package bebop.data.poly;

/**
 * Accumulates the two frame-level figures of the polyphonic benchmarks over many predicted
 * frames:
 *
 * <ul>
 *   <li><b>NLL</b>, nats per time step: for each frame the Bernoulli log-loss summed over the 88
 *       units, {@code -sum_k [x_k ln p_k + (1 - x_k) ln(1 - p_k)]}, averaged over all frames
 *       pooled together (Boulanger-Lewandowski et al. 2012, "log-likelihood per time step").
 *   <li><b>Accuracy</b> (Bay et al. 2009, as used by Boulanger-Lewandowski et al. 2012): the
 *       outputs thresholded at 0.5 give a predicted set of keys per frame; with TP, FP, FN the
 *       true positives, false positives and false negatives summed over all frames,
 *       {@code acc = TP / (TP + FP + FN)} (0 when the sum is 0).
 * </ul>
 *
 * Not thread-safe; NLL sums are kept in double.
 */
public final class FrameScore {
    private double nll;
    private long frames;
    private long tp;
    private long fp;
    private long fn;

    /**
     * Adds one frame: probabilities {@code p[off..off+n)}, targets {@code x[xOff..xOff+n)} (0/1).
     * Probabilities are clamped to [1e-7, 1 - 1e-7] for the logarithm.
     */
    public void add(double[] p, int off, float[] x, int xOff, int n) {
        double sum = 0;
        for (int k = 0; k < n; k++) {
            double q = Math.min(Math.max(p[off + k], 1e-7), 1 - 1e-7);
            boolean on = x[xOff + k] > 0.5f;
            sum -= on ? Math.log(q) : Math.log1p(-q);
            count(p[off + k] >= 0.5, on);
        }
        nll += sum;
        frames++;
    }

    /**
     * Adds one frame whose log-loss the caller computed (for example from logits, more exactly)
     * and whose thresholded prediction is {@code predicted[k]} for target {@code x[xOff + k]}.
     */
    public void addFrame(double frameNll, boolean[] predicted, float[] x, int xOff, int n) {
        nll += frameNll;
        frames++;
        for (int k = 0; k < n; k++) {
            count(predicted[k], x[xOff + k] > 0.5f);
        }
    }

    /** Adds the counts of another score. */
    public void add(FrameScore other) {
        nll += other.nll;
        frames += other.frames;
        tp += other.tp;
        fp += other.fp;
        fn += other.fn;
    }

    private void count(boolean predicted, boolean on) {
        if (predicted && on) {
            tp++;
        } else if (predicted) {
            fp++;
        } else if (on) {
            fn++;
        }
    }

    /** Frames added. */
    public long frames() {
        return frames;
    }

    /** Mean NLL per frame in nats (NaN with no frame). */
    public double nll() {
        return frames == 0 ? Double.NaN : nll / frames;
    }

    /** The summed NLL in nats. */
    public double totalNll() {
        return nll;
    }

    /** Frame accuracy TP / (TP + FP + FN); 0 when nothing was predicted or expected. */
    public double accuracy() {
        long d = tp + fp + fn;
        return d == 0 ? 0 : (double) tp / d;
    }

    public long truePositives() {
        return tp;
    }

    public long falsePositives() {
        return fp;
    }

    public long falseNegatives() {
        return fn;
    }
}
