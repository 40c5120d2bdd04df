package bebop.io.midi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bebop.music.ChordSymbol;
import bebop.music.Note;
import bebop.music.Part;
import bebop.music.Score;
import bebop.music.TimeSignature;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiFileFormat;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import org.junit.jupiter.api.Test;

class MidiWriterTest {
    private static final Path OUT = Path.of("target", "test-out", "midi");

    @Test
    void javaxSoundMidiReadsTheFileWithTheExpectedTracksResolutionAndTempo() throws Exception {
        Score score = TestScores.blues(1).withTempo(97.5);
        Path file = OUT.resolve("javax-reads-it.mid");
        MidiWriter.write(score, file);

        MidiFileFormat format = MidiSystem.getMidiFileFormat(file.toFile());
        assertEquals(1, format.getType());
        Sequence seq = MidiSystem.getSequence(file.toFile());
        assertEquals(Sequence.PPQ, seq.getDivisionType());
        assertEquals(480, seq.getResolution());
        Track[] tracks = seq.getTracks();
        assertEquals(3, tracks.length, "conductor + Chords + Melody");
        assertEquals("Blues chorus 1", name(tracks[0]));
        assertEquals("Chords", name(tracks[1]));
        assertEquals("Melody", name(tracks[2]));

        MetaMessage tempo = meta(tracks[0], 0x51).get(0);
        byte[] d = tempo.getData();
        int mpq = ((d[0] & 0xFF) << 16) | ((d[1] & 0xFF) << 8) | (d[2] & 0xFF);
        assertEquals(615385, mpq, "60e6 / 97.5 rounded");
        byte[] ts = meta(tracks[0], 0x58).get(0).getData();
        assertArrayEquals(new byte[] {4, 2, 24, 8}, ts);

        // 12 bars of 4/4 at 97.5 bpm
        assertEquals(12 * 4 * 480, seq.getTickLength());
        assertEquals(12 * 4 * 60 / 97.5, seq.getMicrosecondLength() / 1e6, 1e-3);

        // program change at tick 0 on each part's channel; chord symbols on the Chords track
        assertArrayEquals(new int[] {0, 0}, programChange(tracks[1]));
        assertArrayEquals(new int[] {1, 65}, programChange(tracks[2]));
        List<String> texts = meta(tracks[1], 0x01).stream().map(m -> new String(m.getData(), StandardCharsets.UTF_8)).toList();
        assertEquals(score.chordSymbols().stream().map(ChordSymbol::symbol).toList(), texts);
        assertTrue(meta(tracks[0], 0x01).isEmpty(), "no chord symbols on the conductor track when there is a Chords part");
        assertTrue(meta(tracks[2], 0x01).isEmpty());
    }

    @Test
    void chordSymbolsGoOnTheConductorTrackWhenThereIsNoChordsPart() throws Exception {
        Score score = TestScores.small(480, 120, TimeSignature.FOUR_FOUR, "No chords part");
        Sequence seq = sequence(MidiWriter.toBytes(score));
        List<String> texts = meta(seq.getTracks()[0], 0x01).stream()
                .map(m -> new String(m.getData(), StandardCharsets.UTF_8)).toList();
        assertEquals(List.of("Cmaj7", "F#dim7", "B\u266D7(#9)"), texts);
    }

    @Test
    void everyTrackEndsAtTheScoreLengthSoTrailingSilenceSurvives() throws Exception {
        Score score = new Score("Silence", 480, 120, TimeSignature.FOUR_FOUR,
                List.of(new Part("Melody", 1, 0, List.of(new Note(60, 0, 480)))), List.of(), 4 * 1920);
        Sequence seq = sequence(MidiWriter.toBytes(score));
        for (Track t : seq.getTracks()) {
            assertEquals(4 * 1920, t.ticks());
            MidiEvent last = t.get(t.size() - 1);
            assertTrue(last.getMessage() instanceof MetaMessage m && m.getType() == 0x2F);
        }
    }

    @Test
    void notesEndWithNoteOffAndSameTickEventsAreOrderedOffsFirstThenByPitch() throws Exception {
        Score score = new Score("Order", 480, 120, TimeSignature.FOUR_FOUR, List.of(new Part("Melody", 5, 0, List.of(
                new Note(67, 0, 480, 90), new Note(60, 0, 480, 90), new Note(64, 0, 480, 90),
                new Note(72, 480, 480, 90), new Note(60, 480, 480, 90)))), List.of(), 1920);
        Track melody = sequence(MidiWriter.toBytes(score)).getTracks()[1];
        List<String> events = new ArrayList<>();
        for (int i = 0; i < melody.size(); i++) {
            if (melody.get(i).getMessage() instanceof ShortMessage m && m.getCommand() != ShortMessage.PROGRAM_CHANGE) {
                assertEquals(5, m.getChannel());
                String kind = m.getCommand() == ShortMessage.NOTE_OFF ? "off" : m.getData2() == 0 ? "on0" : "on";
                events.add(melody.get(i).getTick() + " " + kind + " " + m.getData1());
            }
        }
        assertEquals(List.of("0 on 60", "0 on 64", "0 on 67",
                "480 off 60", "480 off 64", "480 off 67", "480 on 60", "480 on 72",
                "960 off 60", "960 off 72"), events);
    }

