package bebop.nn;

/**
 * The engine's plain-Java kernels: static, explicit output arguments (EJML's shape), no state,
 * and no call into the classes that use them. The row-wise dot products of the forward pass of a
 * network whose weights change every step (the online learner) and of the nets that
 * {@link PackedWeights} does not pack; and the online learner's fused update loops.
 *
 * <p>The multi-row dot products compute several independent dot products in one pass, each with
 * its own accumulator that adds the products in ascending index order, exactly as a plain
 * {@code sum += a[i] * b[i]} loop does: the results are bit-identical to one dot product at a
 * time, but the independent add chains overlap in the processor (one chain is bound by the
 * latency of a floating-point add), and the shared vector is loaded once.
 *
 * <p>The sparse kernels visit only the positions {@code idx[0..cnt)} where the shared vector is
 * not zero (ascending): binary music frames are mostly zeros. Leaving out a product
 * {@code w * 0 = +-0} does not change a sum that starts at +0 (finite weights), so they give the
 * dense loop's bits.
 */
final class Kernels {
    /**
     * Where the packed arrays' elements start: the weights, momentum terms, gradients, traces, their
     * per-row factors and the products' sums are aligned arrays ({@link Aligned#doubles}), element
     * {@code i} at {@code LEAD + i}; the sources ({@code u}, {@code src}) are plain arrays.
     */
    static final int LEAD = Aligned.DOUBLE_LEAD;

    private Kernels() {
    }

