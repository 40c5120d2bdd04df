package bebop.nn.modern;

import bebop.nn.Arithmetic;

/**
 * Single-precision matrix kernels of the modern LSTM, EJML style: static, explicit outputs and
 * offsets, no allocation. Matrices are row-major with a leading dimension (the stride between
 * rows), so a kernel can work on a block of columns of a wider matrix.
 *
 * <p>Shape of the loops: the innermost loop always runs along a contiguous row of the output and of
 * one operand ({@code c[j] += a * b[j]}), in vectors through the Vector API when the {@link
 * Arithmetic} passed in is {@link Arithmetic#SIMD} ({@link FloatVectorKernels}, the same bits); the
 * plain loop folds four rows of the operand into each pass over the output row to cut loads and
 * stores, the vector path keeps tiles of the output in registers (and shares the operand's loads
 * among rows with the same zeros); the operand is walked in blocks that stay in cache. Zero entries
 * of the left operand are skipped: piano-roll inputs are about 95 % zeros and dropout zeroes a
 * fraction of the rest.
 *
 * <p>Every kernel adds its products to each output element in the order of the plain loop
 * ({@code for i, for p: c[i][j] += a[i][p] * b[p][j]}, p ascending): Java evaluates
 * {@code c + a0*b0 + a1*b1} left to right and does not fuse multiply-adds, so the result equals the
 * reference loop's bit for bit (up to the sign of zero for skipped zeros) and does not depend on
 * the JIT. The reference loops are in the tests.
 */
public final class Kernels {
    /** Rows of the right operand per block of {@link #mulAdd}: 128 rows of 1024 floats = 512 KB. */
    static final int K_BLOCK = 128;
    /** Rows of the operands per block of {@link #mulAddTransA}. */
    static final int M_BLOCK = 64;

    private Kernels() {}

    /**
     * {@code C[m x n] += A[m x k] B[k x n]}.
     *
     * @param idx scratch of at least {@code min(k, K_BLOCK)} ints
     */
    public static void mulAdd(Arithmetic arithmetic, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                              float[] c, int cOff, int ldc, int m, int k, int n, int[] idx) {
        final boolean simd = arithmetic.vectors();
        for (int p0 = 0; p0 < k; p0 += K_BLOCK) {
            int p1 = Math.min(k, p0 + K_BLOCK);
            for (int i = 0; i < m; i++) {
                int ai = aOff + i * lda;
                int cnt = nonzeros(a, ai, 1, p0, p1, idx);
                int ci = cOff + i * ldc;
                if (simd) {
                    // eight, four or two rows with the zeros of this one (hidden states, deltas) share
                    // its list of nonzeros and each load of B
                    if (i + 7 < m && samePattern(a, ai + p0, 1, 8, lda, p1 - p0)) {
                        FloatVectorKernels.rows8(a, ai, lda, 1, idx, cnt, b, bOff, ldb, c, ci, ldc, n);
                        i += 7;
                    } else if (i + 3 < m && samePattern(a, ai + p0, 1, 4, lda, p1 - p0)) {
                        FloatVectorKernels.rows4(a, ai, lda, 1, idx, cnt, b, bOff, ldb, c, ci, ldc, n);
                        i += 3;
                    } else if (i + 1 < m && samePattern(a, ai + p0, 1, 2, lda, p1 - p0)) {
                        FloatVectorKernels.rows2(a, ai, ai + lda, 1, idx, cnt, b, bOff, ldb, c, ci, ci + ldc, n);
                        i++;
                    } else {
                        FloatVectorKernels.row(a, ai, 1, idx, cnt, b, bOff, ldb, c, ci, n);
                    }
                    continue;
                }
                int q = 0;
                for (; q + 3 < cnt; q += 4) {
                    int p0q = idx[q];
                    int p1q = idx[q + 1];
                    int p2q = idx[q + 2];
                    int p3q = idx[q + 3];
                    axpy4(a[ai + p0q], a[ai + p1q], a[ai + p2q], a[ai + p3q], b, bOff + p0q * ldb,
                            bOff + p1q * ldb, bOff + p2q * ldb, bOff + p3q * ldb, c, ci, n);
                }
                for (; q < cnt; q++) {
                    int p = idx[q];
                    axpy(a[ai + p], b, bOff + p * ldb, c, ci, n);
                }
            }
        }
    }

