package bebop.train;

/**
 * Free-running chord test: from the form's first frame, outputs thresholded at 0.5 and fed back.
 *
 * @param chordAccuracy    fraction of generated steps whose whole chord frame equals the form's
 * @param chorusesPerfect  choruses (96 consecutive generated steps) without a single wrong frame
 * @param choruses         choruses generated
 * @param steps            steps generated (choruses * 96)
 */
public record ChordEvaluation(double chordAccuracy, int chorusesPerfect, int choruses, long steps) {
}
