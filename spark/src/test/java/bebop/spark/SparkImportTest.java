package bebop.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** import --spark writes the bytes the plain import writes, for MIDI files made by abc2midi and broken ones. */
class SparkImportTest {
    @Test
    void importOnSparkWritesTheSameDataSetAndReport() throws Exception {
        Path dir = TestCorpus.make();

        for (String transpose : List.of("none", "all12")) {
            Path plain = dir.resolveSibling(dir.getFileName() + "-plain-" + transpose);
            Path spark = dir.resolveSibling(dir.getFileName() + "-spark-" + transpose);
            Cli.Result a = Cli.run("import", dir.toString(), "--out", plain.toString(), "--transpose", transpose);
            Cli.Result b = Cli.run("import", dir.toString(), "--out", spark.toString(), "--transpose", transpose,
                    "--spark", "--master", "local[2]");
            assertEquals(0, a.code(), a.err());
            assertEquals(0, b.code(), b.err());
            assertTrue(a.out().contains("imported 4 of 8 MIDI files"), a.out());
            for (String f : List.of("dataset.json", "report.json", "report.txt", "pieces.json")) {
                assertArrayEquals(Files.readAllBytes(plain.resolve(f)), Files.readAllBytes(spark.resolve(f)), f);
            }
        }
    }

    @Test
    void aBadMasterIsOneClearError() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "corpus");
        Files.write(dir.resolve("a.mid"), new byte[0]);
        Cli.Result r = Cli.run("import", dir.toString(), "--out", dir.resolve("out").toString(), "--spark", "--master", "nowhere");
        assertEquals(2, r.code());
        assertEquals("bebop: --master nowhere: use local[*], local[N] or a cluster's URL, spark://HOST:PORT", r.err().strip());
    }
}
