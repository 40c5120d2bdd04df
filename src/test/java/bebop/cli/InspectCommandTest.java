package bebop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bebop.io.midi.MidiWriter;
import bebop.io.midi.SmfBytes;
import bebop.io.midi.TestScores;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code bebop inspect}, end to end through {@link Main#run}. */
class InspectCommandTest {
    private static final Path DIR = Path.of("target", "test-out", "inspect");

    /** Exit code, stdout and stderr of one run. */
    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void dir() throws IOException {
        Files.createDirectories(DIR);
    }

    private static Path file(String name, byte[] bytes) throws IOException {
        Path p = DIR.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    @Test
    void printsTheFileAsText() throws IOException {
        Path p = file("blues.mid", MidiWriter.toBytes(TestScores.blues(1).withTempo(97.5)));
        Run r = run("inspect", p.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        String expected = String.join(System.lineSeparator(),
                "file:           " + p,
                "format:         1 (multi-track), 3 tracks",
                "resolution:     480 ticks per quarter note",
                "title:          Blues chorus 1",
                "tempo:          97.5 bpm",
                "time signature: 4/4",
                "length:         12 bars, 29.54 s (23040 ticks)",
                "chord symbols:  16",
                "key:            C major (estimated from the notes: correlation 0.90 with its Krumhansl-Kessler profile)",
                "parts:          2",
                "  #  name    channel  program  notes  range",
                "  1  Chords  1        0        " + pad(TestScores.blues(1).parts().get(0).notes().size()) + "  C3 (48) .. B3 (59)",
                "  2  Melody  2        65       " + pad(TestScores.blues(1).parts().get(1).notes().size()) + "  ");
        assertTrue(r.out().startsWith(expected), r.out());
    }

    @Test
    void tellsWhatAModelFileIs() throws IOException {
        Path model = file("blues.bebop", bebop.app.Models.bundledBytes());
        Run r = run("inspect", model.toString());
        assertEquals(0, r.code(), r.err());
        String expected = String.join(System.lineSeparator(),
                "file:           " + model,
                "model:          blues (chords and melody): melody, paper form, seed 1",
                "network:        the paper's LSTM: 8 blocks x 2 cells, 25 inputs, 25 outputs, 1,558 weights",
                "frames:         12 chord units and 13 melody units (MIDI 60-72), 2 steps a quarter, 8 a bar",
                "learning:       BPTT + Adam (bebop's default), learning rate 0.01, momentum 0.9",
                "training:       11,710 epochs, 2,248,320 steps, met its stop test",
                "trained:        bebop 0.1.0, 2026-01-01T00:00:00Z, seed 1, Java 17.0.15",
                "command line:   bebop train --experiment melody --seed 1 --out src/main/resources/models/blues.bebop",
                "measured at training:",
                "  chord_accuracy    1",
                "  choruses          100",
                "  held_out_choruses 410",
                "  in_scale          0.9999");
        assertTrue(r.out().startsWith(expected), r.out());
        Run j = run("inspect", model.toString(), "--json");
        assertEquals(0, j.code(), j.err());
        JsonNode json = new ObjectMapper().readTree(j.out());
        assertEquals("blues (chords and melody)", json.get("kind").asText());
        assertEquals(1, json.get("provenance").get("seed").asInt());
        assertEquals(410, json.get("metrics").get("held_out_choruses").asInt());
        assertEquals(0.9998957464553795, json.get("metrics").get("in_scale").asDouble(), 0, "--json keeps the recorded value whole");
        assertEquals(1558, Integer.parseInt(json.get("network").asText().replaceAll(".* ([0-9,]+) weights", "$1").replace(",", "")));
        // the same first bytes and nothing else is no model: said as a model file's damage, not as MIDI
        Run cut = run("inspect", file("cut.bebop", Arrays.copyOf(bebop.app.Models.bundledBytes(), 40)).toString());
        assertEquals(2, cut.code());
        assertTrue(cut.err().contains("cut.bebop: truncated model file"), cut.err());
    }

    @Test
    void tellsHowFarACheckpointGot() throws IOException {
        Path data = file("tiny.json", ("{\"train\":[[[60,64],[62,65],[64,67],[60,64]],[[60,64],[62,65],[64,67]]],"
                + "\"valid\":[[[60,64],[62,65]]],\"test\":[[[60,64],[64,67]]]}").getBytes());
        Path model = DIR.resolve("tiny.bebop");
        Run train = run("train", "--data", data.toString(), "--hidden", "4", "--max-epochs", "2", "--out", model.toString());
        assertEquals(0, train.code(), train.err());
        // the model: its network, the frames, the recipe and how the run went, as train printed them
        Run m = run("inspect", model.toString());
        assertEquals(0, m.code(), m.err());
        assertTrue(m.out().contains(String.join(System.lineSeparator(),
                "model:          piano roll: trained on " + data,
                // (88 inputs + 4 cells + bias) x 16 gate rows, then 4 x 88 output weights + 88 biases
                "network:        LSTM [4], 88 inputs, Bernoulli output of 88 units, 1,928 weights",
                "frames:         88-key piano roll, 2 steps a quarter, 8 a bar",
                "learning:       window 50, batch 32, Adam 0.001, dropout 0.3, seed 1",
                "training:       2 epochs (best ")), m.out());
        assertTrue(train.out().contains("; LSTM [4], window 50, batch 32, Adam 0.001, dropout 0.3, Bernoulli output, seed 1"),
                train.out());

        Path checkpoint = DIR.resolve("tiny.ckpt.bebop");
        Run r = run("inspect", checkpoint.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("model:          checkpoint: the modern trainer's state after epoch 2 of at most 2 "
                + "(best epoch "), r.out());
        assertTrue(r.out().contains("train --resume " + checkpoint + " trains on from it"), r.out());
        assertTrue(r.out().contains("command line:   bebop train --data " + data), r.out());
        assertTrue(r.out().contains("network:        LSTM [4], 88 inputs, Bernoulli output of 88 units,"), r.out());
    }

    @Test
    void tellsWhatADataSetHoldsSplitBySplit() throws Exception {
        Path data = file("tiny-set.json", BenchPolyCommandTest.TINY.getBytes());
        Run r = run("inspect", data.toString());
        assertEquals(0, r.code(), r.err());
        // train: 6 and 4 triads; valid: 3 triads; test: 4 triads and a silent step
        assertEquals(String.join(System.lineSeparator(),
                "data set:       " + data,
                "frames:         88-key piano roll, 2 steps a quarter, 8 a bar",
                "  split  pieces  frames  steps a piece  notes a frame  silent  3-4 notes  range",
                "  train  2       10      4..6           3              0       1          C4 (60) .. B4 (71)",
                "  valid  1       3       3..3           3              0       1          C4 (60) .. B4 (71)",
                "  test   1       5       5..5           2.4            0.2     0.8        C4 (60) .. B4 (71)", ""), r.out());
        JsonNode j = new ObjectMapper().readTree(run("inspect", data.toString(), "--json").out());
        assertEquals(0.8, j.get("splits").get(2).get("frames_3_4_notes").asDouble());
        assertEquals(2.4, j.get("splits").get(2).get("notes_per_frame").asDouble(), 1e-15);

        // an import folder: what the import did, from its report
        Path midi = Files.createDirectories(DIR.resolve("set-midi"));
        for (int i = 1; i <= 3; i++) {
            Files.write(midi.resolve("chorus" + i + ".mid"), MidiWriter.toBytes(TestScores.blues(i)));
        }
        Files.write(midi.resolve("broken.mid"), Arrays.copyOf(MidiWriter.toBytes(TestScores.blues(4)), 40));
        Path set = DIR.resolve("set");
        assertEquals(0, run("import", midi.toString(), "--out", set.toString()).code());
        Run folder = run("inspect", set.toString());
        assertEquals(0, folder.code(), folder.err());
        assertTrue(folder.out().contains("imported:       3 of 4 MIDI files from " + midi.toAbsolutePath() + " (1 rejected); chords "
                + "recognised in "), folder.out());
        assertTrue(folder.out().contains("frames:         chords (12 pitch classes) and melody on 88 keys"), folder.out());
        assertEquals("jsb", new ObjectMapper().readTree(run("inspect", "jsb", "--json").out()).get("name").asText());
        // an empty split: no mean to tell (and JSON without NaN)
        Path noTest = file("no-test.json", "{\"train\":[[[60]]],\"valid\":[[[60]]],\"test\":[]}".getBytes());
        Run empty = run("inspect", noTest.toString());
        assertTrue(empty.out().contains("  test   0       0       -              -              -       -          -"),
                empty.out());
        JsonNode none = new ObjectMapper().readTree(run("inspect", noTest.toString(), "--json").out()).get("splits").get(2);
        assertTrue(none.get("notes_per_frame").isNull() && none.get("frames_3_4_notes").isNull(), none.toString());
    }

    private static String pad(int n) {
        String s = String.valueOf(n);
        return s + " ".repeat(5 - s.length());
    }

    @Test
    void printsOneJsonObject() throws IOException {
        Path p = file("blues-json.mid", MidiWriter.toBytes(TestScores.blues(2)));
        Run r = run("inspect", p.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals(1, r.out().strip().lines().count(), "one line");
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(p.toString(), j.get("file").asText());
        assertEquals(1, j.get("format").asInt());
        assertEquals(3, j.get("tracks").asInt());
        assertEquals(480, j.get("resolution").asInt());
        assertEquals("Blues chorus 2", j.get("title").asText());
        assertEquals(120.0, j.get("tempo_bpm").asDouble());
        assertEquals("4/4", j.get("time_signature").asText());
        assertEquals(23040, j.get("length_ticks").asLong());
        assertEquals(12.0, j.get("bars").asDouble());
        assertEquals(24.0, j.get("seconds").asDouble());
        assertEquals("C major", j.get("key").asText(), "the blues in C");
        JsonNode parts = j.get("parts");
        assertEquals(2, parts.size());
        assertEquals("Chords", parts.get(0).get("name").asText());
        assertEquals(1, parts.get(0).get("channel").asInt());
        assertEquals(0, parts.get(0).get("program").asInt());
        assertEquals(TestScores.blues(2).parts().get(0).notes().size(), parts.get(0).get("notes").asInt());
        assertEquals(48, parts.get(0).get("lowest").asInt());
        assertEquals(59, parts.get(0).get("highest").asInt());
        assertEquals("C3", parts.get(0).get("lowest_name").asText());
        assertEquals("Melody", parts.get(1).get("name").asText());
        assertEquals(2, parts.get(1).get("channel").asInt());
        assertEquals(65, parts.get(1).get("program").asInt());
    }

    @Test
    void estimatesTheKeyFromHowLongEachPitchSounds() throws IOException {
        // an A minor melody (A C E, the leading G#) over drums whose note numbers would read as other pitches
        List<bebop.music.Note> melody = new java.util.ArrayList<>();
        int[] line = {69, 72, 76, 74, 72, 71, 68, 69, 64, 69};
        for (int i = 0; i < line.length; i++) {
            melody.add(new bebop.music.Note(line[i], i * 480L, i == line.length - 1 ? 1920 : 480));
        }
        List<bebop.music.Note> drums = new java.util.ArrayList<>();
        for (int i = 0; i < 24; i++) {
            drums.add(new bebop.music.Note(i % 2 == 0 ? 37 : 42, i * 240L, 240));  // C#2 and F#2 as drum sounds
        }
        bebop.music.Score s = new bebop.music.Score("Minor", 480, 100, bebop.music.TimeSignature.FOUR_FOUR, List.of(
                new bebop.music.Part("Lead", 0, 0, melody), new bebop.music.Part("Drums", 9, 0, drums)), List.of(), 7680);
        Path p = file("minor.mid", MidiWriter.toBytes(s));
        JsonNode j = new ObjectMapper().readTree(run("inspect", p.toString(), "--json").out());
        assertEquals("A minor", j.get("key").asText(), j.toString());
        // no pitched note, no key
        bebop.music.Score drumsOnly = new bebop.music.Score("Drums", 480, 100, bebop.music.TimeSignature.FOUR_FOUR,
                List.of(new bebop.music.Part("Drums", 9, 0, drums)), List.of(), 7680);
        Run r = run("inspect", file("drums.mid", MidiWriter.toBytes(drumsOnly)).toString());
        assertFalse(r.out().contains("key:"), r.out());
        assertTrue(new ObjectMapper().readTree(run("inspect", DIR.resolve("drums.mid").toString(), "--json").out())
                .get("key").isNull());
    }

    @Test
    void readsATypeZeroFile() throws IOException {
        byte[] bytes = SmfBytes.concat(SmfBytes.header(0, 1, 96), new SmfBytes.Events()
                .noteOn(0, 0, 60, 90).noteOn(0, 9, 36, 90).noteOff(96, 0, 60).noteOff(0, 9, 36).end(0).track());
        Run r = run("inspect", file("zero.mid", bytes).toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("format:         0 (single track), 1 track"), r.out());
        assertTrue(r.out().contains("  1  Channel 1   1        0        1      C4 (60) .. C4 (60)"), r.out());
        assertTrue(r.out().contains("  2  Channel 10  10       0        1      C2 (36) .. C2 (36)"), r.out());
    }

    // ---- bad input: exit code 2, exactly one line on stderr naming the file and the problem, no stack trace

    @Test
    void missingFile() throws IOException {
        Path p = DIR.resolve("no-such.mid");
        Files.deleteIfExists(p);
        assertUserError(p + ": no such file", "inspect", p.toString());
    }

    @Test
    void emptyFile() throws IOException {
        Path p = file("empty.mid", new byte[0]);
        assertUserError(p + ": empty file (0 bytes)", "inspect", p.toString());
    }

    @Test
    void randomBytesAreNotMidi() throws IOException {
        byte[] junk = new byte[1000];
        new Random(42).nextBytes(junk);
        Path p = file("random.mid", junk);
        assertUserError(p + ": not a MIDI file (no MThd header)", "inspect", p.toString());
        Path text = file("text.mid", "This is not MIDI at all.\n".getBytes());
        assertUserError(text + ": not a MIDI file (no MThd header)", "inspect", text.toString(), "--json");
    }

    @Test
    void headerOnly() throws IOException {
        Path p = file("header-only.mid", SmfBytes.header(1, 2, 480));
        assertUserError(p + ": truncated MIDI file (header only, no tracks)", "inspect", p.toString());
        Path none = file("no-tracks.mid", SmfBytes.header(1, 0, 480));
        assertUserError(none + ": MIDI file has no tracks", "inspect", none.toString());
    }

    @Test
    void truncatedInTheMiddleOfATrack() throws IOException {
        byte[] whole = MidiWriter.toBytes(TestScores.blues(1));
        // the conductor track is short; the second track (Chords) starts a little after byte 60
        Path p = file("truncated.mid", Arrays.copyOf(whole, 200));
        assertUserError(p + ": truncated MIDI file (track 2 ends early)", "inspect", p.toString());
        Path lastTrack = file("truncated-end.mid", Arrays.copyOf(whole, whole.length - 1));
        assertUserError(lastTrack + ": truncated MIDI file (track 3 ends early)", "inspect", lastTrack.toString());
    }

    @Test
    void typeTwo() throws IOException {
        byte[] bytes = MidiWriter.toBytes(TestScores.blues(1));
        bytes[9] = 2; // the format field of the header
        Path p = file("type2.mid", bytes);
        assertUserError(p + ": MIDI type 2 (independent sequences) is not supported", "inspect", p.toString());
    }

    @Test
    void aFolderThatIsNoDataSet() {
        assertUserError(DIR + ": is a folder without a dataset.json (give a data set file, or a folder written by bebop "
                + "import)", "inspect", DIR.toString());
    }

    @Test
    void noFileArgumentIsAUsageError() {
        Run r = run("inspect");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("bebop: Missing required parameter: 'FILE'"), r.err());
    }

    private static void assertUserError(String message, String... args) {
        Run r = run(args);
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), "exactly one line: " + r.err());
        assertEquals("bebop: " + message, r.err().strip());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), "no stack trace: " + r.err());
    }
}
