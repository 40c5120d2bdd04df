package bebop.spark;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A folder of MIDI files as the core's import tests make them: the core's ABC tunes converted by Debian's
 * abc2midi (a MIDI writer other than ours; a skip locally when missing, a failure where CI is set), a copy,
 * and broken files (truncated, empty, text, a header alone).
 */
final class TestCorpus {
    private static final Path TUNES = Path.of("../src/test/resources/corpus/abc");

    private TestCorpus() {
    }

    /** A new folder under target/ holding 8 MIDI files, 4 of which import. */
    static Path make() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "corpus");
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
        return dir;
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
