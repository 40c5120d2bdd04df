package bebop.nn.modern;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bebop.nn.Arithmetic;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The blocked, unrolled kernels against plain triple loops: equal bit for bit (up to the sign of
 * zero), on the plain path and on the Vector API path, which also equal each other exactly.
 */
class KernelsTest {
    /** The arithmetics this JVM has: plain, and SIMD when the Vector API module is present. */
    static Arithmetic[] paths() {
        return Arithmetic.SIMD.available() ? Arithmetic.values() : new Arithmetic[] {Arithmetic.PLAIN};
    }

    static float[] random(Random r, int n, double zeros) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextDouble() < zeros ? 0f : (float) r.nextGaussian();
        }
        return a;
    }

    /** Reference: C += A B, plain loops in the documented order. */
    static void refMulAdd(float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc,
                          int m, int k, int n) {
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                for (int j = 0; j < n; j++) {
                    c[cOff + i * ldc + j] += a[aOff + i * lda + p] * b[bOff + p * ldb + j];
                }
            }
        }
    }

    /** Reference: C += A^T D. */
    static void refMulAddTransA(float[] a, int aOff, int lda, float[] d, int dOff, int ldd, float[] c, int cOff,
                                int ldc, int m, int k, int n) {
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                for (int j = 0; j < n; j++) {
                    c[cOff + p * ldc + j] += a[aOff + i * lda + p] * d[dOff + i * ldd + j];
                }
            }
        }
    }

    static void assertSame(float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 0f, "element " + i);
        }
    }

    @Test
    void mulAddEqualsTheReferenceOnBlocksAndOddSizes() {
        for (Arithmetic arithmetic : paths()) {
            mulAddEqualsTheReference(arithmetic);
        }
    }

    private static void mulAddEqualsTheReference(Arithmetic arithmetic) {
        Random r = new Random(1);
        int[][] shapes = {{1, 1, 1}, {3, 5, 7}, {33, 300, 129}, {7, 129, 1024}, {70, 88, 40}, {9, 256, 88}, {6, 20, 24}};
        for (int[] s : shapes) {
            int m = s[0];
            int k = s[1];
            int n = s[2];
            for (double zeros : new double[] {0, 0.5, 0.95}) {
                // A is a column block of a wider matrix, B a column block, C with a wider stride
                int lda = k + 3;
                int ldb = n + 5;
                int ldc = n + 2;
                float[] a = random(r, 2 + m * lda, zeros);
                float[] b = random(r, 1 + k * ldb, 0);
                float[] c = random(r, 4 + m * ldc, 0);
                float[] ref = c.clone();
                Kernels.mulAdd(arithmetic, a, 2, lda, b, 1, ldb, c, 4, ldc, m, k, n, new int[k + 8]);
                refMulAdd(a, 2, lda, b, 1, ldb, ref, 4, ldc, m, k, n);
                assertSame(ref, c);
            }
        }
    }

    @Test
    void mulAddTransAEqualsTheReference() {
        for (Arithmetic arithmetic : paths()) {
            mulAddTransAEqualsTheReferenceOnOnePath(arithmetic);
        }
    }

    private static void mulAddTransAEqualsTheReferenceOnOnePath(Arithmetic arithmetic) {
        Random r = new Random(2);
        int[][] shapes = {{1, 1, 1}, {5, 3, 7}, {200, 33, 129}, {130, 9, 1024}, {70, 9, 88}};
        for (int[] s : shapes) {
            int m = s[0];
            int k = s[1];
            int n = s[2];
            for (double zeros : new double[] {0, 0.9}) {
                int lda = k + 1;
                int ldd = n + 3;
                int ldc = n + 1;
                float[] a = random(r, 3 + m * lda, zeros);
                float[] d = random(r, m * ldd, 0);
                float[] c = random(r, 2 + k * ldc, 0);
                float[] ref = c.clone();
                Kernels.mulAddTransA(arithmetic, a, 3, lda, d, 0, ldd, c, 2, ldc, m, k, n, new int[m + 8]);
                refMulAddTransA(a, 3, lda, d, 0, ldd, ref, 2, ldc, m, k, n);
                assertSame(ref, c);
            }
        }
    }

    /**
     * Rows (columns of A for the transposed product) that share their zeros go through the vector
     * kernels together: the hidden states' columns of a window in which lanes start afresh (rows of
     * zeros), and runs that differ from their neighbours in one entry only, which must not be grouped.
     */
    @Test
    void sharedZerosAndNearMissesEqualTheReference() {
        Random r = new Random(4);
        for (Arithmetic arithmetic : paths()) {
            // C += A^T D: 100 rows (steps x lanes) of 40 hidden columns, four rows zero throughout
            int m = 100;
            int k = 40;
            int n = 72;
            float[] a = random(r, m * k, 0);
            for (int row : new int[] {3, 57, 64, 99}) {
                Arrays.fill(a, row * k, (row + 1) * k, 0f);
            }
            a[10 * k + 17] = 0f; // one more zero in column 17
            a[57 * k + 5] = 1.5f; // column 5 not zero where the others are
            float[] d = random(r, m * n, 0);
            float[] c = random(r, k * n, 0);
            float[] ref = c.clone();
            Kernels.mulAddTransA(arithmetic, a, 0, k, d, 0, n, c, 0, n, m, k, n, new int[m + 8]);
            refMulAddTransA(a, 0, k, d, 0, n, ref, 0, n, m, k, n);
            assertSame(ref, c);

            // C += A B: twelve rows (lanes), two zero throughout, one with one zero more, and four
            // that share a sparse pattern (zeros in the even columns)
            int rows = 12;
            int depth = 150;
            float[] x = random(r, rows * depth, 0);
            Arrays.fill(x, 2 * depth, 3 * depth, 0f);
            Arrays.fill(x, 7 * depth, 8 * depth, 0f);
            x[5 * depth + 40] = 0f;
            for (int row = 8; row < 12; row++) {
                for (int p = 0; p < depth; p += 2) {
                    x[row * depth + p] = 0f;
                }
            }
            float[] b = random(r, depth * n, 0);
            float[] y = random(r, rows * n, 0);
            float[] want = y.clone();
            Kernels.mulAdd(arithmetic, x, 0, depth, b, 0, n, y, 0, n, rows, depth, n, new int[depth + 8]);
            refMulAdd(x, 0, depth, b, 0, n, want, 0, n, rows, depth, n);
            assertSame(want, y);
        }
    }

    @Test
    void plainAndVectorPathsGiveTheSameBits() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Arithmetic.SIMD.available(), "no Vector API module");
        Random r = new Random(3);
        for (int n : new int[] {1, 15, 17, 40, 88, 1023}) {
            int m = 9;
            int k = 37;
            float[] a = random(r, m * k, 0.5);
            float[] b = random(r, k * n, 0);
            float[][] c = new float[2][];
            float[][] g = new float[2][];
            for (int path = 0; path < 2; path++) {
                Arithmetic arithmetic = path == 1 ? Arithmetic.SIMD : Arithmetic.PLAIN;
                c[path] = new float[m * n];
                Kernels.mulAdd(arithmetic, a, 0, k, b, 0, n, c[path], 0, n, m, k, n, new int[k]);
                g[path] = b.clone();
                Kernels.mulAddTransA(arithmetic, a, 0, k, c[path], 0, n, g[path], 0, n, m, k, n, new int[m]);
            }
            for (int i = 0; i < c[0].length; i++) {
                assertEquals(Float.floatToRawIntBits(c[0][i]), Float.floatToRawIntBits(c[1][i]), "n " + n + " element " + i);
            }
            for (int i = 0; i < g[0].length; i++) {
                assertEquals(Float.floatToRawIntBits(g[0][i]), Float.floatToRawIntBits(g[1][i]), "n " + n + " element " + i);
            }
        }
    }

    @Test
    void transposeAndColumnSums() {
        float[] m = {1, 2, 3, 4, 5, 6};
        float[] t = new float[6];
        Kernels.transpose(m, 0, 2, 3, t, 0);
        assertSame(new float[] {1, 4, 2, 5, 3, 6}, t);
        float[] s = {10, 0, 0};
        Kernels.addColumnSums(m, 0, 2, 3, s, 0);
        assertSame(new float[] {15, 7, 9}, s);
    }

    @Test
    void transposeRowsOfAnyRangeLandsEveryElement() {
        // rows 3..22 of a 25 x 7 matrix at offset 5 (two blocks of eight and a tail), into a
        // destination with leading dimension 30 at offset 2; everything else untouched
        int rows = 25;
        int cols = 7;
        float[] m = new float[5 + rows * cols];
        for (int i = 0; i < m.length; i++) {
            m[i] = i + 0.5f;
        }
        float[] t = new float[2 + cols * 30];
        Arrays.fill(t, -1f);
        Kernels.transposeRows(m, 5, cols, 3, 22, t, 2, 30);
        for (int c = 0; c < cols; c++) {
            for (int r = 0; r < 30; r++) {
                float want = r >= 3 && r < 22 ? m[5 + r * cols + c] : -1f;
                assertEquals(want, t[2 + c * 30 + r], "column " + c + ", row " + r);
            }
        }
        assertEquals(-1f, t[0]);
        assertEquals(-1f, t[1]);
    }

    @Test
    void rngStateRestoresTheSequence() {
        Rng a = new Rng(42);
        a.nextLong();
        Rng b = new Rng(a.state());
        for (int i = 0; i < 100; i++) {
            assertEquals(a.nextLong(), b.nextLong());
        }
        int[] counts = new int[3];
        for (int i = 0; i < 3000; i++) {
            counts[a.nextInt(3)]++;
        }
        for (int c : counts) {
            assertEquals(1000, c, 100);
        }
    }

    @Test
    void rngFloatsCanBeDrawnAtTheirPlaces() {
        Rng a = new Rng(7);
        long start = a.state();
        for (int k = 0; k < 100; k++) {
            assertEquals(Float.floatToRawIntBits(a.nextFloat()), Float.floatToRawIntBits(Rng.floatAt(start, k)));
        }
        Rng b = new Rng(start);
        b.skip(100);
        assertEquals(a.nextLong(), b.nextLong());
    }
}
