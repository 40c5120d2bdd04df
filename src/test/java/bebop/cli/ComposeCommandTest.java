package bebop.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bebop.io.midi.MidiReader;
import bebop.io.model.Model;
import bebop.io.model.ModelFile;
import bebop.music.Part;
import bebop.music.Score;
import bebop.music.TimeSignature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** End to end: a short {@code train --experiment melody}, then {@code compose} and {@code eval} with it. */
class ComposeCommandTest {
    private static Path dir;
    private static Path model;
    private static CliRun train;

    @BeforeAll
    static void trainAShortMelodyRun() throws IOException {
        dir = CliRun.scratch("compose");
        model = dir.resolve("melody.bebop");
        train = CliRun.of("train", "--experiment", "melody", "--seed", "2", "--max-epochs", "3",
                "--epoch-choruses", "4", "--quiet", "--out", model.toString());
    }

    @Test
    void trainWritesAMelodyModelWithItsSplitAndMetrics() throws IOException {
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.out().contains("Experiment 2 (chords and melody), seed 2"), train.out());
        assertTrue(train.out().contains("BPTT + Adam (bebop's default), learning rate 0.01"), train.out());
        assertTrue(train.out().contains("wrote " + model + " and " + dir.resolve("melody.curve.png")), train.out());
        Model m = ModelFile.read(model);
        assertEquals("melody", m.extra().get("experiment").asText());
        assertEquals(410, m.extra().get("training").get("held_out").size());
        assertEquals(3, m.extra().get("training").get("epochs").asLong());
        assertEquals(25, m.config().get("inputs").asInt());
        for (String metric : new String[] {"chord_accuracy", "in_scale", "novel_bars", "unique_choruses", "pitch_class_kl", "nll"}) {
            assertTrue(m.metrics().get(metric).isNumber(), metric);
        }
    }

    @Test
    void paperTrainsExperiment2WithTheOnlineLearner() throws IOException {
        Path paperModel = dir.resolve("paper.bebop");
        CliRun run = CliRun.of("train", "--experiment", "melody", "--paper", "--seed", "2", "--max-epochs", "1",
                "--epoch-choruses", "1", "--quiet", "--out", paperModel.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("online truncated RTRL (the paper's algorithm), learning rate 1.0E-5"), run.out());
        Model m = ModelFile.read(paperModel);
        assertEquals("ONLINE_RTRL", m.extra().get("settings").get("trainer").asText());
        assertTrue(m.extra().get("settings").get("peepholes").asBoolean());
    }

    @Test
    void composeWritesTwelveChorusesAsMidiWavPngAndScoresTheSameBytesForTheSameSeed() throws Exception {
        Path a = dir.resolve("a/song");
        CliRun run = CliRun.of("compose", "--model", model.toString(), "--choruses", "12", "--seed", "7", "--out", a.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("12 choruses (144 bars"), run.out());
        for (String ext : new String[] {"mid", "wav", "png", "musicxml", "ly"}) {
            assertTrue(run.out().contains("wrote " + a + "." + ext), run.out());
        }
        Score score = MidiReader.read(Path.of(a + ".mid"));
        assertEquals(144, score.bars());
        assertEquals(TimeSignature.FOUR_FOUR, score.timeSignature());
        assertTrue(score.part(Part.MELODY).isPresent() && !score.part(Part.MELODY).get().notes().isEmpty());
        AudioFileFormat wav = AudioSystem.getAudioFileFormat(Path.of(a + ".wav").toFile());
        double seconds = wav.getFrameLength() / (double) wav.getFormat().getFrameRate();
        assertEquals(144 * 2.0, seconds, 2.0, "144 bars at 120 bpm, within one bar");
        assertTrue(ImageIO.read(Path.of(a + ".png").toFile()).getHeight() > 100);

        // the same again, named with one of the files' extensions: it names the set, not song.mid.mid
        Path b = dir.resolve("b/song");
        assertEquals(0, CliRun.of("compose", "--model", model.toString(), "--choruses", "12", "--seed", "7",
                "--out", b + ".MID").exitCode());
        for (String ext : new String[] {"mid", "wav", "png", "musicxml", "ly"}) {
            assertArrayEquals(Files.readAllBytes(Path.of(a + "." + ext)), Files.readAllBytes(Path.of(b + "." + ext)), ext);
        }
        try (var files = Files.list(b.getParent())) {
            assertEquals(5, files.count(), "only song.mid, .wav, .png, .musicxml, .ly");
        }
    }

    @Test
    void aMidiPrimerOpensThePiece() throws Exception {
        Path primer = dir.resolve("primer/p");
        assertEquals(0, CliRun.of("compose", "--model", model.toString(), "--choruses", "2", "--seed", "1",
                "--out", primer.toString()).exitCode());
        Path song = dir.resolve("primed/song");
        CliRun run = CliRun.of("compose", "--model", model.toString(), "--choruses", "3", "--primer", primer + ".mid",
                "--out", song.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("primed with " + primer + ".mid (192 steps)"), run.out());
        assertEquals(36, MidiReader.read(Path.of(song + ".mid")).bars());
    }

    private static final String BLUES = "C7 C7 C7 C7 F7 F7 C7 C7 G7 F7 C7 G7";

    /** The chord units (MIDI 48..59 sounding) of every eighth-note step of a written MIDI file. */
    private static void assertChordsFollow(Path mid, bebop.music.Progression progression, int steps) {
        double[][] frames = bebop.encoding.LocalEncoding.encode(MidiReader.read(mid));
        assertEquals(steps, frames.length);
        for (int t = 0; t < steps; t++) {
            java.util.List<Integer> sounding = new java.util.ArrayList<>();
            for (int u = 0; u < 12; u++) {
                if (frames[t][u] > 0.5) {
                    sounding.add(48 + u);
                }
            }
            assertEquals(progression.chordAtStep(t).notes(), sounding, "step " + t);
        }
    }

    @Test
    void chordsGiveTheProgressionTheBundledModelImprovisesOverTheSameBytesForTheSameSeed() throws Exception {
        Path a = dir.resolve("chords-a/song");
        CliRun run = CliRun.of("compose", "--chords", BLUES, "--choruses", "2", "--seed", "4", "--out", a.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("2 choruses (24 bars"), run.out());
        assertTrue(run.out().contains("over your chords | C7 | C7 | C7 | C7 | F7 | F7 | C7 | C7 | G7 | F7 | C7 | G7 |"), run.out());
        Path mid = Path.of(a + ".mid");
        assertChordsFollow(mid, bebop.music.Progression.parse(BLUES), 2 * 96);
        Score score = MidiReader.read(mid);
        assertTrue(score.part(Part.MELODY).isPresent() && score.part(Part.MELODY).get().notes().size() > 10);

        Path b = dir.resolve("chords-b/song");
        assertEquals(0, CliRun.of("compose", "--chords", BLUES, "--choruses", "2", "--seed", "4", "--out", b.toString())
                .exitCode());
        for (String ext : new String[] {"mid", "musicxml", "ly"}) {
            assertArrayEquals(Files.readAllBytes(Path.of(a + "." + ext)), Files.readAllBytes(Path.of(b + "." + ext)), ext);
        }
    }

    @Test
    void aProgressionWithBarLinesAndHalfBarsCyclesForEachChorus() throws Exception {
        String chords = "| Dm7 G7 | Cmaj7 | Bbm7 Eb7 | Abmaj7 | Am7b5 D7 |";
        Path song = dir.resolve("chords-c/song");
        CliRun run = CliRun.of("compose", "--model", model.toString(), "--chords", chords, "--choruses", "3",
                "--primer-steps", "4", "--out", song.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("3 choruses (15 bars"), run.out());
        assertChordsFollow(Path.of(song + ".mid"), bebop.music.Progression.parse(chords), 3 * 5 * 8);
    }

    @Test
    void aBadChordSymbolGivesOneLineAndExitCodeTwo() throws IOException {
        String out = dir.resolve("bad/c").toString();
        assertOneLineError(CliRun.of("compose", "--model", model.toString(), "--chords", "C7 H7 F7", "--out", out),
                "--chords: 'H7' is not a chord symbol: at character 1, cannot read 'H': a chord starts with its root, A to G (or N.C. for no chord)");
        assertOneLineError(CliRun.of("compose", "--model", model.toString(), "--chords", "| C F G A B |", "--out", out),
                "--chords: the bar 'C F G A B' holds 5 chords; a 4/4 bar holds 1 to 4 (one a beat at most)");
        assertOneLineError(CliRun.of("compose", "--model", model.toString(), "--chords", "| F7 | C7# |", "--out", out),
                "--chords: 'C7#' is not a chord symbol: at character 3, '#' needs a degree after it (b5, #5, b9, #9, #11, b13)");
        assertOneLineError(CliRun.of("compose", "--model", model.toString(), "--chords", "| C7 |", "--voicing", "wide",
                "--out", out), "--voicing wide: use core (root, third, fifth, seventh) or full (every pitch class)");
        assertOneLineError(CliRun.of("compose", "--model", model.toString(), "--chords", "@" + dir.resolve("none.txt"),
                "--out", out), dir.resolve("none.txt") + ": no such file");
        assertOneLineError(CliRun.of("compose", "--model", model.toString(), "--chords", "C7", "--choruses", "1",
                "--out", out), "--chords: the piece (8 steps) is no longer than the 8-step primer; ask for more --choruses or fewer --primer-steps");
        assertFalse(Files.exists(Path.of(out + ".mid")));
    }

    @Test
    void evalOfAMelodyModelGivesTheTableAndOneJsonObjectMatchingTheModelsMetrics() throws IOException {
        CliRun table = CliRun.of("eval", "--model", model.toString());
        assertEquals(0, table.exitCode(), table.err());
        for (String metric : new String[] {"chord_accuracy", "in_scale", "novel_bars", "unique_choruses", "pitch_class_kl", "nll"}) {
            assertTrue(table.out().contains(metric), table.out());
        }
        CliRun json = CliRun.of("eval", "--model", model.toString(), "--json");
        assertEquals(0, json.exitCode(), json.err());
        assertEquals(1, json.out().strip().lines().count());
        JsonNode j = new ObjectMapper().readTree(json.out());
        assertEquals("melody", j.get("experiment").asText());
        assertEquals(9600, j.get("steps").asLong());
        assertEquals(410, j.get("held_out_choruses").asInt());
        JsonNode stored = ModelFile.read(model).metrics();
        for (String metric : new String[] {"chord_accuracy", "in_scale", "novel_bars", "unique_choruses", "pitch_class_kl", "nll"}) {
            assertEquals(stored.get(metric).asDouble(), j.get(metric).asDouble(), metric);
            double v = j.get(metric).asDouble();
            assertTrue(v >= 0 && Double.isFinite(v), metric + " " + v);
        }
    }

    @Test
    void aChordsOnlyModelComposesTheChordsAlone() throws IOException {
        Path chords = dir.resolve("chords.bebop");
        assertEquals(0, CliRun.of("train", "--experiment", "chords", "--seed", "1", "--max-epochs", "5", "--quiet",
                "--out", chords.toString()).exitCode());
        Path song = dir.resolve("chords-song/song");
        CliRun run = CliRun.of("compose", "--model", chords.toString(), "--choruses", "1", "--out", song.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("chords only"), run.out());
        Score score = MidiReader.read(Path.of(song + ".mid"));
        assertEquals(12, score.bars());
        assertTrue(score.part(Part.MELODY).map(p -> p.notes().isEmpty()).orElse(true));
        assertOneLineError(CliRun.of("compose", "--model", chords.toString(), "--chords", BLUES, "--out",
                dir.resolve("bad/d").toString()),
                "--chords: " + chords + " is a chords-only model; it has no melody to improvise over the chords");
    }

    @Test
    void badFlagsGiveOneLineAndExitCodeTwo() throws IOException {
        String out = dir.resolve("bad/x").toString();
        assertOneLineError(CliRun.of("compose", "--model", model.toString(), "--temperature", "0", "--out", out),
                "--temperature 0: must be above 0 and at most 100 (1 is the paper's rule)");
        assertOneLineError(CliRun.of("compose", "--model", model.toString(), "--temperature", "-2", "--out", out),
                "--temperature -2: must be above 0 and at most 100 (1 is the paper's rule)");
        assertOneLineError(CliRun.of("compose", "--model", model.toString(), "--choruses", "0", "--out", out),
                "--choruses 0: must be between 1 and 1000");
        Path missing = dir.resolve("missing.mid");
        assertOneLineError(CliRun.of("compose", "--model", model.toString(), "--primer", missing.toString(), "--out", out),
                missing + ": no such file");
        Path noModel = dir.resolve("no-such.bebop");
        assertOneLineError(CliRun.of("compose", "--model", noModel.toString(), "--out", out), noModel + ": no such file");
        assertOneLineError(CliRun.of("eval", "--model", noModel.toString()), noModel + ": no such file");
        assertOneLineError(CliRun.of("eval", "--model", model.toString(), "--choruses", "0"),
                "--choruses 0: must be between 1 and 100000");
        assertOneLineError(CliRun.of("compose", "--model", model.toString(), "--primer-steps", "0", "--out", out),
                "--primer-steps 0: must be between 1 and 96");
        assertOneLineError(CliRun.of("train", "--experiment", "melody", "--epoch-choruses", "0", "--out", out + ".bebop"),
                "--epoch-choruses 0: must be between 1 and 100000");
    }

    @Test
    void aPrimerOutsideTheEncodingsRangeIsNamed() throws IOException {
        Path low = dir.resolve("low.mid");
        Score score = new Score("low", 480, 120, TimeSignature.FOUR_FOUR,
                java.util.List.of(new Part(Part.MELODY, Part.MELODY_CHANNEL, Part.MELODY_PROGRAM,
                        java.util.List.of(new bebop.music.Note(40, 0, 480, 90)))), java.util.List.of(), 1920);
        bebop.io.midi.MidiWriter.write(score, low);
        CliRun run = CliRun.of("compose", "--model", model.toString(), "--primer", low.toString(), "--out",
                dir.resolve("bad/y").toString());
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("bebop: --primer " + low + ": melody note"), run.err());
    }

    private static void assertOneLineError(CliRun run, String message) {
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("bebop: " + message + "\n", run.err());
        assertEquals("", run.out());
    }
}
