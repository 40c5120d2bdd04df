package bebop.nn;

import java.util.Arrays;

/**
 * The forward pass of the float path ({@link Precision#FLOAT}): a column-major copy of the
 * weights in floats, and the activations of one step, all in floats: the products (fused
 * multiply-adds), their logistic ({@link FloatKernels#sigmoid}: within a few float ulp) and each
 * unit's values (gates, cell states, cell outputs), computed a whole vector of units at a time on
 * the SIMD path (a step of a small net is a chain of dependent parts: the cells' part in doubles,
 * one unit at a time with conversions, was a long link of it). The outputs are widened to doubles
 * for the runner; the learner widens the unit values for its factors.
 *
 * <h2>Layout</h2>
 * For the nets of {@link #supports}: the sources of every block (its inputs, its cells at t-1,
 * 1 for the bias) are the same, so one matrix holds all gate and cell weights, source-major:
 * source {@code m}'s column at {@code m * stride} holds four segments of {@code pad} rows (the
 * blocks, rounded up to whole vectors): input gates, forget gates, cells, output gates. The
 * output units' weights are one matrix too, source {@code s} (the output's cells, its inputs,
 * 1) at {@code s * outputStride}. Padding rows hold 0. Every float array is {@link Aligned}:
 * element {@code i} at index {@link #LEAD} {@code + i}; with the segments whole vectors (16 floats
 * in 512 bits), each vector the kernels load or store lies on one cache line.
 */
final class FloatForward {
    /** Index of element 0 of the float arrays ({@link FloatKernels#LEAD}). */
    private static final int LEAD = FloatKernels.LEAD;
    final LstmNetwork net;
    final boolean simd;
    /** Blocks (= cells) and their segment's rows, rounded up to whole vectors. */
    final int blocks;
    final int pad;
    final int stride;
    /** Gate sources (the inputs and cells every block reads, and the bias) and their indices. */
    final int sources;
    private final int[] sourceInputs;
    private final int[] sourceCells;
    /** The first of the gates' and the outputs' input and cell sources when each is one ascending run, else -1 ({@link Kernels#runStart}). */
    private final int inputRun;
    private final int cellRun;
    private final int outputInputRun;
    private final int outputCellRun;
    final float[] gates;
    /** Output sources (cells, inputs, bias), the padded output rows, and the weights. */
    final int outputSources;
    final int outputStride;
    private final int[] outputCells;
    private final int[] outputInputs;
    final float[] outputs;
    /** The network's weight version ({@link LstmNetwork#version}) this copy equals; -1 before the first copy. */
    long version = -1;
    /**
     * Whether {@link #gateNet} already holds the next step's early part of the gate product (the
     * cells and the bias, {@link #nextSources}): the learner sums it while it changes the weights
     * ({@link FloatVectorKernels#learnBlocksAhead}), the same operations in the same order.
     */
    boolean earlyReady;
    /** Whether {@link #reset()} reads the network's weights (a runner; the learner keeps its own). */
    private final boolean repackAtReset;

    /** This step's sources as floats: the gates' ({@link #u}) and the outputs' ({@link #src}). */
    final float[] u;
    final float[] src;
    /** Room for the list of sources not 0 of a large product ({@link FloatVectorKernels#columnProduct}). */
    private final int[] nonzero;
    private final float[] gateNet;
    /** Scratch of {@link FloatKernels#chunkedProduct}: one chunk's sums. */
    private final float[] part;
    private final float[] outputNet;
    /**
     * The logistic of the gate and cell rows (segment by segment: y_in, y_forget, the cells' sigmoid,
     * y_out; g of a cell row is 4 sigmoid - 2), of the cell states (h = 2 sigmoid - 1) and of the output units.
     */
    final float[] gateSig;
    private final float[] stateSig;
    private final float[] outputSig;
    /** Per cell: g(net_c), the state and the last step's, h(s), the cell output and the last step's. */
    final float[] gc;
    float[] s;
    float[] sPrev;
    final float[] hs;
    private float[] yc;
    private float[] ycPrev;
    /** The output units, widened (the runner's outputs). */
    final double[] y;

    /**
     * Whether the float path takes {@code net}: blocks of one cell, no peepholes, every block with
     * the same sources and every output unit with the same sources (the standard fully connected LSTM).
     */
    static boolean supports(LstmNetwork net) {
        if (net.cellsPerBlock != 1 || net.peepholes) {
            return false;
        }
        for (int j = 1; j < net.blocks; j++) {
            if (!Arrays.equals(net.blockInputs[j], net.blockInputs[0]) || !Arrays.equals(net.blockCells[j], net.blockCells[0])) {
                return false;
            }
        }
        for (int k = 1; k < net.outputs; k++) {
            if (!Arrays.equals(net.outputCells[k], net.outputCells[0])
                    || !Arrays.equals(net.outputInputs[k], net.outputInputs[0])) {
                return false;
            }
        }
        return true;
    }

