package bebop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bebop.io.model.ModelFile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code bebop seeds}: the same runs as {@code train}, whatever the number of threads. */
class SeedsCommandTest {

    private static JsonNode rowsWithoutSeconds(CliRun r) throws Exception {
        assertEquals(0, r.exitCode(), r.err());
        JsonNode rows = new ObjectMapper().readTree(r.out());
        for (JsonNode row : rows) {
            ((ObjectNode) row).remove("seconds");
        }
        return rows;
    }

    @Test
    void threadsChangeNothingButTheTimeAndEachRowIsWhatTrainGives() throws Exception {
        JsonNode one = rowsWithoutSeconds(CliRun.of("seeds", "--experiment", "chords", "--seeds", "1-3",
                "--max-epochs", "30", "--threads", "1", "--json"));
        JsonNode three = rowsWithoutSeconds(CliRun.of("seeds", "--experiment", "chords", "--seeds", "1,2,3",
                "--max-epochs", "30", "--threads", "3", "--json"));
        assertEquals(one, three);
        assertEquals(3, one.size());
        assertEquals(2, one.get(1).get("seed").asLong());

        Path model = CliRun.scratch("seeds").resolve("s2.bebop");
        CliRun train = CliRun.of("train", "--experiment", "chords", "--seed", "2", "--max-epochs", "30", "--quiet",
                "--out", model.toString());
        assertEquals(0, train.exitCode(), train.err());
        var m = ModelFile.read(model);
        assertEquals(m.metrics().get("chord_accuracy").asDouble(), one.get(1).get("chord_accuracy").asDouble());
        assertEquals(m.extra().at("/training/epochs").asLong(), one.get(1).get("epochs").asLong());
        assertEquals(m.extra().at("/training/steps").asLong(), one.get(1).get("steps").asLong());
    }

