package bebop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bebop.io.model.Model;
import bebop.io.model.ModelFile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code bebop bench-poly} and {@code bebop train --data} through the CLI, on a tiny data set. */
class BenchPolyCommandTest {
    static final String TINY = "{\"train\":[[[60,64,67],[62,65,69],[64,67,71],[60,64,67],[62,65,69],[64,67,71]],"
            + "[[60,64,67],[62,65,69],[64,67,71],[60,64,67]]],"
            + "\"valid\":[[[60,64,67],[62,65,69],[64,67,71]]],"
            + "\"test\":[[[60,64,67],[62,65,69],[64,67,71],[60,64,67],[]]]}";

    static Path tiny(Path dir) throws Exception {
        Path f = dir.resolve("tiny.json");
        Files.writeString(f, TINY);
        return f;
    }

    static void assertOneLineError(CliRun r, String fragment) {
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().startsWith("bebop: "), r.err());
        assertTrue(r.err().contains(fragment), r.err());
        assertTrue(r.err().strip().lines().count() <= 2, r.err()); // picocli adds a "Try ..." line for parse errors
        assertTrue(!r.err().contains("\tat "), r.err());
    }

    @Test
    void benchPolyPrintsTheFiguresAsJson() throws Exception {
        Path dir = CliRun.scratch("bench-poly");
        CliRun r = CliRun.of("bench-poly", "--dataset", tiny(dir).toString(), "--json", "--minutes", "1",
                "--hidden", "8", "--window", "4", "--batch", "2", "--max-epochs", "3", "--seed", "5", "--quiet");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        for (String key : new String[] {"dataset", "test_nll", "test_acc", "valid_nll", "baseline_test_nll",
            "baseline_test_acc", "test_frames", "best_epoch", "epochs", "stopped_by", "seconds", "steps_per_s", "settings"}) {
            assertTrue(j.has(key), key + " missing in " + r.out());
        }
        assertEquals(5, j.get("test_frames").asInt());
        assertEquals(3, j.get("epochs").asInt());
        assertTrue(j.get("test_nll").asDouble() > 0);
        double acc = j.get("test_acc").asDouble();
        assertTrue(acc >= 0 && acc <= 1);
        assertEquals(8, j.get("settings").get("layers").get(0).asInt());
        // the same seed gives the same figures
        CliRun again = CliRun.of("bench-poly", "--dataset", tiny(dir).toString(), "--json", "--minutes", "1",
                "--hidden", "8", "--window", "4", "--batch", "2", "--max-epochs", "3", "--seed", "5", "--quiet");
        assertEquals(j.get("test_nll"), new ObjectMapper().readTree(again.out()).get("test_nll"));
    }

    @Test
    void trainDataWritesModelCurveAndCheckpointAndResumes() throws Exception {
        Path dir = CliRun.scratch("train-data");
        Path m = dir.resolve("m.bebop");
        CliRun r = CliRun.of("train", "--data", tiny(dir).toString(), "--out", m.toString(), "--hidden", "6,5",
                "--window", "3", "--batch", "2", "--max-epochs", "3", "--decay-patience", "1", "--input-dropout", "0.2",
                "--quiet");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.exists(dir.resolve("m.curve.png")));
        Path ck = dir.resolve("m.ckpt.bebop");
        assertTrue(Files.exists(ck));
        Model model = ModelFile.read(m, "lstm-modern");
        assertTrue(model.metrics().has("test_nll"));
        assertEquals(1, model.extra().get("settings").get("decayPatience").asInt());   // provenance of the settings
        assertEquals(0.2, model.extra().get("settings").get("inputDropout").asDouble());
        Path m2 = dir.resolve("m2.bebop");
        // a resumed run trains with the checkpoint's settings, whatever the flags say, and says so
        CliRun resumed = CliRun.of("train", "--data", tiny(dir).toString(), "--out", m2.toString(), "--resume",
                ck.toString(), "--checkpoint", dir.resolve("m2.ckpt.bebop").toString(), "--window", "7", "--quiet");
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains("LSTM [6, 5], window 3, batch 2"), resumed.out());
        assertEquals(model.tensors(), ModelFile.read(m2, "lstm-modern").tensors());
    }

    @Test
    void badFlagsAndFilesAreOneLineErrors() throws Exception {
        Path dir = CliRun.scratch("bench-poly-bad");
        String t = tiny(dir).toString();
        assertOneLineError(CliRun.of("bench-poly", "--dataset", dir.resolve("none.json").toString()), "none.json: cannot read");
        assertOneLineError(CliRun.of("bench-poly", "--dataset", t, "--hidden", "0"), "layer sizes");
        assertOneLineError(CliRun.of("bench-poly", "--dataset", t, "--minutes", "-1"), "--minutes");
        assertOneLineError(CliRun.of("bench-poly", "--dataset", t, "--dropout", "1.5"), "dropout");
        assertOneLineError(CliRun.of("bench-poly", "--dataset", t, "--hidden", "x"), "--hidden");
        assertOneLineError(CliRun.of("bench-poly", "--dataset", t, "--decay-patience", "-1"), "--decay-patience -1: must be");
        assertOneLineError(CliRun.of("bench-poly", "--dataset", t, "--decay-patience", "x"), "--decay-patience");
        assertOneLineError(CliRun.of("bench-poly", "--dataset", t, "--input-dropout", "1"), "--input-dropout 1.0: must be");
        assertOneLineError(CliRun.of("train", "--data", t, "--out", dir.resolve("p.bebop").toString(), "--input-dropout",
                "-0.1"), "--input-dropout -0.1: must be");
        assertOneLineError(CliRun.of("train", "--data", t, "--out", dir.resolve("p.bebop").toString(), "--decay-patience",
                "-2"), "--decay-patience -2: must be");
        assertOneLineError(CliRun.of("bench-poly"), "--dataset");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"train\":[[[200]]],\"valid\":[],\"test\":[]}");
        assertOneLineError(CliRun.of("bench-poly", "--dataset", bad.toString()), "pitch 200 outside 21..108");
        assertOneLineError(CliRun.of("train", "--data", t, "--trainer", "paper", "--out", dir.resolve("p.bebop").toString()),
                "is a piano roll");
        assertOneLineError(CliRun.of("train", "--data", t, "--experiment", "chords", "--out", dir.resolve("p.bebop").toString()),
                "give one of them");
        assertOneLineError(CliRun.of("train", "--out", dir.resolve("p.bebop").toString()), "--data");
        assertOneLineError(CliRun.of("train", "--data", t, "--out", dir.resolve("p.bebop").toString(), "--resume",
                dir.resolve("nope.bebop").toString()), "nope.bebop");
    }
}
