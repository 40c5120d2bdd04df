package bebop.music;

/**
 * A chord symbol for readers of the score ("F7"), placed at a tick, and how it was voiced for the
 * network when it was given to one ("core: C3 Eb3 F3 A3"; null when it was not, as for symbols named
 * from notes or read from a file that does not say).
 */
public record ChordSymbol(long start, String symbol, String voicing) {
    public ChordSymbol {
        if (start < 0) {
            throw new IllegalArgumentException("chord symbol start " + start + " is negative");
        }
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("empty chord symbol");
        }
        if (voicing != null && voicing.isBlank()) {
            throw new IllegalArgumentException("empty voicing of " + symbol);
        }
    }

    /** A symbol without a voicing. */
    public ChordSymbol(long start, String symbol) {
        this(start, symbol, null);
    }
}
