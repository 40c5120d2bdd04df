package bebop.music;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chord symbols typed by a user ("C", "F7", "Bbm7", "F#dim7", "Bm7b5") voiced as the paper voices
 * its chords: every pitch class of the chord once, in the chord range C3..B3 (MIDI 48..59), sorted.
 * The paper's own chords come out note for note (F7 = 48 51 53 57, G7 = 50 53 55 59).
 */
public final class ChordSymbols {
    /** The lowest and highest chord notes: the paper's chord range C3..B3. */
    public static final int LOW = 48;
    public static final int HIGH = 59;

    /** Quality suffixes and their intervals above the root. */
    private static final String[] SUFFIXES = {"", "m", "7", "m7", "maj7", "dim", "dim7", "m7b5", "aug", "6", "m6", "sus4", "sus2"};
    private static final int[][] INTERVALS = {
        {0, 4, 7}, {0, 3, 7}, {0, 4, 7, 10}, {0, 3, 7, 10}, {0, 4, 7, 11}, {0, 3, 6}, {0, 3, 6, 9}, {0, 3, 6, 10},
        {0, 4, 8}, {0, 4, 7, 9}, {0, 3, 7, 9}, {0, 5, 7}, {0, 2, 7}};
    private static final Pattern SYMBOL = Pattern.compile("([A-G])([#b]?)(.*)");

    /** The examples named when a symbol cannot be read. */
    public static final String EXAMPLES = "e.g. C, Cm, C7, Cm7, Cmaj7, Cdim7, Cm7b5";

    private ChordSymbols() {}

    /**
     * The chord of a symbol: root C..B with an optional # or b, then one of the qualities
     * (none = major), m, 7, m7, maj7, dim, dim7, m7b5, aug, 6, m6, sus4, sus2.
     *
     * @throws IllegalArgumentException "'H7' is not a chord symbol (e.g. ...)"
     */
    public static Chord parse(String symbol) {
        String s = symbol == null ? "" : symbol.trim();
        Matcher m = SYMBOL.matcher(s);
        int quality = m.matches() ? quality(m.group(3)) : -1;
        if (quality < 0) {
            throw new IllegalArgumentException("'" + s + "' is not a chord symbol (" + EXAMPLES + ")");
        }
        int root = Pitch.parseClass(m.group(1) + m.group(2));
        return new Chord(s, voicing(root, INTERVALS[quality]));
    }

    /** The pitch classes {@code root + intervals} as MIDI notes in 48..59, sorted. */
    static List<Integer> voicing(int root, int[] intervals) {
        TreeSet<Integer> notes = new TreeSet<>();
        for (int interval : intervals) {
            notes.add(LOW + Math.floorMod(root + interval, 12));
        }
        return new ArrayList<>(notes);
    }

    private static int quality(String suffix) {
        for (int q = 0; q < SUFFIXES.length; q++) {
            if (SUFFIXES[q].equals(suffix)) {
                return q;
            }
        }
        return -1;
    }
}
