package bebop.io.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bebop.UserError;
import bebop.music.Progression;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class MusicXmlChordsTest {
    private static String written(bebop.music.Score s) {
        return MusicXmlWriter.toString(Notation.of(LeadSheet.of(s), false));
    }

    @Test
    void aLeadSheetsHarmonyIsReadOnItsBeats() {
        String text = MusicXmlChords.fromText(written(Fixtures.jazz()));
        assertEquals("| F13 / / / | Bb9 / / / | F13 / / / | Cm7 / F7b9 / | Bb9 / / / | Bo7 / / / | F7/C / / / "
                + "| D7b9 / / / | Gm7 / / / | C7alt / / / | F7 D7#9 Gm7 C7sus4 | F\u0394 / A\u00F8 N.C. |", text);
        Progression p = Progression.parse(text);
        assertEquals(12, p.bars().size());
        assertEquals("Cm7", p.chordAtStep(3 * 8 + 3).symbol());
        assertEquals("F7b9", p.chordAtStep(3 * 8 + 4).symbol());
        assertEquals("D7#9", p.chordAtStep(10 * 8 + 2).symbol());
    }

    @Test
    void threeFourAndAFirstBarWithoutAChord() {
        String text = MusicXmlChords.fromText(written(Fixtures.waltz()));
        assertEquals("3/4 | C Am / | Dm7 / / | / / / | / / / |", text, "Am on beat 1.5 is read on beat 2");
        assertEquals(6, Progression.parse(text).stepsPerBar());
        String rests = MusicXmlChords.fromText(written(Fixtures.rests()));
        assertTrue(rests.startsWith("| N.C. / / / | Gm7 / C / |"), rests);
    }

    @Test
    void harmonyBetweenNotesWithBackupAndOffset() {
        String xml = """
                <score-partwise version="4.0"><part-list><score-part id="P1"><part-name>Lead</part-name></score-part></part-list>
                <part id="P1"><measure number="1">
                <attributes><divisions>2</divisions><time><beats>4</beats><beat-type>4</beat-type></time></attributes>
                <harmony><root><root-step>B</root-step><root-alter>-1</root-alter></root><kind text="7">dominant</kind>
                <degree><degree-value>9</degree-value><degree-alter>1</degree-alter><degree-type>add</degree-type></degree></harmony>
                <note><pitch><step>D</step><octave>5</octave></pitch><duration>4</duration></note>
                <note><chord/><pitch><step>F</step><octave>5</octave></pitch><duration>4</duration></note>
                <harmony><root><root-step>E</root-step></root><kind text="dim7">diminished-seventh</kind><offset>2</offset></harmony>
                <note><pitch><step>E</step><octave>5</octave></pitch><duration>4</duration></note>
                <backup><duration>8</duration></backup>
                <note><rest/><duration>8</duration><voice>2</voice></note>
                </measure></part></score-partwise>
                """;
        assertEquals("| Bb7#9 / / Edim7 |", MusicXmlChords.fromText(xml),
                "a kind text that does not read as the chord is written from kind and degrees; the offset moves E to beat 4");
    }

    @Test
    void theKeyIsTheFirstKeySignaturesTonic() throws Exception {
        Path dir = Tools.scratch("musicxml-key");
        String head = "<score-partwise version=\"4.0\"><part-list><score-part id=\"P1\"><part-name>Lead</part-name></score-part>"
                + "</part-list><part id=\"P1\"><measure number=\"1\"><attributes><divisions>1</divisions>";
        String tail = "<time><beats>4</beats><beat-type>4</beat-type></time></attributes><harmony><root><root-step>C</root-step>"
                + "</root><kind>minor-seventh</kind></harmony><note><rest/><duration>4</duration></note></measure></part></score-partwise>";
        Files.writeString(dir.resolve("minor.musicxml"), head + "<key><fifths>-3</fifths><mode>minor</mode></key>" + tail);
        Files.writeString(dir.resolve("major.musicxml"), head + "<key><fifths>-1</fifths></key>" + tail);
        Files.writeString(dir.resolve("none.musicxml"), head + tail);
        assertEquals("Cm", MusicXmlChords.key(dir.resolve("minor.musicxml")));
        assertEquals("F", MusicXmlChords.key(dir.resolve("major.musicxml")));
        assertEquals(null, MusicXmlChords.key(dir.resolve("none.musicxml")));
    }

    @Test
    void compressedFilesAndRefusals() throws Exception {
        Path dir = Tools.scratch("musicxml-chords");
        Path mxl = dir.resolve("jazz.mxl");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(mxl))) {
            zip.putNextEntry(new ZipEntry("META-INF/container.xml"));
            zip.write(("<container><rootfiles><rootfile full-path=\"lead/jazz.musicxml\"/></rootfiles></container>")
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("lead/jazz.musicxml"));
            zip.write(written(Fixtures.jazz()).getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(MusicXmlChords.read(mxl).startsWith("| F13 / / / | Bb9"));

        Path pickup = dir.resolve("pickup.musicxml");
        Files.writeString(pickup, written(Fixtures.jazz()).replace("<measure number=\"1\">", "<measure number=\"1\" implicit=\"yes\">"));
        assertEquals(pickup + ": the first measure is a pickup (16 of 16 divisions); bebop's progressions are whole bars: "
                + "remove the pickup or give it a whole bar", assertThrows(UserError.class, () -> MusicXmlChords.read(pickup)).getMessage());
        Path none = dir.resolve("none.musicxml");
        Files.writeString(none, written(Fixtures.melodyOnly("no chords", bebop.music.TimeSignature.FOUR_FOUR, 120, 16,
                java.util.List.of(Fixtures.n(60, 0, 4)), java.util.List.of())));
        assertEquals(none + ": no chord symbols (<harmony>) in the first part",
                assertThrows(UserError.class, () -> MusicXmlChords.read(none)).getMessage());
        Path missing = dir.resolve("missing.musicxml");
        assertEquals(missing + ": no such file", assertThrows(UserError.class, () -> MusicXmlChords.read(missing)).getMessage());
        Path eight = dir.resolve("six-eight.musicxml");
        Files.writeString(eight, written(Fixtures.jazz()).replace("<beat-type>4</beat-type>", "<beat-type>8</beat-type>")
                .replace("<beats>4</beats>", "<beats>6</beats>"));
        assertEquals(eight + ": the meter 6/8: bebop reads bars of quarter-note beats (2/4, 3/4, 4/4, ...)",
                assertThrows(UserError.class, () -> MusicXmlChords.read(eight)).getMessage());
    }
}
