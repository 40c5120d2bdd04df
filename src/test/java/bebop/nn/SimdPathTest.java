package bebop.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The engine's SIMD path (Vector API) against its plain-Java path, which {@link EngineBitsTest}
 * pins to the bit: kernels one by one, then whole networks (the nets of {@link EngineBitsTest},
 * covering runs of sources and index lists, peepholes, masks and several cells per block) through
 * online training, inference and free-running generation. The two differ only by the rounding of
 * {@code exp}.
 */
class SimdPathTest {
    private static final int LEAD = Kernels.LEAD;

    @Test
    void theTestRunHasTheVectorApiSoTheSimdPathIsTested() {
        assertTrue(Arithmetic.SIMD.available(), "surefire must start the JVM with --add-modules jdk.incubator.vector (pom.xml)");
        assertEquals(Arithmetic.SIMD, Arithmetic.DEFAULT, "the SIMD path is the default where the module is present");
    }

    @Test
    void squashingFunctionsAgreeWithActivationsIncludingTheClampAndOddLengths() {
        double[] x = new double[203];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i - 101) * 0.37;
        }
        x[0] = -1e6;
        x[1] = 1e6;
        x[2] = -0.0;
        double[] out = new double[x.length];
        VectorKernels.squash(x, out, x.length, 1.0, 0.0);
        for (int i = 0; i < x.length; i++) {
            assertEquals(Activations.sigmoid(x[i]), out[i], 1e-15, "sigmoid(" + x[i] + ")");
        }
        VectorKernels.squash(x, out, x.length, 4.0, -2.0);
        for (int i = 0; i < x.length; i++) {
            assertEquals(Activations.g(x[i]), out[i], 4e-15, "g(" + x[i] + ")");
        }
        VectorKernels.squash(x, out, x.length, 2.0, -1.0);
        for (int i = 0; i < x.length; i++) {
            assertEquals(Activations.h(x[i]), out[i], 2e-15, "h(" + x[i] + ")");
        }
    }

    @Test
    void eachSquashedValueIsTheSameInAVectorAndAlone() {
        // Elements past the last whole vector are squashed one by one: with the same operations, so
        // that a result does not depend on the machine's vector length.
        // A vector is clamped only when one of its lanes is beyond the clamp (the others then pass it
        // unchanged); one by one every value is: the special values in some vectors only.
        int lanes = VectorKernels.lanes();
        double[] x = new double[4 * lanes];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i - x.length / 2) * 1.37 + 0.001 * i;
        }
        double[] special = {30.000000000000004, -1e300, Double.POSITIVE_INFINITY, Double.NaN, -0.0, 30.0};
        for (int i = 0; i < special.length; i++) {
            x[(i % 3) * lanes + i] = special[i];
        }
        double[][] scaleShift = {{1.0, 0.0}, {4.0, -2.0}, {2.0, -1.0}};
        for (double[] f : scaleShift) {
            double[] together = new double[x.length];
            VectorKernels.squash(x, together, x.length, f[0], f[1]);
            for (int i = 0; i < x.length; i++) {
                double[] alone = new double[1];
                VectorKernels.squash(new double[] {x[i]}, alone, 1, f[0], f[1]);
                assertEquals(Double.doubleToRawLongBits(together[i]), Double.doubleToRawLongBits(alone[0]),
                        "x " + x[i] + " scale " + f[0]);
            }
        }
    }

    @Test
    void squashVectorsGivesSquashsBitsAtAnyOffsetAndCount() {
        int lanes = VectorKernels.lanes();
        int n = 7; // odd: the last vector is computed twice
        double[] x = new double[3 + n * lanes];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i - x.length / 2) * 0.9 + 0.001 * i;
        }
        // one lane beyond the clamp in some vectors only, and the special values
        double[] special = {30.0, -30.0, 30.000000000000004, -45, 1e300, Double.NEGATIVE_INFINITY, -0.0, Double.NaN};
        for (int i = 0; i < special.length; i++) {
            x[3 + (i % n) * lanes + i % lanes] = special[i];
        }
        double[][] scaleShift = {{1.0, 0.0}, {4.0, -2.0}, {2.0, -1.0}};
        for (double[] f : scaleShift) {
            double[] want = new double[x.length];
            VectorKernels.squash(x, want, x.length, f[0], f[1]);
            double[] got = new double[x.length + 5];
            VectorKernels.squashVectors(x, 3, got, 5, n, f[0], f[1]);
            for (int i = 3; i < x.length; i++) {
                assertEquals(Double.doubleToRawLongBits(want[i]), Double.doubleToRawLongBits(got[i + 2]),
                        "x " + x[i] + " scale " + f[0]);
            }
        }
    }

    @Test
    void expIsWithinTwoUnitsInTheLastPlaceOverTheClampedRange() {
        double[] x = new double[8001];
        for (int i = 0; i < x.length; i++) {
            x[i] = -30 + i * 0.0075 + (i % 7) * 1e-7;
        }
        double[] out = new double[x.length];
        VectorKernels.squash(x, out, x.length, 1.0, 0.0);
        double[] e = new double[x.length];
        for (int i = 0; i + VectorKernels.lanes() <= x.length; i += VectorKernels.lanes()) {
            VectorExp.exp(jdk.incubator.vector.DoubleVector.fromArray(jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED, x, i))
                    .intoArray(e, i);
        }
        for (int i = 0; i + VectorKernels.lanes() <= x.length; i++) {
            double want = StrictMath.exp(x[i]);
            assertEquals(want, e[i], 2 * Math.ulp(want), "exp(" + x[i] + ")");
            assertEquals(Double.doubleToRawLongBits(e[i]), Double.doubleToRawLongBits(VectorExp.exp(x[i])));
        }
    }

    @Test
    void theColumnProductGivesThePlainLoopsBitsInPassesAndStreamed() {
        SplittableRandom rng = new SplittableRandom(12);
        int lanes = VectorKernels.lanes();
        // rows below VectorKernels.STREAM_ROWS (sums in registers, every source taken) and above it
        // (sums in memory, the nonzero sources only), sources that are zero (+0 and -0 against weights
        // of both signs: the products taken below are signed zeros) a few or all of them
        for (double ones : new double[] {0.4, 0.0}) {
            for (int rows : new int[] {1, 7, 3 * lanes, 3 * lanes - 2, 2 * lanes - 3, 64, 93, VectorKernels.STREAM_ROWS - 1,
                VectorKernels.STREAM_ROWS + 5, 1030}) {
                int stride = (rows + lanes - 1) / lanes * lanes;
                int n = 45;
                double[] w = Aligned.doubles(n * stride);
                for (int i = LEAD; i < w.length; i++) {
                    w[i] = rng.nextDouble(-1, 1);
                }
                double[] u = new double[n + 3];
                int[] nz = new int[n];
                int count = 0;
                for (int m = 0; m < n; m++) {
                    u[3 + m] = rng.nextDouble() < ones ? rng.nextDouble(-2, 2) : rng.nextBoolean() ? 0.0 : -0.0;
                    if (u[3 + m] != 0.0) {
                        nz[count++] = m;
                    }
                }
                columnProductMatchesThePlainLoop(w, stride, rows, u, n, nz, count);
            }
        }
    }

    /** The product over the nonzero sources alone, as the plain loop skips them, against the vectors'. */
    private static void columnProductMatchesThePlainLoop(double[] w, int stride, int rows, double[] u, int n, int[] nz,
                                                         int count) {
        double[] expected = new double[rows];
        for (int q = 0; q < count; q++) {
            for (int r = 0; r < rows; r++) {
                expected[r] = expected[r] + w[LEAD + nz[q] * stride + r] * u[3 + nz[q]];
            }
        }
        double[] out = Aligned.doubles(stride);
        java.util.Arrays.fill(out, Double.NaN); // whatever was there before
        VectorKernels.columnProduct(w, stride, rows, u, 3, n, nz, count, out);
        for (int r = 0; r < rows; r++) {
            assertEquals(Double.doubleToRawLongBits(expected[r]), Double.doubleToRawLongBits(out[LEAD + r]),
                    rows + " rows, " + count + " nonzero sources, row " + r);
        }
    }

    @Test
    void thePackedLearnersKernelsGiveThePlainLoopsBits() {
        SplittableRandom rng = new SplittableRandom(21);
        int lanes = VectorKernels.lanes();
        for (int sc = 1; sc <= 3; sc++) {
            for (boolean record : new boolean[] {false, true}) {
                // a group of 5 blocks of sc cells, segments padded to whole vectors as PackedWeights pads them
                int b = 5;
                int a = PackedWeights.roundUp(2 * b, lanes);
                int c = PackedWeights.roundUp(sc * b, lanes);
                int o = PackedWeights.roundUp(b, lanes);
                int stride = a + c + o;
                int traceStride = sc * a + c;
                int n = 13;
                double[] u = random(rng, n + 2);
                u[4] = 0.0;
                double[] decay = aligned(random(rng, traceStride));
                double[] gain = aligned(random(rng, traceStride));
                double[] scale = aligned(random(rng, traceStride));
                double[] dOut = aligned(random(rng, o));
                double[][] plain = {aligned(random(rng, n * stride)), aligned(random(rng, n * stride)),
                    aligned(random(rng, n * traceStride)), Aligned.doubles(n * stride)};
                double[][] simd = new double[4][];
                for (int i = 0; i < 4; i++) {
                    simd[i] = plain[i].clone();
                }
                for (int step = 0; step < 3; step++) {
                    Kernels.learnBlocks(plain[0], plain[1], plain[2], record ? plain[3] : null, stride, traceStride, a, c,
                            o, sc, n, u, 2, decay, gain, scale, dOut, 0.01, 0.9);
                    VectorKernels.learnBlocks(simd[0], simd[1], simd[2], record ? simd[3] : null, stride, traceStride, a,
                            c, o, sc, n, u, 2, decay, gain, scale, dOut, 0.01, 0.9);
                }
                for (int i = 0; i < 4; i++) {
                    assertArrayEquals(plain[i], simd[i], 0.0, "sc " + sc + " record " + record + " array " + i);
                }
            }
        }
        for (int rows : new int[] {1, 12, 13, 25}) {
            int stride = PackedWeights.roundUp(rows, lanes);
            int n = 9;
            double[] src = random(rng, n);
            double[] delta = Aligned.doubles(stride);
            System.arraycopy(random(rng, rows), 0, delta, LEAD, rows); // the padding rows' deltas are 0
            double[][] plain = {Aligned.doubles(n * stride), Aligned.doubles(n * stride), Aligned.doubles(n * stride)};
            for (int s = 0; s < n; s++) {
                // the padding rows' weights and momentum terms are 0, as in the learner
                System.arraycopy(random(rng, rows), 0, plain[0], LEAD + s * stride, rows);
                System.arraycopy(random(rng, rows), 0, plain[1], LEAD + s * stride, rows);
            }
            double[][] simd = {plain[0].clone(), plain[1].clone(), plain[2].clone()};
            for (int step = 0; step < 3; step++) {
                Kernels.learnColumns(plain[0], plain[1], plain[2], stride, 0, rows, n, src, delta, 0.01, 0.9);
                VectorKernels.learnColumns(simd[0], simd[1], simd[2], stride, rows, n, src, delta, 0.01, 0.9);
            }
            for (int s = 0; s < n; s++) {
                for (int r = 0; r < stride; r++) {
                    int i = LEAD + s * stride + r;
                    if (r < rows) {
                        assertEquals(plain[0][i], simd[0][i], 0.0, "weight, rows " + rows);
                        assertEquals(plain[2][i], simd[2][i], 0.0, "gradient, rows " + rows);
                    } else {
                        assertEquals(0, Double.doubleToRawLongBits(simd[0][i]), "a padding weight stays +0");
                    }
                }
            }
        }
    }

    @Test
    void theSimdPathGivesTheSameBitsColdAndAfterTheJitCompiledIt() {
        // The first runs execute the kernels interpreted, later ones compiled: a kernel whose
        // rounding depends on that would change the weights.
        LstmConfig cfg = LstmConfig.experiment2();
        Run first = run(cfg, true);
        for (int i = 0; i < 30; i++) {
            run(cfg, true);
        }
        Run later = run(cfg, true);
        for (String name : first.weights.keySet()) {
            assertArrayEquals(first.weights.get(name), later.weights.get(name), 0.0, name);
        }
        assertArrayEquals(first.trainOutputs, later.trainOutputs, 0.0);
    }

    @Test
    void wholeNetworksTrainRunAndGenerateAlikeOnBothPaths() {
        for (LstmConfig cfg : EngineBitsTest.configs()) {
            Run plain = run(cfg, false);
            Run simd = run(cfg, true);
            assertArrayEquals(plain.trainOutputs, simd.trainOutputs, 1e-9, cfg.toString());
            for (String name : plain.weights.keySet()) {
                assertArrayEquals(plain.weights.get(name), simd.weights.get(name), 1e-9, name);
            }
            assertArrayEquals(plain.runOutputs, simd.runOutputs, 1e-9);
            assertArrayEquals(plain.generated, simd.generated, 0.0, "thresholded frames are the same");
        }
    }

    @Test
    void aRunnerReadsTheWeightsWhenMadeAndAtEveryResetOnBothPaths() {
        for (Arithmetic arithmetic : Arithmetic.values()) {
            LstmConfig cfg = LstmConfig.fullyConnected(6, 6, 4, 2, LstmConfig.GateBiasSet.ZERO).withPeepholes(false);
            LstmNetwork net = LstmNetwork.create(cfg, new SplittableRandom(9), arithmetic);
            double[] frame = {1, 0, 0, 1, 1, 0};
            LstmRunner early = net.newRunner();
            double[] before = early.step(frame).clone();
            OnlineLearner l = net.newLearner(0.5, 0.0);
            for (int t = 0; t < 20; t++) {
                l.step(frame, new double[] {0, 1, 1, 0, 0, 1});
            }
            early.reset();
            double[] after = early.step(frame).clone();
            double[] fresh = net.newRunner().step(frame);
            assertArrayEquals(fresh, after, 0.0, "after reset the runner computes with the trained weights");
            assertTrue(Math.abs(after[1] - before[1]) > 1e-3, "training moved the outputs");
        }
    }

    /** What {@link EngineBitsTest#digest} hashes, kept as numbers. */
    private record Run(double[] trainOutputs, Map<String, double[]> weights, double[] runOutputs, double[] generated) {
    }

    private static Run run(LstmConfig cfg, boolean simd) {
        SplittableRandom rng = new SplittableRandom(5);
        LstmNetwork net = LstmNetwork.create(cfg, rng, simd ? Arithmetic.SIMD : Arithmetic.PLAIN);
        int n = cfg.inputs();
        double[][] f = new double[97][n];
        for (double[] row : f) {
            for (int i = 0; i < n; i++) {
                row[i] = rng.nextDouble() < 0.3 ? 1 : 0;
            }
        }
        OnlineLearner l = net.newLearner(0.01, 0.9);
        double[] trainOutputs = new double[3 * 96 * cfg.outputs()];
        int k = 0;
        for (int pass = 0; pass < 3; pass++) {
            l.reset();
            for (int t = 0; t < 96; t++) {
                double[] y = l.step(f[t], f[t + 1]);
                System.arraycopy(y, 0, trainOutputs, k, y.length);
                k += y.length;
            }
        }
        LstmRunner r = net.newRunner();
        double[] runOutputs = new double[96 * cfg.outputs()];
        for (int t = 0; t < 96; t++) {
            System.arraycopy(r.step(f[t]), 0, runOutputs, t * cfg.outputs(), cfg.outputs());
        }
        FreeRunner free = new FreeRunner(net, Normalizer.identity(n), FeedbackRule.threshold(0.5));
        free.prime(f[0], f[1]);
        double[] generated = new double[96 * n];
        for (int t = 0; t < 96; t++) {
            System.arraycopy(free.next(), 0, generated, t * n, n);
        }
        return new Run(trainOutputs, net.parameters(), runOutputs, generated);
    }

    /** {@code a} in an aligned array, as the packed kernels take their arrays (from {@link Kernels#LEAD}). */
    private static double[] aligned(double[] a) {
        double[] out = Aligned.doubles(a.length);
        System.arraycopy(a, 0, out, LEAD, a.length);
        return out;
    }

    private static double[] random(SplittableRandom rng, int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = rng.nextDouble(-2, 2);
        }
        return a;
    }
}
