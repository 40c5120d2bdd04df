package bebop.nn;

import java.util.Arrays;

/**
 * A column-major copy of the weights of a network whose blocks all have the same sources (and,
 * separately, whose output units all have the same sources): the fully connected nets, such as
 * Experiment 1's and the standard LSTM. Inference then computes all net inputs of a layer as one
 * matrix-vector product, source by source ({@code net[r] += w[s][r] * u[s]}): SIMD without
 * horizontal sums, and sources that are 0 (most of a binary input frame) are skipped.
 *
 * <p>Each net input adds the same products in the same order (ascending source, bias last) as the
 * row-wise dot products, with separate multiplies and adds on both paths, so the results are the
 * plain engine's to the bit (a skipped source adds a signed zero, which can flip only the sign of
 * a zero sum). The copy is made by {@link #repack()}: {@link LstmRunner} repacks at every reset
 * (a no-op when the weights did not change since), so a runner computes with the network's weights
 * as they were at its last reset. The online learner of the standard LSTM trains such a copy
 * itself ({@link PackedLearner}).
 */
final class PackedWeights {
    private final LstmNetwork net;
    private final boolean simd;
    /** Gate rows: input gates of all blocks, forget gates, output gates, then the cells; null when blocks differ. */
    private final double[] gates;
    private final int gateRows;
    private final int gateStride;
    /** Output rows, sources: the cells, the inputs, the bias; null when outputs differ. */
    private final double[] outputs;
    private final int outputStride;
    private final int[] nonzero;
    /** The products: gate rows ({@link #gateNets}), output units ({@link #outputNets}); padded to whole vectors. */
    final double[] gateNet;
    final double[] outputNet;
    /** The network's weight version ({@link LstmNetwork#version}) this copy equals; -1 before the first copy. */
    long version = -1;

    private PackedWeights(LstmNetwork net) {
        this.net = net;
        this.simd = net.arithmetic.vectors();
        int pad = simd ? VectorKernels.lanes() : 1;
        gateRows = 3 * net.blocks + net.cells;
        gateStride = roundUp(gateRows, pad);
        gates = packsGates(net) ? new double[net.sources[0] * gateStride] : null;
        outputStride = roundUp(net.outputs, pad);
        int outSources = net.outputs == 0 ? 0 : net.outputCells[0].length + net.outputInputs[0].length + 1;
        outputs = packsOutputs(net) ? new double[outSources * outputStride] : null;
        nonzero = new int[Math.max(net.sources.length == 0 ? 0 : net.sources[0], outSources)];
        gateNet = new double[gateStride];
        outputNet = new double[outputStride];
    }

    /** Packed weights for {@code net}, or null when neither its blocks nor its outputs share their sources. */
    static PackedWeights of(LstmNetwork net) {
        PackedWeights p = new PackedWeights(net);
        return p.gates == null && p.outputs == null ? null : p;
    }

    /** Whether the blocks of {@code net} all have the same sources (their rows pack). */
    static boolean packsGates(LstmNetwork net) {
        return net.blocks > 0 && sameForAll(net.blockInputs) && sameForAll(net.blockCells);
    }

    /** Whether the output units of {@code net} all have the same sources (their rows pack). */
    static boolean packsOutputs(LstmNetwork net) {
        return net.outputs > 0 && sameForAll(net.outputCells) && sameForAll(net.outputInputs);
    }

    boolean packsGates() {
        return gates != null;
    }

    boolean packsOutputs() {
        return outputs != null;
    }

    int gateStride() {
        return gateStride;
    }

    int outputStride() {
        return outputStride;
    }

    /** Sources of the output units (cells, inputs, bias). */
    int outputSources() {
        return outputs.length / outputStride;
    }

    /** The packed gate and cell rows: source {@code m}'s weights at {@code m * gateStride()..}. */
    double[] gates() {
        return gates;
    }

    /** The packed output rows: source {@code s}'s weights at {@code s * outputStride()..}. */
    double[] outputs() {
        return outputs;
    }

    /** Copies the network's current weights, unless this copy already has them. */
    void repack() {
        net.sync();
        if (version == net.version) {
            return;
        }
        version = net.version;
        transfer(net.params, gates, outputs, false);
    }

    /**
     * The inverse of {@link #repack()} for arrays in the packed layouts: {@code gateCols} and
     * {@code outputCols} into the row-major arrays {@code rows} (indexed as the network's parameters).
     */
    void unpack(double[] gateCols, double[] outputCols, double[][] rows) {
        transfer(rows, gateCols, outputCols, true);
    }

    /** Walks the two layouts side by side, copying into {@code rows} or out of them. */
    private void transfer(double[][] rows, double[] gateCols, double[] outputCols, boolean intoRows) {
        if (gates != null) {
            final int n = net.sources[0];
            final int b = net.blocks;
            final int sc = net.cellsPerBlock;
            for (int j = 0; j < b; j++) {
                int go = net.gateOffset[j];
                int co = net.cellOffset[j];
                for (int m = 0; m < n; m++) {
                    int row = m * gateStride;
                    move(rows[LstmNetwork.P_IN], go + m, gateCols, row + j, intoRows);
                    move(rows[LstmNetwork.P_FORGET], go + m, gateCols, row + b + j, intoRows);
                    move(rows[LstmNetwork.P_OUTGATE], go + m, gateCols, row + 2 * b + j, intoRows);
                    for (int v = 0; v < sc; v++) {
                        move(rows[LstmNetwork.P_CELL], co + v * n + m, gateCols, row + 3 * b + j * sc + v, intoRows);
                    }
                }
            }
        }
        if (outputs != null) {
            final double[] w = rows[LstmNetwork.P_OUTPUT];
            final int n = outputs.length / outputStride;
            for (int k = 0; k < net.outputs; k++) {
                int o = net.outputOffset[k];
                for (int s = 0; s < n; s++) {
                    move(w, o + s, outputCols, s * outputStride + k, intoRows);
                }
            }
        }
    }

    private static void move(double[] row, int r, double[] cols, int c, boolean intoRow) {
        if (intoRow) {
            row[r] = cols[c];
        } else {
            cols[c] = row[r];
        }
    }

    /** All gate and cell net inputs from the shared sources {@code u[uo..uo+n)} into {@link #gateNet}. */
    void gateNets(double[] u, int uo) {
        product(gates, gateStride, gateRows, u, uo, net.sources[0], gateNet);
    }

    /** All output net inputs from the sources {@code src[0..)} (cells, inputs, 1) into {@link #outputNet}. */
    void outputNets(double[] src) {
        product(outputs, outputStride, net.outputs, src, 0, outputs.length / outputStride, outputNet);
    }

    private void product(double[] w, int stride, int rows, double[] u, int uo, int n, double[] out) {
        int count = 0;
        for (int s = 0; s < n; s++) {
            if (u[uo + s] != 0.0) {
                nonzero[count++] = s;
            }
        }
        if (simd) {
            VectorKernels.columnProduct(w, stride, rows, u, uo, nonzero, count, out);
            return;
        }
        Arrays.fill(out, 0, rows, 0.0);
        for (int q = 0; q < count; q++) {
            int s = nonzero[q];
            double us = u[uo + s];
            int o = s * stride;
            for (int r = 0; r < rows; r++) {
                out[r] = out[r] + w[o + r] * us;
            }
        }
    }

    private static boolean sameForAll(int[][] lists) {
        for (int[] l : lists) {
            if (!Arrays.equals(l, lists[0])) {
                return false;
            }
        }
        return true;
    }

    private static int roundUp(int n, int pad) {
        return (n + pad - 1) / pad * pad;
    }
}
