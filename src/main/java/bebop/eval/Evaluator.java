package bebop.eval;

import bebop.compose.Composer;
import bebop.compose.FrameLayout;
import bebop.compose.Primers;
import bebop.data.BluesDataset;
import bebop.nn.LstmNetwork;
import bebop.nn.LstmSequenceModel;
import bebop.nn.Normalizer;
import bebop.nn.SequenceModel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Evaluates a chords-and-melody {@link SequenceModel} on the paper's blues: one free run of
 * {@code choruses} choruses (the first {@code primerSteps} frames from a training chorus picked
 * with the seed, the rest generated with the paper's rule at the given temperature), measured with
 * {@link MelodyMetrics}: step measures over the generated steps, bar measures over the bars after
 * the primer, unique choruses over all choruses; and the teacher-forced cross-entropy over the
 * held-out choruses, concatenated in index order. {@link #evaluateRuns} makes many such runs of
 * one network in one pass.
 */
public final class Evaluator {
    /** Add-one smoothing of the pitch-class histograms. */
    public static final double KL_SMOOTHING = 1.0;

    private Evaluator() {}

    /**
     * @param heldOut chorus indices the model never trained on (the nll set); the primer comes from another chorus
     */
    public static MelodyEvaluation evaluate(SequenceModel model, BluesDataset data, int[] heldOut, int choruses,
                                            int primerSteps, double temperature, long seed) {
        checkChoruses(choruses);
        Setting setting = new Setting(data, heldOut);
        Draws draws = setting.draws(seed, primerSteps, model.units());
        double[][] piece = Composer.compose(model, draws.primer(), choruses * MelodyMetrics.STEPS_PER_CHORUS,
                temperature, draws.notes());
        return setting.measure(piece, heldOutNll(model, data, heldOut), choruses, primerSteps);
    }

    /**
     * {@code runs} free runs of one network in one pass ({@link Composer#composeBatch}): run
     * {@code r} is exactly {@link #evaluate} with seed {@code firstSeed + r} (its primer and its note
     * draws), so a run can be replayed alone. The held-out cross-entropy is the same for all.
     */
    public static List<MelodyEvaluation> evaluateRuns(LstmNetwork net, Normalizer normalizer, BluesDataset data,
                                                      int[] heldOut, int choruses, int primerSteps,
                                                      double temperature, long firstSeed, int runs) {
        checkChoruses(choruses);
        if (runs < 1) {
            throw new IllegalArgumentException("need at least one run, got " + runs);
        }
        Setting setting = new Setting(data, heldOut);
        double[][][] primers = new double[runs][][];
        RandomGenerator[] notes = new RandomGenerator[runs];
        for (int r = 0; r < runs; r++) {
            Draws draws = setting.draws(firstSeed + r, primerSteps, net.inputs());
            primers[r] = draws.primer();
            notes[r] = draws.notes();
        }
        double[][][] pieces = Composer.composeBatch(net, normalizer, FrameLayout.of(net.inputs()), primers,
                choruses * MelodyMetrics.STEPS_PER_CHORUS, temperature, notes);
        double nll = heldOutNll(new LstmSequenceModel(net, normalizer), data, heldOut);
        List<MelodyEvaluation> out = new ArrayList<>();
        for (double[][] piece : pieces) {
            out.add(setting.measure(piece, nll, choruses, primerSteps));
        }
        return out;
    }

    private static void checkChoruses(int choruses) {
        if (choruses < 1) {
            throw new IllegalArgumentException("need at least one chorus, got " + choruses);
        }
    }

    private static double heldOutNll(SequenceModel model, BluesDataset data, int[] heldOut) {
        return heldOut.length == 0 ? Double.NaN : MelodyMetrics.crossEntropy(model, heldOutStream(data, heldOut));
    }

    /** A run's random draws: the primer (from a training chorus picked with the seed) and the melody notes' numbers. */
    private record Draws(double[][] primer, RandomGenerator notes) {}

    /** The data set split into training and held-out choruses, and what a free run is measured against. */
    private static final class Setting {
        private final BluesDataset data;
        private final int heldOut;
        private final List<BluesDataset.Chorus> training = new ArrayList<>();
        private final long[] trainingHistogram = new long[12];

        Setting(BluesDataset data, int[] heldOut) {
            this.data = data;
            this.heldOut = heldOut.length;
            boolean[] isHeldOut = new boolean[data.choruses().size()];
            for (int i : heldOut) {
                isHeldOut[i] = true;
            }
            for (BluesDataset.Chorus c : data.choruses()) {
                if (!isHeldOut[c.index()]) {
                    training.add(c);
                    long[] h = MelodyMetrics.pitchClassCounts(data.frames(c), 0);
                    for (int i = 0; i < 12; i++) {
                        trainingHistogram[i] += h[i];
                    }
                }
            }
        }

        Draws draws(long seed, int primerSteps, int units) {
            SplittableRandom root = new SplittableRandom(seed);
            SplittableRandom pick = root.split();
            SplittableRandom notes = root.split();
            BluesDataset.Chorus primerChorus = training.get(pick.nextInt(training.size()));
            return new Draws(Primers.firstSteps(data.frames(primerChorus), primerSteps, units), notes);
        }

        MelodyEvaluation measure(double[][] piece, double nll, int choruses, int primerSteps) {
            return new MelodyEvaluation(
                    MelodyMetrics.chordAccuracy(piece, BluesDataset.chordFrames(data.form()), primerSteps),
                    MelodyMetrics.inScale(piece, primerSteps, MelodyMetrics.trainingPitches()),
                    MelodyMetrics.novelBars(piece, primerSteps),
                    MelodyMetrics.uniqueChoruses(piece),
                    MelodyMetrics.klDivergence(MelodyMetrics.pitchClassCounts(piece, primerSteps), trainingHistogram,
                            KL_SMOOTHING),
                    nll, choruses, primerSteps, heldOut);
        }
    }

    /** The held-out choruses' frames, concatenated in the given order. */
    public static double[][] heldOutStream(BluesDataset data, int[] heldOut) {
        List<double[]> frames = new ArrayList<>();
        for (int i : heldOut) {
            frames.addAll(List.of(data.frames(data.choruses().get(i))));
        }
        return frames.toArray(new double[0][]);
    }
}
