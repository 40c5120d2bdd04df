package bebop.nn;

/**
 * Inference only: runs a network forward one step at a time (free-running generation,
 * evaluation). Holds its own state. It reads the network's weights when it is made and at every
 * {@link #reset()} (where the network allows, into a packed copy that computes faster: see
 * {@link PackedWeights}): to see weights changed by training, reset it.
 */
public final class LstmRunner {
    private final ForwardState state;

    LstmRunner(LstmNetwork net) {
        this.state = new ForwardState(net, true);
    }

    /** Zero cell states and activations, and read the network's weights. */
    public void reset() {
        state.reset();
    }

    /**
     * Feeds one input frame and returns the output units. The returned array is this runner's
     * buffer: it is overwritten by the next call; copy it to keep it.
     */
    public double[] step(double[] input) {
        state.forward(input);
        return state.y;
    }

    /** The outputs of the last step (this runner's buffer). */
    public double[] outputs() {
        return state.y;
    }

    /** A copy of the cell states after the last step. */
    public double[] cellStates() {
        return java.util.Arrays.copyOf(state.s, state.net.cells); // s is padded to whole vectors
    }
}
