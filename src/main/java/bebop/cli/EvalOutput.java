package bebop.cli;

import bebop.app.BluesModel;
import bebop.app.Evaluation;
import bebop.app.EvaluationRuns;
import bebop.eval.MelodyEvaluation;
import bebop.eval.Polyphony;
import bebop.train.ChordEvaluation;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/** How {@code eval} shows an evaluation: a table of the metrics with what each means, or one JSON object. */
final class EvalOutput {
    private EvalOutput() {}

    static void print(Evaluation evaluation, PrintWriter w) {
        if (evaluation instanceof Evaluation.Chords c) {
            chords(c.model(), c.eval(), w);
        } else if (evaluation instanceof Evaluation.Melody m) {
            melody(m.model(), m.eval(), m.seed(), w);
        } else if (evaluation instanceof Evaluation.OnData d) {
            DataEvalOutput.onData(d, w);
        } else {
            Evaluation.Recorded r = (Evaluation.Recorded) evaluation;
            DataEvalOutput.recorded(r.model(), w);
            if (r.polyphony() != null) {
                polyphony(r.polyphony(), w);
            }
        }
    }

    /** {@code file}: the model file asked for, null for the bundled model. */
    static ObjectNode json(Evaluation evaluation, Path file) {
        ObjectNode all = new ObjectMapper().createObjectNode();
        if (evaluation instanceof Evaluation.OnData d) {
            DataEvalOutput.json(all, d);
        } else if (evaluation instanceof Evaluation.Recorded r) {
            DataEvalOutput.json(all, r.model());
        } else {
            blues(all, evaluation instanceof Evaluation.Chords c ? c.model() : ((Evaluation.Melody) evaluation).model(),
                    file);
        }
        all.setAll(evaluation.metrics());
        return all;
    }

    static void print(EvaluationRuns runs, PrintWriter w) {
        MelodyEvaluation any = runs.first();
        int n = runs.runs().size();
        w.printf(Locale.ROOT, "model             %s%n", runs.model().describe());
        w.printf(Locale.ROOT, "free runs         %d runs of %d choruses (%d steps each), each primed with the first %d steps "
                + "of a training chorus; seeds %d to %d (each run as eval --seed S)%n", n, any.choruses(), any.steps(),
                any.primerSteps(), runs.firstSeed(), runs.firstSeed() + n - 1);
        w.println("                  mean     min      max");
        for (EvaluationRuns.Metric m : EvaluationRuns.METRICS) {
            w.printf(Locale.ROOT, "%-17s %.4f   %.4f   %.4f   (%s)%n", m.name(), runs.mean(m), runs.min(m), runs.max(m),
                    m.meaning());
        }
        w.printf(Locale.ROOT, "nll               %.4f   (nats per step, 25 units, teacher-forced on %d held-out choruses; "
                + "the same for every run)%n", any.nll(), any.heldOutChoruses());
    }

    /** {@code file}: the model file asked for, null for the bundled model. */
    static ObjectNode json(EvaluationRuns runs, Path file) {
        ObjectNode all = new ObjectMapper().createObjectNode();
        blues(all, runs.model(), file);
        all.setAll(runs.json());
        return all;
    }

    /** Which model of the paper's blues was evaluated, into {@code all}. */
    private static void blues(ObjectNode all, BluesModel m, Path file) {
        all.put("model", file == null ? "bundled" : file.toString());
        all.put("experiment", m.model().experiment());
        all.put("form", m.model().form().label());
        all.put("seed", m.model().model().provenance().seed());
    }

    private static void chords(BluesModel m, ChordEvaluation eval, PrintWriter w) {
        w.printf(Locale.ROOT, "model             %s%n", m.describe());
        w.printf(Locale.ROOT, "free run          %d choruses, %d steps, from the form's first frame%n",
                eval.choruses(), eval.steps());
        w.printf(Locale.ROOT, "chord_accuracy    %.4f   (steps whose chord frame equals the form's)%n", eval.chordAccuracy());
        w.printf(Locale.ROOT, "choruses_perfect  %d of %d%n", eval.chorusesPerfect(), eval.choruses());
    }

    private static void melody(BluesModel m, MelodyEvaluation eval, long seed, PrintWriter w) {
        w.printf(Locale.ROOT, "model             %s%n", m.describe());
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

    /** How often a free run sounds 3-4 notes at once, beside the training set. */
    private static void polyphony(Polyphony p, PrintWriter w) {
        w.printf(Locale.ROOT, "3-4 notes         %.4f   (share of %d generated frames with 3 or 4 keys sounding, temperature 1)%n",
                p.generated(), p.frames());
        if (Double.isNaN(p.training())) {
            w.println("3-4 notes, train   unknown  (the model file does not record its training set's share)");
        } else {
            w.printf(Locale.ROOT, "3-4 notes, train  %.4f   (share of the training set's frames)%n", p.training());
        }
    }
}
