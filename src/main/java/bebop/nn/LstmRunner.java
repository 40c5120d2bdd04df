package bebop.nn;

/**
 * Inference only: runs a network forward one step at a time (free-running generation,
 * evaluation). Holds its own state. It reads the network's weights when it is made and at every
 * {@link #reset()} (where the network allows, into a packed copy that computes faster: see
 * {@link PackedWeights}): to see weights changed by training, reset it. It computes in doubles,
 * or in floats when made for {@link Precision#FLOAT} ({@link FloatForward}).
 */
public final class LstmRunner {
    /** One of the two is null. */
    private final ForwardState state;
    private final FloatForward floats;

    LstmRunner(LstmNetwork net) {
        this(net, Precision.DOUBLE);
    }

    LstmRunner(LstmNetwork net, Precision precision) {
        this.state = precision == Precision.DOUBLE ? new ForwardState(net, true) : null;
        this.floats = precision == Precision.FLOAT ? new FloatForward(net, true) : null;
    }

    /** Zero cell states and activations, and read the network's weights. */
    public void reset() {
        if (floats != null) {
            floats.reset();
        } else {
            state.reset();
        }
    }

    /**
     * Feeds one input frame and returns the output units. The returned array is this runner's
     * buffer: it is overwritten by the next call; copy it to keep it.
     */
    public double[] step(double[] input) {
        if (floats != null) {
            floats.forward(input);
            return floats.y;
        }
        state.forward(input);
        return state.y;
    }

    /** The outputs of the last step (this runner's buffer). */
    public double[] outputs() {
        return floats != null ? floats.y : state.y;
    }

    /** A copy of the cell states after the last step. */
    public double[] cellStates() {
        // both paths pad the states to whole vectors; the float path's also start at its lead (Aligned)
        return floats != null ? floats.cellStates() : java.util.Arrays.copyOf(state.s, state.net.cells);
    }
}
