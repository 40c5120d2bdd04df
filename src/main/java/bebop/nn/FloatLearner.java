package bebop.nn;

import java.util.Arrays;

/**
 * {@link OnlineLearner}'s algorithm (truncated RTRL for the input gates, forget gates and cells,
 * one-step backprop for the output gates and units, momentum, a weight change every step) in
 * floats ({@link Precision#FLOAT}): the weights, momentum terms and traces, which a step streams
 * through memory, are floats in {@link FloatForward}'s layout, and so are the per-row factors of
 * the updates, a whole vector of blocks at a time ({@link FloatKernels#factors}: one cell's
 * doubles at a time, with their conversions and scalar stores, took a fifth of the step); so is
 * the error each cell gets back, sixteen partial sums at a time ({@link FloatKernels#cellErrors}: a
 * sum in doubles a cell, with a conversion a term, took 7 % of an 88x256 step). For the nets of
 * {@link FloatForward#supports}. Made by {@link LstmNetwork#newLearner(double, double, Precision)}.
 *
 * <p>Like {@link PackedLearner}, it trains its own copy: the network asks for it back
 * ({@link LstmNetwork#sync()}) before anything reads its arrays (each weight widened to a double),
 * and the learner reloads the network's arrays when they changed since it last had them.
 * Allocation-free per step.
 */
public final class FloatLearner implements StepLearner {
    private final LstmNetwork net;
    /** This learner's handle in {@link LstmNetwork#ahead} (writing back stays out of the public methods). */
    private final AheadCopy copy = this::writeBack;
    /** Index of element 0 of the float arrays, all {@link Aligned} ({@link FloatKernels#LEAD}). */
    private static final int LEAD = FloatKernels.LEAD;
    private final FloatForward st;
    private final double learningRate;
    private final double momentum;
    /** Traces of the input gate, forget gate and cell rows, source-major ({@code traced} rows a source). */
    private final int traced;
    private final float[] traces;
    /** The next step's early gate sources ({@link FloatForward#nextSources}); the inputs' places stay 0. */
    private final float[] nextSources;
    /** Each chunk's part of the next step's early gate product on a wide layout (scratch of {@link FloatVectorKernels#learnBlocksAhead}). */
    private final float[] partials;
    private final float[] gateVelocity;
    private final float[] outputVelocity;
    /** Per traced row: trace decay (y_forget), gain (the a, b, f of the trace rule), error factor (e_s); 0 in the padding. */
    private final float[] decay;
    private final float[] gain;
    private final float[] scale;
    /** Per block: the output gate's delta; per output unit: its delta (0 in the padding). */
    private final float[] outDelta;
    private final float[] delta;
    /** The error at each cell, sent back from the output units ({@link FloatKernels#cellErrors}), from {@link #LEAD}. */
    private final float[] cellError;
    /** The partial sums of {@link FloatKernels#cellErrors} (scratch). */
    private final float[] partial = new float[FloatKernels.PARTIALS];
    private final double[] target;
    private long steps;

    FloatLearner(LstmNetwork net, double learningRate, double momentum) {
        if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be finite and >= 0, got " + learningRate);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        this.net = net;
        this.learningRate = learningRate;
        this.momentum = momentum;
        this.st = new FloatForward(net, false);
        traced = 3 * st.pad;
        traces = Aligned.floats(st.sources * traced);
        nextSources = Aligned.floats(st.sources);
        boolean wide = st.simd && st.pad != FloatVectorKernels.lanes();
        partials = Aligned.floats(wide ? (st.sources + FloatKernels.CHUNK - 1) / FloatKernels.CHUNK * st.stride : 0);
        gateVelocity = Aligned.floats(st.sources * st.stride);
        outputVelocity = Aligned.floats(st.outputSources * st.outputStride);
        decay = Aligned.floats(traced);
        gain = Aligned.floats(traced);
        scale = Aligned.floats(traced);
        outDelta = Aligned.floats(st.pad);
        delta = Aligned.floats(st.outputStride);
        cellError = Aligned.floats(st.pad);
        target = new double[net.outputs];
    }

