package bebop.music;

/** A chord symbol for readers of the score ("F7"), placed at a tick. */
public record ChordSymbol(long start, String symbol) {
    public ChordSymbol {
        if (start < 0) {
            throw new IllegalArgumentException("chord symbol start " + start + " is negative");
        }
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("empty chord symbol");
        }
    }
}
