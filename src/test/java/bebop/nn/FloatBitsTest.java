package bebop.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The float path's bits ({@link Precision#FLOAT}), pinned as {@link EngineBitsTest} pins the
 * double path's: digests of the outputs and weights after online training, and of the outputs of
 * a runner and a free runner, on the nets of {@link FloatPathTest#configs()}, for the plain and
 * the SIMD arithmetic (which differ by the rounding of {@code exp} only; neither depends on the
 * machine's vector length). A change of these digests is a change of the float path's results.
 */
class FloatBitsTest {
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
            assertEquals(DIGESTS[2 * i], EngineBitsTest.digest(cfgs[i], Arithmetic.PLAIN, Precision.FLOAT), "config " + i + ", plain");
            assertEquals(DIGESTS[2 * i + 1], EngineBitsTest.digest(cfgs[i], Arithmetic.SIMD, Precision.FLOAT), "config " + i + ", SIMD");
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
