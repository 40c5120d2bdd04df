package bebop.nn.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import bebop.nn.FeedbackRule;
import bebop.nn.FreeRunner;
import bebop.nn.LstmConfig;
import bebop.nn.LstmNetwork;
import bebop.nn.LstmRunner;
import bebop.nn.Normalizer;
import bebop.nn.OnlineLearner;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hot loops allocate nothing: bytes allocated by this thread around many steps (a count of
 * bytes, not a timing), on both arithmetics. The loops run long enough for the JIT to compile
 * them first, so the measurement sees the compiled code, and the interpreter's own allocations
 * are left out.
 *
 * <p>The SIMD path's kernels box their vectors until C2 compiles them with the Vector API's
 * intrinsics, and on a busy machine that can take longer than any fixed warm-up (one full test
 * run measured 29.6 kB a step after it): so the SIMD path is measured in successive windows, and
 * one window without an allocation shows that the compiled code allocates nothing. A JIT that
 * never compiles the kernels properly (every window allocating) fails the test.
 */
class AllocationTest {
    private static final int WARM = 30_000;
    private static final int STEPS = 100_000;
    /** Windows of {@link #STEPS} steps the SIMD path gets to show an allocation-free one. */
    private static final int SIMD_WINDOWS = 20;
    /** Allowed bytes per step: a stray allocation of even 16 bytes per step would show as 16. */
    private static final double MAX_BYTES_PER_STEP = 0.05;

    private static com.sun.management.ThreadMXBean threads;
    private static boolean simdWas;

    @BeforeAll
    static void bean() {
        simdWas = bebop.nn.Simd.enabled();
        var bean = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "no allocation counter");
        threads = (com.sun.management.ThreadMXBean) bean;
        Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported(), "no allocation counter");
        threads.setThreadAllocatedMemoryEnabled(true);
    }

    @org.junit.jupiter.api.AfterAll
    static void restore() {
        bebop.nn.SimdSwitch.set(simdWas && bebop.nn.Simd.available());
    }

    /** The arithmetics this JVM has: plain, and SIMD when the Vector API module is present. */
    private static boolean[] paths() {
        return bebop.nn.Simd.available() ? new boolean[] {false, true} : new boolean[] {false};
    }

    private static double bytesPerStep(Runnable step) {
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < STEPS; i++) {
            step.run();
        }
        long after = threads.getThreadAllocatedBytes(id);
        return (after - before) / (double) STEPS;
    }

    private static void check(String what, boolean simd, Runnable step) {
        for (int i = 0; i < WARM; i++) {
            step.run();
        }
        double least = Double.POSITIVE_INFINITY;
        for (int w = 0; w < (simd ? SIMD_WINDOWS : 1) && least > MAX_BYTES_PER_STEP; w++) {
            least = Math.min(least, bytesPerStep(step));
        }
        assertTrue(least <= MAX_BYTES_PER_STEP, what + (simd ? " (SIMD)" : " (plain)") + " allocates " + least
                + " bytes per step");
    }

    private static LstmConfig[] configs() {
        return new LstmConfig[] {LstmConfig.experiment2(), EngineBench.standard(25, 16), LstmConfig.experiment1()};
    }

    @Test
    void onlineLearningStepAllocatesNothing() {
        for (boolean simd : paths()) {
            bebop.nn.SimdSwitch.set(simd);
            for (LstmConfig cfg : configs()) {
                OnlineLearner l = LstmNetwork.create(cfg, 1).newLearner(1e-4, 0.9);
                double[][] f = EngineBench.frames(cfg.inputs(), 3);
                int[] t = {0};
                check("online step " + cfg.blocks() + " blocks", simd, () -> {
                    int i = t[0];
                    l.step(f[i], f[i + 1]);
                    t[0] = i + 1 == EngineBench.SEQUENCE ? 0 : i + 1;
                });
            }
        }
    }

    @Test
    void forwardStepAllocatesNothing() {
        for (boolean simd : paths()) {
            bebop.nn.SimdSwitch.set(simd);
            for (LstmConfig cfg : configs()) {
                LstmRunner r = LstmNetwork.create(cfg, 1).newRunner();
                double[][] f = EngineBench.frames(cfg.inputs(), 3);
                int[] t = {0};
                check("forward step " + cfg.blocks() + " blocks", simd, () -> {
                    int i = t[0];
                    r.step(f[i]);
                    t[0] = i + 1 == EngineBench.SEQUENCE ? 0 : i + 1;
                });
            }
        }
    }

    @Test
    void generationStepAllocatesNothing() {
        for (boolean simd : paths()) {
            bebop.nn.SimdSwitch.set(simd);
            for (LstmConfig cfg : configs()) {
                FreeRunner free = new FreeRunner(LstmNetwork.create(cfg, 1), Normalizer.identity(cfg.inputs()),
                        FeedbackRule.threshold(0.5));
                free.prime(new double[cfg.inputs()]);
                check("generation step " + cfg.blocks() + " blocks", simd, free::next);
            }
        }
    }
}
