package bebop.studio;

import static bebop.studio.StudioServerTest.JSON;
import static bebop.studio.StudioServerTest.assertError;
import static bebop.studio.StudioServerTest.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bebop.app.ComposeRequest;
import bebop.app.ComposeService;
import bebop.app.LoadedModel;
import bebop.app.Models;
import bebop.io.midi.MidiWriter;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The studio's imports and trainings over real HTTP on loopback: MIDI files in, the report out, a
 * model trained on them while the learning curve streams, one training at a time, a stop that keeps
 * the model, and the bad requests refused with a JSON error and nothing written outside the work folder.
 */
class StudioTrainingTest {
    static final long MAX_UPLOAD = 256 << 10;

    @TempDir
    static Path dir;
    static StudioServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = StudioServer.start(new StudioSettings("127.0.0.1", 0, null, dir.resolve("work"), MAX_UPLOAD));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A piece bebop composes, as MIDI bytes written by bebop's own writer. */
    static byte[] midi(long seed) {
        return MidiWriter.toBytes(ComposeService.compose(new ComposeRequest(null, 2, seed, 1.0, null, null, null, 120)).score());
    }

    /** A MIDI file cut off in its first track. */
    static byte[] truncated() {
        byte[] whole = midi(3);
        return Arrays.copyOf(whole, 40);
    }

