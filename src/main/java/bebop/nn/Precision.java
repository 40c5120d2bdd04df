package bebop.nn;

/**
 * The width of the numbers a runner or learner keeps its weights, momentum terms and traces in.
 * {@link #DOUBLE} is the engine of every documented result (the paper's tables, the bundled model,
 * {@code EngineBitsTest}) and the default everywhere. {@link #FLOAT} halves the memory that an
 * online step and a generation step stream through ({@link FloatForward}, {@link FloatLearner}):
 * it pays for big fully connected nets (88 x 256: the step is bound by memory), and takes the nets
 * {@link FloatForward#supports} accepts (one cell a block, no peepholes, every block and every output
 * with the same sources: the standard LSTM).
 */
public enum Precision {
    DOUBLE("double"),
    FLOAT("float");

    private final String id;

    Precision(String id) {
        this.id = id;
    }

    /** "double" or "float". */
    public String id() {
        return id;
    }
}