    private void writeBack() {
        st.unpack();
        st.version = ++net.version;
    }

    /** Zero cell states, activations and eligibility traces; weights and momentum are kept. */
    @Override
    public void reset() {
        st.reset();
        Arrays.fill(traces, 0);
    }

    @Override
    public long steps() {
        return steps;
    }

    @Override
    public double[] step(double[] input, double[] target) {
        if (target.length != net.outputs) {
            throw new IllegalArgumentException("target frame must have " + net.outputs + " values, got " + target.length);
        }
        if (net.ahead != copy) {
            st.repack(); // syncs the network first; copies only what changed since this copy was made
            net.ahead = copy;
        }
        st.forward(input);
        System.arraycopy(target, 0, this.target, 0, target.length);
        outputLayer();
        gates();
        steps++;
        return st.y;
    }

    @Override
    public double lastLoss() {
        return Activations.crossEntropy(st.y, target, net.outputs);
    }

    private float lr() {
        return (float) learningRate;
    }

    private float mu() {
        return (float) momentum;
    }

    /** The output units: deltas, the error sent back to each cell (old weights), the output weights' updates. */
    private void outputLayer() {
        for (int k = 0; k < net.outputs; k++) {
            delta[LEAD + k] = (float) (st.y[k] - target[k]);
        }
        Arrays.fill(cellError, 0f);
        final int[] cells = net.outputCells[0];
        if (st.simd) {
            FloatVectorKernels.cellErrors(st.outputs, st.outputStride, cells, delta, net.outputs, cellError, partial);
            FloatVectorKernels.learnColumns(st.outputs, outputVelocity, st.outputStride, st.outputSources, st.src,
                    delta, lr(), mu());
        } else {
            FloatKernels.cellErrors(st.outputs, st.outputStride, cells, delta, net.outputs, cellError, partial);
            FloatKernels.learnColumns(st.outputs, outputVelocity, st.outputStride, net.outputs, st.outputSources,
                    st.src, delta, lr(), mu());
        }
    }

    /** The per-row factors of each block ({@link FloatKernels#factors}), then the updates of all gate and cell weights. */
    private void gates() {
        final int pad = st.pad;
        if (st.simd) {
            FloatVectorKernels.factors(st.gateSig, st.hs, st.gc, st.sPrev, cellError, pad, net.linearCellInput,
                    net.linearCellOutput, decay, gain, scale, outDelta);
        } else {
            FloatKernels.factors(st.gateSig, st.hs, st.gc, st.sPrev, cellError, pad, net.linearCellInput,
                    net.linearCellOutput, decay, gain, scale, outDelta);
        }
        if (st.simd) {
            // the next step's early gate product rides along with the update
            st.nextSources(nextSources);
            if (pad == FloatVectorKernels.lanes()) {
                FloatVectorKernels.learnBlocksAhead(st.gates, gateVelocity, traces, st.earlySources(), st.sources,
                        st.u, nextSources, decay, gain, scale, outDelta, lr(), mu(), st.gateNet());
            } else {
                // chunks ascending and descending in turns: each pass starts on the chunk the last one
                // ended with, still in the cache
                FloatVectorKernels.learnBlocksAhead(st.gates, gateVelocity, traces, st.stride, traced, pad,
                        st.earlySources(), st.sources, st.u, nextSources, decay, gain, scale, outDelta, lr(), mu(),
                        (steps & 1) == 1, partials, st.gateNet());
            }
            st.earlyReady = true;
        } else {
            FloatKernels.learnBlocks(st.gates, gateVelocity, traces, st.stride, traced, pad, st.sources, st.u,
                    decay, gain, scale, outDelta, lr(), mu());
        }
    }
}
