package bebop.cli;

import static bebop.cli.BenchPolyCommandTest.assertOneLineError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bebop.io.model.ModelFile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code bebop eval --data}: a model of the modern trainer scored on a data set's split, end to end through the CLI. */
class EvalDataCommandTest {
    private static Path dir;
    private static Path data;
    private static Path model;

    @BeforeAll
    static void train() throws Exception {
        dir = CliRun.scratch("eval-data");
        data = BenchPolyCommandTest.tiny(dir);
        model = dir.resolve("m.bebop");
        // windows of 3 frames and batches of 2 pieces: the tiny pieces cross window and batch boundaries
        CliRun r = CliRun.of("train", "--data", data.toString(), "--hidden", "6", "--window", "3", "--batch", "2",
                "--max-epochs", "3", "--seed", "5", "--out", model.toString(), "--quiet");
        assertEquals(0, r.exitCode(), r.err());
    }

    @Test
    void onItsOwnDataItReadsWhatItsFileRecordsToTheLastBit() throws Exception {
        JsonNode recorded = ModelFile.read(model, "lstm-modern").metrics();
        JsonNode test = json(CliRun.of("eval", "--model", model.toString(), "--data", data.toString(), "--json"));
        assertEquals("test", test.get("split").asText());
        assertEquals(recorded.get("test_nll").asDouble(), test.get("test_nll").asDouble(), 0);
        assertEquals(recorded.get("test_acc").asDouble(), test.get("test_acc").asDouble(), 0);
        assertEquals(1, test.get("pieces").asInt());
        assertEquals(5, test.get("frames").asInt(), "the test piece's 5 frames, its last one silent");
        JsonNode valid = json(CliRun.of("eval", "--model", model.toString(), "--data", data.toString(), "--split", "valid",
                "--json"));
        assertEquals(recorded.get("valid_nll").asDouble(), valid.get("valid_nll").asDouble(), 0);

        CliRun table = CliRun.of("eval", "--model", model.toString(), "--data", data.toString());
        assertEquals(0, table.exitCode(), table.err());
        assertTrue(table.out().contains("data              " + data + ", test split: 1 pieces, 5 frames predicted (88-key piano roll"),
                table.out());
        assertTrue(table.out().contains(String.format(java.util.Locale.ROOT, "test_nll          %.4f   (cross-entropy",
                recorded.get("test_nll").asDouble())), table.out());
        assertTrue(table.out().contains("(its file records test_nll "), table.out());
    }

    @Test
    void onOtherDataWithTheSameFramesItScoresThem() throws Exception {
        Path other = dir.resolve("other.json");
        Files.writeString(other, "{\"train\":[[[60]]],\"valid\":[[[60]]],"
                + "\"test\":[[[48,52,55],[50,53,57],[52,55,59]],[[72],[74],[76],[77]]]}");
        CliRun r = CliRun.of("eval", "--model", model.toString(), "--data", other.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains(", test split: 2 pieces, 7 frames predicted"), r.out());
        assertFalse(r.out().contains("its file records"), "another data set: no recorded figure to compare: " + r.out());
        JsonNode j = json(CliRun.of("eval", "--model", model.toString(), "--data", other.toString(), "--json"));
        double nll = j.get("test_nll").asDouble();
        assertTrue(nll > 0 && Double.isFinite(nll), j.toString());
        assertNotEquals(ModelFile.read(model, "lstm-modern").metrics().get("test_nll").asDouble(), nll);
    }

    @Test
    void thePapersNetworkOnAnImportReadsAsItsTrainingValidatedIt() throws Exception {
        Path midi = Files.createDirectories(dir.resolve("midi"));
        for (int i = 1; i <= 3; i++) {
            Files.write(midi.resolve("chorus" + i + ".mid"), bebop.io.midi.MidiWriter.toBytes(bebop.io.midi.TestScores.blues(i)));
        }
        Path corpus = dir.resolve("corpus");
        assertEquals(0, CliRun.of("import", midi.toString(), "--out", corpus.toString()).exitCode());
        Path paper = dir.resolve("paper.bebop");
        CliRun train = CliRun.of("train", "--data", corpus.toString(), "--trainer", "paper", "--max-epochs", "3", "--quiet",
                "--out", paper.toString());
        assertEquals(0, train.exitCode(), train.err());
        JsonNode valid = json(CliRun.of("eval", "--model", paper.toString(), "--data", corpus.toString(), "--split", "valid",
                "--json"));
        assertEquals(ModelFile.read(paper, "lstm-paper").metrics().get("valid_nll").asDouble(), valid.get("valid_nll").asDouble(),
                0, valid.toString());
        assertFalse(valid.has("valid_acc"), "its training measured no frame accuracy: " + valid);
        assertEquals(95, valid.get("frames").asInt(), "a chorus of 96 steps predicts 95");
        // a piano roll has no chords and melody for the paper's network to play
        assertOneLineError(CliRun.of("eval", "--model", paper.toString(), "--data", data.toString()),
                "--data " + data + ": its frames are 88-key piano roll");
    }

    @Test
    void whatItCannotScoreIsOneLineError() throws Exception {
        String m = model.toString();
        assertOneLineError(CliRun.of("eval", "--model", m, "--data", "jsb"),
                "--data jsb: its frames are 88-key piano roll, 1 step a quarter, 4 a bar, but " + m
                        + " learned 88-key piano roll, 2 steps a quarter, 8 a bar");
        assertOneLineError(CliRun.of("eval", "--data", data.toString()), "--data: the bundled model is a model of the "
                + "paper's blues; eval measures it by its free runs");
        assertOneLineError(CliRun.of("eval", "--model", m, "--data", "blues"), "--data blues: the blues choruses are split");
        assertOneLineError(CliRun.of("eval", "--model", m, "--data", data.toString(), "--split", "dev"),
                "--split dev: must be one of test, valid, train");
        assertOneLineError(CliRun.of("eval", "--model", m, "--split", "valid"), "--split goes with --data");
        assertOneLineError(CliRun.of("eval", "--model", m, "--data", data.toString(), "--choruses", "3"),
                "--choruses does not go with --data");
        assertOneLineError(CliRun.of("eval", "--model", m, "--data", dir.resolve("none.json").toString()), "none.json");
        Path noTest = dir.resolve("no-test.json");
        Files.writeString(noTest, "{\"train\":[[[60]]],\"valid\":[[[60]]],\"test\":[]}");
        assertOneLineError(CliRun.of("eval", "--model", m, "--data", noTest.toString()), "its test split is empty");
    }

    private static JsonNode json(CliRun r) throws Exception {
        assertEquals(0, r.exitCode(), r.err());
        return new ObjectMapper().readTree(r.out());
    }
}
