package bebop.data.corpus;

import java.util.Arrays;
import java.util.List;

/**
 * A piece as it goes into the data set, possibly transposed: the melody per frame (-1 = rest), the
 * melody onsets, and one chord per half bar.
 *
 * @param shift semitones from the file's key
 * @param key the estimated key after the shift
 * @param harmony which chord of each half bar the frames hold
 */
public record PieceVersion(int shift, Key key, int stepsPerBar, int[] melody, int[] onsets, List<HalfBarChord> chords,
                           ChordSource harmony) {
    /** The lowest MIDI pitch of the chord register (C3, as in the paper): pitch class k sounds as 48 + k. */
    public static final int CHORD_LOW = 48;

    public PieceVersion {
        melody = melody.clone();
        onsets = onsets.clone();
        chords = List.copyOf(chords);
    }

    /** The number of frames. */
    public int steps() {
        return melody.length;
    }

    /**
     * The piano-roll frames: per frame the sorted distinct MIDI pitches sounding, the half bar's
     * chord ({@link HalfBarChord#classes} of {@link #harmony}) as pitch classes in the chord register 48..59 and the melody pitch as it sounds. Where
     * the melody sounds inside 48..59 on a pitch of the chord it shares that unit: read the melody
     * and harmony apart from {@link #melody()} and {@link #chords()}.
     */
    public int[][] frames() {
        int[][] out = new int[melody.length][];
        int[] buf = new int[13];
        for (HalfBarChord c : chords) {
            int classes = c.classes(harmony);
            int[] pcs = HalfBarChord.list(classes);
            for (int t = c.step(); t < c.step() + c.steps(); t++) {
                int n = 0;
                for (int pc : pcs) {
                    buf[n++] = CHORD_LOW + pc;
                }
                int m = melody[t];
                if (m >= 0 && !(m >= CHORD_LOW && m < CHORD_LOW + 12 && (classes & (1 << (m - CHORD_LOW))) != 0)) {
                    buf[n++] = m;
                }
                int[] f = Arrays.copyOf(buf, n);
                Arrays.sort(f);
                out[t] = f;
            }
        }
        return out;
    }

    /** A MIDI pitch moved by octaves into 0..127. */
    static int fold(int pitch) {
        int p = pitch;
        while (p < 0) {
            p += 12;
        }
        while (p > 127) {
            p -= 12;
        }
        return p;
    }
}
