package bebop.app;

import bebop.train.Experiment1Settings;
import bebop.train.Experiment2Settings;
import bebop.train.SeedSweep;
import bebop.train.TrainingListener;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An experiment for many seeds, several at a time: each run trains and measures exactly as
 * {@code train --experiment} does (same settings, same results), one thread a run.
 */
public final class SeedsService {
    private SeedsService() {}

    /**
     * One row a seed, in the order of {@code seeds}: seed, learned, epochs, steps, seconds and the
     * free run's metrics. {@code maxEpochs} null: the experiment's own budget.
     */
    public static List<Map<String, Object>> run(Experiment experiment, List<Long> seeds, int threads, boolean paper,
                                                Long maxEpochs) {
        return SeedSweep.run(seeds, threads, seed -> experiment == Experiment.chords
                ? chords(seed, paper, maxEpochs) : melody(seed, paper, maxEpochs));
    }

    private static Map<String, Object> chords(long seed, boolean paper, Long maxEpochs) {
        Experiment1Settings s = paper ? Experiment1Settings.paper(seed) : Experiment1Settings.defaults(seed);
        if (maxEpochs != null) {
            s = s.withMaxEpochs(maxEpochs);
        }
        TrainService.ChordsRun r = TrainService.chords(s, List.of(), TrainingListener.NONE).run();
        Map<String, Object> row = row(seed, r.result().converged(), r.result().epochs(), r.result().steps(),
                r.result().seconds());
        row.put("chord_accuracy", r.eval().chordAccuracy());
        row.put("choruses_perfect", r.eval().chorusesPerfect());
        return row;
    }

    private static Map<String, Object> melody(long seed, boolean paper, Long maxEpochs) {
        Experiment2Settings s = paper ? Experiment2Settings.paper(seed) : Experiment2Settings.defaults(seed);
        if (maxEpochs != null) {
            s = s.withMaxEpochs(maxEpochs);
        }
        TrainService.MelodyRun r = TrainService.melody(s, List.of(), TrainingListener.NONE).run();
        Map<String, Object> row = row(seed, r.result().converged(), r.result().epochs(), r.result().steps(),
                r.result().seconds());
        row.put("chord_accuracy", r.eval().chordAccuracy());
        row.put("in_scale", r.eval().inScale());
        row.put("novel_bars", r.eval().novelBars());
        return row;
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
