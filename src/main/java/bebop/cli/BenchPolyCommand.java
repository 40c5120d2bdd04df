package bebop.cli;

import bebop.UserError;
import bebop.data.poly.BernoulliBaseline;
import bebop.data.poly.FrameScore;
import bebop.data.poly.PolyDataset;
import bebop.io.model.Fingerprint;
import bebop.io.model.Model;
import bebop.io.model.ModelFile;
import bebop.io.model.Provenance;
import bebop.io.plot.LearningCurve;
import bebop.io.poly.ModernModels;
import bebop.io.poly.PolyJson;
import bebop.train.modern.EpochStats;
import bebop.train.modern.ModernListener;
import bebop.train.modern.ModernResult;
import bebop.train.modern.ModernSettings;
import bebop.train.modern.ModernTrainer;
import bebop.train.modern.PolyEvaluation;
import bebop.train.modern.TrainerState;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bebop bench-poly}: the polyphonic music benchmark. Trains the modern LSTM on the train
 * split, selects the epoch on valid, reports test NLL and frame accuracy beside the Bernoulli
 * baseline.
 */
@Command(name = "bench-poly", sortOptions = false,
        header = "Train and score the modern LSTM on a polyphonic benchmark (test NLL, frame accuracy).",
        description = {"Polyphonic music benchmark (Boulanger-Lewandowski et al. 2012): train the modern LSTM",
            "(minibatch truncated BPTT, Adam) on the train split, keep the epoch with the best validation NLL,",
            "report on test:",
            "  test_nll  nats per time step: the Bernoulli log-loss summed over the 88 keys, averaged over all",
            "            test frames (each piece from a zero state; the first frame predicted from silence);",
            "  test_acc  frame accuracy TP/(TP+FP+FN), counts summed over all test frames, outputs",
            "            thresholded at 0.5 (Bay et al. 2009);",
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

    @picocli.CommandLine.Mixin
    Hyper hyper;

    @Option(names = "--out", paramLabel = "M.bebop", description = "Also write the best model here.")
    Path out;

    @Option(names = "--quiet", description = "No progress display.")
    boolean quiet;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Hyperparameter flags shared with {@code train --data}. */
    static final class Hyper {
        @Option(names = "--hidden", paramLabel = "H[,H...]", split = ",", description = "LSTM layer sizes, bottom first. Default: 256.")
        List<Integer> hidden;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed. Default: ${DEFAULT-VALUE}.")
        long seed;

        @Option(names = "--window", paramLabel = "T", description = "Truncated-BPTT window, steps. Default: 50.")
        Integer window;

        @Option(names = "--batch", paramLabel = "B", description = "Pieces per minibatch. Default: 32.")
        Integer batch;

        @Option(names = "--learning-rate", paramLabel = "R", description = "Adam step size. Default: 0.001.")
        Double learningRate;

        @Option(names = "--dropout", paramLabel = "P", description = "Dropout between layers. Default: 0.3.")
        Double dropout;

        @Option(names = "--input-dropout", paramLabel = "P",
                description = "Drop each input key of each training step with probability P (the network learns to "
                        + "predict from partly hidden frames); 0 = none. Default: 0.")
        Double inputDropout;

        @Option(names = "--clip", paramLabel = "N", description = "Gradient norm clip (0 = none). Default: 5.")
        Double clip;

        @Option(names = "--max-epochs", paramLabel = "N", description = "At most N epochs. Default: 500.")
        Integer maxEpochs;

        @Option(names = "--patience", paramLabel = "N", description = "Stop after N epochs without a better validation NLL. Default: 20.")
        Integer patience;

        @Option(names = "--decay-patience", paramLabel = "N",
                description = "Halve the learning rate after N epochs without a better validation NLL (counted since the "
                        + "best epoch or the last halving) and go on from the best epoch's parameters; 0 = never. "
                        + "Takes effect only below --patience. Default: 0.")
        Integer decayPatience;

        ModernSettings settings(double minutes) {
            ModernSettings s = ModernSettings.defaults(seed);
            if (inputDropout != null && !(inputDropout >= 0 && inputDropout < 1)) {
                throw new UserError("--input-dropout " + inputDropout + ": must be at least 0 and below 1");
            }
            if (decayPatience != null && (decayPatience < 0 || decayPatience > 1_000_000)) {
                throw new UserError("--decay-patience " + decayPatience + ": must be 0..1000000 (0 = never)");
            }
            try {
                if (hidden != null) {
                    s = s.withLayers(hidden);
                }
                if (window != null) {
                    s = s.withWindow(window);
                }
                if (batch != null) {
                    s = s.withBatch(batch);
                }
                if (learningRate != null) {
                    s = s.withLearningRate(learningRate);
                }
                if (dropout != null) {
                    s = s.withDropout(dropout);
                }
                if (inputDropout != null) {
                    s = s.withInputDropout(inputDropout);
                }
                if (clip != null) {
                    s = s.withClipNorm(clip);
                }
                if (maxEpochs != null) {
                    s = s.withMaxEpochs(maxEpochs);
                }
                if (patience != null) {
                    s = s.withPatience(patience);
                }
                if (decayPatience != null) {
                    s = s.withDecayPatience(decayPatience);
                }
                return s.withMaxMinutes(minutes);
            } catch (IllegalArgumentException e) {
                throw new UserError("bad setting: " + e.getMessage());
            }
        }
    }

    @Override
    public Integer call() {
        if (!(minutes > 0 && minutes <= 100_000)) {
            throw new UserError("--minutes " + minutes + ": must be above 0");
        }
        ModernSettings settings = hyper.settings(minutes);
        if (out != null) {
            TrainCommand.ModelPaths.checkWritable(out, "--out");
        }
        PolyDataset data = PolyJson.resolve(dataset);
        Run run = train(data, settings, PolyJson.bytes(dataset), null, null, quiet, spec, used -> { });
        FrameScore test = PolyEvaluation.score(run.result.best(), data.test(), settings.window(), settings.batch());
        BernoulliBaseline baseline = BernoulliBaseline.fit(data.train());
        FrameScore baseTest = baseline.score(data.test());
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("dataset", data.name());
        r.put("pieces", Map.of("train", data.train().size(), "valid", data.valid().size(), "test", data.test().size()));
        r.put("test_nll", round(test.nll()));
        r.put("test_acc", round(test.accuracy()));
        r.put("valid_nll", round(run.result.bestValid()));
        r.put("baseline_test_nll", round(baseTest.nll()));
        r.put("baseline_test_acc", round(baseTest.accuracy()));
        r.put("test_frames", test.frames());
        r.put("best_epoch", run.result.bestEpoch());
        r.put("epochs", run.result.epochs());
        r.put("stopped_by", run.result.stopReason());
        r.put("seconds", round(run.result.seconds()));
        r.put("steps_per_s", Math.round(run.result.steps() / Math.max(run.result.seconds(), 1e-9)));
        r.put("settings", settings);
        r.put("parameters", run.result.best().parameterCount());
        if (out != null) {
            ModelFile.write(out, run.model(r));
            LearningCurve.write(TrainCommand.ModelPaths.curvePng(out), curve(run.result), curveOptions(data.name()));
        }
        var w = spec.commandLine().getOut();
        if (json) {
            try {
                w.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(r));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            w.printf(Locale.ROOT, "%s: LSTM %s, %d epochs (best %d, stopped by %s), %.0f s, %,d steps/s%n", data.name(),
                    settings.layers(), run.result.epochs(), run.result.bestEpoch(), run.result.stopReason(),
                    run.result.seconds(), r.get("steps_per_s"));
            w.printf(Locale.ROOT, "%-22s %10s %10s%n", "", "test_nll", "test_acc");
            w.printf(Locale.ROOT, "%-22s %10.4f %10.4f%n", "LSTM (modern)", test.nll(), test.accuracy());
            w.printf(Locale.ROOT, "%-22s %10.4f %10.4f%n", "Bernoulli baseline", baseTest.nll(), baseTest.accuracy());
            w.printf(Locale.ROOT, "valid_nll %.4f%n", run.result.bestValid());
            if (out != null) {
                w.printf(Locale.ROOT, "wrote %s%n", out);
            }
        }
        w.flush();
        return 0;
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }

    /** A finished run and how to store it. */
    record Run(ModernResult result, ModernSettings settings, Provenance provenance, PolyDataset data) {
        Model model(Object metrics) {
            Map<String, Object> training = new LinkedHashMap<>();
            training.put("dataset", data.name());
            training.put("epochs", result.epochs());
            training.put("best_epoch", result.bestEpoch());
            training.put("stopped_by", result.stopReason());
            training.put("seconds", result.seconds());
            training.put("steps", result.steps());
            return ModernModels.toModel(result.best(), settings, training, metrics, provenance);
        }
    }

    /**
     * Trains with progress display and, if {@code checkpoint} is given, a checkpoint after every
     * epoch; resumes from {@code resume} if given, with the checkpoint's settings. {@code announce}
     * gets the settings the training uses before it starts. Shared by {@code bench-poly} and
     * {@code train --data}.
     */
    static Run train(PolyDataset data, ModernSettings settings, byte[] dataBytes, Path checkpoint, Path resume,
                     boolean quiet, picocli.CommandLine.Model.CommandSpec spec,
                     java.util.function.Consumer<ModernSettings> announce) {
        if (data.train().isEmpty()) {
            throw new UserError(data.name() + ": the train split is empty");
        }
        if (data.valid().isEmpty()) {
            throw new UserError(data.name() + ": the valid split is empty (early stopping needs it)");
        }
        String fingerprint = Fingerprint.of(dataBytes);
        TrainerState state = null;
        ModernSettings s = settings;
        if (resume != null) {
            state = ModernModels.readCheckpoint(resume);
            if (!state.dataFingerprint().equals(fingerprint)) {
                throw new UserError(resume + ": the checkpoint was made on other data than " + data.name());
            }
            s = state.settings();
        }
        List<String> args = List.copyOf(spec.root().commandLine().getParseResult().originalArgs());
        Provenance provenance = Provenance.of(s.seed(), args, fingerprint);
        announce.accept(s);
        try (ModernProgress progress = new ModernProgress(spec.commandLine().getErr(), s.maxEpochs(), quiet)) {
            ModernListener listener = new ModernListener() {
                @Override
                public void onUpdate(int epoch, long done, long per, double loss, double sps) {
                    progress.onUpdate(epoch, done, per, loss, sps);
                }

                @Override
                public void onEpoch(EpochStats st) {
                    progress.onEpoch(st);
                }

                @Override
                public void onCheckpoint(TrainerState st) {
                    if (checkpoint != null) {
                        ModernModels.writeCheckpoint(checkpoint, st, provenance);
                    }
                }
            };
            ModernResult result = ModernTrainer.train(data, s, fingerprint, listener, state);
            return new Run(result, s, provenance, data);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    static List<LearningCurve.Series> curve(ModernResult r) {
        List<EpochStats> c = r.curve();
        double[] e = new double[c.size()];
        double[] tr = new double[c.size()];
        double[] va = new double[c.size()];
        for (int i = 0; i < e.length; i++) {
            e[i] = c.get(i).epoch();
            tr[i] = c.get(i).trainNll();
            va[i] = c.get(i).validNll();
        }
        List<LearningCurve.Series> out = new ArrayList<>();
        out.add(new LearningCurve.Series("training NLL (with dropout)", e, tr));
        out.add(new LearningCurve.Series("validation NLL", e, va));
        return out;
    }

    static LearningCurve.Options curveOptions(String name) {
        return LearningCurve.Options.defaults().withTitle("Modern LSTM on " + name)
                .withLabels("epoch", "NLL, nats per time step");
    }
}
