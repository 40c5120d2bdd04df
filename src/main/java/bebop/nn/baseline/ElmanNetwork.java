package bebop.nn.baseline;

import bebop.nn.Normalizer;
import bebop.nn.SequenceModel;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * A simple recurrent network (Elman 1990), the "earlier recurrent net" baseline of the paper:
 * <pre>
 *   h(t) = tanh(W_xh x(t) + W_hh h(t-1) + b_h)
 *   y(t) = sigmoid(W_hy h(t) + W_xy x(t) + b_y)
 * </pre>
 * one fully connected tanh hidden layer with recurrent weights, logistic outputs that also take
 * the inputs directly (as the paper's LSTM outputs do), cross-entropy loss per output unit (the
 * paper's binomial units). Sigmoid and tanh arguments are clamped to +-30.
 *
 * <h2>Parameters</h2>
 * One flat array, in this order: {@code W_xh} ({@code hidden x inputs}, row-major), {@code W_hh}
 * ({@code hidden x hidden}, row j = weights into hidden unit j), {@code b_h}, {@code W_hy}
 * ({@code outputs x hidden}), {@code W_xy} ({@code outputs x inputs}), {@code b_y}: see
 * {@link #parameterCount(int, int, int)}.
 *
 * <p>Weights are mutable only through {@link #setParameters}; runners share them.
 */
public final class ElmanNetwork {
    final int inputs;
    final int hidden;
    final int outputs;
    final int offXH;
    final int offHH;
    final int offBH;
    final int offHY;
    final int offXY;
    final int offBY;
    final double[] params;

    private ElmanNetwork(int inputs, int hidden, int outputs) {
        if (inputs < 1 || hidden < 1 || outputs < 1) {
            throw new IllegalArgumentException("Elman sizes must be positive: inputs=" + inputs
                    + " hidden=" + hidden + " outputs=" + outputs);
        }
        this.inputs = inputs;
        this.hidden = hidden;
        this.outputs = outputs;
        offXH = 0;
        offHH = offXH + hidden * inputs;
        offBH = offHH + hidden * hidden;
        offHY = offBH + hidden;
        offXY = offHY + outputs * hidden;
        offBY = offXY + outputs * inputs;
        params = new double[offBY + outputs];
    }

    /**
     * The number of weights and biases: {@code hidden (inputs + hidden + 1) + outputs (hidden +
     * inputs + 1)}.
     */
    public static int parameterCount(int inputs, int hidden, int outputs) {
        return hidden * (inputs + hidden + 1) + outputs * (hidden + inputs + 1);
    }

    /** Weights uniform in {@code [-initRange, initRange)} from {@code rng}, biases 0. */
    public static ElmanNetwork create(int inputs, int hidden, int outputs, double initRange, RandomGenerator rng) {
        ElmanNetwork net = new ElmanNetwork(inputs, hidden, outputs);
        for (int i = 0; i < net.params.length; i++) {
            boolean bias = (i >= net.offBH && i < net.offHY) || i >= net.offBY;
            net.params[i] = bias ? 0.0 : initRange * (2 * rng.nextDouble() - 1);
        }
        return net;
    }

    /** A network with the given parameters (layout in the class comment). */
    public static ElmanNetwork fromParameters(int inputs, int hidden, int outputs, double[] parameters) {
        ElmanNetwork net = new ElmanNetwork(inputs, hidden, outputs);
        net.setParameters(parameters);
        return net;
    }

    /**
     * Trains a network on {@code pieces} (raw 0/1 frames; inputs = outputs = frame width) for the
     * settings' epoch budget, no validation. See {@link ElmanSettings} for the scheme; deterministic
     * given {@code seed}.
     */
    public static Trained train(List<double[][]> pieces, ElmanSettings settings, long seed, ElmanListener listener) {
        return train(pieces, List.of(), settings, seed, listener);
    }

    /**
     * Trains on {@code pieces}, measuring the mean cross-entropy per step on {@code validation}
     * (each piece from a zero state) after every epoch; keeps the weights of the best validation
     * epoch and stops after {@code settings.patience()} epochs without improvement (when {@code >
     * 0}). With no validation pieces, the final weights are kept. Deterministic given {@code seed}.
     */
    public static Trained train(List<double[][]> pieces, List<double[][]> validation, ElmanSettings settings,
                                long seed, ElmanListener listener) {
        return new ElmanTrainer(pieces, validation, settings, seed, listener).run();
    }

    /** A trained network with the normaliser of its inputs and its training history. */
    public record Trained(ElmanNetwork network, Normalizer normalizer, ElmanSettings settings, long seed,
                          List<ElmanListener.Epoch> history, int bestEpoch) {
        public Trained {
            history = List.copyOf(history);
        }

        /** A fresh runner (zero state) on raw frames: the trained network as a {@link SequenceModel}. */
        public ElmanRunner newModel() {
            return network.newRunner(normalizer);
        }
    }

    public int inputs() {
        return inputs;
    }

    public int hidden() {
        return hidden;
    }

    public int outputs() {
        return outputs;
    }

    public int parameterCount() {
        return params.length;
    }

    /** A copy of the parameters (layout in the class comment). */
    public double[] parameters() {
        return params.clone();
    }

    public void setParameters(double[] parameters) {
        if (parameters.length != params.length) {
            throw new IllegalArgumentException("expected " + params.length + " parameters, got " + parameters.length);
        }
        System.arraycopy(parameters, 0, params, 0, params.length);
    }

    public ElmanNetwork copy() {
        return fromParameters(inputs, hidden, outputs, params);
    }

    public boolean sameWeights(ElmanNetwork other) {
        return inputs == other.inputs && hidden == other.hidden && outputs == other.outputs
                && Arrays.equals(params, other.params);
    }

    /** A runner (zero state) that normalises each raw frame with {@code normalizer} before feeding it. */
    public ElmanRunner newRunner(Normalizer normalizer) {
        return new ElmanRunner(this, normalizer);
    }

    /**
     * Total cross-entropy of {@code targets} given {@code inputs} (fed as they are, no
     * normalisation) from a zero state.
     */
    public double sequenceLoss(double[][] inputs, double[][] targets) {
        checkLengths(inputs, targets);
        ElmanBptt engine = new ElmanBptt(this, Math.max(1, inputs.length));
        return engine.run(inputs, 0, targets, 0, inputs.length, null, null, null);
    }

    /**
     * Total cross-entropy of the sequence from a zero state, and its exact gradient by full BPTT,
     * added into {@code gradient} (length {@link #parameterCount()}, same layout).
     */
    public double lossAndGradient(double[][] inputs, double[][] targets, double[] gradient) {
        checkLengths(inputs, targets);
        if (gradient.length != params.length) {
            throw new IllegalArgumentException("gradient must have " + params.length + " entries");
        }
        ElmanBptt engine = new ElmanBptt(this, Math.max(1, inputs.length));
        return engine.run(inputs, 0, targets, 0, inputs.length, null, null, gradient);
    }

    private static void checkLengths(double[][] inputs, double[][] targets) {
        if (inputs.length != targets.length) {
            throw new IllegalArgumentException("inputs and targets differ in length: " + inputs.length
                    + " vs " + targets.length);
        }
    }

    @Override
    public String toString() {
        return "ElmanNetwork[inputs=" + inputs + ", hidden=" + hidden + ", outputs=" + outputs
                + ", parameters=" + params.length + "]";
    }

    // ---- kernels shared by the runner and the BPTT engine (explicit outputs, no allocation) ----

    static final double CLAMP = 30.0;

    static double sigmoid(double a) {
        double c = a > CLAMP ? CLAMP : (a < -CLAMP ? -CLAMP : a);
        return 1.0 / (1.0 + Math.exp(-c));
    }

    /** tanh through the exp intrinsic: 1 - 2 / (1 + e^{2a}), argument clamped to +-30. */
    static double tanh(double a) {
        double c = a > CLAMP ? CLAMP : (a < -CLAMP ? -CLAMP : a);
        return 1.0 - 2.0 / (1.0 + Math.exp(2.0 * c));
    }

    /** Cross-entropy of one binomial unit: -t ln y - (1 - t) ln (1 - y). */
    static double crossEntropy(double y, double t) {
        double e = 0;
        if (t != 0) {
            e -= t * Math.log(y);
        }
        if (t != 1) {
            e -= (1 - t) * Math.log(1 - y);
        }
        return e;
    }

    /** h = tanh(W_xh x + W_hh hPrev + b_h). */
    void hiddenStep(double[] x, double[] hPrev, double[] h) {
        final double[] p = params;
        for (int j = 0; j < hidden; j++) {
            double a = p[offBH + j];
            int r = offXH + j * inputs;
            for (int i = 0; i < inputs; i++) {
                a += p[r + i] * x[i];
            }
            r = offHH + j * hidden;
            for (int k = 0; k < hidden; k++) {
                a += p[r + k] * hPrev[k];
            }
            h[j] = tanh(a);
        }
    }

    /** y = sigmoid(W_hy h + W_xy x + b_y). */
    void outputStep(double[] x, double[] h, double[] y) {
        final double[] p = params;
        for (int o = 0; o < outputs; o++) {
            double a = p[offBY + o];
            int r = offHY + o * hidden;
            for (int j = 0; j < hidden; j++) {
                a += p[r + j] * h[j];
            }
            r = offXY + o * inputs;
            for (int i = 0; i < inputs; i++) {
                a += p[r + i] * x[i];
            }
            y[o] = sigmoid(a);
        }
    }
}
