package bebop.nn.baseline;

import bebop.nn.FeedbackRule;
import bebop.nn.SequenceModel;
import java.util.List;

/**
 * Model-agnostic measurements on any {@link SequenceModel} (the baselines or the LSTM): held-out
 * cross-entropy, free-running generation and frame agreement with a reference cycle.
 */
public final class BaselineEvaluation {
    private BaselineEvaluation() {
    }

    /**
     * Mean cross-entropy per transition, summed over units ({@code -sum_u t ln y + (1 - t) ln
     * (1 - y)}, natural log), of predicting frame t+1 from frames 0..t; each piece from a reset.
     */
    public static double meanCrossEntropy(SequenceModel model, List<double[][]> pieces) {
        double loss = 0;
        long steps = 0;
        for (double[][] piece : pieces) {
            model.reset();
            for (int t = 0; t + 1 < piece.length; t++) {
                double[] y = model.step(piece[t]);
                double[] next = piece[t + 1];
                for (int u = 0; u < next.length; u++) {
                    loss += ElmanNetwork.crossEntropy(y[u], next[u]);
                }
                steps++;
            }
        }
        if (steps == 0) {
            throw new IllegalArgumentException("no transitions to evaluate");
        }
        return loss / steps;
    }

    /**
     * Free-running generation: reset, feed the primer frames, then {@code steps} times turn the
     * outputs into the next frame with {@code rule} and feed it back. Returns the generated frames
     * (copies), which stand at positions {@code primer.length .. primer.length + steps - 1}.
     */
    public static double[][] freeRun(SequenceModel model, double[][] primer, int steps, FeedbackRule rule) {
        if (primer.length == 0) {
            throw new IllegalArgumentException("free-running needs at least one primer frame");
        }
        model.reset();
        double[] outputs = null;
        for (double[] f : primer) {
            outputs = model.step(f);
        }
        double[] frame = new double[model.units()];
        double[][] out = new double[steps][];
        for (int t = 0; t < steps; t++) {
            rule.next(outputs, frame);
            out[t] = frame.clone();
            outputs = model.step(frame);
        }
        return out;
    }

    /**
     * The fraction of generated frames whose units {@code [from, to)} (on = above 0.5) equal those of
     * the reference cycle at the same position: generated frame t stands at position {@code
     * (firstPosition + t) mod cycle.length}.
     */
    public static double cycleAccuracy(double[][] generated, int firstPosition, double[][] cycle, int from, int to) {
        if (generated.length == 0) {
            return Double.NaN;
        }
        int right = 0;
        for (int t = 0; t < generated.length; t++) {
            double[] ref = cycle[(firstPosition + t) % cycle.length];
            boolean same = true;
            for (int u = from; u < to && same; u++) {
                same = (generated[t][u] > 0.5) == (ref[u] > 0.5);
            }
            if (same) {
                right++;
            }
        }
        return (double) right / generated.length;
    }
}
