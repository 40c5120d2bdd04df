package bebop.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bebop.data.BluesDataset;
import bebop.encoding.LocalEncoding;
import bebop.io.midi.MidiWriter;
import bebop.io.score.MusicXmlSchema;
import bebop.music.BluesForm;
import bebop.music.Note;
import bebop.music.Part;
import bebop.music.Score;
import bebop.music.TimeSignature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code bebop render}, end to end through {@link Main#run}. */
class RenderCommandTest {
    private static Path bluesMidi(Path dir) {
        BluesDataset data = BluesDataset.generate(BluesForm.paper());
        List<double[]> frames = new ArrayList<>(List.of(data.frames(data.choruses().get(7))));
        frames.addAll(List.of(data.frames(data.choruses().get(8))));
        Path mid = dir.resolve("two.mid");
        MidiWriter.write(LocalEncoding.decode(frames.toArray(new double[0][]), 120, "Two choruses"), mid);
        return mid;
    }

    @Test
    void writesMusicXmlAndLilyPondBesideTheInput() throws Exception {
        Path dir = CliRun.scratch("render-both");
        Path mid = bluesMidi(dir);
        CliRun r = CliRun.of("render", mid.toString(), "--to", "musicxml,ly", "--chord-staff");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("wrote " + dir.resolve("two.musicxml") + "\nwrote " + dir.resolve("two.ly") + "\n",
                r.out().replace(System.lineSeparator(), "\n"));
        String xml = Files.readString(dir.resolve("two.musicxml"), StandardCharsets.UTF_8);
        MusicXmlSchema.validate(xml);
        assertTrue(xml.contains("<work-title>Two choruses</work-title>"));
        assertTrue(xml.contains("<part-name>Chords</part-name>"), "--chord-staff");
        assertTrue(xml.contains("<kind text=\"m7\">minor-seventh</kind>"), "chord symbols from the file's text events");
        String ly = Files.readString(dir.resolve("two.ly"), StandardCharsets.UTF_8);
        assertTrue(ly.contains("  g2:m7 c2 |  % 16\n"), ly);
        assertTrue(ly.contains("\\chordStaff"));
    }

    @Test
    void writesAPianoScoreOfEveryPartWithPiano() throws Exception {
        Path dir = CliRun.scratch("render-piano");
        // a chorale's four voices: the alto holds over the soprano's two notes, the bass over the bar line
        Score s = new Score("Chorale", 480, 80, TimeSignature.FOUR_FOUR, List.of(
                new Part("Soprano", 0, 0, List.of(new Note(72, 0, 480), new Note(74, 480, 480))),
                new Part("Alto", 1, 0, List.of(new Note(67, 0, 960))),
                new Part("Tenor", 2, 0, List.of(new Note(60, 0, 480), new Note(59, 480, 480))),
                new Part("Bass", 3, 0, List.of(new Note(48, 0, 2400)))), List.of(), 3840);
        Path mid = dir.resolve("chorale.mid");
        MidiWriter.write(s, mid);
        CliRun r = CliRun.of("render", mid.toString(), "--to", "musicxml,ly", "--piano");
        assertEquals(0, r.exitCode(), r.err());
        assertFalse(r.out().contains("chord symbols recognised"), "a piano score has none to tell of: " + r.out());
        String xml = Files.readString(dir.resolve("chorale.musicxml"), StandardCharsets.UTF_8);
        MusicXmlSchema.validate(xml);
        assertTrue(xml.contains("<part-name>Right hand</part-name>") && xml.contains("<part-name>Left hand</part-name>"), xml);
        assertFalse(xml.contains("<harmony"), "a piano score has no chord symbols");
        assertEquals(bebop.io.score.Notation.piano(bebop.io.midi.MidiReader.read(mid)).staves().stream()
                        .flatMap(st -> st.writtenNotes().stream()).count(), 6, "every note of every voice, once");
        String ly = Files.readString(dir.resolve("chorale.ly"), StandardCharsets.UTF_8);
        assertTrue(ly.contains("<c' g'~ c''>4 <g' d''>4 r2"), "the alto tied under the soprano (middle C in the right hand): " + ly);
        assertTrue(ly.contains("c4~ <c~ b>4 c2~"), "the bass held under the tenor's B: " + ly);
    }

    @Test
    void namesChordsFromNotesAndPicksTheHighestPartAsMelody() throws Exception {
        Path dir = CliRun.scratch("render-named");
        Score s = new Score("", 480, 100, TimeSignature.FOUR_FOUR, List.of(
                new Part(Part.CHORDS, 0, 0, List.of(new Note(48, 0, 1920), new Note(51, 0, 1920), new Note(55, 0, 1920),
                        new Note(58, 0, 1920))),
                new Part("Bass", 2, 32, List.of(new Note(36, 0, 1920))),
                new Part("Lead", 1, 65, List.of(new Note(72, 240, 720), new Note(75, 960, 960)))), List.of(), 1920);
        Path mid = dir.resolve("tune.mid");
        MidiWriter.write(s, mid);
        CliRun r = CliRun.of("render", mid.toString(), "--to", "musicxml", "--out", dir.resolve("sheet").toString());
        assertEquals(0, r.exitCode(), r.err());
        Files.delete(mid);
        MidiWriter.write(new Score("", 480, 100, TimeSignature.FOUR_FOUR, s.parts().subList(1, 3), List.of(), 1920), mid);
        CliRun noChords = CliRun.of("render", mid.toString(), "--to", "ly", "--chord-staff");
        assertEquals(0, noChords.exitCode(), noChords.err());
        assertTrue(noChords.out().startsWith("note: " + mid + " has no part named Chords: no chord staff"), noChords.out());
        String xml = Files.readString(dir.resolve("sheet.musicxml"), StandardCharsets.UTF_8);
        MusicXmlSchema.validate(xml);
        assertTrue(xml.contains("<kind text=\"m7\">minor-seventh</kind>"), "Cm7 named from the notes");
        assertTrue(xml.contains("<part-name>Lead</part-name>"));
        assertFalse(xml.contains("<part-name>Chords</part-name>"), "no chord staff unless asked for");
        assertTrue(xml.contains("<work-title>sheet</work-title>"), "an untitled file is titled after its name");
    }

    @Test
    void pdfWithLilyPondOrAClearMessageWithout() throws Exception {
        Path dir = CliRun.scratch("render-pdf");
        Path mid = bluesMidi(dir);
        CliRun r = CliRun.of("render", mid.toString(), "--to", "pdf", "--out", dir.resolve("out/two").toString());
        boolean installed = bebop.io.score.LilyPond.onPath().program().find().isPresent();
        if (installed) {
            assertEquals(0, r.exitCode(), r.err());
            byte[] pdf = Files.readAllBytes(dir.resolve("out/two.pdf"));
            assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
            try (var files = Files.list(dir.resolve("out"))) {
                assertEquals(List.of("two.pdf"), files.map(p -> p.getFileName().toString()).toList(), "no temporary files left");
            }
        } else {
            assertEquals(Main.USER_ERROR, r.exitCode());
            assertTrue(r.err().contains("lilypond is not installed") && r.err().contains("apt-get install lilypond"), r.err());
        }
    }

    @Test
    void userErrorsAreOneLine() throws Exception {
        Path dir = CliRun.scratch("render-errors");
        CliRun missing = CliRun.of("render", dir.resolve("nope.mid").toString(), "--to", "ly");
        assertEquals(Main.USER_ERROR, missing.exitCode());
        assertEquals("bebop: " + dir.resolve("nope.mid") + ": no such file", missing.err().strip());
        CliRun bad = CliRun.of("render", "x.mid", "--to", "docx");
        assertEquals(Main.USER_ERROR, bad.exitCode());
        assertTrue(bad.err().contains("musicxml, ly, pdf"), bad.err());
        CliRun none = CliRun.of("render", "x.mid");
        assertEquals(Main.USER_ERROR, none.exitCode());
        assertTrue(none.err().contains("--to"), none.err());
        Files.writeString(dir.resolve("text.mid"), "not a MIDI file");
        CliRun corrupt = CliRun.of("render", dir.resolve("text.mid").toString(), "--to", "musicxml");
        assertEquals(Main.USER_ERROR, corrupt.exitCode());
        assertFalse(Files.exists(dir.resolve("text.musicxml")));
    }

    @Test
    void audioAndPianoRollFromAnyMidiFileAndNeverOverTheInput() throws Exception {
        Path dir = CliRun.scratch("render-wav-png");
        Path mid = bluesMidi(dir);
        CliRun r = CliRun.of("render", mid.toString(), "--to", "wav,png", "--out", dir.resolve("heard").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("wrote " + dir.resolve("heard.wav") + " ("), r.out());
        assertTrue(r.out().contains("SoundFont: "), r.out());
        assertEquals(2, javax.sound.sampled.AudioSystem.getAudioFileFormat(dir.resolve("heard.wav").toFile())
                .getFormat().getChannels());
        assertTrue(javax.imageio.ImageIO.read(dir.resolve("heard.png").toFile()).getWidth() > 100);
        byte[] before = java.nio.file.Files.readAllBytes(mid);
        CliRun over = CliRun.of("render", mid.toString(), "--to", "mid");
        assertEquals(2, over.exitCode());
        assertEquals("bebop: --to mid would overwrite " + mid + "; give another --out\n", over.err());
        assertArrayEquals(before, java.nio.file.Files.readAllBytes(mid));
        // a flag for a format not asked for is said, not ignored
        CliRun font = CliRun.of("render", mid.toString(), "--to", "png", "--soundfont", mid.toString());
        assertEquals(2, font.exitCode());
        assertEquals("bebop: --soundfont goes with --to wav: it is the sound of the audio file\n", font.err());
        CliRun staff = CliRun.of("render", mid.toString(), "--to", "wav,png", "--chord-staff");
        assertEquals(2, staff.exitCode());
        assertEquals("bebop: --chord-staff goes with --to musicxml, ly or pdf: it lays out the score\n", staff.err());
        CliRun piano = CliRun.of("render", mid.toString(), "--to", "wav", "--piano");
        assertEquals("bebop: --piano goes with --to musicxml, ly or pdf: it lays out the score\n", piano.err());
        CliRun both = CliRun.of("render", mid.toString(), "--to", "musicxml", "--piano", "--chord-staff");
        assertEquals("bebop: --chord-staff and --piano are two layouts: give one\n", both.err());
        // --out naming the input with its extension is the same file
        CliRun overByName = CliRun.of("render", mid.toString(), "--to", "png,mid", "--out", mid.toString());
        assertEquals(2, overByName.exitCode());
        assertEquals("bebop: --to mid would overwrite " + mid + "; give another --out\n", overByName.err());
        assertArrayEquals(before, java.nio.file.Files.readAllBytes(mid));
    }

    /**
     * A MIDI file with no chord symbols and no Chords part (a jazz trio playing a blues lead sheet) gets
     * symbols recognised from its notes: the lead sheet read back from the MusicXML has the written root
     * and quality in at least 9 of 10 bars.
     */
    @Test
    void writesRecognisedChordSymbolsOverAMidiFileThatHasNone() throws Exception {
        Path dir = CliRun.scratch("render-recognised");
        bebop.music.Progression sheet = bebop.music.Progression.parse(
                bebop.io.corpus.LeadSheetMidi.TUNES.get("bird-blues"));
        Path mid = dir.resolve("trio.mid");
        MidiWriter.write(bebop.io.corpus.LeadSheetMidi.play(sheet, 2, 3), mid);
        CliRun r = CliRun.of("render", mid.toString(), "--to", "musicxml");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("chord symbols recognised from the notes (the file has none): "), r.out());
        String xml = Files.readString(dir.resolve("trio.musicxml"), StandardCharsets.UTF_8);
        MusicXmlSchema.validate(xml);
        bebop.music.Progression read = bebop.music.Progression.parse(bebop.io.score.MusicXmlChords.read(dir.resolve("trio.musicxml")));
        assertEquals(24, read.bars().size(), read.toString());
        int right = 0;
        for (int bar = 0; bar < 24; bar++) {
            bebop.music.ChordName written = sheet.bars().get(bar % 12).changes().get(0).name();
            bebop.music.ChordName found = read.bars().get(bar).changes().get(0).name();
            right += !found.isNoChord() && found.root().pitchClass() == written.root().pitchClass()
                    && found.quality() == written.quality() ? 1 : 0;
        }
        assertTrue(right >= 22, right + " of 24 bars right: " + read);
    }
}
