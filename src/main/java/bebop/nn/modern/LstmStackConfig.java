package bebop.nn.modern;

import java.util.List;

/**
 * The shape of a modern LSTM: {@code inputs} units in, stacked LSTM layers of the given sizes,
 * {@code outputs} units out: independent logistic units, or (with {@code nadeHidden} above 0) a
 * {@link Nade} over them whose biases the top LSTM state gives.
 *
 * @param inputs units per input frame
 * @param layers cells of each LSTM layer, bottom first
 * @param outputs output units (visible units of the NADE)
 * @param nadeHidden hidden units of the NADE output; 0 = independent Bernoulli outputs (a config
 *     written before the NADE existed reads as 0)
 */
public record LstmStackConfig(int inputs, List<Integer> layers, int outputs, int nadeHidden) {
    /** The output kinds, as model files and flags name them. */
    public static final String BERNOULLI = "bernoulli";
    public static final String NADE = "nade";

    public LstmStackConfig {
        if (inputs < 1 || outputs < 1) {
            throw new IllegalArgumentException("inputs and outputs must be positive: " + inputs + ", " + outputs);
        }
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("an LSTM needs at least one layer");
        }
        for (int h : layers) {
            if (h < 1 || h > 8192) {
                throw new IllegalArgumentException("layer size must be 1..8192: " + h);
            }
        }
        if (nadeHidden < 0 || nadeHidden > 8192) {
            throw new IllegalArgumentException("NADE hidden size must be 0..8192: " + nadeHidden);
        }
    }

    /** Independent Bernoulli outputs. */
    public LstmStackConfig(int inputs, List<Integer> layers, int outputs) {
        this(inputs, layers, outputs, 0);
    }

    /** The input size of layer {@code l}. */
    public int layerInputs(int l) {
        return l == 0 ? inputs : layers.get(l - 1);
    }

    /** The size of the top layer. */
    public int top() {
        return layers.get(layers.size() - 1);
    }

    /** True for a NADE output. */
    public boolean nade() {
        return nadeHidden > 0;
    }

    /** {@value #NADE} or {@value #BERNOULLI}. */
    public String outputKind() {
        return nade() ? NADE : BERNOULLI;
    }
}
