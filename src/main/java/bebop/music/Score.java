package bebop.music;

import java.util.List;
import java.util.Optional;

/**
 * A piece of music as immutable values: parts of notes on a tick grid of {@code ticksPerQuarter}
 * ticks per quarter note, one tempo, one time signature, chord symbols, and a length in ticks
 * (which may run past the last note, to keep trailing silence and whole bars).
 */
public record Score(String title, int ticksPerQuarter, double tempoBpm, TimeSignature timeSignature,
                    List<Part> parts, List<ChordSymbol> chordSymbols, long length) {
    public static final double DEFAULT_TEMPO = 120.0;

    public Score {
        if (ticksPerQuarter < 1 || ticksPerQuarter > 0x7FFF) {
            throw new IllegalArgumentException("ticks per quarter " + ticksPerQuarter + " is outside 1..32767");
        }
        if (!(tempoBpm >= 1 && tempoBpm <= 1000)) {
            throw new IllegalArgumentException("tempo " + tempoBpm + " bpm is outside 1..1000");
        }
        title = title == null ? "" : title;
        parts = List.copyOf(parts);
        chordSymbols = chordSymbols.stream()
                .sorted(java.util.Comparator.comparingLong(ChordSymbol::start)).toList();
        long end = 0;
        for (Part p : parts) {
            end = Math.max(end, p.end());
        }
        if (length < end) {
            throw new IllegalArgumentException("score length " + length + " ends before its last note at " + end);
        }
    }

    public Optional<Part> part(String name) {
        return parts.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public long ticksPerBar() {
        return timeSignature.ticksPerBar(ticksPerQuarter);
    }

    /** Whole bars, rounding a partial last bar up. */
    public long bars() {
        long perBar = ticksPerBar();
        return (length + perBar - 1) / perBar;
    }

    /** Length in seconds at the score's tempo. */
    public double seconds() {
        return length / (double) ticksPerQuarter * 60.0 / tempoBpm;
    }

    public Score withTempo(double bpm) {
        return new Score(title, ticksPerQuarter, bpm, timeSignature, parts, chordSymbols, length);
    }

    /** The same piece with other chord symbols. */
    public Score withChordSymbols(List<ChordSymbol> symbols) {
        return new Score(title, ticksPerQuarter, tempoBpm, timeSignature, parts, symbols, length);
    }

    public Score withTitle(String newTitle) {
        return new Score(newTitle, ticksPerQuarter, tempoBpm, timeSignature, parts, chordSymbols, length);
    }
}
