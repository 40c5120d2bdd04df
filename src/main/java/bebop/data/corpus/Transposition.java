package bebop.data.corpus;

import java.util.Locale;

/**
 * What an import does with keys: keep them ({@code none}), move every piece to C major / A minor by
 * the smallest interval ({@code C}), or keep all twelve transpositions of every piece ({@code all12}).
 */
public enum Transposition {
    NONE("none"),
    TO_C("C"),
    ALL12("all12");

    private final String label;

    Transposition(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The shifts in semitones of {@code all12}: every interval from a tritone down to a fourth up. */
    public static final int LOWEST_SHIFT = -6;
    public static final int HIGHEST_SHIFT = 5;

    /** Parses "none", "C" or "all12" (case-insensitive); throws IllegalArgumentException otherwise. */
    public static Transposition parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        for (Transposition t : values()) {
            if (t.label.toLowerCase(Locale.ROOT).equals(v)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown transposition '" + value + "' (use none, C or all12)");
    }
}
