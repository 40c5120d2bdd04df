package bebop.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bebop.app.ComposeRequest;
import bebop.app.ComposeService;
import bebop.io.midi.MidiReader;
import bebop.music.Note;
import bebop.music.Part;
import bebop.music.Score;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The studio's API over real HTTP on loopback: what it composes, what it sends, and what it refuses. */
class StudioServerTest {
    static final String BIRD = "Fmaj7 | Em7b5 A7 | Dm7 G7 | Cm7 F7 | Bb7 | Bbm7 Eb7 | Am7 | Abm7 Db7 | Gm7 | C7 | F7 D7 | Gm7 C7";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static StudioServer server;
    static HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        Path models = Files.createDirectories(dir.resolve("models"));
        Files.writeString(models.resolve("notes.txt"), "not a model");
        server = StudioServer.start(new StudioSettings("127.0.0.1", 0, models, dir.resolve("work"), 64 << 10));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<byte[]> send(String method, String path, String type, byte[] body) throws Exception {
        return send(server, method, path, type, body);
    }

    static HttpResponse<byte[]> send(StudioServer server, String method, String path, String type, byte[] body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (type != null) {
            b.header("Content-Type", type);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<byte[]> compose(String json) throws Exception {
        return send("POST", "/api/compose", "application/json", json.getBytes());
    }

    static JsonNode json(HttpResponse<byte[]> r) throws IOException {
        return JSON.readTree(r.body());
    }

    @Test
    void listsTheBundledModelAndOnlyBebopFiles() throws Exception {
        JsonNode models = json(send("GET", "/api/models", null, null)).get("models");
        assertEquals("bundled", models.get(0).get("id").asText());
        assertTrue(!models.toString().contains("\"notes\""), "notes.txt is not a model: " + models);
        assertTrue(models.get(0).get("melody").asBoolean());
        assertEquals(200, send("GET", "/api/models/bundled", null, null).statusCode());
        try (var bundled = StudioServerTest.class.getResourceAsStream(bebop.app.Models.BUNDLED)) {
            assertEquals(java.util.Arrays.toString(bundled.readAllBytes()),
                    java.util.Arrays.toString(send("GET", "/api/models/bundled/file", null, null).body()));
        }
        HttpResponse<byte[]> page = send("GET", "/", null, null);
        assertEquals(200, page.statusCode());
        assertTrue(new String(page.body()).contains("bebop studio"));
    }

    @Test
    void aModelsFolderThatIsNoneIsRefusedAtTheStart() throws Exception {
        Path none = dir.resolve("no-such-folder");
        assertEquals("--models " + none + ": no such folder", org.junit.jupiter.api.Assertions.assertThrows(
                bebop.UserError.class, () -> new StudioSettings("127.0.0.1", 0, none, dir.resolve("w"), 1 << 20)).getMessage());
        Path file = Files.writeString(dir.resolve("a-file.txt"), "x");
        assertEquals("--models " + file + ": not a folder", org.junit.jupiter.api.Assertions.assertThrows(
                bebop.UserError.class, () -> new StudioSettings("127.0.0.1", 0, file, dir.resolve("w"), 1 << 20)).getMessage());
    }

    @Test
    void aModelsCheckpointBesideItIsNotOffered() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("trained"));
        Path data = dir.resolve("tiny.json");
        Files.writeString(data, "{\"train\":[[[60,64],[62,65],[64,67],[60,64]],[[60,64],[62,65],[64,67]]],"
                + "\"valid\":[[[60,64],[62,65]]],\"test\":[[[60,64],[64,67]]]}");
        java.io.StringWriter err = new java.io.StringWriter();
        assertEquals(0, bebop.cli.Main.run(new String[] {"train", "--data", data.toString(), "--hidden", "4", "--max-epochs",
            "1", "--out", folder.resolve("tiny.bebop").toString()}, new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(err)), err.toString());
        assertTrue(Files.exists(folder.resolve("tiny.ckpt.bebop")), "train writes the checkpoint beside the model");
        try (StudioServer own = StudioServer.start(new StudioSettings("127.0.0.1", 0, folder, dir.resolve("work2"),
                64 << 10))) {
            HttpResponse<byte[]> list = send(own, "GET", "/api/models", null, null);
            assertEquals(200, list.statusCode(), new String(list.body()));
            List<String> ids = new ArrayList<>();
            json(list).get("models").forEach(m -> ids.add(m.get("id").asText()));
            assertEquals(List.of("bundled", "tiny"), ids);
            assertEquals(0, json(list).get("unreadable").size());
            // a damaged model file is named apart and hides none of the others
            byte[] whole = Files.readAllBytes(folder.resolve("tiny.bebop"));
            Files.write(folder.resolve("cut.bebop"), java.util.Arrays.copyOf(whole, whole.length / 2));
            JsonNode after = json(send(own, "GET", "/api/models", null, null));
            assertEquals(2, after.get("models").size(), after.toString());
            assertEquals("cut", after.get("unreadable").get(0).get("id").asText());
            assertTrue(after.get("unreadable").get(0).get("error").asText().contains("truncated"), after.toString());
        }
    }

