package bebop.data.corpus;

/**
 * The options of a corpus import; {@link #DEFAULTS} are the command line's defaults. {@code chords}
 * says which chord of each half bar the data set's frames hold ({@link ChordSource}).
 */
public record ImportOptions(Grid grid, Transposition transposition, MelodyChoice melody, long seed, ChordSource chords) {
    /** Pieces shorter than this many bars (after trimming silent bars at the start) are rejected. */
    public static final int MIN_BARS = 2;

    public static final ImportOptions DEFAULTS = new ImportOptions(Grid.EIGHTH, Transposition.NONE, MelodyChoice.AUTO, 1,
            ChordSource.RECOGNISED);

    public ImportOptions {
        if (grid == null || transposition == null || melody == null || chords == null) {
            throw new IllegalArgumentException("import options need a grid, a transposition, a melody choice and a chord source");
        }
    }

    /** Options with the recognised chords. */
    public ImportOptions(Grid grid, Transposition transposition, MelodyChoice melody, long seed) {
        this(grid, transposition, melody, seed, ChordSource.RECOGNISED);
    }
}
