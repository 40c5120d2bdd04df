package bebop.cli;

import bebop.app.DataModel;
import bebop.app.Evaluation;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;

/** How {@code eval} shows a model of data other than the blues: what its file records, or its score on a data set. */
final class DataEvalOutput {
    private DataEvalOutput() {}

    /** Which model and which data, into {@code all} ({@code eval --data --json}). */
    static void json(ObjectNode all, Evaluation.OnData d) {
        all.put("model", d.model().label());
        all.put("kind", d.model().model().kind());
        all.put("dataset", d.dataset());
        all.put("split", d.split());
    }

    /** Which model, into {@code all} ({@code eval --json} of a model of other data). */
    static void json(ObjectNode all, DataModel m) {
        all.put("model", m.label());
        all.put("kind", m.model().kind());
        all.put("dataset", m.dataset());
        all.put("frames", m.format().layout());
        all.put("seed", m.model().provenance().seed());
    }

    /** A score on a data set's split, beside what the model's file records of it. */
    static void onData(Evaluation.OnData d, PrintWriter w) {
        DataModel m = d.model();
        w.printf(Locale.ROOT, "model             %s (%s, seed %d), trained on %s%n", m.label(), m.model().kind(),
                m.model().provenance().seed(), m.dataset());
        w.printf(Locale.ROOT, "data              %s, %s split: %,d pieces, %,d frames predicted (%s)%n", d.dataset(),
                d.split(), d.pieces(), d.frames(), m.format().describe());
        String nll = d.split() + "_nll";
        w.printf(Locale.ROOT, "%-17s %.4f   (cross-entropy per frame in nats, teacher-forced, measured now)%n", nll,
                d.nll());
        if (d.accuracy() != null) {
            w.printf(Locale.ROOT, "%-17s %.4f   (keys predicted at 0.5: TP / (TP + FP + FN) over all frames, Bay et al. 2009)%n",
                    d.split() + "_acc", d.accuracy());
        }
        var recorded = m.model().metrics().path(nll);
        if (d.trainedOnIt() && recorded.isNumber()) {
            w.printf(Locale.ROOT, "(its file records %s %.4f, measured at training time on this data set)%n", nll,
                    recorded.asDouble());
        }
    }

    /** What training measured on the model's own data set, as its file records it. */
    static void recorded(DataModel m, PrintWriter w) {
        w.printf(Locale.ROOT, "model             %s (%s, seed %d), trained on %s%n", m.label(), m.model().kind(),
                m.model().provenance().seed(), m.dataset());
        w.printf(Locale.ROOT, "frames            %s%n", m.format().describe());
        var names = m.model().metrics().fieldNames();
        while (names.hasNext()) {
            String k = names.next();
            var v = m.model().metrics().get(k);
            if (v.isNumber() && (k.endsWith("_nll") || k.endsWith("_acc"))) {
                w.printf(Locale.ROOT, "%-17s %.4f   (measured at training time on the data set's %s split)%n", k,
                        v.asDouble(), k.substring(0, k.indexOf('_')));
            }
        }
        w.println("(chord_accuracy, in_scale, novel_bars and the other free-run metrics are measured for models of "
                + "the paper's blues encoding; compose plays this model, and eval --data DATASET scores it on a data set now)");
    }
}
