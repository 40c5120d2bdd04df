package bebop.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import bebop.encoding.LocalEncoding;
import bebop.io.midi.MidiReader;
import bebop.io.score.ExternalProgram;
import bebop.io.score.HarmonyXml;
import bebop.io.score.LilyPond;
import bebop.music.ChordSymbol;
import bebop.music.Note;
import bebop.music.Part;
import bebop.music.Progression;
import bebop.music.Score;
import bebop.music.TimeSignature;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * End to end: the bundled model improvises over a 12-bar jazz blues with extended chords, and MIDI,
 * MusicXML (schema-valid, its harmony the user's symbols) and LilyPond (compiled when LilyPond is there;
 * required in CI) keep the symbols as typed.
 */
class JazzChordsCommandTest {
    static final String BLUES = "| F13 | Bb9 | F13 | Cm7 F7b9 | Bb9 | Bo7 | F7/C | D7b9 | Gm7 | C7alt "
            + "| F7 D7b9 Gm7 C7alt | Gm7 C7sus4 |";

    @Test
    void aJazzBluesWithExtendedChordsKeepsItsSymbolsInEveryFile() throws Exception {
        Path dir = CliRun.scratch("jazz");
        Path prefix = dir.resolve("jazz");
        CliRun run = CliRun.of("compose", "--chords", BLUES, "--choruses", "2", "--seed", "3", "--out", prefix.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("2 choruses (24 bars"), run.out());
        assertTrue(run.out().contains("over your chords " + BLUES.strip()), run.out());
        assertTrue(run.out().contains("voiced core (root, third, fifth, seventh), the model's voicing (the paper's triads and "
                + "sevenths): F13 (C3 Eb3 F3 A3) Bb9 (D3 F3 Ab3 Bb3)"),
                run.out());

        Progression p = Progression.parse(BLUES);
        List<String> expected = p.chordSymbols(2 * 96, 8, 240).stream().map(ChordSymbol::symbol).toList();
        assertTrue(expected.contains("F13") && expected.contains("C7alt") && expected.contains("F7/C"));

        // MIDI: the symbols as typed on the chord track, the chord notes the core voicing of each change.
        Score midi = MidiReader.read(Path.of(prefix + ".mid"));
        assertEquals(expected, midi.chordSymbols().stream().map(ChordSymbol::symbol).toList());
        assertFalse(midi.chordSymbols().stream().anyMatch(c -> c.symbol().equals("Fdim")), "D7 is not named from its notes");
        double[][] frames = LocalEncoding.encode(midi);
        assertEquals(2 * 96, frames.length);
        for (int t = 0; t < frames.length; t++) {
            List<Integer> sounding = new ArrayList<>();
            for (int u = 0; u < 12; u++) {
                if (frames[t][u] > 0.5) {
                    sounding.add(48 + u);
                }
            }
            assertEquals(p.chordAtStep(t).notes(), sounding, "step " + t);
        }
        assertTrue(midi.part(Part.MELODY).orElseThrow().notes().size() > 10);

        // MusicXML: schema-valid, one <harmony> per change, each read back as the user typed it.
        String xml = Files.readString(Path.of(prefix + ".musicxml"), StandardCharsets.UTF_8);
        validate(xml);
        NodeList hs = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(xml))).getElementsByTagName("harmony");
        List<String> read = new ArrayList<>();
        for (int k = 0; k < hs.getLength(); k++) {
            read.add(HarmonyXml.read((Element) hs.item(k)).symbol());
        }
        assertEquals(expected, read);
        assertTrue(xml.contains("<kind text=\"13\">dominant-13th</kind>"), "F13 is a dominant 13th");

        // LilyPond: the extended symbols printed as typed.
        String ly = Files.readString(Path.of(prefix + ".ly"), StandardCharsets.UTF_8);
        assertTrue(ly.contains("\\once \\override ChordName.text = \\markup \"F13\" f1"), ly);
        assertTrue(ly.contains("\\markup \"C7alt\""), ly);

        // The same request gives the same bytes; --voicing full changes the notes, not the symbols.
        Path again = dir.resolve("again");
        assertEquals(0, CliRun.of("compose", "--chords", BLUES, "--choruses", "2", "--seed", "3", "--out",
                again.toString()).exitCode());
        for (String ext : new String[] {"mid", "musicxml", "ly"}) {
            assertArrayEquals(Files.readAllBytes(Path.of(prefix + "." + ext)), Files.readAllBytes(Path.of(again + "." + ext)));
        }
        Path full = dir.resolve("full");
        CliRun fullRun = CliRun.of("compose", "--chords", BLUES, "--voicing", "full", "--choruses", "2", "--seed", "3",
                "--out", full.toString());
        assertEquals(0, fullRun.exitCode(), fullRun.err());
        assertTrue(fullRun.out().contains("voiced full (every pitch class) by --voicing, not the model's core (the paper's "
                + "triads and sevenths): F13 (C3 D3 Eb3 F3 G3 A3 Bb3)"), fullRun.out());
        assertEquals("full: C3 D3 Eb3 F3 G3 A3 Bb3", MidiReader.read(Path.of(full + ".mid")).chordSymbols().get(0).voicing());
        assertEquals(expected, MidiReader.read(Path.of(full + ".mid")).chordSymbols().stream().map(ChordSymbol::symbol).toList());

        compileIfLilyPond(dir, Path.of(prefix + ".ly")); // last: skipped locally without LilyPond
    }

    @Test
    void aChartFileInThreeFourTime() throws Exception {
        Path dir = CliRun.scratch("jazz-waltz");
        Path chart = dir.resolve("waltz.txt");
        Files.writeString(chart, "# a jazz waltz, two bars a line\n3/4\n| Cmaj7 | A7b9 |   # turnaround\n| Dm7 G7 | C6/9 / A7 |\n",
                StandardCharsets.UTF_8);
        Path prefix = dir.resolve("waltz");
        CliRun run = CliRun.of("compose", "--chords", "@" + chart, "--choruses", "3", "--seed", "1", "--out", prefix.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("over your chords 3/4 | Cmaj7 | A7b9 | Dm7 G7 | C6/9 / A7 |"), run.out());
        Score midi = MidiReader.read(Path.of(prefix + ".mid"));
        assertEquals(new TimeSignature(3, 4), midi.timeSignature());
        assertEquals(12, midi.bars());
        assertEquals(List.of("Cmaj7", "A7b9", "Dm7", "G7", "C6/9", "A7"),
                midi.chordSymbols().stream().limit(6).map(ChordSymbol::symbol).toList());
        assertEquals(List.of(0L, 1440L, 2880L, 3840L, 4320L, 5280L),
                midi.chordSymbols().stream().limit(6).map(ChordSymbol::start).toList(), "2+1 beats: G7 on beat 3");
        validate(Files.readString(Path.of(prefix + ".musicxml"), StandardCharsets.UTF_8));
    }

    private static void validate(String xml) throws Exception {
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        Source[] sources = new Source[3];
        String[] names = {"xml.xsd", "xlink.xsd", "musicxml.xsd"};
        for (int k = 0; k < 3; k++) {
            sources[k] = new StreamSource(JazzChordsCommandTest.class.getResource("/musicxml-4.0/" + names[k]).toExternalForm());
        }
        var v = f.newSchema(sources).newValidator();
        v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        v.validate(new StreamSource(new StringReader(xml)));
    }

    /** LilyPond compiles the file without an error or warning; skipped without LilyPond, except in CI. */
    private static void compileIfLilyPond(Path dir, Path ly) throws Exception {
        ExternalProgram lilypond = LilyPond.onPath().program();
        if (lilypond.find().isEmpty()) {
            if (System.getenv("CI") != null) {
                fail("lilypond is not installed (CI is set, so this check may not be skipped)");
            }
            Assumptions.abort("lilypond is not installed: install it with 'apt-get install lilypond' (skipped)");
        }
        Path home = Files.createDirectories(dir.resolve("home").toAbsolutePath());
        ExternalProgram.Result r = lilypond.run(List.of("--pdf", ly.getFileName().toString()), dir.toAbsolutePath(),
                Map.of("HOME", home.toString()), LilyPond.TIMEOUT_SECONDS);
        assertEquals(List.of(), LilyPond.problems(r.output()), r.output());
        assertEquals(0, r.exitCode(), r.output());
    }

    @Test
    void aMusicXmlLeadSheetGivesItsChords() throws Exception {
        Path dir = CliRun.scratch("jazz-leadsheet");
        Path first = dir.resolve("first");
        assertEquals(0, CliRun.of("compose", "--chords", BLUES, "--choruses", "1", "--seed", "2", "--out", first.toString())
                .exitCode());
        Path again = dir.resolve("again");
        CliRun full = CliRun.of("compose", "--leadsheet", first + ".musicxml", "--choruses", "1", "--out", again.toString());
        assertEquals(2, full.exitCode());
        assertEquals("bebop: --leadsheet " + first + ".musicxml: its melody's 96 steps fill the 1 chorus to compose; "
                + "ask for more --choruses\n", full.err());
        CliRun chords = CliRun.of("compose", "--chords", "@" + first + ".musicxml", "--choruses", "1", "--out", again.toString());
        assertEquals(2, chords.exitCode());
        assertEquals("bebop: --chords @" + first + ".musicxml: its melody's 96 steps fill the 1 chorus to compose; "
                + "ask for more --choruses\n", chords.err());
        CliRun run = CliRun.of("compose", "--leadsheet", first + ".musicxml", "--choruses", "2", "--seed", "2",
                "--out", again.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("over your chords | F13 / / / | Bb9 / / / |"), run.out());
        assertTrue(run.out().contains("primed with the lead sheet's melody (96 steps)"), run.out());
        Progression p = Progression.parse(BLUES);
        List<String> once = p.chordSymbols(96, 8, 240).stream().map(ChordSymbol::symbol).toList();
        List<String> expected = new ArrayList<>(once);
        expected.addAll(once);
        assertEquals(expected, MidiReader.read(Path.of(again + ".mid")).chordSymbols().stream().map(ChordSymbol::symbol).toList());
        // the sheet's melody (bebop's first chorus, read from its MusicXML) is the second piece's first chorus
        List<Note> head = MidiReader.read(Path.of(first + ".mid")).part(Part.MELODY).orElseThrow().notes();
        List<Note> played = MidiReader.read(Path.of(again + ".mid")).part(Part.MELODY).orElseThrow().notes();
        int n = head.size() - 1; // the last note may be held on into the improvised chorus
        assertEquals(head.subList(0, n), played.subList(0, n));
        assertEquals(head.get(n).start(), played.get(n).start());
        assertEquals(head.get(n).pitch(), played.get(n).pitch());

        Path chart = dir.resolve("blues.txt");
        Files.writeString(chart, BLUES.replace(" | F13 | Cm7", " |\n| F13 | Cm7"), StandardCharsets.UTF_8);
        CliRun text = CliRun.of("compose", "--leadsheet", chart.toString(), "--choruses", "1", "--out", dir.resolve("t").toString());
        assertEquals(0, text.exitCode(), text.err());
        assertEquals(once, MidiReader.read(dir.resolve("t.mid")).chordSymbols().stream().map(ChordSymbol::symbol).toList());

        CliRun both = CliRun.of("compose", "--leadsheet", chart.toString(), "--chords", "C7", "--out", dir.resolve("x").toString());
        assertEquals(2, both.exitCode());
        assertEquals("bebop: --leadsheet and --chords: give one or the other\n", both.err());
    }
}
