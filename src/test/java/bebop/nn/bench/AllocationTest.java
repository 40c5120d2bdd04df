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
 * bytes, not a timing). The loops run long enough for the JIT to compile them first, so the
 * measurement sees the compiled code, and the interpreter's own allocations are left out.
 */
class AllocationTest {
    private static final int WARM = 30_000;
    private static final int STEPS = 100_000;
    /** Allowed bytes per step: a stray allocation of even 16 bytes per step would show as 16. */
    private static final double MAX_BYTES_PER_STEP = 0.05;

    private static com.sun.management.ThreadMXBean threads;
    private static boolean simdWas;

    /*
     * The plain path: whether the Vector API kernels allocate depends on the JIT (they box their
     * vectors where C2 does not compile them with intrinsics), so it is no property of our loops
     * that a test can pin. Measured in full test runs: 29.6 kB a step once; 1,152 bytes a step on
     * the Experiment 2 net in every one of 20 windows of 100,000 steps in another (a steady state,
     * not a warm-up), and 0 in the other runs and whenever this class runs alone.
     */
    @BeforeAll
    static void plainPath() {
        simdWas = bebop.nn.SimdSwitch.set(false);
    }

    @org.junit.jupiter.api.AfterAll
    static void restore() {
        bebop.nn.SimdSwitch.set(simdWas);
    }

    @BeforeAll
    static void bean() {
        var bean = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "no allocation counter");
        threads = (com.sun.management.ThreadMXBean) bean;
        Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported(), "no allocation counter");
        threads.setThreadAllocatedMemoryEnabled(true);
    }

    private static double bytesPerStep(Runnable step) {
        for (int i = 0; i < WARM; i++) {
            step.run();
        }
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < STEPS; i++) {
            step.run();
        }
        long after = threads.getThreadAllocatedBytes(id);
        return (after - before) / (double) STEPS;
    }

    private static void check(String what, Runnable step) {
        double b = bytesPerStep(step);
        assertTrue(b <= MAX_BYTES_PER_STEP, what + " allocates " + b + " bytes per step");
    }

    private static LstmConfig[] configs() {
        return new LstmConfig[] {LstmConfig.experiment2(), EngineBench.standard(25, 16), LstmConfig.experiment1()};
    }

    @Test
    void onlineLearningStepAllocatesNothing() {
        for (LstmConfig cfg : configs()) {
            OnlineLearner l = LstmNetwork.create(cfg, 1).newLearner(1e-4, 0.9);
            double[][] f = EngineBench.frames(cfg.inputs(), 3);
            int[] t = {0};
            check("online step " + cfg.blocks() + " blocks", () -> {
                int i = t[0];
                l.step(f[i], f[i + 1]);
                t[0] = i + 1 == EngineBench.SEQUENCE ? 0 : i + 1;
            });
        }
    }

    @Test
    void forwardStepAllocatesNothing() {
        for (LstmConfig cfg : configs()) {
            LstmRunner r = LstmNetwork.create(cfg, 1).newRunner();
            double[][] f = EngineBench.frames(cfg.inputs(), 3);
            int[] t = {0};
            check("forward step " + cfg.blocks() + " blocks", () -> {
                int i = t[0];
                r.step(f[i]);
                t[0] = i + 1 == EngineBench.SEQUENCE ? 0 : i + 1;
            });
        }
    }

    @Test
    void generationStepAllocatesNothing() {
        for (LstmConfig cfg : configs()) {
            FreeRunner free = new FreeRunner(LstmNetwork.create(cfg, 1), Normalizer.identity(cfg.inputs()),
                    FeedbackRule.threshold(0.5));
            free.prime(new double[cfg.inputs()]);
            check("generation step " + cfg.blocks() + " blocks", free::next);
        }
    }
}
