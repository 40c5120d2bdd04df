package bebop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Without bebop's Spark part on the class path (the core alone), sweep and import --spark say how to run them. */
class SparkPartMissingTest {
    @Test
    void sweepWithoutTheSparkPartIsOneClearError() {
        CliRun r = CliRun.of("sweep", "--experiment", "chords", "--grid", "seed=1..3", "--out", "target/no-sweep");
        assertEquals(2, r.exitCode());
        assertEquals("bebop: bebop sweep runs on Apache Spark, bebop's Spark part (spark/), which this java command "
                + "lacks: run it through ./bebop, which builds that part on first use", r.err().strip());
        assertFalse(Files.exists(Path.of("target/no-sweep")));
    }

    @Test
    void importOnSparkWithoutTheSparkPartIsOneClearError() throws Exception {
        Path dir = CliRun.scratch("spark-part-missing");
        Files.write(dir.resolve("a.mid"), new byte[0]);
        CliRun r = CliRun.of("import", dir.toString(), "--out", dir.resolve("out").toString(), "--spark");
        assertEquals(2, r.exitCode());
        assertEquals("bebop: import --spark runs on Apache Spark, bebop's Spark part (spark/), which this java command "
                + "lacks: run it through ./bebop, which builds that part on first use", r.err().strip());
        assertFalse(Files.exists(dir.resolve("out")));
        CliRun m = CliRun.of("import", dir.toString(), "--out", dir.resolve("out").toString(), "--master", "local[2]");
        assertEquals(2, m.exitCode());
        assertEquals("bebop: --master local[2]: goes with --spark", m.err().strip());
    }
}
