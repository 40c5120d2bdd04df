package bebop.nn.modern;

import java.util.List;

/**
 * The shape of a modern LSTM: {@code inputs} units in, stacked LSTM layers of the given sizes,
 * {@code outputs} logistic units out.
 *
 * @param inputs units per input frame
 * @param layers cells of each LSTM layer, bottom first
 * @param outputs sigmoid output units
 */
public record LstmStackConfig(int inputs, List<Integer> layers, int outputs) {
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
    }

    /** The input size of layer {@code l}. */
    public int layerInputs(int l) {
        return l == 0 ? inputs : layers.get(l - 1);
    }

    /** The size of the top layer. */
    public int top() {
        return layers.get(layers.size() - 1);
    }
}
