package bebop.bench;

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
import bebop.nn.Precision;
import bebop.nn.StepLearner;
import bebop.nn.StepProfile;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;

/**
 * Throughput of the engine in time steps per second, single-threaded, with the workloads of the
 * PyTorch peer ({@code shared/bench/torch_lstm_bench.py}) so that the two JSON objects line up key
 * by key. Every measurement warms up first (the JIT compiles the kernels), then counts whole
 * 96-step sequences until the time is up.
 *
 * <h2>Workloads</h2>
 * <ul>
 *   <li>{@link #standard standard(N, H)}: the shape the peer trains: {@code N} inputs, {@code H}
 *       memory blocks of one cell each (an LSTM of {@code H} hidden units), every input and every
 *       cell (t-1) feeding every block, {@code N} logistic outputs fed by the cells and the inputs;
 *       no peepholes (a standard LSTM has none). Data: random binary frames (each unit on with
 *       probability 0.2), 97 frames, input t predicting frame t+1, the state zeroed at the start of
 *       every 96-step sequence, as the peer does.</li>
 *   <li>the paper's Experiment 2 network ({@link LstmConfig#experiment2()}: 25 units, 8 blocks of
 *       2 cells, peepholes, chord/melody masks) on the same kind of frames.</li>
 * </ul>
 * Online training is the paper's algorithm (truncated RTRL, one weight change per step, learning
 * rate 1e-3, momentum 0.9 like the peer's SGD), and for the paper's networks also the decoupled
 * extended Kalman filter on the same derivatives ({@code paper_exp1_dekf}, {@code paper_exp2_dekf},
 * beside {@code paper_exp1_online} and {@code paper_exp2_online}); generation free-runs with every output
 * thresholded at 0.5 and fed back, one run at a time, and for the Experiment 2 net also 32 runs in one
 * pass ({@code paper_exp2_generate_batch32}, steps of all runs together).
 */
public final class EngineBench {
    /** Steps per training sequence (one chorus of the blues at eighth notes). */
    public static final int SEQUENCE = 96;
    public static final double LEARNING_RATE = 1e-3;
    public static final double MOMENTUM = 0.9;

    private EngineBench() {
    }

    /** The standard LSTM of the peer's shape: {@code hidden} blocks of 1 cell, fully connected, no peepholes. */
    public static LstmConfig standard(int inputs, int hidden) {
        return LstmConfig.fullyConnected(inputs, inputs, hidden, 1, LstmConfig.GateBiasSet.ZERO)
                .withPeepholes(false);
    }

