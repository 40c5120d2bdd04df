package bebop.data.corpus;

import java.util.Locale;

/** The time grid of an imported data set: one frame per eighth note (the paper's) or per sixteenth. */
public enum Grid {
    EIGHTH("8th", 2),
    SIXTEENTH("16th", 4);

    private final String label;
    private final int stepsPerQuarter;

    Grid(String label, int stepsPerQuarter) {
        this.label = label;
        this.stepsPerQuarter = stepsPerQuarter;
    }

    /** "8th" or "16th", as on the command line. */
    public String label() {
        return label;
    }

    public int stepsPerQuarter() {
        return stepsPerQuarter;
    }

    /** Parses "8th" or "16th" (case-insensitive); throws IllegalArgumentException otherwise. */
    public static Grid parse(String value) {
        for (Grid g : values()) {
            if (g.label.equals(value.trim().toLowerCase(Locale.ROOT))) {
                return g;
            }
        }
        throw new IllegalArgumentException("unknown grid '" + value + "' (use 8th or 16th)");
    }
}
