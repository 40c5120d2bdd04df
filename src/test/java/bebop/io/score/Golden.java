package bebop.io.score;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under src/test/resources/score/, compared byte for byte. To accept a deliberate change of
 * the output: run the tests with -Dbebop.golden.update=true, then review the diff before committing.
 */
final class Golden {
    private Golden() {}

    static void check(String name, byte[] actual) throws IOException {
        if (Boolean.getBoolean("bebop.golden.update")) {
            Path file = Path.of(System.getProperty("bebop.project.dir", "."), "src", "test", "resources", "score", name);
            Files.write(file, actual);
            return;
        }
        byte[] expected;
        try (InputStream in = Golden.class.getResourceAsStream("/score/" + name)) {
            if (in == null) {
                throw new AssertionError("golden file score/" + name + " is missing (make it with -Dbebop.golden.update=true)");
            }
            expected = in.readAllBytes();
        }
        // Compare as text first for a readable diff, then as bytes.
        assertEquals(new String(expected, StandardCharsets.UTF_8), new String(actual, StandardCharsets.UTF_8),
                "score/" + name + " differs (update with -Dbebop.golden.update=true after checking the change)");
        assertEquals(expected.length, actual.length);
    }
}
