package bebop.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import bebop.data.BluesDataset;
import bebop.encoding.LocalEncoding;
import bebop.io.midi.MidiReader;
import bebop.io.midi.MidiWriter;
import bebop.music.BluesForm;
import bebop.music.Score;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** End to end: {@code bebop data blues} through the CLI, checked by bebop and by mido. */
class DataBluesCommandTest {
    private static Path first;
    private static CliRun firstRun;

    @BeforeAll
    static void writeTheDataSet() throws IOException {
        first = CliRun.scratch("blues-a");
        firstRun = CliRun.of("data", "blues", "--out", first.toString());
    }

    @Test
    void writes4096MidiFilesAndTheJsonAndSaysSo() throws IOException {
        assertEquals(0, firstRun.exitCode(), firstRun.err());
        assertTrue(firstRun.out().contains("wrote 4096 choruses (paper form, 120 bpm)"), firstRun.out());
        try (var files = Files.list(first.resolve("midi"))) {
            assertEquals(4096, files.filter(p -> p.toString().endsWith(".mid")).count());
        }
        JsonNode json = new ObjectMapper().readTree(first.resolve("blues.json").toFile());
        assertEquals(4096, json.get("choruses").size());
        JsonNode c7 = json.get("choruses").get(7);
        assertEquals("midi/blues-0007.mid", c7.get("midi").asText());
        assertEquals(96, c7.get("frames").size());
        assertEquals("[48,52,55,67]", c7.get("frames").get(0).toString());
        assertEquals("Gm7", json.get("form").get(3).get("chords").get(0).get("symbol").asText());
    }

    @Test
    void theMidiFilesDecodeToTheDataSetsFramesAndRewriteByteForByte() throws IOException {
        BluesDataset data = BluesDataset.generate(BluesForm.paper());
        for (int i : new int[] {0, 1, 2047, 4095}) {
            Path file = first.resolve(String.format("midi/blues-%04d.mid", i));
            Score score = MidiReader.read(file);
            assertTrue(java.util.Arrays.deepEquals(data.frames(data.choruses().get(i)), LocalEncoding.encode(score)));
            assertEquals(12, score.bars());
            assertArrayEquals(Files.readAllBytes(file), MidiWriter.toBytes(score));
        }
    }

    @Test
    void runningTheCommandTwiceGivesIdenticalBytes() throws IOException {
        Path second = CliRun.scratch("blues-b");
        assertEquals(0, CliRun.of("data", "blues", "--out", second.toString()).exitCode());
        assertArrayEquals(Files.readAllBytes(first.resolve("blues.json")), Files.readAllBytes(second.resolve("blues.json")));
        for (int i = 0; i < 4096; i++) {
            String name = String.format("midi/blues-%04d.mid", i);
            assertArrayEquals(Files.readAllBytes(first.resolve(name)), Files.readAllBytes(second.resolve(name)), name);
        }
    }

    @Test
    void anotherMidiParserMidoReadsEveryFileAsThePapersFormAndSegments() throws Exception {
        assumeTrue(CliRun.midoOrCi(), "python3-mido is not installed (Debian: apt-get install python3-mido); .ci/run installs it");
        CliRun check = CliRun.python(Path.of("src/test/python/check_blues_midi.py").toString(), first.toString(), "--tempo", "120");
        String output = check.out();
        assertEquals(0, check.exitCode(), output);
        assertTrue(output.contains("4096 files read, 0 with problems, 4096 distinct melodies"), output);
    }

    @Test
    void theCorrectedFormAndAnotherTempoReachTheFiles() throws Exception {
        Path dir = CliRun.scratch("blues-corrected");
        CliRun run = CliRun.of("data", "blues", "--out", dir.toString(), "--form", "corrected", "--tempo", "96");
        assertEquals(0, run.exitCode(), run.err());
        Score s = MidiReader.read(dir.resolve("midi/blues-0100.mid"));
        assertEquals(96.0, s.tempoBpm(), 1e-9);
        assertEquals(java.util.List.of(48, 51, 54, 57), s.part("Chords").orElseThrow().notes().stream()
                .filter(n -> n.start() == 5 * 1920).map(n -> n.pitch()).toList());
    }

    @Test
    void badFlagsEndInOneLineAndExitCodeTwo() throws IOException {
        Path file = CliRun.scratch("blues-bad").resolve("a-file");
        Files.writeString(file, "x");
        CliRun asFile = CliRun.of("data", "blues", "--out", file.toString());
        assertEquals(2, asFile.exitCode());
        assertEquals("bebop: " + file + ": is a file, not a folder (--out needs a folder)\n", asFile.err());
        CliRun form = CliRun.of("data", "blues", "--out", "target/x", "--form", "jazz");
        assertEquals(2, form.exitCode());
        assertEquals("bebop: --form jazz: unknown form (use paper or corrected)\n", form.err());
        CliRun tempo = CliRun.of("data", "blues", "--out", "target/x", "--tempo", "0");
        assertEquals("bebop: --tempo 0: must be between 20 and 400 bpm\n", tempo.err());
    }
}
