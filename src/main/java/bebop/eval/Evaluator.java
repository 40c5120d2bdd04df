package bebop.eval;

import bebop.compose.Composer;
import bebop.compose.Primers;
import bebop.data.BluesDataset;
import bebop.nn.SequenceModel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Evaluates a chords-and-melody {@link SequenceModel} on the paper's blues: one free run of
 * {@code choruses} choruses (the first {@code primerSteps} frames from a training chorus picked
 * with the seed, the rest generated with the paper's rule at the given temperature), measured with
 * {@link MelodyMetrics}: step measures over the generated steps, bar measures over the bars after
 * the primer, unique choruses over all choruses; and the teacher-forced cross-entropy over the
 * held-out choruses, concatenated in index order.
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
        if (choruses < 1) {
            throw new IllegalArgumentException("need at least one chorus, got " + choruses);
        }
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom pick = root.split();
        SplittableRandom notes = root.split();
        boolean[] isHeldOut = new boolean[data.choruses().size()];
        for (int i : heldOut) {
            isHeldOut[i] = true;
        }
        List<BluesDataset.Chorus> training = new ArrayList<>();
        for (BluesDataset.Chorus c : data.choruses()) {
            if (!isHeldOut[c.index()]) {
                training.add(c);
            }
        }
        BluesDataset.Chorus primerChorus = training.get(pick.nextInt(training.size()));
        double[][] primer = Primers.firstSteps(data.frames(primerChorus), primerSteps, model.units());
        double[][] piece = Composer.compose(model, primer, choruses * MelodyMetrics.STEPS_PER_CHORUS, temperature, notes);

        long[] trainingHistogram = new long[12];
        for (BluesDataset.Chorus c : training) {
            long[] h = MelodyMetrics.pitchClassCounts(data.frames(c), 0);
            for (int i = 0; i < 12; i++) {
                trainingHistogram[i] += h[i];
            }
        }
        double nll = heldOut.length == 0 ? Double.NaN : MelodyMetrics.crossEntropy(model, heldOutStream(data, heldOut));
        return new MelodyEvaluation(
                MelodyMetrics.chordAccuracy(piece, BluesDataset.chordFrames(data.form()), primerSteps),
                MelodyMetrics.inScale(piece, primerSteps, MelodyMetrics.trainingPitches()),
                MelodyMetrics.novelBars(piece, primerSteps),
                MelodyMetrics.uniqueChoruses(piece),
                MelodyMetrics.klDivergence(MelodyMetrics.pitchClassCounts(piece, primerSteps), trainingHistogram,
                        KL_SMOOTHING),
                nll, choruses, primerSteps, heldOut.length);
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