    /** The float copy of {@code net}; {@code repackAtReset}: read the network's weights at every {@link #reset()}. */
    FloatForward(LstmNetwork net, boolean repackAtReset) {
        if (!supports(net)) {
            throw new IllegalArgumentException("the float path takes nets of one cell a block, without peepholes, "
                    + "whose blocks all have the same sources and whose outputs all have the same sources");
        }
        this.net = net;
        this.simd = net.arithmetic.vectors();
        this.repackAtReset = repackAtReset;
        int lanes = simd ? FloatVectorKernels.lanes() : 1;
        blocks = net.blocks;
        pad = PackedWeights.roundUp(blocks, lanes);
        stride = 4 * pad;
        sourceInputs = net.blockInputs[0];
        sourceCells = net.blockCells[0];
        sources = net.sources[0];
        inputRun = Kernels.runStart(sourceInputs);
        cellRun = Kernels.runStart(sourceCells);
        gates = Aligned.floats(sources * stride);
        outputCells = net.outputCells[0];
        outputInputs = net.outputInputs[0];
        outputCellRun = Kernels.runStart(outputCells);
        outputInputRun = Kernels.runStart(outputInputs);
        outputSources = outputCells.length + outputInputs.length + 1;
        outputStride = PackedWeights.roundUp(net.outputs, lanes);
        outputs = Aligned.floats(outputSources * outputStride);
        u = Aligned.floats(sources);
        src = Aligned.floats(outputSources);
        nonzero = new int[Math.max(sources, outputSources)];
        gateNet = Aligned.floats(stride);
        part = Aligned.floats(stride);
        outputNet = Aligned.floats(outputStride);
        gateSig = Aligned.floats(stride);
        stateSig = Aligned.floats(pad);
        outputSig = Aligned.floats(outputStride);
        gc = Aligned.floats(pad);
        s = Aligned.floats(pad);
        sPrev = Aligned.floats(pad);
        hs = Aligned.floats(pad);
        yc = Aligned.floats(pad);
        ycPrev = Aligned.floats(pad);
        y = new double[net.outputs];
        reset();
    }

    /** Copies the network's current weights (rounded to floats), unless this copy already has them. */
    void repack() {
        net.sync();
        if (version == net.version) {
            return;
        }
        version = net.version;
        transfer(false);
        earlyReady = false;
    }

    /** The inverse of {@link #repack()}: this copy into the network's arrays (each weight widened to a double). */
    void unpack() {
        transfer(true);
    }

    private void transfer(boolean intoRows) {
        final double[][] rows = net.params;
        for (int j = 0; j < blocks; j++) {
            final int go = net.gateOffset[j];
            final int co = net.cellOffset[j];
            for (int m = 0; m < sources; m++) {
                final int col = LEAD + m * stride + j;
                move(rows[LstmNetwork.P_IN], go + m, gates, col, intoRows);
                move(rows[LstmNetwork.P_FORGET], go + m, gates, col + pad, intoRows);
                move(rows[LstmNetwork.P_CELL], co + m, gates, col + 2 * pad, intoRows);
                move(rows[LstmNetwork.P_OUTGATE], go + m, gates, col + 3 * pad, intoRows);
            }
        }
        for (int k = 0; k < net.outputs; k++) {
            final int o = net.outputOffset[k];
            for (int s = 0; s < outputSources; s++) {
                move(rows[LstmNetwork.P_OUTPUT], o + s, outputs, LEAD + s * outputStride + k, intoRows);
            }
        }
    }

    private static void move(double[] row, int r, float[] cols, int c, boolean intoRow) {
        if (intoRow) {
            row[r] = cols[c];
        } else {
            cols[c] = (float) row[r];
        }
    }

    /** Zero cell states and activations (the state at t = 0); a runner also reads the network's weights. */
    void reset() {
        if (repackAtReset) {
            repack();
        }
        earlyReady = false;
        Arrays.fill(gateSig, 0);
        Arrays.fill(gc, 0);
        Arrays.fill(s, 0);
        Arrays.fill(sPrev, 0);
        Arrays.fill(hs, 0);
        Arrays.fill(yc, 0);
        Arrays.fill(ycPrev, 0);
        Arrays.fill(y, 0);
    }

