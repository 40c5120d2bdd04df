package bebop.nn.baseline;

import bebop.nn.LstmConfig;
import bebop.nn.LstmNetwork;

/**
 * How an {@link ElmanNetwork} is shaped and trained.
 *
 * <p>Training is truncated backpropagation through time over windows of {@code window} steps:
 * each piece is cut into consecutive windows, the hidden state is carried from one window to the
 * next (as a constant: no gradient crosses a window boundary) and reset to zero at the start of
 * each piece; the weights are updated after every window with Adam on the window's mean
 * cross-entropy per step. A piece no longer than {@code window + 1} frames (a 96-step chorus with
 * the default window of 96) is therefore trained by full BPTT from a zero state.
 *
 * @param hidden          hidden units (tanh)
 * @param window          steps per truncated-BPTT window (and per update)
 * @param epochs          passes over the training pieces (at most)
 * @param learningRate    Adam step size
 * @param initRange       weights start uniform in {@code [-initRange, initRange)}; biases start at 0
 * @param clipNorm        the window's gradient is scaled down to this global L2 norm when larger;
 *                        0 turns clipping off
 * @param normalizeInputs z-score each input unit over the training frames (as the paper's LSTM);
 *                        targets stay 0/1
 * @param patience        with validation pieces: stop after this many epochs without a better
 *                        validation loss (0: run all epochs); the best weights are kept
 * @param shuffle         visit the pieces in a fresh seeded random order every epoch
 */
public record ElmanSettings(
        int hidden,
        int window,
        int epochs,
        double learningRate,
        double initRange,
        double clipNorm,
        boolean normalizeInputs,
        int patience,
        boolean shuffle) {

    public static final double ADAM_BETA1 = 0.9;
    public static final double ADAM_BETA2 = 0.999;
    public static final double ADAM_EPSILON = 1e-8;

    public ElmanSettings {
        if (hidden < 1 || window < 1 || epochs < 0 || patience < 0) {
            throw new IllegalArgumentException("bad Elman settings: hidden=" + hidden + " window=" + window
                    + " epochs=" + epochs + " patience=" + patience);
        }
        if (!(learningRate > 0) || !(initRange >= 0) || !(clipNorm >= 0)
                || Double.isInfinite(learningRate) || Double.isInfinite(initRange) || Double.isInfinite(clipNorm)) {
            throw new IllegalArgumentException("bad Elman settings: learningRate=" + learningRate
                    + " initRange=" + initRange + " clipNorm=" + clipNorm);
        }
    }

    /**
     * Defaults with {@code hidden} hidden units: windows of 96 steps (one chorus), 30 epochs, Adam
     * step 3e-3, weights +-0.1, clipping at norm 5, normalised inputs, patience 5, shuffled pieces.
     */
    public static ElmanSettings defaults(int hidden) {
        return new ElmanSettings(hidden, 96, 30, 3e-3, 0.1, 5.0, true, 5, true);
    }

    /** Defaults with the hidden size whose weight count is closest to the paper's Experiment 1 LSTM. */
    public static ElmanSettings matchingExperiment1() {
        return defaults(hiddenToMatch(LstmConfig.EXP1_UNITS, LstmConfig.EXP1_UNITS,
                lstmWeights(LstmConfig.experiment1())));
    }

    /** Defaults with the hidden size whose weight count is closest to the paper's Experiment 2 LSTM. */
    public static ElmanSettings matchingExperiment2() {
        int units = LstmConfig.EXP2_CHORD_UNITS + LstmConfig.EXP2_MELODY_UNITS;
        return defaults(hiddenToMatch(units, units, lstmWeights(LstmConfig.experiment2())));
    }

    /** The number of trainable weights (biases included) of a paper LSTM of this shape. */
    public static int lstmWeights(LstmConfig config) {
        return LstmNetwork.create(config, 0L).parameterCount();
    }

    /**
     * The hidden size whose Elman weight count ({@link ElmanNetwork#parameterCount(int, int, int)})
     * is closest to {@code weights} (the smaller on a tie).
     */
    public static int hiddenToMatch(int inputs, int outputs, int weights) {
        int best = 1;
        long bestDiff = Long.MAX_VALUE;
        for (int h = 1; h <= 4096; h++) {
            long diff = Math.abs((long) ElmanNetwork.parameterCount(inputs, h, outputs) - weights);
            if (diff < bestDiff) {
                best = h;
                bestDiff = diff;
            }
        }
        return best;
    }

    public ElmanSettings withHidden(int h) {
        return new ElmanSettings(h, window, epochs, learningRate, initRange, clipNorm, normalizeInputs, patience, shuffle);
    }

    public ElmanSettings withWindow(int w) {
        return new ElmanSettings(hidden, w, epochs, learningRate, initRange, clipNorm, normalizeInputs, patience, shuffle);
    }

    public ElmanSettings withEpochs(int e) {
        return new ElmanSettings(hidden, window, e, learningRate, initRange, clipNorm, normalizeInputs, patience, shuffle);
    }

    public ElmanSettings withLearningRate(double lr) {
        return new ElmanSettings(hidden, window, epochs, lr, initRange, clipNorm, normalizeInputs, patience, shuffle);
    }

    public ElmanSettings withInitRange(double r) {
        return new ElmanSettings(hidden, window, epochs, learningRate, r, clipNorm, normalizeInputs, patience, shuffle);
    }

    public ElmanSettings withClipNorm(double c) {
        return new ElmanSettings(hidden, window, epochs, learningRate, initRange, c, normalizeInputs, patience, shuffle);
    }

    public ElmanSettings withNormalizeInputs(boolean on) {
        return new ElmanSettings(hidden, window, epochs, learningRate, initRange, clipNorm, on, patience, shuffle);
    }

    public ElmanSettings withPatience(int p) {
        return new ElmanSettings(hidden, window, epochs, learningRate, initRange, clipNorm, normalizeInputs, p, shuffle);
    }

    public ElmanSettings withShuffle(boolean on) {
        return new ElmanSettings(hidden, window, epochs, learningRate, initRange, clipNorm, normalizeInputs, patience, on);
    }
}
