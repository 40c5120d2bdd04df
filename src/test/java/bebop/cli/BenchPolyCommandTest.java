package bebop.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
        // the same seed gives the same figures, on one thread or two
        for (String threads : new String[] {"1", "2"}) {
            CliRun again = CliRun.of("bench-poly", "--dataset", tiny(dir).toString(), "--json", "--minutes", "1",
                    "--hidden", "8", "--window", "4", "--batch", "2", "--max-epochs", "3", "--seed", "5", "--quiet",
                    "--threads", threads);
            JsonNode k = new ObjectMapper().readTree(again.out());
            assertEquals(j.get("test_nll"), k.get("test_nll"), threads);
            assertEquals(j.get("valid_nll"), k.get("valid_nll"), threads);
        }
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
        // a resumed run trains with the checkpoint's settings and says so; a flag that would change them is refused
        assertOneLineError(CliRun.of("train", "--data", tiny(dir).toString(), "--out", m2.toString(), "--resume",
                ck.toString(), "--window", "7"), "--window goes with a new run: --resume continues with the checkpoint's");
        assertTrue(Files.notExists(m2), "a refused resume writes nothing");
        CliRun resumed = CliRun.of("train", "--data", tiny(dir).toString(), "--out", m2.toString(), "--resume",
                ck.toString(), "--checkpoint", dir.resolve("m2.ckpt.bebop").toString(), "--quiet");
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains("LSTM [6, 5], window 3, batch 2"), resumed.out());
        assertEquals(model.tensors(), ModelFile.read(m2, "lstm-modern").tensors());

        // a finished run trains on with a larger budget: the epochs of one run with that budget from the start
        Path longer = dir.resolve("longer.bebop");
        CliRun trainedOn = CliRun.of("train", "--data", tiny(dir).toString(), "--out", longer.toString(), "--resume",
                ck.toString(), "--max-epochs", "5", "--quiet");
        assertEquals(0, trainedOn.exitCode(), trainedOn.err());
        assertTrue(trainedOn.out().contains("5 epochs"), trainedOn.out());
        Path fresh = dir.resolve("fresh.bebop");
        assertEquals(0, CliRun.of("train", "--data", tiny(dir).toString(), "--out", fresh.toString(), "--hidden", "6,5",
                "--window", "3", "--batch", "2", "--max-epochs", "5", "--decay-patience", "1", "--input-dropout", "0.2",
                "--quiet").exitCode());
        assertEquals(ModelFile.read(fresh, "lstm-modern").tensors(), ModelFile.read(longer, "lstm-modern").tensors());
    }

    /** The blues data set is drawn with the run's seed: a resumed run of another seed than 1 draws it with its own. */
    @Test
    void aBluesRunOfAnotherSeedResumes() throws Exception {
        Path dir = CliRun.scratch("train-blues-resume");
        Path m = dir.resolve("b.bebop");
        String[] small = {"--hidden", "4", "--window", "16", "--batch", "256", "--quiet"};
        CliRun first = CliRun.of(concat(new String[] {"train", "--data", "blues", "--trainer", "modern", "--seed", "5",
            "--max-epochs", "1", "--out", m.toString()}, small));
        assertEquals(0, first.exitCode(), first.err());
        CliRun resumed = CliRun.of("train", "--data", "blues", "--trainer", "modern", "--resume",
                dir.resolve("b.ckpt.bebop").toString(), "--max-epochs", "2", "--out", dir.resolve("b2.bebop").toString(),
                "--quiet");
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains("seed 5 (resuming "), resumed.out());
        assertTrue(resumed.out().contains("2 epochs"), resumed.out());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void benchPolyWithANadeOutputScoresItsExactNllAndWritesTheKind() throws Exception {
        Path dir = CliRun.scratch("bench-poly-nade");
        Path m = dir.resolve("nade.bebop");
        String[] args = {"bench-poly", "--dataset", tiny(dir).toString(), "--json", "--minutes", "1", "--output", "nade",
            "--nade-hidden", "5", "--hidden", "8", "--window", "4", "--batch", "2", "--max-epochs", "3", "--seed", "5",
            "--quiet", "--out", m.toString()};
        CliRun r = CliRun.of(args);
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out().substring(0, r.out().lastIndexOf("}") + 1));
        assertEquals("nade", j.get("output").asText());
        assertEquals(5, j.get("settings").get("nadeHidden").asInt());
        assertTrue(j.get("test_nll").asDouble() > 0);
        Model model = ModelFile.read(m, "lstm-modern");
        assertEquals("nade", model.extra().get("output").asText());
        assertEquals(5, model.config().get("nadeHidden").asInt());
        assertTrue(model.tensors().containsKey("nade.V"));
        CliRun again = CliRun.of(args);
        assertEquals(j.get("test_nll"), new ObjectMapper().readTree(again.out().substring(0, again.out().lastIndexOf("}") + 1))
                .get("test_nll"));
        CliRun table = CliRun.of("bench-poly", "--dataset", tiny(dir).toString(), "--minutes", "1", "--output", "nade",
                "--hidden", "8", "--window", "4", "--batch", "2", "--max-epochs", "1", "--quiet");
        assertEquals(0, table.exitCode(), table.err());
        assertTrue(table.out().contains("LSTM-NADE (modern)"), table.out());
        assertTrue(table.out().contains("NADE (150 hidden) output"), table.out());
    }

    @Test
    void trainDataWithANadeOutputResumesToTheSameModel() throws Exception {
        Path dir = CliRun.scratch("train-data-nade");
        Path m = dir.resolve("m.bebop");
        CliRun r = CliRun.of("train", "--data", tiny(dir).toString(), "--out", m.toString(), "--output", "nade",
                "--nade-hidden", "4", "--hidden", "6", "--window", "3", "--batch", "2", "--max-epochs", "3",
                "--dropout", "0.2", "--quiet");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("NADE (4 hidden) output"), r.out());
        Model model = ModelFile.read(m, "lstm-modern");
        assertEquals("nade", model.extra().get("output").asText());
        assertTrue(model.metrics().has("test_nll"));
        Path ck = dir.resolve("m.ckpt.bebop");
        Path m2 = dir.resolve("m2.bebop");
        CliRun resumed = CliRun.of("train", "--data", tiny(dir).toString(), "--out", m2.toString(), "--resume",
                ck.toString(), "--checkpoint", dir.resolve("m2.ckpt.bebop").toString(), "--quiet");
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains("NADE (4 hidden) output"), resumed.out());
        assertEquals(model.tensors(), ModelFile.read(m2, "lstm-modern").tensors());

        // compose draws each frame key by key; the same seed gives the same piece
        Path a = dir.resolve("out/a");
        CliRun c = CliRun.of("compose", "--model", m.toString(), "--choruses", "1", "--seed", "3", "--temperature", "0.8",
                "--out", a.toString());
        assertEquals(0, c.exitCode(), c.err());
        assertTrue(c.out().contains("keys drawn low to high, each given the keys drawn below it (NADE), temperature 0.8"),
                c.out());
        Path b = dir.resolve("out/b");
        assertEquals(0, CliRun.of("compose", "--model", m.toString(), "--choruses", "1", "--seed", "3", "--temperature",
                "0.8", "--out", b.toString()).exitCode());
        assertArrayEquals(Files.readAllBytes(Path.of(a + ".mid")), Files.readAllBytes(Path.of(b + ".mid")));
        // eval runs the model free and counts 3-4 note frames beside the training set's (all of the tiny set's frames)
        CliRun e = CliRun.of("eval", "--model", m.toString(), "--choruses", "2", "--seed", "4");
        assertEquals(0, e.exitCode(), e.err());
        assertTrue(e.out().contains("3-4 notes, train  1.0000"), e.out());

        JsonNode j = new ObjectMapper().readTree(CliRun.of("eval", "--model", m.toString(), "--choruses", "2", "--seed", "4",
                "--json").out());
        assertEquals(1.0, j.get("training_3_4_notes").asDouble());
        int frames = j.get("generated_frames").asInt();
        assertTrue(frames > 2 * 12 * 8 - 8 && frames <= 2 * 12 * 8, "2 choruses of 12 bars of 8 steps, less the primer: " + frames);
        assertTrue(e.out().contains("(share of " + frames + " generated frames with 3 or 4 keys sounding"), e.out());
        double share = j.get("generated_3_4_notes").asDouble();
        assertTrue(share >= 0 && share <= 1);
        assertTrue(e.out().contains(String.format(java.util.Locale.ROOT, "3-4 notes         %.4f", share)), e.out());
        assertEquals(e.out(), CliRun.of("eval", "--model", m.toString(), "--choruses", "2", "--seed", "4").out());
        assertOneLineError(CliRun.of("compose", "--model", m.toString(), "--temperature", "0", "--out",
                dir.resolve("out/x").toString()), "--temperature");
    }

    @Test
    void aModelFileFromBeforeTheNadeStillComposes() throws Exception {
        Path dir = CliRun.scratch("old-modern-model");
        Path f = Path.of(getClass().getResource("/models/lstm-modern-bernoulli-v1.bebop").toURI());
        CliRun c = CliRun.of("compose", "--model", f.toString(), "--choruses", "1", "--seed", "3", "--out",
                dir.resolve("song").toString());
        assertEquals(0, c.exitCode(), c.err());
        assertTrue(c.out().contains("every key drawn on its own"), c.out());
        CliRun e = CliRun.of("eval", "--model", f.toString(), "--choruses", "1");
        assertEquals(0, e.exitCode(), e.err());
        assertTrue(e.out().contains("3-4 notes, train   unknown"), e.out());
    }

    @Test
    void badFlagsAndFilesAreOneLineErrors() throws Exception {
        Path dir = CliRun.scratch("bench-poly-bad");
        String t = tiny(dir).toString();
        assertOneLineError(CliRun.of("bench-poly", "--dataset", dir.resolve("none.json").toString()), "none.json: cannot read");
        assertOneLineError(CliRun.of("bench-poly", "--dataset", t, "--hidden", "0"), "--hidden 0: layer sizes");
        assertOneLineError(CliRun.of("bench-poly", "--dataset", t, "--hidden", "8,0"), "--hidden 8,0: layer sizes");
        assertOneLineError(CliRun.of("bench-poly", "--dataset", t, "--batch", "0"), "--batch 0: batch must be");
        assertOneLineError(CliRun.of("bench-poly", "--dataset", t, "--window", "0"), "--window 0: window must be");
        assertOneLineError(CliRun.of("bench-poly", "--dataset", t, "--clip", "-1"), "--clip -1.0: gradient clip");
        assertOneLineError(CliRun.of("bench-poly", "--dataset", t, "--max-epochs", "0"), "--max-epochs 0: ");
        assertOneLineError(CliRun.of("train", "--data", t, "--out", dir.resolve("p.bebop").toString(), "--learning-rate",
                "20"), "--learning-rate 20.0: learning rate must be");
        assertOneLineError(CliRun.of("bench-poly", "--dataset", t, "--minutes", "-1"), "--minutes");
        assertOneLineError(CliRun.of("bench-poly", "--dataset", t, "--dropout", "1.5"), "--dropout 1.5: dropout must be");
        assertOneLineError(CliRun.of("bench-poly", "--dataset", t, "--hidden", "x"), "--hidden");
        assertOneLineError(CliRun.of("bench-poly", "--dataset", t, "--decay-patience", "-1"), "--decay-patience -1: must be");
        assertOneLineError(CliRun.of("bench-poly", "--dataset", t, "--decay-patience", "x"), "--decay-patience");
        assertOneLineError(CliRun.of("bench-poly", "--dataset", t, "--input-dropout", "1"), "--input-dropout 1.0: must be");
        assertOneLineError(CliRun.of("train", "--data", t, "--out", dir.resolve("p.bebop").toString(), "--input-dropout",
                "-0.1"), "--input-dropout -0.1: must be");
        assertOneLineError(CliRun.of("train", "--data", t, "--out", dir.resolve("p.bebop").toString(), "--decay-patience",
                "-2"), "--decay-patience -2: must be");
        assertOneLineError(CliRun.of("bench-poly"), "--dataset");
        assertOneLineError(CliRun.of("bench-poly", "--dataset", t, "--threads", "0"), "--threads 0: must be 1 to 256");
        assertOneLineError(CliRun.of("train", "--data", t, "--out", dir.resolve("p.bebop").toString(), "--threads", "300"),
                "--threads 300: must be 1 to 256");
        assertOneLineError(CliRun.of("bench-poly", "--dataset", t, "--output", "rbm"), "--output rbm: use bernoulli or nade");
        assertOneLineError(CliRun.of("bench-poly", "--dataset", t, "--nade-hidden", "8"), "--nade-hidden goes with --output nade");
        assertOneLineError(CliRun.of("bench-poly", "--dataset", t, "--output", "nade", "--nade-hidden", "0"),
                "--nade-hidden 0: must be 1..4096");
        assertOneLineError(CliRun.of("train", "--experiment", "chords", "--output", "nade", "--out",
                dir.resolve("p.bebop").toString()), "--output, --nade-hidden, --threads and --minutes go with --data");
        assertOneLineError(CliRun.of("train", "--data", t, "--trainer", "paper", "--output", "nade", "--out",
                dir.resolve("p.bebop").toString()), "--nade-hidden, --threads and --minutes go with --trainer modern");
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
