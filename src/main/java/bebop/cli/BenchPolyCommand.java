package bebop.cli;

import bebop.UserError;
import bebop.app.BenchService;
import bebop.io.model.ModelFile;
import bebop.io.plot.LearningCurve;
import bebop.train.modern.ModernSettings;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bebop bench-poly}: the polyphonic music benchmark. Trains the modern LSTM on the train
 * split, selects the epoch on valid, reports test NLL and frame accuracy beside the Bernoulli
 * baseline.
 */
@Command(name = "bench-poly", sortOptions = false,
        header = "Train and score the modern LSTM on a polyphonic benchmark (test NLL, frame accuracy).",
        description = {"Polyphonic music benchmark (Boulanger-Lewandowski et al. 2012): train the modern LSTM "
                + "(minibatch truncated BPTT, Adam) on the train split, keep the epoch with the best validation NLL, "
                + "and report on test:",
            "test_nll: nats per time step, the Bernoulli log-loss summed over the 88 keys (--output nade: the NADE's "
                + "exact NLL of the frame), averaged over all test frames (each piece from a zero state; the first frame "
                + "predicted from silence);",
            "test_acc: frame accuracy TP/(TP+FP+FN), counts summed over all test frames, outputs thresholded at 0.5 "
                + "(NADE: keys low to high, each on when it is at least 0.5 likely given the keys chosen below it) (Bay "
                + "et al. 2009);",
            "and the independent-Bernoulli baseline fitted on train (11.06 JSB, 10.25 Nottingham)."})
final class BenchPolyCommand implements Callable<Integer> {
    @Option(names = "--dataset", required = true, paramLabel = "FILE.json|jsb|nottingham",
            description = "A data set in the Boulanger-Lewandowski JSON form (or a bebop import folder), or a bundled one.")
    String dataset;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Option(names = "--minutes", paramLabel = "M", defaultValue = "10",
            description = "Stop at the first epoch end after M minutes of training. Default: ${DEFAULT-VALUE}.")
    double minutes;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--learning-rate", paramLabel = "R", description = "Adam step size. Default: 0.001.")
    Double learningRate;

    @Option(names = "--max-epochs", paramLabel = "N", description = "At most N epochs. Default: 500.")
    Integer maxEpochs;

    @Mixin
    ModernFlags modern;

    @Option(names = "--out", paramLabel = "M.bebop", description = "Also write the best model here.")
    Path out;

    @Option(names = "--quiet", description = "No progress display.")
    boolean quiet;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!(minutes > 0 && minutes <= 100_000)) {
            throw new UserError("--minutes " + minutes + ": must be above 0");
        }
        ModernSettings settings = modern.settings(seed, learningRate, maxEpochs, minutes);
        int threads = modern.threads();
        if (out != null) {
            ModelOutputs.checkWritable(out, "--out");
        }
        BenchService.PolyBenchmark b;
        try (ModernProgress progress = new ModernProgress(spec.commandLine().getErr(), quiet, (data, used) -> { })) {
            b = BenchService.poly(dataset, settings, spec.root().commandLine().getParseResult().originalArgs(), progress,
                    threads);
        }
        var r = b.report();
        var result = b.run().result();
        if (out != null) {
            ModelFile.write(out, b.run().model(r));
            LearningCurve.write(ModelOutputs.curvePng(out), b.run().curve().series(), b.run().curve().options());
        }
        var w = spec.commandLine().getOut();
        if (json) {
            w.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(r));
        } else {
            w.printf(Locale.ROOT, "%s: LSTM %s, %s output, %d epochs (best %d, stopped by %s), %.0f s, %,d steps/s%n", r.get("dataset"),
                    settings.layers(), settings.outputName(), result.epochs(), result.bestEpoch(), result.stopReason(), result.seconds(),
                    r.get("steps_per_s"));
            w.printf(Locale.ROOT, "%-22s %10s %10s%n", "", "test_nll", "test_acc");
            w.printf(Locale.ROOT, "%-22s %10.4f %10.4f%n", settings.nadeHidden() > 0 ? "LSTM-NADE (modern)" : "LSTM (modern)",
                    b.test().nll(), b.test().accuracy());
            w.printf(Locale.ROOT, "%-22s %10.4f %10.4f%n", "Bernoulli baseline", b.baseline().nll(), b.baseline().accuracy());
            w.printf(Locale.ROOT, "valid_nll %.4f%n", result.bestValid());
            if (out != null) {
                w.printf(Locale.ROOT, "wrote %s%n", out);
            }
        }
        w.flush();
        return 0;
    }
}
