package bebop.compose;

import bebop.encoding.LocalEncoding;

/**
 * Which units of a frame are chord notes (thresholded when generating) and which are melody notes
 * (one drawn per step): the paper's local encoding has 12 chord units then 13 melody units; a
 * chords-only model (Experiment 1) has the 12 chord units alone.
 *
 * @param chordUnits  units {@code 0..chordUnits-1} are chord notes
 * @param melodyUnits units {@code chordUnits..chordUnits+melodyUnits-1} are melody notes (0: none)
 */
public record FrameLayout(int chordUnits, int melodyUnits) {
    /** The paper's Experiment 2 frame: 12 chord units, 13 melody units. */
    public static final FrameLayout CHORDS_AND_MELODY =
            new FrameLayout(LocalEncoding.CHORD_UNITS, LocalEncoding.MELODY_UNITS);
    /** The paper's Experiment 1 frame: 12 chord units. */
    public static final FrameLayout CHORDS_ONLY = new FrameLayout(LocalEncoding.CHORD_UNITS, 0);

    public FrameLayout {
        if (chordUnits < 0 || melodyUnits < 0 || chordUnits + melodyUnits < 1) {
            throw new IllegalArgumentException("bad frame layout: " + chordUnits + " chord units, "
                    + melodyUnits + " melody units");
        }
    }

    /** The layout of the paper's encoding with {@code units} units (12 or 25). */
    public static FrameLayout of(int units) {
        if (units == LocalEncoding.UNITS) {
            return CHORDS_AND_MELODY;
        }
        if (units == LocalEncoding.CHORD_UNITS) {
            return CHORDS_ONLY;
        }
        throw new IllegalArgumentException("a model with " + units + " units does not fit the blues encoding ("
                + LocalEncoding.CHORD_UNITS + " chord units, or " + LocalEncoding.UNITS + " with the melody)");
    }

    public int units() {
        return chordUnits + melodyUnits;
    }

    public boolean hasMelody() {
        return melodyUnits > 0;
    }
}
