package bebop.cli;

import bebop.UserError;
import bebop.Version;
import java.io.PrintWriter;
import java.util.List;
import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code bebop} command: parses the command line, runs a subcommand, maps errors to exit codes. */
@Command(name = "bebop",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = {
            "Learns the temporal structure of music with LSTM recurrent networks and improvises with it.",
            "A reproduction of Eck & Schmidhuber (2002), \"Finding temporal structure in music: "
                    + "Blues improvisation with LSTM recurrent networks\".",
            ""},
        subcommands = {
            CommandLine.HelpCommand.class,
            DemoCommand.class,
            ComposeCommand.class,
            DataCommand.class,
            TrainCommand.class,
            EvalCommand.class,
            InspectCommand.class,
            RenderCommand.class,
            ImportCommand.class,
            BenchPolyCommand.class,
            SeedsCommand.class,
            AblateCommand.class,
            AnbncnCommand.class,
            BenchCommand.class,
            StudioCommand.class,
            JamCommand.class,
        })
public final class Main implements Runnable {
    /** Exit code for errors the user can fix: bad input, bad flags. */
    public static final int USER_ERROR = 2;

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of errors.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Gives every command below {@code cl} (but {@code help}, which has its own) a {@code -h, --help}
     * that prints its usage, as {@code bebop help COMMAND} does: "bebop compose --help" is what people type.
     */
    private static void addHelpOptions(CommandLine cl) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            CommandLine.Model.CommandSpec spec = sub.getCommandSpec();
            if (sub.getCommand() instanceof CommandLine.HelpCommand || spec.findOption("--help") != null) {
                continue; // a help command, or an alias seen before
            }
            spec.addOption(CommandLine.Model.OptionSpec.builder("-h", "--help").usageHelp(true)
                    .description("Show this help and exit.").build());
            addHelpOptions(sub);
        }
    }

    public static void main(String[] args) {
        // The JDK logs "Created user preferences directory" on its first MIDI use: not news for a user.
        java.util.logging.Logger.getLogger("java.util.prefs").setLevel(java.util.logging.Level.SEVERE);
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code (used by tests too). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Main main = new Main();
        CommandLine cl = new CommandLine(main);
        // sweep comes from bebop's Spark part when ./bebop puts it on the class path, else says how to get it
        for (SparkPart part : ServiceLoader.load(SparkPart.class)) {
            part.commands().forEach(cl::addSubcommand);
        }
        if (!cl.getSubcommands().containsKey("sweep")) {
            cl.addSubcommand(new SweepMissing());
        }
        addHelpOptions(cl);
        // "@FILE" is bebop's own (compose --chords @chart.txt), not picocli's argument files.
        cl.setExpandAtFiles(false);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean verbose = parseResult.hasMatchedOption("--verbose")
                    || parseResult.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--verbose"))
                    || main.verbose;
            if (ex instanceof UserError) {
                err.println("bebop: " + ex.getMessage());
                if (verbose) {
                    ex.printStackTrace(err);
                }
                err.flush();
                return USER_ERROR;
            }
            err.println("bebop: internal error: " + ex + (verbose ? "" : " (run with --verbose for details)"));
            if (verbose) {
                ex.printStackTrace(err);
            }
            err.flush();
            return 1;
        });
        cl.setParameterExceptionHandler((ex, args1) -> {
            err.println("bebop: " + ex.getMessage());
            if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
                List<String> close = Typos.closeTo(u.getUnmatched().get(0), u.getSuggestions());
                if (!close.isEmpty()) {
                    err.println("Did you mean: " + String.join(", ", close) + "?");
                }
            }
            String path = commandPath(ex.getCommandLine());
            err.println(path.isEmpty() ? "Try 'bebop --help' for the commands." : "Try 'bebop help " + path + "' for usage.");
            err.flush();
            return USER_ERROR;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static String commandPath(CommandLine cl) {
        String name = cl.getCommandSpec().qualifiedName(" ");
        return name.startsWith("bebop ") ? name.substring(6) : "";
    }

    /** Reads the version from the build. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"bebop " + Version.get(), "Java " + System.getProperty("java.version")};
        }
    }
}
