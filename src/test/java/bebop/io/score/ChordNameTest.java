package bebop.io.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bebop.music.BluesForm;
import org.junit.jupiter.api.Test;

class ChordNameTest {
    private static ChordName parse(String s) {
        return ChordName.parse(s).orElseThrow(() -> new AssertionError("cannot parse " + s));
    }

    @Test
    void bebopsSymbols() {
        check("C", 'C', 0, "major", "c4");
        check("F7", 'F', 0, "dominant", "f4:7");
        check("Gm7", 'G', 0, "minor-seventh", "g4:m7");
        check("Fdim", 'F', 0, "diminished", "f4:dim");
        check("F#dim7", 'F', 1, "diminished-seventh", "fis4:dim7");
        check("Em", 'E', 0, "minor", "e4:m");
        check("A7", 'A', 0, "dominant", "a4:7");
        check("Dm7", 'D', 0, "minor-seventh", "d4:m7");
        check("Bbmaj7", 'B', -1, "major-seventh", "bes4:maj7");
        check("Bm7b5", 'B', 0, "half-diminished", "b4:m7.5-");
        check("Ebm6", 'E', -1, "minor-sixth", "ees4:m6");
        check("Csus4", 'C', 0, "suspended-fourth", "c4:sus4");
        check("Caug", 'C', 0, "augmented", "c4:aug");
    }

    @Test
    void everySymbolOfTheBluesFormParsesAndPrintsBack() {
        for (BluesForm.Variant v : BluesForm.Variant.values()) {
            for (BluesForm.Bar bar : BluesForm.of(v).bars()) {
                for (String s : new String[] {bar.firstHalf().symbol(), bar.secondHalf().symbol()}) {
                    assertEquals(s, parse(s).symbol());
                }
            }
        }
    }

    @Test
    void slashChordsNoChordAndUnknowns() {
        ChordName ce = parse("C/E");
        assertEquals('E', ce.bassStep().orElseThrow());
        assertEquals("c2/e", ce.lilyPond("2"));
        assertEquals("C/E", ce.symbol());
        assertEquals("Bb7/Ab", parse("Bb7/Ab").symbol());
        assertEquals("r1", parse("N.C.").lilyPond("1"));
        assertEquals("none", parse("N.C.").quality().musicXmlKind());
        assertEquals("Cm7", parse("C-7").symbol());
        assertTrue(ChordName.parse("?").isEmpty());
        assertTrue(ChordName.parse("H7").isEmpty());
        assertTrue(ChordName.parse("C7(#9)").isEmpty());
    }

    private static void check(String symbol, char step, int alter, String kind, String ly) {
        ChordName c = parse(symbol);
        assertEquals(step, c.rootStep(), symbol);
        assertEquals(alter, c.rootAlter(), symbol);
        assertEquals(kind, c.quality().musicXmlKind(), symbol);
        assertEquals(ly, c.lilyPond("4"), symbol);
        assertEquals(symbol, c.symbol());
    }
}
