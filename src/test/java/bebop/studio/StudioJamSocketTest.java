package bebop.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The WebSocket {@code /api/jam} as a script would use it: a jam started on it sends its steps and
 * notes as JSON and hears the notes sent to it; bad messages are answered with a JSON error (never a
 * trace); a jam beyond the studio's two is refused with a close reason; a closed socket frees its place.
 */
class StudioJamSocketTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String FAST = "{\"type\": \"start\", \"tempo\": 400, \"callBars\": 1, \"responseBars\": 1, \"countIn\": 0}";

    @TempDir
    Path dir;
    StudioServer server;
    final HttpClient http = HttpClient.newHttpClient();

    /** A client socket keeping what it is sent. */
    final class Client implements WebSocket.Listener {
        final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        final CompletableFuture<String> closed = new CompletableFuture<>();
        final StringBuilder partial = new StringBuilder();
        final WebSocket socket;

        Client() throws Exception {
            socket = http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/api/jam"), this)
                    .get(10, TimeUnit.SECONDS);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    messages.add(JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    messages.add(JSON.createObjectNode().put("type", "unparsable").put("text", partial.toString()));
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            closed.complete(status + " " + reason);
            return null;
        }

        void send(String text) {
            socket.sendText(text, true).join();
        }

        /** The next message that matches, within 30 s. */
        JsonNode await(Predicate<JsonNode> wanted) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            for (long left; (left = end - System.nanoTime()) > 0; ) {
                JsonNode m = messages.poll(left, TimeUnit.NANOSECONDS);
                if (m != null && wanted.test(m)) {
                    return m;
                }
            }
            throw new AssertionError("no such message within 30 s");
        }

        JsonNode error(String text) throws InterruptedException {
            send(text);
            JsonNode e = await(m -> m.path("type").asText().equals("error"));
            assertFalse(e.path("error").asText().contains("\tat "), "no stack trace: " + e);
            return e;
        }
    }

    @BeforeEach
    void start() {
        server = StudioServer.start(new StudioSettings("127.0.0.1", 0, null, dir.resolve("work"), 1 << 20));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aJamSendsItsStepsAndNotesAndHearsThePlayer() throws Exception {
        Client c = new Client();
        c.send(FAST);
        JsonNode started = c.await(m -> m.path("type").asText().equals("started"));
        assertEquals(8, started.path("stepsPerBar").asInt());
        assertEquals(12, started.path("bars").asInt());
        assertEquals(0.075, started.path("stepSeconds").asDouble(), 1e-9);
        JsonNode first = c.await(m -> m.path("type").asText().equals("step"));
        assertEquals(0, first.path("step").asLong(), "no count-in: bar 1's first step comes first");
        assertEquals("call", first.path("role").asText());
        c.send("{\"type\": \"note\", \"on\": true, \"pitch\": 62, \"velocity\": 90}");
        JsonNode heard = c.await(m -> m.path("part").asText().equals("player"));
        assertTrue(heard.path("on").asBoolean());
        assertEquals(62, heard.path("pitch").asInt());
        c.send("{\"type\": \"note\", \"on\": false, \"pitch\": 62}");
        JsonNode answer = c.await(m -> m.path("part").asText().equals("bebop") && m.path("on").asBoolean());
        assertTrue(answer.path("step").asLong() >= 8, "bebop answers from bar 2: " + answer);
        assertTrue(answer.path("pitch").asInt() >= 60 && answer.path("pitch").asInt() <= 72, answer.toString());
        c.send("{\"type\": \"stop\"}");
        c.await(m -> m.path("type").asText().equals("stopped"));
    }

    @Test
    void badMessagesAreAnsweredWithAnErrorAndTheSocketStaysOpen() throws Exception {
        Client c = new Client();
        assertTrue(c.error("not json").path("error").asText().startsWith("not a jam message"));
        assertTrue(c.error("{}").path("error").asText().contains("\"type\""));
        assertTrue(c.error("{\"type\": \"dance\"}").path("error").asText().contains("unknown jam message type 'dance'"));
        assertTrue(c.error("{\"type\": \"start\", \"bogus\": 1}").path("error").asText().startsWith("not a jam message"));
        assertTrue(c.error("{\"type\": \"note\", \"on\": true, \"pitch\": 60}").path("error").asText().contains("no jam is playing"));
        assertEquals("--tempo 1000: must be between 20 and 400 bpm",
                c.error("{\"type\": \"start\", \"tempo\": 1000}").path("error").asText().replace(".0 ", " "));
        assertTrue(c.error("{\"type\": \"start\", \"chords\": \"@/etc/passwd\"}").path("error").asText().contains("a file on the server"));
        assertTrue(c.error("{\"type\": \"start\", \"chords\": \"C7 | H9\"}").path("error").asText().contains("H9"));
        assertTrue(c.error("{\"type\": \"start\", \"model\": \"nope\"}").path("error").asText().contains("no such model"));
        c.send(FAST);
        c.await(m -> m.path("type").asText().equals("started"));
        assertTrue(c.error("{\"type\": \"note\", \"on\": true, \"pitch\": 128}").path("error").asText().contains("0 to 127"));
        assertTrue(c.error("{\"type\": \"note\", \"on\": true}").path("error").asText().contains("\"pitch\""));
        assertTrue(c.error(FAST).path("error").asText().contains("already playing on this connection"));
        assertFalse(c.closed.isDone());
    }

    @Test
    void aThirdJamIsRefusedWithAReasonAndAClosedSocketFreesItsPlace() throws Exception {
        Client a = new Client();
        Client b = new Client();
        a.send(FAST);
        b.send(FAST);
        a.await(m -> m.path("type").asText().equals("started"));
        b.await(m -> m.path("type").asText().equals("started"));
        Client c = new Client();
        c.send(FAST);
        String closed = c.closed.get(30, TimeUnit.SECONDS);
        assertNotNull(closed);
        assertTrue(closed.startsWith("1013 "), closed);
        assertTrue(closed.contains("2 jams already"), closed);

        a.socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
        a.closed.get(30, TimeUnit.SECONDS);
        Client d = new Client();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        d.send(FAST); // the server may see a's close a moment after a does
        while (true) {
            JsonNode m = d.messages.poll(100, TimeUnit.MILLISECONDS);
            if (m != null && m.path("type").asText().equals("started")) {
                break;
            }
            if (d.closed.isDone()) {
                assertTrue(System.nanoTime() < end, "a's place was never freed");
                Thread.sleep(200);
                d = new Client();
                d.send(FAST);
            }
        }
    }
}
