package bebop.bench;

import bebop.nn.Arithmetic;
import bebop.nn.FeedbackRule;
import bebop.nn.FreeRunner;
import bebop.nn.LstmConfig;
import bebop.nn.LstmNetwork;
import bebop.nn.LstmRunner;
import bebop.nn.Normalizer;
import bebop.nn.OnlineLearner;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmarks of the engine's kernels, one time step per invocation: the forward step, the
 * online learning step (truncated RTRL and the weight change) and the free-running generation
 * step, on the paper's Experiment 2 net and on standard LSTMs of the PyTorch peer's shape.
 * Not part of the test run; see the {@code jmh} profile in pom.xml:
 * <pre>
 * mvn -B -Pjmh test-compile exec:exec                       # all, default settings (SIMD and plain)
 * mvn -B -Pjmh test-compile exec:exec -Djmh.args="StepBenchmark.online -p shape=std25x16"
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", Arithmetic.TRAP_LIMIT_FLAG})
public class StepBenchmark {
    /** {@code exp2}: the paper's Experiment 2 net; {@code stdNxH}: the standard LSTM of N inputs, H hidden. */
    @Param({"exp2", "std25x16", "std25x128", "std88x256"})
    public String shape;

    /** The engine's SIMD path (Vector API) or its plain-Java path; each trial runs in its own JVM. */
    @Param({"true", "false"})
    public String simd;

    private double[][] frames;
    private OnlineLearner learner;
    private LstmRunner runner;
    private FreeRunner free;
    private int t;

    static LstmConfig config(String shape) {
        if (shape.equals("exp2")) {
            return LstmConfig.experiment2();
        }
        String[] nh = shape.substring(3).split("x");
        return EngineBench.standard(Integer.parseInt(nh[0]), Integer.parseInt(nh[1]));
    }

    @Setup
    public void setUp() {
        System.setProperty("bebop.simd", simd);
        LstmConfig cfg = config(shape);
        frames = EngineBench.frames(cfg.inputs(), 2);
        learner = LstmNetwork.create(cfg, 1).newLearner(EngineBench.LEARNING_RATE, EngineBench.MOMENTUM);
        LstmNetwork net = LstmNetwork.create(cfg, 1);
        runner = net.newRunner();
        free = new FreeRunner(net, Normalizer.identity(cfg.inputs()), FeedbackRule.threshold(0.5));
        free.prime(new double[cfg.inputs()]);
    }

    private int next() {
        int i = t;
        t = i + 1 == EngineBench.SEQUENCE ? 0 : i + 1;
        return i;
    }

    /** One forward step (inference). */
    @Benchmark
    public double[] forward() {
        return runner.step(frames[next()]);
    }

    /** One online learning step: forward, truncated RTRL traces, gradient, weight change. */
    @Benchmark
    public double[] online() {
        int i = next();
        if (i == 0) {
            learner.reset();
        }
        return learner.step(frames[i], frames[i + 1]);
    }

    /** One free-running generation step: threshold the outputs, feed them back, step. */
    @Benchmark
    public double[] generate() {
        return free.next();
    }
}
