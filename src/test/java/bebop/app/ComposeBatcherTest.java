package bebop.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bebop.io.midi.MidiWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

/** Compose requests waiting together, composed in one pass: each the bytes of composing it alone. */
class ComposeBatcherTest {
    /** Runs its tasks only when asked: the requests submitted before wait together. */
    private static final class Held implements Executor {
        final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll() {
            while (!tasks.isEmpty()) {
                tasks.poll().run();
            }
        }
    }

    private static byte[] bytes(Composition c) {
        byte[] midi = MidiWriter.toBytes(c.score());
        byte[] text = c.description().getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(midi, midi.length + text.length);
        System.arraycopy(text, 0, out, midi.length, text.length);
        return out;
    }

    private static ComposeRequest request(int choruses, long seed, double temperature, Integer primerSteps, String chords) {
        return new ComposeRequest(null, choruses, seed, temperature, null, primerSteps, chords, 120);
    }

    @Test
    void requestsWaitingTogetherAreEachThePieceComposedAlone() throws Exception {
        List<ComposeRequest> requests = new ArrayList<>();
        for (int seed = 1; seed <= 5; seed++) {
            requests.add(request(2, seed, 1.0, null, null)); // one pass of five
        }
        requests.add(request(2, 6, 0.5, null, null)); // another temperature: alone
        requests.add(request(3, 7, 1.0, 4, null)); // another length and primer
        requests.add(request(3, 8, 1.0, 8, null)); // ... a pass of two
        requests.add(request(2, 9, 1.0, null, "C7 | F7 | C7 | C7 | F7 | F7 | C7 | C7 | G7 | F7 | C7 | G7")); // given chords
        Held executor = new Held();
        ComposeBatcher batcher = new ComposeBatcher(new ModelCache(4), executor, 1, 32);
        List<Future<Composition>> pieces = new ArrayList<>();
        for (ComposeRequest r : requests) {
            pieces.add(batcher.submit(r));
        }
        executor.runAll();
        for (int i = 0; i < requests.size(); i++) {
            assertArrayEquals(bytes(ComposeService.compose(requests.get(i))), bytes(pieces.get(i).get()), "request " + i);
        }
    }

    @Test
    void aRequestComposingAloneRefusesFailsAloneAndTheWaitingAreBounded() throws Exception {
        Held executor = new Held();
        ComposeBatcher batcher = new ComposeBatcher(new ModelCache(4), executor, 2, 3);
        Future<Composition> fine = batcher.submit(request(1, 1, 1.0, null, null));
        Future<Composition> full = batcher.submit(request(1, 2, 1.0, 96, null)); // the primer fills the piece
        Future<Composition> fine2 = batcher.submit(request(1, 3, 1.0, null, null));
        assertThrows(RejectedExecutionException.class, () -> batcher.submit(request(1, 4, 1.0, null, null)));
        assertEquals(2, executor.tasks.size(), "a task for each thread, not for each request");
        executor.runAll();
        assertTrue(fine.isDone() && fine2.isDone());
        ExecutionException e = assertThrows(ExecutionException.class, full::get);
        IllegalArgumentException alone = assertThrows(IllegalArgumentException.class,
                () -> ComposeService.compose(request(1, 2, 1.0, 96, null)));
        assertEquals(alone.getMessage(), e.getCause().getMessage());
        Future<Composition> later = batcher.submit(request(1, 1, 1.0, null, null)); // the tasks ended: a new one
        assertEquals(1, executor.tasks.size());
        executor.runAll();
        assertArrayEquals(bytes(fine.get()), bytes(later.get()));
    }
}