    @Test
    void theLearnerAndTheFilterFlagsReachTheRunsAsTrainReadsThem() throws Exception {
        String[] dekf = {"--learner", "dekf", "--dekf-measure", "logit", "--dekf-r", "50:2", "--dekf-p0", "30"};
        JsonNode rows = rowsWithoutSeconds(CliRun.of(concat(new String[] {"seeds", "--experiment", "chords", "--seeds",
            "3", "--max-epochs", "4", "--json"}, dekf)));
        Path model = CliRun.scratch("seeds").resolve("dekf3.bebop");
        CliRun train = CliRun.of(concat(new String[] {"train", "--experiment", "chords", "--seed", "3", "--max-epochs",
            "4", "--quiet", "--out", model.toString()}, dekf));
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.out().contains("decoupled extended Kalman filter (P0 30, R 50 -> 2"), train.out());
        var m = ModelFile.read(model);
        assertEquals("DEKF", m.extra().at("/settings/trainer").asText());
        assertEquals("LOGIT", m.extra().at("/settings/kalman/measurement").asText());
        assertEquals(4 * 96, m.extra().at("/training/steps").asLong());
        assertEquals(m.metrics().get("chord_accuracy").asDouble(), rows.get(0).get("chord_accuracy").asDouble());
    }

    /** The paper's network learned online, one weight change per step, by the Kalman filter with bebop's resets. */
    @Test
    void theKalmanFilterLearnsTheFormOnlineAndHoldsIt() throws Exception {
        Path model = CliRun.scratch("seeds").resolve("dekf4.bebop");
        CliRun train = CliRun.of("train", "--experiment", "chords", "--learner", "dekf", "--seed", "4", "--max-epochs",
                "2000", "--quiet", "--out", model.toString());
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.out().contains("learned the form"), train.out());
        var m = ModelFile.read(model);
        assertEquals(1.0, m.metrics().get("chord_accuracy").asDouble());
        assertEquals(0, m.extra().at("/settings/resetAfterGrossErrors").asInt());
        assertEquals(2, m.extra().at("/settings/chorusesPerReset").asInt());
        assertEquals("BERNOULLI", m.extra().at("/settings/kalman/measurement").asText());
        assertEquals(0.1, m.extra().at("/settings/initRange").asDouble());
    }

    /** Experiment 2's online learners get the same resets; --paper keeps the paper's. */
    @Test
    void experiment2OnlineLearnersResetEverySecondChorus() throws Exception {
        Path model = CliRun.scratch("seeds").resolve("melody-dekf.bebop");
        CliRun train = CliRun.of("train", "--experiment", "melody", "--learner", "dekf", "--max-epochs", "1", "--quiet",
                "--out", model.toString());
        assertEquals(0, train.exitCode(), train.err());
        JsonNode settings = ModelFile.read(model).extra().get("settings");
        assertEquals("DEKF", settings.get("trainer").asText());
        assertEquals(0, settings.get("resetAfterGrossErrors").asInt());
        assertEquals(2, settings.get("chorusesPerReset").asInt());
        CliRun paper = CliRun.of("train", "--experiment", "melody", "--paper", "--max-epochs", "1", "--epoch-choruses", "1",
                "--quiet", "--out", model.toString());
        assertEquals(0, paper.exitCode(), paper.err());
        settings = ModelFile.read(model).extra().get("settings");
        assertEquals(1, settings.get("resetAfterGrossErrors").asInt());
        assertEquals(0, settings.get("chorusesPerReset").asInt());
    }

    /** --runs: each seed's model runs free N times, each run the one eval --seed gives for the model train writes. */
    @Test
    void runsSummariseTheFreeRunsThatEvalGivesTheTrainedModel() throws Exception {
        JsonNode row = rowsWithoutSeconds(CliRun.of("seeds", "--experiment", "melody", "--seeds", "2", "--max-epochs",
                "40", "--runs", "3", "--json")).get(0);
        Path model = CliRun.scratch("seeds").resolve("melody2.bebop");
        CliRun train = CliRun.of("train", "--experiment", "melody", "--seed", "2", "--max-epochs", "40", "--quiet",
                "--out", model.toString());
        assertEquals(0, train.exitCode(), train.err());
        CliRun eval = CliRun.of("eval", "--model", model.toString(), "--runs", "3", "--seed", "1", "--json");
        assertEquals(0, eval.exitCode(), eval.err());
        JsonNode runs = new ObjectMapper().readTree(eval.out());
        assertEquals(runs.at("/min/chord_accuracy").asDouble(), row.get("chord_accuracy").asDouble());
        assertEquals(runs.at("/mean/in_scale").asDouble(), row.get("in_scale").asDouble());
        assertEquals(runs.at("/mean/novel_bars").asDouble(), row.get("novel_bars").asDouble());
        assertEquals(runs.at("/min/novel_bars").asDouble(), row.get("novel_bars_min").asDouble());
        assertEquals(runs.at("/max/novel_bars").asDouble(), row.get("novel_bars_max").asDouble());
        assertEquals(runs.get("nll").asDouble(), row.get("nll").asDouble());
        assertEquals(ModelFile.read(model).extra().at("/training/steps").asLong(), row.get("steps").asLong());

        JsonNode one = rowsWithoutSeconds(CliRun.of("seeds", "--experiment", "melody", "--seeds", "2", "--max-epochs",
                "40", "--json")).get(0);
        assertEquals(runs.at("/per_run/0/novel_bars").asDouble(), one.get("novel_bars").asDouble());
        assertFalse(one.has("novel_bars_min"));
    }

    @Test
    void runsAreRefusedOutOfRangeAndForTheChords() {
        for (String[] args : new String[][] {
            {"--experiment", "melody", "--runs", "0"}, {"--experiment", "melody", "--runs", "101"},
            {"--experiment", "chords", "--runs", "2"},
        }) {
            CliRun r = CliRun.of(concat(new String[] {"seeds", "--seeds", "1", "--max-epochs", "1"}, args));
            assertEquals(2, r.exitCode(), String.join(" ", args));
            assertEquals(1, r.err().strip().lines().filter(l -> !l.startsWith("WARNING")).count(), r.err());
            assertTrue(r.err().contains("--runs"), r.err());
        }
    }

    @Test
    void filterFlagsWithoutTheFilterAreRefused() {
        for (String[] args : new String[][] {
            {"--dekf-r", "3"}, {"--learner", "sgd", "--dekf-groups", "unit"}, {"--learner", "kalman"},
            {"--learner", "dekf", "--dekf-q", "-1:0"}, {"--learner", "dekf", "--dekf-groups", "blocks"},
        }) {
            CliRun r = CliRun.of(concat(new String[] {"seeds", "--experiment", "chords", "--seeds", "1"}, args));
            assertEquals(2, r.exitCode(), String.join(" ", args));
            assertEquals(1, r.err().strip().lines().filter(l -> !l.startsWith("WARNING")).count(), r.err());
            assertTrue(r.err().contains(args[args.length - 2]), r.err());
        }
    }

    /** ablate: each level's count is what seeds gives for those settings; the base's own level is the base run. */
    @Test
    void ablateCountsEachLevelAsSeedsRunsIt() throws Exception {
        CliRun ablate = CliRun.of("ablate", "--learner", "sgd", "--seeds", "1-2", "--max-steps", "960", "--factors",
                "peepholes", "--json");
        assertEquals(0, ablate.exitCode(), ablate.err());
        JsonNode cells = new ObjectMapper().readTree(ablate.out());
        assertEquals(2, cells.size());
        assertEquals("off", cells.get(0).get("level").asText());
        JsonNode seeds = rowsWithoutSeconds(CliRun.of("seeds", "--experiment", "chords", "--learner", "sgd",
                "--peepholes", "true", "--seeds", "1-2", "--max-epochs", "10", "--json"));
        long learned = 0;
        for (JsonNode row : seeds) {
            learned += row.get("learned").asBoolean() ? 1 : 0;
        }
        assertEquals(learned, cells.get(1).get("learned").asLong());
        CliRun table = CliRun.of("ablate", "--learner", "dekf", "--seeds", "1", "--max-steps", "96", "--factors",
                "dekf measurement");
        assertEquals(0, table.exitCode(), table.err());
        assertTrue(table.out().contains("dekf measurement  logit"), table.out());
        for (String[] bad : new String[][] {{"--factors", "colour"}, {"--max-steps", "5"}, {"--learner", "bptt-adam"}}) {
            CliRun r = CliRun.of(concat(new String[] {"ablate", "--learner", "sgd"}, bad));
            assertEquals(2, r.exitCode(), String.join(" ", bad));
            assertTrue(r.err().contains(bad[0]), r.err());
        }
    }

    @Test
    void anbncnTabulatesTheSeedsAndRefusesBadFlags() {
        CliRun r = CliRun.of("anbncn", "--seeds", "1-2", "--max-strings", "3000");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(3, r.out().strip().lines().count(), r.out());
        assertTrue(r.out().contains("generalisation"), r.out());
        assertFalse(r.out().contains("best seen"), r.out());
        CliRun w = CliRun.of("anbncn", "--seeds", "4", "--max-strings", "3000", "--watch", "20", "--json");
        assertEquals(0, w.exitCode(), w.err());
        assertTrue(w.out().contains("\"best_generalisation\"") && w.out().contains("\"best_after\""), w.out());
        for (String[] bad : new String[][] {{"--learner", "adam"}, {"--blocks", "0"}, {"--dekf-p0", "-1"},
            {"--net", "elman"}, {"--cell-input", "tanh"}, {"--cell-output", "relu"}, {"--gate-biases", "big"},
            {"--shortcuts", "maybe"}, {"--watch", "-1"}, {"--train-max", "0"}, {"--max-strings", "0"},
            {"--momentum", "1", "--learner", "sgd"}, {"--learning-rate", "0", "--learner", "sgd"}}) {
            CliRun e = CliRun.of(concat(new String[] {"anbncn"}, bad));
            assertEquals(2, e.exitCode(), String.join(" ", bad));
            // one line that names the flag given, and no other
            assertTrue(e.err().startsWith("bebop: " + bad[0] + " "), e.err());
            assertEquals(1, e.err().split("--", -1).length - 1, e.err());
            assertEquals(1, e.err().strip().lines().count(), e.err());
        }
        // the filter (the default learner) has no step size: the flag is refused, not ignored
        CliRun rate = CliRun.of("anbncn", "--learning-rate", "1e-3");
        assertEquals(2, rate.exitCode(), rate.err());
        assertTrue(rate.err().startsWith("bebop: --learning-rate goes with --learner sgd"), rate.err());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void theTableCountsTheSeedsThatLearned() {
        CliRun r = CliRun.of("seeds", "--experiment", "chords", "--seeds", "4", "--max-epochs", "5");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("0 of 1 seeds learned"), r.out());
    }

    @Test
    void badSeedListsAndThreadCountsAreOneLineAndExit2() {
        for (String[] args : new String[][] {
            {"--seeds", "5-2"}, {"--seeds", "a,b"}, {"--seeds", "1,1"}, {"--seeds", "0-5000"}, {"--threads", "0"},
        }) {
            String[] full = new String[args.length + 2];
            full[0] = "seeds";
            full[1] = "--experiment=chords";
            System.arraycopy(args, 0, full, 2, args.length);
            CliRun r = CliRun.of(full);
            assertEquals(2, r.exitCode(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains(args[0]), r.err());
        }
    }
}
