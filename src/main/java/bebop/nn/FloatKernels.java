package bebop.nn;

/**
 * The float path's kernels in plain Java ({@link FloatForward}, {@link FloatLearner}): the
 * column-major product and the online learner's fused update loops of {@link Kernels}, in floats.
 * {@link FloatVectorKernels} does the same arithmetic element by element (separate multiplies and
 * adds, in the same order), so the two give the same bits.
 */
final class FloatKernels {
    private FloatKernels() {
    }

    /** {@code out[r] = sum_q w[s_q * stride + r] * u[s_q]} for {@code r < rows}, over the sources {@code s_q = nz[0..count)} in order, from 0. */
    static void columnProduct(float[] w, int stride, int rows, float[] u, int[] nz, int count, float[] out) {
        for (int r = 0; r < rows; r++) {
            out[r] = 0f;
        }
        for (int q = 0; q < count; q++) {
            final int s = nz[q];
            final float us = u[s];
            final int o = s * stride;
            for (int r = 0; r < rows; r++) {
                out[r] = out[r] + w[o + r] * us;
            }
        }
    }

    /**
     * Output rows {@code 0..rows)}, column by column: for source {@code s} and row {@code r},
     * {@code g = delta[r] src[s]}, applied with momentum, {@code dw = mu v - lr g; v = dw; w += dw}.
     */
    static void learnColumns(float[] w, float[] vel, int stride, int rows, int n, float[] src, float[] delta,
                             float lr, float mu) {
        for (int s = 0; s < n; s++) {
            final float us = src[s];
            final int o = s * stride;
            for (int r = 0; r < rows; r++) {
                apply(w, vel, o + r, delta[r] * us, lr, mu);
            }
        }
    }

    /**
     * The gate and cell weights of blocks of one cell ({@link FloatForward}'s layout), source by
     * source ({@code m < n}, value {@code u[m]}; weights at {@code m * stride}, traces at
     * {@code m * traced}): the first {@code traced} rows (input gates, forget gates, cells) update
     * their trace {@code t <- t decay + gain u_m} and take the gradient {@code scale t}; the next
     * {@code o} rows (output gates) the gradient {@code dOut u_m}; each applied with momentum.
     */
    static void learnBlocks(float[] w, float[] vel, float[] tr, int stride, int traced, int o, int n, float[] u,
                            float[] decay, float[] gain, float[] scale, float[] dOut, float lr, float mu) {
        for (int m = 0; m < n; m++) {
            final float um = u[m];
            final int wo = m * stride;
            final int to = m * traced;
            for (int i = 0; i < traced; i++) {
                final float t = tr[to + i] * decay[i] + gain[i] * um;
                tr[to + i] = t;
                apply(w, vel, wo + i, scale[i] * t, lr, mu);
            }
            for (int i = 0; i < o; i++) {
                apply(w, vel, wo + traced + i, dOut[i] * um, lr, mu);
            }
        }
    }

    private static void apply(float[] w, float[] vel, int i, float g, float lr, float mu) {
        final float dw = mu * vel[i] - lr * g;
        vel[i] = dw;
        w[i] += dw;
    }
}
