package bebop.nn;

import java.util.Arrays;

/**
 * The online learner's packed path: it trains the column-major copy of the weights that inference
 * computes with ({@link PackedWeights}), so that the forward pass is one matrix-vector product per
 * group of blocks (and of output units), and the updates run in vectors across the rows of a
 * source, without the scalar tail every row has in {@link OnlineLearner}'s row-major updates.
 * Every net whose output units fall into groups of consecutive units takes it: the standard LSTM,
 * and the paper's Experiment 1 and 2 nets (blocks of two cells, masks, peepholes).
 *
 * <p>Each weight, trace and momentum term gets the arithmetic of the row-major path, operation
 * by operation (a trace {@code t yf + k u}, a gradient {@code es t} or {@code d u}, a gate's
 * gradient summed over its block's cells in order, the change {@code mu v - lr g}): the two paths
 * give the same bits, which {@code PackedLearnerTest} checks. The peepholes (a few weights a block)
 * learn in place in the network's arrays, by the row-major learner's own code.
 *
 * <p>While it trains, this learner's copy is the newest version of the weights: the network asks
 * for it back ({@link LstmNetwork#sync()}) before anything reads its arrays, and the learner
 * reloads the network's arrays when they changed since it last had them.
 *
 * <p>Its per-group arrays are aligned as the weights are ({@link Aligned}): elements from
 * {@link Kernels#LEAD}, each of their vectors within one cache line when the JVM aligns objects to
 * lines (a vector access across two lines costs two, and the updates are bound by their loads and
 * stores).
 */
final class PackedLearner implements AheadCopy {
    /** Where the per-group arrays' elements start. */
    private static final int LEAD = Kernels.LEAD;
    private final LstmNetwork net;
    private final boolean simd;
    final PackedWeights weights;
    private final int groups;
    private final int outputGroups;
    /**
     * Per gate group, source-major: for each cell of the block ({@code v}) a slab of {@code A}
     * rows, the input gate traces then the forget gate traces of cell v of each block; then the
     * cell-input traces ({@code C} rows), in the order of the weights' cell rows.
     */
    private final double[][] traces;
    private final int[] traceStride;
    private final double[][] gateVelocity;
    private final double[][] outputVelocity;
    /** The last step's gradients in the packed layouts (only when recording). */
    private final double[][] gateGradient;
    private final double[][] outputGradient;
    /**
     * Per gate group and trace row: trace decay (y_forget), trace gain (the a, b, f of the trace
     * rule), and the error factor (e_s); zero in the padding rows.
     */
    private final double[][] decay;
    private final double[][] gain;
    private final double[][] scale;
    /** Per gate group: each block's output gate delta (the output gate rows' error factor). */
    private final double[][] outDelta;
    /** Per output group: the output units' deltas, zero in the padding rows. */
    private final double[][] delta;
    /** The error at each cell, sent back from the output units, and at each cell's state. */
    private final double[] cellError;
    private final double[] es;
    /** Peephole traces, momentum terms and gradients (indexed as the network's parameters; empty when off). */
    private final double[] dInPeep;
    private final double[] dForgetPeep;
    private final double[][] peepVelocity;
    private final double[][] peepGradient;

    /**
     * Whether {@code net} can learn on this path: its output units, taken group by group
     * ({@link PackedWeights}), come in ascending order, so that the error sent back to each cell
     * adds the outputs' shares in the order the row-major learner adds them.
     */
    static boolean supports(LstmNetwork net) {
        int next = 0;
        for (int[] units : PackedWeights.of(net).outputUnits) {
            for (int k : units) {
                if (k != next++) {
                    return false;
                }
            }
        }
        return true;
    }

