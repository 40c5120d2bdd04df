package bebop.train;

import bebop.data.BluesDataset;
import bebop.eval.Evaluator;
import bebop.eval.MelodyEvaluation;
import bebop.music.BluesForm;
import bebop.nn.LstmConfig;
import bebop.nn.LstmSequenceModel;
import java.util.Locale;

/**
 * Runs Experiment 2 for a range of seeds and prints a table (not a test; run by hand):
 * <pre>
 * mvn -q -B -o test-compile && mvn -q -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp "target/classes:target/test-classes:$(cat target/cp.txt)" bebop.train.Experiment2Runs \
 *     seeds=1-3 lr=0.01 epochChoruses=2 maxEpochs=20000 maxSeconds=600   (trainer=ONLINE_RTRL for the paper's)
 * </pre>
 */
public final class Experiment2Runs {
    private Experiment2Runs() {
    }

    public static void main(String[] args) {
        Experiment2Settings s = Experiment2Settings.defaults(1);
        int from = 1;
        int to = 1;
        int evalChoruses = 100;
        double maxSeconds = Double.MAX_VALUE;
        double printSeconds = 10;
        for (String a : args) {
            String[] kv = a.split("=", 2);
            switch (kv[0]) {
                case "seeds" -> {
                    String[] r = kv[1].split("-");
                    from = Integer.parseInt(r[0]);
                    to = Integer.parseInt(r[r.length - 1]);
                }
                case "lr" -> s = s.withLearningRate(Double.parseDouble(kv[1]));
                case "momentum" -> s = s.withMomentum(Double.parseDouble(kv[1]));
                case "peepholes" -> s = s.withPeepholes(Boolean.parseBoolean(kv[1]));
                case "reset" -> s = s.withResetAfterGrossErrors(Integer.parseInt(kv[1]));
                case "biases" -> s = s.withGateBiases(LstmConfig.GateBiasSet.valueOf(kv[1]));
                case "fpos" -> s = s.withPositiveForgetBiases(Boolean.parseBoolean(kv[1]));
                case "init" -> s = s.withInitRange(Double.parseDouble(kv[1]));
                case "maxEpochs" -> s = s.withMaxEpochs(Long.parseLong(kv[1]));
                case "epochChoruses" -> s = s.withChorusesPerEpoch(Integer.parseInt(kv[1]));
                case "trainer" -> s = s.withTrainer(Experiment1Settings.Trainer.valueOf(kv[1]));
                case "clip" -> s = s.withGradientClip(Double.parseDouble(kv[1]));
                case "normalize" -> s = s.withNormalizeInputs(Boolean.parseBoolean(kv[1]));
                case "plateau" -> s = s.withStop(s.stopCycles(), Integer.parseInt(kv[1]), s.plateauGain());
                case "eval" -> evalChoruses = Integer.parseInt(kv[1]);
                case "maxSeconds" -> maxSeconds = Double.parseDouble(kv[1]);
                case "print" -> printSeconds = Double.parseDouble(kv[1]);
                default -> throw new IllegalArgumentException("unknown argument " + a);
            }
        }
        System.out.println("# " + s.withSeed(0));
        System.out.println("seed epochs     steps seconds steps/s chords plateau  chord_acc in_scale novel unique    kl    nll");
        for (int seed = from; seed <= to; seed++) {
            Experiment2Settings run = s.withSeed(seed);
            long t0 = System.nanoTime();
            final double limit = maxSeconds;
            final double printNanos = printSeconds * 1e9;
            long[] lastPrint = {t0};
            Experiment2Result r = Experiment2.train(run, new TrainingListener() {
                @Override
                public void onEpoch(EpochReport report) {
                    long now = System.nanoTime();
                    if (now - lastPrint[0] > printNanos) {
                        lastPrint[0] = now;
                        System.err.printf(Locale.ROOT, "  seed %d epoch %d ce %.4f resets %d chordTest %d %.0f steps/s %.0f s%n",
                                run.seed(), report.epoch(), report.meanCrossEntropy(), report.resets(),
                                report.freeRunCorrect(), report.stepsPerSecond(), (now - t0) * 1e-9);
                    }
                }

                @Override
                public boolean stopRequested() {
                    return (System.nanoTime() - t0) * 1e-9 > limit;
                }
            });
            BluesDataset data = BluesDataset.generate(BluesForm.of(run.form()));
            MelodyEvaluation e = Evaluator.evaluate(new LstmSequenceModel(r.network(), r.normalizer()), data,
                    r.split().heldOut(), evalChoruses, 8, 1.0, 1);
            System.out.printf(Locale.ROOT, "%4d %6d %9d %7.1f %7.0f %6s %7s %10.4f %8.4f %5.3f %6.3f %5.3f %6.3f%n",
                    seed, r.epochs(), r.steps(), r.seconds(), r.steps() / r.seconds(), r.chordTestPassed(),
                    r.plateaued(), e.chordAccuracy(), e.inScale(), e.novelBars(), e.uniqueChoruses(),
                    e.pitchClassKl(), e.nll());
        }
    }
}
