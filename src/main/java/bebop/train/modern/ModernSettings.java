package bebop.train.modern;

import java.util.List;

/**
 * Settings of a modern training run (minibatch truncated BPTT with Adam).
 *
 * @param layers cells of each LSTM layer, bottom first
 * @param window truncated-BPTT window, time steps
 * @param batch lanes per minibatch (pieces side by side)
 * @param learningRate Adam's step size
 * @param clipNorm largest gradient norm (the gradient is scaled down above it); 0 = no clipping
 * @param dropout probability of dropping a unit of each LSTM layer's output (between layers and
 *     before the output layer), 0 = none
 * @param inputDropout probability of dropping an input unit (a key of the input frame) at each
 *     training step, 0 = none (a settings file written before this field existed reads as 0)
 * @param maxEpochs the most epochs (passes over the training pieces)
 * @param patience stop after this many epochs without a better validation NLL
 * @param decayPatience halve the learning rate after this many epochs without a better validation
 *     NLL (counted since the best epoch or the last halving, whichever is later) and go on from the
 *     best epoch's parameters (ReduceLROnPlateau); 0 = never (a settings file written before this
 *     field existed reads as 0, which is what it was trained with)
 * @param maxMinutes stop at the first epoch end after this many minutes of training (0 = no limit).
 *     A time limit makes the number of epochs depend on the machine; the model of a given epoch
 *     does not.
 * @param seed the seed of initial weights, data order and dropout masks
 * @param nadeHidden the output: 0 = 88 independent Bernoulli units; above 0 = a NADE over the 88 keys
 *     (low to high) with this many hidden units, its biases given by the top LSTM state (RNN-NADE,
 *     Boulanger-Lewandowski et al. 2012). A settings file written before this field existed reads
 *     as 0, which is what it was trained with.
 */