    /** {@code SEQUENCE + 1} random binary frames of {@code units} units, each on with probability 0.2. */
    public static double[][] frames(int units, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] f = new double[SEQUENCE + 1][units];
        for (double[] row : f) {
            for (int i = 0; i < units; i++) {
                row[i] = rng.nextDouble() < 0.2 ? 1.0 : 0.0;
            }
        }
        return f;
    }

    /** Online training: steps per second (one weight change per step). */
    public static double online(LstmConfig cfg, double warmupSeconds, double seconds) {
        return online(cfg, net -> net.newLearner(LEARNING_RATE, MOMENTUM), warmupSeconds, seconds);
    }

    /** Online training in {@code precision} ({@link Precision#FLOAT}: {@link bebop.nn.FloatLearner}): steps per second. */
    public static double online(LstmConfig cfg, Precision precision, double warmupSeconds, double seconds) {
        return online(cfg, net -> net.newLearner(LEARNING_RATE, MOMENTUM, precision), warmupSeconds, seconds);
    }

    /** Online training with the Kalman filter ({@link KalmanSettings#defaults()}): steps per second. */
    public static double onlineDekf(LstmConfig cfg, double warmupSeconds, double seconds) {
        return online(cfg, net -> new DekfLearner(net, KalmanSettings.defaults()), warmupSeconds, seconds);
    }

    private static double online(LstmConfig cfg, Function<LstmNetwork, StepLearner> newLearner, double warmupSeconds,
                                 double seconds) {
        LstmNetwork net = LstmNetwork.create(cfg, 1);
        StepLearner learner = newLearner.apply(net);
        double[][] f = frames(cfg.inputs(), 2);
        Sink sink = new Sink();
        warm(warmupSeconds, s -> timeOnline(learner, f, s, sink));
        return timeOnline(learner, f, seconds, sink);
    }

    /** Forward steps (inference, no learning) per second. */
    public static double forward(LstmConfig cfg, double warmupSeconds, double seconds) {
        LstmRunner runner = LstmNetwork.create(cfg, 1).newRunner();
        double[][] f = frames(cfg.inputs(), 2);
        Sink sink = new Sink();
        warm(warmupSeconds, s -> timeForward(runner, f, s, sink));
        return timeForward(runner, f, seconds, sink);
    }

    /** Free-running generation (outputs thresholded at 0.5 and fed back) steps per second. */
    public static double generate(LstmConfig cfg, double warmupSeconds, double seconds) {
        return generate(cfg, Precision.DOUBLE, warmupSeconds, seconds);
    }

    /** Free-running generation in {@code precision}: steps per second. */
    public static double generate(LstmConfig cfg, Precision precision, double warmupSeconds, double seconds) {
        LstmNetwork net = LstmNetwork.create(cfg, 1);
        FreeRunner free = new FreeRunner(net, Normalizer.identity(cfg.inputs()), FeedbackRule.threshold(0.5),
                precision);
        free.prime(new double[cfg.inputs()]);
        Sink sink = new Sink();
        warm(warmupSeconds, s -> timeGenerate(free, s, sink));
        return timeGenerate(free, seconds, sink);
    }

    /** Streams of {@link #generateBatch}'s key. */
    public static final int BATCH_STREAMS = 32;

    /**
     * Free-running generation of {@code streams} runs in one pass ({@link BatchRunner}), each
     * thresholded at 0.5 and fed back: steps of all streams together per second.
     */
    public static double generateBatch(LstmConfig cfg, int streams, double warmupSeconds, double seconds) {
        LstmNetwork net = LstmNetwork.create(cfg, 1);
        BatchRunner batch = new BatchRunner(net, streams);
        double[][] frames = new double[streams][cfg.inputs()];
        for (int b = 0; b < streams; b++) {
            frames[b][b % cfg.inputs()] = 1.0; // a different primer for each stream
        }
        batch.step(frames);
        FeedbackRule rule = FeedbackRule.threshold(0.5);
        Sink sink = new Sink();
        warm(warmupSeconds, s -> timeBatch(batch, rule, frames, s, sink));
        return timeBatch(batch, rule, frames, seconds, sink);
    }

    private static double timeBatch(BatchRunner batch, FeedbackRule rule, double[][] frames, double seconds,
                                    Sink sink) {
        long steps = 0;
        long budget = (long) (seconds * 1e9);
        long t0 = System.nanoTime();
        long elapsed;
        do {
            for (int t = 0; t < SEQUENCE; t++) {
                for (int b = 0; b < frames.length; b++) {
                    rule.next(batch.outputs(b), frames[b]);
                }
                batch.step(frames);
                sink.value += batch.outputs(0)[0];
            }
            steps += (long) SEQUENCE * frames.length;
            elapsed = System.nanoTime() - t0;
        } while (elapsed < budget);
        return steps / (elapsed * 1e-9);
    }

    /**
     * Where the time of a step goes ({@link StepProfile}): an online SGD step of the paper's
     * Experiment 1 and 2 nets and a free-running step of the Experiment 2 net; per workload,
     * nanoseconds a step of each part and of the whole step.
     */
    public static Map<String, Map<String, Double>> profile(double warmupSeconds, double seconds) {
        Map<String, Map<String, Double>> r = new LinkedHashMap<>();
        r.put("paper_exp1_online", StepProfile.online(LstmConfig.experiment1(), warmupSeconds, seconds));
        r.put("paper_exp2_online", StepProfile.online(LstmConfig.experiment2(), warmupSeconds, seconds));
        r.put("paper_exp2_generate", StepProfile.generate(LstmConfig.experiment2(), warmupSeconds, seconds));
        return r;
    }

    private static double timeOnline(StepLearner learner, double[][] f, double seconds, Sink sink) {
        long steps = 0;
        long budget = (long) (seconds * 1e9);
        long t0 = System.nanoTime();
        long elapsed;
        do {
            learner.reset();
            for (int t = 0; t < SEQUENCE; t++) {
                sink.value += learner.step(f[t], f[t + 1])[0];
            }
            steps += SEQUENCE;
            elapsed = System.nanoTime() - t0;
        } while (elapsed < budget);
        return steps / (elapsed * 1e-9);
    }

    private static double timeForward(LstmRunner runner, double[][] f, double seconds, Sink sink) {
        long steps = 0;
        long budget = (long) (seconds * 1e9);
        long t0 = System.nanoTime();
        long elapsed;
        do {
            runner.reset();
            for (int t = 0; t < SEQUENCE; t++) {
                sink.value += runner.step(f[t])[0];
            }
            steps += SEQUENCE;
            elapsed = System.nanoTime() - t0;
        } while (elapsed < budget);
        return steps / (elapsed * 1e-9);
    }

    private static double timeGenerate(FreeRunner free, double seconds, Sink sink) {
        long steps = 0;
        long budget = (long) (seconds * 1e9);
        long t0 = System.nanoTime();
        long elapsed;
        do {
            for (int t = 0; t < SEQUENCE; t++) {
                sink.value += free.next()[0];
            }
            steps += SEQUENCE;
            elapsed = System.nanoTime() - t0;
        } while (elapsed < budget);
        return steps / (elapsed * 1e-9);
    }

    /**
     * The whole benchmark: keys as the peer's ({@code online_steps_per_s},
     * {@code generate_steps_per_s}) for the standard shape, plus {@code forward_steps_per_s} and the
     * paper's Experiment 2 network ({@code paper_exp2_*}), and the modern trainer's minibatch
     * BPTT ({@code bptt_batch1_steps_per_s}, {@code bptt_batch32_steps_per_s}: one float LSTM
     * layer, an Adam update per 96-step window, as the peer; {@code bptt_batch32_2threads_steps_per_s}:
     * the same on two threads, the only key that is not on one ({@code threads} is 1 for the rest)). Each measurement first runs untimed for {@code warmupSeconds} (and on, {@link #warm})
     * (the JIT compiles the kernels meanwhile), then is timed for {@code seconds}.
     */
    public static Map<String, Object> run(int inputs, int hidden, double warmupSeconds, double seconds) {
        if (inputs < 1 || hidden < 1) {
            throw new IllegalArgumentException("inputs and hidden must be positive, got " + inputs + " and " + hidden);
        }
        if (!(seconds > 0) || seconds > 3600 || !(warmupSeconds >= 0) || warmupSeconds > 3600) {
            throw new IllegalArgumentException("seconds must be in (0, 3600] and warm-up in [0, 3600], got "
                    + seconds + " and " + warmupSeconds);
        }
        double warm = warmupSeconds;
        LstmConfig std = standard(inputs, hidden);
        LstmConfig exp2 = LstmConfig.experiment2();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("inputs", inputs);
        r.put("hidden", hidden);
        r.put("threads", 1);
        r.put("simd", Arithmetic.DEFAULT.describe());
        r.put("online_steps_per_s", Math.round(online(std, warm, seconds)));
        r.put("generate_steps_per_s", Math.round(generate(std, warm, seconds)));
        r.put("forward_steps_per_s", Math.round(forward(std, warm, seconds)));
        r.put("online_float_steps_per_s", Math.round(online(std, Precision.FLOAT, warm, seconds)));
        r.put("generate_float_steps_per_s", Math.round(generate(std, Precision.FLOAT, warm, seconds)));
        r.put("paper_exp2_online_steps_per_s", Math.round(online(exp2, warm, seconds)));
        r.put("paper_exp2_generate_steps_per_s", Math.round(generate(exp2, warm, seconds)));
        r.put("paper_exp2_generate_batch32_steps_per_s",
                Math.round(generateBatch(exp2, BATCH_STREAMS, warm, seconds)));
        LstmConfig exp1 = LstmConfig.experiment1();
        r.put("paper_exp1_online_steps_per_s", Math.round(online(exp1, warm, seconds)));
        r.put("paper_exp1_dekf_steps_per_s", Math.round(onlineDekf(exp1, warm, seconds)));
        r.put("paper_exp2_dekf_steps_per_s", Math.round(onlineDekf(exp2, warm, seconds)));
        r.put("bptt_batch1_steps_per_s", Math.round(bptt(inputs, hidden, 1, warm, seconds, 1)));
        r.put("bptt_batch32_steps_per_s", Math.round(bptt(inputs, hidden, 32, warm, seconds, 1)));
        r.put("bptt_batch32_2threads_steps_per_s", Math.round(bptt(inputs, hidden, 32, warm, seconds, 2)));
        r.put("weights", LstmNetwork.create(std, 1).parameterCount());
        r.put("paper_exp2_weights", LstmNetwork.create(exp2, 1).parameterCount());
        return r;
    }

    /** Minibatch BPTT steps per second (batch x window per update) of the modern trainer on {@code threads} threads. */
    public static double bptt(int inputs, int hidden, int batch, double warmupSeconds, double seconds, int threads) {
        if (threads == 1) {
            warm(warmupSeconds, s -> ModernThroughput.measure(inputs, hidden, batch, s, threads));
        } else if (warmupSeconds > 0) { // the team's threads keep the others' CPU time up: a fixed warm-up
            ModernThroughput.measure(inputs, hidden, batch, warmupSeconds, threads);
        }
        return ModernThroughput.measure(inputs, hidden, batch, seconds, threads);
    }

    /** Slices of the warm-up's extension, as parts of {@code warmupSeconds}. */
    private static final int SLICES = 4;
    /** The longest warm-up, as a multiple of {@code warmupSeconds}. */
    private static final int MAX_WARMUP = 10;

    /**
     * Runs a key's workload untimed ({@code slice} runs it for the seconds given and returns its rate)
     * for {@code warmupSeconds}, then on in slices of a quarter of that while the JIT is still at work:
     * until a slice in which the process's other threads (the compilers) used less than 5 % of the
     * slice's time in CPU and the rate rose less than 5 % over the slice before, at most
     * {@code MAX_WARMUP x warmupSeconds} in all. A fixed warm-up made a key's figure depend on the keys
     * before it: the DEKF keys' code (the filter and the row-major learner's derivatives) keeps the
     * compilers busy for about 2 s on one core, and once the keys before them no longer ran the
     * row-major learner their 1 s warm-up ended mid-compilation ({@code paper_exp1_dekf} read half).
     * Nothing when {@code warmupSeconds} is 0. For one-thread workloads only.
     */
    static void warm(double warmupSeconds, DoubleUnaryOperator slice) {
        if (!(warmupSeconds > 0)) {
            return;
        }
        slice.applyAsDouble(warmupSeconds);
        double part = warmupSeconds / SLICES;
        double before = 0;
        for (int i = 0; i < (MAX_WARMUP - 1) * SLICES; i++) {
            long others = otherThreadsCpuNanos();
            double rate = slice.applyAsDouble(part);
            double busy = others < 0 ? 0 : (otherThreadsCpuNanos() - others) * 1e-9;
            if (i > 0 && busy < 0.05 * part && rate < 1.05 * before) {
                return;
            }
            before = rate;
        }
    }

    /** CPU nanoseconds of the process's threads but this one (the JIT's compilers, the collector), or -1. */
    private static long otherThreadsCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!(os instanceof com.sun.management.OperatingSystemMXBean process) || !threads.isCurrentThreadCpuTimeSupported()) {
            return -1;
        }
        long all = process.getProcessCpuTime();
        long mine = threads.getCurrentThreadCpuTime();
        return all < 0 || mine < 0 ? -1 : all - mine;
    }

    /** Keeps results alive so the JIT cannot drop the work. */
    private static final class Sink {
        double value;
    }
}
