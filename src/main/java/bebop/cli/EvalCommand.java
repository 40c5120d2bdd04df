package bebop.cli;

import bebop.UserError;
import bebop.compose.Primers;
import bebop.encoding.FrameFormat;
import bebop.io.model.FrameFormats;
import bebop.io.model.LstmModels;
import bebop.io.model.Model;
import bebop.io.model.ModelFile;
import bebop.eval.Comparison;
import bebop.eval.Evaluator;
import bebop.eval.MelodyEvaluation;
import bebop.io.report.ComparisonReport;
import bebop.music.BluesForm;
import bebop.nn.baseline.ElmanSettings;
import bebop.train.ChordEvaluation;
import bebop.train.Experiment1;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bebop eval}: lets a trained network run free and measures what it plays. */
@Command(name = "eval", sortOptions = false,
        description = {"Let a trained network run free and measure what it plays.",
            "chords models: from the form's first frame, chord outputs thresholded at 0.5 and fed back: how well",
            "it keeps the form. melody models: primed with the first bar of a training chorus, chords thresholded",
            "and one melody note drawn per step (the paper's rule): chord_accuracy, in_scale, novel_bars,",
            "unique_choruses, pitch_class_kl; and nll, the cross-entropy per step on the held-out choruses."})
final class EvalCommand implements Callable<Integer> {
    static final int DEFAULT_CHORUSES = 100;
    static final long DEFAULT_SEED = 1;

    @Option(names = "--model", paramLabel = "M.bebop",
            description = "Model file to evaluate. Default: the model bundled with bebop.")
    Path model;

