package bebop.data.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import bebop.music.TimeSignature;
import java.util.List;
import org.junit.jupiter.api.Test;

class PieceVersionTest {
    private static ExtractedPiece piece() {
        HalfBarChord c = new HalfBarChord(0, 2, new int[] {43, 55, 59, 62, 65}, 1 << 7 | 1 << 11 | 1 << 2 | 1 << 5, "G7");
        HalfBarChord nc = new HalfBarChord(2, 2, new int[0], 0, "N.C.");
        return new ExtractedPiece(new TimeSignature(2, 4), 4, 1, 0, new int[] {71, 55, -1, 127}, new int[] {0, 1, 3},
                List.of(c, nc), new Key(7, false, 0.9), new MelodySource(List.of(1), "Flute", 1, "auto: highest line"),
                9, 3, 0, 0);
    }

    @Test
    void framesAreTheChordInTheRegisterAndTheMelodyAsItSounds() {
        PieceVersion v = piece().version(0);
        int[][] frames = v.frames();
        assertArrayEquals(new int[] {50, 53, 55, 59, 71}, frames[0]);
        assertArrayEquals(new int[] {50, 53, 55, 59}, frames[1]); // melody 55 shares the chord's G unit
        assertArrayEquals(new int[0], frames[2]);
        assertArrayEquals(new int[] {127}, frames[3]);
    }

    @Test
    void transpositionMovesMelodyChordsSymbolsAndKey() {
        PieceVersion up = piece().version(5);
        assertArrayEquals(new int[] {76, 60, -1, 120}, up.melody()); // 132 folds down an octave
        assertEquals("C7", up.chords().get(0).symbol());
        assertArrayEquals(new int[] {0, 4, 7, 10}, up.chords().get(0).pitchClassList());
        assertArrayEquals(new int[] {48, 60, 64, 67, 70}, up.chords().get(0).pitches());
        assertEquals("C major", up.key().name());
        assertEquals("N.C.", up.chords().get(1).symbol());
        assertArrayEquals(new int[] {0, 1, 3}, up.onsets());
        assertArrayEquals(new int[] {48, 52, 55, 58, 76}, up.frames()[0]);
    }

    @Test
    void symbolsTransposeByTheirRoots() {
        assertEquals("Gm7", HalfBarChord.transposeSymbol("Fm7", 2));
        assertEquals("Bb7", HalfBarChord.transposeSymbol("C7", -2));
        assertEquals("Db/F", HalfBarChord.transposeSymbol("C/E", 1));
        assertEquals("?", HalfBarChord.transposeSymbol("?", 3));
        assertEquals("Ebdim", HalfBarChord.transposeSymbol("F#dim", -3));
    }

    @Test
    void optionsParseAsOnTheCommandLine() {
        assertEquals(Grid.SIXTEENTH, Grid.parse("16th"));
        assertEquals(Transposition.TO_C, Transposition.parse("c"));
        assertEquals(Transposition.ALL12, Transposition.parse("all12"));
        assertEquals(new MelodyChoice(MelodyChoice.Kind.TRACK, 3), MelodyChoice.parse("track:3"));
        assertEquals("channel:16", MelodyChoice.parse("Channel:16").toString());
        for (String bad : new String[] {"track:0", "channel:17", "track:", "melody", "track:x"}) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> MelodyChoice.parse(bad), bad);
        }
    }
}
