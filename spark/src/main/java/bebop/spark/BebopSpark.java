package bebop.spark;

import bebop.cli.SparkPart;
import bebop.io.corpus.FileReading;
import java.util.List;

/** bebop's Spark part as the core finds it ({@code META-INF/services/bebop.cli.SparkPart}). */
public final class BebopSpark implements SparkPart {
    @Override
    public List<Object> commands() {
        return List.of(new SweepCommand());
    }

    @Override
    public FileReading importer(String master) {
        return new SparkImport(master);
    }
}