    @Option(names = "--choruses", paramLabel = "N", defaultValue = "100",
            description = "Choruses to run free (96 steps each). Default: ${DEFAULT-VALUE}.")
    int choruses;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "melody models: seed of the primer choice and the note draws. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--json", description = "Print one JSON object instead of the table.")
    boolean json;

    @Option(names = "--compare", description = "Compare the (melody) model with baselines trained on the same choruses: "
            + "Markov chains of order 1, 2, 4, 8 over whole frames and an Elman network of about the same size. "
            + "Needs --out.")
    boolean compare;

    @Option(names = "--out", paramLabel = "REPORT.md", description = "With --compare: the report to write (and REPORT.json beside it).")
    Path out;

    @Option(names = "--elman-epochs", paramLabel = "N", defaultValue = "30",
            description = "With --compare: the Elman network's training epochs. Default: ${DEFAULT-VALUE}.")
    int elmanEpochs;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (choruses < 1 || choruses > 100_000) {
            throw new UserError("--choruses " + choruses + ": must be between 1 and 100000");
        }
        if (compare != (out != null)) {
            throw new UserError(compare ? "--compare needs --out REPORT.md" : "--out goes with --compare");
        }
        if (model != null) {
            Model m = ModelFile.read(model);
            FrameFormats.Frames frames = ComposeCommand.frames(m, model);
            if (!ComposeCommand.bluesModel(m, frames)) {
                if (compare) {
                    throw new UserError("--compare: " + model + " is not a model of the paper's blues; the baselines "
                            + "are trained on the blues choruses");
                }
                return recorded(m, frames.format());
            }
        }
        ComposeCommand.Loaded loaded = ComposeCommand.Loaded.of(model);
        String name = model == null ? "bundled" : model.toString();
        if (compare) {
            return compare(loaded);
        }
        String experiment = loaded.model().experiment();
        ObjectNode metrics;
        PrintWriter w = spec.commandLine().getOut();
        if (experiment.equals("chords")) {
            ChordEvaluation eval = Experiment1.evaluate(loaded.model().network(), loaded.model().normalizer(),
                    BluesForm.of(loaded.model().form()), choruses);
            metrics = chordMetrics(eval);
            if (!json) {
                header(w, loaded);
                w.printf(Locale.ROOT, "free run          %d choruses, %d steps, from the form's first frame%n",
                        eval.choruses(), eval.steps());
                w.printf(Locale.ROOT, "chord_accuracy    %.4f   (steps whose chord frame equals the form's)%n", eval.chordAccuracy());
                w.printf(Locale.ROOT, "choruses_perfect  %d of %d%n", eval.chorusesPerfect(), eval.choruses());
            }
        } else if (experiment.equals("melody") && loaded.melody()) {
            MelodyEvaluation eval = Evaluator.evaluate(loaded.sequenceModel(), loaded.data(), loaded.heldOut(), choruses,
                    Primers.DEFAULT_STEPS, 1.0, seed);
            metrics = melodyMetrics(eval);
            if (!json) {
                header(w, loaded);
                w.printf(Locale.ROOT, "free run          %d choruses, %d steps, primed with the first %d steps of a training chorus (seed %d)%n",
                        eval.choruses(), eval.steps(), eval.primerSteps(), seed);
                w.printf(Locale.ROOT, "chord_accuracy    %.4f   (generated steps whose chord frame equals the form's)%n", eval.chordAccuracy());
                w.printf(Locale.ROOT, "in_scale          %.4f   (melody steps on a pitch of the training melodies)%n", eval.inScale());
                w.printf(Locale.ROOT, "novel_bars        %.4f   (generated bars whose melody is no training segment of that bar)%n", eval.novelBars());
                w.printf(Locale.ROOT, "unique_choruses   %.4f   (distinct choruses / choruses)%n", eval.uniqueChoruses());
                w.printf(Locale.ROOT, "pitch_class_kl    %.4f   (nats, generated vs training pitch classes, add-one smoothed)%n", eval.pitchClassKl());
                w.printf(Locale.ROOT, "nll               %.4f   (nats per step, 25 units, teacher-forced on %d held-out choruses)%n",
                        eval.nll(), eval.heldOutChoruses());
            }
        } else {
            throw new UserError(name + ": a '" + experiment + "' model; this bebop evaluates 'chords' and 'melody' models");
        }
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode all = mapper.createObjectNode();
            all.put("model", name);
            all.put("experiment", experiment);
            all.put("form", loaded.model().form().label());
            all.put("seed", loaded.model().model().provenance().seed());
            all.setAll(metrics);
            w.println(mapper.writeValueAsString(all));
        }
        w.flush();
        return 0;
    }

    private int compare(ComposeCommand.Loaded loaded) {
        if (!loaded.melody()) {
            throw new UserError("--compare needs a melody model (Experiment 2); " + loaded.describe() + " is not one");
        }
        if (elmanEpochs < 1) {
            throw new UserError("--elman-epochs " + elmanEpochs + ": must be at least 1");
        }
        TrainCommand.ModelPaths.checkWritable(out, "--out");
        int[] heldOut = loaded.heldOut();
        ElmanSettings elman = ElmanSettings.matchingExperiment2().withEpochs(elmanEpochs);
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "training the baselines on the %d training choruses of %s ...%n",
                loaded.data().choruses().size() - heldOut.length, loaded.describe());
        w.flush();
        List<Comparison.Row> rows = Comparison.run(loaded.data(), heldOut, loaded.sequenceModel(),
                loaded.model().network().parameterCount(), new Comparison.Settings(choruses, elman, seed));
        String setup = String.format(Locale.ROOT, "Each model runs free for %d choruses, primed with the first %d steps of a "
                + "training chorus (seed %d); chords thresholded at 0.5, one melody note drawn per step (the paper's rule). "
                + "nll: cross-entropy per step on the %d held-out choruses. LSTM: %s. Baselines trained here on the other "
                + "%d choruses: Markov chains over whole frames (Witten-Bell smoothing), Elman network with %d hidden units "
                + "(BPTT over 96-step windows, Adam, %d epochs). Made with: bebop %s",
                choruses, Primers.DEFAULT_STEPS, seed, heldOut.length, loaded.describe(),
                loaded.data().choruses().size() - heldOut.length, elman.hidden(), elmanEpochs,
                String.join(" ", spec.root().commandLine().getParseResult().originalArgs()));
        String verdict = Comparison.verdict(rows);
        ComparisonReport.write(out, "bebop: the LSTM against the baselines", setup, rows, verdict);
        for (Comparison.Row r : rows) {
            w.printf(Locale.ROOT, "%-12s chord_accuracy %.4f  novel_bars %.4f  nll %.4f%n", r.model(),
                    r.evaluation().chordAccuracy(), r.evaluation().novelBars(), r.evaluation().nll());
        }
        w.println(verdict);
        w.printf(Locale.ROOT, "wrote %s and %s%n", out, ComparisonReport.jsonBeside(out));
        w.flush();
        return 0;
    }

    /**
     * A model of data other than the blues (an import, a piano roll): its free run has no form to
     * keep and no training segments to compare with, so eval shows what training measured on the
     * model's own data set (valid_nll, test_nll, test_acc), as the model file records it.
     */
    private int recorded(Model m, FrameFormat format) throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        String dataset = m.extra().path("training").path("dataset").asText("?");
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode all = mapper.createObjectNode();
            all.put("model", model.toString());
            all.put("kind", m.kind());
            all.put("dataset", dataset);
            all.put("frames", format.layout());
            all.put("seed", m.provenance().seed());
            all.setAll(m.metrics());
            w.println(mapper.writeValueAsString(all));
        } else {
            w.printf(Locale.ROOT, "model             %s (%s, seed %d), trained on %s%n", model, m.kind(), m.provenance().seed(),
                    dataset);
            w.printf(Locale.ROOT, "frames            %s%n", format.describe());
            var names = m.metrics().fieldNames();
            while (names.hasNext()) {
                String k = names.next();
                var v = m.metrics().get(k);
                if (v.isNumber() && (k.endsWith("_nll") || k.endsWith("_acc"))) {
                    w.printf(Locale.ROOT, "%-17s %.4f   (measured at training time on the data set's %s split)%n", k,
                            v.asDouble(), k.substring(0, k.indexOf('_')));
                }
            }
            w.println("(chord_accuracy, in_scale, novel_bars and the other free-run metrics are measured for models of "
                    + "the paper's blues encoding; compose plays this model)");
        }
        w.flush();
        return 0;
    }

    private static void header(PrintWriter w, ComposeCommand.Loaded loaded) {
        w.printf(Locale.ROOT, "model             %s%n", loaded.describe());
    }

    static ObjectNode chordMetrics(ChordEvaluation eval) {
        ObjectNode m = new ObjectMapper().createObjectNode();
        m.put("chord_accuracy", eval.chordAccuracy());
        m.put("choruses_perfect", eval.chorusesPerfect());
        m.put("choruses", eval.choruses());
        m.put("steps", eval.steps());
        return m;
    }

    static ObjectNode melodyMetrics(MelodyEvaluation eval) {
        ObjectNode m = new ObjectMapper().createObjectNode();
        m.put("chord_accuracy", eval.chordAccuracy());
        m.put("in_scale", eval.inScale());
        m.put("novel_bars", eval.novelBars());
        m.put("unique_choruses", eval.uniqueChoruses());
        m.put("pitch_class_kl", eval.pitchClassKl());
        putOrNull(m, "nll", eval.nll());
        m.put("choruses", eval.choruses());
        m.put("steps", eval.steps());
        m.put("primer_steps", eval.primerSteps());
        m.put("held_out_choruses", eval.heldOutChoruses());
        return m;
    }

    private static void putOrNull(ObjectNode m, String key, double v) {
        if (Double.isFinite(v)) {
            m.put(key, v);
        } else {
            m.putNull(key);
        }
    }
}
