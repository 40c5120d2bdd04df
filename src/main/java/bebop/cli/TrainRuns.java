package bebop.cli;

import bebop.app.Checks;
import bebop.app.ModernTraining;
import bebop.app.ModernTraining.Resume;
import bebop.app.TrainService;
import bebop.app.TrainedModel;
import bebop.train.CorpusExperiment;
import bebop.train.Experiment1Settings;
import bebop.train.Experiment2;
import bebop.train.Experiment2Settings;
import bebop.train.modern.ModernSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Runs one trainer for {@code bebop train}: checks that the model can be written, says what trains,
 * shows progress, writes the model and its learning curve, and reports the run.
 */
final class TrainRuns {
    private final Path out;
    private final boolean quiet;
    private final List<String> commandLine;
    private final PrintWriter w;
    private final PrintWriter err;

    TrainRuns(Path out, boolean quiet, List<String> commandLine, PrintWriter w, PrintWriter err) {
        this.out = out;
        this.quiet = quiet;
        this.commandLine = List.copyOf(commandLine);
        this.w = w;
        this.err = err;
    }

    int chords(Experiment1Settings s) {
        ModelOutputs.checkWritable(out, "--out");
        w.printf(Locale.ROOT, "Experiment 1 (chords), seed %d: %d blocks x 2 cells, %d weights, %s%n",
                s.seed(), s.networkConfig().blocks(), TrainService.weights(s), s.describeLearning());
        w.flush();
        TrainedModel<TrainService.ChordsRun> trained = withProgress(s.maxEpochs(), progress -> TrainService.chords(s, commandLine, progress));
        Path png = ModelOutputs.write(trained, out);
        var r = trained.run().result();
        if (r.converged()) {
            w.printf(Locale.ROOT, "learned the form in %,d epochs (%,d steps, %.1f s, %,.0f steps/s)%n",
                    r.epochs(), r.steps(), r.seconds(), r.steps() / Math.max(r.seconds(), 1e-9));
        } else {
            w.printf(Locale.ROOT, "did NOT learn the form within %,d epochs (%,d steps, %.1f s); the model is saved as it is%n",
                    r.epochs(), r.steps(), r.seconds());
        }
        var eval = trained.run().eval();
        w.printf(Locale.ROOT, "free run of 100 choruses: chord_accuracy %.4f, choruses_perfect %d%n",
                eval.chordAccuracy(), eval.chorusesPerfect());
        return wrote(png);
    }

    int melody(Experiment2Settings s) {
        ModelOutputs.checkWritable(out, "--out");
        boolean bptt = s.trainer() == Experiment1Settings.Trainer.BPTT_ADAM;
        w.printf(Locale.ROOT, "Experiment 2 (chords and melody), seed %d: %d blocks x 2 cells, %d weights, %s, epoch = %s%n",
                s.seed(), s.networkConfig().blocks(), TrainService.weights(s), s.describeLearning(),
                bptt ? "one Adam step over " + s.chorusesPerEpoch() + " choruses" : s.chorusesPerEpoch() + " choruses");
        w.flush();
        TrainedModel<TrainService.MelodyRun> trained = withProgress(s.maxEpochs(), progress -> TrainService.melody(s, commandLine, progress));
        Path png = ModelOutputs.write(trained, out);
        var r = trained.run().result();
        if (r.converged()) {
            w.printf(Locale.ROOT, "learned the chords and the error plateaued in %,d epochs (%,d steps, %.1f s, %,.0f steps/s)%n",
                    r.epochs(), r.steps(), r.seconds(), r.steps() / Math.max(r.seconds(), 1e-9));
        } else {
            w.printf(Locale.ROOT, "did NOT meet the stop test (chords %s, error plateau %s) within %,d epochs "
                            + "(%,d steps, %.1f s); the model is saved as it is%n",
                    r.chordTestPassed() ? "right" : "wrong", r.plateaued() ? "yes" : "no", r.epochs(), r.steps(), r.seconds());
        }
        var eval = trained.run().eval();
        w.printf(Locale.ROOT, "free run of %d choruses: chord_accuracy %.4f, in_scale %.4f, novel_bars %.4f; "
                + "held-out nll %.4f%n", eval.choruses(), eval.chordAccuracy(), eval.inScale(), eval.novelBars(), eval.nll());
        return wrote(png);
    }

