package bebop.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code bebop sweep} when the Spark part is not on the class path: one clear error instead of "unknown command". */
@Command(name = "sweep", header = "A grid of training runs on Apache Spark (run it through ./bebop).")
final class SweepMissing implements Callable<Integer> {
    @Unmatched
    List<String> args;

    @Override
    public Integer call() {
        throw SparkPart.missing("bebop sweep");
    }
}
