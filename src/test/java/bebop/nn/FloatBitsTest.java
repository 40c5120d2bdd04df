package bebop.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The float path's bits ({@link Precision#FLOAT}), pinned as {@link EngineBitsTest} pins the
 * double path's: digests of the outputs and weights after online training, and of the outputs of
 * a runner and a free runner, on the nets of {@link FloatPathTest#configs()}, for the plain and
 * the SIMD arithmetic (which give the same bits: the float path's logistic is its own float
 * {@code exp}, the same operations in both, {@link FloatKernels#sigmoid}; neither depends on the
 * machine's vector length). A change of these digests is a change of the float path's results.
 */
class FloatBitsTest {
    /**
     * Per config of {@link FloatPathTest#configs()}: the plain arithmetic's digest, then the SIMD one's.
     * Recorded when the error each cell gets back moved from a sum in doubles to sixteen partial sums
     * of fused multiply-adds in floats (issue 15: a vector of them at a time; plain and SIMD still
     * agree to the bit); the third and fourth when the early gate product went by chunks of 64
     * sources (the first two nets have fewer, one chunk: their digests did not change).
     */
    private static final long[] DIGESTS = {
        0x3ea75a89e62cedc0L,
        0x3ea75a89e62cedc0L,
        0xe5de4c9010ed881fL,
        0xe5de4c9010ed881fL,
        0x93a8e55870d06aa4L,
        0x93a8e55870d06aa4L,
        0x93a3e19c83755ffdL,
        0x93a3e19c83755ffdL,
    };

    @Test
    void theFloatPathsBitsAreThePinnedOnes() {
        LstmConfig[] cfgs = FloatPathTest.configs();
        for (int i = 0; i < cfgs.length; i++) {
            assertEquals(DIGESTS[2 * i], EngineBitsTest.digest(cfgs[i], Arithmetic.PLAIN, Precision.FLOAT), "config " + i + ", plain");
            assertEquals(DIGESTS[2 * i + 1], EngineBitsTest.digest(cfgs[i], Arithmetic.SIMD, Precision.FLOAT), "config " + i + ", SIMD");
        }
    }

    /**
     * The SIMD learner sums the next step's early gate product while it changes the weights
     * (FloatVectorKernels.learnBlocksAhead); the plain one sums it in the next forward pass. When
     * another learner changes the network's weights in between, or a reset comes, that sum is stale
     * and must be dropped: both arithmetics still give the same bits.
     */
    @Test
    void theEarlyProductIsDroppedWhenTheWeightsChangeElsewhereOrAtAReset() {
        for (LstmConfig cfg : FloatPathTest.configs()) {
            double[][] f = PackedLearnerTest.frames(new SplittableRandom(6), 41, cfg.inputs());
            double[][][] outputs = new double[2][40][];
            for (Arithmetic arithmetic : Arithmetic.values()) {
                LstmNetwork net = LstmNetwork.create(cfg, new SplittableRandom(5), arithmetic);
                StepLearner floats = net.newLearner(0.05, 0.9, Precision.FLOAT);
                StepLearner other = net.newLearner(0.02, 0.5, Precision.FLOAT);
                for (int t = 0; t < 40; t++) {
                    if (t == 20) {
                        floats.reset();
                    }
                    // every seventh step the other learner's: it changes the weights between two of the first's
                    StepLearner l = t % 7 == 3 ? other : floats;
                    outputs[arithmetic.ordinal()][t] = l.step(f[t], f[t + 1]).clone();
                }
            }
            assertArrayEquals(outputs[0], outputs[1], cfg.toString());
        }
    }

    @Test
    void theFloatLogisticIsThePlainOnesBitsAndCloseToTheDoubleOne() {
        int n = 64 * FloatVectorKernels.lanes();
        final int b = FloatKernels.LEAD; // the float kernels' arrays are Aligned: element i at b + i
        float[] x = Aligned.floats(n);
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < n; i++) {
            x[b + i] = i < 4 ? new float[] {-40f, 40f, 0f, -0f}[i] : (float) (rng.nextDouble() * 70 - 35);
        }
        float[] plain = Aligned.floats(n);
        float[] simd = Aligned.floats(n);
        FloatKernels.sigmoid(x, plain, n);
        FloatVectorKernels.sigmoid(x, simd, n);
        assertArrayEquals(plain, simd);
        for (int i = 0; i < n; i++) {
            double exact = Activations.sigmoid(x[b + i]);
            assertEquals(exact, plain[b + i], 2e-7 * exact, "x = " + x[b + i]);
        }
    }

    /**
     * The gate product as the forward pass takes it: the early sources by chunks
     * ({@link FloatKernels#chunkedProduct}: each chunk's sum from +0, the first plus the next and so
     * on), then the inputs added one by one; the SIMD kernels give the plain bits, and the chunked
     * sum is its definition written out.
     */
    @Test
    void columnProductsInTwoPartsGiveThePlainBits() {
        SplittableRandom rng = new SplittableRandom(4);
        int n = 2 * FloatKernels.CHUNK + 22;
        final int b = FloatKernels.LEAD; // the float kernels' arrays are Aligned: element i at b + i
        float[] u = Aligned.floats(n);
        for (int m = 0; m < n; m++) {
            u[b + m] = m % 5 == 1 ? 0f : (float) (rng.nextDouble() * 4 - 2);
        }
        // past the sums kept in registers (the sources not 0 listed), and within them (all sources)
        for (int stride : new int[] {64 * FloatVectorKernels.lanes(), 4 * FloatVectorKernels.lanes()}) {
            float[] w = Aligned.floats(n * stride);
            for (int i = b; i < w.length; i++) {
                w[i] = (float) (rng.nextDouble() * 2 - 1);
            }
            float[] plain = Aligned.floats(stride);
            float[] simd = Aligned.floats(stride);
            FloatKernels.chunkedProduct(w, stride, stride, u, 4, n, Aligned.floats(stride), plain);
            for (int r = 0; r < stride; r++) {
                float sum = 0f;
                for (int c0 = 0; c0 < n; c0 += FloatKernels.CHUNK) {
                    float chunk = 0f;
                    for (int m = Math.max(4, c0); m < Math.min(n, c0 + FloatKernels.CHUNK); m++) {
                        chunk = Math.fma(w[b + m * stride + r], u[b + m], chunk);
                    }
                    sum = c0 == 0 ? chunk : sum + chunk;
                }
                assertEquals(sum, plain[b + r], 0f, "row " + r);
            }
            FloatKernels.columnProduct(w, stride, stride, u, 0, 4, true, plain);
            FloatVectorKernels.chunkedProduct(w, stride, stride, u, 4, n, new int[n], Aligned.floats(stride), simd);
            FloatVectorKernels.columnProduct(w, stride, stride, u, 0, 4, true, new int[n], simd);
            assertArrayEquals(plain, simd, "stride " + stride);
        }
    }

    /**
     * The error each cell gets back: the SIMD sum (sixteen partial sums in a vector, over the padded
     * outputs, folded in lanes) gives the plain loop's bits, with deltas of 0 and -0 among them, and
     * is the sum it stands for (against one in doubles).
     */
    @Test
    void cellErrorsInVectorsGiveThePlainBits() {
        SplittableRandom rng = new SplittableRandom(7);
        final int b = FloatKernels.LEAD;
        for (int n : new int[] {1, 13, 16, 25, 88}) {
            int stride = PackedWeights.roundUp(n, FloatVectorKernels.lanes());
            int[] cells = {2, 0, 1, 4, 3};
            float[] w = Aligned.floats(cells.length * stride);
            for (int i = 0; i < cells.length; i++) {
                for (int k = 0; k < n; k++) {
                    w[b + i * stride + k] = (float) (rng.nextDouble() * 2 - 1);
                }
            }
            float[] delta = Aligned.floats(stride);
            for (int k = 0; k < n; k++) {
                delta[b + k] = k % 5 == 0 ? 0f : k % 7 == 0 ? -0f : (float) (rng.nextDouble() - 0.5);
            }
            float[] plain = Aligned.floats(cells.length);
            float[] simd = Aligned.floats(cells.length);
            FloatKernels.cellErrors(w, stride, cells, delta, n, plain, new float[FloatKernels.PARTIALS]);
            FloatVectorKernels.cellErrors(w, stride, cells, delta, n, simd, new float[FloatKernels.PARTIALS]);
            assertArrayEquals(plain, simd, n + " outputs");
            for (int i = 0; i < cells.length; i++) {
                double exact = 0;
                for (int k = 0; k < n; k++) {
                    exact += (double) w[b + i * stride + k] * delta[b + k];
                }
                assertEquals(exact, plain[b + cells[i]], 1e-6, n + " outputs, cell " + cells[i]);
            }
        }
    }

    /** Prints the digests (to record them from an engine version). */
    public static void main(String[] args) {
        for (LstmConfig c : FloatPathTest.configs()) {
            System.out.printf("        0x%016xL,%n        0x%016xL,%n", EngineBitsTest.digest(c, Arithmetic.PLAIN, Precision.FLOAT),
                    EngineBitsTest.digest(c, Arithmetic.SIMD, Precision.FLOAT));
        }
    }
}
