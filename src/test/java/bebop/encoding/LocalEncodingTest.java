package bebop.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bebop.music.ChordSymbol;
import bebop.music.Note;
import bebop.music.Part;
import bebop.music.Score;
import bebop.music.TimeSignature;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalEncodingTest {
    @Test
    void unitsMapToThePapersRanges() {
        assertEquals(0, LocalEncoding.chordUnit(48));
        assertEquals(11, LocalEncoding.chordUnit(59));
        assertEquals(12, LocalEncoding.melodyUnit(60));
        assertEquals(24, LocalEncoding.melodyUnit(72));
        for (int u = 0; u < 25; u++) {
            int p = LocalEncoding.unitPitch(u);
            assertEquals(u, u < 12 ? LocalEncoding.chordUnit(p) : LocalEncoding.melodyUnit(p));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LocalEncoding.melodyUnit(74));
        assertEquals("melody note D5 (MIDI 74) is outside the melody range C4..C5 (MIDI 60-72)", e.getMessage());
    }

    @Test
    void repeatedPitchesDecodeAsOneHeldNoteBecauseTheEncodingHasNoOnsets() {
        // two quarter notes of D4 and an eighth of G4 at 480 ticks per quarter
        Score s = score(List.of(), List.of(new Note(62, 0, 480), new Note(62, 480, 480), new Note(67, 960, 240)), 1200);
        double[][] f = LocalEncoding.encode(s);
        assertEquals(5, f.length);
        Score back = LocalEncoding.decode(f, 120, "t");
        assertEquals(List.of(new Note(62, 0, 960, 96), new Note(67, 960, 240, 96)),
                back.part(Part.MELODY).orElseThrow().notes());
    }

    @Test
    void chordsAreStruckAgainAtEveryBarLineAndNamed() {
        double[][] f = new double[16][25];
        for (double[] frame : f) {
            frame[0] = frame[4] = frame[7] = 1; // C E G over two bars
        }
        Score s = LocalEncoding.decode(f, 100, "t");
        assertEquals(6, s.part(Part.CHORDS).orElseThrow().notes().size());
        assertEquals(List.of(new ChordSymbol(0, "C"), new ChordSymbol(960 * 2, "C")), s.chordSymbols());
        assertEquals(2, s.bars());
    }

    @Test
    void theTopMelodyNoteWinsAndOffGridNotesAreSampled() {
        Score s = score(List.of(), List.of(new Note(60, 0, 480), new Note(64, 0, 240), new Note(67, 100, 300)), 480);
        double[][] f = LocalEncoding.encode(s);
        assertEquals(1.0, f[0][LocalEncoding.melodyUnit(64)]);
        assertEquals(0.0, f[0][LocalEncoding.melodyUnit(60)]);
        assertEquals(1.0, f[1][LocalEncoding.melodyUnit(67)]);
    }

    @Test
    void aResolutionWithoutWholeEighthsIsRejected() {
        Score s = new Score("t", 3, 120, TimeSignature.FOUR_FOUR, List.of(), List.of(), 12);
        assertThrows(IllegalArgumentException.class, () -> LocalEncoding.encode(s));
    }

    private static Score score(List<Note> chords, List<Note> melody, long length) {
        return new Score("t", 480, 120, TimeSignature.FOUR_FOUR,
                List.of(new Part(Part.CHORDS, 0, 0, chords), new Part(Part.MELODY, 1, 65, melody)), List.of(), length);
    }
}
