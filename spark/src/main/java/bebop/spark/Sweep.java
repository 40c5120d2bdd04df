package bebop.spark;

import bebop.UserError;
import bebop.app.Experiment;
import bebop.app.SeedsService;
import bebop.app.TrainService;
import bebop.app.TrainedModel;
import bebop.cli.RunSettings;
import bebop.io.AtomicFiles;
import bebop.io.model.ModelFile;
import bebop.nn.Arithmetic;
import bebop.train.CorpusExperiment;
import bebop.train.Experiment1Settings;
import bebop.train.Experiment2Settings;
import bebop.train.TrainingListener;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * A sweep: every grid point one Spark task that trains exactly as {@code bebop seeds} does for one seed
 * ({@link SeedsService#chordsRun}), its row appended to OUT/runs.jsonl as it arrives, the best model of
 * each setting kept in OUT/models/, and the table written to OUT/summary.md and summary.json. Runs
 * already in runs.jsonl are not run again.
 */
final class Sweep {
    /** What a task needs: the work and the flags as text, from which any executor rebuilds the settings with the core's flag classes. */
    record Task(Work work, Map<String, String> setting, long seed, List<String> args, String arithmetic)
            implements Serializable {}

    /** What a task sends back: its row (JSON) and its model file's bytes. */
    record Outcome(String row, byte[] model) implements Serializable {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private Sweep() {
    }

    /** Runs what is left of the grid on {@code master} and returns the whole grid's table. */
    static Summary run(Work work, Grid grid, String master, Path out, PrintWriter progress) {
        Contexts.check(master, "--master");
        for (Map<String, String> setting : grid.settings()) {
            // every setting is refused here, before any run starts, as `seeds` refuses it
            settings(work, RunSettings.arguments(setting, "--grid"), 1, "--grid " + Summary.name(setting));
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserError("--out " + out + ": is a file, not a folder");
        }
        try {
            Files.createDirectories(out.resolve("models"));
        } catch (IOException e) {
            throw new UserError("--out " + out + ": cannot make the folder (" + e.getMessage() + ")", e);
        }
        RunsFile runs = RunsFile.open(out.resolve("runs.jsonl"));
        Map<String, Map<String, Object>> done = new HashMap<>();
        runs.rows().forEach(r -> done.put(RunsFile.key(r), r));
        List<Task> todo = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (Grid.Point p : grid.points()) {
            String key = RunsFile.key(work.id(), p.setting(), p.seed());
            keys.add(key);
            if (!done.containsKey(key)) {
                todo.add(new Task(work, p.setting(), p.seed(),
                        RunSettings.arguments(p.setting(), "--grid"), Arithmetic.DEFAULT.id()));
            }
        }
        Map<Map<String, String>, Map<String, Object>> best = new HashMap<>();
        for (String k : keys) {
            if (done.containsKey(k)) {
                keep(best, done.get(k));
            }
        }
        if (!todo.isEmpty()) {
            progress.printf(Locale.ROOT, "sweep: %d runs, %d done before, %d to run on %s%n", keys.size(),
                    keys.size() - todo.size(), todo.size(), master);
            progress.flush();
            try (JavaSparkContext sc = Contexts.open(master, "bebop sweep", "--master")) {
                runAll(sc, todo, keys.size() - todo.size(), keys.size(), runs, best, out, progress);
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        runs.rows().forEach(r -> done.put(RunsFile.key(r), r));
        keys.forEach(k -> rows.add(done.get(k)));
        Summary summary = Summary.of(grid.settings(), rows);
        AtomicFiles.write(out.resolve("summary.md"), summary.markdown().getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(out.resolve("summary.json"), summary.json().getBytes(StandardCharsets.UTF_8));
        return summary;
    }

    /** Submits every task as its own job (results arrive as each finishes) and records them. */
    private static void runAll(JavaSparkContext sc, List<Task> todo, int before, int total, RunsFile runs,
                               Map<Map<String, String>, Map<String, Object>> best, Path out, PrintWriter progress) {
        Map<JavaFutureAction<List<Outcome>>, Task> pending = new LinkedHashMap<>();
        for (Task t : todo) {
            pending.put(sc.parallelize(List.of(t), 1).map(Sweep::train).collectAsync(), t);
        }
        long start = System.nanoTime();
        int finished = 0;
        while (!pending.isEmpty()) {
            pause(pending.keySet());
            for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
                var e = it.next();
                if (!e.getKey().isDone()) {
                    continue;
                }
                Outcome o;
                try {
                    o = e.getKey().get().get(0);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", ie);
                } catch (ExecutionException ee) {
                    sc.cancelAllJobs();
                    throw new IllegalStateException("run " + RunsFile.key(e.getValue().work().id(),
                            e.getValue().setting(), e.getValue().seed()) + " failed: "
                            + ee.getCause().getMessage().lines().findFirst().orElse(""), ee);
                }
                it.remove();
                Map<String, Object> row = record(o, runs, best, out);
                finished++;
                double perRun = (System.nanoTime() - start) / 1e9 / finished;
                progress.printf(Locale.ROOT, "sweep: %d/%d runs done, ETA %s: %s seed %d %s in %,d steps%n",
                        before + finished, total, eta(perRun * pending.size()), Summary.name(e.getValue().setting()),
                        e.getValue().seed(), Boolean.TRUE.equals(row.get("learned")) ? "learned" : "did not learn",
                        ((Number) row.get("steps")).longValue());
                progress.flush();
            }
        }
    }

    /** Waits a moment unless a run has finished already. */
    private static void pause(Iterable<JavaFutureAction<List<Outcome>>> futures) {
        for (var f : futures) {
            if (f.isDone()) {
                return;
            }
        }
        try {
            Thread.sleep(100);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ie);
        }
    }

    /** Keeps the run's model when it is its setting's best so far, then appends its row. */
    private static Map<String, Object> record(Outcome o, RunsFile runs, Map<Map<String, String>, Map<String, Object>> best,
                                              Path out) {
        Map<String, Object> row = parse(o.row());
        if (keep(best, row)) {
            AtomicFiles.write(modelPath(out, setting(row)), o.model());
        }
        runs.append(row);
        return row;
    }

    private static boolean keep(Map<Map<String, String>, Map<String, Object>> best, Map<String, Object> row) {
        Map<String, Object> old = best.get(setting(row));
        if (old == null || Summary.BETTER.compare(row, old) < 0) {
            best.put(setting(row), row);
            return true;
        }
        return false;
    }

    /** OUT/models/SETTING.bebop: the best model of a setting. */
    static Path modelPath(Path out, Map<String, String> setting) {
        String name = Summary.name(setting).replaceAll("[^A-Za-z0-9.=_-]", "_");
        return out.resolve("models").resolve(setting.isEmpty() ? "all.bebop" : name + ".bebop");
    }

    /** One run, on an executor: the settings `seeds` (or `train --data`) would make, trained by the same service. */
    static Outcome train(Task t) throws IOException {
        if (!Arithmetic.DEFAULT.id().equals(t.arithmetic())) {
            throw new IllegalStateException("this executor computes with " + Arithmetic.DEFAULT.id() + " arithmetic, "
                    + "the driver with " + t.arithmetic() + ": the runs would differ from bebop seeds");
        }
        Work w = t.work();
        List<String> train = new ArrayList<>(List.of("train", w.data() == null ? "--experiment" : "--data",
                w.data() == null ? w.experiment().name() : w.data(), "--seed", Long.toString(t.seed())));
        train.addAll(t.args());
        Object settings = settings(w, t.args(), t.seed(), "--grid");
        Map<String, Object> row = w.rowStart();
        row.put("settings", t.setting());
        TrainedModel<?> run;
        if (w.data() != null) {
            TrainedModel<CorpusExperiment.Result> c = TrainService.corpus((Experiment2Settings) settings,
                    TrainService.corpus(TrainService.paperCorpus(w.data())), train, TrainingListener.NONE);
            CorpusExperiment.Result r = c.run();
            // the figures `train --data` reports; "learned": the validation error plateaued within --max-epochs
            row.put("seed", t.seed());
            row.put("learned", r.plateaued());
            row.put("epochs", r.epochs());
            row.put("steps", r.steps());
            row.put("seconds", Math.round(r.seconds() * 10) / 10.0);
            row.put("valid_nll", r.validNll());
            run = c;
        } else {
            TrainedModel<Map<String, Object>> s = settings instanceof Experiment1Settings s1
                    ? SeedsService.chordsRun(s1, train)
                    : SeedsService.melodyRun((Experiment2Settings) settings, train, w.runs());
            row.putAll(s.run());
            run = s;
        }
        return new Outcome(JSON.writeValueAsString(row), ModelFile.toBytes(run.model()));
    }

    /** The work's settings for these flags; a bad flag or value is a user error naming {@code what}. */
    private static Object settings(Work w, List<String> args, long seed, String what) {
        try {
            if (w.data() != null && args.contains("--paper")) {
                throw new UserError("--paper: the paper's online learner is for the blues (--experiment melody)");
            }
            return w.experiment() == Experiment.chords ? RunSettings.experiment1(args, seed, what)
                    : RunSettings.experiment2(args, seed, what);
        } catch (UserError bad) {
            throw bad.getMessage().startsWith(what) ? bad : new UserError(what + ": " + bad.getMessage(), bad);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> setting(Map<String, Object> row) {
        return new LinkedHashMap<>((Map<String, String>) row.get("settings"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String json) {
        try {
            return JSON.readValue(json, LinkedHashMap.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String eta(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