    static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    /** A multipart/form-data body of files under the field "files". */
    static HttpResponse<byte[]> upload(Map<String, byte[]> files) throws Exception {
        String boundary = "bebopBoundary7d93";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (var f : files.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + f.getKey()
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(f.getValue());
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(uri("/api/imports"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<byte[]> send(String method, String path, String type, String body) throws Exception {
        return StudioServerTest.send(server, method, path, type, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    static JsonNode json(HttpResponse<byte[]> r) throws IOException {
        return JSON.readTree(r.body());
    }

    /** Imports two good pieces and a broken one; answers the corpus id. */
    static String importThree() throws Exception {
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put("one.mid", midi(1));
        files.put("two.mid", midi(2));
        files.put("broken.mid", truncated());
        HttpResponse<byte[]> r = upload(files);
        assertEquals(201, r.statusCode(), new String(r.body()));
        JsonNode report = json(r);
        assertEquals(2, report.get("imported").asInt(), report.toString());
        assertEquals(1, report.get("rejected").asInt(), report.toString());
        JsonNode broken = report.get("files").get(0);
        assertEquals("broken.mid", broken.get("file").asText());
        assertTrue(!broken.get("imported").asBoolean() && broken.get("reason").asText().length() > 5, broken.toString());
        assertTrue(report.get("files").get(1).get("imported").asBoolean());
        // the share of half bars whose chord was recognised, as the CLI's import report gives it
        long harmonised = report.get("chords_recognised").get("half_bars_with_harmony").asLong();
        long recognised = report.get("chords_recognised").get("recognised").asLong();
        assertTrue(harmonised > 0 && recognised <= harmonised, report.toString());
        assertTrue(report.get("summary").asText().endsWith(String.format(java.util.Locale.ROOT,
                "; chords recognised in %d of %d half bars with harmony (%.1f %%)", recognised, harmonised,
                100.0 * recognised / harmonised)), report.get("summary").asText());
        return report.get("id").asText();
    }

    /** Reads a training's event stream to its end; answers every progress event. */
    static List<JsonNode> events(String id) throws Exception {
        HttpResponse<InputStream> r = HTTP.send(HttpRequest.newBuilder(uri("/api/trainings/" + id + "/events"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, r.statusCode());
        assertEquals("text/event-stream", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        List<JsonNode> events = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            String line;
            String event = null;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:") && "progress".equals(event)) {
                    events.add(JSON.readTree(line.substring(5).trim()));
                }
            }
        }
        return events;
    }

    @Test
    void importsUploadsTrainsAModernModelWhileTheCurveStreamsAndKeepsIt() throws Exception {
        String corpus = importThree();
        assertTrue(json(send("GET", "/api/imports", null, null)).get("imports").toString().contains(corpus));

        HttpResponse<byte[]> r = send("POST", "/api/trainings", "application/json",
                "{\"corpus\": \"" + corpus + "\", \"seed\": 3, \"maxEpochs\": 4, \"hidden\": 16, \"name\": \"mine\"}");
        assertEquals(202, r.statusCode(), new String(r.body()));
        String id = json(r).get("id").asText();
        assertEquals("mine", json(r).get("model").asText());
        List<JsonNode> events = events(id);
        List<Integer> epochs = new ArrayList<>();
        List<JsonNode> points = new ArrayList<>();
        for (JsonNode e : events) {
            e.get("points").forEach(p -> {
                epochs.add(p.get("epoch").asInt());
                points.add(p);
            });
        }
        JsonNode last = events.get(events.size() - 1);
        assertEquals("finished", last.get("state").asText(), last.toString());
        assertEquals(List.of(1, 2, 3, 4), epochs, "every epoch's point once, in order: " + events);
        assertTrue(points.stream().allMatch(p -> p.get("valid").isNumber() && p.get("train").isNumber()), points.toString());

        JsonNode model = json(send("GET", "/api/models/mine", null, null));
        assertEquals("chords and melody", model.get("kind").asText(), model.toString());
        // scored on the corpus it learned (bebop eval --data): its two pieces trained it and, too few to hold one
        // out, validated it, so they read as the model's validation NLL
        JsonNode scored = json(send("POST", "/api/evaluations", "application/json",
                "{\"model\": \"mine\", \"corpus\": \"" + corpus + "\", \"split\": \"train\"}"));
        assertEquals(model.get("metrics").get("valid_nll").asDouble(), scored.get("metrics").get("train_nll").asDouble(), 0,
                scored.toString());
        StudioServerTest.assertError(send("POST", "/api/evaluations", "application/json",
                "{\"model\": \"mine\", \"corpus\": \"" + corpus + "\"}"), 400, "its test split is empty");
        StudioServerTest.assertError(send("POST", "/api/evaluations", "application/json",
                "{\"model\": \"mine\", \"corpus\": \"" + corpus + "\", \"choruses\": 3}"), 400, "choruses, seed and runs");
        StudioServerTest.assertError(send("POST", "/api/evaluations", "application/json",
                "{\"model\": \"mine\", \"split\": \"train\"}"), 400, "split goes with corpus");
        StudioServerTest.assertError(send("POST", "/api/evaluations", "application/json",
                "{\"model\": \"mine\", \"corpus\": \"c00000000\"}"), 404, "no such imported corpus");
        HttpResponse<byte[]> file = send("GET", "/api/models/mine/file", null, null);
        assertEquals(200, file.statusCode());
        Path copy = dir.resolve("copy.bebop");
        Files.write(copy, file.body());
        LoadedModel loaded = Models.load(copy);
        String header = new String(file.body(), StandardCharsets.ISO_8859_1);
        assertTrue(header.contains("\"command_line\"") && header.contains("--trainer") && header.contains("\"seed\": 3"),
                () -> "the model's provenance: how it was trained: " + header.substring(0, Math.min(3000, header.length())));
        assertTrue(loaded.toString().length() > 0);
        Files.delete(copy);
        // the new model composes
        assertEquals(200, StudioServerTest.send(server, "POST", "/api/compose", "application/json",
                "{\"model\": \"mine\", \"choruses\": 1}".getBytes()).statusCode());
    }

    @Test
    void trainsOneAtATimeAndAStopKeepsTheModel() throws Exception {
        HttpResponse<byte[]> r = send("POST", "/api/trainings", "application/json",
                "{\"experiment\": \"melody\", \"seed\": 5, \"maxEpochs\": 1000000, \"name\": \"stopped\"}");
        assertEquals(202, r.statusCode(), new String(r.body()));
        String id = json(r).get("id").asText();
        assertError(send("POST", "/api/trainings", "application/json", "{\"experiment\": \"chords\"}"), 409,
                "one at a time");
        // wait for a few points of the curve, then stop
        JsonNode p = json(send("GET", "/api/trainings/" + id, null, null));
        for (int i = 0; i < 600 && p.get("points").size() < 3; i++) {
            Thread.sleep(100);
            p = json(send("GET", "/api/trainings/" + id, null, null));
        }
        assertTrue(p.get("points").size() >= 3, p.toString());
        HttpResponse<byte[]> stop = send("DELETE", "/api/trainings/" + id, null, null);
        assertEquals(202, stop.statusCode(), new String(stop.body()));
        List<JsonNode> events = events(id);
        JsonNode last = events.get(events.size() - 1);
        assertEquals("stopped", last.get("state").asText(), last.toString());
        assertTrue(last.get("message").asText().contains("kept"), last.toString());
        assertTrue(json(send("GET", "/api/models", null, null)).toString().contains("\"stopped\""));
        assertEquals("blues (chords and melody)", json(send("GET", "/api/models/stopped", null, null)).get("kind").asText());
    }

    @Test
    void refusesBadImportsAndTrainingsWithAClearMessageAndWritesNothingOutsideItsWorkFolder() throws Exception {
        Path work = dir.resolve("work");
        List<String> outside = outside(work);
        List<String> imports = tree(Files.createDirectories(work.resolve("imports")));
        assertError(upload(Map.of("big.mid", new byte[(int) MAX_UPLOAD + 1])), 413, "larger than");
        assertError(upload(Map.of("notes.txt", "hello".getBytes())), 422, "not a MIDI file");
        assertError(upload(Map.of("fake.mid", "hello, not MIDI".getBytes())), 422, "fake.mid");
        assertError(upload(Map.of("cut.mid", truncated())), 422, "cut.mid");
        assertError(upload(Map.of("../../escape.mid", truncated())), 422, "none of the 1 file");
        assertError(upload(Map.of("empty.zip", new byte[0])), 422, "not a zip");
        assertError(upload(Map.of("bomb.zip", zip(Map.of("a.mid", new byte[(int) MAX_UPLOAD + 10])))), 400, "unpacks to more");
        Map<String, byte[]> many = new java.util.LinkedHashMap<>();
        for (int i = 0; i <= StudioSettings.MAX_FILES; i++) {
            many.put("f" + i + ".mid", new byte[] {1});
        }
        assertError(upload(many), 413, "at most " + StudioSettings.MAX_FILES);
        assertError(upload(Map.of("many.zip", zip(many))), 400, "at most " + StudioSettings.MAX_FILES);
        assertError(send("POST", "/api/imports", "application/json", "{}"), 415, "multipart/form-data");
        assertEquals(imports, tree(work.resolve("imports")), "a refused import leaves nothing behind");

        assertError(send("POST", "/api/trainings", "application/json", "{\"experiment\": \"chords\","), 400, "not the JSON");
        assertError(send("POST", "/api/trainings", "text/plain", "{}"), 415, "application/json");
        assertError(send("POST", "/api/trainings", "application/json", "{}"), 400, "give one of them");
        assertError(send("POST", "/api/trainings", "application/json", "{\"experiment\": \"jazz\"}"), 400, "'jazz'");
        assertError(send("POST", "/api/trainings", "application/json", "{\"corpus\": \"../models\"}"), 404, "no such imported corpus");
        assertError(send("POST", "/api/trainings", "application/json", "{\"corpus\": \"/etc\"}"), 404, "no such imported corpus");
        assertError(send("POST", "/api/trainings", "application/json", "{\"experiment\": \"chords\", \"name\": \"../x\"}"),
                400, "no path");
        assertError(send("POST", "/api/trainings", "application/json", "{\"experiment\": \"chords\", \"maxEpochs\": 0}"),
                400, "--max-epochs 0");
        assertError(send("POST", "/api/trainings", "application/json", "{\"experiment\": \"chords\", \"hidden\": 8}"),
                400, "--hidden");
        assertError(send("POST", "/api/trainings", "application/json", "{\"experiment\": \"chords\", \"path\": \"/tmp\"}"),
                400, "path");
        assertError(send("GET", "/api/trainings/nosuch", null, null), 404, "training 'nosuch'");
        assertError(send("GET", "/api/trainings/..%2F..%2Fetc/events", null, null), 404, "no such training");
        assertError(send("DELETE", "/api/trainings/nosuch", null, null), 404, "no such training");
        assertError(send("GET", "/api/trainings/nosuch/events", null, null), 404, "no such training");
        assertEquals(outside, outside(work));
        assertEquals(200, send("GET", "/api/models", null, null).statusCode(), "the server still answers");
    }

    @Test
    void aZipsFilesAreImportedUnderPlainNamesWhateverPathsItHolds() throws Exception {
        Path work = dir.resolve("work");
        List<String> outside = outside(work);
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        entries.put("../../evil.mid", midi(1));
        entries.put("/abs/olute.mid", midi(2));
        entries.put("readme.txt", "hello".getBytes());
        HttpResponse<byte[]> r = upload(Map.of("pack.zip", zip(entries)));
        assertEquals(201, r.statusCode(), new String(r.body()));
        JsonNode files = json(r).get("files");
        assertEquals("[\"pack.zip/evil.mid\",\"pack.zip/olute.mid\",\"pack.zip/readme.txt\"]",
                JSON.writeValueAsString(JSON.valueToTree(files.findValuesAsText("file"))));
        assertEquals(2, json(r).get("imported").asInt());
        assertTrue(files.get(2).get("reason").asText().contains("not a MIDI file"));
        assertEquals(outside, outside(work));
    }

    static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (var f : files.entrySet()) {
                z.putNextEntry(new ZipEntry(f.getKey()));
                z.write(f.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** The test folder's tree without the work folder's contents. */
    static List<String> outside(Path work) throws IOException {
        return tree(dir).stream().filter(p -> !Path.of(p).startsWith(dir.relativize(work)) || p.equals("work")).toList();
    }
}
