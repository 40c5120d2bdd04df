package bebop.spark;

import bebop.app.EvaluateService;
import bebop.app.Experiment;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bebop sweep}: a grid of training runs as Apache Spark tasks, here or on a cluster. */
@Command(name = "sweep", sortOptions = false,
        header = "Run a grid of training runs on Apache Spark (this machine or a cluster) and tabulate them.",
        description = {
            "Every point of the grid is one training run, exactly as `bebop seeds` makes it for one seed (same "
                    + "settings, same epochs, steps and metrics), run as one Spark task. Rows go to OUT/runs.jsonl as "
                    + "runs finish; the table (per setting: seeds that learned, median steps and epochs of those that "
                    + "did, mean free-run chord accuracy, best seed) to OUT/summary.md and OUT/summary.json and the "
                    + "screen; the best model of each setting to OUT/models/. Run it again with the same --out to "
                    + "finish an interrupted sweep: finished runs are not run again.",
            "Other Spark settings: -Dspark.NAME=VALUE in BEBOP_JAVA_OPTS (spark.executor.memory, ...)."})
final class SweepCommand implements Callable<Integer> {
    @Option(names = "--experiment", paramLabel = "chords|melody",
            description = "chords: Experiment 1; melody: Experiment 2 (each run as bebop seeds makes it).")
    Experiment experiment;

    @Option(names = "--data", paramLabel = "DATASET",
            description = "Or the paper's network on a bebop import folder, each run as `bebop train --data DATASET "
                    + "--trainer paper` makes it (learned: its validation error plateaued). On a cluster DATASET must be "
                    + "at the same path on every worker.")
    String data;

    @Option(names = "--grid", required = true, paramLabel = "NAME=VALUES",
            description = "A training flag of bebop seeds without its dashes, or seed, and its values: a comma list, "
                    + "whole-number ranges allowed (seed=1..100, learning-rate=1e-3,1e-2, learner=sgd,dekf, "
                    + "max-epochs=500). Repeat for more flags: every combination runs. Default seed: 1.")
    List<String> grid;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "1",
            description = "Experiment 2: run each model free N times (at most " + EvaluateService.MAX_RUNS + ") and give "
                    + "chord_accuracy's least value, in_scale's and novel_bars' means, novel_bars' least and greatest, "
                    + "as bebop seeds --runs does. Default: ${DEFAULT-VALUE}.")
    int runs;

    @Option(names = "--master", paramLabel = "URL", defaultValue = "local[*]",
            description = "local[*] (this machine's cores), local[N], or a cluster: spark://HOST:PORT. "
                    + "Default: ${DEFAULT-VALUE}.")
    String master;

    @Option(names = "--out", required = true, paramLabel = "OUT", description = "Folder of the sweep's results.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Grid g = Grid.parse(grid);
        PrintWriter err = spec.commandLine().getErr();
        Summary summary = Sweep.run(Work.of(experiment, data, runs), g, master, out, err);
        PrintWriter w = spec.commandLine().getOut();
        w.print(summary.markdown());
        w.println("wrote " + out.resolve("runs.jsonl") + ", " + out.resolve("summary.md") + ", "
                + out.resolve("summary.json") + ", " + out.resolve("models"));
        w.flush();
        return 0;
    }
}
