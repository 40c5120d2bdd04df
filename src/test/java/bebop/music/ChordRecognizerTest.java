package bebop.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChordRecognizerTest {
    /** Weight 1 on each pitch class named. */
    private static double[] w(String... names) {
        double[] out = new double[12];
        for (String n : names) {
            out[Pitch.parseClass(n)] += 1;
        }
        return out;
    }

    @Test
    void theTemplateWithTheMostEvidenceWins() {
        assertEquals("C7", ChordRecognizer.recognise(w("C", "E", "G", "Bb"), w()).symbol());
        assertEquals("C", ChordRecognizer.recognise(w("C", "E", "G"), w()).symbol());
        assertEquals("Dm7", ChordRecognizer.recognise(w("D", "F", "A", "C"), w("D")).symbol());
        assertEquals("Bm7b5", ChordRecognizer.recognise(w("B", "D", "F", "A"), w("B")).symbol());
        assertEquals(ChordName.Quality.DOMINANT, ChordRecognizer.recognise(w("G", "C", "D", "F"), w("G")).chord().quality());
    }

    @Test
    void theBassDecidesBetweenChordsOfTheSameNotes() {
        assertEquals("Am7", ChordRecognizer.recognise(w("C", "E", "G", "A"), w("A")).symbol());
        assertEquals("C6", ChordRecognizer.recognise(w("C", "E", "G", "A"), w("C")).symbol());
        // a rootless C9 (E G Bb D) over C in the bass is C9, not Em7b5
        assertEquals("C9", ChordRecognizer.recognise(w("E", "G", "Bb", "D"), w("C")).symbol());
        // without a bass the commoner reading of the same notes: Am7, not C6
        assertEquals("Am7", ChordRecognizer.recognise(w("C", "E", "G", "A"), w()).symbol());
    }

    @Test
    void silenceIsNoChordAndAClusterIsNotRecognised() {
        ChordRecognizer.Match silent = ChordRecognizer.recognise(w(), w());
        assertTrue(silent.chord().isNoChord());
        assertFalse(silent.recognised());
        ChordRecognizer.Match cluster = ChordRecognizer.recognise(w("C", "C#", "D", "D#", "E", "F", "F#", "G"), w());
        assertFalse(cluster.recognised(), cluster.toString());
        assertTrue(ChordRecognizer.recognise(w("C", "E", "G", "Bb", "Db"), w("C")).recognised());
    }

    @Test
    void aChordGoingOnThroughTheBarIsOneChord() {
        // bar 1: the rootless voicing E G Bb D held over C, then over G in a walking bass; bar 2: F
        double[][] weight = {w("C", "E", "G", "Bb", "D"), w("E", "G", "Bb", "D", "G"), w("F", "A", "C"), w("F", "A", "C")};
        double[][] bass = {w("C"), w("G"), w("F"), w("A")};
        List<ChordRecognizer.Match> m = ChordRecognizer.recogniseAll(weight, bass, new boolean[] {true, false, true, false});
        assertEquals(List.of("C9", "C9", "F", "F"), m.stream().map(ChordRecognizer.Match::symbol).toList());
        // alone, the second half bar looks like another chord of those notes (G in the bass: Gm6)
        assertEquals("Gm6", ChordRecognizer.recognise(weight[1], bass[1]).symbol());
        // a silent half bar is N.C. and the chords either side stand alone
        List<ChordRecognizer.Match> gap = ChordRecognizer.recogniseAll(new double[][] {w("D", "F", "A", "C"), w(), w("G", "B", "D", "F")},
                new double[][] {w("D"), w(), w("G")}, new boolean[] {true, false, true});
        assertEquals(List.of("Dm7", "N.C.", "G7"), gap.stream().map(ChordRecognizer.Match::symbol).toList());
    }

    @Test
    void qualitiesNameTheFamily() {
        assertEquals(ChordName.Quality.DOMINANT, ChordName.parse("F13").quality());
        assertEquals(ChordName.Quality.DOMINANT, ChordName.parse("C7alt").quality());
        assertEquals(ChordName.Quality.DOMINANT, ChordName.parse("C7sus4").quality());
        assertEquals(ChordName.Quality.SUSPENDED, ChordName.parse("Csus4").quality());
        assertEquals(ChordName.Quality.MAJOR, ChordName.parse("Bb6").quality());
        assertEquals(ChordName.Quality.MAJOR, ChordName.parse("C6/9").quality());
        assertEquals(ChordName.Quality.MINOR, ChordName.parse("Gm6").quality());
        assertEquals(ChordName.Quality.MINOR, ChordName.parse("CmMaj7").quality());
        assertEquals(ChordName.Quality.HALF_DIMINISHED, ChordName.parse("Am7b5").quality());
        assertEquals(ChordName.Quality.DIMINISHED, ChordName.parse("Eo7").quality());
        assertEquals(ChordName.Quality.AUGMENTED, ChordName.parse("C+").quality());
        assertEquals(ChordName.Quality.NONE, ChordName.parse("N.C.").quality());
    }
}
