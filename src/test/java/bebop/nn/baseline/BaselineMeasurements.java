package bebop.nn.baseline;

import bebop.data.BluesDataset;
import bebop.music.BluesForm;
import bebop.nn.FeedbackRule;
import bebop.nn.LstmConfig;
import bebop.nn.SequenceModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The baselines on the paper's two experiments, run by hand (not a test; minutes of one core):
 * <pre>
 *   mvn -q -B -o test-compile
 *   java -cp target/classes:target/test-classes bebop.nn.baseline.BaselineMeasurements [exp1|exp2|all]
 *        [elmanEpochsExp1=400] [elmanEpochsExp2=15] [seeds=3]
 * </pre>
 * Experiment 1: the 96 chord frames (12 units) of the form, repeated as one stream. Experiment 2:
 * the 4,096 choruses (25 units) split 90/10 by a seeded shuffle (seed 1); the 3,686 training
 * choruses concatenated in that order are one training stream, the 410 held-out ones another.
 * Free runs: 100 choruses (9,600 frames: frame 0 of the form / of the first training chorus, then
 * 9,599 generated), chords thresholded at 0.5, melody drawn from the normalised melody outputs
 * (seeded); chord accuracy = fraction of generated frames whose 12 chord units equal the form's at
 * that step. Cross-entropy: mean per step, summed over units, natural log, from a reset at the
 * start of the stream.
 */
public final class BaselineMeasurements {
    static final int FREE_RUN_FRAMES = 100 * 96;

    public static void main(String[] args) {
        Locale.setDefault(Locale.ROOT);
        String which = args.length > 0 ? args[0] : "all";
        int epochs1 = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        int epochs2 = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        int seeds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        System.out.println("LSTM weights: Exp 1 " + ElmanSettings.lstmWeights(LstmConfig.experiment1())
                + ", Exp 2 " + ElmanSettings.lstmWeights(LstmConfig.experiment2()));
        if (which.equals("exp1") || which.equals("all")) {
            experiment1(epochs1, seeds);
        }
        if (which.equals("exp2") || which.equals("all")) {
            experiment2(epochs2, seeds);
        }
    }

    static double[][] repeat(double[][] cycle, int times) {
        double[][] out = new double[cycle.length * times][];
        for (int t = 0; t < out.length; t++) {
            out[t] = cycle[t % cycle.length];
        }
        return out;
    }

    static void experiment1(int epochs, int seeds) {
        double[][] form = BluesDataset.chordFrames(BluesForm.paper());
        System.out.println("\n== Experiment 1: chord form, 12 units, free run " + FREE_RUN_FRAMES + " frames ==");
        List<double[][]> markovStream = List.<double[][]>of(repeat(form, 3));
        List<double[][]> evalStream = List.<double[][]>of(repeat(form, 2));
        for (int k : BaselineTraining.MARKOV_ORDERS) {
            MarkovChain chain = MarkovChain.train(markovStream, k, MarkovChain.DEFAULT_ALPHA);
            report(chain, form, evalStream, FeedbackRule.threshold(0.5), "");
            double[][] gen = wholeFrameRun(chain, new double[][] {form[0]}, FREE_RUN_FRAMES - 1, null);
            System.out.printf("%-11s   whole-frame decoding instead: chord accuracy %.4f%n", "",
                    BaselineEvaluation.cycleAccuracy(gen, 1, form, 0, 12));
        }
        ElmanSettings s = ElmanSettings.matchingExperiment1().withEpochs(epochs).withPatience(0);
        System.out.println("Elman: " + s + ", " + ElmanNetwork.parameterCount(12, s.hidden(), 12)
                + " weights; training stream = form x 50 (4,800 frames), fixed epoch budget");
        List<double[][]> elmanStream = List.<double[][]>of(repeat(form, 50));
        for (int seed = 1; seed <= seeds; seed++) {
            long t0 = System.nanoTime();
            ElmanNetwork.Trained tr = ElmanNetwork.train(elmanStream, s, seed, ElmanListener.NONE);
            double secs = (System.nanoTime() - t0) / 1e9;
            List<ElmanListener.Epoch> h = tr.history();
            report(tr.newModel(), form, evalStream, FeedbackRule.threshold(0.5),
                    String.format(" seed %d, %.0f s, train loss %.4f -> %.4f", seed, secs,
                            h.get(0).trainLoss(), h.get(h.size() - 1).trainLoss()));
        }
    }

