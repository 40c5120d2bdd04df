package bebop.data.corpus;

import bebop.music.TimeSignature;
import java.util.List;

/**
 * One file's music on the grid, before transposition: the melody (the top voice of the melody
 * part, one MIDI pitch per frame, -1 for a rest), the frames where a melody note starts, one chord
 * per half bar, the estimated key and facts for the report.
 *
 * @param timeSignature the file's (first) time signature
 * @param stepsPerBar frames per bar on the grid
 * @param bars whole bars of the piece (frames = bars x stepsPerBar)
 * @param firstBar the bar of the file (counted from 0) where the piece starts: leading bars in which
 *     nothing but drums sounds are dropped
 * @param notes notes of all non-drum parts
 * @param melodyNotes notes of the melody part(s)
 * @param drumNotes notes on channel 10, which are ignored
 * @param offGridNotes non-drum notes that started more than a quarter of a grid step away from it
 */
public record ExtractedPiece(TimeSignature timeSignature, int stepsPerBar, int bars, int firstBar,
                             int[] melody, int[] onsets, List<HalfBarChord> chords, Key key,
                             MelodySource melodySource, int notes, int melodyNotes, int drumNotes,
                             int offGridNotes) {
    public ExtractedPiece {
        melody = melody.clone();
        onsets = onsets.clone();
        chords = List.copyOf(chords);
        if (melody.length != stepsPerBar * bars) {
            throw new IllegalArgumentException("melody has " + melody.length + " frames, expected " + stepsPerBar * bars);
        }
    }

    public int frames() {
        return melody.length;
    }

    /** Half bars in which a chord was recognised ({@link HalfBarChord#isRecognised}). */
    public int recognisedHalfBars() {
        int n = 0;
        for (HalfBarChord c : chords) {
            n += c.isRecognised() ? 1 : 0;
        }
        return n;
    }

    /** Half bars in which the accompaniment sounds. */
    public int harmonisedHalfBars() {
        int n = 0;
        for (HalfBarChord c : chords) {
            n += c.pitchClasses() != 0 ? 1 : 0;
        }
        return n;
    }

    /** This piece moved by {@code shift} semitones, its frames holding the recognised chords. */
    public PieceVersion version(int shift) {
        return version(shift, ChordSource.RECOGNISED);
    }

    /** This piece moved by {@code shift} semitones, its frames holding the chords {@code harmony} says. */
    public PieceVersion version(int shift, ChordSource harmony) {
        int[] m = melody.clone();
        if (shift != 0) {
            for (int i = 0; i < m.length; i++) {
                if (m[i] >= 0) {
                    m[i] = PieceVersion.fold(m[i] + shift);
                }
            }
        }
        List<HalfBarChord> c = chords.stream().map(h -> h.transposed(shift)).toList();
        return new PieceVersion(shift, key.transposed(shift), stepsPerBar, m, onsets, c, harmony);
    }
}
