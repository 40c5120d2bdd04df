package bebop.app;

import bebop.UserError;
import bebop.Version;
import bebop.bench.EngineBench;
import bebop.data.poly.BernoulliBaseline;
import bebop.data.poly.FrameScore;
import bebop.data.poly.PolyDataset;
import bebop.io.poly.PolyJson;
import bebop.train.modern.ModernSettings;
import bebop.train.modern.PolyEvaluation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Benchmarks: the engine's speed, and the polyphonic music benchmark. */
public final class BenchService {
    private BenchService() {}

    /**
     * The polyphonic benchmark's result: the report (as {@code bench-poly --json} prints it, figures
     * rounded to 4 places), the run, and the test scores of the LSTM and of the baseline.
     */
    public record PolyBenchmark(Map<String, Object> report, ModernTraining.Run run, FrameScore test, FrameScore baseline) {}

    /**
     * Steps per second of the engine on one thread, with the PyTorch peer benchmark's keys: a standard
     * LSTM of {@code inputs} x {@code hidden}, and the paper's Experiment 2 network.
     */
    public static Map<String, Object> engine(int inputs, int hidden, double warmup, double seconds) {
        if (inputs < 1 || inputs > 4096) {
            throw new UserError("--inputs must be between 1 and 4096, got " + inputs);
        }
        if (hidden < 1 || hidden > 4096) {
            throw new UserError("--hidden must be between 1 and 4096, got " + hidden);
        }
        if (!(seconds > 0) || seconds > 600) {
            throw new UserError("--seconds must be more than 0 and at most 600, got " + seconds);
        }
        if (!(warmup >= 0) || warmup > 600) {
            throw new UserError("--warmup must be between 0 and 600, got " + warmup);
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("engine", "bebop " + Version.get());
        r.put("java", System.getProperty("java.version"));
        r.putAll(EngineBench.run(inputs, hidden, warmup, seconds));
        return r;
    }

    /**
     * Where the time of a step goes: online SGD on the paper's Experiment 1 and 2 nets, free running
     * on the Experiment 2 net; per workload, nanoseconds a step of each part and of the whole step ("step").
     */
    public static Map<String, Map<String, Double>> profile(double warmup, double seconds) {
        if (!(seconds > 0) || seconds > 600) {
            throw new UserError("--seconds must be more than 0 and at most 600, got " + seconds);
        }
        if (!(warmup >= 0) || warmup > 600) {
            throw new UserError("--warmup must be between 0 and 600, got " + warmup);
        }
        return EngineBench.profile(warmup, seconds);
    }

    /**
     * Trains the modern LSTM on {@code dataset}'s train split, keeps the epoch with the best
     * validation NLL, and scores it on test beside the independent-Bernoulli baseline fitted on train.
     */
    public static PolyBenchmark poly(String dataset, ModernSettings settings, List<String> commandLine,
                                     ModernTraining.Listener listener, int threads) {
        PolyDataset data = PolyJson.resolve(dataset);
        ModernTraining.Run run = ModernTraining.train(data, settings, PolyJson.bytes(dataset), null, null, commandLine,
                listener, threads);
        FrameScore test = PolyEvaluation.score(run.result().best(), data.test(), settings.window(), settings.batch(),
                threads);
        FrameScore baseline = BernoulliBaseline.fit(data.train()).score(data.test());
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("dataset", data.name());
        r.put("output", run.result().best().config().outputKind());
        Map<String, Integer> pieces = new LinkedHashMap<>();
        pieces.put("train", data.train().size());
        pieces.put("valid", data.valid().size());
        pieces.put("test", data.test().size());
        r.put("pieces", pieces);
        r.put("test_nll", round(test.nll()));
        r.put("test_acc", round(test.accuracy()));
        r.put("valid_nll", round(run.result().bestValid()));
        r.put("baseline_test_nll", round(baseline.nll()));
        r.put("baseline_test_acc", round(baseline.accuracy()));
        r.put("test_frames", test.frames());
        r.put("best_epoch", run.result().bestEpoch());
        r.put("epochs", run.result().epochs());
        r.put("stopped_by", run.result().stopReason());
        r.put("seconds", round(run.result().seconds()));
        r.put("steps_per_s", Math.round(run.result().steps() / Math.max(run.result().seconds(), 1e-9)));
        r.put("settings", settings);
        r.put("parameters", run.result().best().parameterCount());
        return new PolyBenchmark(r, run, test, baseline);
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }
}
