package bebop.nn.modern;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The modern trainer's innermost loops through the Vector API ({@code jdk.incubator.vector}), used
 * when the arithmetic is {@link bebop.nn.Arithmetic#SIMD}; the class links against the incubator module, so it is
 * loaded only then. Each lane does the plain loop's arithmetic in its order (a product rounded,
 * then added; no fused multiply-add), so both paths give the same bits. The JIT does not vectorize
 * the plain loops itself here (measured: the same speed without {@code -XX:-UseSuperWord}).
 *
 * <p>Register tiling: a tile of four vectors of an output row stays in registers while all the
 * listed products of a block are added to it, in list order, so the output is loaded and stored
 * once a block instead of once every four products; a float's store and reload are exact, so the
 * sums are those of the plain loop.
 */
final class FloatVectorKernels {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private static final int TILE = 4 * LANES;

    private FloatVectorKernels() {
    }

    /**
     * {@code c[ci + j] += sum_q a[aBase + p*aStride] * b[bBase + p*bStride + j]} for {@code j < n},
     * with {@code p = idx[q]} for {@code q < cnt} in order.
     */
    static void row(float[] a, int aBase, int aStride, int[] idx, int cnt, float[] b, int bBase, int bStride,
                    float[] c, int ci, int n) {
        int j = 0;
        for (; j + TILE <= n; j += TILE) {
            FloatVector c0 = FloatVector.fromArray(SPECIES, c, ci + j);
            FloatVector c1 = FloatVector.fromArray(SPECIES, c, ci + j + LANES);
            FloatVector c2 = FloatVector.fromArray(SPECIES, c, ci + j + 2 * LANES);
            FloatVector c3 = FloatVector.fromArray(SPECIES, c, ci + j + 3 * LANES);
            for (int q = 0; q < cnt; q++) {
                int p = idx[q];
                float s = a[aBase + p * aStride];
                int bp = bBase + p * bStride + j;
                c0 = c0.add(FloatVector.fromArray(SPECIES, b, bp).mul(s));
                c1 = c1.add(FloatVector.fromArray(SPECIES, b, bp + LANES).mul(s));
                c2 = c2.add(FloatVector.fromArray(SPECIES, b, bp + 2 * LANES).mul(s));
                c3 = c3.add(FloatVector.fromArray(SPECIES, b, bp + 3 * LANES).mul(s));
            }
            c0.intoArray(c, ci + j);
            c1.intoArray(c, ci + j + LANES);
            c2.intoArray(c, ci + j + 2 * LANES);
            c3.intoArray(c, ci + j + 3 * LANES);
        }
        for (; j + LANES <= n; j += LANES) {
            FloatVector c0 = FloatVector.fromArray(SPECIES, c, ci + j);
            for (int q = 0; q < cnt; q++) {
                int p = idx[q];
                c0 = c0.add(FloatVector.fromArray(SPECIES, b, bBase + p * bStride + j).mul(a[aBase + p * aStride]));
            }
            c0.intoArray(c, ci + j);
        }
        for (; j < n; j++) {
            float s = c[ci + j];
            for (int q = 0; q < cnt; q++) {
                int p = idx[q];
                s = s + a[aBase + p * aStride] * b[bBase + p * bStride + j];
            }
            c[ci + j] = s;
        }
    }