    int corpus(Path folder, Experiment2Settings s) {
        ModelOutputs.checkWritable(out, "--out");
        TrainService.Corpus data = TrainService.corpus(folder);
        w.printf(Locale.ROOT, "%s: %d/%d/%d pieces; the paper's Experiment 2 network (8 blocks x 2 cells), %s, "
                        + "seed %d, BPTT + Adam, learning rate %s, epoch = one Adam step over %d steps%n",
                folder, data.set().train().size(), data.set().valid().size(), data.set().test().size(),
                data.format().describe(), s.seed(), s.learningRate(), s.chorusesPerEpoch() * Experiment2.STEPS_PER_CHORUS);
        w.flush();
        TrainedModel<CorpusExperiment.Result> trained = withProgress(s.maxEpochs(), progress -> TrainService.corpus(s, data, commandLine, progress));
        Path png = ModelOutputs.write(trained, out);
        var r = trained.run();
        w.printf(Locale.ROOT, "%,d epochs (%,d steps, %.1f s)%s%s%n", r.epochs(), r.steps(), r.seconds(),
                r.plateaued() ? ", the error plateaued" : "",
                Double.isNaN(r.validNll()) ? "" : String.format(Locale.ROOT, "; valid_nll %.4f", r.validNll()));
        return wrote(png);
    }

    int modern(String dataset, String form, ModernSettings settings, Path checkpoint, Resume resume, int threads) {
        ModelOutputs.checkWritable(out, "--out");
        Path ck = checkpoint != null ? checkpoint : ModelOutputs.checkpoint(out);
        ModelOutputs.checkWritable(ck, "--checkpoint");
        var variant = TrainService.isBlues(dataset) ? Checks.formVariant(form) : null;
        TrainedModel<ModernTraining.Run> trained;
        try (ModernProgress progress = new ModernProgress(err, quiet, (data, used) -> {
            w.printf(Locale.ROOT, "%s: %d/%d/%d pieces; %s%s%n", data.name(), data.train().size(), data.valid().size(),
                    data.test().size(), used.describe(), resume != null ? " (resuming " + resume.checkpoint() + ")" : "");
            w.flush();
        })) {
            trained = ModernTraining.onData(dataset, variant, settings, ck, resume, commandLine, progress, threads);
        }
        Path png = ModelOutputs.write(trained, out);
        var r = trained.run().result();
        var metrics = trained.model().metrics();
        w.printf(Locale.ROOT, "%d epochs (best %d, stopped by %s), %.0f s; valid_nll %.4f%s%n", r.epochs(),
                r.bestEpoch(), r.stopReason(), r.seconds(), r.bestValid(), metrics.has("test_nll")
                        ? String.format(Locale.ROOT, ", test_nll %.4f, test_acc %.4f", metrics.get("test_nll").asDouble(),
                        metrics.get("test_acc").asDouble()) : "");
        w.printf(Locale.ROOT, "wrote %s, %s and %s%n", out, png, ck);
        return next();
    }

    /** Runs {@code training} with a progress bar on standard error (none with --quiet). */
    private <R> TrainedModel<R> withProgress(long maxEpochs, Function<TrainingProgress, TrainedModel<R>> training) {
        try (TrainingProgress progress = new TrainingProgress(err, "train", maxEpochs, quiet)) {
            return training.apply(progress);
        }
    }

    private int wrote(Path png) {
        w.printf(Locale.ROOT, "wrote %s and %s%n", out, png);
        return next();
    }

    /** Where a new model goes from here, as demo says where a piece goes. */
    private int next() {
        w.printf(Locale.ROOT, "Next: bebop compose --model %s --out %s   (bebop eval measures it, bebop inspect tells what it is)%n",
                out, out.toString().replaceFirst("\\.bebop$", "") + "-song");
        w.flush();
        return 0;
    }
}
