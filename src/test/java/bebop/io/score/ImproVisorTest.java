package bebop.io.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bebop.music.Note;
import bebop.music.Progression;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Impro-Visor leadsheet notation, written by the test as the notation's description and Impro-Visor's saved files have it. */
class ImproVisorTest {
    /** A sheet as Impro-Visor saves one: settings, a chords part, a melody part. */
    static final String SAVED = """
            (title Blues for Test)
            (composer Doe)
            (meter 4 4)
            (key -1)
            (tempo 160.0)
            (style swing
                (swing 0.67)
                (bass-high g-)
            )
            (part
                (type chords)
                (title )
                (key -1)
            )
            (section (style swing))

            F6 | Em7 A7 | Dm7 | Cm7 F7 |
            Bb7 | / | F6 | D7b9 |
            Gm7 | C7 | F6 D7 Gm7 C7 | NC |

            (part
                (type melody)
                (title )
                (key -1)
                (stave treble)
            )
             f+4 c+8 a8 e+4 c+8 a8
             d+8 e+8 cb8 d+8 db+8 bb8 g8 ab8
             a4 r8 d8/3 e8/3 f8/3 g4. r2+8
            """;

    @Test
    void aSavedSheetGivesItsBarsKeyAndMelody() {
        ImproVisor.Sheet s = ImproVisor.parse(SAVED);
        assertEquals("Blues for Test", s.title());
        assertEquals(-1, s.keySignature());
        assertEquals("F", s.key());
        assertEquals("| F6 | Em7 A7 | Dm7 | Cm7 F7 | Bb7 | / | F6 | D7b9 | Gm7 | C7 | F6 D7 Gm7 C7 | N.C. |", s.chart());
        Progression p = Progression.parse(s.chart());
        assertEquals(12, p.bars().size());
        assertEquals("Bb7", p.bars().get(5).changes().get(0).name().symbol()); // '/' the chord before
        List<Note> m = s.melody();
        // f+4: F5 a quarter; c+8: C5 an eighth; cb8: C flat (B3) ...
        assertEquals(new Note(77, 0, 480), m.get(0));
        assertEquals(new Note(72, 480, 240), m.get(1));
        assertEquals(new Note(69, 720, 240), m.get(2));
        assertEquals(new Note(59, 1920 + 2 * 240, 240), m.get(8)); // cb8 in bar 2
        // bar 3: a4 r8 then a triplet of eighths (160 ticks each), g4. (720), r2+8
        assertEquals(new Note(69, 3840, 480), m.get(14));
        assertEquals(new Note(62, 3840 + 720, 160), m.get(15));
        assertEquals(new Note(65, 3840 + 1040, 160), m.get(17));
        assertEquals(new Note(67, 3840 + 1200, 720), m.get(18));
        assertEquals(19, m.size());
    }

    @Test
    void plainNotationMixesChordsAndNotesAndSetsTheMeter() {
        ImproVisor.Sheet s = ImproVisor.parse("(meter 3 4)\nCmaj7 | Dm7 G7 | C6 |\nc4 e g | f2 d4 | c2.\n");
        assertEquals("3/4 | Cmaj7 | Dm7 G7 | C6 |", s.chart());
        assertEquals("C", s.key());
        assertEquals(List.of(60, 64, 67, 65, 62, 60), s.melody().stream().map(Note::pitch).toList());
        assertEquals(new Note(67, 960, 480), s.melody().get(2)); // a note without a duration keeps the one before
        assertEquals(new Note(60, 2880, 1440), s.melody().get(5));
    }

    @Test
    void badNotationIsNamed() {
        assertEquals("no chords (chords begin with a capital letter: C7, F6, Bbm7)",
                assertThrows(IllegalArgumentException.class, () -> ImproVisor.parse("c4 d4 e4")).getMessage());
        assertEquals("the note 'c3': cannot read its duration '3' (1 2 4 8 16 32, '.' dotted, '/3' triplet, joined by +)",
                assertThrows(IllegalArgumentException.class, () -> ImproVisor.parse("C7 | c3")).getMessage());
        assertEquals("a '(' at character 1 is never closed",
                assertThrows(IllegalArgumentException.class, () -> ImproVisor.parse("(title x")).getMessage());
    }
}