    /**
     * {@code C[k x n] += A^T D} with {@code A} of {@code m x k} and {@code D} of {@code m x n}: the
     * weight gradient {@code sum_rows input^T delta}.
     *
     * @param idx scratch of at least {@code min(m, M_BLOCK)} ints
     */
    public static void mulAddTransA(Arithmetic arithmetic, float[] a, int aOff, int lda, float[] d, int dOff, int ldd,
                                    float[] c, int cOff, int ldc, int m, int k, int n, int[] idx) {
        final boolean simd = arithmetic.vectors();
        for (int i0 = 0; i0 < m; i0 += M_BLOCK) {
            int i1 = Math.min(m, i0 + M_BLOCK);
            for (int p = 0; p < k; p++) {
                int cnt = nonzeros(a, aOff + p, lda, i0, i1, idx);
                int cp = cOff + p * ldc;
                if (simd) {
                    int ap = aOff + p;
                    // eight, four or two columns of A with the zeros of this one share its list of
                    // nonzeros and each load of D (the hidden states' columns all have the zeros of
                    // the rows where a lane starts afresh)
                    if (p + 7 < k && samePattern(a, ap + i0 * lda, lda, 8, 1, i1 - i0)) {
                        FloatVectorKernels.rows8(a, ap, 1, lda, idx, cnt, d, dOff, ldd, c, cp, ldc, n);
                        p += 7;
                    } else if (p + 3 < k && samePattern(a, ap + i0 * lda, lda, 4, 1, i1 - i0)) {
                        FloatVectorKernels.rows4(a, ap, 1, lda, idx, cnt, d, dOff, ldd, c, cp, ldc, n);
                        p += 3;
                    } else if (p + 1 < k && samePattern(a, ap + i0 * lda, lda, 2, 1, i1 - i0)) {
                        FloatVectorKernels.rows2(a, ap, ap + 1, lda, idx, cnt, d, dOff, ldd, c, cp, cp + ldc, n);
                        p++;
                    } else {
                        FloatVectorKernels.row(a, ap, lda, idx, cnt, d, dOff, ldd, c, cp, n);
                    }
                    continue;
                }
                int q = 0;
                for (; q + 3 < cnt; q += 4) {
                    int r0 = idx[q];
                    int r1 = idx[q + 1];
                    int r2 = idx[q + 2];
                    int r3 = idx[q + 3];
                    axpy4(a[aOff + r0 * lda + p], a[aOff + r1 * lda + p], a[aOff + r2 * lda + p],
                            a[aOff + r3 * lda + p], d, dOff + r0 * ldd, dOff + r1 * ldd, dOff + r2 * ldd,
                            dOff + r3 * ldd, c, cp, n);
                }
                for (; q < cnt; q++) {
                    int r = idx[q];
                    axpy(a[aOff + r * lda + p], d, dOff + r * ldd, c, cp, n);
                }
            }
        }
    }

    /**
     * The {@code j} in {@code [from, to)} whose {@code a[base + j * step]} is not 0, ascending, into
     * {@code idx}: their count. Without a branch on the value: the zeros of dropout masks and piano
     * rolls come and go unpredictably.
     */
    private static int nonzeros(float[] a, int base, int step, int from, int to, int[] idx) {
        int cnt = 0;
        for (int j = from; j < to; j++) {
            idx[cnt] = j;
            cnt += a[base + j * step] != 0f ? 1 : 0;
        }
        return cnt;
    }

    /**
     * Whether the {@code rows} runs of {@code n} entries {@code a[off + r * rowStep + q * stride]}
     * all have their zeros where the first run has them: the runs then share the first run's list
     * of nonzeros, and a kernel that skips zeros adds the same products to each in the same order
     * as it does a run at a time.
     */
    private static boolean samePattern(float[] a, int off, int stride, int rows, int rowStep, int n) {
        for (int q = 0; q < n; q++) {
            int e = off + q * stride;
            boolean zero = a[e] == 0f;
            for (int r = 1; r < rows; r++) {
                if ((a[e + r * rowStep] == 0f) != zero) {
                    return false;
                }
            }
        }
        return true;
    }

    /** {@code y[yo..yo+n) += a * x[xo..xo+n)}. */
    static void axpy(float a, float[] x, int xo, float[] y, int yo, int n) {
        for (int j = 0; j < n; j++) {
            y[yo + j] = y[yo + j] + a * x[xo + j];
        }
    }

    /** Four axpys folded into one pass over {@code y}, summed in order. */
    static void axpy4(float a0, float a1, float a2, float a3, float[] x, int x0, int x1, int x2, int x3,
                      float[] y, int yo, int n) {
        for (int j = 0; j < n; j++) {
            y[yo + j] = y[yo + j] + a0 * x[x0 + j] + a1 * x[x1 + j] + a2 * x[x2 + j] + a3 * x[x3 + j];
        }
    }

    /** {@code dst[cols x rows] = src[rows x cols]^T} (dst packed, leading dimension rows). */
    public static void transpose(float[] src, int off, int rows, int cols, float[] dst, int dOff) {
        transposeRows(src, off, cols, 0, rows, dst, dOff, rows);
    }

    /**
     * Rows {@code [r0, r1)} of the packed {@code src[. x cols]} into columns {@code [r0, r1)} of
     * {@code dst[cols x ldd]}: {@code dst[c][r] = src[r][c]} (a team's share of a transpose).
     */
    public static void transposeRows(float[] src, int off, int cols, int r0, int r1, float[] dst, int dOff, int ldd) {
        int r = r0;
        // eight rows at a time: each column's eight elements land side by side (one row at a time
        // wrote one float a destination cache line)
        for (; r + 8 <= r1; r += 8) {
            int s = off + r * cols;
            for (int c = 0; c < cols; c++) {
                int d = dOff + c * ldd + r;
                dst[d] = src[s + c];
                dst[d + 1] = src[s + cols + c];
                dst[d + 2] = src[s + 2 * cols + c];
                dst[d + 3] = src[s + 3 * cols + c];
                dst[d + 4] = src[s + 4 * cols + c];
                dst[d + 5] = src[s + 5 * cols + c];
                dst[d + 6] = src[s + 6 * cols + c];
                dst[d + 7] = src[s + 7 * cols + c];
            }
        }
        for (; r < r1; r++) {
            int s = off + r * cols;
            for (int c = 0; c < cols; c++) {
                dst[dOff + c * ldd + r] = src[s + c];
            }
        }
    }

    /** {@code out[j] += sum_i m[i][j]} over {@code rows} rows of a packed {@code rows x n} matrix. */
    public static void addColumnSums(float[] m, int off, int rows, int n, float[] out, int oOff) {
        for (int i = 0; i < rows; i++) {
            int mi = off + i * n;
            for (int j = 0; j < n; j++) {
                out[oOff + j] = out[oOff + j] + m[mi + j];
            }
        }
    }
}
