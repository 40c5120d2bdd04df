package bebop.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bebop.io.model.ModelFile;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** bebop sweep on local[2]: the runs bebop seeds makes, and a sweep whose driver is killed finishes on a re-run. */
class SweepTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    // Experiment 1 with the Kalman filter: seeds 1 and 3 learn the form in 88 and 173 epochs, not within 50
    static final String[] GRID = {"--grid", "learner=dekf", "--grid", "max-epochs=50,200", "--grid", "seed=1,3"};

    @Test
    void aTwoByTwoSweepGivesTheRunsSeedsGives() throws Exception {
        Path out = Files.createTempDirectory(Path.of("target"), "sweep");
        Cli.Result r = Cli.run(concat(new String[] {"sweep", "--experiment", "chords", "--master", "local[2]",
                "--out", out.toString()}, GRID));
        assertEquals(0, r.code(), r.err());
        List<Map<String, Object>> runs = rows(out.resolve("runs.jsonl"));
        assertEquals(4, runs.size());
        int learned = 0;
        for (String maxEpochs : List.of("50", "200")) {
            Cli.Result seeds = Cli.run("seeds", "--experiment", "chords", "--seeds", "1,3", "--learner", "dekf",
                    "--max-epochs", maxEpochs, "--threads", "2", "--json");
            assertEquals(0, seeds.code(), seeds.err());
            for (Map<String, Object> expected : JSON.readValue(seeds.out(), new TypeReference<List<Map<String, Object>>>() {})) {
                Map<String, Object> got = runs.stream().filter(x -> x.get("seed").equals(expected.get("seed"))
                        && Map.of("learner", "dekf", "max-epochs", maxEpochs).equals(x.get("settings"))).findFirst().orElseThrow();
                for (String k : expected.keySet()) {
                    if (!k.equals("seconds")) {
                        assertEquals(expected.get(k), got.get(k), k + " of " + got);
                    }
                }
                learned += Boolean.TRUE.equals(got.get("learned")) ? 1 : 0;
            }
        }
        assertEquals(2, learned, "the 200-epoch runs learn, the 50-epoch ones do not: " + runs);
        String table = Files.readString(out.resolve("summary.md"));
        assertTrue(r.out().startsWith(table), r.out());
        assertTrue(table.contains("| learner=dekf max-epochs=200 | 2 of 2 | "), table);
        assertTrue(table.contains("| learner=dekf max-epochs=50 | 0 of 2 | - | - |"), table);
        assertTrue(Files.size(out.resolve("models/learner=dekf_max-epochs=200.bebop")) > 0);
        assertTrue(r.err().contains("sweep: 4/4 runs done"), r.err());

        Cli.Result again = Cli.run(concat(new String[] {"sweep", "--experiment", "chords", "--out", out.toString()}, GRID));
        assertEquals(0, again.code(), again.err());
        assertEquals(r.out(), again.out(), "a finished sweep re-run runs nothing and prints the same table");
        assertEquals("", again.err());
        assertEquals(4, rows(out.resolve("runs.jsonl")).size());
    }

    /** --runs: each Experiment 2 model run free as `seeds --runs` runs it; other runs of the same grid are other rows. */
    @Test
    void aMelodySweepWithRunsGivesTheRowsSeedsRunsGives() throws Exception {
        Path out = Files.createTempDirectory(Path.of("target"), "sweep-runs");
        String[] grid = {"--grid", "max-epochs=40", "--grid", "seed=1,2"};
        Cli.Result r = Cli.run(concat(new String[] {"sweep", "--experiment", "melody", "--runs", "3", "--master", "local[2]",
                "--out", out.toString()}, grid));
        assertEquals(0, r.code(), r.err());
        Cli.Result seeds = Cli.run("seeds", "--experiment", "melody", "--seeds", "1,2", "--max-epochs", "40", "--runs", "3",
                "--threads", "2", "--json");
        assertEquals(0, seeds.code(), seeds.err());
        List<Map<String, Object>> runs = rows(out.resolve("runs.jsonl"));
        assertEquals(2, runs.size());
        for (Map<String, Object> expected : JSON.readValue(seeds.out(), new TypeReference<List<Map<String, Object>>>() {})) {
            Map<String, Object> got = runs.stream().filter(x -> x.get("seed").equals(expected.get("seed"))).findFirst().orElseThrow();
            assertTrue(expected.containsKey("novel_bars_max"), expected.toString());
            for (String k : expected.keySet()) {
                if (!k.equals("seconds")) {
                    assertEquals(expected.get(k), got.get(k), k + " of " + got);
                }
            }
            assertEquals(3, got.get("free_runs"));
        }

        Cli.Result once = Cli.run(concat(new String[] {"sweep", "--experiment", "melody", "--master", "local[2]",
                "--out", out.toString()}, grid));
        assertEquals(0, once.code(), once.err());
        assertTrue(once.err().contains("sweep: 2 runs, 0 done before, 2 to run"), once.err());
        List<Map<String, Object>> all = rows(out.resolve("runs.jsonl"));
        assertEquals(4, all.size());
        assertTrue(all.subList(2, 4).stream().noneMatch(x -> x.containsKey("free_runs") || x.containsKey("novel_bars_max")),
                all.toString());
    }

    @Test
    void aSweepWhoseDriverIsKilledFinishesOnARerunWithEveryRunOnce() throws Exception {
        Path out = Files.createTempDirectory(Path.of("target"), "killed");
        String[] args = {"sweep", "--experiment", "chords", "--grid", "seed=1..6", "--grid", "learner=dekf",
            "--grid", "max-epochs=60", "--master", "local[1]", "--out", out.toString()};
        Process driver = Cli.start(out.resolve("driver.log"), List.of(), "bebop.cli.Main", args);
        Path runs = out.resolve("runs.jsonl");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (lines(runs) < 2 && driver.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(driver.isAlive(), "the driver finished before it could be killed: " + Files.readString(out.resolve("driver.log")));
        } finally {
            driver.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        int before = lines(runs);
        assertTrue(before >= 2 && before < 6, before + " runs before the kill");
        // a row cut short by the kill is dropped and its run made again
        Files.writeString(runs, "{\"experiment\":\"chords\",\"settings\":{\"learner\":\"dekf\"", java.nio.file.StandardOpenOption.APPEND);

        Cli.Result r = Cli.run(args);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("6 runs, " + before + " done before, " + (6 - before) + " to run"), r.err());
        List<Map<String, Object>> rows = rows(runs);
        assertEquals(6, rows.size());
        Set<Object> seeds = new HashSet<>();
        rows.forEach(x -> seeds.add(x.get("seed")));
        assertEquals(6, seeds.size(), "every run exactly once: " + rows);
    }

    @Test
    void aSweepOnADataSetGivesTheRunsTrainGives() throws Exception {
        Path midi = TestCorpus.make();
        Path data = midi.resolveSibling(midi.getFileName() + "-dataset");
        Cli.Result imported = Cli.run("import", midi.toString(), "--out", data.toString());
        assertEquals(0, imported.code(), imported.err());
        Path out = Files.createTempDirectory(Path.of("target"), "data-sweep");
        Cli.Result r = Cli.run("sweep", "--data", data.toString(), "--grid", "seed=1,2", "--grid", "max-epochs=3",
                "--master", "local[2]", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<Map<String, Object>> rows = rows(out.resolve("runs.jsonl"));
        assertEquals(2, rows.size());
        for (Map<String, Object> row : rows) {
            Path model = out.resolve("train-" + row.get("seed") + ".bebop");
            Cli.Result t = Cli.run("train", "--data", data.toString(), "--trainer", "paper", "--seed",
                    row.get("seed").toString(), "--max-epochs", "3", "--out", model.toString());
            assertEquals(0, t.code(), t.err());
            var extra = ModelFile.read(model).extra().get("training");
            assertEquals(data.toString(), row.get("data"));
            assertEquals(extra.get("epochs").asLong(), ((Number) row.get("epochs")).longValue());
            assertEquals(extra.get("steps").asLong(), ((Number) row.get("steps")).longValue());
            assertEquals(ModelFile.read(model).metrics().get("valid_nll").asDouble(), (Double) row.get("valid_nll"));
        }
        assertTrue(r.out().contains("| max-epochs=3 | "), r.out());
        assertTrue(r.out().contains("mean valid_nll"), r.out());
    }

    @Test
    void badInputIsOneLineNamingTheFlagAndNothingIsWritten() throws Exception {
        Path out = Path.of("target", "never-written");
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Map<List<String>, String> cases = Map.of(
                List.of("--experiment", "chords", "--grid", "lerner=sgd"),
                "bebop: --grid lerner=sgd: 'lerner' is no training flag of bebop seeds (see bebop help seeds)",
                List.of("--experiment", "chords", "--grid", "learner=sgd,adam"),
                "bebop: --grid learner=adam: --learner adam: use sgd, dekf or bptt-adam",
                List.of("--experiment", "chords", "--grid", "seed=1..3,2"),
                "bebop: --grid seed=1..3,2: a value is given twice",
                List.of("--experiment", "melody", "--grid", "seed=1", "--master", "mesos://x"),
                "bebop: --master mesos://x: Spark could not start there (Could not parse Master URL: 'mesos://x')",
                List.of("--experiment", "chords", "--grid", "seed=1", "--master", "spark://127.0.0.1:" + closed),
                "bebop: --master spark://127.0.0.1:" + closed + ": no Spark master answers there (Connection refused)",
                List.of("--data", "target/no-such-data", "--grid", "seed=1"),
                "bebop: --data target/no-such-data: no such folder (give a folder bebop import wrote, or blues)",
                List.of("--experiment", "chords", "--runs", "3", "--grid", "seed=1"),
                "bebop: --runs: Experiment 1's free run draws nothing, so every run would be the same; --runs is for "
                        + "--experiment melody",
                List.of("--experiment", "melody", "--runs", "101", "--grid", "seed=1"),
                "bebop: --runs 101: must be between 1 and 100");
        for (var c : cases.entrySet()) {
            List<String> args = new ArrayList<>(List.of("sweep", "--out", out.toString()));
            args.addAll(c.getKey());
            Cli.Result r = Cli.run(args.toArray(String[]::new));
            assertEquals(2, r.code(), c.getKey() + ": " + r.err());
            assertEquals(c.getValue(), r.err().lines().filter(l -> l.startsWith("bebop:")).findFirst().orElse(r.err()));
            assertTrue(r.err().lines().noneMatch(l -> l.startsWith("\tat ")), r.err());
        }
        assertTrue(!Files.exists(out.resolve("runs.jsonl")));
    }

    static List<Map<String, Object>> rows(Path file) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            rows.add(JSON.readValue(line, new TypeReference<Map<String, Object>>() {}));
        }
        return rows;
    }

    private static int lines(Path file) throws Exception {
        return Files.exists(file) ? (int) Files.readString(file).chars().filter(c -> c == '\n').count() : 0;
    }

    static String[] concat(String[] a, String[] b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
