package bebop.app;

import bebop.eval.MelodyEvaluation;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Many free runs of one melody model ({@code eval --runs}): run {@code r} is the evaluation with
 * seed {@code firstSeed + r}, and each free-run metric is summarised by its mean, least and
 * greatest value over the runs. The paper's chord blocks never see the melody and every primer
 * opens with the form's first bar, so the chords run the same in every run: the runs measure the
 * melody.
 */
public record EvaluationRuns(BluesModel model, List<MelodyEvaluation> runs, long firstSeed) {
    /** A free-run metric: its name in {@code eval --json}, what it counts, and its value in a run. */
    public record Metric(String name, String meaning, ToDoubleFunction<MelodyEvaluation> value) {}

    /** The free-run metrics, in {@code eval}'s order (not nll: teacher-forced, the same in every run). */
    public static final List<Metric> METRICS = List.of(
            new Metric("chord_accuracy", "generated steps whose chord frame equals the form's",
                    MelodyEvaluation::chordAccuracy),
            new Metric("in_scale", "melody steps on a pitch of the training melodies", MelodyEvaluation::inScale),
            new Metric("novel_bars", "generated bars whose melody is no training segment of that bar",
                    MelodyEvaluation::novelBars),
            new Metric("unique_choruses", "distinct choruses / choruses", MelodyEvaluation::uniqueChoruses),
            new Metric("pitch_class_kl", "nats, generated vs training pitch classes, add-one smoothed",
                    MelodyEvaluation::pitchClassKl));

    public EvaluationRuns {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs");
        }
        runs = List.copyOf(runs);
    }

    public double mean(Metric m) {
        return runs.stream().mapToDouble(m.value()).average().orElseThrow();
    }

    public double min(Metric m) {
        return runs.stream().mapToDouble(m.value()).min().orElseThrow();
    }

    public double max(Metric m) {
        return runs.stream().mapToDouble(m.value()).max().orElseThrow();
    }

    /** Any run: what all runs share (choruses, primer steps, held-out nll). */
    public MelodyEvaluation first() {
        return runs.get(0);
    }

    /**
     * The summary and every run as {@code eval --runs --json} prints them: {@code mean}, {@code min}
     * and {@code max} per metric, and {@code per_run} (each run's seed and metrics, as
     * {@code eval --seed S --json} gives them).
     */
    public ObjectNode json() {
        ObjectNode all = new ObjectMapper().createObjectNode();
        all.put("runs", runs.size());
        all.put("first_seed", firstSeed);
        ObjectNode mean = all.putObject("mean");
        ObjectNode min = all.putObject("min");
        ObjectNode max = all.putObject("max");
        for (Metric m : METRICS) {
            mean.put(m.name(), mean(m));
            min.put(m.name(), min(m));
            max.put(m.name(), max(m));
        }
        ObjectNode shared = Metrics.of(first());
        for (String k : List.of("nll", "choruses", "steps", "primer_steps", "held_out_choruses")) {
            all.set(k, shared.get(k));
        }
        ArrayNode perRun = all.putArray("per_run");
        for (int r = 0; r < runs.size(); r++) {
            ObjectNode run = perRun.addObject();
            run.put("seed", firstSeed + r);
            run.setAll(Metrics.of(runs.get(r)));
        }
        return all;
    }
}
