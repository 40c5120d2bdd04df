package bebop.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Kalman filter's speed work changed no bit of its results: digests of its outputs, weights and
 * covariance restarts over a few hundred steps equal those the filter gave before it (commit a43d115),
 * for the paper's Experiment 1 and 2 nets and random masks, every measurement, decoupled and global,
 * and settings whose filter diverges and restarts; in both arithmetics (they differ in the derivatives).
 */
class DekfBitsTest {
    private static final KalmanSettings DEFAULTS = KalmanSettings.defaults();

    static LstmConfig[] configs() {
        SplittableRandom rng = new SplittableRandom(78);
        return new LstmConfig[] {
            LstmConfig.experiment1(),
            LstmConfig.experiment2(),
            TestNets.randomConfig(rng, 6, 6, 4, 3, true, true, 0.5),
            TestNets.randomConfig(rng, 7, 7, 5, 2, false, true, 0.5),
        };
    }

    static KalmanSettings[] settings() {
        return new KalmanSettings[] {
            DEFAULTS,
            DEFAULTS.withMeasurement(KalmanSettings.Measurement.OUTPUT),
            DEFAULTS.withMeasurement(KalmanSettings.Measurement.LOGIT),
            DEFAULTS.withDecoupled(false),
            // the guard at work: restarts on every net
            DEFAULTS.withInitialCovariance(1e12).withMeasurementNoise(1e-12, 1e-12).withProcessNoise(0, 0),
            DEFAULTS.withInitialCovariance(1e300).withMeasurement(KalmanSettings.Measurement.LOGIT),
        };
    }

    /** Outputs of every step, then the weights and the number of restarts, after 3 passes of 96 steps. */
    static long digest(LstmConfig cfg, KalmanSettings settings, Arithmetic arithmetic) {
        SplittableRandom rng = new SplittableRandom(5);
        LstmNetwork net = LstmNetwork.create(cfg, rng, arithmetic);
        double[][] f = PackedLearnerTest.frames(rng, 97, cfg.inputs());
        DekfLearner dekf = new DekfLearner(net, settings);
        long h = 17;
        for (int pass = 0; pass < 3; pass++) {
            dekf.reset();
            for (int t = 0; t < 96; t++) {
                h = EngineBitsTest.mix(h, dekf.step(f[t], f[t + 1]));
            }
        }
        h = EngineBitsTest.mix(h, dekf.weights());
        return EngineBitsTest.mix(h, new double[] {dekf.covarianceResets()});
    }


    /** Digests from the filter before the speed work (commit a43d115): configs by rows, settings by columns. */
    private static final long[][] PLAIN = {
        {0xfeb6fc35c082951bL, 0x1820d946103731ebL, 0x42253324e94af362L, 0L, 0x4918517aa3b1ca1dL, 0x245ac46a36c179a0L},
        {0x7698217846e0ce81L, 0xa1805bed32b49382L, 0xfd2b7167fe90b230L, 0L, 0xd24a1683e909cb82L, 0x57da596f6856e2f8L},
        {0x7fd789aefaafaed7L, 0xc897fa92e6c6865dL, 0xc8daba78f9d12887L, 0x4ab142d7b1bc47dfL, 0x61b116cb5f7c62ddL, 0x726b63f92180cbe7L},
        {0x8a0f765e8902858dL, 0x717463c125fc3887L, 0xd2a58841b1431fceL, 0x1efb76d50de3db1bL, 0xe3595192ef0b8acdL, 0x9afcab951120ba3bL},
    };

    /** The same with {@link Arithmetic#SIMD}. */
    private static final long[][] SIMD = {
        {0xd81b451087d0a20aL, 0xece9f79715850544L, 0x71ac36f44c4eb687L, 0L, 0xe44f53b72bf2a769L, 0x686c796399b5b277L},
        {0x20db02eb97486347L, 0xff97612230363270L, 0x37f000351b35fffdL, 0L, 0xd4b4b3dd8e75e00bL, 0xd4afddf6df06286aL},
        {0xd8f457711b92199bL, 0xb643b5b4f4efc437L, 0x672893db85474fb0L, 0x6db725eb700a93d6L, 0x8e059a2db8825ec7L, 0x2f1b248aee43e384L},
        {0xc31eeb8e15b55867L, 0x1a649d9ecfa25fd9L, 0xa9c76ce07a79baa8L, 0x2c9767f1fe0a8291L, 0x6edb778683f1492dL, 0xd61d716be4a1270fL},
    };

    @Test
    void resultsAreBitIdenticalToTheFilterBeforeTheSpeedWork() {
        assertDigests(PLAIN, Arithmetic.PLAIN);
        assertDigests(SIMD, Arithmetic.SIMD);
    }

    private static void assertDigests(long[][] expected, Arithmetic arithmetic) {
        LstmConfig[] cfgs = configs();
        KalmanSettings[] set = settings();
        for (int i = 0; i < cfgs.length; i++) {
            for (int j = 0; j < set.length; j++) {
                if (skipped(i, set[j])) {
                    continue;
                }
                assertEquals(expected[i][j], digest(cfgs[i], set[j], arithmetic),
                        arithmetic.id() + ", config " + i + ", settings " + j);
            }
        }
    }

    /** The global filter of the paper's nets (a covariance of every pair of their 800-2,000 weights) takes minutes: left out. */
    private static boolean skipped(int config, KalmanSettings settings) {
        return config < 2 && !settings.decoupled();
    }

    /** Prints the digests of one arithmetic, {@code plain} or {@code simd} (to record them from a filter version). */
    public static void main(String[] args) {
        Arithmetic arithmetic = Arithmetic.valueOf(args[0].toUpperCase(java.util.Locale.ROOT));
        LstmConfig[] cfgs = configs();
        for (int i = 0; i < cfgs.length; i++) {
            StringBuilder row = new StringBuilder("        {");
            for (KalmanSettings s : settings()) {
                row.append(skipped(i, s) ? "0L, " : String.format("0x%016xL, ", digest(cfgs[i], s, arithmetic)));
            }
            System.out.println(row.append("},"));
        }
    }
}
