package bebop.compose;

import bebop.encoding.LocalEncoding;
import bebop.music.BluesForm;
import bebop.music.Chord;
import bebop.music.Progression;

/** A progression as the chord units of a chord-and-melody encoding: one 12-unit frame per step. */
public final class ChordFrames {
    private ChordFrames() {}

    /** {@code steps} frames of 12 chord units (MIDI 48..59), eighth notes, the progression cycling bar by bar. */
    public static double[][] of(Progression progression, int steps) {
        return of(progression, steps, Progression.STEPS_PER_BAR);
    }

    /**
     * {@code steps} frames of 12 chord units (unit k = pitch class k) on a grid of
     * {@code stepsPerBar} steps a bar: each bar of the progression lasts one bar, its first chord
     * the first half (the first {@code stepsPerBar / 2} steps), its second chord the rest; the
     * progression cycles.
     */
    public static double[][] of(Progression progression, int steps, int stepsPerBar) {
        if (stepsPerBar < 1) {
            throw new IllegalArgumentException("steps per bar must be positive: " + stepsPerBar);
        }
        double[][] frames = new double[steps][LocalEncoding.CHORD_UNITS];
        int bars = progression.bars().size();
        int half = Math.max(1, stepsPerBar / 2);
        for (int t = 0; t < steps; t++) {
            BluesForm.Bar bar = progression.bars().get((t / stepsPerBar) % bars);
            Chord chord = t % stepsPerBar < half ? bar.firstHalf() : bar.secondHalf();
            for (int midi : chord.notes()) {
                frames[t][Math.floorMod(midi - LocalEncoding.CHORD_LOW, LocalEncoding.CHORD_UNITS)] = 1.0;
            }
        }
        return frames;
    }
}
