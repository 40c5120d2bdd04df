package bebop.app;

import bebop.UserError;
import bebop.eval.MelodyEvaluation;
import bebop.train.AnBnCn;
import bebop.train.Experiment1Settings;
import bebop.train.Experiment2Settings;
import bebop.train.SeedSweep;
import bebop.train.TrainingListener;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * An experiment for many seeds, several at a time: each run trains and measures exactly as
 * {@code train --experiment} does (same settings, same results), one thread a run.
 */
public final class SeedsService {
    private SeedsService() {}

    /**
     * Experiment 1, one row a seed in the order of {@code seeds}: seed, learned, epochs, steps,
     * seconds and the free run's metrics; {@code settings} gives each seed's settings.
     */
    public static List<Map<String, Object>> chords(List<Long> seeds, int threads,
                                                   LongFunction<Experiment1Settings> settings) {
        return SeedSweep.run(seeds, threads, seed -> chords(settings.apply(seed)));
    }

    /**
     * Experiment 2, as {@link #chords}; with {@code runs} above 1 each model runs free that many
     * times in one pass (run {@code r} as {@code eval --seed 1+r}): chord_accuracy is the least of
     * the runs, in_scale and novel_bars their means, with novel_bars' least and greatest value.
     */
    public static List<Map<String, Object>> melody(List<Long> seeds, int threads,
                                                   LongFunction<Experiment2Settings> settings, int runs) {
        EvaluateService.checkRuns(runs);
        return SeedSweep.run(seeds, threads, seed -> melodyRun(settings.apply(seed), List.of(), runs).run());
    }

    /**
     * A user error unless {@code runs} (the flag {@code --runs}) suits {@code experiment}: 1 to
     * {@link EvaluateService#MAX_RUNS} free runs of each Experiment 2 model; only 1 for Experiment 1, whose
     * free run draws nothing.
     */
    public static void checkRuns(Experiment experiment, int runs) {
        if (experiment == Experiment.chords && runs != 1) {
            throw new UserError("--runs: Experiment 1's free run draws nothing, so every run would be the same; "
                    + "--runs is for --experiment melody");
        }
        EvaluateService.checkRuns(runs);
    }

    /**
     * The a^n b^n c^n task ({@link AnBnCn}), one row a seed: learned, strings, steps, seconds,
     * generalisation, and with watching ({@link AnBnCn.Settings#watch}) the best generalisation seen
     * and the string it came after.
     */
    public static List<Map<String, Object>> anbncn(List<Long> seeds, int threads, LongFunction<AnBnCn.Settings> settings) {
        return SeedSweep.run(seeds, threads, seed -> {
            AnBnCn.Settings s = settings.apply(seed);
            AnBnCn.Result r = AnBnCn.train(s);
            Map<String, Object> row = row(seed, r.learned(), 0, r.steps(), r.seconds());
            row.remove("epochs");
            row.put("strings", r.strings());
            row.put("generalisation", r.generalisation());
            if (s.watch() > 0) {
                row.put("best_generalisation", r.bestGeneralisation());
                row.put("best_after", r.bestAfter());
            }
            return row;
        });
    }

    private static Map<String, Object> chords(Experiment1Settings s) {
        return chordsRun(s, List.of()).run();
    }

    /**
     * One run of Experiment 1 exactly as {@link #chords} makes it, its row with the trained model
     * (whose provenance records {@code commandLine}): what a sweep on Spark runs per task.
     */
    public static TrainedModel<Map<String, Object>> chordsRun(Experiment1Settings s, List<String> commandLine) {
        TrainedModel<TrainService.ChordsRun> t = TrainService.chords(s, commandLine, TrainingListener.NONE);
        TrainService.ChordsRun r = t.run();
        Map<String, Object> row = row(s.seed(), r.result().converged(), r.result().epochs(), r.result().steps(),
                r.result().seconds());
        row.put("chord_accuracy", r.eval().chordAccuracy());
        row.put("choruses_perfect", r.eval().chorusesPerfect());
        return new TrainedModel<>(t.model(), t.curve(), row);
    }

    /** Experiment 2, as {@link #chordsRun}, its model run free {@code runs} times as {@link #melody} runs it. */
    public static TrainedModel<Map<String, Object>> melodyRun(Experiment2Settings s, List<String> commandLine, int runs) {
        TrainedModel<TrainService.MelodyRun> t = TrainService.melody(s, commandLine, TrainingListener.NONE, runs);
        TrainService.MelodyRun r = t.run();
        Map<String, Object> row = row(s.seed(), r.result().converged(), r.result().epochs(), r.result().steps(),
                r.result().seconds());
        List<MelodyEvaluation> evals = r.runs();
        DoubleSummaryStatistics novel = evals.stream().mapToDouble(MelodyEvaluation::novelBars).summaryStatistics();
        row.put("chord_accuracy", evals.stream().mapToDouble(MelodyEvaluation::chordAccuracy).min().orElseThrow());
        row.put("in_scale", evals.stream().mapToDouble(MelodyEvaluation::inScale).average().orElseThrow());
        row.put("novel_bars", novel.getAverage());
        if (runs > 1) {
            row.put("novel_bars_min", novel.getMin());
            row.put("novel_bars_max", novel.getMax());
        }
        row.put("nll", r.eval().nll());
        return new TrainedModel<>(t.model(), t.curve(), row);
    }

    private static Map<String, Object> row(long seed, boolean learned, long epochs, long steps, double seconds) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("seed", seed);
        row.put("learned", learned);
        row.put("epochs", epochs);
        row.put("steps", steps);
        row.put("seconds", Math.round(seconds * 10) / 10.0);
        return row;
    }
}
