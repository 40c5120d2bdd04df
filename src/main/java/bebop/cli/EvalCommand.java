package bebop.cli;

import bebop.UserError;
import bebop.io.model.LstmModels;
import bebop.music.BluesForm;
import bebop.train.ChordEvaluation;
import bebop.train.Experiment1;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bebop eval}: lets a trained network run free and measures what it plays. */
@Command(name = "eval", sortOptions = false,
        description = {"Let a trained network run free from the paper's seed input (the form's first frame),",
            "its chord outputs thresholded at 0.5 and fed back, and report how well it keeps the form."})
final class EvalCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "M.bebop", description = "Model file to evaluate.")
    Path model;

    @Option(names = "--choruses", paramLabel = "N", defaultValue = "100",
            description = "Choruses to run free (96 steps each). Default: ${DEFAULT-VALUE}.")
    int choruses;

    @Option(names = "--json", description = "Print one JSON object instead of the table.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (choruses < 1 || choruses > 100_000) {
            throw new UserError("--choruses " + choruses + ": must be between 1 and 100000");
        }
        LstmModels.Loaded loaded = LstmModels.read(model);
        if (!loaded.experiment().equals("chords")) {
            throw new UserError(model + ": a '" + loaded.experiment() + "' model; this bebop evaluates 'chords' models");
        }
        ChordEvaluation eval = Experiment1.evaluate(loaded.network(), loaded.normalizer(), BluesForm.of(loaded.form()), choruses);
        ObjectNode metrics = chordMetrics(eval);
        var w = spec.commandLine().getOut();
        if (json) {
            ObjectNode all = new ObjectMapper().createObjectNode();
            all.put("model", model.toString());
            all.put("experiment", loaded.experiment());
            all.put("form", loaded.form().label());
            all.put("seed", loaded.model().provenance().seed());
            all.setAll(metrics);
            w.println(new ObjectMapper().writeValueAsString(all));
        } else {
            w.printf(Locale.ROOT, "model             %s (%s, %s form, seed %d)%n", model, loaded.experiment(),
                    loaded.form().label(), loaded.model().provenance().seed());
            w.printf(Locale.ROOT, "free run          %d choruses, %d steps, from the form's first frame%n",
                    eval.choruses(), eval.steps());
            w.printf(Locale.ROOT, "chord_accuracy    %.4f   (steps whose chord frame equals the form's)%n", eval.chordAccuracy());
            w.printf(Locale.ROOT, "choruses_perfect  %d of %d%n", eval.chorusesPerfect(), eval.choruses());
        }
        w.flush();
        return 0;
    }

    static ObjectNode chordMetrics(ChordEvaluation eval) {
        ObjectNode m = new ObjectMapper().createObjectNode();
        m.put("chord_accuracy", eval.chordAccuracy());
        m.put("choruses_perfect", eval.chorusesPerfect());
        m.put("choruses", eval.choruses());
        m.put("steps", eval.steps());
        return m;
    }
}