public record ModernSettings(List<Integer> layers, int window, int batch, double learningRate, double clipNorm,
                             double dropout, double inputDropout, int maxEpochs, int patience, int decayPatience, double maxMinutes,
                             long seed, int nadeHidden) {
    public ModernSettings {
        layers = List.copyOf(layers);
        if (layers.isEmpty() || layers.stream().anyMatch(h -> h < 1 || h > 4096)) {
            throw new IllegalArgumentException("layer sizes must be 1..4096: " + layers);
        }
        if (window < 1 || window > 100_000) {
            throw new IllegalArgumentException("window must be 1..100000: " + window);
        }
        if (batch < 1 || batch > 4096) {
            throw new IllegalArgumentException("batch must be 1..4096: " + batch);
        }
        if (!(learningRate > 0 && learningRate < 10)) {
            throw new IllegalArgumentException("learning rate must be in (0, 10): " + learningRate);
        }
        if (!(clipNorm >= 0 && Double.isFinite(clipNorm))) {
            throw new IllegalArgumentException("gradient clip must be 0 or positive: " + clipNorm);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1): " + dropout);
        }
        if (!(inputDropout >= 0 && inputDropout < 1)) {
            throw new IllegalArgumentException("input dropout must be in [0, 1): " + inputDropout);
        }
        if (maxEpochs < 1 || patience < 1) {
            throw new IllegalArgumentException("max epochs and patience must be at least 1");
        }
        if (decayPatience < 0 || decayPatience > 1_000_000) {
            throw new IllegalArgumentException("learning-rate decay patience must be 0..1000000: " + decayPatience);
        }
        if (!(maxMinutes >= 0 && Double.isFinite(maxMinutes))) {
            throw new IllegalArgumentException("minutes must be 0 or positive: " + maxMinutes);
        }
        if (nadeHidden < 0 || nadeHidden > 4096) {
            throw new IllegalArgumentException("NADE hidden units must be 0..4096: " + nadeHidden);
        }
    }

    /** The settings of a run with a Bernoulli output. */
    public ModernSettings(List<Integer> layers, int window, int batch, double learningRate, double clipNorm,
                          double dropout, double inputDropout, int maxEpochs, int patience, int decayPatience,
                          double maxMinutes, long seed) {
        this(layers, window, batch, learningRate, clipNorm, dropout, inputDropout, maxEpochs, patience, decayPatience,
                maxMinutes, seed, 0);
    }

    /** "Bernoulli" or "NADE (150 hidden)". */
    public String outputName() {
        return nadeHidden > 0 ? "NADE (" + nadeHidden + " hidden)" : "Bernoulli";
    }

    /**
     * The network and its recipe in one line, as {@code train} prints it and {@code inspect} reads it back
     * from a model file: "LSTM [256], window 50, batch 32, Adam 0.001, dropout 0.3, Bernoulli output, seed 1".
     */
    public String describe() {
        return "LSTM " + layers + ", " + describeRecipe() + ", " + outputName() + " output, seed " + seed;
    }

    /** "window 50, batch 32, Adam 0.001, dropout 0.3": how the network learns, without the network. */
    public String describeRecipe() {
        return "window " + window + ", batch " + batch + ", Adam " + learningRate + ", dropout " + dropout;
    }

    /** A NADE output with {@code h} hidden units, or (0) independent Bernoulli outputs. */
    public ModernSettings withNadeHidden(int h) {
        return new ModernSettings(layers, window, batch, learningRate, clipNorm, dropout, inputDropout,
                maxEpochs, patience, decayPatience, maxMinutes, seed, h);
    }

    /**
     * One layer of 256, windows of 50 steps, batch 32, Adam 1e-3, clip 5, dropout 0.3, no input
     * dropout, 500 epochs, patience 20, no learning-rate decay.
     */
    public static ModernSettings defaults(long seed) {
        return new ModernSettings(List.of(256), 50, 32, 1e-3, 5.0, 0.3, 0, 500, 20, 0, 0, seed);
    }

    public ModernSettings withLayers(List<Integer> l) {
        return new ModernSettings(l, window, batch, learningRate, clipNorm, dropout, inputDropout,
                maxEpochs, patience, decayPatience, maxMinutes, seed, nadeHidden);
    }

    public ModernSettings withWindow(int w) {
        return new ModernSettings(layers, w, batch, learningRate, clipNorm, dropout, inputDropout,
                maxEpochs, patience, decayPatience, maxMinutes, seed, nadeHidden);
    }

    public ModernSettings withBatch(int b) {
        return new ModernSettings(layers, window, b, learningRate, clipNorm, dropout, inputDropout,
                maxEpochs, patience, decayPatience, maxMinutes, seed, nadeHidden);
    }

    public ModernSettings withLearningRate(double r) {
        return new ModernSettings(layers, window, batch, r, clipNorm, dropout, inputDropout,
                maxEpochs, patience, decayPatience, maxMinutes, seed, nadeHidden);
    }

    public ModernSettings withClipNorm(double c) {
        return new ModernSettings(layers, window, batch, learningRate, c, dropout, inputDropout,
                maxEpochs, patience, decayPatience, maxMinutes, seed, nadeHidden);
    }

    public ModernSettings withDropout(double d) {
        return new ModernSettings(layers, window, batch, learningRate, clipNorm, d, inputDropout,
                maxEpochs, patience, decayPatience, maxMinutes, seed, nadeHidden);
    }

    public ModernSettings withInputDropout(double d) {
        return new ModernSettings(layers, window, batch, learningRate, clipNorm, dropout, d,
                maxEpochs, patience, decayPatience, maxMinutes, seed, nadeHidden);
    }

    public ModernSettings withMaxEpochs(int e) {
        return new ModernSettings(layers, window, batch, learningRate, clipNorm, dropout, inputDropout,
                e, patience, decayPatience, maxMinutes, seed, nadeHidden);
    }

    public ModernSettings withPatience(int p) {
        return new ModernSettings(layers, window, batch, learningRate, clipNorm, dropout, inputDropout,
                maxEpochs, p, decayPatience, maxMinutes, seed, nadeHidden);
    }

    public ModernSettings withDecayPatience(int n) {
        return new ModernSettings(layers, window, batch, learningRate, clipNorm, dropout, inputDropout,
                maxEpochs, patience, n, maxMinutes, seed, nadeHidden);
    }

    public ModernSettings withMaxMinutes(double m) {
        return new ModernSettings(layers, window, batch, learningRate, clipNorm, dropout, inputDropout,
                maxEpochs, patience, decayPatience, m, seed, nadeHidden);
    }

    /**
     * These settings with {@code other}'s budget: max epochs, patience and minutes, which decide only
     * when a run stops, never what an epoch does.
     */
    public ModernSettings withBudgetOf(ModernSettings other) {
        return withMaxEpochs(other.maxEpochs).withPatience(other.patience).withMaxMinutes(other.maxMinutes);
    }

    public ModernSettings withSeed(long s) {
        return new ModernSettings(layers, window, batch, learningRate, clipNorm, dropout, inputDropout,
                maxEpochs, patience, decayPatience, maxMinutes, s, nadeHidden);
    }
}
