package bebop.nn;

/**
 * Free-running generation: from a zero state, feed primer frames, then feed each step's outputs
 * back (through a {@link FeedbackRule} and the {@link Normalizer}) as the next input.
 * Allocation-free per step. Frames are raw (unnormalised) values.
 */
public final class FreeRunner {
    private final LstmRunner runner;
    private final Normalizer normalizer;
    private final FeedbackRule rule;
    /** The normaliser is the identity: frames are fed as they are (a division per unit saved each step). */
    private final boolean identity;
    private final double[] frame;
    private final double[] input;
    private boolean primed;

    public FreeRunner(LstmNetwork net, Normalizer normalizer, FeedbackRule rule) {
        this(net, normalizer, rule, Precision.DOUBLE);
    }

    /** A free runner that computes in {@code precision} ({@link LstmNetwork#newRunner(Precision)}). */
    public FreeRunner(LstmNetwork net, Normalizer normalizer, FeedbackRule rule, Precision precision) {
        if (net.inputs() != net.outputs()) {
            throw new IllegalArgumentException("free-running needs as many outputs as inputs, got "
                    + net.outputs() + " and " + net.inputs());
        }
        if (normalizer.units() != net.inputs()) {
            throw new IllegalArgumentException("normaliser has " + normalizer.units() + " units, network "
                    + net.inputs() + " inputs");
        }
        this.runner = net.newRunner(precision);
        this.normalizer = normalizer;
        this.rule = rule;
        this.identity = normalizer.isIdentity();
        this.frame = new double[net.inputs()];
        this.input = new double[net.inputs()];
    }

    /** Resets to a zero state and feeds the primer frames (at least one). */
    public void prime(double[]... primer) {
        if (primer.length == 0) {
            throw new IllegalArgumentException("free-running needs at least one primer frame");
        }
        runner.reset();
        for (double[] f : primer) {
            normalizer.apply(f, input);
            runner.step(input);
        }
        primed = true;
    }

    /**
     * The next frame: the feedback rule applied to the current outputs; it is also fed in, so the
     * outputs then predict the frame after it. Returns this runner's buffer (overwritten next call).
     */
    public double[] next() {
        if (!primed) {
            throw new IllegalStateException("prime() the free runner first");
        }
        rule.next(runner.outputs(), frame);
        if (identity) {
            System.arraycopy(frame, 0, input, 0, frame.length);
        } else {
            normalizer.apply(frame, input);
        }
        runner.step(input);
        return frame;
    }

    /** The output units of the last step (probabilities for the next frame); a buffer. */
    public double[] outputs() {
        return runner.outputs();
    }

    /** Primes and returns the next {@code steps} frames (copies). */
    public double[][] generate(double[][] primer, int steps) {
        prime(primer);
        double[][] out = new double[steps][];
        for (int t = 0; t < steps; t++) {
            out[t] = next().clone();
        }
        return out;
    }
}
