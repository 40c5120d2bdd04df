package bebop.compose;

import bebop.encoding.LocalEncoding;
import bebop.music.Chord;
import bebop.music.Progression;

/** A progression as the chord units of a chord-and-melody encoding: one 12-unit frame per step. */
public final class ChordFrames {
    private ChordFrames() {}

    /** {@code steps} frames of 12 chord units (MIDI 48..59), eighth notes, the progression cycling bar by bar. */
    public static double[][] of(Progression progression, int steps) {
        return of(progression, steps, progression.stepsPerBar());
    }

    /**
     * {@code steps} frames of 12 chord units (unit k = pitch class k) on a grid of
     * {@code stepsPerBar} steps a bar: each bar of the progression lasts one bar, its chords sharing it
     * by beats ({@link Progression#changeAt}); the progression cycles. No chord is silent units.
     */
    public static double[][] of(Progression progression, int steps, int stepsPerBar) {
        if (stepsPerBar < 1) {
            throw new IllegalArgumentException("steps per bar must be positive: " + stepsPerBar);
        }
        double[][] frames = new double[steps][LocalEncoding.CHORD_UNITS];
        for (int t = 0; t < steps; t++) {
            Chord chord = progression.changeAt(t, stepsPerBar).chord();
            for (int midi : chord.notes()) {
                frames[t][Math.floorMod(midi - LocalEncoding.CHORD_LOW, LocalEncoding.CHORD_UNITS)] = 1.0;
            }
        }
        return frames;
    }
}
