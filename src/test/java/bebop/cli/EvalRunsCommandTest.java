package bebop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code bebop eval --runs}: many free runs of the bundled model in one pass, each the run {@code eval --seed} gives. */
class EvalRunsCommandTest {
    private static final List<String> METRICS =
            List.of("chord_accuracy", "in_scale", "novel_bars", "unique_choruses", "pitch_class_kl");

    @Test
    void eachRunIsTheRunOfItsSeedAndTheSummaryIsTheirs() throws Exception {
        CliRun runs = CliRun.of("eval", "--runs", "3", "--choruses", "4", "--seed", "7", "--json");
        assertEquals(0, runs.exitCode(), runs.err());
        JsonNode all = new ObjectMapper().readTree(runs.out());
        assertEquals(3, all.get("runs").asInt());
        assertEquals(7, all.get("first_seed").asLong());
        assertEquals(384, all.get("steps").asLong());
        JsonNode perRun = all.get("per_run");
        assertEquals(3, perRun.size());
        for (int r = 0; r < 3; r++) {
            CliRun alone = CliRun.of("eval", "--choruses", "4", "--seed", String.valueOf(7 + r), "--json");
            assertEquals(0, alone.exitCode(), alone.err());
            JsonNode one = new ObjectMapper().readTree(alone.out());
            JsonNode run = perRun.get(r);
            assertEquals(7 + r, run.get("seed").asLong());
            for (String k : List.of("chord_accuracy", "in_scale", "novel_bars", "unique_choruses", "pitch_class_kl",
                    "nll", "choruses", "steps", "primer_steps", "held_out_choruses")) {
                assertEquals(one.get(k), run.get(k), "run " + r + ": " + k);
            }
        }
        for (String k : METRICS) {
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            for (JsonNode run : perRun) {
                min = Math.min(min, run.get(k).asDouble());
                max = Math.max(max, run.get(k).asDouble());
            }
            assertEquals(min, all.get("min").get(k).asDouble(), k);
            assertEquals(max, all.get("max").get(k).asDouble(), k);
            double mean = all.get("mean").get(k).asDouble();
            assertTrue(min <= mean && mean <= max, k);
        }
        assertEquals(perRun.get(0).get("nll"), all.get("nll"));
    }

    @Test
    void theTableGivesMeanLeastAndGreatestOfEachMetric() {
        CliRun table = CliRun.of("eval", "--runs", "2", "--choruses", "3");
        assertEquals(0, table.exitCode(), table.err());
        String out = table.out();
        assertTrue(out.contains("free runs         2 runs of 3 choruses (288 steps each)"), out);
        assertTrue(out.contains("seeds 1 to 2 (each run as eval --seed S)"), out);
        assertTrue(out.contains("                  mean     min      max"), out);
        for (String k : METRICS) {
            assertTrue(out.lines().anyMatch(l -> l.matches(k + " +\\d\\.\\d{4} +\\d\\.\\d{4} +\\d\\.\\d{4} +\\(.*\\)")), k + "\n" + out);
        }
        assertTrue(out.contains("chord_accuracy    1.0000   1.0000   1.0000"), "the bundled model keeps the form\n" + out);
    }

    @Test
    void badRunCountsAreOneLineErrors() {
        BenchPolyCommandTest.assertOneLineError(CliRun.of("eval", "--runs", "0"), "--runs 0: must be between 1 and 100");
        BenchPolyCommandTest.assertOneLineError(CliRun.of("eval", "--runs", "101"), "--runs 101: must be between 1 and 100");
        BenchPolyCommandTest.assertOneLineError(CliRun.of("eval", "--runs", "20", "--choruses", "6000"),
                "--runs 20 of --choruses 6000: at most 100000 choruses in all");
        BenchPolyCommandTest.assertOneLineError(CliRun.of("eval", "--runs", "2", "--compare", "--out", "x.md"),
                "--runs does not go with --compare");
    }
}
