package bebop.nn;

import java.util.Arrays;

/**
 * The online learner's path for the standard LSTM: blocks of one cell without peepholes, all
 * blocks with the same sources and all output units with the same sources (the fully connected
 * nets of {@link LstmConfig#fullyConnected} with one cell per block). It trains the column-major
 * copy of the weights that inference computes with ({@link PackedWeights}): the forward pass is
 * then one matrix-vector product per layer, and the updates run in vectors across the rows of a
 * source, without the scalar tail every row has in {@link OnlineLearner}'s row-major updates.
 *
 * <p>Each weight, trace and momentum term gets the arithmetic of the row-major path, operation
 * by operation (a trace {@code t yf + k u}, a gradient {@code es t} or {@code d u}, the change
 * {@code mu v - lr g}): the two paths give the same bits, which a test checks.
 *
 * <p>While it trains, this learner's copy is the newest version of the weights: the network asks
 * for it back ({@link LstmNetwork#sync()}) before anything reads its arrays, and the learner
 * reloads the network's arrays when they changed since it last had them.
 */
final class PackedLearner {
    private final LstmNetwork net;
    private final boolean simd;
    final PackedWeights weights;
    private final int sources;
    private final int gateStride;
    /** Gate rows in use: input, forget and output gates and the cells, one of each per block (the rest pads). */
    private final int gateRows;
    private final int outputSources;
    private final int outputStride;
    /**
     * Gate rows, source-major as the weights: traces in the input gate, forget gate and cell
     * rows (0 in the output gate rows).
     */
    private final double[] traces;
    private final double[] gateVelocity;
    private final double[] outputVelocity;
    /** The last step's gradients in the packed layouts (only when recording). */
    private final double[] gateGradient;
    private final double[] outputGradient;
    /**
     * Per gate row: trace decay (y_forget), trace gain (the a, b, f of the trace rule), and the
     * error factor (e_s, or the output gate's delta).
     */
    private final double[] decay;
    private final double[] gain;
    private final double[] scale;
    /** Per gate row: true for the output gates, whose gradient is delta times the source itself (no trace). */
    private final boolean[] untraced;
    /** The output units' deltas, zero in the padding rows. */
    private final double[] delta;
    /** The error at each cell, sent back from the output units. */
    private final double[] cellError;

    /** Whether {@code net} has the shape this path trains. */
    static boolean supports(LstmNetwork net) {
        return net.cellsPerBlock == 1 && !net.peepholes && PackedWeights.packsGates(net)
                && PackedWeights.packsOutputs(net);
    }

    PackedLearner(LstmNetwork net) {
        this.net = net;
        this.simd = net.arithmetic.vectors();
        this.weights = PackedWeights.of(net);
        sources = net.sources[0];
        gateStride = weights.gateStride();
        gateRows = 4 * net.blocks;
        outputSources = weights.outputSources();
        outputStride = weights.outputStride();
        traces = new double[sources * gateStride];
        gateVelocity = new double[traces.length];
        gateGradient = new double[traces.length];
        outputVelocity = new double[outputSources * outputStride];
        outputGradient = new double[outputVelocity.length];
        decay = new double[gateStride];
        gain = new double[gateStride];
        scale = new double[gateStride];
        untraced = new boolean[gateStride];
        Arrays.fill(untraced, 2 * net.blocks, 3 * net.blocks, true);
        delta = new double[outputStride];
        cellError = new double[net.cells];
    }

    /** Makes this learner's copy the newest weights of the network, reloading it when the network's changed. */
    void own() {
        if (net.ahead == this) {
            return;
        }
        weights.repack(); // syncs the network first; copies only what changed since this copy was made
        net.ahead = this;
    }

    /** Writes this learner's weights into the network's arrays (called by {@link LstmNetwork#sync()}). */
    void writeBack() {
        weights.unpack(weights.gates(), weights.outputs(), net.params);
        weights.version = ++net.version;
    }

    void resetTraces() {
        Arrays.fill(traces, 0);
    }

