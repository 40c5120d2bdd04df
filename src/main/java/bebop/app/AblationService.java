package bebop.app;

import bebop.nn.KalmanSettings;
import bebop.nn.LstmConfig;
import bebop.train.Experiment1Settings;
import bebop.train.SeedSweep;
import bebop.train.TrainingListener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.function.UnaryOperator;

/**
 * What the paper's online learners need to learn Experiment 1: the factors that may decide, one at a
 * time, each level on top of the same base settings, each cell a count of the seeds that learn the
 * form within a step budget and hold it for 100 free-run choruses. All (cell, seed) runs share the
 * cores; a run whose settings equal another's (a factor's level that is the base's own) runs once.
 */
public final class AblationService {
    private AblationService() {}

    /** One level of one factor: how it changes the base settings. */
    public record Level(String factor, String level, UnaryOperator<Experiment1Settings> change) {}

    /**
     * The factors for {@code trainer}: bias set (forget gates positive or negative, the ICANN set),
     * weight range, inputs, peepholes, the gross-error reset rule, the reset at chorus starts; for
     * {@code sgd} also learning rate and momentum, for {@code dekf} the measurement and R.
     */
    public static List<Level> experiment1Factors(Experiment1Settings.Trainer trainer) {
        List<Level> f = new ArrayList<>();
        f.add(new Level("gate biases", "nnsp, forget +0.5..+2", s -> s.withGateBiases(LstmConfig.GateBiasSet.NNSP_POSITIVE_FORGET)));
        f.add(new Level("gate biases", "nnsp, all -0.5..-2", s -> s.withGateBiases(LstmConfig.GateBiasSet.NNSP)));
        f.add(new Level("gate biases", "icann -0.1..-0.7", s -> s.withGateBiases(LstmConfig.GateBiasSet.ICANN)));
        f.add(new Level("weights", "+-0.1", s -> s.withInitRange(0.1)));
        f.add(new Level("weights", "+-1", s -> s.withInitRange(1.0)));
        f.add(new Level("inputs", "0/1", s -> s.withNormalizeInputs(false)));
        f.add(new Level("inputs", "z-scored", s -> s.withNormalizeInputs(true)));
        f.add(new Level("peepholes", "off", s -> s.withPeepholes(false)));
        f.add(new Level("peepholes", "on", s -> s.withPeepholes(true)));
        f.add(new Level("gross-error reset", "restart the chorus", s -> s.withResetAfterGrossErrors(1)
                .withResets(true, s.chorusesPerReset())));
        f.add(new Level("gross-error reset", "continue", s -> s.withResetAfterGrossErrors(1)
                .withResets(false, s.chorusesPerReset())));
        f.add(new Level("gross-error reset", "never", s -> s.withResetAfterGrossErrors(0)));
        for (int n = 0; n <= 2; n++) {
            int every = n;
            f.add(new Level("reset at chorus start", every == 0 ? "never" : every == 1 ? "every chorus" : "every 2nd chorus",
                    s -> s.withResets(s.restartChorus(), every)));
        }
        if (trainer == Experiment1Settings.Trainer.ONLINE_RTRL) {
            for (double lr : new double[] {1e-5, 1e-4, 1e-3, 1e-2}) {
                f.add(new Level("learning rate", String.valueOf(lr), s -> s.withLearningRate(lr)));
            }
            for (double mu : new double[] {0, 0.9, 0.99}) {
                f.add(new Level("momentum", String.valueOf(mu), s -> s.withMomentum(mu)));
            }
        } else if (trainer == Experiment1Settings.Trainer.DEKF) {
            f.add(new Level("dekf measurement", "output", s -> s.withKalman(s.kalman()
                    .withMeasurement(KalmanSettings.Measurement.OUTPUT))));
            f.add(new Level("dekf measurement", "logit", s -> s.withKalman(s.kalman()
                    .withMeasurement(KalmanSettings.Measurement.LOGIT))));
            f.add(new Level("dekf measurement", "bernoulli", s -> s.withKalman(s.kalman()
                    .withMeasurement(KalmanSettings.Measurement.BERNOULLI))));
            for (double r : new double[] {3, 30}) {
                f.add(new Level("dekf R end", String.valueOf(r), s -> s.withKalman(s.kalman()
                        .withMeasurementNoise(s.kalman().measurementNoiseStart(), r))));
            }
        }
        return f;
    }

    /**
     * One row a level, in the order of {@code levels}: factor, level, the seeds that learned (the
     * stop test) and that held the form for 100 choruses, the median steps and seconds of the
     * seeds that held it, and the mean chord accuracy of all seeds' 100-chorus free runs (how far
     * the runs got, where none learned). Each run trains {@code base.apply(seed)} changed by the level, for at most
     * {@code maxSteps} steps (whole epochs of 96).
     */
    public static List<Map<String, Object>> run(List<Long> seeds, int threads, LongFunction<Experiment1Settings> base,
                                                long maxSteps, List<Level> levels) {
        long epochs = Math.max(1, (maxSteps + 95) / 96);
        List<Experiment1Settings> runs = new ArrayList<>();
        Map<Experiment1Settings, Integer> index = new HashMap<>();
        int[][] cells = new int[levels.size()][seeds.size()];
        for (int l = 0; l < levels.size(); l++) {
            for (int i = 0; i < seeds.size(); i++) {
                Experiment1Settings s = levels.get(l).change().apply(base.apply(seeds.get(i))).withMaxEpochs(epochs);
                cells[l][i] = index.computeIfAbsent(s, key -> {
                    runs.add(key);
                    return runs.size() - 1;
                });
            }
        }
        List<Long> jobs = new ArrayList<>();
        for (long j = 0; j < runs.size(); j++) {
            jobs.add(j);
        }
        List<TrainService.ChordsRun> results = SeedSweep.run(jobs, threads,
                j -> TrainService.chords(runs.get((int) j), List.of(), TrainingListener.NONE).run());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int l = 0; l < levels.size(); l++) {
            int learned = 0;
            double accuracy = 0;
            List<Long> steps = new ArrayList<>();
            List<Double> seconds = new ArrayList<>();
            for (int i = 0; i < seeds.size(); i++) {
                TrainService.ChordsRun r = results.get(cells[l][i]);
                learned += r.result().converged() ? 1 : 0;
                accuracy += r.eval().chordAccuracy();
                if (r.result().converged() && r.eval().chordAccuracy() == 1.0) {
                    steps.add(r.result().steps());
                    seconds.add(r.result().seconds());
                }
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("factor", levels.get(l).factor());
            row.put("level", levels.get(l).level());
            row.put("seeds", seeds.size());
            row.put("learned", learned);
            row.put("held", steps.size());
            row.put("median_steps", steps.isEmpty() ? null : Math.round(median(steps)));
            row.put("median_seconds", seconds.isEmpty() ? null : Math.round(median(seconds) * 10) / 10.0);
            row.put("mean_chord_accuracy", Math.round(accuracy / seeds.size() * 1e4) / 1e4);
            rows.add(row);
        }
        return rows;
    }

    private static <T extends Number> double median(List<T> values) {
        double[] v = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
