package bebop.io.midi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bebop.UserError;
import bebop.music.ChordSymbol;
import bebop.music.Note;
import bebop.music.Part;
import bebop.music.Score;
import bebop.music.TimeSignature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MidiReaderTest {
    private static final Path DIR = Path.of("target", "test-out", "midi-reader");

    /** A type 0 file at 96 ticks per quarter, written by hand: two channels in one track. */
    static byte[] typeZero() {
        SmfBytes.Events e = new SmfBytes.Events()
                .text(0, 0x03, "Type zero song")
                .text(0, 0x02, "(c) nobody")          // copyright: not a chord symbol
                .text(0, 0x01, "Created by hand")     // comment: not a chord symbol
                .tempo(0, 600000)                     // 100 bpm
                .timeSignature(0, 3, 2)               // 3/4
                .program(0, 0, 19)
                .program(0, 2, 33)
                .text(0, 0x01, "Gm7")
                .noteOn(0, 0, 55, 70)
                .raw(0, 58, 71)                       // running status: note on 58
                .noteOn(0, 2, 31, 100)
                .noteOn(48, 2, 31, 0)                 // note on velocity 0 = note off, after 48 ticks
                .text(0, 0x01, "C7/E")
                .noteOn(0, 2, 36, 90)
                .noteOff(48, 0, 55)
                .raw(0, 58, 0)                        // running status: note off 58
                .noteOff(0, 2, 36)
                .end(96);                             // trailing silence
        return SmfBytes.concat(SmfBytes.header(0, 1, 96), e.track());
    }

    @Test
    void readsATypeZeroFileSplitByChannelWithExactTicks() {
        MidiFile file = MidiReader.parse(typeZero(), "zero.mid");
        assertEquals(0, file.format());
        assertEquals(96, file.resolution());
        assertEquals(1, file.tracks());
        Score s = file.score();
        assertEquals("Type zero song", s.title());
        assertEquals(96, s.ticksPerQuarter());
        assertEquals(100.0, s.tempoBpm());
        assertEquals(new TimeSignature(3, 4), s.timeSignature());
        assertEquals(192, s.length());
        assertEquals(List.of(
                new Part("Channel 1", 0, 19, List.of(new Note(55, 0, 96, 70), new Note(58, 0, 96, 71))),
                new Part("Channel 3", 2, 33, List.of(new Note(31, 0, 48, 100), new Note(36, 48, 48, 90)))),
                s.parts());
        assertEquals(List.of(new ChordSymbol(0, "Gm7"), new ChordSymbol(48, "C7/E")), s.chordSymbols());
        assertEquals(192 / 96 * 0.6, file.seconds(), 1e-9);
    }

    @Test
    void defaultsWhenTheFileStatesNoTempoNorTimeSignatureNorProgram() {
        byte[] bytes = SmfBytes.concat(SmfBytes.header(1, 1, 480),
                new SmfBytes.Events().noteOn(0, 4, 60, 64).noteOff(480, 4, 60).end(0).track());
        Score s = MidiReader.parse(bytes, "bare.mid").score();
        assertEquals(120.0, s.tempoBpm());
        assertEquals(TimeSignature.FOUR_FOUR, s.timeSignature());
        assertEquals("", s.title());
        assertEquals(List.of(new Part("", 4, 0, List.of(new Note(60, 0, 480, 64)))), s.parts());
        assertEquals(480, s.length());
    }

    @Test
    void pairsNotesFirstOnFirstOffEndsHangingNotesAtTrackEndAndDropsZeroLengthNotes() {
        SmfBytes.Events e = new SmfBytes.Events()
                .text(0, 0x03, "Piano")
                .noteOn(0, 0, 60, 10)      // A: 0..
                .noteOn(100, 0, 60, 20)    // B: 100..
                .noteOff(100, 0, 60)       // ends A at 200 (first on, first off)
                .noteOff(100, 0, 60)       // ends B at 300
                .noteOn(0, 0, 62, 30)      // zero length: on and off at 300
                .noteOff(0, 0, 62)
                .noteOff(0, 0, 64)         // off without on: ignored
                .noteOn(0, 0, 65, 40)      // never switched off: ends at the end of track (500)
                .end(200);
        byte[] bytes = SmfBytes.concat(SmfBytes.header(1, 1, 100), e.track());
        Score s = MidiReader.parse(bytes, "pairs.mid").score();
        assertEquals(List.of(new Note(60, 0, 200, 10), new Note(60, 100, 200, 20), new Note(65, 300, 200, 40)),
                s.parts().get(0).notes());
        assertEquals(500, s.length());
    }

    @Test
    void aTrackWithSeveralChannelsGivesOnePartPerChannelAndProgramsMayComeFromOtherTracks() {
        byte[] conductor = new SmfBytes.Events().text(0, 0x03, "Title").program(0, 1, 50).end(0).track();
        byte[] two = new SmfBytes.Events().text(0, 0x03, "Band").program(0, 0, 7)
                .noteOn(0, 1, 40, 50).noteOn(0, 0, 70, 60).noteOff(10, 1, 40).noteOff(0, 0, 70).end(0).track();
        byte[] unnamed = new SmfBytes.Events().noteOn(0, 3, 40, 50).noteOn(0, 5, 41, 50)
                .noteOff(10, 3, 40).noteOff(0, 5, 41).end(0).track();
        Score s = MidiReader.parse(SmfBytes.concat(SmfBytes.header(1, 3, 10), conductor, two, unnamed), "x.mid").score();
        assertEquals("Title", s.title());
        assertEquals(List.of("Band (channel 1)", "Band (channel 2)", "Channel 4", "Channel 6"),
                s.parts().stream().map(Part::name).toList());
        assertEquals(List.of(7, 50, 0, 0), s.parts().stream().map(Part::program).toList());
    }

    @Test
    void textOnATrackNamedChordsIsTakenWhateverItSays() {
        byte[] conductor = new SmfBytes.Events().text(0, 0x01, "C").end(0).track(); // ignored: there is a Chords track
        byte[] chords = new SmfBytes.Events().text(0, 0x03, "Chords").program(0, 0, 0)
                .text(0, 0x01, "C").text(0, 0x01, " ").text(480, 0x01, "anything at all").end(0).track();
        Score s = MidiReader.parse(SmfBytes.concat(SmfBytes.header(1, 2, 480), conductor, chords), "c.mid").score();
        assertEquals(List.of(new ChordSymbol(0, "C"), new ChordSymbol(480, "anything at all")), s.chordSymbols());
        assertEquals(List.of(new Part("Chords", 0, 0, List.of())), s.parts());
    }

    @Test
    void theFirstTempoAndTimeSignatureCountAndTempoChangesAreFollowedForSeconds() {
        byte[] conductor = new SmfBytes.Events().tempo(0, 500000).timeSignature(0, 2, 2)
                .tempo(960, 1000000).timeSignature(0, 6, 3).end(960).track();
        MidiFile f = MidiReader.parse(SmfBytes.concat(SmfBytes.header(1, 1, 480), conductor), "t.mid");
        assertEquals(120.0, f.score().tempoBpm());
        assertEquals(new TimeSignature(2, 4), f.score().timeSignature());
        assertEquals(2, f.tempoEvents());
        assertEquals(1.0 + 2.0, f.seconds(), 1e-9);
    }

    @Test
    void unknownChunksAreSkipped() {
        byte[] track = new SmfBytes.Events().noteOn(0, 0, 60, 64).noteOff(480, 0, 60).end(0).track();
        byte[] bytes = SmfBytes.concat(SmfBytes.header(1, 1, 480), SmfBytes.chunk("XFIH", new byte[] {1, 2, 3}), track,
                new byte[] {0, 0, 0}); // and padding after the last track
        assertEquals(1, MidiReader.parse(bytes, "x.mid").score().parts().get(0).notes().size());
    }

    @Test
    void badFilesGiveOneClearMessage() {
        byte[] good = SmfBytes.concat(SmfBytes.header(1, 2, 480),
                new SmfBytes.Events().tempo(0, 500000).end(0).track(),
                new SmfBytes.Events().noteOn(0, 0, 60, 64).noteOff(480, 0, 60).end(0).track());
        assertMessage("f.mid: empty file (0 bytes)", new byte[0]);
        assertMessage("f.mid: not a MIDI file (no MThd header)", "hello world".getBytes());
        assertMessage("f.mid: not a MIDI file (no MThd header)", "MT".getBytes());
        // what other files a user may give instead are named
        assertMessage("f.mid: not a MIDI file (no MThd header; it looks like a MusicXML score)",
                "<?xml version=\"1.0\"?>\n<score-partwise version=\"4.0\">".getBytes());
        assertMessage("f.mid: not a MIDI file (no MThd header; it looks like a WAV file)", "RIFF\0\0\0\0WAVEfmt ".getBytes());
        assertMessage("f.mid: not a MIDI file (no MThd header; it looks like a PDF file)", "%PDF-1.5".getBytes());
        assertMessage("f.mid: truncated MIDI file (header ends early)", Arrays.copyOf(good, 10));
        assertMessage("f.mid: truncated MIDI file (header only, no tracks)", Arrays.copyOf(good, 14));
        assertMessage("f.mid: truncated MIDI file (track 1 ends early)", Arrays.copyOf(good, 18));
        assertMessage("f.mid: truncated MIDI file (track 2 ends early)", Arrays.copyOf(good, good.length - 3));
        assertMessage("f.mid: truncated MIDI file (track 2 of 2 missing)", Arrays.copyOf(good, 14 + 8 + 11));
        assertMessage("f.mid: MIDI file has no tracks", SmfBytes.header(1, 0, 480));
        assertMessage("f.mid: MIDI type 2 (independent sequences) is not supported", withHeader(good, 2, 2, 480));
        assertMessage("f.mid: unknown MIDI file type 7 (expected 0 or 1)", withHeader(good, 7, 2, 480));
        assertMessage("f.mid: SMPTE time division is not supported (only ticks per quarter note)",
                withHeader(good, 1, 2, 0xE728));
        assertMessage("f.mid: bad MIDI header (0 ticks per quarter note)", withHeader(good, 1, 2, 0));
        assertMessage("f.mid: bad MIDI header (type 0 with 2 tracks, expected 1)", withHeader(good, 0, 2, 480));
        assertMessage("f.mid: corrupt MIDI file (track 1: data byte without a status byte)",
                SmfBytes.concat(SmfBytes.header(1, 1, 480), SmfBytes.chunk("MTrk", new byte[] {0, 60, 64})));
        assertMessage("f.mid: corrupt MIDI file (expected track 1 (MTrk) at byte 14)",
                SmfBytes.concat(SmfBytes.header(1, 1, 480), new byte[] {0, 1, 2, 3, 0, 0, 0, 0}));
        assertMessage("f.mid: truncated MIDI file (track 1 ends early)", // a meta event longer than its track
                SmfBytes.concat(SmfBytes.header(1, 1, 480), SmfBytes.chunk("MTrk", new byte[] {0, (byte) 0xFF, 1, 100, 'a'})));
        assertMessage("f.mid: unsupported MIDI file (time signature 3/128)", SmfBytes.concat(SmfBytes.header(1, 1, 480),
                new SmfBytes.Events().timeSignature(0, 3, 7).end(0).track()));
        assertMessage("f.mid: unsupported MIDI file (tempo 1500.0 bpm is outside 1..1000)",
                SmfBytes.concat(SmfBytes.header(1, 1, 480), new SmfBytes.Events().tempo(0, 40000).end(0).track()));
    }

    @Test
    void fileSystemProblemsNameTheFile() throws IOException {
        Files.createDirectories(DIR);
        Path missing = DIR.resolve("missing.mid");
        Files.deleteIfExists(missing);
        assertEquals(missing + ": no such file", assertThrows(UserError.class, () -> MidiReader.read(missing)).getMessage());
        assertEquals(DIR + ": is a directory", assertThrows(UserError.class, () -> MidiReader.read(DIR)).getMessage());
        Path ok = DIR.resolve("ok.mid");
        Files.write(ok, typeZero());
        assertEquals("Type zero song", MidiReader.read(ok).title());
    }

    @Test
    void textThatIsNotUtf8IsReadAsLatin1() {
        byte[] bytes = SmfBytes.concat(SmfBytes.header(1, 1, 480),
                new SmfBytes.Events().meta(0, 0x03, new byte[] {'C', 'a', 'f', (byte) 0xE9}).end(0).track());
        assertEquals("Caf\u00E9", MidiReader.parse(bytes, "x.mid").score().title());
    }

    private static byte[] withHeader(byte[] file, int format, int tracks, int division) {
        byte[] copy = file.clone();
        System.arraycopy(SmfBytes.header(format, tracks, division), 0, copy, 0, 14);
        return copy;
    }

    private static void assertMessage(String expected, byte[] bytes) {
        UserError e = assertThrows(UserError.class, () -> MidiReader.parse(bytes, "f.mid"));
        assertEquals(expected, e.getMessage());
    }

    @Test
    void writtenScoresReadBackExactly() {
        Score s = TestScores.blues(9);
        assertEquals(s, MidiReader.parse(MidiWriter.toBytes(s), "b.mid").score());
        assertArrayEquals(MidiWriter.toBytes(s), MidiWriter.toBytes(MidiReader.parse(MidiWriter.toBytes(s), "b.mid").score()));
    }
}