    void resetMomentum() {
        Arrays.fill(gateVelocity, 0);
        Arrays.fill(outputVelocity, 0);
    }

    /**
     * The weight change of one step after the forward pass {@code st} (computed from this
     * learner's weights) against {@code target}; the gradients are kept when {@code record}.
     */
    void learn(ForwardState st, double[] target, boolean record, double lr, double mu) {
        final int outputs = net.outputs;
        for (int k = 0; k < outputs; k++) {
            delta[k] = st.y[k] - target[k];
        }
        cellErrors(cellError);
        final double[] w = weights.outputs();
        final double[] src = st.outSources;
        final double[] og = record ? outputGradient : null;
        if (simd) {
            VectorKernels.learnColumns(w, outputVelocity, og, outputStride, outputs, outputSources, src, delta, lr,
                    mu);
        } else {
            Kernels.learnColumns(w, outputVelocity, og, outputStride, 0, outputs, outputSources, src, delta, lr, mu);
        }
        gateFactors(st, cellError);
        final double[] gg = record ? gateGradient : null;
        if (simd) {
            VectorKernels.learnTracedColumns(weights.gates(), gateVelocity, traces, gg, gateStride, gateRows, sources,
                    st.u, 0, decay, gain, scale, untraced, 2 * net.blocks, 3 * net.blocks, lr, mu);
        } else {
            Kernels.learnTracedColumns(weights.gates(), gateVelocity, traces, gg, gateStride, 0, gateRows, sources, st.u,
                    0, decay, gain, scale, untraced, lr, mu);
        }
    }

    /**
     * The error at each cell, from the output weights before they change: {@code e_c = sum_k w_kc
     * delta_k}, k ascending. Four cells at a time: each sum is a chain of dependent adds.
     */
    private void cellErrors(double[] e) {
        Arrays.fill(e, 0);
        final double[] w = weights.outputs();
        final int[] cells = net.outputCells[0];
        final int outputs = net.outputs;
        final int stride = outputStride;
        int i = 0;
        for (; i + 4 <= cells.length; i += 4) {
            final int o = i * stride;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int k = 0; k < outputs; k++) {
                final double d = delta[k];
                s0 += w[o + k] * d;
                s1 += w[o + stride + k] * d;
                s2 += w[o + 2 * stride + k] * d;
                s3 += w[o + 3 * stride + k] * d;
            }
            e[cells[i]] = s0;
            e[cells[i + 1]] = s1;
            e[cells[i + 2]] = s2;
            e[cells[i + 3]] = s3;
        }
        for (; i < cells.length; i++) {
            final int o = i * stride;
            double sum = 0;
            for (int k = 0; k < outputs; k++) {
                sum += w[o + k] * delta[k];
            }
            e[cells[i]] = sum;
        }
    }

    /** The per-row factors of the gate updates: {@link OnlineLearner}'s block and cell rows, the same expressions. */
    private void gateFactors(ForwardState st, double[] e) {
        final int b = net.blocks;
        for (int j = 0; j < b; j++) {
            final double yo = st.yOut[j];
            final double h = st.hs[j];
            double sum = 0;
            sum += h * e[j];
            final double es = yo * Activations.hPrimeFromValue(h) * e[j];
            final double dOut = yo * (1 - yo) * sum;
            final double yf = st.yForget[j];
            final double yi = st.yIn[j];
            final double dIn1 = yi * (1 - yi);
            final double dForget1 = yf * (1 - yf);
            final double g = st.gc[j];
            decay[j] = yf;
            gain[j] = g * dIn1;
            scale[j] = es;
            decay[b + j] = yf;
            gain[b + j] = st.sPrev[j] * dForget1;
            scale[b + j] = es;
            scale[2 * b + j] = dOut;
            decay[3 * b + j] = yf;
            gain[3 * b + j] = Activations.gPrimeFromValue(g) * yi;
            scale[3 * b + j] = es;
        }
    }

    /** The last step's gradients into the row-major arrays {@code into} (indexed as the network's parameters). */
    void gradients(double[][] into) {
        weights.unpack(gateGradient, outputGradient, into);
    }

}