    /**
     * {@link #row} for two output rows with the same list (two dense rows of the left operand,
     * coefficients at {@code aBase0} and {@code aBase1}): each load of {@code b} feeds both.
     */
    static void rows2(float[] a, int aBase0, int aBase1, int aStride, int[] idx, int cnt, float[] b, int bBase,
                      int bStride, float[] c, int ci0, int ci1, int n) {
        int j = 0;
        for (; j + TILE <= n; j += TILE) {
            FloatVector c0 = FloatVector.fromArray(SPECIES, c, ci0 + j);
            FloatVector c1 = FloatVector.fromArray(SPECIES, c, ci0 + j + LANES);
            FloatVector c2 = FloatVector.fromArray(SPECIES, c, ci0 + j + 2 * LANES);
            FloatVector c3 = FloatVector.fromArray(SPECIES, c, ci0 + j + 3 * LANES);
            FloatVector d0 = FloatVector.fromArray(SPECIES, c, ci1 + j);
            FloatVector d1 = FloatVector.fromArray(SPECIES, c, ci1 + j + LANES);
            FloatVector d2 = FloatVector.fromArray(SPECIES, c, ci1 + j + 2 * LANES);
            FloatVector d3 = FloatVector.fromArray(SPECIES, c, ci1 + j + 3 * LANES);
            for (int q = 0; q < cnt; q++) {
                int p = idx[q];
                float s = a[aBase0 + p * aStride];
                float t = a[aBase1 + p * aStride];
                int bp = bBase + p * bStride + j;
                FloatVector b0 = FloatVector.fromArray(SPECIES, b, bp);
                FloatVector b1 = FloatVector.fromArray(SPECIES, b, bp + LANES);
                FloatVector b2 = FloatVector.fromArray(SPECIES, b, bp + 2 * LANES);
                FloatVector b3 = FloatVector.fromArray(SPECIES, b, bp + 3 * LANES);
                c0 = c0.add(b0.mul(s));
                c1 = c1.add(b1.mul(s));
                c2 = c2.add(b2.mul(s));
                c3 = c3.add(b3.mul(s));
                d0 = d0.add(b0.mul(t));
                d1 = d1.add(b1.mul(t));
                d2 = d2.add(b2.mul(t));
                d3 = d3.add(b3.mul(t));
            }
            c0.intoArray(c, ci0 + j);
            c1.intoArray(c, ci0 + j + LANES);
            c2.intoArray(c, ci0 + j + 2 * LANES);
            c3.intoArray(c, ci0 + j + 3 * LANES);
            d0.intoArray(c, ci1 + j);
            d1.intoArray(c, ci1 + j + LANES);
            d2.intoArray(c, ci1 + j + 2 * LANES);
            d3.intoArray(c, ci1 + j + 3 * LANES);
        }
        if (j < n) {
            row(a, aBase0, aStride, idx, cnt, b, bBase + j, bStride, c, ci0 + j, n - j);
            row(a, aBase1, aStride, idx, cnt, b, bBase + j, bStride, c, ci1 + j, n - j);
        }
    }

    /** {@link #rows2} for four rows: {@code aBase0 + r * aRow} and {@code ci0 + r * cRow}, {@code r < 4}. */
    static void rows4(float[] a, int aBase0, int aRow, int aStride, int[] idx, int cnt, float[] b, int bBase,
                      int bStride, float[] c, int ci0, int cRow, int n) {
        int j = 0;
        for (; j + 2 * LANES <= n; j += 2 * LANES) {
            int cj = ci0 + j;
            FloatVector c0 = FloatVector.fromArray(SPECIES, c, cj);
            FloatVector c1 = FloatVector.fromArray(SPECIES, c, cj + LANES);
            FloatVector d0 = FloatVector.fromArray(SPECIES, c, cj + cRow);
            FloatVector d1 = FloatVector.fromArray(SPECIES, c, cj + cRow + LANES);
            FloatVector e0 = FloatVector.fromArray(SPECIES, c, cj + 2 * cRow);
            FloatVector e1 = FloatVector.fromArray(SPECIES, c, cj + 2 * cRow + LANES);
            FloatVector f0 = FloatVector.fromArray(SPECIES, c, cj + 3 * cRow);
            FloatVector f1 = FloatVector.fromArray(SPECIES, c, cj + 3 * cRow + LANES);
            for (int q = 0; q < cnt; q++) {
                int p = idx[q];
                int ap = aBase0 + p * aStride;
                int bp = bBase + p * bStride + j;
                FloatVector b0 = FloatVector.fromArray(SPECIES, b, bp);
                FloatVector b1 = FloatVector.fromArray(SPECIES, b, bp + LANES);
                float s = a[ap];
                c0 = c0.add(b0.mul(s));
                c1 = c1.add(b1.mul(s));
                s = a[ap + aRow];
                d0 = d0.add(b0.mul(s));
                d1 = d1.add(b1.mul(s));
                s = a[ap + 2 * aRow];
                e0 = e0.add(b0.mul(s));
                e1 = e1.add(b1.mul(s));
                s = a[ap + 3 * aRow];
                f0 = f0.add(b0.mul(s));
                f1 = f1.add(b1.mul(s));
            }
            c0.intoArray(c, cj);
            c1.intoArray(c, cj + LANES);
            d0.intoArray(c, cj + cRow);
            d1.intoArray(c, cj + cRow + LANES);
            e0.intoArray(c, cj + 2 * cRow);
            e1.intoArray(c, cj + 2 * cRow + LANES);
            f0.intoArray(c, cj + 3 * cRow);
            f1.intoArray(c, cj + 3 * cRow + LANES);
        }
        for (int r = 0; r < 4 && j < n; r++) {
            row(a, aBase0 + r * aRow, aStride, idx, cnt, b, bBase + j, bStride, c, ci0 + r * cRow + j, n - j);
        }
    }
}
