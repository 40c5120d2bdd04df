package bebop.eval;

/**
 * How a chords-and-melody model plays when it runs free, and how well it predicts held-out music.
 *
 * @param chordAccuracy  fraction of generated steps whose thresholded chord frame equals the form's
 * @param inScale        fraction of generated melody steps on a pitch of the training melodies
 * @param novelBars      fraction of generated bars whose melody is none of the training segments for that bar
 * @param uniqueChoruses distinct choruses / choruses
 * @param pitchClassKl   KL divergence (nats) of the generated melody's pitch-class histogram from
 *                       the training set's, both add-one smoothed
 * @param nll            mean cross-entropy per step (nats, summed over the units) over the
 *                       held-out choruses, teacher-forced; NaN when there are none
 * @param choruses       choruses generated (primer included in the first)
 * @param primerSteps    steps of the primer (taken from a training chorus, not generated)
 * @param heldOutChoruses choruses the nll is measured on
 */
public record MelodyEvaluation(double chordAccuracy, double inScale, double novelBars, double uniqueChoruses,
                               double pitchClassKl, double nll, int choruses, int primerSteps,
                               int heldOutChoruses) {
    public long steps() {
        return (long) choruses * MelodyMetrics.STEPS_PER_CHORUS;
    }
}
