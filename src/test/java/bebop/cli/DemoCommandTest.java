package bebop.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bebop.io.midi.MidiReader;
import bebop.io.model.ModelFile;
import bebop.music.Part;
import bebop.music.Score;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;

/** End to end: {@code bebop demo} lets the bundled model improvise, the same bytes every time. */
class DemoCommandTest {
    @Test
    void theBundledModelIsAnExperiment2ModelOfAtMostTwoMegabytes() throws Exception {
        try (InputStream in = DemoCommand.class.getResourceAsStream(bebop.app.Models.BUNDLED)) {
            byte[] bytes = in.readAllBytes();
            assertTrue(bytes.length <= 2 << 20, bytes.length + " bytes");
            var model = ModelFile.fromBytes(bytes, "bundled");
            assertEquals("melody", model.extra().get("experiment").asText());
            assertEquals("BPTT_ADAM", model.extra().get("settings").get("trainer").asText());
            assertTrue(model.extra().get("training").get("chord_test_passed").asBoolean(), "it learned the form");
            assertEquals(1.0, model.metrics().get("chord_accuracy").asDouble(), "its chords keep the form");
        }
    }

    @Test
    void demoWritesMidiWavPngAndScoresAndTheSameBytesTwice() throws Exception {
        Path dir = CliRun.scratch("demo");
        CliRun run = CliRun.of("demo", "--choruses", "2", "--seed", "5", "--out", dir.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("by the bundled model (melody"), run.out());
        assertTrue(run.out().contains("Listen: play " + dir.resolve("demo") + ".wav"), run.out());
        Score score = MidiReader.read(dir.resolve("demo.mid"));
        assertEquals(24, score.bars());
        assertTrue(!score.part(Part.MELODY).orElseThrow().notes().isEmpty());
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

    @Test
    void theDefaultDemoIs144BarsOfFourFourThatMidoReadsAndAWavOfTheSameLength() throws Exception {
        Path dir = CliRun.scratch("demo-default");
        CliRun run = CliRun.of("demo", "--out", dir.toString());
        assertEquals(0, run.exitCode(), run.err());
        double seconds = AudioSystem.getAudioFileFormat(dir.resolve("demo.wav").toFile()).getFrameLength() / 44_100.0;
        assertEquals(144 * 2.0, seconds, 2.0, "144 bars at 120 bpm (2 s a bar), within one bar");
        org.junit.jupiter.api.Assumptions.assumeTrue(CliRun.midoOrCi(),
                "python3-mido is not installed (Debian: apt-get install python3-mido); .ci/run installs it");
        CliRun mido = CliRun.python("src/test/python/check_midi_bars.py", dir.resolve("demo.mid").toString());
        assertEquals(0, mido.exitCode(), mido.out());
        assertTrue(mido.out().startsWith("type 1, ticks_per_beat 480, time_signature 4/4, bars 144, tempo_bpm 120,"),
                mido.out());
    }

    @Test
    void composeAndEvalUseTheBundledModelWithoutModel() throws Exception {
        Path dir = CliRun.scratch("bundled");
        CliRun compose = CliRun.of("compose", "--choruses", "1", "--out", dir.resolve("one").toString());
        assertEquals(0, compose.exitCode(), compose.err());
        assertTrue(compose.out().contains("by the bundled model"), compose.out());
        CliRun eval = CliRun.of("eval", "--choruses", "2", "--json");
        assertEquals(0, eval.exitCode(), eval.err());
        assertTrue(eval.out().contains("\"model\":\"bundled\""), eval.out());
    }
}