    static void experiment2(int epochs, int seeds) {
        BluesDataset data = BluesDataset.generate(BluesForm.paper());
        double[][] form = BluesDataset.chordFrames(BluesForm.paper());
        int n = data.choruses().size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom split = new SplittableRandom(1);
        for (int i = n - 1; i > 0; i--) {
            int j = split.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        int nTrain = (int) Math.round(0.9 * n);
        double[][] train = concat(data, order, 0, nTrain);
        double[][] test = concat(data, order, nTrain, n);
        List<double[][]> trainList = List.<double[][]>of(train);
        List<double[][]> testList = List.<double[][]>of(test);
        System.out.println("\n== Experiment 2: 25 units, " + nTrain + " training choruses (" + train.length
                + " frames), " + (n - nTrain) + " held out (" + test.length + " frames), free run "
                + FREE_RUN_FRAMES + " frames ==");
        double[][] primer = {train[0]};
        for (int k : BaselineTraining.MARKOV_ORDERS) {
            long t0 = System.nanoTime();
            MarkovChain chain = MarkovChain.train(trainList, k, MarkovChain.DEFAULT_ALPHA);
            double secs = (System.nanoTime() - t0) / 1e9;
            report2(chain, form, primer, testList, String.format(" (%d contexts, %d frames, %.1f s)",
                    chain.contexts(), chain.vocabularySize(), secs));
            double[][] gen = wholeFrameRun(chain, primer, FREE_RUN_FRAMES - 1, new SplittableRandom(42));
            System.out.printf("%-11s   chords from the most probable whole frame, melody sampled: chord accuracy %.4f%n",
                    "", BaselineEvaluation.cycleAccuracy(gen, 1, form, 0, 12));
        }
        ElmanSettings s = ElmanSettings.matchingExperiment2().withEpochs(epochs).withPatience(0);
        System.out.println("Elman: " + s + ", " + ElmanNetwork.parameterCount(25, s.hidden(), 25)
                + " weights; fixed epoch budget, no validation");
        for (int seed = 1; seed <= seeds; seed++) {
            long t0 = System.nanoTime();
            ElmanNetwork.Trained tr = ElmanNetwork.train(trainList, s, seed,
                    e -> System.out.printf("  epoch %d train %.4f%n", e.epoch(), e.trainLoss()));
            double secs = (System.nanoTime() - t0) / 1e9;
            report2(tr.newModel(), form, primer, testList, String.format(" seed %d, %.0f s", seed, secs));
        }
    }

    /**
     * A free run of a Markov chain that takes the chord units from the most probable whole next
     * frame instead of thresholding each unit; with {@code melody} not null the melody units (12..24)
     * are drawn from the normalised melody outputs as in the paper's rule.
     */
    static double[][] wholeFrameRun(MarkovChain chain, double[][] primer, int steps, SplittableRandom melody) {
        chain.reset();
        double[] outputs = null;
        for (double[] f : primer) {
            outputs = chain.step(f);
        }
        int units = chain.units();
        double[] frame = new double[units];
        double[][] out = new double[steps][];
        for (int t = 0; t < steps; t++) {
            chain.mostProbableNextFrame(frame);
            if (melody != null) {
                java.util.Arrays.fill(frame, 12, units, 0.0);
                double sum = 0;
                for (int k = 12; k < units; k++) {
                    sum += outputs[k];
                }
                double r = melody.nextDouble() * sum;
                int pick = units - 1;
                for (int k = 12; k < units; k++) {
                    r -= outputs[k];
                    if (r < 0) {
                        pick = k;
                        break;
                    }
                }
                frame[pick] = 1.0;
            }
            out[t] = frame.clone();
            outputs = chain.step(frame);
        }
        return out;
    }

    static double[][] concat(BluesDataset data, int[] order, int from, int to) {
        List<double[]> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            for (double[] f : data.frames(data.choruses().get(order[i]))) {
                out.add(f);
            }
        }
        return out.toArray(new double[0][]);
    }

    static void report(SequenceModel m, double[][] form, List<double[][]> eval, FeedbackRule rule, String note) {
        double[][] gen = BaselineEvaluation.freeRun(m, new double[][] {form[0]}, FREE_RUN_FRAMES - 1, rule);
        double acc = BaselineEvaluation.cycleAccuracy(gen, 1, form, 0, 12);
        double firstCycle = BaselineEvaluation.cycleAccuracy(java.util.Arrays.copyOf(gen, 95), 1, form, 0, 12);
        double ce = BaselineEvaluation.meanCrossEntropy(m, eval);
        System.out.printf("%-11s chord accuracy %.4f (first chorus %.4f), cross-entropy/step on form x2 %.4f%s%n",
                m.name(), acc, firstCycle, ce, note);
    }

    static void report2(SequenceModel m, double[][] form, double[][] primer, List<double[][]> test, String note) {
        FeedbackRule rule = FeedbackRule.thresholdAndSample(0, 12, 0.5, 12, 25, new SplittableRandom(42));
        double[][] gen = BaselineEvaluation.freeRun(m, primer, FREE_RUN_FRAMES - 1, rule);
        double acc = BaselineEvaluation.cycleAccuracy(gen, 1, form, 0, 12);
        double firstCycle = BaselineEvaluation.cycleAccuracy(java.util.Arrays.copyOf(gen, 95), 1, form, 0, 12);
        double ce = BaselineEvaluation.meanCrossEntropy(m, test);
        System.out.printf("%-11s chord accuracy %.4f (first chorus %.4f), held-out cross-entropy/step %.4f%s%n",
                m.name(), acc, firstCycle, ce, note);
    }
}
