package bebop.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import bebop.nn.Arithmetic;
import bebop.nn.BatchRunner;
import bebop.nn.DekfLearner;
import bebop.nn.FeedbackRule;
import bebop.nn.FreeRunner;
import bebop.nn.KalmanSettings;
import bebop.nn.LstmConfig;
import bebop.nn.LstmNetwork;
import bebop.nn.LstmRunner;
import bebop.nn.Normalizer;
import bebop.nn.OnlineLearner;
import bebop.nn.Precision;
import bebop.nn.StepLearner;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hot loops allocate nothing: bytes allocated by this thread around many steps (a count of
 * bytes, not a timing). The loops run long enough for the JIT to compile them first, so the
 * measurement sees the compiled code, and the interpreter's own allocations are left out.
 *
 * <p>The plain path is measured here; the SIMD path in a fresh JVM of its own, as the launcher
 * runs it ({@link #main}): whether the Vector API kernels allocate depends on how C2 compiled
 * them (they box their vectors where it did not use its intrinsics), and in this test JVM, full
 * of other compiled code, it once did not (1,152 bytes a step on the Experiment 2 net, in every
 * one of 20 windows of 100,000 steps; 29.6 kB a step in another run).
 */
class AllocationTest {
    private static final int WARM = 30_000;
    private static final int STEPS = 100_000;
    /** Allowed bytes per step: a stray allocation of even 16 bytes per step would show as 16. */
    private static final double MAX_BYTES_PER_STEP = 0.05;
    private static final int WINDOWS = 5;

    private static com.sun.management.ThreadMXBean threads;

    @BeforeAll
    static void bean() {
        var bean = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "no allocation counter");
        threads = (com.sun.management.ThreadMXBean) bean;
        Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported(), "no allocation counter");
        threads.setThreadAllocatedMemoryEnabled(true);
    }

    private static double bytesPerStep(Runnable step, int warm, int steps) {
        for (int i = 0; i < warm; i++) {
            step.run();
        }
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < steps; i++) {
            step.run();
        }
        long after = threads.getThreadAllocatedBytes(id);
        return (after - before) / (double) steps;
    }

    private static void check(String what, Runnable step) {
        check(what, step, WARM, STEPS);
    }

    /** Up to {@link #WINDOWS} windows of steps, until one allocates nothing: the JIT may still be compiling in the first. */
    private static void check(String what, Runnable step, int warm, int steps) {
        double b = bytesPerStep(step, warm, steps);
        for (int w = 1; w < WINDOWS && b > MAX_BYTES_PER_STEP; w++) {
            b = bytesPerStep(step, warm, steps);
        }
        assertTrue(b <= MAX_BYTES_PER_STEP, what + " allocates " + b + " bytes per step");
    }

    @Test
    void theSimdPathAllocatesNothingInAFreshJvm() throws Exception {
        String jvm = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the launcher's flags for the vector commands (./bebop): objects on 64-byte lines
        Process child = new ProcessBuilder(jvm, "--add-modules", "jdk.incubator.vector", "-XX:ObjectAlignmentInBytes=64",
                "-cp", System.getProperty("java.class.path"), AllocationTest.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child JVM did not finish");
        assertTrue(child.exitValue() == 0 && out.contains("SIMD path: all allocation-free"), out);
    }

    /**
     * The checks of this class on the SIMD path (run by {@link #theSimdPathAllocatesNothingInAFreshJvm}):
     * prints each step's bytes and exits 1 when one allocates.
     */
    public static void main(String[] args) {
        bean();
        try {
            onlineLearningStepsAllocateNothing(Arithmetic.SIMD);
            kalmanStepsAllocateNothing(Arithmetic.SIMD);
            forwardStepsAllocateNothing(Arithmetic.SIMD);
            generationStepsAllocateNothing(Arithmetic.SIMD);
            batchStepsAllocateNothing(Arithmetic.SIMD);
            floatStepsAllocateNothing(Arithmetic.SIMD);
        } catch (AssertionError e) {
            System.out.println(e.getMessage());
            System.exit(1);
        }
        System.out.println("SIMD path: all allocation-free");
    }

    private static LstmConfig[] configs() {
        return new LstmConfig[] {LstmConfig.experiment2(), EngineBench.standard(25, 16), LstmConfig.experiment1()};
    }

    @Test
    void onlineLearningStepAllocatesNothing() {
        onlineLearningStepsAllocateNothing(Arithmetic.PLAIN);
    }

    private static void onlineLearningStepsAllocateNothing(Arithmetic arithmetic) {
        for (LstmConfig cfg : configs()) {
            OnlineLearner l = LstmNetwork.create(cfg, new SplittableRandom(1), arithmetic).newLearner(1e-4, 0.9);
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
    void kalmanStepAllocatesNothing() {
        kalmanStepsAllocateNothing(Arithmetic.PLAIN);
    }

    /** The paper's nets, in windows of 10,000 steps (a step of the filter takes 30-200 us, not 1-5). */
    private static void kalmanStepsAllocateNothing(Arithmetic arithmetic) {
        for (LstmConfig cfg : new LstmConfig[] {LstmConfig.experiment2(), LstmConfig.experiment1()}) {
            DekfLearner l = new DekfLearner(LstmNetwork.create(cfg, new SplittableRandom(1), arithmetic),
                    KalmanSettings.defaults());
            double[][] f = EngineBench.frames(cfg.inputs(), 3);
            int[] t = {0};
            check("Kalman step " + cfg.blocks() + " blocks", () -> {
                int i = t[0];
                l.step(f[i], f[i + 1]);
                t[0] = i + 1 == EngineBench.SEQUENCE ? 0 : i + 1;
            }, 5_000, 10_000);
        }
    }

    @Test
    void forwardStepAllocatesNothing() {
        forwardStepsAllocateNothing(Arithmetic.PLAIN);
    }

    private static void forwardStepsAllocateNothing(Arithmetic arithmetic) {
        for (LstmConfig cfg : configs()) {
            LstmRunner r = LstmNetwork.create(cfg, new SplittableRandom(1), arithmetic).newRunner();
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
        generationStepsAllocateNothing(Arithmetic.PLAIN);
    }

    private static void generationStepsAllocateNothing(Arithmetic arithmetic) {
        for (LstmConfig cfg : configs()) {
            FreeRunner free = new FreeRunner(LstmNetwork.create(cfg, new SplittableRandom(1), arithmetic), Normalizer.identity(cfg.inputs()),
                    FeedbackRule.threshold(0.5));
            free.prime(new double[cfg.inputs()]);
            check("generation step " + cfg.blocks() + " blocks", free::next);
        }
    }

    @Test
    void batchStepAllocatesNothing() {
        batchStepsAllocateNothing(Arithmetic.PLAIN);
    }

    /** Free-running generation of 13 streams in one pass ({@link BatchRunner}: on SIMD in vector lanes, one tile padded). */
    private static void batchStepsAllocateNothing(Arithmetic arithmetic) {
        for (LstmConfig cfg : configs()) {
            int n = 13;
            BatchRunner batch = new BatchRunner(LstmNetwork.create(cfg, new SplittableRandom(1), arithmetic), n);
            FeedbackRule rule = FeedbackRule.threshold(0.5);
            double[][] frames = new double[n][cfg.inputs()];
            check("batch generation step " + cfg.blocks() + " blocks", () -> {
                for (int b = 0; b < n; b++) {
                    rule.next(batch.outputs(b), frames[b]);
                }
                batch.step(frames);
            }, 3_000, 10_000);
        }
    }

    @Test
    void floatStepsAllocateNothing() {
        floatStepsAllocateNothing(Arithmetic.PLAIN);
    }

    /** The float path ({@link Precision#FLOAT}): online learning and generation of the standard LSTM. */
    private static void floatStepsAllocateNothing(Arithmetic arithmetic) {
        for (LstmConfig cfg : new LstmConfig[] {EngineBench.standard(25, 16), EngineBench.standard(13, 37)}) {
            StepLearner l = LstmNetwork.create(cfg, new SplittableRandom(1), arithmetic)
                    .newLearner(1e-4, 0.9, Precision.FLOAT);
            double[][] f = EngineBench.frames(cfg.inputs(), 3);
            int[] t = {0};
            check("float online step " + cfg.blocks() + " blocks", () -> {
                int i = t[0];
                if (i == 0) {
                    l.reset();
                }
                l.step(f[i], f[i + 1]);
                t[0] = i + 1 == EngineBench.SEQUENCE ? 0 : i + 1;
            });
            FreeRunner free = new FreeRunner(LstmNetwork.create(cfg, new SplittableRandom(1), arithmetic),
                    Normalizer.identity(cfg.inputs()), FeedbackRule.threshold(0.5), Precision.FLOAT);
            free.prime(new double[cfg.inputs()]);
            check("float generation step " + cfg.blocks() + " blocks", free::next);
        }
    }
}
