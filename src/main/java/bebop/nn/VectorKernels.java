package bebop.nn;

import static bebop.nn.VectorExp.EXP_TAYLOR;
import static bebop.nn.VectorExp.LN2_HI;
import static bebop.nn.VectorExp.LN2_LO;
import static bebop.nn.VectorExp.LOG2_E;
import static bebop.nn.VectorExp.SHIFTER;
import static bebop.nn.VectorExp.SHIFTER_BITS;
import static bebop.nn.VectorExp.exp;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD versions of the engine's kernels through the Vector API: the squashing functions of the
 * forward pass ({@link Activations}), the column-major product of {@link PackedWeights}, and the
 * online learner's fused update loops. Loaded only for {@link Arithmetic#SIMD}: the class links
 * against {@code jdk.incubator.vector}.
 *
 * <p>The product and the learner's loops do the plain loops' arithmetic, element by element, and
 * give their bits. The squashing functions use their own {@code exp} ({@link VectorExp}), within 2 units in the last
 * place of {@link Math#exp}: that is the one difference between the two paths. Only operations
 * whose result the Vector API defines exactly are used (lane-wise IEEE arithmetic, fused
 * multiply-add, shifts, blends, reinterpretation): its own {@code EXP} rounds differently when
 * compiled than when interpreted, which made a training run's bits depend on when the JIT
 * compiled it.
 *
 * <p>Two rules keep the API's calls compiled into vector instructions in every run: no vector
 * crosses a call of ours (a call the JIT does not inline boxes its vectors), and where the
 * arithmetic allows, a vector carried round a loop is an argument of the API's calls, not their
 * receiver (Horner's step as {@code r.fma(p, c)}): the JIT knows the class of such a vector only
 * from the API's type profiles, and a compile made before a profile existed boxed every vector
 * (docs/PERFORMANCE.md, ninth round).
 */
final class VectorKernels {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Where the packed arrays' elements start ({@link Kernels#LEAD}): their vectors on cache lines. */
    private static final int LEAD = Kernels.LEAD;

    private VectorKernels() {
    }

    static int lanes() {
        return LANES;
    }

    static String describe() {
        return "double x" + LANES + " (" + SPECIES.vectorBitSize() + " bits)";
    }

    /**
     * {@code out[i] = scale * sigmoid(x[i]) + shift} for {@code i < n}, the argument clamped to
     * +-{@link Activations#CLAMP} as in {@link Activations#sigmoid}: the logistic (scale 1, shift 0),
     * g (4, -2) and h (2, -1). The elements past the last whole vector get the same operations one
     * by one, so each result is the same whatever the vector length. A vector is clamped only when
     * a lane is beyond the clamp: it changes no other value (NaN and -0 included), and the Java
     * semantics of max and min cost six operations each (the Experiment 2 generation step 1.05x).
     */
    static void squash(double[] x, double[] out, int n, double scale, double shift) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            // VectorExp.exp(DoubleVector) written out: a call to it that the JIT does not inline boxes its vectors
            DoubleVector c = DoubleVector.fromArray(SPECIES, x, i);
            if (c.abs().compare(VectorOperators.GT, Activations.CLAMP).anyTrue()) {
                c = c.max(-Activations.CLAMP).min(Activations.CLAMP);
            }
            DoubleVector a = c.neg();
            DoubleVector shifted = a.mul(LOG2_E).add(SHIFTER);
            DoubleVector k = shifted.sub(SHIFTER);
            DoubleVector r = a.sub(k.mul(LN2_HI)).sub(k.mul(LN2_LO));
            DoubleVector p = DoubleVector.broadcast(SPECIES, EXP_TAYLOR[0]);
            for (int t = 1; t < EXP_TAYLOR.length; t++) { // p r + c as r p + c: see VectorExp.exp
                p = r.fma(p, DoubleVector.broadcast(SPECIES, EXP_TAYLOR[t]));
            }
            LongVector bits = (LongVector) shifted.reinterpretAsLongs();
            DoubleVector v = bits.add(1023 - SHIFTER_BITS).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles()
                    .mul(p);
            DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
            one.div(v.add(1.0)).mul(scale).add(shift).intoArray(out, i);
        }
        for (; i < n; i++) {
            double e = exp(-Math.min(Math.max(x[i], -Activations.CLAMP), Activations.CLAMP));
            out[i] = 1.0 / (e + 1.0) * scale + shift;
        }
    }

    /**
     * {@link #squash}'s operations on {@code n} whole vectors anywhere in the arrays: the vector at
     * {@code xo + v * LANES} into {@code out} at {@code oo + v * LANES} (the batch's lanes,
     * {@link BatchLanes}: one vector per unit, a stream per lane). The same bits as {@link #squash}
     * element by element; written out again rather than shared, since a call that the JIT does not
     * inline would box the vectors of the single-stream path's loop. Two vectors a turn, their
     * chains interleaved (an odd count's last vector twice): the processor then overlaps more of
     * the long chains than it finds by itself (~10% on the batch's step). A pair is clamped only
     * when a lane is beyond +-30: the clamp changes nothing else (NaN included), and max and min
     * cost six operations each.
     */
    static void squashVectors(double[] x, int xo, double[] out, int oo, int n, double scale, double shift) {
        for (int v = 0; v < n; v += 2) {
            final int i0 = v * LANES;
            final int i1 = Math.min(v + 1, n - 1) * LANES;
            DoubleVector c0 = DoubleVector.fromArray(SPECIES, x, xo + i0);
            DoubleVector c1 = DoubleVector.fromArray(SPECIES, x, xo + i1);
            if (c0.abs().compare(VectorOperators.GT, Activations.CLAMP)
                    .or(c1.abs().compare(VectorOperators.GT, Activations.CLAMP)).anyTrue()) {
                c0 = c0.max(-Activations.CLAMP).min(Activations.CLAMP);
                c1 = c1.max(-Activations.CLAMP).min(Activations.CLAMP);
            }
            DoubleVector a0 = c0.neg();
            DoubleVector a1 = c1.neg();
            DoubleVector s0 = a0.mul(LOG2_E).add(SHIFTER);
            DoubleVector s1 = a1.mul(LOG2_E).add(SHIFTER);
            DoubleVector k0 = s0.sub(SHIFTER);
            DoubleVector k1 = s1.sub(SHIFTER);
            DoubleVector r0 = a0.sub(k0.mul(LN2_HI)).sub(k0.mul(LN2_LO));
            DoubleVector r1 = a1.sub(k1.mul(LN2_HI)).sub(k1.mul(LN2_LO));
            DoubleVector p0 = DoubleVector.broadcast(SPECIES, EXP_TAYLOR[0]);
            DoubleVector p1 = p0;
            for (int t = 1; t < EXP_TAYLOR.length; t++) { // p r + c as r p + c: see VectorExp.exp
                DoubleVector ct = DoubleVector.broadcast(SPECIES, EXP_TAYLOR[t]);
                p0 = r0.fma(p0, ct);
                p1 = r1.fma(p1, ct);
            }
            DoubleVector e0 = ((LongVector) s0.reinterpretAsLongs()).add(1023 - SHIFTER_BITS)
                    .lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles().mul(p0);
            DoubleVector e1 = ((LongVector) s1.reinterpretAsLongs()).add(1023 - SHIFTER_BITS)
                    .lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles().mul(p1);
            DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
            DoubleVector y0 = one.div(e0.add(1.0)).mul(scale).add(shift);
            DoubleVector y1 = one.div(e1.add(1.0)).mul(scale).add(shift);
            y0.intoArray(out, oo + i0);
            y1.intoArray(out, oo + i1);
        }
    }

    /** SIMD {@link Kernels#learnRow}: {@code g = d src[so+i]}, recorded, applied with momentum. */
    static void learnRow(double[] w, double[] gw, double[] vel, int o, double d, double[] src, int so, int n,
                         double lr, double mu) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            DoubleVector g = DoubleVector.fromArray(SPECIES, src, so + i).mul(d);
            if (gw != null) {
                g.intoArray(gw, o + i);
            }
            DoubleVector dw = DoubleVector.fromArray(SPECIES, vel, o + i).mul(mu).sub(g.mul(lr));
            dw.intoArray(vel, o + i);
            DoubleVector.fromArray(SPECIES, w, o + i).add(dw).intoArray(w, o + i);
        }
        // the plain loop for the last elements (a call to Kernels.learnRow would cost more than they do)
        for (; i < n; i++) {
            double g = d * src[so + i];
            if (gw != null) {
                gw[o + i] = g;
            }
            double dw = mu * vel[o + i] - lr * g;
            vel[o + i] = dw;
            w[o + i] += dw;
        }
    }

    /** {@code e[eo + i] += w[o + i] * d} for {@code i < n}: an output's error sent back to its cells. */
    static void addScaled(double[] e, int eo, double[] w, int o, double d, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            DoubleVector.fromArray(SPECIES, e, eo + i).add(DoubleVector.fromArray(SPECIES, w, o + i).mul(d))
                    .intoArray(e, eo + i);
        }
        for (; i < n; i++) {
            e[eo + i] += w[o + i] * d;
        }
    }

    /**
     * SIMD {@link Kernels#cellRow} (same arithmetic element by element): the traces
     * of one cell's row {@code o..o+n)} (sources {@code u[uo..uo+n)}), its cell-input weights, and its
     * share of the gate gradients at {@code go..go+n)}, applied to the gate weights when {@code last}.
     */
    static void cellRow(double[] u, int uo, int go, int n, double[] dc, double[] di, double[] df, int o, double yf,
                        double a, double b, double f, double es, double[][] w, double[][] vel,
                        double[] gc, double[] gi, double[] gf, boolean first, boolean last, double lr, double mu) {
        final double[] wc = w[LstmNetwork.P_CELL];
        final double[] vc = vel[LstmNetwork.P_CELL];
        final double[] wi = w[LstmNetwork.P_IN];
        final double[] vi = vel[LstmNetwork.P_IN];
        final double[] wf = w[LstmNetwork.P_FORGET];
        final double[] vf = vel[LstmNetwork.P_FORGET];
        int m = 0;
        for (int bound = SPECIES.loopBound(n); m < bound; m += LANES) {
            DoubleVector um = DoubleVector.fromArray(SPECIES, u, uo + m);
            DoubleVector tc = DoubleVector.fromArray(SPECIES, dc, o + m).mul(yf).add(um.mul(a));
            DoubleVector ti = DoubleVector.fromArray(SPECIES, di, o + m).mul(yf).add(um.mul(b));
            DoubleVector tf = DoubleVector.fromArray(SPECIES, df, o + m).mul(yf).add(um.mul(f));
            tc.intoArray(dc, o + m);
            ti.intoArray(di, o + m);
            tf.intoArray(df, o + m);
            DoubleVector g = tc.mul(es);
            if (gc != null) {
                g.intoArray(gc, o + m);
            }
            DoubleVector dw = DoubleVector.fromArray(SPECIES, vc, o + m).mul(mu).sub(g.mul(lr));
            dw.intoArray(vc, o + m);
            DoubleVector.fromArray(SPECIES, wc, o + m).add(dw).intoArray(wc, o + m);
            DoubleVector gin = ti.mul(es);
            DoubleVector gfg = tf.mul(es);
            if (!first) {
                gin = DoubleVector.fromArray(SPECIES, gi, go + m).add(gin);
                gfg = DoubleVector.fromArray(SPECIES, gf, go + m).add(gfg);
            }
            if (gi != null) {
                gin.intoArray(gi, go + m);
                gfg.intoArray(gf, go + m);
            }
            if (last) {
                DoubleVector dwi = DoubleVector.fromArray(SPECIES, vi, go + m).mul(mu).sub(gin.mul(lr));
                dwi.intoArray(vi, go + m);
                DoubleVector.fromArray(SPECIES, wi, go + m).add(dwi).intoArray(wi, go + m);
                DoubleVector dwf = DoubleVector.fromArray(SPECIES, vf, go + m).mul(mu).sub(gfg.mul(lr));
                dwf.intoArray(vf, go + m);
                DoubleVector.fromArray(SPECIES, wf, go + m).add(dwf).intoArray(wf, go + m);
            }
        }
        if (m < n) {
            Kernels.cellRow(u, uo, go, m, n, dc, di, df, o, yf, a, b, f, es, w, vel, gc, gi, gf, first, last,
                    lr, mu);
        }
    }

    /**
     * From this many rows on, {@link #columnProduct} streams each source's column through the sums
     * kept in memory: passes of a few rows over all sources would stride through a matrix that no
     * longer fits the nearer caches.
     */
    static final int STREAM_ROWS = 512;

    /** {@link #columnProduct} source by source: the sums stay in {@code out} (first-level cache), the weights stream. */
    private static void streamedColumnProduct(double[] w, int stride, int rows, double[] u, int uo, int[] nz,
                                              int count, double[] out) {
        Arrays.fill(out, LEAD, LEAD + stride, 0.0);
        for (int q = 0; q < count; q++) {
            int s = nz[q];
            double us = u[uo + s];
            int o = LEAD + s * stride;
            for (int r = 0; r < rows; r += LANES) {
                DoubleVector.fromArray(SPECIES, out, LEAD + r).add(DoubleVector.fromArray(SPECIES, w, o + r).mul(us))
                        .intoArray(out, LEAD + r);
            }
        }
    }

    /**
     * {@code out[r] = sum_s w[s * stride + r] * u[uo + s]} for {@code r < rows}: the packed weights'
     * product ({@link Kernels#columnProduct} in vectors, the same bits). Each product is rounded
     * before it is added, sources in order. Below {@link #STREAM_ROWS} rows every source is taken,
     * its zeros too: a product with a zero source is a signed zero, and a sum that starts at +0
     * is never -0, so adding it changes no bit (a finite weight), while a pass without the list of
     * nonzero sources runs on a counted loop without bounds checks (the Experiment 2 step's
     * generation about 1.3x faster). From there on only the nonzero sources {@code nz[0..count)}: a
     * frame of the big nets' inputs is mostly zeros. {@code w} holds whole vectors per source:
     * {@code stride} is a multiple of the lane count and {@code out} has room for {@code rows}
     * rounded up to it. {@code w} and {@code out} are aligned ({@link #LEAD}).
     *
     * @param n the sources ({@code u[uo..uo+n)}, a column of {@code w} each)
     */
    static void columnProduct(double[] w, int stride, int rows, double[] u, int uo, int n, int[] nz, int count,
                              double[] out) {
        if (stride >= STREAM_ROWS) {
            streamedColumnProduct(w, stride, rows, u, uo, nz, count, out);
            return;
        }
        if (stride == 3 * LANES && rows > 2 * LANES) {
            // three vectors (the gate groups of the paper's nets at 8 lanes): one pass over the sources
            DoubleVector a0 = DoubleVector.zero(SPECIES);
            DoubleVector a1 = a0;
            DoubleVector a2 = a0;
            for (int s = 0, o = LEAD; s < n; s++, o += stride) {
                double us = u[uo + s];
                a0 = a0.add(DoubleVector.fromArray(SPECIES, w, o).mul(us));
                a1 = a1.add(DoubleVector.fromArray(SPECIES, w, o + LANES).mul(us));
                a2 = a2.add(DoubleVector.fromArray(SPECIES, w, o + 2 * LANES).mul(us));
            }
            a0.intoArray(out, LEAD);
            a1.intoArray(out, LEAD + LANES);
            a2.intoArray(out, LEAD + 2 * LANES);
            return;
        }
        // Four, then two vectors of rows per pass: each add waits for the one before it in its row, so
        // independent rows side by side keep the adder busy (and the sources are read once a pass).
        int r = 0;
        for (; r + 4 * LANES <= stride && r + 2 * LANES < rows; r += 4 * LANES) {
            DoubleVector a0 = DoubleVector.zero(SPECIES);
            DoubleVector a1 = a0;
            DoubleVector a2 = a0;
            DoubleVector a3 = a0;
            for (int s = 0, o = LEAD + r; s < n; s++, o += stride) {
                double us = u[uo + s];
                a0 = a0.add(DoubleVector.fromArray(SPECIES, w, o).mul(us));
                a1 = a1.add(DoubleVector.fromArray(SPECIES, w, o + LANES).mul(us));
                a2 = a2.add(DoubleVector.fromArray(SPECIES, w, o + 2 * LANES).mul(us));
                a3 = a3.add(DoubleVector.fromArray(SPECIES, w, o + 3 * LANES).mul(us));
            }
            a0.intoArray(out, LEAD + r);
            a1.intoArray(out, LEAD + r + LANES);
            a2.intoArray(out, LEAD + r + 2 * LANES);
            a3.intoArray(out, LEAD + r + 3 * LANES);
        }
        for (; r + 2 * LANES <= stride && r < rows; r += 2 * LANES) {
            DoubleVector a0 = DoubleVector.zero(SPECIES);
            DoubleVector a1 = a0;
            for (int s = 0, o = LEAD + r; s < n; s++, o += stride) {
                double us = u[uo + s];
                a0 = a0.add(DoubleVector.fromArray(SPECIES, w, o).mul(us));
                a1 = a1.add(DoubleVector.fromArray(SPECIES, w, o + LANES).mul(us));
            }
            a0.intoArray(out, LEAD + r);
            a1.intoArray(out, LEAD + r + LANES);
        }
        for (; r < rows; r += LANES) {
            DoubleVector a0 = DoubleVector.zero(SPECIES);
            for (int s = 0, o = LEAD + r; s < n; s++, o += stride) {
                a0 = a0.add(DoubleVector.fromArray(SPECIES, w, o).mul(u[uo + s]));
            }
            a0.intoArray(out, LEAD + r);
        }
    }

    /*
     * The learner's loops below run row vector by row vector, each over a run of sources: the
     * per-row factors (deltas, trace decays, gains, error factors) are loaded once into registers
     * for a row vector, instead of once per source (the JIT reloads them after every store, since
     * all the arrays are double[] and may alias). The runs of sources are as long as keeps the
     * columns they touch within SOURCE_RUN_DOUBLES an array: a small net's columns all at once, a
     * big net's (88x256: 1,024 rows a column) a few at a time, since sweeping a row vector down
     * hundreds of long columns made as many memory streams as columns and the step ran 2-3x
     * slower. Each element gets the same operations in the same order either way: the rows are
     * independent.
     */
    private static final int SOURCE_RUN_DOUBLES = 4096;

    /** How many sources a pass of the learner's loops takes, for columns of {@code stride} rows. */
    private static int sourceRun(int stride) {
        return Math.max(1, SOURCE_RUN_DOUBLES / stride);
    }

    /**
     * SIMD {@link Kernels#learnColumns} (same arithmetic element by element), over whole vectors:
     * the padding rows up to {@code stride} (a multiple of the lane count) too, whose delta is 0,
     * so that they stay 0 ({@code 0 - lr (+-0) = +0}), with no scalar tail. All but {@code src}
     * aligned ({@link #LEAD}).
     */
    static void learnColumns(double[] w, double[] vel, double[] grad, int stride, int rows, int n, double[] src,
                             double[] delta, double lr, double mu) {
        for (int from = 0, run = sourceRun(stride); from < n; from += run) {
            learnColumnRun(w, vel, grad, stride, from, Math.min(n, from + run), src, delta, lr, mu);
        }
    }

    /** {@link #learnColumns} for sources {@code from} to {@code to} (exclusive). */
    private static void learnColumnRun(double[] w, double[] vel, double[] grad, int stride, int from, int to,
                                       double[] src, double[] delta, double lr, double mu) {
        int r = 0;
        for (; r + 2 * LANES <= stride; r += 2 * LANES) {
            // two row vectors a sweep: each source's rows are one contiguous piece, and half the sweeps
            final DoubleVector d0 = DoubleVector.fromArray(SPECIES, delta, LEAD + r);
            final DoubleVector d1 = DoubleVector.fromArray(SPECIES, delta, LEAD + r + LANES);
            for (int s = from, o = LEAD + from * stride + r; s < to; s++, o += stride) {
                final double us = src[s];
                final int o1 = o + LANES;
                DoubleVector g0 = d0.mul(us);
                DoubleVector g1 = d1.mul(us);
                if (grad != null) {
                    g0.intoArray(grad, o);
                    g1.intoArray(grad, o1);
                }
                DoubleVector dw0 = DoubleVector.fromArray(SPECIES, vel, o).mul(mu).sub(g0.mul(lr));
                DoubleVector dw1 = DoubleVector.fromArray(SPECIES, vel, o1).mul(mu).sub(g1.mul(lr));
                dw0.intoArray(vel, o);
                dw1.intoArray(vel, o1);
                DoubleVector.fromArray(SPECIES, w, o).add(dw0).intoArray(w, o);
                DoubleVector.fromArray(SPECIES, w, o1).add(dw1).intoArray(w, o1);
            }
        }
        for (; r < stride; r += LANES) {
            final DoubleVector d = DoubleVector.fromArray(SPECIES, delta, LEAD + r);
            for (int s = from, o = LEAD + from * stride + r; s < to; s++, o += stride) {
                DoubleVector g = d.mul(src[s]);
                if (grad != null) {
                    g.intoArray(grad, o);
                }
                DoubleVector dw = DoubleVector.fromArray(SPECIES, vel, o).mul(mu).sub(g.mul(lr));
                dw.intoArray(vel, o);
                DoubleVector.fromArray(SPECIES, w, o).add(dw).intoArray(w, o);
            }
        }
    }

    /**
     * SIMD {@link Kernels#learnBlocks} (same arithmetic element by element): {@code a}, {@code c}
     * and {@code o} are whole vectors (the packed layout pads each segment). Blocks of one and of
     * two cells (the standard LSTM, the paper's nets) have their own loops, and two-cell blocks
     * whose segments are one vector each (the paper's nets of 4 blocks a group) one loop for all
     * three; blocks of more cells take the plain loop. All but {@code u} aligned ({@link #LEAD}).
     */
    static void learnBlocks(double[] w, double[] vel, double[] tr, double[] grad, int stride, int traceStride, int a,
                            int c, int o, int sc, int n, double[] u, int uo, double[] decay, double[] gain,
                            double[] scale, double[] dOut, double lr, double mu) {
        if (sc > 2) {
            Kernels.learnBlocks(w, vel, tr, grad, stride, traceStride, a, c, o, sc, n, u, uo, decay, gain, scale, dOut,
                    lr, mu);
            return;
        }
        if (sc == 2 && a == LANES && c == LANES && o == LANES) {
            blocksOneVector(w, vel, tr, grad, stride, traceStride, n, u, uo, decay, gain, scale, dOut, lr, mu);
            return;
        }
        for (int from = 0, run = sourceRun(stride); from < n; from += run) {
            int to = Math.min(n, from + run);
            if (sc == 1) {
                // one cell a block: trace row r belongs to weight row r, and segments A and C are alike
                traced(w, vel, tr, grad, stride, 0, traceStride, 0, a + c, from, to, u, uo, decay, gain, scale, lr, mu);
            } else {
                gates2(w, vel, tr, grad, stride, traceStride, a, from, to, u, uo, decay, gain, scale, lr, mu);
                traced(w, vel, tr, grad, stride, a, traceStride, sc * a, c, from, to, u, uo, decay, gain, scale, lr, mu);
            }
            outputGates(w, vel, grad, stride, a + c, o, from, to, u, uo, dOut, lr, mu);
        }
    }

    /**
     * Blocks of two cells whose segments are one vector each (the paper's nets): segments A, C and O
     * of each source in one pass, each element's operations those of {@link #gates2}, {@link #traced}
     * and {@link #outputGates}. The source's column (three vectors of weights, three of momentum
     * terms, three of traces) is read and written once, in one loop instead of three.
     */
    private static void blocksOneVector(double[] w, double[] vel, double[] tr, double[] grad, int stride,
                                        int traceStride, int n, double[] u, int uo, double[] decay, double[] gain,
                                        double[] scale, double[] dOut, double lr, double mu) {
        final int a = LANES;
        final int cr = 2 * LANES;
        final DoubleVector d0 = DoubleVector.fromArray(SPECIES, decay, LEAD);
        final DoubleVector d1 = DoubleVector.fromArray(SPECIES, decay, LEAD + a);
        final DoubleVector dc = DoubleVector.fromArray(SPECIES, decay, LEAD + cr);
        final DoubleVector k0 = DoubleVector.fromArray(SPECIES, gain, LEAD);
        final DoubleVector k1 = DoubleVector.fromArray(SPECIES, gain, LEAD + a);
        final DoubleVector kc = DoubleVector.fromArray(SPECIES, gain, LEAD + cr);
        final DoubleVector e0 = DoubleVector.fromArray(SPECIES, scale, LEAD);
        final DoubleVector e1 = DoubleVector.fromArray(SPECIES, scale, LEAD + a);
        final DoubleVector ec = DoubleVector.fromArray(SPECIES, scale, LEAD + cr);
        final DoubleVector dOutV = DoubleVector.fromArray(SPECIES, dOut, LEAD);
        for (int m = 0, wa = LEAD, t = LEAD; m < n; m++, wa += stride, t += traceStride) {
            final double um = u[uo + m];
            // the column's three segments: input and forget gates, cells, output gates
            final int wc = wa + a;
            final int wq = wa + cr;
            DoubleVector t0 = DoubleVector.fromArray(SPECIES, tr, t).mul(d0).add(k0.mul(um));
            t0.intoArray(tr, t);
            DoubleVector t1 = DoubleVector.fromArray(SPECIES, tr, t + a).mul(d1).add(k1.mul(um));
            t1.intoArray(tr, t + a);
            DoubleVector tc = DoubleVector.fromArray(SPECIES, tr, t + cr).mul(dc).add(kc.mul(um));
            tc.intoArray(tr, t + cr);
            DoubleVector ga = e0.mul(t0).add(e1.mul(t1));
            DoubleVector gc = ec.mul(tc);
            DoubleVector gq = dOutV.mul(um);
            if (grad != null) {
                ga.intoArray(grad, wa);
                gc.intoArray(grad, wc);
                gq.intoArray(grad, wq);
            }
            DoubleVector dwa = DoubleVector.fromArray(SPECIES, vel, wa).mul(mu).sub(ga.mul(lr));
            DoubleVector dwc = DoubleVector.fromArray(SPECIES, vel, wc).mul(mu).sub(gc.mul(lr));
            DoubleVector dwq = DoubleVector.fromArray(SPECIES, vel, wq).mul(mu).sub(gq.mul(lr));
            dwa.intoArray(vel, wa);
            dwc.intoArray(vel, wc);
            dwq.intoArray(vel, wq);
            DoubleVector.fromArray(SPECIES, w, wa).add(dwa).intoArray(w, wa);
            DoubleVector.fromArray(SPECIES, w, wc).add(dwc).intoArray(w, wc);
            DoubleVector.fromArray(SPECIES, w, wq).add(dwq).intoArray(w, wq);
        }
    }

    /*
     * Each segment is a small method of its own, its vector code written out: no vector crosses a
     * call, since a call that the JIT does not inline (it stops inlining when a compilation grows
     * too large) boxes its vectors, which made these loops allocate and run 2-3x slower. Each
     * does the plain loop's operations in its order: the trace t * decay + gain * u, the gradient,
     * the change mu * v - lr * g, the weight w + dw.
     */

    /** Segment A, blocks of two cells: the gradient {@code scale_0 t_0 + scale_1 t_1}. */
    private static void gates2(double[] w, double[] vel, double[] tr, double[] grad, int stride, int traceStride,
                               int a, int from, int to, double[] u, int uo, double[] decay, double[] gain, double[] scale,
                               double lr, double mu) {
        for (int i = LEAD; i < LEAD + a; i += LANES) {
            final int r = a + i;
            final DoubleVector d0 = DoubleVector.fromArray(SPECIES, decay, i);
            final DoubleVector d1 = DoubleVector.fromArray(SPECIES, decay, r);
            final DoubleVector k0 = DoubleVector.fromArray(SPECIES, gain, i);
            final DoubleVector k1 = DoubleVector.fromArray(SPECIES, gain, r);
            final DoubleVector e0 = DoubleVector.fromArray(SPECIES, scale, i);
            final DoubleVector e1 = DoubleVector.fromArray(SPECIES, scale, r);
            for (int m = from, wo = from * stride + i, t = from * traceStride + i; m < to; m++, wo += stride, t += traceStride) {
                final double um = u[uo + m];
                DoubleVector t0 = DoubleVector.fromArray(SPECIES, tr, t).mul(d0).add(k0.mul(um));
                t0.intoArray(tr, t);
                DoubleVector t1 = DoubleVector.fromArray(SPECIES, tr, t + a).mul(d1).add(k1.mul(um));
                t1.intoArray(tr, t + a);
                DoubleVector g = e0.mul(t0).add(e1.mul(t1));
                if (grad != null) {
                    g.intoArray(grad, wo);
                }
                DoubleVector dw = DoubleVector.fromArray(SPECIES, vel, wo).mul(mu).sub(g.mul(lr));
                dw.intoArray(vel, wo);
                DoubleVector.fromArray(SPECIES, w, wo).add(dw).intoArray(w, wo);
            }
        }
    }

    /**
     * {@code c} rows of one trace each (weights from {@code wc} in each column, traces and their
     * factors from {@code cr}): the gradient {@code scale t}. Segment C, or A and C with one cell a block.
     */
    private static void traced(double[] w, double[] vel, double[] tr, double[] grad, int stride, int wc,
                               int traceStride, int cr, int c, int from, int to, double[] u, int uo, double[] decay,
                               double[] gain, double[] scale, double lr, double mu) {
        int i = 0;
        for (; i + 2 * LANES <= c; i += 2 * LANES) {
            // two row vectors a sweep: each source's rows are one contiguous piece, and half the sweeps
            final int r = LEAD + cr + i;
            final DoubleVector d0 = DoubleVector.fromArray(SPECIES, decay, r);
            final DoubleVector k0 = DoubleVector.fromArray(SPECIES, gain, r);
            final DoubleVector e0 = DoubleVector.fromArray(SPECIES, scale, r);
            final DoubleVector d1 = DoubleVector.fromArray(SPECIES, decay, r + LANES);
            final DoubleVector k1 = DoubleVector.fromArray(SPECIES, gain, r + LANES);
            final DoubleVector e1 = DoubleVector.fromArray(SPECIES, scale, r + LANES);
            for (int m = from, wo = LEAD + from * stride + wc + i, t = from * traceStride + r; m < to;
                 m++, wo += stride, t += traceStride) {
                final double um = u[uo + m];
                final int wo1 = wo + LANES;
                final int t1o = t + LANES;
                DoubleVector t0 = DoubleVector.fromArray(SPECIES, tr, t).mul(d0).add(k0.mul(um));
                DoubleVector t1 = DoubleVector.fromArray(SPECIES, tr, t1o).mul(d1).add(k1.mul(um));
                t0.intoArray(tr, t);
                t1.intoArray(tr, t1o);
                DoubleVector g0 = e0.mul(t0);
                DoubleVector g1 = e1.mul(t1);
                if (grad != null) {
                    g0.intoArray(grad, wo);
                    g1.intoArray(grad, wo1);
                }
                DoubleVector dw0 = DoubleVector.fromArray(SPECIES, vel, wo).mul(mu).sub(g0.mul(lr));
                DoubleVector dw1 = DoubleVector.fromArray(SPECIES, vel, wo1).mul(mu).sub(g1.mul(lr));
                dw0.intoArray(vel, wo);
                dw1.intoArray(vel, wo1);
                DoubleVector.fromArray(SPECIES, w, wo).add(dw0).intoArray(w, wo);
                DoubleVector.fromArray(SPECIES, w, wo1).add(dw1).intoArray(w, wo1);
            }
        }
        for (; i < c; i += LANES) {
            final int r = LEAD + cr + i;
            final DoubleVector d = DoubleVector.fromArray(SPECIES, decay, r);
            final DoubleVector k = DoubleVector.fromArray(SPECIES, gain, r);
            final DoubleVector e = DoubleVector.fromArray(SPECIES, scale, r);
            for (int m = from, wo = LEAD + from * stride + wc + i, t = from * traceStride + r; m < to;
                 m++, wo += stride, t += traceStride) {
                DoubleVector tv = DoubleVector.fromArray(SPECIES, tr, t).mul(d).add(k.mul(u[uo + m]));
                tv.intoArray(tr, t);
                DoubleVector g = e.mul(tv);
                if (grad != null) {
                    g.intoArray(grad, wo);
                }
                DoubleVector dw = DoubleVector.fromArray(SPECIES, vel, wo).mul(mu).sub(g.mul(lr));
                dw.intoArray(vel, wo);
                DoubleVector.fromArray(SPECIES, w, wo).add(dw).intoArray(w, wo);
            }
        }
    }

    /** Segment O (from {@code wc} in each column): the gradient {@code dOut u_m}. */
    private static void outputGates(double[] w, double[] vel, double[] grad, int stride, int wc, int o, int from, int to,
                                    double[] u, int uo, double[] dOut, double lr, double mu) {
        for (int i = 0; i < o; i += LANES) {
            final DoubleVector d = DoubleVector.fromArray(SPECIES, dOut, LEAD + i);
            for (int m = from, wo = LEAD + from * stride + wc + i; m < to; m++, wo += stride) {
                DoubleVector g = d.mul(u[uo + m]);
                if (grad != null) {
                    g.intoArray(grad, wo);
                }
                DoubleVector dw = DoubleVector.fromArray(SPECIES, vel, wo).mul(mu).sub(g.mul(lr));
                dw.intoArray(vel, wo);
                DoubleVector.fromArray(SPECIES, w, wo).add(dw).intoArray(w, wo);
            }
        }
    }
}
