package bebop.data.corpus;

import bebop.music.Pitch;
import java.util.Arrays;

/**
 * The harmony of one half bar: the raw set (the distinct MIDI pitches sounding in the accompaniment,
 * their pitch classes as a 12-bit set, bit 0 = C, and the set's name by {@link bebop.music.ChordNamer},
 * "N.C." when nothing sounds, "?" when it knows none), and the chord recognised from the whole texture
 * by {@link bebop.music.ChordRecognizer} (its symbol and its pitch classes in the core voicing; "?" and
 * no pitch classes when no chord was recognised, "N.C." when nothing sounds).
 *
 * @param step first frame of the half bar within the piece
 * @param steps number of frames
 * @param recognised the recognised chord's symbol, "?" or "N.C."
 * @param recognisedClasses the recognised chord's pitch classes (core voicing), 0 when none
 */
public record HalfBarChord(int step, int steps, int[] pitches, int pitchClasses, String symbol, String recognised,
                           int recognisedClasses) {
    /** The symbol of a half bar with no chord recognised. */
    public static final String UNRECOGNISED = "?";

    public HalfBarChord {
        pitches = pitches.clone();
    }

    /** A half bar whose recognised chord is its raw set (tests, and sets that name themselves). */
    public HalfBarChord(int step, int steps, int[] pitches, int pitchClasses, String symbol) {
        this(step, steps, pitches, pitchClasses, symbol, symbol, pitchClasses);
    }

    /** True when a chord was recognised (not "?", not N.C.). */
    public boolean isRecognised() {
        return recognisedClasses != 0;
    }

    /** The pitch classes a data set holds for this half bar: the recognised chord's (the raw set where none was), or the raw set. */
    public int classes(ChordSource source) {
        return source == ChordSource.RECOGNISED && isRecognised() ? recognisedClasses : pitchClasses;
    }

    /** The raw set's pitch classes, ascending. */
    public int[] pitchClassList() {
        return list(pitchClasses);
    }

    /** The pitch classes of a 12-bit set, ascending. */
    public static int[] list(int mask) {
        int[] out = new int[Integer.bitCount(mask)];
        int k = 0;
        for (int pc = 0; pc < 12; pc++) {
            if ((mask & (1 << pc)) != 0) {
                out[k++] = pc;
            }
        }
        return out;
    }

    /** This chord moved by {@code shift} semitones (pitches that would leave 0..127 move by octaves). */
    public HalfBarChord transposed(int shift) {
        if (shift == 0) {
            return this;
        }
        int[] p = new int[pitches.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = PieceVersion.fold(pitches[i] + shift);
        }
        Arrays.sort(p);
        return new HalfBarChord(step, steps, p, rotate(pitchClasses, shift), transposeSymbol(symbol, shift),
                transposeSymbol(recognised, shift), rotate(recognisedClasses, shift));
    }

    private static int rotate(int mask, int shift) {
        int s = Math.floorMod(shift, 12);
        return ((mask << s) | (mask >>> (12 - s))) & 0xFFF;
    }

    /** "F7" up 2 is "G7"; "Bbm7" up 1 is "Bm7"; "C/E" moves both roots; "N.C." and "?" stay. */
    static String transposeSymbol(String symbol, int shift) {
        if (symbol.equals("N.C.") || symbol.equals("?")) {
            return symbol;
        }
        StringBuilder out = new StringBuilder();
        int slash = symbol.indexOf('/');
        String main = slash < 0 ? symbol : symbol.substring(0, slash);
        out.append(transposeRoot(main, shift));
        if (slash >= 0) {
            out.append('/').append(transposeRoot(symbol.substring(slash + 1), shift));
        }
        return out.toString();
    }

    private static String transposeRoot(String s, int shift) {
        if (s.isEmpty() || "CDEFGAB".indexOf(s.charAt(0)) < 0) {
            return s;
        }
        int len = s.length() > 1 && (s.charAt(1) == '#' || s.charAt(1) == 'b') ? 2 : 1;
        int pc = Pitch.parseClass(s.substring(0, len));
        return Pitch.className(pc + shift) + s.substring(len);
    }
}