    PackedLearner(LstmNetwork net) {
        this.net = net;
        this.simd = net.arithmetic.vectors();
        this.weights = PackedWeights.of(net);
        final int sc = net.cellsPerBlock;
        groups = weights.gateGroups();
        traces = new double[groups][];
        traceStride = new int[groups];
        gateVelocity = new double[groups][];
        gateGradient = new double[groups][];
        decay = new double[groups][];
        gain = new double[groups][];
        scale = new double[groups][];
        outDelta = new double[groups][];
        for (int g = 0; g < groups; g++) {
            int n = weights.gateSources[g];
            traceStride[g] = sc * weights.segA[g] + weights.segC[g];
            traces[g] = Aligned.doubles(n * traceStride[g]);
            gateVelocity[g] = Aligned.doubles(n * weights.gateStride[g]);
            gateGradient[g] = Aligned.doubles(n * weights.gateStride[g]);
            decay[g] = Aligned.doubles(traceStride[g]);
            gain[g] = Aligned.doubles(traceStride[g]);
            scale[g] = Aligned.doubles(traceStride[g]);
            outDelta[g] = Aligned.doubles(weights.segO[g]);
        }
        outputGroups = weights.outputGroups();
        outputVelocity = new double[outputGroups][];
        outputGradient = new double[outputGroups][];
        delta = new double[outputGroups][];
        for (int q = 0; q < outputGroups; q++) {
            outputVelocity[q] = Aligned.doubles(weights.outputSourceCount[q] * weights.outputStride[q]);
            outputGradient[q] = Aligned.doubles(weights.outputSourceCount[q] * weights.outputStride[q]);
            delta[q] = Aligned.doubles(weights.outputStride[q]);
        }
        cellError = new double[net.cells];
        es = new double[net.cells];
        int peep = net.peepholes ? net.cells * sc : 0;
        dInPeep = new double[peep];
        dForgetPeep = new double[peep];
        peepVelocity = new double[net.params.length][];
        peepGradient = new double[net.params.length][];
        for (int p = 0; p < net.params.length; p++) {
            int len = LstmNetwork.isPeephole(p) ? net.params[p].length : 0;
            peepVelocity[p] = new double[len];
            peepGradient[p] = new double[len];
        }
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
    @Override
    public void writeBack() {
        weights.unpack(weights.gates, weights.outputs, net.params);
        weights.version = ++net.version;
    }

    void resetTraces() {
        for (double[] t : traces) {
            Arrays.fill(t, 0);
        }
        Arrays.fill(dInPeep, 0);
        Arrays.fill(dForgetPeep, 0);
    }

    void resetMomentum() {
        for (double[] v : gateVelocity) {
            Arrays.fill(v, 0);
        }
        for (double[] v : outputVelocity) {
            Arrays.fill(v, 0);
        }
        for (double[] v : peepVelocity) {
            Arrays.fill(v, 0);
        }
    }

    /**
     * The weight change of one step after the forward pass {@code st} (computed from this
     * learner's weights) against {@code target}; the gradients are kept when {@code record}.
     */
    void learn(ForwardState st, double[] target, boolean record, double lr, double mu) {
        outputLayer(st, target, record, lr, mu);
        gates(st, record, lr, mu);
    }

    /** The output units: deltas, the error sent back to each cell (old weights), the output weights' updates. */
    void outputLayer(ForwardState st, double[] target, boolean record, double lr, double mu) {
        Arrays.fill(cellError, 0);
        for (int q = 0; q < outputGroups; q++) {
            final int[] units = weights.outputUnits[q];
            final double[] d = delta[q];
            for (int i = 0; i < units.length; i++) {
                d[LEAD + i] = st.y[units[i]] - target[units[i]];
            }
            cellErrors(q, cellError);
        }
        for (int q = 0; q < outputGroups; q++) {
            final double[] w = weights.outputs[q];
            final double[] og = record ? outputGradient[q] : null;
            final int rows = weights.outputUnits[q].length;
            final int stride = weights.outputStride[q];
            final int n = weights.outputSourceCount[q];
            if (simd) {
                VectorKernels.learnColumns(w, outputVelocity[q], og, stride, rows, n, st.outSources[q], delta[q], lr,
                        mu);
            } else {
                Kernels.learnColumns(w, outputVelocity[q], og, stride, 0, rows, n, st.outSources[q], delta[q], lr, mu);
            }
        }
    }

    /** The gate and cell weights: the per-row factors of each block, the peepholes, then the packed updates. */
    void gates(ForwardState st, boolean record, double lr, double mu) {
        gateFactors(st, record, lr, mu);
        for (int g = 0; g < groups; g++) {
            updateGroup(st, g, record, lr, mu);
        }
    }

    int groups() {
        return groups;
    }

    /** Group {@code g}'s traces, gradients and weight changes (all its gate and cell rows, source by source). */
    void updateGroup(ForwardState st, int g, boolean record, double lr, double mu) {
        final double[] gg = record ? gateGradient[g] : null;
        if (simd) {
            VectorKernels.learnBlocks(weights.gates[g], gateVelocity[g], traces[g], gg, weights.gateStride[g],
                    traceStride[g], weights.segA[g], weights.segC[g], weights.segO[g], net.cellsPerBlock,
                    weights.gateSources[g], st.u, weights.gateSourceOffset[g], decay[g], gain[g], scale[g],
                    outDelta[g], lr, mu);
        } else {
            Kernels.learnBlocks(weights.gates[g], gateVelocity[g], traces[g], gg, weights.gateStride[g],
                    traceStride[g], weights.segA[g], weights.segC[g], weights.segO[g], net.cellsPerBlock,
                    weights.gateSources[g], st.u, weights.gateSourceOffset[g], decay[g], gain[g], scale[g],
                    outDelta[g], lr, mu);
        }
    }

    /**
     * The error at the cells of output group {@code q}, from its weights before they change:
     * {@code e_c += w_kc delta_k} over the group's units k ascending (the groups come in ascending
     * order, so each sum adds its terms as the row-major learner does). Four cells at a time: each
     * sum is a chain of dependent adds.
     */
    private void cellErrors(int q, double[] e) {
        final double[] w = weights.outputs[q];
        final int[] cells = net.outputCells[weights.outputUnits[q][0]];
        final int outputs = weights.outputUnits[q].length;
        final int stride = weights.outputStride[q];
        final double[] d = delta[q];
        int i = 0;
        for (; i + 4 <= cells.length; i += 4) {
            final int o = LEAD + i * stride;
            double s0 = e[cells[i]];
            double s1 = e[cells[i + 1]];
            double s2 = e[cells[i + 2]];
            double s3 = e[cells[i + 3]];
            for (int k = 0; k < outputs; k++) {
                final double dk = d[LEAD + k];
                s0 += w[o + k] * dk;
                s1 += w[o + stride + k] * dk;
                s2 += w[o + 2 * stride + k] * dk;
                s3 += w[o + 3 * stride + k] * dk;
            }
            e[cells[i]] = s0;
            e[cells[i + 1]] = s1;
            e[cells[i + 2]] = s2;
            e[cells[i + 3]] = s3;
        }
        for (; i < cells.length; i++) {
            final int o = LEAD + i * stride;
            double sum = e[cells[i]];
            for (int k = 0; k < outputs; k++) {
                sum += w[o + k] * d[LEAD + k];
            }
            e[cells[i]] = sum;
        }
    }

    /**
     * The per-row factors of the gate updates, block by block: {@link OnlineLearner}'s block and
     * cell rows, the same expressions; and the block's peepholes.
     */
    void gateFactors(ForwardState st, boolean record, double lr, double mu) {
        final int sc = net.cellsPerBlock;
        final double[] e = cellError;
        for (int g = 0; g < groups; g++) {
            final int[] blocks = weights.gateBlocks[g];
            final int b = blocks.length;
            final int a = weights.segA[g];
            final int cellRows = sc * a;
            final double[] dec = decay[g];
            final double[] gn = gain[g];
            final double[] sca = scale[g];
            for (int i = 0; i < b; i++) {
                final int j = blocks[i];
                final int c0 = j * sc;
                final double yo = st.yOut[j];
                double sum = 0;
                for (int v = 0; v < sc; v++) {
                    final int c = c0 + v;
                    final double h = st.hs[c];
                    sum += h * e[c];
                    es[c] = yo * net.hSlope(h) * e[c];
                }
                final double dOut = yo * (1 - yo) * sum;
                outDelta[g][LEAD + i] = dOut;
                final double yf = st.yForget[j];
                final double yi = st.yIn[j];
                final double dIn1 = yi * (1 - yi);
                final double dForget1 = yf * (1 - yf);
                for (int v = 0; v < sc; v++) {
                    final int c = c0 + v;
                    final double gc = st.gc[c];
                    final int ri = LEAD + v * a + i;
                    final int rf = LEAD + v * a + b + i;
                    final int rc = LEAD + cellRows + v * b + i;
                    dec[ri] = yf;
                    gn[ri] = gc * dIn1;
                    sca[ri] = es[c];
                    dec[rf] = yf;
                    gn[rf] = st.sPrev[c] * dForget1;
                    sca[rf] = es[c];
                    dec[rc] = yf;
                    gn[rc] = net.gSlope(gc) * yi;
                    sca[rc] = es[c];
                }
                if (net.peepholes) {
                    OnlineLearner.peepholes(net, st, j, es, dInPeep, dForgetPeep, yf, dIn1, dForget1, dOut,
                            peepVelocity, record ? peepGradient : null, lr, mu);
                }
            }
        }
    }

    /** The last step's gradients into the row-major arrays {@code into} (indexed as the network's parameters). */
    void gradients(double[][] into) {
        weights.unpack(gateGradient, outputGradient, into);
        for (int p = 0; p < into.length; p++) {
            if (LstmNetwork.isPeephole(p)) {
                System.arraycopy(peepGradient[p], 0, into[p], 0, peepGradient[p].length);
            }
        }
    }
}
