package bebop.cli;

import picocli.CommandLine.Command;

/** {@code bebop data}: makes data sets. */
@Command(name = "data", description = "Make data sets.",
        subcommands = {DataBluesCommand.class})
final class DataCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
