package bebop.nn;

/**
 * A paper-style LSTM with its input normalisation, seen as a {@link SequenceModel}: raw 0/1
 * frames in, the logistic output units (probability of each unit in the next frame) out. The
 * weights are the network's (shared, not copied); the state is this model's own.
 */
public final class LstmSequenceModel implements SequenceModel {
    private final LstmRunner runner;
    private final Normalizer normalizer;
    private final double[] input;
    private final String name;
    private final Arithmetic arithmetic;

    public LstmSequenceModel(LstmNetwork network, Normalizer normalizer) {
        this(network, normalizer, "LSTM");
    }

    public LstmSequenceModel(LstmNetwork network, Normalizer normalizer, String name) {
        if (network.inputs() != network.outputs()) {
            throw new IllegalArgumentException("a sequence model needs as many outputs as inputs, got "
                    + network.outputs() + " and " + network.inputs());
        }
        if (normalizer.units() != network.inputs()) {
            throw new IllegalArgumentException("normaliser has " + normalizer.units() + " units, network "
                    + network.inputs() + " inputs");
        }
        this.runner = network.newRunner();
        this.normalizer = normalizer;
        this.input = new double[network.inputs()];
        this.name = name;
        this.arithmetic = network.arithmetic();
    }

    /** The arithmetic it computes in: its network's. */
    public Arithmetic arithmetic() {
        return arithmetic;
    }

    @Override
    public int units() {
        return input.length;
    }

    @Override
    public void reset() {
        runner.reset();
    }

    @Override
    public double[] step(double[] frame) {
        if (frame.length != input.length) {
            throw new IllegalArgumentException("frame has " + frame.length + " units, the model " + input.length);
        }
        normalizer.apply(frame, input);
        return runner.step(input);
    }

    @Override
    public String name() {
        return name;
    }
}