    /**
     * One step: consumes {@code input} (length = inputs), leaves the outputs in {@link #y}. Each
     * product adds its sources in two parts, the ones known early first: the gates' cells and bias
     * (known since the last step; by chunks, {@link FloatKernels#chunkedProduct}) before this step's
     * inputs, the outputs' inputs and bias before the cells (the last values of the step). The
     * early part runs while the values of the late one are still being made; only the late part
     * waits for them.
     */
    void forward(double[] input) {
        if (input.length != net.inputs) {
            throw new IllegalArgumentException("input frame must have " + net.inputs + " values, got " + input.length);
        }
        float[] t = sPrev;
        sPrev = s;
        s = t;
        t = ycPrev;
        ycPrev = yc;
        yc = t;
        final int in = sourceInputs.length;
        gatherCells(ycPrev, sourceCells, cellRun, u, in);
        u[LEAD + sources - 1] = 1f;
        if (!earlyReady) {
            if (simd) {
                FloatVectorKernels.chunkedProduct(gates, stride, stride, u, in, sources, nonzero, part, gateNet);
            } else {
                FloatKernels.chunkedProduct(gates, stride, stride, u, in, sources, part, gateNet);
            }
        }
        earlyReady = false;
        gatherInputs(input, sourceInputs, inputRun, u, 0);
        product(gates, stride, stride, u, 0, in, true, gateNet);
        // all four segments' logistic in one pass: independent vectors
        sigmoid(gateNet, gateSig, stride);
        final int cells = outputCells.length;
        gatherInputs(input, outputInputs, outputInputRun, src, cells);
        src[LEAD + outputSources - 1] = 1f;
        product(outputs, outputStride, net.outputs, src, cells, outputSources, false, outputNet);
        final boolean linearIn = net.linearCellInput;
        final boolean linearOut = net.linearCellOutput;
        if (simd) {
            FloatVectorKernels.cellStates(gateNet, gateSig, sPrev, gc, s, pad, linearIn);
        } else {
            FloatKernels.cellStates(gateNet, gateSig, sPrev, gc, s, pad, linearIn);
        }
        if (!linearOut) { // h the identity: the states are the cell outputs' factor as they are
            sigmoid(s, stateSig, pad);
        }
        if (simd) {
            FloatVectorKernels.cellOutputs(gateSig, stateSig, s, hs, yc, pad, linearOut);
        } else {
            FloatKernels.cellOutputs(gateSig, stateSig, s, hs, yc, pad, linearOut);
        }
        gatherCells(yc, outputCells, outputCellRun, src, 0);
        product(outputs, outputStride, net.outputs, src, 0, cells, true, outputNet);
        sigmoid(outputNet, outputSig, outputStride);
        for (int k = 0; k < y.length; k++) {
            y[k] = outputSig[LEAD + k];
        }
    }

    /** The next step's early gate sources into {@code into} (as {@link #u}: the cells of this step from {@code in}, then 1). */
    void nextSources(float[] into) {
        gatherCells(yc, sourceCells, cellRun, into, sourceInputs.length);
        into[LEAD + sources - 1] = 1f;
    }

    /** The first of the gate sources known a step early (the cells, then the bias): the inputs come before it. */
    int earlySources() {
        return sourceInputs.length;
    }

    /** The gate and cell net inputs, from {@link #LEAD} (the learner sums the next step's early part into it). */
    float[] gateNet() {
        return gateNet;
    }

    /** A copy of the cell states after the last step, widened. */
    double[] cellStates() {
        double[] c = new double[blocks];
        for (int i = 0; i < blocks; i++) {
            c[i] = s[LEAD + i];
        }
        return c;
    }

    /** Element {@code at + i} of {@code v} = cell {@code idx[i]}'s value in {@code from} ({@code idx} the run from {@code run} when that is not -1). */
    private static void gatherCells(float[] from, int[] idx, int run, float[] v, int at) {
        final int b = LEAD + at;
        if (run >= 0) {
            System.arraycopy(from, LEAD + run, v, b, idx.length);
        } else {
            for (int i = 0; i < idx.length; i++) {
                v[b + i] = from[LEAD + idx[i]];
            }
        }
    }

    /** Element {@code at + i} of {@code v} = {@code (float) input[idx[i]]} ({@code idx} the run from {@code run} when that is not -1). */
    private static void gatherInputs(double[] input, int[] idx, int run, float[] v, int at) {
        final int b = LEAD + at;
        if (run >= 0) {
            for (int i = 0; i < idx.length; i++) {
                v[b + i] = (float) input[run + i];
            }
        } else {
            for (int i = 0; i < idx.length; i++) {
                v[b + i] = (float) input[idx[i]];
            }
        }
    }

    /** Adds the product of the sources {@code [from, to)} to {@code out} (to 0 unless {@code add}): {@link FloatKernels#columnProduct}. */
    private void product(float[] w, int stride, int rows, float[] v, int from, int to, boolean add, float[] out) {
        if (simd) {
            FloatVectorKernels.columnProduct(w, stride, rows, v, from, to, add, nonzero, out);
        } else {
            FloatKernels.columnProduct(w, stride, rows, v, from, to, add, out);
        }
    }

    /** {@code out = sigmoid(in)} in floats ({@link FloatKernels#sigmoid}), over whole vectors on the SIMD path (padding rows are 0). */
    private void sigmoid(float[] in, float[] out, int n) {
        if (simd) {
            FloatVectorKernels.sigmoid(in, out, n);
        } else {
            FloatKernels.sigmoid(in, out, n);
        }
    }
}
