package bebop.cli;

import bebop.UserError;
import bebop.io.corpus.FileReading;
import java.util.List;
import java.util.ServiceLoader;

/**
 * bebop's Spark part (the {@code spark/} module, on the class path when {@code ./bebop} runs a sweep or
 * {@code import --spark}), found through {@link ServiceLoader}: the core never imports Spark.
 */
public interface SparkPart {
    /** The commands it adds to bebop ({@code sweep}). */
    List<Object> commands();

    /** Reads an import's files as Spark tasks on {@code master} ({@code local[*]}, {@code spark://HOST:PORT}). */
    FileReading importer(String master);

    /** The part on this class path, or a user error saying that {@code what} needs it. */
    static SparkPart find(String what) {
        return ServiceLoader.load(SparkPart.class).findFirst().orElseThrow(() -> missing(what));
    }

    /** The error for {@code what} run without the part. */
    static UserError missing(String what) {
        return new UserError(what + " runs on Apache Spark, bebop's Spark part (spark/), which this java command "
                + "lacks: run it through ./bebop, which builds that part on first use");
    }
}
