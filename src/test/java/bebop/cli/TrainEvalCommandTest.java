package bebop.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bebop.io.model.Model;
import bebop.io.model.ModelFile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** End to end: {@code bebop train --experiment chords} then {@code bebop eval}, through the CLI. */
class TrainEvalCommandTest {
    private static Path dir;
    private static Path model;
    private static CliRun train;

    @BeforeAll
    static void trainAShortRun() throws IOException {
        dir = CliRun.scratch("train-eval");
        model = dir.resolve("chords.bebop");
        train = CliRun.of("train", "--experiment", "chords", "--seed", "3", "--max-epochs", "40", "--quiet",
                "--out", model.toString());
    }

    @Test
    void trainWritesTheModelAndItsLearningCurveAndSaysWhatItDid() throws IOException {
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.out().contains("Experiment 1 (chords), seed 3"), train.out());
        assertTrue(train.out().contains("wrote " + model + " and " + dir.resolve("chords.curve.png")), train.out());
        assertTrue(train.out().contains("Next: bebop compose --model " + model + " --out " + dir.resolve("chords-song")),
                train.out());
        assertTrue(javax.imageio.ImageIO.read(dir.resolve("chords.curve.png").toFile()).getWidth() > 100);
        Model m = ModelFile.read(model);
        assertEquals("lstm-paper", m.kind());
        assertEquals(3, m.provenance().seed());
        assertEquals("chords", m.extra().get("experiment").asText());
        assertEquals(40, m.extra().get("training").get("epochs").asLong());
        assertEquals(64, m.provenance().dataFingerprint().length());
        assertTrue(m.provenance().commandLine().contains("--max-epochs"));
    }

    @Test
    void evalReportsTheFreeRunAsATableAndAsJsonMatchingTheModelsOwnMetrics() throws IOException {
        CliRun table = CliRun.of("eval", "--model", model.toString());
        assertEquals(0, table.exitCode(), table.err());
        assertTrue(table.out().contains("free run          100 choruses, 9600 steps"), table.out());
        CliRun json = CliRun.of("eval", "--model", model.toString(), "--json", "--choruses", "100");
        assertEquals(0, json.exitCode(), json.err());
        assertEquals(1, json.out().strip().lines().count());
        JsonNode j = new ObjectMapper().readTree(json.out());
        assertEquals(9600, j.get("steps").asLong());
        double accuracy = j.get("chord_accuracy").asDouble();
        assertTrue(accuracy >= 0 && accuracy <= 1);
        assertEquals(ModelFile.read(model).metrics().get("chord_accuracy").asDouble(), accuracy);
        assertTrue(j.has("choruses_perfect"));
    }

    @Test
    void theSameSeedGivesTheSameModelBytesApartFromTheDateAndTheOutputName() throws IOException {
        CliRun second = CliRun.of("train", "--experiment", "chords", "--seed", "3", "--max-epochs", "40", "--quiet",
                "--out", dir.resolve("chords-copy.bebop").toString());
        assertEquals(0, second.exitCode(), second.err());
        Model a = ModelFile.read(model);
        Model b = ModelFile.read(dir.resolve("chords-copy.bebop"));
        Instant epoch = Instant.EPOCH;
        assertArrayEquals(ModelFile.toBytes(withoutDateAndCommand(a, epoch)), ModelFile.toBytes(withoutDateAndCommand(b, epoch)));
        CliRun otherSeed = CliRun.of("train", "--experiment", "chords", "--seed", "4", "--max-epochs", "40", "--quiet",
                "--out", dir.resolve("seed4.bebop").toString());
        assertEquals(0, otherSeed.exitCode());
        assertFalse(a.tensors().equals(ModelFile.read(dir.resolve("seed4.bebop")).tensors()));
    }

    private static Model withoutDateAndCommand(Model m, Instant when) {
        var p = m.provenance();
        return m.withProvenance(new bebop.io.model.Provenance(p.bebopVersion(), when, p.seed(), java.util.List.of(),
                p.dataFingerprint(), p.javaVersion(), p.engine()));
    }

    @Test
    void aMissingTruncatedOrAlteredModelGivesOneLineAndExitCodeTwo() throws IOException {
        byte[] good = Files.readAllBytes(model);
        Path missing = dir.resolve("missing.bebop");
        assertOneLineError(CliRun.of("eval", "--model", missing.toString()), missing + ": no such file");

        Path truncated = dir.resolve("truncated.bebop");
        Files.write(truncated, java.util.Arrays.copyOf(good, good.length / 2));
        assertOneLineError(CliRun.of("eval", "--model", truncated.toString()),
                truncated + ": truncated model file (" + good.length / 2 + " of " + good.length + " bytes)");

        Path altered = dir.resolve("altered.bebop");
        for (int at : new int[] {0, 30, good.length / 2, good.length - 1}) {
            byte[] bad = good.clone();
            bad[at] ^= 0x01;
            Files.write(altered, bad);
            CliRun run = CliRun.of("eval", "--model", altered.toString());
            assertEquals(2, run.exitCode(), "byte " + at);
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err().startsWith("bebop: " + altered + ": "), run.err());
            assertFalse(run.err().contains("Exception"), run.err());
        }
    }

    @Test
    void badFlagsAreRefusedBeforeTraining() throws IOException {
        assertOneLineError(CliRun.of("train", "--experiment", "chords", "--out", dir.toString()),
                "--out " + dir + ": is a folder; give a file name such as model.bebop");
        assertOneLineError(CliRun.of("train", "--experiment", "chords", "--out", "x.bebop", "--learning-rate", "-1"),
                "--learning-rate -1.0: must be above 0 and below 100");
        assertOneLineError(CliRun.of("train", "--experiment", "chords", "--out", "x.bebop", "--gate-biases", "big"),
                "--gate-biases big: unknown set (use nnsp or icann)");
        CliRun unknown = CliRun.of("train", "--experiment", "drums", "--out", "x.bebop");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().startsWith("bebop: Invalid value for option '--experiment'"), unknown.err());
    }

    @Test
    void paperTrainsWithThePapersOnlineAlgorithmAndTheDefaultWithBpttAdam() throws IOException {
        Path paper = dir.resolve("paper.bebop");
        CliRun run = CliRun.of("train", "--experiment", "chords", "--paper", "--max-epochs", "3", "--quiet",
                "--out", paper.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("online truncated RTRL (the paper's algorithm), learning rate 1.0E-5"), run.out());
        JsonNode settings = ModelFile.read(paper).extra().get("settings");
        assertEquals("ONLINE_RTRL", settings.get("trainer").asText());
        assertTrue(settings.get("peepholes").asBoolean());
        assertEquals("BPTT_ADAM", ModelFile.read(model).extra().get("settings").get("trainer").asText());
        assertTrue(train.out().contains("BPTT + Adam over 2 choruses"), train.out());
    }

    private static void assertOneLineError(CliRun run, String message) {
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("bebop: " + message + "\n", run.err());
        assertEquals("", run.out());
    }
}
