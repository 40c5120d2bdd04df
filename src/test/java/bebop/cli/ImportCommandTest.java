package bebop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bebop.io.corpus.Abc2Midi;
import bebop.io.corpus.TestCorpus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ImportCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static void assertOneLineError(CliRun run, String expected) {
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertEquals("bebop: " + expected + System.lineSeparator(), run.err());
    }

    @Test
    void importsAFolderAndReportsTheRejectedFiles() throws Exception {
        Path dir = CliRun.scratch("import-in");
        Abc2Midi.convert("tune-in-g", dir, "tune-in-g.mid");
        Files.write(dir.resolve("b.mid"), TestCorpus.tune(4, 480));
        Files.write(dir.resolve("empty.mid"), new byte[0]);
        Path out = CliRun.scratch("import-out").resolve("data");
        CliRun run = CliRun.of("import", dir.toString(), "--out", out.toString(), "--transpose", "C", "--seed", "3");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
        assertTrue(run.out().startsWith("imported 2 of 3 MIDI files from " + dir + " in "), run.out());
        assertTrue(run.out().contains("(1 rejected)\n  rejected empty.mid: empty file (0 bytes)\nchords recognised in "), run.out());
        assertTrue(run.out().contains(" half bars with harmony (100.0 %); the data set holds the recognised chords\nwrote:\n"), run.out());
        for (String f : new String[] {"dataset.json", "pieces.json", "meta.json", "report.json", "report.txt"}) {
            assertTrue(run.out().contains("  " + out.resolve(f) + "\n"), f);
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        JsonNode meta = JSON.readTree(out.resolve("meta.json").toFile());
        assertEquals("bebop-corpus-dataset", meta.get("format").asText());
        assertEquals(3, meta.get("provenance").get("seed").asInt());
        assertEquals("C", meta.get("provenance").get("options").get("transpose").asText());
        assertEquals(dir.toAbsolutePath().normalize().toString(), meta.get("provenance").get("source").asText());
        JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
        assertEquals(5, report.get("files").get(2).get("key_shift").asInt()); // tune-in-g.mid, G major up a fourth
    }

    @Test
    void melodyTrackOptionReachesTheImport() throws IOException {
        Path dir = CliRun.scratch("import-track");
        Files.write(dir.resolve("a.mid"), TestCorpus.tune(2, 480));
        Path out = CliRun.scratch("import-track-out");
        CliRun run = CliRun.of("import", dir.toString(), "--out", out.toString(), "--melody", "track:2", "--grid", "16th");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode file = JSON.readTree(out.resolve("report.json").toFile()).get("files").get(0);
        assertEquals("track:2", file.get("melody").get("rule").asText());
        assertEquals("Piano", file.get("melody").get("name").asText());
        JsonNode piece = JSON.readTree(out.resolve("pieces.json").toFile()).get("train").get(0);
        assertEquals(16, piece.get("steps_per_bar").asInt());
    }

    @Test
    void noImportableFileIsOneLineAndExitCodeTwoWithTheReportWritten() throws IOException {
        Path dir = CliRun.scratch("import-bad");
        TestCorpus.writeBroken(dir);
        Path out = CliRun.scratch("import-bad-out");
        CliRun run = CliRun.of("import", dir.toString(), "--out", out.toString());
        assertOneLineError(run, dir + ": none of the 8 MIDI files could be imported (drums.mid: drums only (all 16 "
                + "notes are on channel 10, the drum channel)); see " + out.resolve("report.txt"));
        assertTrue(Files.exists(out.resolve("report.json")));
        assertTrue(Files.readString(out.resolve("report.txt")).contains("no data set written"));
        assertFalse(Files.exists(out.resolve("dataset.json")));
    }

    @Test
    void missingOrEmptyFoldersAndBadFlagsAreOneLineAndExitCodeTwo() throws IOException {
        Path base = CliRun.scratch("import-flags");
        Path out = base.resolve("out");
        Path missing = base.resolve("missing");
        assertOneLineError(CliRun.of("import", missing.toString(), "--out", out.toString()), missing + ": no such folder");
        Path empty = Files.createDirectories(base.resolve("empty"));
        Files.writeString(empty.resolve("readme.txt"), "no music here");
        assertOneLineError(CliRun.of("import", empty.toString(), "--out", out.toString()),
                empty + ": no MIDI files (.mid, .midi) found among its 1 file");
        Path file = empty.resolve("readme.txt");
        assertOneLineError(CliRun.of("import", file.toString(), "--out", out.toString()),
                file + ": is a file, not a folder (bebop import reads a folder of MIDI files)");
        Path good = Files.createDirectories(base.resolve("good"));
        Files.write(good.resolve("a.mid"), TestCorpus.tune(2, 480));
        assertOneLineError(CliRun.of("import", good.toString(), "--out", file.toString()),
                file + ": is a file, not a folder (--out needs a folder)");
        assertOneLineError(CliRun.of("import", good.toString(), "--out", out.toString(), "--grid", "32nd"),
                "--grid 32nd: unknown grid '32nd' (use 8th or 16th)");
        assertOneLineError(CliRun.of("import", good.toString(), "--out", out.toString(), "--transpose", "D"),
                "--transpose D: unknown transposition 'D' (use none, C or all12)");
        assertOneLineError(CliRun.of("import", good.toString(), "--out", out.toString(), "--melody", "track:0"),
                "--melody track:0: track number 0 must be 1 or more");
        assertOneLineError(CliRun.of("import", good.toString(), "--out", out.toString(), "--melody", "top"),
                "--melody top: 'top' is not a melody choice (use auto, track:N or channel:N)");
        assertOneLineError(CliRun.of("import", good.toString(), "--out", out.toString(), "--seed", "x"),
                "--seed x: not a whole number");
        CliRun noOut = CliRun.of("import", good.toString());
        assertEquals(2, noOut.exitCode());
        assertTrue(noOut.err().startsWith("bebop: Missing required option: '--out=DATASET'"), noOut.err());
        assertFalse(Files.exists(out), "nothing written after a bad flag");
    }
}
