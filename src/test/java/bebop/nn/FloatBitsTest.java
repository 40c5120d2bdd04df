package bebop.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The float path's bits ({@link Precision#FLOAT}), pinned as {@link EngineBitsTest} pins the
 * double path's: digests of the outputs and weights after online training, and of the outputs of
 * a runner and a free runner, on the nets of {@link FloatPathTest#configs()}, for the plain and
 * the SIMD arithmetic (which differ by the rounding of {@code exp} only; neither depends on the
 * machine's vector length). A change of these digests is a change of the float path's results.
 */
class FloatBitsTest {
    /** A digest of the float path's results on {@code cfg}: training, then inference, then free-running. */
    static long digest(LstmConfig cfg, Arithmetic arithmetic) {
        SplittableRandom rng = new SplittableRandom(5);
        LstmNetwork net = LstmNetwork.create(cfg, rng, arithmetic);
        int n = cfg.inputs();
        double[][] f = new double[97][n];
        for (double[] row : f) {
            for (int i = 0; i < n; i++) {
                row[i] = rng.nextDouble() < 0.3 ? 1 : 0;
            }
        }
        long h = 17;
        StepLearner l = net.newLearner(0.01, 0.9, Precision.FLOAT);
        for (int pass = 0; pass < 3; pass++) {
            l.reset();
            for (int t = 0; t < 96; t++) {
                h = mix(h, l.step(f[t], f[t + 1]));
            }
        }
        for (double[] p : net.parameters().values()) {
            h = mix(h, p);
        }
        LstmRunner r = net.newRunner(Precision.FLOAT);
        for (int t = 0; t < 96; t++) {
            h = mix(h, r.step(f[t]));
        }
        h = mix(h, r.cellStates());
        FreeRunner free = new FreeRunner(net, Normalizer.identity(n), FeedbackRule.threshold(0.5), Precision.FLOAT);
        free.prime(f[0], f[1]);
        for (int t = 0; t < 96; t++) {
            free.next();
            h = mix(h, free.outputs());
        }
        return h;
    }

    private static long mix(long h, double[] a) {
        for (double d : a) {
            h = h * 0x9E3779B97F4A7C15L + Double.doubleToRawLongBits(d);
            h ^= h >>> 29;
        }
        return h;
    }

    /** Per config of {@link FloatPathTest#configs()}: the plain arithmetic's digest, then the SIMD one's. */
    private static final long[] DIGESTS = {
        0x6e8538ff4f7e6f08L,
        0x828538c9392d7c86L,
        0x39fdcdac6f4b2a7bL,
        0x5c66db7b48e596abL,
    };

    @Test
    void theFloatPathsBitsAreThePinnedOnes() {
        LstmConfig[] cfgs = FloatPathTest.configs();
        for (int i = 0; i < cfgs.length; i++) {
            assertEquals(DIGESTS[2 * i], digest(cfgs[i], Arithmetic.PLAIN), "config " + i + ", plain");
            assertEquals(DIGESTS[2 * i + 1], digest(cfgs[i], Arithmetic.SIMD), "config " + i + ", SIMD");
        }
    }

    /** Prints the digests (to record them from an engine version). */
    public static void main(String[] args) {
        for (LstmConfig c : FloatPathTest.configs()) {
            System.out.printf("        0x%016xL,%n        0x%016xL,%n", digest(c, Arithmetic.PLAIN), digest(c, Arithmetic.SIMD));
        }
    }
}
