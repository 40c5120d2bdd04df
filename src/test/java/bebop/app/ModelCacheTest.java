package bebop.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bebop.UserError;
import bebop.io.midi.MidiWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Composing with the models a server keeps: the same bytes as reading the model for every piece. */
class ModelCacheTest {
    private static Path scratch(String name) throws IOException {
        return Files.createDirectories(Path.of("target", "test-scratch", "model-cache", name));
    }

    private static ComposeRequest request(Path model, int seed) {
        return new ComposeRequest(model, 2, seed, 1.0, null, null, null, 120);
    }

    /** The piece as bytes: its MIDI file and its description. */
    private static byte[] bytes(Composition c) {
        byte[] midi = MidiWriter.toBytes(c.score());
        byte[] text = c.description().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(midi, midi.length + text.length);
        System.arraycopy(text, 0, out, midi.length, text.length);
        return out;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ModelCacheTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    /** Writes {@code bytes} as bebop writes files: to a temporary name, then moved into place. */
    private static void replace(Path file, byte[] bytes) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    void theSamePiecesAsReadingTheModelEveryTimeAndTheFileReadOnce() throws IOException {
        Path file = scratch("same").resolve("blues.bebop");
        replace(file, Models.bundledBytes());
        ModelCache cache = new ModelCache(4);
        for (Path model : Arrays.asList(null, file)) {
            for (int seed : new int[] {7, 8}) {
                byte[] uncached = bytes(ComposeService.compose(request(model, seed)));
                assertArrayEquals(uncached, bytes(ComposeService.compose(request(model, seed), cache)), "seed " + seed);
                assertArrayEquals(uncached, bytes(ComposeService.compose(request(model, seed), cache)), "seed " + seed + ", again");
            }
        }
        assertEquals(2, cache.loads(), "the bundled model and the file, each read once");
        assertEquals(2, cache.size());
        // another name for the same file is the same file
        Path other = file.getParent().resolve("..").resolve("same").resolve("blues.bebop");
        assertSame(cache.get(file), cache.get(other));
        assertEquals(2, cache.loads());
    }

    @Test
    void aModelReplacedOnDiskIsReadAgain() throws IOException {
        Path file = scratch("replaced").resolve("m.bebop");
        byte[] blues = Models.bundledBytes();
        byte[] modern = resource("/models/lstm-modern-bernoulli-v1.bebop");
        replace(file, blues);
        ModelCache cache = new ModelCache(4);
        byte[] first = bytes(ComposeService.compose(request(file, 3), cache));
        assertEquals(1, cache.loads());
        replace(file, modern);
        byte[] second = bytes(ComposeService.compose(request(file, 3), cache));
        assertEquals(2, cache.loads(), "the new file is read");
        assertArrayEquals(bytes(ComposeService.compose(request(file, 3))), second, "what the new file composes");
        assertFalse(Arrays.equals(first, second), "another model, another piece");
        replace(file, blues);
        assertArrayEquals(first, bytes(ComposeService.compose(request(file, 3), cache)));
        assertEquals(3, cache.loads());
    }

    @Test
    void keepsTheMostRecentlyUsedModelsOnly() throws IOException {
        Path dir = scratch("bounded");
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            files.add(dir.resolve("m" + i + ".bebop"));
            replace(files.get(i), Models.bundledBytes());
        }
        ModelCache cache = new ModelCache(2);
        cache.get(files.get(0));
        cache.get(files.get(1));
        cache.get(files.get(0));
        cache.get(files.get(2)); // forgets m1, the least recently used
        assertEquals(2, cache.size());
        assertEquals(3, cache.loads());
        cache.get(files.get(0));
        assertEquals(3, cache.loads(), "m0 is kept");
        cache.get(files.get(1));
        assertEquals(4, cache.loads(), "m1 was forgotten");
    }

    @Test
    void aMissingFileIsTheUsualErrorAndNotKept() throws IOException {
        Path missing = scratch("missing").resolve("nothing.bebop");
        Files.deleteIfExists(missing);
        ModelCache cache = new ModelCache(2);
        String uncached = assertThrows(UserError.class, () -> ComposeService.compose(request(missing, 1))).getMessage();
        assertEquals(uncached, assertThrows(UserError.class, () -> ComposeService.compose(request(missing, 1), cache)).getMessage());
        assertEquals(0, cache.size());
        assertThrows(IllegalArgumentException.class, () -> new ModelCache(0));
    }

    @Test
    void concurrentRequestsAllComposeTheirOwnPiece() throws Exception {
        Path file = scratch("concurrent").resolve("blues.bebop");
        replace(file, Models.bundledBytes());
        int threads = 8;
        int perThread = 4;
        byte[][] expected = new byte[threads * perThread][];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = bytes(ComposeService.compose(request(i % 2 == 0 ? file : null, 100 + i)));
        }
        ModelCache cache = new ModelCache(4);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<byte[]>> got = new ArrayList<>();
            for (int i = 0; i < expected.length; i++) {
                int n = i;
                got.add(pool.submit(() -> bytes(ComposeService.compose(request(n % 2 == 0 ? file : null, 100 + n), cache))));
            }
            for (int i = 0; i < expected.length; i++) {
                assertArrayEquals(expected[i], got.get(i).get(), "piece " + i);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, cache.loads(), "each model read once, however many asked for it at once");
    }
}
