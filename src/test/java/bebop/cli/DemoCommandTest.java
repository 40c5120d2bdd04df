package bebop.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bebop.io.midi.MidiReader;
import bebop.music.Score;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;

/** End to end: {@code bebop demo} writes music to hear, see and edit, the same bytes every time. */
class DemoCommandTest {
    @Test
    void demoWritesMidiWavPngAndScoresAndTheSameBytesTwice() throws Exception {
        Path dir = CliRun.scratch("demo");
        CliRun run = CliRun.of("demo", "--choruses", "2", "--seed", "5", "--out", dir.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("of the paper's training set"), run.out());
        Score score = MidiReader.read(dir.resolve("demo.mid"));
        assertEquals(24, score.bars());
        AudioFileFormat wav = AudioSystem.getAudioFileFormat(dir.resolve("demo.wav").toFile());
        assertEquals(44_100f, wav.getFormat().getSampleRate());
        assertEquals(2, wav.getFormat().getChannels());
        assertEquals(16, wav.getFormat().getSampleSizeInBits());
        double seconds = wav.getFrameLength() / 44_100.0;
        assertEquals(score.seconds(), seconds, 2.0, "24 bars at 120 bpm, plus the release tail");
        assertTrue(ImageIO.read(dir.resolve("demo.png").toFile()).getHeight() > 100);
        assertTrue(Files.readString(dir.resolve("demo.musicxml")).contains("<score-partwise"));
        assertTrue(Files.readString(dir.resolve("demo.ly")).contains("\\chordmode"));

        Path again = CliRun.scratch("demo-again");
        assertEquals(0, CliRun.of("demo", "--choruses", "2", "--seed", "5", "--out", again.toString()).exitCode());
        for (String ext : new String[] {"mid", "wav", "png", "musicxml", "ly"}) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("demo." + ext)), Files.readAllBytes(again.resolve("demo." + ext)), ext);
        }
    }
}
