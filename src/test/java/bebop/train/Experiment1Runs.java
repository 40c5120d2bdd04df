package bebop.train;

import bebop.music.BluesForm;
import bebop.nn.LstmConfig;
import java.util.Locale;

/**
 * Runs Experiment 1 for a range of seeds and prints a table (not a test; run by hand):
 * <pre>
 * mvn -q -B test-compile && mvn -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp "target/classes:target/test-classes:$(cat target/cp.txt)" bebop.train.Experiment1Runs \
 *     seeds=1-10 lr=1e-5 momentum=0.9 peepholes=true reset=1 normalize=true biases=NNSP maxEpochs=2000000
 * </pre>
 * The arguments start from {@link Experiment1Settings#paper(long)}; {@code defaults=true} (first)
 * starts from {@link Experiment1Settings#defaults(long)} instead, e.g. the table of the defaults:
 * <pre>
 * java -cp ... bebop.train.Experiment1Runs defaults=true seeds=1-10
 * </pre>
 */
public final class Experiment1Runs {
    private Experiment1Runs() {
    }

    public static void main(String[] args) {
        Experiment1Settings s = Experiment1Settings.paper(1);
        int from = 1;
        int to = 10;
        int evalChoruses = 100;
        double maxSeconds = Double.MAX_VALUE;
        double printSeconds = 30;
        for (String a : args) {
            String[] kv = a.split("=", 2);
            switch (kv[0]) {
                case "seeds" -> {
                    String[] r = kv[1].split("-");
                    from = Integer.parseInt(r[0]);
                    to = Integer.parseInt(r[r.length - 1]);
                }
                case "defaults" -> s = Boolean.parseBoolean(kv[1]) ? Experiment1Settings.defaults(1) : s;
                case "lr" -> s = s.withLearningRate(Double.parseDouble(kv[1]));
                case "momentum" -> s = s.withMomentum(Double.parseDouble(kv[1]));
                case "peepholes" -> s = s.withPeepholes(Boolean.parseBoolean(kv[1]));
                case "reset" -> s = s.withResetAfterGrossErrors(Integer.parseInt(kv[1]));
                case "normalize" -> s = s.withNormalizeInputs(Boolean.parseBoolean(kv[1]));
                case "biases" -> s = s.withGateBiases(LstmConfig.GateBiasSet.valueOf(kv[1]));
                case "init" -> s = s.withInitRange(Double.parseDouble(kv[1]));
                case "maxEpochs" -> s = s.withMaxEpochs(Long.parseLong(kv[1]));
                case "trainer" -> s = s.withTrainer(Experiment1Settings.Trainer.valueOf(kv[1]));
                case "bpttChoruses" -> s = s.withBpttChoruses(Integer.parseInt(kv[1]));
                case "clip" -> s = s.withGradientClip(Double.parseDouble(kv[1]));
                case "stopCycles" -> s = s.withStopCycles(Integer.parseInt(kv[1]));
                case "eval" -> evalChoruses = Integer.parseInt(kv[1]);
                case "maxSeconds" -> maxSeconds = Double.parseDouble(kv[1]);
                case "print" -> printSeconds = Double.parseDouble(kv[1]);
                default -> throw new IllegalArgumentException("unknown argument " + a);
            }
        }
        System.out.println("# " + s.withSeed(0));
        System.out.println("seed  epochs      steps  seconds  steps/s  converged  chord_accuracy  choruses_perfect");
        int good = 0;
        for (int seed = from; seed <= to; seed++) {
            Experiment1Settings run = s.withSeed(seed);
            long t0 = System.nanoTime();
            final double limit = maxSeconds;
            final double printNanos = printSeconds * 1e9;
            long[] lastPrint = {t0};
            TrainingResult r = Experiment1.train(run, new TrainingListener() {
                @Override
                public void onEpoch(EpochReport report) {
                    long now = System.nanoTime();
                    if (now - lastPrint[0] > printNanos) {
                        lastPrint[0] = now;
                        System.err.printf(Locale.ROOT, "  seed %d epoch %d ce %.4f resets %d freeRun %d %.0f steps/s%n",
                                run.seed(), report.epoch(), report.meanCrossEntropy(), report.resets(),
                                report.freeRunCorrect(), report.stepsPerSecond());
                    }
                }

                @Override
                public boolean stopRequested() {
                    return (System.nanoTime() - t0) * 1e-9 > limit;
                }
            });
            ChordEvaluation e = Experiment1.evaluate(r.network(), r.normalizer(), BluesForm.of(run.form()), evalChoruses);
            good += e.chordAccuracy() == 1.0 ? 1 : 0;
            System.out.printf(Locale.ROOT, "%4d %7d %10d %8.1f %8.0f %10s %15.4f %17d%n", seed, r.epochs(), r.steps(),
                    r.seconds(), r.steps() / r.seconds(), r.converged(), e.chordAccuracy(), e.chorusesPerfect());
        }
        System.out.println("# seeds with chord_accuracy 1.0: " + good + " of " + (to - from + 1));
    }
}
