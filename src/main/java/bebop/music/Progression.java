package bebop.music;

import java.util.ArrayList;
import java.util.List;

/**
 * A chord progression typed by a user, bar by bar: one chord per bar, or two (each half a bar).
 * It repeats: the chord of any eighth-note step cycles through the bars.
 */
public record Progression(List<BluesForm.Bar> bars) {
    /** Eighth-note steps per 4/4 bar, as the paper's encoding has them. */
    public static final int STEPS_PER_BAR = 8;

    public Progression {
        bars = List.copyOf(bars);
        if (bars.isEmpty()) {
            throw new IllegalArgumentException("a progression needs at least one bar");
        }
    }

    /**
     * Parses a progression. Symbols are separated by spaces. When the text holds a bar line
     * {@code |}, the bars are what lies between bar lines and each holds 1 chord or 2 (two half
     * bars); without bar lines each symbol is one bar. Symbols: see {@link ChordSymbols#parse}.
     *
     * @throws IllegalArgumentException naming the first bad symbol or bar
     */
    public static Progression parse(String text) {
        String s = text == null ? "" : text.trim();
        List<BluesForm.Bar> bars = new ArrayList<>();
        if (s.contains("|")) {
            String[] cells = s.split("\\|", -1);
            for (String cell : cells) {
                String c = cell.trim();
                if (c.isEmpty()) {
                    continue;
                }
                String[] symbols = c.split("\\s+");
                if (symbols.length > 2) {
                    throw new IllegalArgumentException("the bar '" + c + "' holds " + symbols.length
                            + " chords; a bar holds 1 or 2 (two half bars)");
                }
                Chord first = ChordSymbols.parse(symbols[0]);
                bars.add(new BluesForm.Bar(first, symbols.length == 2 ? ChordSymbols.parse(symbols[1]) : first));
            }
        } else if (!s.isEmpty()) {
            for (String symbol : s.split("\\s+")) {
                Chord chord = ChordSymbols.parse(symbol);
                bars.add(new BluesForm.Bar(chord, chord));
            }
        }
        if (bars.isEmpty()) {
            throw new IllegalArgumentException("no chords given (" + ChordSymbols.EXAMPLES + ")");
        }
        return new Progression(bars);
    }

    /** Steps of one pass through the progression. */
    public int steps() {
        return bars.size() * STEPS_PER_BAR;
    }

    /** The chord sounding at eighth-note step {@code step} (0-based, cycling through the bars). */
    public Chord chordAtStep(int step) {
        int s = Math.floorMod(step, steps());
        return bars.get(s / STEPS_PER_BAR).chordAtStep(s % STEPS_PER_BAR);
    }

    /** The progression as text, one bar per cell: "| C7 | F7 | Dm7 G7 |". */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("|");
        for (BluesForm.Bar bar : bars) {
            sb.append(' ').append(bar.symbol()).append(" |");
        }
        return sb.toString();
    }
}
