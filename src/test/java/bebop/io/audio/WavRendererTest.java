package bebop.io.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bebop.UserError;
import bebop.music.Part;
import bebop.music.Score;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;

class WavRendererTest {
    static final Path DIR = Path.of("target", "test-out", "audio");

    /** Interleaved 16-bit samples of a WAV file. */
    static short[] pcm(Path wav) throws Exception {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(wav));
             AudioInputStream in = AudioSystem.getAudioInputStream(raw)) {
            byte[] b = in.readAllBytes();
            short[] s = new short[b.length / 2];
            for (int i = 0; i < s.length; i++) {
                s[i] = (short) ((b[2 * i] & 0xFF) | (b[2 * i + 1] << 8));
            }
            return s;
        }
    }

    static double rms(short[] s, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) s[i] * s[i];
        }
        return Math.sqrt(sum / Math.max(1, to - from)) / 32768.0;
    }

    @Test
    void rendersA44kStereo16BitWavOfTheScoreLengthPlusTheTail() throws Exception {
        Files.createDirectories(DIR);
        Score score = TestScores.blues(1, 240); // 12 bars at 240 bpm: 12 s
        Path wav = DIR.resolve("chorus.wav");
        WavRenderer.Result r = WavRenderer.write(score, wav);

        assertEquals(12.0 + 1.5, r.seconds(), 1e-9);
        assertEquals(Math.round(13.5 * 44100), r.frames());
        assertEquals(Files.size(wav), r.bytes());
        assertEquals(44 + r.frames() * 4, r.bytes(), "a plain 44-byte WAV header and 4 bytes a frame");
        assertTrue(!r.soundfont().isBlank());

        AudioFileFormat aff = AudioSystem.getAudioFileFormat(wav.toFile());
        assertEquals(AudioFileFormat.Type.WAVE, aff.getType());
        AudioFormat f = aff.getFormat();
        assertEquals(AudioFormat.Encoding.PCM_SIGNED, f.getEncoding());
        assertEquals(44100f, f.getSampleRate());
        assertEquals(2, f.getChannels());
        assertEquals(16, f.getSampleSizeInBits());
        assertEquals(r.frames(), aff.getFrameLength());

        short[] s = pcm(wav);
        assertEquals(r.frames() * 2, s.length);
        int perSecond = 2 * 44100;
        for (int second = 0; second < 12; second++) {
            double level = rms(s, second * perSecond, (second + 1) * perSecond);
            assertTrue(level > 0.01, "second " + second + " is nearly silent: RMS " + level);
        }
        try (Stream<Path> files = Files.list(DIR)) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    /** The first system SoundFont, or the JDK's bank: loaded once for the tests that render. */
    static final SoundFonts.Loaded FONT = SoundFonts.resolve(Optional.empty());

    @Test
    void theSameScoreGivesTheSameBytes() throws Exception {
        Files.createDirectories(DIR);
        Score score = TestScores.blues(1, 480); // 6 s
        Path a = DIR.resolve("same-a.wav");
        Path b = DIR.resolve("same-b.wav");
        WavRenderer.write(score, a, FONT, 0.5);
        WavRenderer.write(score, b, FONT, 0.5);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    /** The first frame of a WAV file with a non-zero sample. */
    static int firstSound(short[] s) {
        for (int i = 0; i < s.length; i++) {
            if (s[i] != 0) {
                return i / 2;
            }
        }
        return -1;
    }

    @Test
    void aNoteStartsAtTheSampleOfItsTick() throws Exception {
        Files.createDirectories(DIR);
        // a square wave loud from its first sample, the same on every machine
        SoundFonts.Loaded square = SoundFonts.load(TestSoundFont.write(DIR.resolve("square.sf2"), Part.MELODY_PROGRAM));
        // 120 bpm, 480 ticks a quarter: tick 1000 is 1000/960 s = sample 45937.5 -> 45938
        Score score = TestScores.oneNote(67, 1000, 480, 1920, 120);
        long onset = WavRenderer.sampleOf(score, 1000);
        assertEquals(45938, onset);
        Path wav = DIR.resolve("one-note.wav");
        WavRenderer.Result r = WavRenderer.write(score, wav, square, 0.5);
        assertEquals(WavRenderer.sampleOf(score, 1920) + 22050, r.frames());
        short[] s = pcm(wav);
        int first = firstSound(s);
        assertTrue(first >= onset, "sound before the note: frame " + first + " < " + onset);
        // the SoundFont's default 1 ms attack rises from silence: 16-bit samples are 0 for a frame or two
        assertTrue(first <= onset + 3, "the note starts at frame " + first + ", late after " + onset);
        assertTrue(rms(s, (int) onset * 2, (int) (onset + 11025) * 2) > 0.01, "the note sounds");

        // one tick later (46 samples) at any phase of Gervill's 300-frame blocks: exactly as much later
        for (long tick = 1001; tick <= 1007; tick++) {
            Score later = TestScores.oneNote(67, tick, 480, 1920, 120);
            WavRenderer.write(later, wav, square, 0.1);
            assertEquals(first + WavRenderer.sampleOf(later, tick) - onset, firstSound(pcm(wav)), "tick " + tick);
        }
    }

    @Test
    void timeStampsAreDistinctIncreasingAndRoundBackToTheirSample() {
        Score score = TestScores.blues(2, 137.3);
        List<WavRenderer.TimedMessage> events = WavRenderer.events(score);
        long notes = score.parts().stream().mapToLong(p -> p.notes().size()).sum();
        assertEquals(score.parts().size() + 2 * notes, events.size());
        long last = -1;
        long lastSample = -1;
        for (WavRenderer.TimedMessage m : events) {
            assertTrue(m.micros() > last, "time stamps increase");
            assertTrue(m.sample() >= lastSample, "samples do not go back");
            // Gervill: delay in samples = round(micros * 44100 / 1e6) relative to its block start
            double at = m.micros() * 44100.0 / 1e6;
            assertTrue(at >= m.sample() && at < m.sample() + 0.5, m + " lands at sample " + at);
            last = m.micros();
            lastSample = m.sample();
        }
        for (int i = 0; i < score.parts().size(); i++) {
            assertEquals(javax.sound.midi.ShortMessage.PROGRAM_CHANGE, events.get(i).message().getCommand());
        }
    }

    @Test
    void atOneSampleNoteOffsGoBeforeNoteOns() {
        Score score = TestScores.blues(1, 120);
        List<WavRenderer.TimedMessage> events = WavRenderer.events(score);
        for (int i = 1; i < events.size(); i++) {
            var a = events.get(i - 1);
            var b = events.get(i);
            if (a.sample() == b.sample()) {
                assertTrue(!(a.message().getCommand() == javax.sound.midi.ShortMessage.NOTE_ON
                        && b.message().getCommand() == javax.sound.midi.ShortMessage.NOTE_OFF), "off after on at " + a);
            }
        }
    }

    @Test
    void aMissingSoundFontIsOneUserErrorNamingIt() throws Exception {
        Files.createDirectories(DIR);
        Path missing = DIR.resolve("no-such-font.sf2");
        UserError e = assertThrows(UserError.class, () -> WavRenderer.write(TestScores.blues(1, 120),
                DIR.resolve("never.wav"), WavRenderer.Options.defaults().withSoundfont(missing)));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("no such"), e.getMessage());
        assertTrue(!Files.exists(DIR.resolve("never.wav")));
    }

    @Test
    void aFileThatIsNoSoundFontIsOneUserErrorAndTheOldWavStays() throws Exception {
        Files.createDirectories(DIR);
        Path notSf2 = DIR.resolve("notes.sf2");
        Files.writeString(notSf2, "RIFF? no, just some text pretending to be a SoundFont\n");
        Path wav = DIR.resolve("kept.wav");
        Files.writeString(wav, "old");
        UserError e = assertThrows(UserError.class, () -> WavRenderer.write(TestScores.blues(1, 120), wav,
                WavRenderer.Options.defaults().withSoundfont(notSf2)));
        assertTrue(e.getMessage().contains(notSf2.toString()), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line");
        assertEquals("old", Files.readString(wav));

        Path truncated = DIR.resolve("truncated.sf2");
        byte[] head = new byte[64];
        System.arraycopy("RIFF".getBytes(), 0, head, 0, 4);
        head[4] = (byte) 0xFF;
        head[5] = (byte) 0xFF;
        System.arraycopy("sfbkLIST".getBytes(), 0, head, 8, 8);
        Files.write(truncated, head);
        UserError t = assertThrows(UserError.class, () -> SoundFonts.load(truncated));
        assertTrue(t.getMessage().startsWith(truncated.toString()), t.getMessage());

        UserError dir = assertThrows(UserError.class, () -> SoundFonts.load(DIR));
        assertTrue(dir.getMessage().contains(DIR.toString()), dir.getMessage());
    }

    @Test
    void anExplicitSoundFontIsUsedAndNamed() throws Exception {
        List<Path> system = SoundFonts.findSystem(SoundFonts.SYSTEM_DIRS);
        org.junit.jupiter.api.Assumptions.assumeFalse(system.isEmpty(), "no system SoundFont installed");
        Path sf2 = system.get(system.size() - 1);
        SoundFonts.Loaded loaded = SoundFonts.resolve(Optional.of(sf2));
        assertTrue(loaded.description().startsWith(sf2.toString()), loaded.description());
        assertEquals(Optional.of(sf2), loaded.file());
    }

    @Test
    void systemSoundFontsArePreferredByNameThenAlphabetical() throws Exception {
        Path dir = DIR.resolve("fonts");
        Files.createDirectories(dir);
        for (String name : List.of("zeta.sf2", "TimGM6mb.sf2", "alpha.SF2", "default-GM.sf2", "readme.txt")) {
            Files.writeString(dir.resolve(name), "x");
        }
        List<Path> found = SoundFonts.findSystem(List.of(DIR.resolve("no-such-dir"), dir));
        assertEquals(List.of(dir.resolve("default-GM.sf2"), dir.resolve("TimGM6mb.sf2"), dir.resolve("alpha.SF2"),
                dir.resolve("zeta.sf2")), found);
        // none of them is a real SoundFont: resolve skips them and falls back to the JDK's bank
        SoundFonts.Loaded fallback = SoundFonts.resolve(Optional.empty(), List.of(dir));
        assertTrue(fallback.description().startsWith("JDK built-in"), fallback.description());
        assertTrue(fallback.file().isEmpty());
    }

    @Test
    void theTailMustBeSensible() {
        assertThrows(IllegalArgumentException.class, () -> WavRenderer.Options.defaults().withTail(-1));
        assertThrows(IllegalArgumentException.class, () -> WavRenderer.Options.defaults().withTail(Double.NaN));
        assertEquals(46, WavRenderer.frames(TestScores.oneNote(60, 0, 1, 1, 120), 0),
                "one tick at 120 bpm, 480 ticks a quarter, is 1/960 s");
    }
}
