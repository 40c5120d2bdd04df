package bebop.nn;

/**
 * Small static kernels with explicit output arguments (EJML's shape) for the engine's hot loops.
 *
 * <p>The multi-row dot products compute several independent dot products in one pass, each with
 * its own accumulator that adds the products in ascending index order, exactly as a plain
 * {@code sum += a[i] * b[i]} loop does: the results are bit-identical to one dot product at a
 * time, but the independent add chains overlap in the processor (one chain is bound by the
 * latency of a floating-point add), and the shared vector is loaded once.
 */
final class Kernels {
    private Kernels() {
    }

    /** {@code sum_i a[ao + i] * b[bo + i]}, in ascending order from 0. */
    static double dot(double[] a, int ao, double[] b, int bo, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += a[ao + i] * b[bo + i];
        }
        return sum;
    }

    /**
     * Four dot products with the shared vector {@code u[uo..uo+n)}, each added to its running sum
     * {@code acc[ao + r]} in ascending order (start the sums at 0 for plain dot products).
     */
    static void dot4(double[] w0, int o0, double[] w1, int o1, double[] w2, int o2, double[] w3, int o3,
                     double[] u, int uo, int n, double[] acc, int ao) {
        double s0 = acc[ao];
        double s1 = acc[ao + 1];
        double s2 = acc[ao + 2];
        double s3 = acc[ao + 3];
        for (int i = 0; i < n; i++) {
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

    /**
     * The four rows (input, forget and output gate, first cell) of two blocks at once: rows of
     * block a at {@code ga} in the gate arrays and {@code ca} in the cell array, dotted with
     * {@code u[ga..ga+n)}; block b likewise. Sums from 0 into {@code acc[aa..aa+4)} and
     * {@code acc[ab..ab+4)}. Eight independent add chains.
     */
    static void gates2(double[] wi, double[] wf, double[] wo, double[] wc, int ga, int ca, int gb, int cb,
                       double[] u, int n, double[] acc, int aa, int ab) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double t0 = 0;
        double t1 = 0;
        double t2 = 0;
        double t3 = 0;
        for (int i = 0; i < n; i++) {
            double x = u[ga + i];
            double y = u[gb + i];
            s0 += wi[ga + i] * x;
            s1 += wf[ga + i] * x;
            s2 += wo[ga + i] * x;
            s3 += wc[ca + i] * x;
            t0 += wi[gb + i] * y;
            t1 += wf[gb + i] * y;
            t2 += wo[gb + i] * y;
            t3 += wc[cb + i] * y;
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

    /** Two dot products with two vectors: {@code w[oa..] . u[ua..]} into {@code acc[aa]}, {@code w[ob..] . u[ub..]} into {@code acc[ab]}. */
    static void dot2x(double[] w, int oa, int ua, int ob, int ub, double[] u, int n, double[] acc, int aa, int ab) {
        double s = 0;
        double t = 0;
        for (int i = 0; i < n; i++) {
            s += w[oa + i] * u[ua + i];
            t += w[ob + i] * u[ub + i];
        }
        acc[aa] = s;
        acc[ab] = t;
    }

    /** As {@link #dot4} for two rows. */
    static void dot2(double[] w0, int o0, double[] w1, int o1, double[] u, int uo, int n, double[] acc, int ao) {
        double s0 = acc[ao];
        double s1 = acc[ao + 1];
        for (int i = 0; i < n; i++) {
            double x = u[uo + i];
            s0 += w0[o0 + i] * x;
            s1 += w1[o1 + i] * x;
        }
        acc[ao] = s0;
        acc[ao + 1] = s1;
    }

    /**
     * {@code count} consecutive rows of {@code w} ({@code stride} apart from {@code o}) dotted with
     * {@code u[uo..uo+n)}, into {@code out[oo..oo+count)} (plain dot products, sums from 0).
     */
    static void dotRows(double[] w, int o, int stride, int count, double[] u, int uo, int n,
                        double[] out, int oo) {
        int r = 0;
        for (; r + 4 <= count; r += 4) {
            zero(out, oo + r, 4);
            int a = o + r * stride;
            dot4(w, a, w, a + stride, w, a + 2 * stride, w, a + 3 * stride, u, uo, n, out, oo + r);
        }
        if (r + 2 <= count) {
            zero(out, oo + r, 2);
            int a = o + r * stride;
            dot2(w, a, w, a + stride, u, uo, n, out, oo + r);
            r += 2;
        }
        if (r < count) {
            out[oo + r] = dot(w, o + r * stride, u, uo, n);
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
}