    @Test
    void servesThePageAndEveryScriptItLoadsItselfNothingFromElsewhere() throws Exception {
        String page = new String(send("GET", "/", null, null).body());
        List<String> loaded = new ArrayList<>();
        var m = java.util.regex.Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page);
        while (m.find()) {
            loaded.add(m.group(1));
        }
        assertTrue(loaded.contains("/vendor/opensheetmusicdisplay/opensheetmusicdisplay.min.js"), loaded.toString());
        for (String path : loaded) {
            assertTrue(path.startsWith("/") && !path.startsWith("//"), "served by bebop, not fetched elsewhere: " + path);
            HttpResponse<byte[]> r = send("GET", path, null, null);
            assertEquals(200, r.statusCode(), path);
            assertTrue(r.body().length > 100, path);
        }
        // the notation library's licence travels with it
        assertTrue(new String(send("GET", "/vendor/opensheetmusicdisplay/LICENSE", null, null).body()).contains("Redistribution and use in source and binary forms"));
    }

    @Test
    void composingAgainWithTheModelKeptSendsTheSameBytesAsReadingItAfresh() throws Exception {
        byte[] expected = bebop.io.midi.MidiWriter.toBytes(
                ComposeService.compose(new ComposeRequest(null, 3, 11, 1.0, null, null, null, 120)).score());
        for (int i = 0; i < 2; i++) {
            HttpResponse<byte[]> r = compose("{\"choruses\": 3, \"seed\": 11}");
            assertEquals(200, r.statusCode(), new String(r.body()));
            HttpResponse<byte[]> mid = send("GET", json(r).get("downloads").get("mid").asText(), null, null);
            assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(mid.body()), "request " + (i + 1));
        }
    }

    /** Requests that arrive together (on the server's compose threads, one model in its cache) answer the bytes of one at a time. */
    @Test
    void concurrentComposeRequestsAnswerTheBytesOfSequentialOnes() throws Exception {
        List<String> bodies = new ArrayList<>();
        for (int seed = 101; seed <= 112; seed++) {
            bodies.add("{\"choruses\": 2, \"seed\": " + seed + (seed % 4 == 0 ? ", \"temperature\": 0.7" : "") + "}");
        }
        List<java.util.concurrent.CompletableFuture<HttpResponse<byte[]>>> together = new ArrayList<>();
        for (String body : bodies) {
            together.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/compose"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofByteArray()));
        }
        List<byte[]> answers = new ArrayList<>();
        List<byte[]> files = new ArrayList<>();
        for (var f : together) {
            HttpResponse<byte[]> r = f.get();
            assertEquals(200, r.statusCode(), new String(r.body()));
            answers.add(r.body());
            files.add(send("GET", json(r).get("downloads").get("mid").asText(), null, null).body());
        }
        for (int i = 0; i < bodies.size(); i++) {
            HttpResponse<byte[]> alone = compose(bodies.get(i));
            assertEquals(new String(alone.body()), new String(answers.get(i)), bodies.get(i));
            byte[] file = send("GET", json(alone).get("downloads").get("mid").asText(), null, null).body();
            assertEquals(java.util.Arrays.toString(file), java.util.Arrays.toString(files.get(i)), bodies.get(i));
        }
    }

    @Test
    void composesWhatComposeServiceComposesAndSendsItAsMidi() throws Exception {
        HttpResponse<byte[]> r = compose("{\"choruses\": 2, \"seed\": 7, \"chords\": \"" + BIRD + "\"}");
        assertEquals(200, r.statusCode(), new String(r.body()));
        JsonNode piece = json(r);
        assertEquals(24, piece.get("bars").asInt());
        Score expected = ComposeService.compose(new ComposeRequest(null, 2, 7, 1.0, null, null, BIRD, 120)).score();
        assertEquals(expected.chordSymbols().size(), piece.get("chords").size());
        assertEquals("Fmaj7", piece.get("chords").get(0).get("symbol").asText());
        assertEquals("Em7b5", piece.get("chords").get(1).get("symbol").asText());
        assertEquals(expected.part(Part.MELODY).orElseThrow().notes().size(), melodyNotes(piece).size());

        HttpResponse<byte[]> mid = send("GET", piece.get("downloads").get("mid").asText(), null, null);
        assertEquals(200, mid.statusCode());
        assertEquals("audio/midi", mid.headers().firstValue("Content-Type").orElse(""));
        Score heard = MidiReader.parse(mid.body(), "download.mid").score();
        for (Part p : expected.parts()) {
            assertEquals(notes(p), notes(heard.part(p.name()).orElseThrow()), p.name());
        }
        HttpResponse<byte[]> xml = send("GET", piece.get("downloads").get("musicxml").asText(), null, null);
        assertEquals(200, xml.statusCode());
        assertTrue(new String(xml.body()).contains("<score-partwise"));
        // PDF: engraved by LilyPond where it is installed (CI installs it), else a 501 that says so
        HttpResponse<byte[]> pdf = send("GET", "/api/compositions/" + piece.get("id").asText() + ".pdf", null, null);
        if (bebop.app.ScoreFiles.unavailable(bebop.app.ScoreFormat.pdf).isEmpty()) {
            assertEquals(200, pdf.statusCode(), new String(pdf.body()));
            assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
            assertTrue(new String(pdf.body(), 0, 5).equals("%PDF-"));
            assertTrue(piece.get("downloads").has("pdf"));
        } else {
            assertTrue(System.getenv("CI") == null, "CI installs lilypond (.ci/run)");
            assertError(pdf, 501, "lilypond is not installed");
            assertTrue(!piece.get("downloads").has("pdf"), "no PDF link where no PDF can be made");
        }
        // The same settings name the same piece.
        assertEquals(piece.get("id"), json(compose("{\"seed\": 7, \"choruses\": 2, \"chords\": \"" + BIRD + "\"}")).get("id"));
    }

    @Test
    void keepsAnUploadedModelAndComposesWithIt() throws Exception {
        byte[] bundled;
        try (var in = StudioServerTest.class.getResourceAsStream(bebop.app.Models.BUNDLED)) {
            bundled = in.readAllBytes();
        }
        HttpResponse<byte[]> r = send("POST", "/api/models?name=mine", "application/octet-stream", bundled);
        assertEquals(201, r.statusCode(), new String(r.body()));
        assertEquals("mine", json(r).get("id").asText());
        assertTrue(json(send("GET", "/api/models", null, null)).toString().contains("\"mine\""));
        assertEquals(200, compose("{\"model\": \"mine\", \"choruses\": 1}").statusCode());
        assertError(send("POST", "/api/models?name=mine", "application/octet-stream", bundled), 409, "exists already");
        List<String> before = tree(dir);
        assertError(send("POST", "/api/models?name=junk", "application/octet-stream", "not a model".getBytes()), 400,
                "model 'junk': junk.bebop");
        assertError(send("POST", "/api/models?name=..%2Fescape", "application/octet-stream", bundled), 400, "no path");
        assertError(send("POST", "/api/models?name=%2Ftmp%2Fx", "application/octet-stream", bundled), 400, "no path");
        assertError(send("POST", "/api/models", "application/octet-stream", bundled), 400, "name 'null'");
        assertEquals(before, tree(dir));
    }

    @Test
    void evaluatesAModelAndComparesItWithTheBaselines() throws Exception {
        JsonNode bundled = json(send("GET", "/api/models/bundled", null, null));
        assertEquals(1.0, bundled.get("metrics").get("chord_accuracy").asDouble(), bundled.toString());
        assertTrue(bundled.get("provenance").get("command_line").isArray(), bundled.toString());
        assertEquals("the paper's LSTM: 8 blocks x 2 cells, 25 inputs, 25 outputs, 1,558 weights",
                bundled.get("network").asText(), "what inspect tells");
        assertEquals("11,710 epochs, 2,248,320 steps, met its stop test", bundled.get("training").asText());

        HttpResponse<byte[]> r = send("POST", "/api/evaluations", "application/json", "{\"choruses\": 3}".getBytes());
        assertEquals(200, r.statusCode(), new String(r.body()));
        JsonNode metrics = json(r).get("metrics");
        assertEquals(3, metrics.get("choruses").asInt());
        assertEquals(bebop.app.EvaluateService.evaluate(null, 3, 1).metrics().toString(), metrics.toString(),
                "what bebop eval measures");
        r = send("POST", "/api/evaluations", "application/json", "{\"choruses\": 3, \"seed\": 4, \"runs\": 3}".getBytes());
        assertEquals(200, r.statusCode(), new String(r.body()));
        assertEquals(bebop.app.EvaluateService.evaluateRuns(null, 3, 4, 3).json().toString(), json(r).get("runs").toString(),
                "what bebop eval --runs measures");

        r = send("POST", "/api/comparisons", "application/json", "{\"choruses\": 2, \"elmanEpochs\": 1}".getBytes());
        assertEquals(200, r.statusCode(), new String(r.body()));
        JsonNode rows = json(r).get("rows");
        assertTrue(rows.size() >= 3, rows.toString());
        assertEquals("LSTM", rows.get(0).get("model").asText().substring(0, 4), rows.toString());
        for (JsonNode row : rows) {
            assertTrue(row.get("chord_accuracy").isNumber() && row.get("nll").isNumber(), row.toString());
        }
        assertTrue(json(r).get("verdict").asText().length() > 10);

        List<String> before = tree(dir);
        assertError(send("POST", "/api/evaluations", "application/json", "{\"model\": \"../models/notes\"}".getBytes()),
                404, "no such model");
        assertError(send("POST", "/api/evaluations", "application/json", "{\"choruses\": 0}".getBytes()), 400, "--choruses 0");
        assertError(send("POST", "/api/evaluations", "application/json", "{\"runs\": 0}".getBytes()), 400,
                "--runs 0: must be between 1 and 100");
        assertError(send("POST", "/api/evaluations", "application/json", "{\"choruses\": ".getBytes()), 400, "not the JSON");
        assertError(send("POST", "/api/evaluations", "text/plain", "{}".getBytes()), 415, "application/json");
        assertError(send("POST", "/api/comparisons", "application/json", "{\"elmanEpochs\": 0}".getBytes()), 400,
                "--elman-epochs 0");
        assertError(send("POST", "/api/comparisons", "application/json", "{\"choruses\": -1}".getBytes()), 400,
                "--choruses -1");
        assertEquals(before, tree(dir));
    }

    @Test
    void composesFromAnUploadedMidiPrimerTheNotesComposePrimerWrites() throws Exception {
        byte[] primer = StudioTrainingTest.midi(3); // two choruses by the bundled model, as bebop's writer writes them
        HttpResponse<byte[]> up = send("POST", "/api/primers", "audio/midi", primer);
        assertEquals(201, up.statusCode(), new String(up.body()));
        String id = json(up).get("id").asText();
        assertTrue(id.matches("[0-9a-f]{16}"), id);
        assertTrue(json(up).get("parts").toString().contains("\"Melody\""), json(up).toString());
        assertEquals(id, json(send("POST", "/api/primers", "application/octet-stream", primer)).get("id").asText(),
                "the same file, the same id");

        HttpResponse<byte[]> r = compose("{\"primer\": \"" + id + "\", \"choruses\": 4, \"seed\": 5}");
        assertEquals(200, r.statusCode(), new String(r.body()));
        JsonNode piece = json(r);
        String description = piece.get("description").asText();
        assertTrue(description.contains("primer " + id) && !description.contains(dir.toString()),
                "the primer named by its id, not the server's path: " + description);
        Score heard = MidiReader.parse(send("GET", piece.get("downloads").get("mid").asText(), null, null).body(),
                "studio.mid").score();

        Path cli = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "primer-cli-");
        Files.write(cli.resolve("primer.mid"), primer);
        java.io.StringWriter out = new java.io.StringWriter();
        int code = bebop.cli.Main.run(new String[] {"compose", "--primer", cli.resolve("primer.mid").toString(),
            "--choruses", "4", "--seed", "5", "--out", cli.resolve("song").toString()},
                new java.io.PrintWriter(out), new java.io.PrintWriter(out));
        assertEquals(0, code, out.toString());
        Score written = MidiReader.read(cli.resolve("song.mid"));
        assertEquals(48, heard.bars());
        for (Part p : written.parts()) {
            assertEquals(notes(p), notes(heard.part(p.name()).orElseThrow()), p.name());
        }
        // and not what the default primer (a training opening) gives with the same seed
        Score unprimed = ComposeService.compose(new ComposeRequest(null, 4, 5, 1.0, null, null, null, 120)).score();
        assertTrue(!notes(unprimed.part(Part.MELODY).orElseThrow()).equals(notes(heard.part(Part.MELODY).orElseThrow())));

        List<String> before = tree(dir);
        byte[] cut = StudioTrainingTest.truncated();
        assertError(send("POST", "/api/primers", "audio/midi", cut), 400, "the uploaded primer: " + readersMessage(cut));
        byte[] text = "MThd? no, just text".getBytes();
        assertError(send("POST", "/api/primers", "audio/midi", text), 400, "the uploaded primer: " + readersMessage(text));
        assertError(send("POST", "/api/primers", "audio/midi", new byte[0]), 400, "was empty");
        assertError(send("POST", "/api/primers", "text/plain", primer), 415, "audio/midi");
        assertError(send("POST", "/api/primers", "audio/midi", new byte[100 << 10]), 413, "");
        // a MIDI file whose only part is neither Chords nor Melody: kept, but no blues model can start from it
        Score piano = new Score("x", 480, 120, bebop.music.TimeSignature.FOUR_FOUR,
                List.of(new Part("Piano", 0, 0, List.of(new Note(60, 0, 480, 90)))), List.of(), 1920);
        String pianoId = json(send("POST", "/api/primers", "audio/midi", bebop.io.midi.MidiWriter.toBytes(piano)))
                .get("id").asText();
        assertError(compose("{\"primer\": \"" + pianoId + "\", \"choruses\": 2}"), 400,
                "primer " + pianoId + ": no notes in parts named Chords or Melody");
        Files.delete(dir.resolve("work/primers/" + pianoId + ".mid"));
        assertError(compose("{\"primer\": \"0123456789abcdef\"}"), 404, "no such primer");
        assertError(compose("{\"primer\": \"../../../pom.xml\"}"), 404, "no such primer");
        assertError(compose("{\"primer\": \"/etc/passwd\"}"), 404, "no such primer");
        assertError(compose("{\"primer\": \"" + id + "\", \"primerSteps\": 4}"), 400, "--primer and --primer-steps");
        assertError(compose("{\"primer\": \"" + id + "\", \"choruses\": 2}"), 400, "primer " + id + ": its 192 steps fill");
        assertEquals(before, tree(dir));
        assertEquals(200, send("GET", "/api/models", null, null).statusCode());
    }

    /** What bebop's MIDI reader says of these bytes, without the file's name. */
    static String readersMessage(byte[] bytes) {
        try {
            MidiReader.parse(bytes, "NAME");
        } catch (bebop.UserError e) {
            return e.getMessage().substring("NAME: ".length());
        }
        throw new AssertionError("the reader took these bytes");
    }

    static List<JsonNode> melodyNotes(JsonNode piece) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode part : piece.get("parts")) {
            if (part.get("name").asText().equals(Part.MELODY)) {
                part.get("notes").forEach(out::add);
            }
        }
        return out;
    }

    static List<String> notes(Part p) {
        return p.notes().stream().map(Note::toString).toList();
    }

    @Test
    void refusesBadRequestsWithAClearMessageAndWritesNothing() throws Exception {
        List<String> before = tree(dir);
        assertError(compose("{\"choruses\": 2,"), 400, "not the JSON");
        assertError(send("POST", "/api/compose", "text/plain", "{}".getBytes()), 415, "application/json");
        assertError(compose("{\"chords\": \"C7 | X9\"}"), 400, "'X9' is not a chord symbol");
        assertError(compose("{\"model\": \"nosuch\"}"), 404, "model 'nosuch'");
        assertError(compose("{\"model\": \"notes\"}"), 404, "no such model");
        assertError(compose("{\"model\": \"../models/notes\"}"), 404, "no such model");
        assertError(compose("{\"model\": \"/etc/passwd\"}"), 404, "no such model");
        assertError(compose("{\"chords\": \"../../etc/passwd\"}"), 400, "not a chord symbol");
        // "@FILE" reads a chart from a file on the command line; over HTTP it would read the server's files
        assertError(compose("{\"chords\": \"@/etc/passwd\"}"), 400, "names a file on the server");
        assertError(compose("{\"chords\": \" @pom.xml\"}"), 400, "names a file on the server");
        assertError(compose("{\"choruses\": 0}"), 400, "--choruses 0");
        assertError(compose("{\"temperature\": -1}"), 400, "--temperature");
        assertError(compose("{\"path\": \"/tmp/x\"}"), 400, "path");
        assertError(compose("{\"chords\": \"" + "C7 ".repeat(30000) + "\"}"), 413, "");
        assertError(send("GET", "/api/compositions/..%2F..%2Fpom.xml", null, null), 404, "not a name");
        assertError(send("GET", "/api/compositions/0123456789abcdef.mid", null, null), 404, "compose it again");
        assertError(send("GET", "/api/models/..%2Fwork", null, null), 404, "no such model");
        assertError(send("GET", "/api/models/..%2Fmodels%2Fnotes/file", null, null), 404, "no such model");
        assertError(send("GET", "/api/nothing", null, null), 404, "not found");
        assertEquals(before, tree(dir));
        assertEquals(200, send("GET", "/api/models", null, null).statusCode());
    }

    static void assertError(HttpResponse<byte[]> r, int status, String says) throws IOException {
        String body = new String(r.body());
        assertEquals(status, r.statusCode(), body);
        JsonNode error = JSON.readTree(body).get("error");
        assertTrue(error != null && error.asText().contains(says), body);
        assertTrue(!body.contains("at bebop.") && !body.contains("Exception"), body);
    }

    static List<String> tree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(root::relativize).map(Path::toString).sorted().toList();
        }
    }
}
