package bebop.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The engine's speed work changed no bit of its results: digests of the weights after online
 * training, and of the outputs of a runner and a free runner, equal the digests that the engine
 * gave before the kernels were rewritten (computed with commit 9f01f3c, the last before them).
 * Covers fully connected nets (runs of sources: the fast paths), the paper's Experiment 1 and 2
 * nets, and random masks (index lists: the general paths), with and without peepholes. This is
 * the plain-Java path ({@link Arithmetic#PLAIN}); {@link SimdPathTest} checks the SIMD path against it.
 */
class EngineBitsTest {
    static LstmConfig[] configs() {
        SplittableRandom rng = new SplittableRandom(77);
        return new LstmConfig[] {
            LstmConfig.experiment1(),
            LstmConfig.experiment2(),
            LstmConfig.fullyConnected(25, 25, 16, 1, LstmConfig.GateBiasSet.ZERO).withPeepholes(false),
            LstmConfig.fullyConnected(9, 9, 5, 3, LstmConfig.GateBiasSet.NNSP),
            TestNets.randomConfig(rng, 6, 6, 4, 3, true, true, 0.5),
            TestNets.randomConfig(rng, 7, 7, 5, 2, false, true, 0.5),
        };
    }

    /** A digest of the engine's results on {@code cfg}: training, then inference, then free-running. */
    static long digest(LstmConfig cfg) {
        return digest(cfg, Arithmetic.PLAIN, Precision.DOUBLE);
    }

    /** The same digest in {@code arithmetic} and {@code precision} ({@link FloatBitsTest} pins the float path's). */
    static long digest(LstmConfig cfg, Arithmetic arithmetic, Precision precision) {
        SplittableRandom rng = new SplittableRandom(5);
        LstmNetwork net = LstmNetwork.create(cfg, rng, arithmetic);
        int n = cfg.inputs();
        double[][] f = PackedLearnerTest.frames(rng, 97, n);
        long h = 17;
        StepLearner l = net.newLearner(0.01, 0.9, precision);
        for (int pass = 0; pass < 3; pass++) {
            l.reset();
            for (int t = 0; t < 96; t++) {
                h = mix(h, l.step(f[t], f[t + 1]));
            }
        }
        for (double[] p : net.parameters().values()) {
            h = mix(h, p);
        }
        LstmRunner r = net.newRunner(precision);
        for (int t = 0; t < 96; t++) {
            h = mix(h, r.step(f[t]));
        }
        h = mix(h, r.cellStates());
        FreeRunner free = new FreeRunner(net, Normalizer.identity(n), FeedbackRule.threshold(0.5), precision);
        free.prime(f[0], f[1]);
        for (int t = 0; t < 96; t++) {
            free.next();
            h = mix(h, free.outputs());
        }
        return h;
    }

    static long mix(long h, double[] a) {
        for (double d : a) {
            h = h * 0x9E3779B97F4A7C15L + Double.doubleToRawLongBits(d);
            h ^= h >>> 29;
        }
        return h;
    }

    /** Digests from the engine before the speed work (commit 9f01f3c), in {@link #configs()} order. */
    private static final long[] BEFORE = {
        0x7cd6e327ec651919L,
        0x22f3e0632d84a260L,
        0x63da10a5b6081decL,
        0xd2dec01b7fdc859eL,
        0x7d4bc8fc63301573L,
        0x1153882252d7c781L,
    };

    @Test
    void resultsAreBitIdenticalToTheEngineBeforeTheSpeedWork() {
        LstmConfig[] cfgs = configs();
        for (int i = 0; i < cfgs.length; i++) {
            assertEquals(BEFORE[i], digest(cfgs[i]), "config " + i);
        }
    }

    /** Prints the digests (to record them from an engine version). */
    public static void main(String[] args) {
        for (LstmConfig c : configs()) {
            System.out.printf("        0x%016xL,%n", digest(c));
        }
    }
}
