package bebop.io.score;

import java.util.ArrayList;
import java.util.List;

/**
 * The written note values bebop uses, in sixteenths (the notation grid): whole, half, quarter, eighth
 * and 16th, the first four also dotted. Double dots and tuplets are not written.
 */
public enum NoteValue {
    WHOLE(16, "whole", 0, "1"),
    DOTTED_HALF(12, "half", 1, "2."),
    HALF(8, "half", 0, "2"),
    DOTTED_QUARTER(6, "quarter", 1, "4."),
    QUARTER(4, "quarter", 0, "4"),
    DOTTED_EIGHTH(3, "eighth", 1, "8."),
    EIGHTH(2, "eighth", 0, "8"),
    SIXTEENTH(1, "16th", 0, "16");

    private final int units;
    private final String musicXmlType;
    private final int dots;
    private final String lilyPond;

    NoteValue(int units, String musicXmlType, int dots, String lilyPond) {
        this.units = units;
        this.musicXmlType = musicXmlType;
        this.dots = dots;
        this.lilyPond = lilyPond;
    }

    /** Length in sixteenths. */
    public int units() {
        return units;
    }

    /** The MusicXML {@code <type>}: whole, half, quarter, eighth, 16th. */
    public String musicXmlType() {
        return musicXmlType;
    }

    /** Number of dots (0 or 1). */
    public int dots() {
        return dots;
    }

    /** The LilyPond duration: 1, 2., 2, 4., 4, 8., 8, 16. */
    public String lilyPond() {
        return lilyPond;
    }

    /** The undotted value this one is built on, in sixteenths. */
    int base() {
        return dots == 0 ? units : units * 2 / 3;
    }

    /**
     * Spells {@code units} sixteenths starting {@code position} sixteenths into a bar as note values
     * to be tied (or, for rests, written one after the other). The caller never lets a span cross a
     * bar line. Rule: the longest value that fits, starting on a multiple of its own (undotted)
     * length, so that beats stay visible (a half note starts on beat 1 or 3, a quarter on a beat,
     * an eighth on an eighth); a dotted value is used only to end the span, so that what follows a
     * dot never starts off its grid. Examples in 4/4: 3 sixteenths at 0 = dotted eighth; 12 at 4 =
     * quarter + half; 6 at 2 = eighth + quarter; 5 at 0 = quarter + 16th.
     */
    public static List<NoteValue> split(int position, int units) {
        return split(position, units, 16);
    }

    /**
     * As {@link #split(int, int)} in a bar of {@code barUnits} sixteenths. Only 4/4 (16) keeps its
     * middle visible; in other bars a quarter or longer value may also start on any quarter-note beat
     * (in 3/4: quarter + half).
     */
    public static List<NoteValue> split(int position, int units, int barUnits) {
        if (position < 0 || units <= 0) {
            throw new IllegalArgumentException("cannot spell " + units + " sixteenths at " + position);
        }
        List<NoteValue> out = new ArrayList<>();
        int p = position;
        int left = units;
        while (left > 0) {
            for (NoteValue v : values()) {
                boolean aligned = p % v.base() == 0 || (barUnits != 16 && v.base() >= 4 && p % 4 == 0);
                if (v.units <= left && aligned && (v.dots == 0 || v.units == left)) {
                    out.add(v);
                    p += v.units;
                    left -= v.units;
                    break;
                }
            }
        }
        return out;
    }
}
