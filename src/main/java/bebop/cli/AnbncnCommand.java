package bebop.cli;

import bebop.UserError;
import bebop.app.Checks;
import bebop.app.SeedsService;
import bebop.train.AnBnCn;
import bebop.train.Experiment1Settings;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bebop anbncn}: the online learners on the context-sensitive language a^n b^n c^n. */
@Command(name = "anbncn",
        header = "Check the online learners on a^n b^n c^n (Gers & Schmidhuber 2001; Pérez-Ortiz et al. 2003).",
        description = {
            "Trains an LSTM of --blocks blocks of one cell (peepholes, fully connected; --net) online to predict the "
                    + "possible next symbols of strings S a^n b^n c^n with n in 1..--train-max, the state reset "
                    + "at every string, until every training n is predicted right (tested every 100 strings); "
                    + "then counts up from n = 1 to the largest N it predicts right for every n up to N "
                    + "(the generalisation, up to n = 100 x --train-max), at once or after --train-on more strings; "
                    + "--watch N trains N strings more, testing after each, and reports the best generalisation "
                    + "seen too (a snapshot chosen with the test strings: an upper bound). One row a seed. The "
                    + "filter measures the outputs here (--dekf-measure output, Pérez-Ortiz et al.'s) unless told "
                    + "otherwise. It runs the plain arithmetic, in any JVM, whose bits the README's tables are: the "
                    + "task is sensitive to the last bit, and under the SIMD arithmetic (its own exp) the same seeds "
                    + "take other trajectories."})
final class AnbncnCommand implements Callable<Integer> {
    @Option(names = "--learner", paramLabel = "sgd|dekf", defaultValue = "dekf",
            description = "sgd: momentum SGD on the truncated gradient; dekf: the Kalman filter. Default: ${DEFAULT-VALUE}.")
    String learner;

    @Option(names = "--learning-rate", paramLabel = "R", description = "sgd: learning rate. Default: 1e-3.")
    Double learningRate;

    @Option(names = "--momentum", paramLabel = "M", description = "sgd: momentum. Default: 0.99.")
    Double momentum;

    @Mixin
    KalmanFlags kalmanFlags;

    @Mixin
    AnbncnNetFlags netFlags;

    @Option(names = "--blocks", paramLabel = "N", defaultValue = "2", description = "Memory blocks. Default: ${DEFAULT-VALUE}.")
    int blocks;

    @Option(names = "--train-max", paramLabel = "N", defaultValue = "10",
            description = "Training strings have n in 1..N. Default: ${DEFAULT-VALUE}.")
    int trainMax;

    @Option(names = "--max-strings", paramLabel = "N", defaultValue = "1000000",
            description = "Give up after N training strings. Default: ${DEFAULT-VALUE}.")
    long maxStrings;

    @Option(names = "--train-on", paramLabel = "N", defaultValue = "0",
            description = "Once every training n is right, train N more strings before the generalisation test "
                    + "(0: test at once). Default: ${DEFAULT-VALUE}.")
    long trainOn;

    @Option(names = "--watch", paramLabel = "N", defaultValue = "0",
            description = "After the generalisation test, train N more strings one at a time, testing after each, "
                    + "and report the best generalisation seen and after which string (chosen with the test "
                    + "strings: an upper bound, as a best network picked afterwards is). Default: ${DEFAULT-VALUE}.")
    long watch;

    @Option(names = "--seeds", paramLabel = "A-B|S,S,...", defaultValue = "1-5",
            description = "Seeds: a range or a list. Default: ${DEFAULT-VALUE}.")
    String seeds;

    @Option(names = "--threads", paramLabel = "N", description = "Runs at a time. Default: the number of cores.")
    Integer threads;

    @Option(names = "--json", description = "Print a JSON array of the runs instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<Long> seedList = RunFlags.parseSeeds(seeds);
        int n = RunFlags.threads(threads);
        Experiment1Settings.Trainer trainer = switch (learner.toLowerCase(Locale.ROOT)) {
            case "sgd" -> Experiment1Settings.Trainer.ONLINE_RTRL;
            case "dekf" -> Experiment1Settings.Trainer.DEKF;
            default -> throw new UserError("--learner " + learner + ": use sgd or dekf");
        };
        if (kalmanFlags.given() && trainer != Experiment1Settings.Trainer.DEKF) {
            throw new UserError("--dekf-* flags go with --learner dekf");
        }
        if (trainer == Experiment1Settings.Trainer.DEKF && (learningRate != null || momentum != null)) {
            throw new UserError((learningRate != null ? "--learning-rate" : "--momentum")
                    + " goes with --learner sgd: the filter sets its steps by the --dekf-* flags");
        }
        double rate = learningRate == null ? 1e-3 : learningRate;
        double mu = momentum == null ? 0.99 : momentum;
        Checks.checked(rate, rate > 0 && rate < 100, "--learning-rate", "must be above 0 and below 100");
        Checks.checked(mu, mu >= 0 && mu < 1, "--momentum", "must be at least 0 and below 1");
        Checks.checked(blocks, blocks >= 1 && blocks <= 64, "--blocks", "must be 1 to 64");
        Checks.checked(trainMax, trainMax >= 1 && trainMax <= 1000, "--train-max", "must be 1 to 1000");
        Checks.checked(maxStrings, maxStrings >= 1, "--max-strings", "must be at least 1");
        Checks.checked(trainOn, trainOn >= 0 && trainOn <= 100_000_000, "--train-on", "must be 0 to 100000000 strings");
        Checks.checked(watch, watch >= 0 && watch <= 1_000_000, "--watch", "must be 0 to 1000000 strings");
        var kalman = kalmanFlags.kalman(AnBnCn.filter());
        AnBnCn.Network network = netFlags.network(blocks);
        List<Map<String, Object>> rows = SeedsService.anbncn(seedList, n, seed -> new AnBnCn.Settings(seed, trainer,
                rate, mu, kalman, network, trainMax, maxStrings, 100, 100 * trainMax, trainOn, watch));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(rows));
        } else {
            out.println(" seed  learned    strings      steps  seconds  generalisation"
                    + (watch > 0 ? "  best seen (after strings)" : ""));
            for (Map<String, Object> r : rows) {
                boolean learned = Boolean.TRUE.equals(r.get("learned"));
                out.printf(Locale.ROOT, "%5d  %7s  %9s  %9s  %7.1f  %14s", (Long) r.get("seed"), r.get("learned"),
                        String.format(Locale.ROOT, "%,d", (Long) r.get("strings")),
                        String.format(Locale.ROOT, "%,d", (Long) r.get("steps")), (Double) r.get("seconds"),
                        learned ? "1.." + r.get("generalisation") : "-");
                if (watch > 0) {
                    out.printf(Locale.ROOT, "  %26s", learned ? String.format(Locale.ROOT, "1..%d (%,d)",
                            (Integer) r.get("best_generalisation"), (Long) r.get("best_after")) : "-");
                }
                out.println();
            }
        }
        out.flush();
        return 0;
    }
}
