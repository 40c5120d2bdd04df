package bebop.spark;

import bebop.UserError;
import bebop.app.Experiment;
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
 * the same path on every worker.
 */
record Work(Experiment experiment, String data) implements Serializable {
    static Work of(Experiment experiment, String data) {
        if ((experiment == null) == (data == null)) {
            throw new UserError("give --experiment chords|melody or --data DATASET, one of them");
        }
        if (data != null && TrainService.isBlues(data)) {
            return new Work(Experiment.melody, null);
        }
        if (data != null) {
            if (!Files.exists(Path.of(data))) {
                throw new UserError("--data " + data + ": no such folder (give a folder bebop import wrote, or blues)");
            }
            Path folder = CorpusDatasets.importFolder(data).orElseThrow(() -> new UserError("--data " + data
                    + ": not a folder bebop import wrote (the paper's network needs its chords and melody apart)"));
            // the data set is read here first, so a bad one is refused before any run starts
            TrainService.corpus(folder);
        }
        return new Work(experiment, data);
    }

    /** The row's first field: "experiment": chords|melody, or "data": DATASET. */
    Map<String, Object> rowStart() {
        Map<String, Object> row = new LinkedHashMap<>();
        if (data == null) {
            row.put("experiment", experiment.name());
        } else {
            row.put("data", data);
        }
        return row;
    }

    /** The part of a run's key that names the work. */
    String id() {
        return data == null ? experiment.name() : "data=" + data;
    }

    /** The work of a row of runs.jsonl. */
    static String id(Map<String, Object> row) {
        return row.containsKey("experiment") ? (String) row.get("experiment") : "data=" + row.get("data");
    }
}
