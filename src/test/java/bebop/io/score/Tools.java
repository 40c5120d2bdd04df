package bebop.io.score;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The external programs the score tests check with. Missing locally: the test is skipped with a message
 * saying what to install. Missing where the environment variable CI is set: the test fails (CI installs them).
 */
final class Tools {
    private Tools() {}

    static ExternalProgram lilypond() {
        return require(ExternalProgram.onPath("lilypond", "check LilyPond output"), "lilypond");
    }

    static ExternalProgram musescore() {
        return require(ExternalProgram.onPath("musescore3", "check MusicXML output"), "musescore3");
    }

    /** MuseScore 3 as Debian's musescore3 installs it: mscore3, else its other name musescore3. */
    static ExternalProgram mscore3() {
        ExternalProgram mscore = ExternalProgram.onPath("mscore3", "convert MuseScore files");
        return mscore.find().isPresent() ? mscore : require(ExternalProgram.onPath("musescore3", "convert MuseScore files"),
                "musescore3");
    }

    private static ExternalProgram require(ExternalProgram p, String pkg) {
        if (p.find().isEmpty()) {
            String message = p.name() + " is not installed: install it with 'apt-get install " + pkg + "'";
            if (System.getenv("CI") != null) {
                fail(message + " (CI is set, so this check may not be skipped)");
            }
            Assumptions.abort(message + " (skipped; it is required when CI is set)");
        }
        return p;
    }

    /** Environment for a program run by a test: home, config, cache and runtime folders under target/. */
    static Map<String, String> sandbox(Path dir) throws IOException {
        Path home = Files.createDirectories(dir.resolve("home").toAbsolutePath());
        Path runtime = Files.createDirectories(dir.resolve("runtime").toAbsolutePath());
        runtime.toFile().setReadable(true, true);
        return Map.of(
                "HOME", home.toString(),
                "XDG_CONFIG_HOME", home.resolve(".config").toString(),
                "XDG_DATA_HOME", home.resolve(".local/share").toString(),
                "XDG_CACHE_HOME", home.resolve(".cache").toString(),
                "XDG_RUNTIME_DIR", runtime.toString(),
                "QT_QPA_PLATFORM", "offscreen");
    }

    /** A fresh folder under target/. */
    static Path scratch(String name) throws IOException {
        Path dir = Path.of("target", "test-work", "score", name);
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return Files.createDirectories(dir);
    }
}
