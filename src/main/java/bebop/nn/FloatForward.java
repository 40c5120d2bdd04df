package bebop.nn;

import java.util.Arrays;

/**
 * The forward pass of the float path ({@link Precision#FLOAT}): a column-major copy of the
 * weights in floats, and the activations of one step. The weights and the products are floats
 * (they are what a step streams through memory), and so is the logistic of the sums, in float
 * vectors ({@link FloatKernels#sigmoid}: within a few float ulp, a third of the double
 * path's cost); each unit's values (gates, cell states, outputs, the factors of the updates) are
 * doubles widened from them, so the float path differs from the double one only by the rounding
 * of the weights, of the sources they multiply, of the sums and of the logistic.
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
    /** Whether {@link #reset()} reads the network's weights (a runner; the learner keeps its own). */
    private final boolean repackAtReset;

    /** This step's sources as floats: the gates' ({@link #u}) and the outputs' ({@link #src}). */
    final float[] u;
    final float[] src;
    private final int[] nonzero;
    private final float[] gateNet;
    private final float[] outputNet;
    /** The logistic of the gate and cell rows (g of a cell row is 4 sigmoid - 2), of the cell states (h = 2 sigmoid - 1) and of the output units. */
    private final float[] gateSig;
    /** The cell states as floats, the logistic's argument for h. */
    private final float[] stateFloat;
    private final float[] stateSig;
    private final float[] outputSig;
    final double[] x;
    double[] s;
    double[] sPrev;
    double[] yc;
    double[] ycPrev;
    final double[] yIn;
    final double[] yForget;
    final double[] yOut;
    /** g(net_c) and h(s) per cell. */
    final double[] gc;
    final double[] hs;
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
        outputNet = Aligned.floats(outputStride);
        x = new double[net.inputs];
        s = new double[blocks];
        sPrev = new double[blocks];
        yc = new double[blocks];
        ycPrev = new double[blocks];
        gateSig = Aligned.floats(stride);
        stateFloat = Aligned.floats(pad);
        stateSig = Aligned.floats(pad);
        outputSig = Aligned.floats(outputStride);
        yIn = new double[blocks];
        yForget = new double[blocks];
        yOut = new double[blocks];
        gc = new double[blocks];
        hs = new double[blocks];
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
        Arrays.fill(x, 0);
        Arrays.fill(s, 0);
        Arrays.fill(sPrev, 0);
        Arrays.fill(yc, 0);
        Arrays.fill(ycPrev, 0);
        Arrays.fill(yIn, 0);
        Arrays.fill(yForget, 0);
        Arrays.fill(yOut, 0);
        Arrays.fill(gc, 0);
        Arrays.fill(hs, 0);
        Arrays.fill(y, 0);
    }

    /** One step: consumes {@code input} (length = inputs), leaves the outputs in {@link #y}. */
    void forward(double[] input) {
        if (input.length != net.inputs) {
            throw new IllegalArgumentException("input frame must have " + net.inputs + " values, got " + input.length);
        }
        System.arraycopy(input, 0, x, 0, x.length);
        double[] t = sPrev;
        sPrev = s;
        s = t;
        t = ycPrev;
        ycPrev = yc;
        yc = t;
        int count = gather(x, sourceInputs, inputRun, u, 0, 0);
        count = gather(ycPrev, sourceCells, cellRun, u, sourceInputs.length, count);
        u[LEAD + sources - 1] = 1f;
        nonzero[count++] = sources - 1;
        product(gates, stride, stride, u, count, gateNet);
        // all four segments' logistic in one pass: independent vectors
        sigmoid(gateNet, gateSig, stride);
        final boolean linearIn = net.linearCellInput;
        for (int c = 0; c < blocks; c++) {
            final int r = LEAD + c;
            yIn[c] = gateSig[r];
            yForget[c] = gateSig[pad + r];
            yOut[c] = gateSig[3 * pad + r];
            gc[c] = linearIn ? gateNet[2 * pad + r] : gateSig[2 * pad + r] * 4.0 - 2.0;
            s[c] = yForget[c] * sPrev[c] + yIn[c] * gc[c];
            stateFloat[r] = (float) s[c];
        }
        final boolean linearOut = net.linearCellOutput;
        if (!linearOut) { // h the identity: the states are the cell outputs' factor as they are
            sigmoid(stateFloat, stateSig, pad);
        }
        for (int c = 0; c < blocks; c++) {
            hs[c] = linearOut ? s[c] : stateSig[LEAD + c] * 2.0 - 1.0;
            yc[c] = yOut[c] * hs[c];
        }
        count = gather(yc, outputCells, outputCellRun, src, 0, 0);
        count = gather(x, outputInputs, outputInputRun, src, outputCells.length, count);
        src[LEAD + outputSources - 1] = 1f;
        nonzero[count++] = outputSources - 1;
        product(outputs, outputStride, net.outputs, src, count, outputNet);
        sigmoid(outputNet, outputSig, outputStride);
        for (int k = 0; k < y.length; k++) {
            y[k] = outputSig[LEAD + k];
        }
    }

    /**
     * Element {@code at + i} of {@code v} = {@code (float) from[idx[i]]} ({@code idx} the run from
     * {@code run} when that is not -1: a plain copy), and the positions (element numbers) of those not
     * 0 appended to {@link #nonzero} from {@code count} (the product visits only those: most of a
     * binary frame is 0); returns the new count.
     */
    private int gather(double[] from, int[] idx, int run, float[] v, int at, int count) {
        final int b = LEAD + at;
        if (run >= 0) {
            for (int i = 0; i < idx.length; i++) {
                v[b + i] = (float) from[run + i];
            }
        } else {
            for (int i = 0; i < idx.length; i++) {
                v[b + i] = (float) from[idx[i]];
            }
        }
        for (int i = at; i < at + idx.length; i++) {
            nonzero[count] = i;
            count += v[LEAD + i] != 0f ? 1 : 0;
        }
        return count;
    }

    /** The product over the sources {@code nonzero[0..count)}. */
    private void product(float[] w, int stride, int rows, float[] v, int count, float[] out) {
        if (simd) {
            FloatVectorKernels.columnProduct(w, stride, rows, v, nonzero, count, out);
        } else {
            FloatKernels.columnProduct(w, stride, rows, v, nonzero, count, out);
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
