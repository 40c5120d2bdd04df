package bebop.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A column-major copy of a network's weights, one matrix per group of blocks with the same
 * sources and one per group of output units with the same sources: one group each in the fully
 * connected nets (Experiment 1's, the standard LSTM), two each in Experiment 2's (the chord and the
 * melody blocks and outputs). Inference then computes all net inputs of a group as one
 * matrix-vector product, source by source ({@code net[r] += w[s][r] * u[s]}): SIMD without
 * horizontal sums, and sources that are 0 (most of a binary input frame) are skipped.
 *
 * <h2>Layout of a gate group</h2>
 * A group of {@code B} blocks of {@code S} cells; source {@code m}'s column starts at
 * {@code m * stride} and holds three segments, each padded to whole vectors ({@code pad} rows: the
 * lane count on the SIMD path, 1 on the plain one):
 * <ul>
 *   <li>{@code A} rows from 0: the input gates of the group's blocks (in group order), then their
 *       forget gates;</li>
 *   <li>{@code C} rows from {@code A}: the cells, by cell of the block ({@code v}) then block:
 *       row {@code A + v B + i} is cell {@code v} of the group's {@code i}-th block;</li>
 *   <li>{@code O} rows from {@code A + C}: the output gates.</li>
 * </ul>
 * The online learner ({@link PackedLearner}) keeps its traces in the same order, so that a block's
 * gate gradient (a sum over its cells) is a sum of whole vectors.
 *
 * <p>The weights and the products are aligned arrays ({@link Aligned}): their elements start at
 * {@link Kernels#LEAD}, so that (the columns being whole vectors) each of their vectors lies within
 * one cache line when the JVM aligns objects to lines.
 *
 * <p>Each net input adds the same products in the same order (ascending source, bias last) as the
 * row-wise dot products, with separate multiplies and adds on both paths, so the results are the
 * plain engine's to the bit (a skipped source adds a signed zero, which can flip only the sign of
 * a zero sum). The copy is made by {@link #repack()}: {@link LstmRunner} repacks at every reset
 * (a no-op when the weights did not change since), so a runner computes with the network's weights
 * as they were at its last reset. The online learner trains such a copy itself
 * ({@link PackedLearner}). Peephole weights are not packed: the forward pass reads them from the
 * network.
 */
final class PackedWeights {
    /** Where the packed arrays' elements start ({@link Kernels#LEAD}). */
    private static final int LEAD = Kernels.LEAD;
    private final LstmNetwork net;
    private final boolean simd;
    /** Per gate group: its blocks, ascending. */
    final int[][] gateBlocks;
    /** Per gate group: its first block when its blocks are one ascending run, else -1. */
    final int[] gateRun;
    /** Per gate group: where its sources start in the forward state's gathered sources (the first block's gate offset). */
    final int[] gateSourceOffset;
    /** Per gate group: number of sources (bias included). */
    final int[] gateSources;
    /** Per gate group: the rows of its segments (padded) and their sum, the column stride. */
    final int[] segA;
    final int[] segC;
    final int[] segO;
    final int[] gateStride;
    /** Per gate group: the weights, source-major: source {@code m}'s column at {@code LEAD + m * gateStride[g]..}. */
    final double[][] gates;
    /** Per output group: its output units, ascending. */
    final int[][] outputUnits;
    final int[] outputStride;
    /** Per output group: number of sources (its cells, its inputs, the bias). */
    final int[] outputSourceCount;
    /** Per output group: the weights, source-major: source {@code s}'s column at {@code LEAD + s * outputStride[q]..}. */
    final double[][] outputs;
    private final int[] nonzero;
    /** The products, per group, from {@code LEAD}: gate rows ({@link #gateNets}), output units ({@link #outputNets}); padded to whole vectors. */
    final double[][] gateNet;
    final double[][] outputNet;
    /** The network's weight version ({@link LstmNetwork#version}) this copy equals; -1 before the first copy. */
    long version = -1;

    private PackedWeights(LstmNetwork net) {
        this.net = net;
        this.simd = net.arithmetic.vectors();
        int pad = simd ? VectorKernels.lanes() : 1;
        gateBlocks = groups(net.blockInputs, net.blockCells);
        int gg = gateBlocks.length;
        gateRun = new int[gg];
        for (int g = 0; g < gg; g++) {
            gateRun[g] = Kernels.runStart(gateBlocks[g]);
        }
        gateSourceOffset = new int[gg];
        gateSources = new int[gg];
        segA = new int[gg];
        segC = new int[gg];
        segO = new int[gg];
        gateStride = new int[gg];
        gates = new double[gg][];
        gateNet = new double[gg][];
        int maxSources = 0;
        for (int g = 0; g < gg; g++) {
            int first = gateBlocks[g][0];
            int b = gateBlocks[g].length;
            gateSourceOffset[g] = net.gateOffset[first];
            gateSources[g] = net.sources[first];
            segA[g] = roundUp(2 * b, pad);
            segC[g] = roundUp(net.cellsPerBlock * b, pad);
            segO[g] = roundUp(b, pad);
            gateStride[g] = segA[g] + segC[g] + segO[g];
            gates[g] = Aligned.doubles(gateSources[g] * gateStride[g]);
            gateNet[g] = Aligned.doubles(gateStride[g]);
            maxSources = Math.max(maxSources, gateSources[g]);
        }
        outputUnits = groups(net.outputCells, net.outputInputs);
        int og = outputUnits.length;
        outputStride = new int[og];
        outputSourceCount = new int[og];
        outputs = new double[og][];
        outputNet = new double[og][];
        for (int q = 0; q < og; q++) {
            int first = outputUnits[q][0];
            outputStride[q] = roundUp(outputUnits[q].length, pad);
            outputSourceCount[q] = net.outputCells[first].length + net.outputInputs[first].length + 1;
            outputs[q] = Aligned.doubles(outputSourceCount[q] * outputStride[q]);
            outputNet[q] = Aligned.doubles(outputStride[q]);
            maxSources = Math.max(maxSources, outputSourceCount[q]);
        }
        nonzero = new int[maxSources];
    }

    /** Packed weights for {@code net}: every network packs (in the worst case one group per block and per output). */
    static PackedWeights of(LstmNetwork net) {
        return new PackedWeights(net);
    }

    /**
     * The units (blocks or outputs) grouped by equal sources ({@code a[i]} and {@code b[i]} both
     * equal): groups in the order of their first unit, units ascending within a group.
     */
    private static int[][] groups(int[][] a, int[][] b) {
        List<List<Integer>> groups = new ArrayList<>();
        for (int i = 0; i < a.length; i++) {
            List<Integer> home = null;
            for (List<Integer> g : groups) {
                int f = g.get(0);
                if (Arrays.equals(a[f], a[i]) && Arrays.equals(b[f], b[i])) {
                    home = g;
                    break;
                }
            }
            if (home == null) {
                home = new ArrayList<>();
                groups.add(home);
            }
            home.add(i);
        }
        int[][] out = new int[groups.size()][];
        for (int g = 0; g < out.length; g++) {
            out[g] = groups.get(g).stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    int gateGroups() {
        return gateBlocks.length;
    }

    int outputGroups() {
        return outputUnits.length;
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
     * {@code outputCols} (per group) into the row-major arrays {@code rows} (indexed as the
     * network's parameters; peepholes untouched).
     */
    void unpack(double[][] gateCols, double[][] outputCols, double[][] rows) {
        transfer(rows, gateCols, outputCols, true);
    }

    /** Walks the two layouts side by side, copying into {@code rows} or out of them. */
    private void transfer(double[][] rows, double[][] gateCols, double[][] outputCols, boolean intoRows) {
        final int sc = net.cellsPerBlock;
        for (int g = 0; g < gateBlocks.length; g++) {
            final int[] blocks = gateBlocks[g];
            final int b = blocks.length;
            final int n = gateSources[g];
            final int stride = gateStride[g];
            final double[] cols = gateCols[g];
            for (int i = 0; i < b; i++) {
                final int j = blocks[i];
                final int go = net.gateOffset[j];
                final int co = net.cellOffset[j];
                for (int m = 0; m < n; m++) {
                    final int col = LEAD + m * stride;
                    move(rows[LstmNetwork.P_IN], go + m, cols, col + i, intoRows);
                    move(rows[LstmNetwork.P_FORGET], go + m, cols, col + b + i, intoRows);
                    for (int v = 0; v < sc; v++) {
                        move(rows[LstmNetwork.P_CELL], co + v * n + m, cols, col + segA[g] + v * b + i, intoRows);
                    }
                    move(rows[LstmNetwork.P_OUTGATE], go + m, cols, col + segA[g] + segC[g] + i, intoRows);
                }
            }
        }
        final double[] w = rows[LstmNetwork.P_OUTPUT];
        for (int q = 0; q < outputUnits.length; q++) {
            final int[] units = outputUnits[q];
            final int n = outputSourceCount[q];
            final int stride = outputStride[q];
            for (int i = 0; i < units.length; i++) {
                final int o = net.outputOffset[units[i]];
                for (int s = 0; s < n; s++) {
                    move(w, o + s, outputCols[q], LEAD + s * stride + i, intoRows);
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

    /** Group {@code g}'s gate and cell net inputs from its sources {@code u[gateSourceOffset[g]..)} into {@code gateNet[g]}. */
    void gateNets(int g, double[] u) {
        product(gates[g], gateStride[g], gateStride[g], u, gateSourceOffset[g], gateSources[g], gateNet[g]);
    }

    /** Output group {@code q}'s net inputs from its sources {@code src[0..)} (cells, inputs, 1) into {@code outputNet[q]}. */
    void outputNets(int q, double[] src) {
        product(outputs[q], outputStride[q], outputUnits[q].length, src, 0, outputSourceCount[q], outputNet[q]);
    }

    private void product(double[] w, int stride, int rows, double[] u, int uo, int n, double[] out) {
        if (simd) {
            // the vectors' small products take every source and need no list (VectorKernels.columnProduct)
            int count = stride < VectorKernels.STREAM_ROWS ? 0 : nonzeroSources(u, uo, n);
            VectorKernels.columnProduct(w, stride, rows, u, uo, n, nonzero, count, out);
            return;
        }
        Kernels.columnProduct(w, stride, rows, u, uo, nonzero, nonzeroSources(u, uo, n), out);
    }

    /** The sources {@code s < n} with {@code u[uo + s]} not 0 into {@link #nonzero}, ascending; their count. */
    private int nonzeroSources(double[] u, int uo, int n) {
        int count = 0;
        for (int s = 0; s < n; s++) {
            if (u[uo + s] != 0.0) {
                nonzero[count++] = s;
            }
        }
        return count;
    }

    static int roundUp(int n, int pad) {
        return (n + pad - 1) / pad * pad;
    }
}
