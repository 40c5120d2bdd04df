package bebop.io.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bebop.music.ChordName;
import bebop.music.ChordSymbol;
import bebop.music.ChordTable;
import bebop.music.Note;
import bebop.music.Part;
import bebop.music.Score;
import bebop.music.TimeSignature;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Every spelling of the chord table as MusicXML {@code <harmony>}: schema-valid, and read back as written. */
class HarmonyXmlTest {
    /** A lead sheet of one bar per spelling, its symbol on the bar's first beat. */
    static String leadSheet(List<String> symbols) {
        List<ChordSymbol> cs = new ArrayList<>();
        for (int k = 0; k < symbols.size(); k++) {
            cs.add(new ChordSymbol(k * 1920L, symbols.get(k)));
        }
        Score score = new Score("chords", 480, 120, TimeSignature.FOUR_FOUR,
                List.of(new Part(Part.MELODY, Part.MELODY_CHANNEL, Part.MELODY_PROGRAM, List.of(new Note(60, 0, 480)))),
                cs, symbols.size() * 1920L);
        return MusicXmlWriter.toString(Notation.of(LeadSheet.of(score), false));
    }

    static List<Element> harmonies(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        Document doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        NodeList nodes = doc.getElementsByTagName("harmony");
        List<Element> out = new ArrayList<>();
        for (int k = 0; k < nodes.getLength(); k++) {
            out.add((Element) nodes.item(k));
        }
        return out;
    }

    @Test
    void everySpellingIsSchemaValidHarmonyAndReadsBackAsTypedAndFromItsKindAndDegrees() throws Exception {
        List<ChordTable.Row> rows = ChordTable.rows();
        List<String> symbols = rows.stream().map(ChordTable.Row::symbol).toList();
        String xml = leadSheet(symbols);
        MusicXmlSchema.validate(xml);
        List<Element> hs = harmonies(xml);
        assertEquals(rows.size(), hs.size());
        for (int k = 0; k < rows.size(); k++) {
            ChordName typed = ChordName.parse(rows.get(k).symbol());
            ChordName read = HarmonyXml.read(hs.get(k));
            assertEquals(typed.symbol(), read.symbol(), "the kind's text keeps the symbol");
            assertTrue(read.sameChord(typed), typed.symbol());
            assertEquals(rows.get(k).pitchClasses(), read.pitchClasses(), typed.symbol());

            // Without the text, as a program that writes none: the kind and degrees alone.
            hs.get(k).getElementsByTagName("kind").item(0).getAttributes().removeNamedItem("text");
            ChordName structural = HarmonyXml.read(hs.get(k));
            assertTrue(structural.sameChord(typed), typed.symbol() + " read as " + structural.symbol());
            assertEquals(rows.get(k).pitchClasses(), structural.pitchClasses(), typed.symbol());
            assertEquals(typed.isNoChord() ? "N.C." : typed.canonical().symbol(), structural.symbol());
        }
    }

    @Test
    void theHarmonyElementHoldsRootKindBassAndDegrees() {
        String xml = HarmonyXml.write(ChordName.parse("Bb7b9/Ab"), 2, 0);
        assertEquals("""
                <harmony>
                  <root>
                    <root-step>B</root-step>
                    <root-alter>-1</root-alter>
                  </root>
                  <kind text="7b9">dominant</kind>
                  <bass>
                    <bass-step>A</bass-step>
                    <bass-alter>-1</bass-alter>
                  </bass>
                  <degree print-object="no">
                    <degree-value>9</degree-value>
                    <degree-alter>-1</degree-alter>
                    <degree-type>add</degree-type>
                  </degree>
                  <offset>2</offset>
                </harmony>
                """, xml);
    }

    @Test
    void anInversionNamesTheBassAndAForeignTextFallsBackToTheKind() throws Exception {
        String xml = "<harmony><root><root-step>C</root-step></root><kind text=\"Maj\">major</kind>"
                + "<inversion>1</inversion></harmony>";
        Element h = (Element) DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(xml))).getDocumentElement();
        assertEquals("CMaj/E", HarmonyXml.read(h).symbol(), "Maj is the major triad: the text is kept");
        String sus = "<harmony><root><root-step>G</root-step></root><kind text=\"7sus\">suspended-fourth</kind>"
                + "<degree><degree-value>7</degree-value><degree-alter>0</degree-alter><degree-type>add</degree-type></degree>"
                + "</harmony>";
        Element s = (Element) DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(sus))).getDocumentElement();
        assertEquals("G7sus", HarmonyXml.read(s).symbol());
        String odd = sus.replace("7sus", "dom7sus");
        Element o = (Element) DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(odd))).getDocumentElement();
        assertEquals("G7sus4", HarmonyXml.read(o).symbol());
    }
}
