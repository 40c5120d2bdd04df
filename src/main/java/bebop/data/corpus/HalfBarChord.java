package bebop.data.corpus;

import bebop.music.Pitch;
import java.util.Arrays;

/**
 * The harmony of one half bar: the distinct MIDI pitches sounding in the accompaniment, their pitch
 * classes as a 12-bit set (bit 0 = C), and a chord symbol ("N.C." when nothing sounds, "?" when
 * {@link bebop.music.ChordNamer} knows no name for the set).
 *
 * @param step first frame of the half bar within the piece
 * @param steps number of frames
 */
public record HalfBarChord(int step, int steps, int[] pitches, int pitchClasses, String symbol) {
    public HalfBarChord {
        pitches = pitches.clone();
    }

    /** The pitch classes, ascending. */
    public int[] pitchClassList() {
        int[] out = new int[Integer.bitCount(pitchClasses)];
        int k = 0;
        for (int pc = 0; pc < 12; pc++) {
            if ((pitchClasses & (1 << pc)) != 0) {
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
        int mask = ((pitchClasses << Math.floorMod(shift, 12)) | (pitchClasses >>> (12 - Math.floorMod(shift, 12)))) & 0xFFF;
        return new HalfBarChord(step, steps, p, mask, transposeSymbol(symbol, shift));
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
