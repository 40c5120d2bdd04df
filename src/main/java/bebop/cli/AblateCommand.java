package bebop.cli;

import bebop.UserError;
import bebop.app.AblationService;
import bebop.train.Experiment1Settings;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bebop ablate}: which factors decide whether the online learners learn Experiment 1. */
@Command(name = "ablate",
        header = "Experiment 1 with an online learner: one factor changed at a time, seeds counted per level.",
        description = {
            "Trains Experiment 1 with --learner sgd or dekf from the base settings the other flags give (as train "
                    + "reads them), changing one factor at a time: gate biases, weight range, inputs, peepholes, "
                    + "the gross-error reset rule, the reset at chorus starts, and learning rate and momentum (sgd) "
                    + "or the filter's measurement and R (dekf). Each level runs every seed for at most --max-steps "
                    + "online steps; the table counts the seeds that learned the form (the paper's stop test) and "
                    + "that held it for 100 free-run choruses, with the median steps and seconds of those, and the mean "
                    + "chord accuracy of every seed's 100-chorus free run.",
            "All runs share --threads cores; each is single-threaded, so the counts do not depend on --threads."})
final class AblateCommand implements Callable<Integer> {
    @Option(names = "--seeds", paramLabel = "A-B|S,S,...", defaultValue = "1-10",
            description = "Seeds: a range (1-10) or a list (1,4,7). Default: ${DEFAULT-VALUE}.")
    String seeds;

    @Option(names = "--threads", paramLabel = "N", description = "Runs at a time. Default: the number of cores.")
    Integer threads;

    @Option(names = "--max-steps", paramLabel = "N", defaultValue = "1000000",
            description = "Step budget of each run (whole choruses of 96). Default: ${DEFAULT-VALUE}.")
    long maxSteps;

    @Option(names = "--factors", paramLabel = "NAME,...", split = ",",
            description = "Only these factors (names as the table prints them, e.g. \"peepholes,inputs\"). Default: all.")
    List<String> factors;

    @Option(names = "--learning-rate", paramLabel = "R", description = "sgd: the base learning rate. Default: 1e-3 (1e-5 with --paper).")
    Double learningRate;

    @Mixin
    PaperFlags paperFlags;

    @Option(names = "--json", description = "Print a JSON array of the cells instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<Long> seedList = RunFlags.parseSeeds(seeds);
        int n = RunFlags.threads(threads);
        if (maxSteps < 96 || maxSteps > 10_000_000_000L) {
            throw new UserError("--max-steps " + maxSteps + ": must be 96 (one chorus) to 10000000000");
        }
        Experiment1Settings probe = paperFlags.experiment1(0, null, learningRate);
        if (probe.trainer() == Experiment1Settings.Trainer.BPTT_ADAM) {
            throw new UserError("--learner: ablate studies the online learners; give --learner sgd or dekf (or --paper)");
        }
        List<AblationService.Level> levels = AblationService.experiment1Factors(probe.trainer());
        if (factors != null) {
            List<String> known = levels.stream().map(AblationService.Level::factor).distinct().toList();
            for (String f : factors) {
                if (!known.contains(f.strip())) {
                    throw new UserError("--factors " + f + ": unknown factor (known: " + String.join(", ", known) + ")");
                }
            }
            List<String> wanted = factors.stream().map(String::strip).toList();
            levels = levels.stream().filter(l -> wanted.contains(l.factor())).toList();
        }
        List<Map<String, Object>> rows = AblationService.run(seedList, n,
                seed -> paperFlags.experiment1(seed, null, learningRate), maxSteps, levels);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(rows));
        } else {
            print(rows, out);
        }
        out.flush();
        return 0;
    }

    private static void print(List<Map<String, Object>> rows, PrintWriter out) {
        List<String> keys = Arrays.asList("factor", "level", "learned", "held", "median_steps", "median_seconds",
                "mean_chord_accuracy");
        List<List<String>> cells = new ArrayList<>();
        cells.add(keys);
        for (Map<String, Object> r : rows) {
            List<String> line = new ArrayList<>();
            for (String k : keys) {
                Object v = r.get(k);
                line.add(v == null ? "-"
                        : k.equals("learned") || k.equals("held") ? v + "/" + r.get("seeds")
                        : v instanceof Long l ? String.format(Locale.ROOT, "%,d", l)
                        : v instanceof Double d ? String.format(Locale.ROOT, k.equals("median_seconds") ? "%.1f" : "%.4f", d)
                        : String.valueOf(v));
            }
            cells.add(line);
        }
        Tables.printAligned(cells, 2, out);
    }
}
