package bebop.cli;

import bebop.app.EvaluateService;
import bebop.app.Experiment;
import bebop.app.SeedsService;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bebop seeds}: an experiment for many seeds at once, one seed per thread. */
@Command(name = "seeds",
        header = "Run Experiment 1 or 2 for many seeds in parallel and tabulate which learned.",
        description = {
            "Trains the experiment's network once per seed, as `bebop train --experiment E --seed S` does "
                    + "(same settings, same results), several seeds at a time on --threads cores, and "
                    + "tabulates each run: whether it learned (the paper's stop test), epochs, steps, "
                    + "seconds, and the free-run chord accuracy over 100 choruses (Experiment 2 also "
                    + "in_scale and novel_bars on the held-out primers, over --runs free runs). Models "
                    + "are not written: train the seed you want to keep with `bebop train`.",
            "Each run is single-threaded and independent: the table does not depend on --threads "
                    + "(except the seconds)."})
final class SeedsCommand implements Callable<Integer> {
    @Option(names = "--experiment", required = true, paramLabel = "chords|melody",
            description = "chords: Experiment 1; melody: Experiment 2.")
    Experiment experiment;

    @Option(names = "--seeds", paramLabel = "A-B|S,S,...", defaultValue = "1-10",
            description = "Seeds: a range (1-10) or a list (1,4,7). Default: ${DEFAULT-VALUE}.")
    String seeds;

    @Option(names = "--threads", paramLabel = "N",
            description = "Runs at a time. Default: the number of cores.")
    Integer threads;

    @Mixin
    PaperFlags paperFlags;

    @Option(names = "--max-epochs", paramLabel = "N", description = "At most N epochs per run (default: the experiment's).")
    Long maxEpochs;

    @Option(names = "--learning-rate", paramLabel = "R", description = "Learning rate, as train's. Default: see README.")
    Double learningRate;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "1",
            description = "Experiment 2: run each model free N times (in one pass; run k as `bebop eval --seed k`) "
                    + "and give chord_accuracy's least value, the means of in_scale and novel_bars, and "
                    + "novel_bars' least and greatest. At most " + EvaluateService.MAX_RUNS + ". Default: 1.")
    int runs;

    @Option(names = "--json", description = "Print a JSON array of the runs instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<Long> seedList = RunFlags.parseSeeds(seeds);
        int n = RunFlags.threads(threads);
        // bad flags are refused before any run starts
        SeedsService.checkRuns(experiment, runs);
        if (experiment == Experiment.chords) {
            paperFlags.experiment1(0, maxEpochs, learningRate);
        } else {
            paperFlags.experiment2(0, maxEpochs, learningRate);
        }
        List<Map<String, Object>> rows = experiment == Experiment.chords
                ? SeedsService.chords(seedList, n, seed -> paperFlags.experiment1(seed, maxEpochs, learningRate))
                : SeedsService.melody(seedList, n, seed -> paperFlags.experiment2(seed, maxEpochs, learningRate), runs);
        var out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(rows));
        } else {
            print(rows, out);
        }
        out.flush();
        return 0;
    }

    private static void print(List<Map<String, Object>> rows, java.io.PrintWriter out) {
        List<String> keys = new ArrayList<>(rows.get(0).keySet());
        List<List<String>> cells = new ArrayList<>();
        cells.add(keys);
        for (Map<String, Object> r : rows) {
            List<String> line = new ArrayList<>();
            for (String k : keys) {
                Object v = r.get(k);
                line.add(k.equals("seconds") ? String.format(Locale.ROOT, "%.1f", (Double) v)
                        : v instanceof Double d ? String.format(Locale.ROOT, "%.4f", d)
                        : v instanceof Long l && !k.equals("seed") ? String.format(Locale.ROOT, "%,d", l)
                        : String.valueOf(v));
            }
            cells.add(line);
        }
        Tables.printAligned(cells, 0, out);
        long learned = rows.stream().filter(r -> Boolean.TRUE.equals(r.get("learned"))).count();
        out.printf(Locale.ROOT, "%d of %d seeds learned%n", learned, rows.size());
    }
}