    @Test
    void theSameScoreGivesTheSameBytes() {
        assertArrayEquals(MidiWriter.toBytes(TestScores.blues(3)), MidiWriter.toBytes(TestScores.blues(3)));
    }

    @Test
    void bytesMatchTheGoldenFile() throws IOException {
        byte[] actual = MidiWriter.toBytes(TestScores.blues(1));
        try (InputStream golden = MidiWriterTest.class.getResourceAsStream("/midi/blues-chorus-seed1.mid")) {
            Path dump = OUT.resolve("golden-actual").resolve("blues-chorus-seed1.mid");
            Files.createDirectories(dump.getParent());
            Files.write(dump, actual);
            assertTrue(golden != null, "golden file missing; the writer's output is in " + dump);
            assertArrayEquals(golden.readAllBytes(), actual,
                    "MidiWriter output changed; if on purpose, copy " + dump + " to src/test/resources/midi/");
        }
    }

    @Test
    void ticksThatDoNotMapExactlyTo480AreRefused() {
        Score score = new Score("", 7, 120, TimeSignature.FOUR_FOUR,
                List.of(new Part("Melody", 0, 0, List.of(new Note(60, 1, 6)))), List.of(), 28);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MidiWriter.toBytes(score));
        assertEquals("note start at tick 1 of 7 ticks per quarter does not fall on the 480-ticks-per-quarter grid of a MIDI file",
                e.getMessage());
        // whole quarters of the same grid do map
        Score ok = new Score("", 7, 120, TimeSignature.FOUR_FOUR,
                List.of(new Part("Melody", 0, 0, List.of(new Note(60, 7, 14)))), List.of(), 28);
        assertEquals(480, MidiReader.parse(MidiWriter.toBytes(ok), "ok.mid").score().parts().get(0).notes().get(0).start());
    }

    @Test
    void aTempoTooSlowForMidiIsRefused() {
        Score score = new Score("", 480, 3.5, TimeSignature.FOUR_FOUR, List.of(), List.of(), 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MidiWriter.toBytes(score));
        assertTrue(e.getMessage().contains("3.5 bpm"), e.getMessage());
    }

    @Test
    void tempoConversionRoundTripsToTheShortestDecimal() {
        assertEquals(500000, MidiWriter.microsecondsPerQuarter(120));
        assertEquals(120.0, MidiWriter.bpmOf(500000));
        assertEquals(97.5, MidiWriter.bpmOf(MidiWriter.microsecondsPerQuarter(97.5)));
        assertEquals(63.7, MidiWriter.bpmOf(MidiWriter.microsecondsPerQuarter(63.7)));
        assertEquals(200.25, MidiWriter.bpmOf(MidiWriter.microsecondsPerQuarter(200.25)));
        for (int mpq = 60000; mpq < 0xFFFFFF; mpq += 9973) {
            assertEquals(mpq, MidiWriter.microsecondsPerQuarter(MidiWriter.bpmOf(mpq)));
        }
    }

    @Test
    void writeReplacesAnOldFileAndLeavesNoTemporaryFiles() throws IOException {
        Path dir = OUT.resolve("atomic");
        Files.createDirectories(dir);
        Path file = dir.resolve("song.mid");
        Files.write(file, new byte[] {1, 2, 3});
        MidiWriter.write(TestScores.blues(4), file);
        assertArrayEquals(MidiWriter.toBytes(TestScores.blues(4)), Files.readAllBytes(file));
        try (var list = Files.list(dir)) {
            assertFalse(list.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }

    static Sequence sequence(byte[] bytes) throws Exception {
        return MidiSystem.getSequence(new ByteArrayInputStream(bytes));
    }

    static String name(Track t) {
        List<MetaMessage> names = meta(t, 0x03);
        return names.isEmpty() ? null : new String(names.get(0).getData(), StandardCharsets.UTF_8);
    }

    static List<MetaMessage> meta(Track t, int type) {
        List<MetaMessage> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            if (t.get(i).getMessage() instanceof MetaMessage m && m.getType() == type) {
                out.add(m);
            }
        }
        return out;
    }

    /** {channel, program} of the first program change, which must be at tick 0. */
    static int[] programChange(Track t) {
        for (int i = 0; i < t.size(); i++) {
            if (t.get(i).getMessage() instanceof ShortMessage m && m.getCommand() == ShortMessage.PROGRAM_CHANGE) {
                assertEquals(0, t.get(i).getTick());
                return new int[] {m.getChannel(), m.getData1()};
            }
        }
        return null;
    }
}
