package bebop.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** import --spark writes the bytes the plain import writes, for MIDI files made by abc2midi and broken ones. */
class SparkImportTest {
    // the core's ABC tunes, which its own import tests convert with Debian's abc2midi
    private static final Path TUNES = Path.of("../src/test/resources/corpus/abc");

    @Test
    void importOnSparkWritesTheSameDataSetAndReport() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "corpus");
        byte[] blues = abc2midi("blues-in-c", dir.resolve("blues-in-c.mid"));
        abc2midi("tune-in-g", dir.resolve("folk/tune-in-g.mid"));
        abc2midi("waltz", dir.resolve("folk/waltz.mid"));
        Files.createDirectories(dir.resolve("copy"));
        Files.createDirectories(dir.resolve("broken"));
        Files.write(dir.resolve("copy/blues.mid"), blues);
        Files.write(dir.resolve("broken/truncated.mid"), Arrays.copyOf(blues, blues.length / 2));
        Files.write(dir.resolve("broken/empty.mid"), new byte[0]);
        Files.writeString(dir.resolve("broken/text.mid"), "MThd is not enough", StandardCharsets.US_ASCII);
        Files.write(dir.resolve("broken/header-only.midi"), Arrays.copyOf(blues, 14));

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

    private static byte[] abc2midi(String tune, Path out) throws Exception {
        Path program = null;
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, "abc2midi"))) {
                program = Path.of(d, "abc2midi");
            }
        }
        if (program == null) {
            String message = "abc2midi is not installed: install it with 'apt-get install abcmidi'";
            if (System.getenv("CI") != null) {
                fail(message + " (CI is set, so this test may not be skipped)");
            }
            Assumptions.abort(message);
        }
        Files.createDirectories(out.getParent());
        Process p = new ProcessBuilder(program.toString(), TUNES.resolve(tune + ".abc").toAbsolutePath().toString(),
                "-o", out.toAbsolutePath().toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "abc2midi failed: " + log);
        return Files.readAllBytes(out);
    }
}
