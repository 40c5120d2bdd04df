package bebop.io.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs Debian's {@code abc2midi} (package abcmidi), a MIDI writer other than ours, on the ABC tunes
 * under {@code src/test/resources/corpus/abc/}. Missing locally: the test is skipped with a message
 * saying what to install. Missing where the environment variable CI is set: the test fails.
 */
public final class Abc2Midi {
    public static final Path TUNES = Path.of("src/test/resources/corpus/abc");

    private Abc2Midi() {}

    /** The program, or a skip (locally) / failure (CI) saying how to install it. */
    public static Path require() {
        Optional<Path> found = find();
        if (found.isEmpty()) {
            String message = "abc2midi is not installed: install it with 'apt-get install abcmidi'";
            if (System.getenv("CI") != null) {
                fail(message + " (CI is set, so this test may not be skipped)");
            }
            Assumptions.abort(message + " (skipped; it is required when CI is set)");
        }
        return found.get();
    }

    static Optional<Path> find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, "abc2midi");
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Writes {@code abc} to {@code dir/NAME.abc} and converts it into {@code dir/NAME.mid}; returns the MIDI file. */
    public static Path convertText(String abc, Path dir, String name) throws IOException, InterruptedException {
        Path program = require();
        Path in = dir.resolve(name + ".abc").toAbsolutePath();
        Files.writeString(in, abc, StandardCharsets.UTF_8);
        Path out = dir.resolve(name + ".mid").toAbsolutePath();
        Process p = new ProcessBuilder(List.of(program.toString(), in.toString(), "-o", out.toString()))
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "abc2midi did not finish: " + log);
        assertEquals(0, p.exitValue(), "abc2midi failed on " + in + ": " + log);
        assertTrue(!log.contains("Error"), "abc2midi complained about " + in + ": " + log);
        return out;
    }

    /** Converts {@code TUNES/NAME.abc} into {@code dir/FILE} (FILE may hold sub-folders); returns the MIDI file. */
    public static Path convert(String name, Path dir, String file) throws IOException, InterruptedException {
        Path program = require();
        Path abc = TUNES.resolve(name + ".abc").toAbsolutePath();
        Path out = dir.resolve(file).toAbsolutePath();
        Files.createDirectories(out.getParent());
        Process p = new ProcessBuilder(List.of(program.toString(), abc.toString(), "-o", out.toString()))
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "abc2midi did not finish: " + log);
        assertEquals(0, p.exitValue(), "abc2midi failed on " + abc + ": " + log);
        assertTrue(Files.size(out) > 0, "abc2midi wrote nothing: " + log);
        return out;
    }
}