    /**
     * The four rows (input, forget and output gate, first cell) of two blocks with the same
     * sources, over the nonzero sources {@code idx[0..cnt)}: rows of block a at {@code ga} in the
     * gate arrays and {@code ca} in the cell array, of block b at {@code gb} and {@code cb}, dotted
     * with their sources {@code u[uo + i]}. Sums from 0 into {@code acc[aa..aa+4)}
     * and {@code acc[ab..ab+4)}. Eight independent add chains.
     */
    static void gates2(double[] wi, double[] wf, double[] wo, double[] wc, int ga, int ca, int gb, int cb,
                       double[] u, int uo, int[] idx, int cnt, double[] acc, int aa, int ab) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double t0 = 0;
        double t1 = 0;
        double t2 = 0;
        double t3 = 0;
        for (int q = 0; q < cnt; q++) {
            int i = idx[q];
            double x = u[uo + i];
            s0 += wi[ga + i] * x;
            s1 += wf[ga + i] * x;
            s2 += wo[ga + i] * x;
            s3 += wc[ca + i] * x;
            t0 += wi[gb + i] * x;
            t1 += wf[gb + i] * x;
            t2 += wo[gb + i] * x;
            t3 += wc[cb + i] * x;
        }
        acc[aa] = s0;
        acc[aa + 1] = s1;
        acc[aa + 2] = s2;
        acc[aa + 3] = s3;
        acc[ab] = t0;
        acc[ab + 1] = t1;
        acc[ab + 2] = t2;
        acc[ab + 3] = t3;
    }

    /**
     * Four dot products with the shared vector {@code u[uo + i]} over the nonzero positions
     * {@code idx[0..cnt)}, each added to its running sum {@code acc[ao + r]} in ascending order
     * (start the sums at 0 for plain dot products).
     */
    static void dot4(double[] w0, int o0, double[] w1, int o1, double[] w2, int o2, double[] w3, int o3,
                     double[] u, int uo, int[] idx, int cnt, double[] acc, int ao) {
        double s0 = acc[ao];
        double s1 = acc[ao + 1];
        double s2 = acc[ao + 2];
        double s3 = acc[ao + 3];
        for (int q = 0; q < cnt; q++) {
            int i = idx[q];
            double x = u[uo + i];
            s0 += w0[o0 + i] * x;
            s1 += w1[o1 + i] * x;
            s2 += w2[o2 + i] * x;
            s3 += w3[o3 + i] * x;
        }
        acc[ao] = s0;
        acc[ao + 1] = s1;
        acc[ao + 2] = s2;
        acc[ao + 3] = s3;
    }

    /** As {@link #dot4} for two rows {@code w[oa..]} and {@code w[ob..]}, from 0 into {@code acc[aa]} and {@code acc[ab]}. */
    static void dot2(double[] w, int oa, int ob, double[] u, int uo, int[] idx, int cnt, double[] acc, int aa, int ab) {
        double s = 0;
        double t = 0;
        for (int q = 0; q < cnt; q++) {
            int i = idx[q];
            double x = u[uo + i];
            s += w[oa + i] * x;
            t += w[ob + i] * x;
        }
        acc[aa] = s;
        acc[ab] = t;
    }

    /** One row {@code w[o..]} dotted with {@code u[uo..]} over the nonzero positions, from 0. */
    static double dot(double[] w, int o, double[] u, int uo, int[] idx, int cnt) {
        double s = 0;
        for (int q = 0; q < cnt; q++) {
            int i = idx[q];
            s += w[o + i] * u[uo + i];
        }
        return s;
    }

    /**
     * {@code count} consecutive rows of {@code w} ({@code stride} apart from {@code o}) dotted with
     * {@code u[uo..]} over the nonzero positions, into {@code out[oo..oo+count)} (sums from 0).
     */
    static void dotRows(double[] w, int o, int stride, int count, double[] u, int uo, int[] idx, int cnt,
                        double[] out, int oo) {
        int r = 0;
        for (; r + 4 <= count; r += 4) {
            zero(out, oo + r, 4);
            int a = o + r * stride;
            dot4(w, a, w, a + stride, w, a + 2 * stride, w, a + 3 * stride, u, uo, idx, cnt, out, oo + r);
        }
        for (; r + 2 <= count; r += 2) {
            int a = o + r * stride;
            dot2(w, a, a + stride, u, uo, idx, cnt, out, oo + r, oo + r + 1);
        }
        if (r < count) {
            out[oo + r] = dot(w, o + r * stride, u, uo, idx, cnt);
        }
    }

    /**
     * The positions {@code i < n} with {@code v[vo + i] != 0}, ascending, into {@code idx}; returns
     * their count. Branch-free: music frames switch units on and off unpredictably.
     */
    static int nonzero(double[] v, int vo, int n, int[] idx) {
        int cnt = 0;
        for (int i = 0; i < n; i++) {
            idx[cnt] = i;
            cnt += v[vo + i] != 0.0 ? 1 : 0;
        }
        return cnt;
    }

    /**
     * {@code out[r] = sum_q w[s_q * stride + r] * u[uo + s_q]} for {@code r < rows}, over the
     * sources {@code s_q = nz[0..count)} in order, from 0: the packed weights' product
     * ({@link VectorKernels#columnProduct} in vectors, the same bits). {@code w} and {@code out}
     * are aligned ({@link #LEAD}).
     */
    static void columnProduct(double[] w, int stride, int rows, double[] u, int uo, int[] nz, int count,
                              double[] out) {
        zero(out, LEAD, rows);
        for (int q = 0; q < count; q++) {
            int s = nz[q];
            double us = u[uo + s];
            int o = LEAD + s * stride;
            for (int r = 0; r < rows; r++) {
                out[LEAD + r] = out[LEAD + r] + w[o + r] * us;
            }
        }
    }

    static void zero(double[] a, int from, int n) {
        for (int i = 0; i < n; i++) {
            a[from + i] = 0.0;
        }
    }

    /** The first index when {@code idx} is the ascending run {@code idx[0], idx[0]+1, ...}; 0 when empty; else -1. */
    static int runStart(int[] idx) {
        if (idx.length == 0) {
            return 0;
        }
        for (int i = 1; i < idx.length; i++) {
            if (idx[i] != idx[0] + i) {
                return -1;
            }
        }
        return idx[0];
    }

    /*
     * The online learner's fused update loops in plain Java: each weight's gradient, its momentum
     * step and (for the traced weights) its trace in one pass over memory. The SIMD versions in
     * VectorKernels do the same arithmetic element by element and call these for their tails.
     */

    /**
     * Weights {@code w[o..o+n)} of one row whose gradient is {@code d * src[so + i]}: recorded in
     * {@code gw} (unless null) and applied with momentum, {@code dw = mu v - lr g; v = dw; w += dw}.
     */
    static void learnRow(double[] w, double[] gw, double[] vel, int o, double d, double[] src, int so, int n,
                         double lr, double mu) {
        for (int i = 0; i < n; i++) {
            double g = d * src[so + i];
            if (gw != null) {
                gw[o + i] = g;
            }
            double dw = mu * vel[o + i] - lr * g;
            vel[o + i] = dw;
            w[o + i] += dw;
        }
    }

    /**
     * The trace rule on one cell's row, sources {@code from..n)} (the online learner's row-major
     * path; {@link PaperLstm} has the rule as the paper writes it): for each source {@code u_m},
     * the traces {@code dS <- dS yf + k u_m} (k = {@code a} for the cell input, {@code b} for the
     * input gate, {@code f} for the forget gate) at {@code o + m}, the cell-input weight's
     * gradient {@code es dS_c} applied with momentum, and the gate gradients {@code es dS_in},
     * {@code es dS_fg} summed over the block's cells at {@code go + m} (started by the
     * {@code first} cell), applied to the gate weights with the {@code last}.
     * {@code gc} (cell gradients) is null when not recorded; {@code gi} and {@code gf} (gate
     * gradients) are null only when the block has one cell and nothing is recorded.
     */
    static void cellRow(double[] u, int uo, int go, int from, int n, double[] dc, double[] di, double[] df, int o,
                        double yf, double a, double b, double f, double es, double[][] w, double[][] vel,
                        double[] gc, double[] gi, double[] gf, boolean first, boolean last, double lr, double mu) {
        final double[] wc = w[LstmNetwork.P_CELL];
        final double[] vc = vel[LstmNetwork.P_CELL];
        final double[] wi = w[LstmNetwork.P_IN];
        final double[] vi = vel[LstmNetwork.P_IN];
        final double[] wf = w[LstmNetwork.P_FORGET];
        final double[] vf = vel[LstmNetwork.P_FORGET];
        for (int m = from; m < n; m++) {
            final double um = u[uo + m];
            final double tc = dc[o + m] * yf + a * um;
            final double ti = di[o + m] * yf + b * um;
            final double tf = df[o + m] * yf + f * um;
            dc[o + m] = tc;
            di[o + m] = ti;
            df[o + m] = tf;
            final double g = es * tc;
            if (gc != null) {
                gc[o + m] = g;
            }
            final double dw = mu * vc[o + m] - lr * g;
            vc[o + m] = dw;
            wc[o + m] += dw;
            double gin = es * ti;
            double gfg = es * tf;
            if (!first) {
                gin = gi[go + m] + gin;
                gfg = gf[go + m] + gfg;
            }
            if (gi != null) {
                gi[go + m] = gin;
                gf[go + m] = gfg;
            }
            if (last) {
                final double dwi = mu * vi[go + m] - lr * gin;
                vi[go + m] = dwi;
                wi[go + m] += dwi;
                final double dwf = mu * vf[go + m] - lr * gfg;
                vf[go + m] = dwf;
                wf[go + m] += dwf;
            }
        }
    }

    /**
     * Output rows {@code from..to)}, column by column: for source {@code s} and row {@code r},
     * {@code g = delta[r] src[s]}, recorded (unless {@code grad} is null) and applied with momentum.
     * All but {@code src} aligned ({@link #LEAD}).
     */
    static void learnColumns(double[] w, double[] vel, double[] grad, int stride, int from, int to, int n,
                             double[] src, double[] delta, double lr, double mu) {
        for (int s = 0; s < n; s++) {
            final double us = src[s];
            final int o = LEAD + s * stride;
            for (int r = from; r < to; r++) {
                final double g = delta[LEAD + r] * us;
                if (grad != null) {
                    grad[o + r] = g;
                }
                final double dw = mu * vel[o + r] - lr * g;
                vel[o + r] = dw;
                w[o + r] += dw;
            }
        }
    }

    /**
     * One group of blocks in the packed layout ({@link PackedWeights}, {@link PackedLearner}),
     * source by source ({@code m < n}, value {@code u[uo + m]}; weights at {@code m * stride},
     * traces at {@code m * traceStride}). Rows of segment A ({@code a} rows: input and forget
     * gates): for each cell of the block {@code v < sc}, the trace of slab v,
     * {@code t <- t decay + gain u_m}, and the gradient {@code sum_v scale t} (v ascending, the first
     * term a product alone). Segment C ({@code c} rows: the cells): the trace at {@code sc * a + i},
     * the gradient {@code scale t}. Segment O ({@code o} rows: the output gates): the gradient
     * {@code dOut[i] u_m}, no trace. Each gradient is recorded (unless {@code grad} is null) and
     * applied with momentum, {@code dw = mu v - lr g; v = dw; w += dw}: the row-major learner's
     * arithmetic ({@link #cellRow}, {@link #learnRow}), operation by operation. All but {@code u}
     * aligned ({@link #LEAD}).
     */
    static void learnBlocks(double[] w, double[] vel, double[] tr, double[] grad, int stride, int traceStride, int a,
                            int c, int o, int sc, int n, double[] u, int uo, double[] decay, double[] gain,
                            double[] scale, double[] dOut, double lr, double mu) {
        for (int m = 0; m < n; m++) {
            final double um = u[uo + m];
            final int wo = LEAD + m * stride;
            final int to = m * traceStride;
            for (int i = 0; i < a; i++) {
                final int r0 = LEAD + i;
                final double t = tr[to + r0] * decay[r0] + gain[r0] * um;
                tr[to + r0] = t;
                double g = scale[r0] * t;
                for (int v = 1; v < sc; v++) {
                    final int r = r0 + v * a;
                    final double tv = tr[to + r] * decay[r] + gain[r] * um;
                    tr[to + r] = tv;
                    g = g + scale[r] * tv;
                }
                apply(w, vel, grad, wo + i, g, lr, mu);
            }
            final int cr = LEAD + sc * a;
            for (int i = 0; i < c; i++) {
                final int r = cr + i;
                final double t = tr[to + r] * decay[r] + gain[r] * um;
                tr[to + r] = t;
                apply(w, vel, grad, wo + a + i, scale[r] * t, lr, mu);
            }
            for (int i = 0; i < o; i++) {
                apply(w, vel, grad, wo + a + c + i, dOut[LEAD + i] * um, lr, mu);
            }
        }
    }

    /** Records the gradient {@code g} of weight {@code i} (unless {@code grad} is null) and applies it with momentum. */
    private static void apply(double[] w, double[] vel, double[] grad, int i, double g, double lr, double mu) {
        if (grad != null) {
            grad[i] = g;
        }
        final double dw = mu * vel[i] - lr * g;
        vel[i] = dw;
        w[i] += dw;
    }
}
