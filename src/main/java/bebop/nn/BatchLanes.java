package bebop.nn;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link BatchRunner}'s SIMD path: the streams in vector lanes. Streams are taken {@code L} at a
 * time (a tile; {@code L} = {@link VectorKernels#lanes()}, 8 doubles at 512 bits; the last tile
 * padded with streams that are never read), and every quantity of a tile is one vector whose lane
 * {@code l} belongs to the tile's stream {@code l} (structure of arrays). A tile's state is
 * {@code width} vectors: the inputs x, the cell outputs yc, then 1 for the bias; its cell states
 * are {@code cells} vectors. The net inputs of a gate group are one vector per row of its
 * {@link PackedWeights} column, an output group's one per output unit.
 *
 * <p>A product is then a matrix times a matrix: each weight is broadcast once and multiplied into
 * the sources of two tiles ({@code 2L} streams) at once, four rows at a time (eight independent
 * sums side by side), and the squashing functions run over runs of independent vectors whose long
 * chains overlap. Tiles go in pairs through the products, one by one through the cells. Loaded
 * only for {@link Arithmetic#SIMD}: the class links against {@code jdk.incubator.vector}.
 *
 * <p>Each lane gets the bits that an {@link LstmRunner} on the same arithmetic gives its stream
 * ({@code BatchRunnerTest}): every operation is lane-wise and is {@link ForwardState}'s, in its
 * order. Products add {@code w * u} (a multiply, then an add) from +0 over the sources in
 * ascending order, bias last: a source is skipped only where it is 0 in all lanes, and the
 * products {@code w * 0} that a lane adds where its own source is 0 leave its sum as it is (a sum
 * from +0 is never -0, and the weights are finite), as if skipped. The squashing functions are
 * {@link VectorKernels#squashVectors} ({@link VectorKernels#squash}'s operations); the peepholes'
 * dot products, the cell states and the cell outputs are ForwardState's expressions.
 * Allocation-free per step.
 */
final class BatchLanes {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int L = SPECIES.length();
    private static final int LEAD = Kernels.LEAD;

    private final LstmNetwork net;
    private final PackedWeights packed;
    private final int streams;
    private final int tiles;
    /** Vectors of a tile's state: the inputs, the cells' outputs, the bias. */
    private final int width;
    /** Per tile ({@code width} vectors from {@code LEAD + t * width * L}): x, yc, then 1. */
    private final double[] state;
    /** Per tile ({@code cells} vectors from {@code LEAD + t * cells * L}): the cell states s. */
    private final double[] cell;
    /**
     * Per gate group, for the pair of tiles being computed: one vector per row of its packed
     * columns, the second tile's {@code gateStride} vectors after the first's.
     */
    private final double[][] gateNet;
    /**
     * Per output group, for the pair of tiles: one vector per row (output unit), the second tile's
     * {@code outputStride} vectors after the first's.
     */
    private final double[][] outNet;
    /** Per gate (output) group, per weight column: where the column's source lies in a tile's state, in doubles. */
    private final int[][] gateSource;
    private final int[][] outSource;
    /** Per gate (output) group: the first rows of its blocks of 4 rows. */
    private final int[][] gateBlocks;
    private final int[][] outBlocks;
    /** Scratch: the columns a product visits (sources not 0 in some lane), ascending. */
    private final int[] visit;
    /** Per stream: its outputs after the last step. */
    final double[][] y;

    /**
     * Whether this machine's vectors suit the blocks of 4 rows (a segment's rows rounded up to 4
     * stay within its padding to whole vectors).
     */
    static boolean fits() {
        return L % 4 == 0;
    }

    BatchLanes(LstmNetwork net, int streams) {
        this.net = net;
        this.packed = PackedWeights.of(net);
        this.streams = streams;
        this.tiles = (streams + L - 1) / L;
        this.width = net.inputs + net.cells + 1;
        state = Aligned.doubles(tiles * width * L);
        cell = Aligned.doubles(tiles * net.cells * L);
        final int gg = packed.gateGroups();
        gateNet = new double[gg][];
        gateSource = new int[gg][];
        gateBlocks = new int[gg][];
        int maxSources = 0;
        for (int g = 0; g < gg; g++) {
            gateNet[g] = Aligned.doubles(2 * packed.gateStride[g] * L);
            final int first = packed.gateBlocks[g][0];
            gateSource[g] = sources(net.blockInputs[first], 0, net.blockCells[first], net.inputs);
            final int b = packed.gateBlocks[g].length;
            final int a = packed.segA[g];
            final int c = packed.segC[g];
            gateBlocks[g] = rowBlocks(new int[] {0, 2 * b, a, net.cellsPerBlock * b, a + c, b});
            maxSources = Math.max(maxSources, gateSource[g].length);
        }
        final int og = packed.outputGroups();
        outNet = new double[og][];
        outSource = new int[og][];
        outBlocks = new int[og][];
        for (int q = 0; q < og; q++) {
            outNet[q] = Aligned.doubles(2 * packed.outputStride[q] * L);
            final int first = packed.outputUnits[q][0];
            outSource[q] = sources(net.outputCells[first], net.inputs, net.outputInputs[first], 0);
            outBlocks[q] = rowBlocks(new int[] {0, packed.outputUnits[q].length});
            maxSources = Math.max(maxSources, outSource[q].length);
        }
        visit = new int[maxSources];
        y = new double[streams][net.outputs];
        reset();
    }

    /**
     * Where each weight column's source lies in a tile's state (in doubles from the tile's start):
     * the state vectors {@code firstBase + first[i]}, then {@code secondBase + second[i]}, then the
     * bias (a gate group's columns are its inputs, its cells, the bias; an output group's its cells,
     * its inputs, the bias).
     */
    private int[] sources(int[] first, int firstBase, int[] second, int secondBase) {
        final int[] at = new int[first.length + second.length + 1];
        int o = 0;
        for (int i : first) {
            at[o++] = (firstBase + i) * L;
        }
        for (int i : second) {
            at[o++] = (secondBase + i) * L;
        }
        at[o] = (width - 1) * L;
        return at;
    }

    /**
     * The blocks of 4 rows that cover the segments {@code (first row, rows)...}: a segment's last
     * block may reach into its padding (whose weights are 0: its rows are never read).
     */
    private static int[] rowBlocks(int[] segments) {
        int count = 0;
        for (int i = 0; i < segments.length; i += 2) {
            count += PackedWeights.roundUp(segments[i + 1], 4) / 4;
        }
        final int[] blocks = new int[count];
        int k = 0;
        for (int i = 0; i < segments.length; i += 2) {
            for (int r = 0; r < segments[i + 1]; r += 4) {
                blocks[k++] = segments[i] + r;
            }
        }
        return blocks;
    }

    /** Zero every stream's state, the bias 1 in every lane, and read the network's weights. */
    void reset() {
        packed.repack();
        Arrays.fill(state, 0);
        for (int t = 0; t < tiles; t++) {
            final int bias = LEAD + (t * width + width - 1) * L;
            Arrays.fill(state, bias, bias + L, 1.0);
        }
        Arrays.fill(cell, 0);
        for (double[] o : y) {
            Arrays.fill(o, 0);
        }
    }

    /** One step of every stream: {@code inputs[b]} into lane {@code b % L} of tile {@code b / L}. */
    void step(double[][] inputs) {
        final int n = net.inputs;
        for (int b = 0; b < streams; b++) {
            final double[] in = inputs[b];
            if (in.length != n) {
                throw new IllegalArgumentException("input frame must have " + n + " values, got " + in.length);
            }
            final int o = LEAD + (b / L) * width * L + b % L;
            for (int m = 0; m < n; m++) {
                state[o + m * L] = in[m];
            }
        }
        for (int t = 0; t < tiles; t += 2) {
            pairStep(t, Math.min(2, tiles - t));
        }
    }

    /**
     * The step of tiles t and t+1 ({@code k} = 2) or of tile t alone, as {@link ForwardState#forward}:
     * gate products (of yc at t-1), cells, output products, outputs.
     */
    private void pairStep(int t, int k) {
        for (int g = 0; g < gateNet.length; g++) {
            product(packed.gates[g], packed.gateStride[g], gateBlocks[g], gateSource[g], t, k, gateNet[g]);
        }
        for (int i = 0; i < k; i++) {
            cells(t + i, i);
        }
        for (int q = 0; q < outNet.length; q++) {
            final int[] units = packed.outputUnits[q];
            final int stride = packed.outputStride[q] * L;
            final double[] on = outNet[q];
            product(packed.outputs[q], packed.outputStride[q], outBlocks[q], outSource[q], t, k, on);
            for (int i = 0; i < k; i++) {
                VectorKernels.squashVectors(on, LEAD + i * stride, on, LEAD + i * stride, units.length, 1.0, 0.0);
            }
            for (int b = t * L, last = Math.min(streams, (t + k) * L); b < last; b++) {
                final double[] yb = y[b];
                final int o = LEAD + (b / L - t) * stride + b % L;
                for (int i = 0; i < units.length; i++) {
                    yb[units[i]] = on[o + i * L];
                }
            }
        }
    }

    /**
     * A group's net inputs for tiles t and t+1 ({@code k} = 2, the second's rows {@code stride}
     * vectors after the first's) or tile t alone: its row blocks over the sources not 0 in some lane.
     */
    private void product(double[] w, int stride, int[] blocks, int[] source, int t, int k, double[] out) {
        final int sb = LEAD + t * width * L;
        final int count = visited(source, sb, k);
        for (int r : blocks) {
            if (k == 2) {
                product2(w, stride, r, visit, count, source, state, sb, width * L, out, stride * L);
            } else {
                product1(w, stride, r, visit, count, source, state, sb, out);
            }
        }
    }

    /**
     * The columns whose sources are not 0 in some lane of the {@code k} tiles from {@code sb} into
     * {@link #visit}, ascending; their count.
     */
    private int visited(int[] source, int sb, int k) {
        final int next = width * L;
        int count = 0;
        for (int s = 0; s < source.length; s++) {
            visit[count] = s;
            final int o = sb + source[s];
            count += nonzero(state, o) || k == 2 && nonzero(state, o + next) ? 1 : 0;
        }
        return count;
    }

    /** Whether a lane of the vector at {@code o} is not 0. */
    private static boolean nonzero(double[] a, int o) {
        return DoubleVector.fromArray(SPECIES, a, o).compare(VectorOperators.NE, 0.0).anyTrue();
    }

    /*
     * The vector code: small methods whose vectors do not cross a call (one that the JIT does not
     * inline boxes them). Row r of a product is the vector at LEAD + r * L of its output array.
     */

    /**
     * Rows {@code r..r+4)} of two tiles (states from {@code sb} and {@code sb + next}, sums to
     * {@code out} from {@code LEAD} and {@code LEAD + outNext}): {@code sum += w * u} over the
     * visited columns, from +0; each weight broadcast once for both.
     */
    private static void product2(double[] w, int stride, int r, int[] visit, int count, int[] source, double[] st,
                                 int sb, int next, double[] out, int outNext) {
        DoubleVector a0 = DoubleVector.zero(SPECIES);
        DoubleVector a1 = a0;
        DoubleVector a2 = a0;
        DoubleVector a3 = a0;
        DoubleVector b0 = a0;
        DoubleVector b1 = a0;
        DoubleVector b2 = a0;
        DoubleVector b3 = a0;
        for (int q = 0; q < count; q++) {
            final int s = visit[q];
            final DoubleVector u = DoubleVector.fromArray(SPECIES, st, sb + source[s]);
            final DoubleVector v = DoubleVector.fromArray(SPECIES, st, sb + next + source[s]);
            final int o = LEAD + s * stride + r;
            final DoubleVector w0 = DoubleVector.broadcast(SPECIES, w[o]);
            final DoubleVector w1 = DoubleVector.broadcast(SPECIES, w[o + 1]);
            final DoubleVector w2 = DoubleVector.broadcast(SPECIES, w[o + 2]);
            final DoubleVector w3 = DoubleVector.broadcast(SPECIES, w[o + 3]);
            a0 = a0.add(u.mul(w0));
            a1 = a1.add(u.mul(w1));
            a2 = a2.add(u.mul(w2));
            a3 = a3.add(u.mul(w3));
            b0 = b0.add(v.mul(w0));
            b1 = b1.add(v.mul(w1));
            b2 = b2.add(v.mul(w2));
            b3 = b3.add(v.mul(w3));
        }
        final int o = LEAD + r * L;
        a0.intoArray(out, o);
        a1.intoArray(out, o + L);
        a2.intoArray(out, o + 2 * L);
        a3.intoArray(out, o + 3 * L);
        b0.intoArray(out, o + outNext);
        b1.intoArray(out, o + outNext + L);
        b2.intoArray(out, o + outNext + 2 * L);
        b3.intoArray(out, o + outNext + 3 * L);
    }

    /** As {@link #product2} for one tile. */
    private static void product1(double[] w, int stride, int r, int[] visit, int count, int[] source, double[] st,
                                 int sb, double[] out) {
        DoubleVector a0 = DoubleVector.zero(SPECIES);
        DoubleVector a1 = a0;
        DoubleVector a2 = a0;
        DoubleVector a3 = a0;
        for (int q = 0; q < count; q++) {
            final int s = visit[q];
            final DoubleVector u = DoubleVector.fromArray(SPECIES, st, sb + source[s]);
            final int o = LEAD + s * stride + r;
            a0 = a0.add(u.mul(w[o]));
            a1 = a1.add(u.mul(w[o + 1]));
            a2 = a2.add(u.mul(w[o + 2]));
            a3 = a3.add(u.mul(w[o + 3]));
        }
        final int o = LEAD + r * L;
        a0.intoArray(out, o);
        a1.intoArray(out, o + L);
        a2.intoArray(out, o + 2 * L);
        a3.intoArray(out, o + 3 * L);
    }

    /**
     * Tile t's cells (its gate nets the pair's {@code pair}-th), as {@link ForwardState#cells}: per
     * gate group, the peepholes on the input and forget gates (cell states of t-1), their squashing
     * and the cell inputs', the new states, the output gates' peepholes and squashing; then h of
     * every state into yc, times its output gate.
     */
    private void cells(int t, int pair) {
        final int sc = net.cellsPerBlock;
        final double[][] p = net.params;
        final int cb = LEAD + t * net.cells * L;
        for (int g = 0; g < gateNet.length; g++) {
            final double[] gn = gateNet[g];
            final int[] blocks = packed.gateBlocks[g];
            final int b = blocks.length;
            final int in = LEAD + pair * packed.gateStride[g] * L;
            final int cellRows = in + packed.segA[g] * L;
            final int outRows = cellRows + packed.segC[g] * L;
            if (net.peepholes) {
                for (int i = 0; i < b; i++) {
                    final int c = blocks[i] * sc;
                    peephole(gn, in + i * L, p[LstmNetwork.P_PEEP_IN], c, sc, cell, cb);
                    peephole(gn, in + (b + i) * L, p[LstmNetwork.P_PEEP_FORGET], c, sc, cell, cb);
                }
            }
            VectorKernels.squashVectors(gn, in, gn, in, 2 * b, 1.0, 0.0);
            if (!net.linearCellInput) {
                VectorKernels.squashVectors(gn, cellRows, gn, cellRows, sc * b, 4.0, -2.0);
            }
            for (int i = 0; i < b; i++) {
                states(gn, in + i * L, in + (b + i) * L, cellRows + i * L, b * L, cell, cb + blocks[i] * sc * L, sc);
            }
            if (net.peepholes) {
                for (int i = 0; i < b; i++) {
                    peephole(gn, outRows + i * L, p[LstmNetwork.P_PEEP_OUT], blocks[i] * sc, sc, cell, cb);
                }
            }
            VectorKernels.squashVectors(gn, outRows, gn, outRows, b, 1.0, 0.0);
        }
        final int yc = LEAD + (t * width + net.inputs) * L;
        if (net.linearCellOutput) {
            System.arraycopy(cell, cb, state, yc, net.cells * L);
        } else {
            VectorKernels.squashVectors(cell, cb, state, yc, net.cells, 2.0, -1.0);
        }
        for (int g = 0; g < gateNet.length; g++) {
            final int[] blocks = packed.gateBlocks[g];
            final int outRows = LEAD + (pair * packed.gateStride[g] + packed.segA[g] + packed.segC[g]) * L;
            for (int i = 0; i < blocks.length; i++) {
                gateOutput(gateNet[g], outRows + i * L, state, yc + blocks[i] * sc * L, sc);
            }
        }
    }

    /** {@code net += d}, {@code d} from 0 adding {@code w[c + v] * s_v} over the block's cells (ForwardState's dot). */
    private static void peephole(double[] gn, int at, double[] w, int c, int sc, double[] s, int cb) {
        DoubleVector d = DoubleVector.zero(SPECIES);
        for (int v = 0; v < sc; v++) {
            d = d.add(DoubleVector.fromArray(SPECIES, s, cb + (c + v) * L).mul(w[c + v]));
        }
        DoubleVector.fromArray(SPECIES, gn, at).add(d).intoArray(gn, at);
    }

    /**
     * A block's cell states {@code s = yf * sPrev + yi * g}, in place: its cell inputs {@code step}
     * apart from {@code gc}.
     */
    private static void states(double[] gn, int in, int forget, int gc, int step, double[] s, int at, int sc) {
        final DoubleVector yi = DoubleVector.fromArray(SPECIES, gn, in);
        final DoubleVector yf = DoubleVector.fromArray(SPECIES, gn, forget);
        for (int v = 0; v < sc; v++) {
            final int o = at + v * L;
            final DoubleVector g = DoubleVector.fromArray(SPECIES, gn, gc + v * step);
            yf.mul(DoubleVector.fromArray(SPECIES, s, o)).add(yi.mul(g)).intoArray(s, o);
        }
    }

    /** A block's cell outputs {@code yc = yo * h(s)}, in place over h(s). */
    private static void gateOutput(double[] gn, int out, double[] st, int at, int sc) {
        final DoubleVector yo = DoubleVector.fromArray(SPECIES, gn, out);
        for (int v = 0; v < sc; v++) {
            final int o = at + v * L;
            yo.mul(DoubleVector.fromArray(SPECIES, st, o)).intoArray(st, o);
        }
    }
}
