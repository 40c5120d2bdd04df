package bebop.io.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bebop.UserError;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A save that fails midway leaves the previous file intact and no temporary file behind. */
class ModelFileAtomicTest {

    /** A stream that fails once {@code limit} bytes went through it, as a full disk or a crash would. */
    static final class FailingStream extends FilterOutputStream {
        private final long limit;
        private final boolean unchecked;
        private long written;

        FailingStream(OutputStream out, long limit, boolean unchecked) {
            super(out);
            this.limit = limit;
            this.unchecked = unchecked;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (written + len > limit) {
                int part = (int) (limit - written);
                out.write(b, off, part);
                written += part;
                if (unchecked) {
                    throw new IllegalStateException("simulated crash after " + written + " bytes");
                }
                throw new IOException("No space left on device");
            }
            out.write(b, off, len);
            written += len;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }
    }

    static Model big() {
        double[] w = new double[20_000];
        for (int i = 0; i < w.length; i++) {
            w[i] = i * 0.5;
        }
        Map<String, Tensor> t = new LinkedHashMap<>();
        t.put("w", Tensor.vector(w));
        return Model.of("lstm-paper", Samples.provenance(), Map.of("n", 20_000), t);
    }

    static List<Path> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 100, 70_000, 150_000})
    void failedSaveKeepsTheOldFile(long failAfter) throws Exception {
        for (boolean unchecked : new boolean[] {false, true}) {
            Path dir = Path.of("target", "test-out", "model-atomic", failAfter + "-" + unchecked);
            Files.createDirectories(dir);
            Path target = dir.resolve("m.bebop");
            ModelFile.write(target, Samples.tiny());
            byte[] before = Files.readAllBytes(target);
            assertEquals(List.of(target), listing(dir));

            RuntimeException e = assertThrows(RuntimeException.class,
                    () -> ModelFile.write(target, big(), out -> new FailingStream(out, failAfter, unchecked)));
            if (unchecked) {
                assertTrue(e instanceof IllegalStateException, e.toString());
            } else {
                assertTrue(e instanceof UserError, e.toString());
                assertEquals(target + ": cannot write: No space left on device", e.getMessage());
            }
            assertArrayEquals(before, Files.readAllBytes(target), "old file intact");
            assertEquals(List.of(target), listing(dir), "no temporary file left");
            assertEquals(Samples.tiny(), ModelFile.read(target));
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void failedFirstSaveLeavesNothing(boolean unchecked) throws Exception {
        Path dir = Path.of("target", "test-out", "model-atomic", "first-" + unchecked);
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve("m.bebop"));
        Path target = dir.resolve("m.bebop");
        assertThrows(RuntimeException.class,
                () -> ModelFile.write(target, big(), out -> new FailingStream(out, 1000, unchecked)));
        assertEquals(List.of(), listing(dir));
    }

    @Test
    void successfulSaveReplacesTheOldFile() throws Exception {
        Path dir = Path.of("target", "test-out", "model-atomic", "replace");
        Files.createDirectories(dir);
        Path target = dir.resolve("m.bebop");
        ModelFile.write(target, Samples.tiny());
        ModelFile.write(target, big());
        assertEquals(big(), ModelFile.read(target));
        assertEquals(List.of(target), listing(dir));
    }
}
