package bebop.spark;

import bebop.UserError;
import bebop.app.Experiment;
import bebop.app.SeedsService;
import bebop.app.TrainService;
import bebop.io.corpus.CorpusDatasets;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every run of a sweep trains: one of the paper's experiments ({@code --experiment}, as {@code seeds}
 * runs it), or the paper's network on an imported data set ({@code --data}, as {@code train --data DATASET
 * --trainer paper} runs it; {@code --data blues} is Experiment 2). On a cluster the data set must be at
 * the same path on every worker. {@code runs}: the free runs of each Experiment 2 model ({@code --runs},
 * as {@code seeds --runs}; 1 for the other works).
 */
record Work(Experiment experiment, String data, int runs) implements Serializable {
    static Work of(Experiment experiment, String data, int runs) {
        if ((experiment == null) == (data == null)) {
            throw new UserError("give --experiment chords|melody or --data DATASET, one of them");
        }
        Work w = data != null && TrainService.isBlues(data) ? new Work(Experiment.melody, null, runs)
                : new Work(experiment, data, runs);
        if (w.data() != null && runs != 1) {
            throw new UserError("--runs: a run of --data " + data + " is measured by its validation error, not by free "
                    + "runs; --runs is for --experiment melody (or --data blues)");
        }
        SeedsService.checkRuns(w.experiment(), runs);
        if (w.data() != null) {
            if (!Files.exists(Path.of(data))) {
                throw new UserError("--data " + data + ": no such folder (give a folder bebop import wrote, or blues)");
            }
            Path folder = CorpusDatasets.importFolder(data).orElseThrow(() -> new UserError("--data " + data
                    + ": not a folder bebop import wrote (the paper's network needs its chords and melody apart)"));
            // the data set is read here first, so a bad one is refused before any run starts
            TrainService.corpus(folder);
        }
        return w;
    }

    /** The row's first fields: "experiment": chords|melody, or "data": DATASET; "free_runs": N where {@code runs} is not 1. */
    Map<String, Object> rowStart() {
        Map<String, Object> row = new LinkedHashMap<>();
        if (data == null) {
            row.put("experiment", experiment.name());
        } else {
            row.put("data", data);
        }
        if (runs != 1) {
            row.put("free_runs", runs);
        }
        return row;
    }

    /** The part of a run's key that names the work (a run measured over other free runs is another run). */
    String id() {
        return id(data == null ? experiment.name() : "data=" + data, runs);
    }

    /** The work of a row of runs.jsonl. */
    static String id(Map<String, Object> row) {
        return id(row.containsKey("experiment") ? (String) row.get("experiment") : "data=" + row.get("data"),
                row.get("free_runs") instanceof Number n ? n.intValue() : 1);
    }

    private static String id(String work, int runs) {
        return runs == 1 ? work : work + " free_runs=" + runs;
    }
}
