package bebop.io.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Old model files keep loading (Tribuo practice). Each format version has a tiny fixture under
 * src/test/resources/models/ that is never regenerated once a newer format exists; its test
 * checks every field by value, independent of the current writer.
 *
 * <p>To create the fixture of a new format version (once, when the version is introduced), run
 * this test with {@code -Dbebop.writeFixture=true}: it writes
 * {@code src/test/resources/models/format-N.bebop} for the current version.
 */
class ModelFormatFixtureTest {
    /** The model stored in format-1.bebop. Do not change: the fixture file must keep matching it. */
    static Model format1Model() {
        Map<String, Tensor> t = new LinkedHashMap<>();
        t.put("lstm.w", Tensor.matrix(2, 2, new double[] {0.25, -0.5, 1.0 / 3.0, -0.0}));
        t.put("out.b", Tensor.vector(Double.NaN, 1e-310));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("mode", "paper");
        config.put("blocks", 2);
        config.put("learning_rate", 0.00001);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("epochs", 4);
        metrics.put("train_cross_entropy", 1.5);
        Provenance p = new Provenance("0.1.0", Instant.parse("2026-01-01T00:00:00Z"), 7L,
                List.of("train", "--seed", "7"), "sha256:" + "0".repeat(64), "17.0.15", null);
        return Model.of("lstm-paper", p, config, t).withMetrics(metrics).withExtra(Map.of("fixture", "format 1"));
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = ModelFormatFixtureTest.class.getResourceAsStream("/models/" + name)) {
            if (in == null) {
                throw new AssertionError("missing test fixture /models/" + name);
            }
            return in.readAllBytes();
        }
    }

    @Test
    void format1FixtureKeepsLoading() throws IOException {
        Model m = ModelFile.fromBytes(resource("format-1.bebop"), "format-1.bebop");
        assertEquals("lstm-paper", m.kind());
        assertEquals("0.1.0", m.provenance().bebopVersion());
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), m.provenance().created());
        assertEquals(7L, m.provenance().seed());
        assertEquals(List.of("train", "--seed", "7"), m.provenance().commandLine());
        assertEquals("sha256:" + "0".repeat(64), m.provenance().dataFingerprint());
        assertEquals("17.0.15", m.provenance().javaVersion());
        assertEquals("paper", m.config().get("mode").asText());
        assertEquals(2, m.config().get("blocks").asInt());
        assertEquals(0.00001, m.config().get("learning_rate").asDouble());
        assertEquals(4, m.metrics().get("epochs").asInt());
        assertEquals(1.5, m.metrics().get("train_cross_entropy").asDouble());
        assertEquals("format 1", m.extra().get("fixture").asText());
        assertEquals(List.of("lstm.w", "out.b"), List.copyOf(m.tensors().keySet()));
        assertArrayEquals(new int[] {2, 2}, m.tensor("lstm.w").shape());
        assertArrayEquals(new double[] {0.25, -0.5, 1.0 / 3.0, -0.0}, m.tensor("lstm.w").values());
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(m.tensor("lstm.w").get(3)));
        assertArrayEquals(new double[] {Double.NaN, 1e-310}, m.tensor("out.b").values());
        assertEquals(format1Model(), m);
    }

    /**
     * The current writer still produces format 1 byte for byte. When format 2 arrives, this test
     * moves to a format-2 fixture; the loading test above stays.
     */
    @Test
    void currentWriterReproducesTheFormat1FixtureExactly() throws IOException {
        if (Boolean.getBoolean("bebop.writeFixture")) {
            Path dir = Path.of(System.getProperty("bebop.project.dir", "."), "src", "test", "resources", "models");
            Files.createDirectories(dir);
            Files.write(dir.resolve("format-" + ModelFile.FORMAT_VERSION + ".bebop"), ModelFile.toBytes(format1Model()));
        }
        assertEquals(1, ModelFile.FORMAT_VERSION);
        assertArrayEquals(resource("format-1.bebop"), ModelFile.toBytes(format1Model()));
    }
}
