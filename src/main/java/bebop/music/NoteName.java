package bebop.music;

/**
 * A note name without octave as chord symbols and MusicXML spell it: a letter (step) A..G and an
 * alteration in semitones (-2..2): "Bb" is step B, alter -1.
 */
public record NoteName(char step, int alter) {
    private static final String STEPS = "CDEFGAB";
    private static final int[] STEP_CLASSES = {0, 2, 4, 5, 7, 9, 11};

    public NoteName {
        if (STEPS.indexOf(step) < 0) {
            throw new IllegalArgumentException("'" + step + "' is not a note letter (A to G)");
        }
        if (alter < -2 || alter > 2) {
            throw new IllegalArgumentException("alteration " + alter + " is outside -2..2");
        }
    }

    /** True for A..G. */
    public static boolean isStep(char c) {
        return STEPS.indexOf(c) >= 0;
    }

    /** The pitch class 0 (C) .. 11 (B). */
    public int pitchClass() {
        return Math.floorMod(STEP_CLASSES[STEPS.indexOf(step)] + alter, 12);
    }

    /** "C", "Bb", "F#", "Ebb", "C##". */
    @Override
    public String toString() {
        return step + (alter > 0 ? "#".repeat(alter) : "b".repeat(-alter));
    }
}
