package bebop.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD versions of {@link FloatKernels} through the Vector API, the same arithmetic element by
 * element (the same bits). Loaded only for {@link Arithmetic#SIMD}. Each loop runs over whole
 * vectors: the float layout pads every segment to them ({@link FloatForward}), and the padding
 * rows, whose weights and factors are 0, stay 0. No vector crosses a call (see
 * {@link VectorKernels}: a call the JIT does not inline boxes its vectors).
 */
final class FloatVectorKernels {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    private FloatVectorKernels() {
    }

    static int lanes() {
        return LANES;
    }

    /**
     * {@link FloatKernels#columnProduct}; {@code out} has room for {@code rows} rounded up to whole
     * vectors. Four sources a pass, each row's sum kept in a register across them and added to in
     * the sources' order (the plain loop's bits): a quarter of the loads and stores of the sums.
     */
    static void columnProduct(float[] w, int stride, int rows, float[] u, int[] nz, int count, float[] out) {
        final int end = PackedWeights.roundUp(rows, LANES);
        java.util.Arrays.fill(out, 0, end, 0f);
        int q = 0;
        for (; q + 4 <= count; q += 4) {
            final float u0 = u[nz[q]];
            final float u1 = u[nz[q + 1]];
            final float u2 = u[nz[q + 2]];
            final float u3 = u[nz[q + 3]];
            final int o0 = nz[q] * stride;
            final int o1 = nz[q + 1] * stride;
            final int o2 = nz[q + 2] * stride;
            final int o3 = nz[q + 3] * stride;
            for (int r = 0; r < end; r += LANES) {
                FloatVector.fromArray(SPECIES, out, r)
                        .add(FloatVector.fromArray(SPECIES, w, o0 + r).mul(u0))
                        .add(FloatVector.fromArray(SPECIES, w, o1 + r).mul(u1))
                        .add(FloatVector.fromArray(SPECIES, w, o2 + r).mul(u2))
                        .add(FloatVector.fromArray(SPECIES, w, o3 + r).mul(u3))
                        .intoArray(out, r);
            }
        }
        for (; q < count; q++) {
            final float us = u[nz[q]];
            final int o = nz[q] * stride;
            for (int r = 0; r < end; r += LANES) {
                FloatVector.fromArray(SPECIES, out, r).add(FloatVector.fromArray(SPECIES, w, o + r).mul(us))
                        .intoArray(out, r);
            }
        }
    }

    /** {@link FloatKernels#learnColumns} over all {@code stride} rows (the padding rows' delta is 0). */
    static void learnColumns(float[] w, float[] vel, int stride, int n, float[] src, float[] delta, float lr,
                             float mu) {
        for (int s = 0; s < n; s++) {
            final float us = src[s];
            final int o = s * stride;
            for (int r = 0; r < stride; r += LANES) {
                FloatVector g = FloatVector.fromArray(SPECIES, delta, r).mul(us);
                FloatVector dw = FloatVector.fromArray(SPECIES, vel, o + r).mul(mu).sub(g.mul(lr));
                dw.intoArray(vel, o + r);
                FloatVector.fromArray(SPECIES, w, o + r).add(dw).intoArray(w, o + r);
            }
        }
    }

    /** {@link FloatKernels#learnBlocks}; {@code traced} and {@code o} are whole vectors. */
    static void learnBlocks(float[] w, float[] vel, float[] tr, int stride, int traced, int o, int n, float[] u,
                            float[] decay, float[] gain, float[] scale, float[] dOut, float lr, float mu) {
        for (int m = 0; m < n; m++) {
            final float um = u[m];
            final int wo = m * stride;
            final int to = m * traced;
            for (int i = 0; i < traced; i += LANES) {
                FloatVector t = FloatVector.fromArray(SPECIES, tr, to + i)
                        .mul(FloatVector.fromArray(SPECIES, decay, i))
                        .add(FloatVector.fromArray(SPECIES, gain, i).mul(um));
                t.intoArray(tr, to + i);
                FloatVector g = FloatVector.fromArray(SPECIES, scale, i).mul(t);
                FloatVector dw = FloatVector.fromArray(SPECIES, vel, wo + i).mul(mu).sub(g.mul(lr));
                dw.intoArray(vel, wo + i);
                FloatVector.fromArray(SPECIES, w, wo + i).add(dw).intoArray(w, wo + i);
            }
            for (int i = 0; i < o; i += LANES) {
                final int r = traced + i;
                FloatVector g = FloatVector.fromArray(SPECIES, dOut, i).mul(um);
                FloatVector dw = FloatVector.fromArray(SPECIES, vel, wo + r).mul(mu).sub(g.mul(lr));
                dw.intoArray(vel, wo + r);
                FloatVector.fromArray(SPECIES, w, wo + r).add(dw).intoArray(w, wo + r);
            }
        }
    }
}
