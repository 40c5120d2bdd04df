package bebop.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code bebop data blues}: writes the paper's training set. */
@Command(name = "blues", description = "Write the paper's 4,096 12-bar blues choruses (JSON + MIDI).")
final class DataBluesCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new bebop.UserError("not yet");
    }
}
