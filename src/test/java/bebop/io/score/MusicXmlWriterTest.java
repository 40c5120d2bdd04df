package bebop.io.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bebop.music.Score;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;

class MusicXmlWriterTest {
    @Test
    void everyFixtureValidatesAgainstTheMusicXml40Schema() throws Exception {
        for (Map.Entry<String, Score> e : Fixtures.all().entrySet()) {
            for (boolean chordStaff : new boolean[] {false, true}) {
                String xml = MusicXmlWriter.toString(Notation.of(LeadSheet.of(e.getValue()), chordStaff));
                try {
                    MusicXmlSchema.validate(xml);
                } catch (SAXException ex) {
                    throw new AssertionError(e.getKey() + (chordStaff ? " with chord staff" : "") + ": " + ex.getMessage(), ex);
                }
            }
        }
        // piano scores: a piano roll, and a lead sheet's parts on a piano's staves
        for (Score s : List.of(Fixtures.piano(), Fixtures.blues("Two choruses", 0, 4095))) {
            String xml = MusicXmlWriter.toString(Notation.piano(s));
            try {
                MusicXmlSchema.validate(xml);
            } catch (SAXException ex) {
                throw new AssertionError(s.title() + " as a piano score: " + ex.getMessage(), ex);
            }
        }
    }

    @Test
    void theSchemaCatchesMistakes() throws Exception {
        String xml = MusicXmlWriter.toString(Notation.of(LeadSheet.of(Fixtures.ties()), false));
        assertThrows(SAXException.class, () -> MusicXmlSchema.validate(xml.replace("<type>quarter</type>", "<type>crotchet</type>")));
        assertThrows(SAXException.class, () -> MusicXmlSchema.validate(
                xml.replaceFirst("(<duration>[0-9]+</duration>)(\\s*)(<voice>)", "<voice>1</voice>$2$1")));
    }

    @Test
    void chordSymbolsTempoTitleAndTies() {
        String xml = MusicXmlWriter.toString(Notation.of(LeadSheet.of(Fixtures.blues("Two choruses", 0, 4095)), true));
        assertTrue(xml.contains("<work-title>Two choruses</work-title>"));
        assertTrue(xml.contains("<sound tempo=\"120\"/>"));
        assertTrue(xml.contains("<per-minute>120</per-minute>"));
        assertTrue(xml.contains("<part-name>Melody</part-name>"));
        assertTrue(xml.contains("<part-name>Chords</part-name>"));
        assertTrue(xml.contains("<kind text=\"dim\">diminished</kind>"));
        assertTrue(xml.contains("<kind text=\"m7\">minor-seventh</kind>"));
        assertTrue(xml.contains("<chord/>"));
        assertEquals(count(xml, "<tie type=\"start\"/>"), count(xml, "<tie type=\"stop\"/>"));
        assertEquals(48, count(xml, "<measure "));
        String rests = MusicXmlWriter.toString(Notation.of(LeadSheet.of(Fixtures.rests()), false));
        assertTrue(rests.contains("<sound tempo=\"97.5\"/>"));
        assertTrue(rests.contains("<rest measure=\"yes\"/>"));
        assertTrue(rests.contains("<root-alter>1</root-alter>"), "F#dim7");
        assertTrue(rests.contains("<offset>1</offset>"), "a chord symbol in the middle of a note");
    }

    @Test
    void goldenChorusAndSameBytesEveryTime() throws Exception {
        Notation n = Notation.of(LeadSheet.of(Fixtures.blues("bebop blues chorus 0000", 0)), false);
        byte[] bytes = MusicXmlWriter.toBytes(n);
        assertArrayEquals(bytes, MusicXmlWriter.toBytes(Notation.of(LeadSheet.of(Fixtures.blues("bebop blues chorus 0000", 0)), false)));
        Golden.check("chorus-0000.musicxml", bytes);
        Path file = Tools.scratch("musicxml-writer").resolve("chorus.musicxml");
        MusicXmlWriter.write(n, file);
        assertArrayEquals(bytes, Files.readAllBytes(file));
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
