package bebop.cli;

import bebop.UserError;
import bebop.train.Experiment1Settings;
import bebop.train.Experiment2Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * One run's settings from the training flags {@code bebop seeds} takes, read by the same flag classes:
 * a sweep's grid (bebop's Spark part) may set any of them and its runs are the runs {@code seeds} makes.
 */
@Command(name = "run")
public final class RunSettings {
    @Mixin
    PaperFlags paperFlags;

    @Option(names = "--max-epochs")
    Long maxEpochs;

    @Option(names = "--learning-rate")
    Double learningRate;

    private RunSettings() {
    }

    /**
     * Command-line arguments for settings "name" -> "value" (a flag without a value, such as
     * {@code paper}, takes true or false); a name that is no flag of {@code seeds} is a user error
     * naming {@code what} (the grid flag it came from).
     */
    public static List<String> arguments(Map<String, String> settings, String what) {
        var spec = new CommandLine(new RunSettings()).getCommandSpec();
        List<String> args = new ArrayList<>();
        settings.forEach((name, value) -> {
            OptionSpec o = spec.findOption("--" + name);
            if (o == null) {
                throw new UserError(what + ": '" + name + "' is no training flag of bebop seeds (see bebop help seeds)");
            }
            if (o.arity().max() > 0) {
                args.add("--" + name + "=" + value);
            } else if (value.equals("true")) {
                args.add("--" + name);
            } else if (!value.equals("false")) {
                throw new UserError(what + ": " + name + "=" + value + ": the flag --" + name + " takes true or false");
            }
        });
        return args;
    }

    /** Experiment 1's settings for {@code seed} and these arguments; bad ones are a user error naming {@code what}. */
    public static Experiment1Settings experiment1(List<String> args, long seed, String what) {
        RunSettings r = parse(args, what);
        return r.paperFlags.experiment1(seed, r.maxEpochs, r.learningRate);
    }

    /** Experiment 2, as {@link #experiment1}. */
    public static Experiment2Settings experiment2(List<String> args, long seed, String what) {
        RunSettings r = parse(args, what);
        return r.paperFlags.experiment2(seed, r.maxEpochs, r.learningRate);
    }

    private static RunSettings parse(List<String> args, String what) {
        RunSettings r = new RunSettings();
        try {
            new CommandLine(r).parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new UserError(what + ": " + e.getMessage());
        }
        return r;
    }
}
