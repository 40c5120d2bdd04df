package bebop.compose;

import bebop.encoding.LocalEncoding;
import bebop.music.Chord;
import bebop.music.Progression;

/** A progression as the chord units of the paper's encoding: one 12-unit frame per eighth note. */
public final class ChordFrames {
    private ChordFrames() {}

    /** {@code steps} frames of 12 chord units (MIDI 48..59), the progression cycling bar by bar. */
    public static double[][] of(Progression progression, int steps) {
        double[][] frames = new double[steps][LocalEncoding.CHORD_UNITS];
        for (int t = 0; t < steps; t++) {
            Chord chord = progression.chordAtStep(t);
            for (int midi : chord.notes()) {
                frames[t][LocalEncoding.chordUnit(midi)] = 1.0;
            }
        }
        return frames;
    }
}
