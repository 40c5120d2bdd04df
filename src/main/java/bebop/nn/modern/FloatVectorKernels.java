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
 * sums are those of the plain loop. Rows whose coefficients have their zeros in the same places
 * (one list of nonzeros) share each load of the operand in tiles of eight, four or two rows. A
 * row's width that is not a whole number of vectors ends with a vector that overlaps the one before
 * it, in the same pass: both lanes of the overlap start from the same value and add the same
 * products, so they hold the same sums (no scalar tail, no masks, nothing written outside the row).
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
        int r = n % LANES;
        if (r != 0 && n > LANES) {
            // a partial vector: the first pass also takes [r, r + LANES), which overlaps [0, LANES);
            // both start from the same c and add the same products, so the overlap gets the same sums
            FloatVector c0 = FloatVector.fromArray(SPECIES, c, ci);
            FloatVector c1 = FloatVector.fromArray(SPECIES, c, ci + r);
            for (int q = 0; q < cnt; q++) {
                int p = idx[q];
                float s = a[aBase + p * aStride];
                int bp = bBase + p * bStride;
                c0 = c0.add(FloatVector.fromArray(SPECIES, b, bp).mul(s));
                c1 = c1.add(FloatVector.fromArray(SPECIES, b, bp + r).mul(s));
            }
            c0.intoArray(c, ci);
            c1.intoArray(c, ci + r);
            j = r + LANES;
        }
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
        for (; j < n; j++) { // n < LANES
            float s = c[ci + j];
            for (int q = 0; q < cnt; q++) {
                int p = idx[q];
                s = s + a[aBase + p * aStride] * b[bBase + p * bStride + j];
            }
            c[ci + j] = s;
        }
    }

    /**
     * {@link #row} for two output rows with the same list (two rows of the left operand with the
     * same zeros, coefficients at {@code aBase0} and {@code aBase1}): each load of {@code b} feeds both.
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
        while (n - j > LANES) {
            // the second vector ends at n at most; where it overlaps the first (a partial vector
            // at the end), both start from the same c and add the same products: the same sums
            int j2 = Math.min(j + LANES, n - LANES);
            int cj = ci0 + j;
            int cj2 = ci0 + j2;
            FloatVector c0 = FloatVector.fromArray(SPECIES, c, cj);
            FloatVector c1 = FloatVector.fromArray(SPECIES, c, cj2);
            FloatVector d0 = FloatVector.fromArray(SPECIES, c, cj + cRow);
            FloatVector d1 = FloatVector.fromArray(SPECIES, c, cj2 + cRow);
            FloatVector e0 = FloatVector.fromArray(SPECIES, c, cj + 2 * cRow);
            FloatVector e1 = FloatVector.fromArray(SPECIES, c, cj2 + 2 * cRow);
            FloatVector f0 = FloatVector.fromArray(SPECIES, c, cj + 3 * cRow);
            FloatVector f1 = FloatVector.fromArray(SPECIES, c, cj2 + 3 * cRow);
            for (int q = 0; q < cnt; q++) {
                int p = idx[q];
                int ap = aBase0 + p * aStride;
                int bp = bBase + p * bStride;
                FloatVector b0 = FloatVector.fromArray(SPECIES, b, bp + j);
                FloatVector b1 = FloatVector.fromArray(SPECIES, b, bp + j2);
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
            c1.intoArray(c, cj2);
            d0.intoArray(c, cj + cRow);
            d1.intoArray(c, cj2 + cRow);
            e0.intoArray(c, cj + 2 * cRow);
            e1.intoArray(c, cj2 + 2 * cRow);
            f0.intoArray(c, cj + 3 * cRow);
            f1.intoArray(c, cj2 + 3 * cRow);
            j = j2 + LANES;
        }
        for (int r = 0; r < 4 && j < n; r++) {
            row(a, aBase0 + r * aRow, aStride, idx, cnt, b, bBase + j, bStride, c, ci0 + r * cRow + j, n - j);
        }
    }

    /** {@link #rows4} for eight rows: each load of {@code b} feeds eight rows, half the loads a product of four. */
    static void rows8(float[] a, int aBase0, int aRow, int aStride, int[] idx, int cnt, float[] b, int bBase,
                      int bStride, float[] c, int ci0, int cRow, int n) {
        int j = 0;
        while (n - j > LANES) {
            int j2 = Math.min(j + LANES, n - LANES); // as in rows4
            int cj = ci0 + j;
            int cj2 = ci0 + j2;
            FloatVector u0 = FloatVector.fromArray(SPECIES, c, cj);
            FloatVector v0 = FloatVector.fromArray(SPECIES, c, cj2);
            FloatVector u1 = FloatVector.fromArray(SPECIES, c, cj + cRow);
            FloatVector v1 = FloatVector.fromArray(SPECIES, c, cj2 + cRow);
            FloatVector u2 = FloatVector.fromArray(SPECIES, c, cj + 2 * cRow);
            FloatVector v2 = FloatVector.fromArray(SPECIES, c, cj2 + 2 * cRow);
            FloatVector u3 = FloatVector.fromArray(SPECIES, c, cj + 3 * cRow);
            FloatVector v3 = FloatVector.fromArray(SPECIES, c, cj2 + 3 * cRow);
            FloatVector u4 = FloatVector.fromArray(SPECIES, c, cj + 4 * cRow);
            FloatVector v4 = FloatVector.fromArray(SPECIES, c, cj2 + 4 * cRow);
            FloatVector u5 = FloatVector.fromArray(SPECIES, c, cj + 5 * cRow);
            FloatVector v5 = FloatVector.fromArray(SPECIES, c, cj2 + 5 * cRow);
            FloatVector u6 = FloatVector.fromArray(SPECIES, c, cj + 6 * cRow);
            FloatVector v6 = FloatVector.fromArray(SPECIES, c, cj2 + 6 * cRow);
            FloatVector u7 = FloatVector.fromArray(SPECIES, c, cj + 7 * cRow);
            FloatVector v7 = FloatVector.fromArray(SPECIES, c, cj2 + 7 * cRow);
            for (int q = 0; q < cnt; q++) {
                int p = idx[q];
                int ap = aBase0 + p * aStride;
                int bp = bBase + p * bStride;
                FloatVector b0 = FloatVector.fromArray(SPECIES, b, bp + j);
                FloatVector b1 = FloatVector.fromArray(SPECIES, b, bp + j2);
                float s = a[ap];
                u0 = u0.add(b0.mul(s));
                v0 = v0.add(b1.mul(s));
                s = a[ap + aRow];
                u1 = u1.add(b0.mul(s));
                v1 = v1.add(b1.mul(s));
                s = a[ap + 2 * aRow];
                u2 = u2.add(b0.mul(s));
                v2 = v2.add(b1.mul(s));
                s = a[ap + 3 * aRow];
                u3 = u3.add(b0.mul(s));
                v3 = v3.add(b1.mul(s));
                s = a[ap + 4 * aRow];
                u4 = u4.add(b0.mul(s));
                v4 = v4.add(b1.mul(s));
                s = a[ap + 5 * aRow];
                u5 = u5.add(b0.mul(s));
                v5 = v5.add(b1.mul(s));
                s = a[ap + 6 * aRow];
                u6 = u6.add(b0.mul(s));
                v6 = v6.add(b1.mul(s));
                s = a[ap + 7 * aRow];
                u7 = u7.add(b0.mul(s));
                v7 = v7.add(b1.mul(s));
            }
            u0.intoArray(c, cj);
            v0.intoArray(c, cj2);
            u1.intoArray(c, cj + cRow);
            v1.intoArray(c, cj2 + cRow);
            u2.intoArray(c, cj + 2 * cRow);
            v2.intoArray(c, cj2 + 2 * cRow);
            u3.intoArray(c, cj + 3 * cRow);
            v3.intoArray(c, cj2 + 3 * cRow);
            u4.intoArray(c, cj + 4 * cRow);
            v4.intoArray(c, cj2 + 4 * cRow);
            u5.intoArray(c, cj + 5 * cRow);
            v5.intoArray(c, cj2 + 5 * cRow);
            u6.intoArray(c, cj + 6 * cRow);
            v6.intoArray(c, cj2 + 6 * cRow);
            u7.intoArray(c, cj + 7 * cRow);
            v7.intoArray(c, cj2 + 7 * cRow);
            j = j2 + LANES;
        }
        for (int r = 0; r < 8 && j < n; r++) {
            row(a, aBase0 + r * aRow, aStride, idx, cnt, b, bBase + j, bStride, c, ci0 + r * cRow + j, n - j);
        }
    }
}
