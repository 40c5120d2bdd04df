package bebop.data.corpus;

/** The options of a corpus import; {@link #DEFAULTS} are the command line's defaults. */
public record ImportOptions(Grid grid, Transposition transposition, MelodyChoice melody, long seed) {
    /** Pieces shorter than this many bars (after trimming silent bars at the start) are rejected. */
    public static final int MIN_BARS = 2;

    public static final ImportOptions DEFAULTS = new ImportOptions(Grid.EIGHTH, Transposition.NONE, MelodyChoice.AUTO, 1);

    public ImportOptions {
        if (grid == null || transposition == null || melody == null) {
            throw new IllegalArgumentException("import options need a grid, a transposition and a melody choice");
        }
    }
}
