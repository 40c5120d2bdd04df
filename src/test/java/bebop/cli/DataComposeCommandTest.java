package bebop.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import bebop.app.DataModel;
import bebop.app.Models;
import bebop.io.midi.MidiReader;
import bebop.io.midi.SmfBytes;
import bebop.io.model.Model;
import bebop.io.model.ModelFile;
import bebop.music.Note;
import bebop.music.Part;
import bebop.music.Score;
import bebop.nn.Arithmetic;
import bebop.nn.LstmSequenceModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end on a user's own music: {@code import} a few small MIDI files, {@code train --data}
 * with each trainer, {@code compose} from the models (MIDI read back by bebop and by Debian's
 * mido), over given chords; a piano-roll model from a small JSON; and the combinations refused.
 */
class DataComposeCommandTest {
    private static Path dir;
    private static Path data;
    private static Path modern;
    private static Path paper;
    private static Path roll;
    private static CliRun importRun;
    private static CliRun modernRun;
    private static CliRun paperRun;
    private static CliRun rollRun;

    /** Eight 4-bar tunes in C, each its own melody over C, F and G7 half bars. */
    static void writeTunes(Path folder) throws IOException {
        int[][] chords = {{48, 52, 55}, {53, 57, 60}, {55, 59, 62, 65}};
        int[] scale = {60, 62, 64, 65, 67, 69, 71, 72, 74, 76};
        for (int f = 0; f < 8; f++) {
            int division = 480;
            SmfBytes.Events conductor = new SmfBytes.Events().text(0, 3, "Tune " + f).tempo(0, 500_000).timeSignature(0, 4, 2);
            SmfBytes.Events melody = new SmfBytes.Events().text(0, 3, "Melody").program(0, 0, 73);
            SmfBytes.Events accomp = new SmfBytes.Events().text(0, 3, "Piano");
            for (int q = 0; q < 16; q++) {
                int pitch = scale[(q * (f + 1) + f) % scale.length];
                melody.noteOn(0, 0, pitch, 90).noteOff(division, 0, pitch);
            }
            for (int h = 0; h < 8; h++) {
                int[] c = chords[(h + f) % chords.length];
                for (int p : c) {
                    accomp.noteOn(0, 1, p, 70);
                }
                for (int i = 0; i < c.length; i++) {
                    accomp.noteOff(i == 0 ? 2 * division : 0, 1, c[i]);
                }
            }
            Files.write(folder.resolve("tune" + f + ".mid"), SmfBytes.concat(SmfBytes.header(1, 3, division),
                    conductor.end(0).track(), melody.end(0).track(), accomp.end(0).track()));
        }
    }

    /** A tiny piano-roll data set: chords of three keys moving in quarter notes. */
    static void writeRoll(Path file) throws IOException {
        StringBuilder sb = new StringBuilder("{");
        String[] splits = {"train", "valid", "test"};
        for (int s = 0; s < 3; s++) {
            sb.append(s == 0 ? "" : ",").append('"').append(splits[s]).append("\": [");
            for (int p = 0; p < (s == 0 ? 4 : 1); p++) {
                sb.append(p == 0 ? "[" : ",[");
                for (int t = 0; t < 24; t++) {
                    int root = 48 + ((t + p + s) % 4) * 2;
                    sb.append(t == 0 ? "" : ",").append('[').append(root).append(',').append(root + 4).append(',')
                            .append(root + 19).append(']');
                }
                sb.append(']');
            }
            sb.append(']');
        }
        Files.writeString(file, sb.append("}\n").toString(), StandardCharsets.UTF_8);
    }

    @BeforeAll
    static void importAndTrain() throws IOException {
        dir = CliRun.scratch("data-compose");
        Path midi = Files.createDirectories(dir.resolve("midi"));
        writeTunes(midi);
        data = dir.resolve("mine");
        importRun = CliRun.of("import", midi.toString(), "--out", data.toString(), "--seed", "1");
        modern = dir.resolve("modern.bebop");
        modernRun = CliRun.of("train", "--data", data.toString(), "--trainer", "modern", "--hidden", "16", "--max-epochs", "2",
                "--batch", "4", "--window", "16", "--seed", "3", "--quiet", "--out", modern.toString());
        paper = dir.resolve("paper.bebop");
        paperRun = CliRun.of("train", "--data", data.toString(), "--trainer", "paper", "--max-epochs", "5", "--seed", "3",
                "--quiet", "--out", paper.toString());
        Path json = dir.resolve("roll.json");
        writeRoll(json);
        roll = dir.resolve("roll.bebop");
        rollRun = CliRun.of("train", "--data", json.toString(), "--hidden", "8", "--max-epochs", "2", "--batch", "2",
                "--window", "8", "--quiet", "--out", roll.toString());
    }

    @Test
    void bothTrainersTrainOnTheImportAndRecordWhatTheFramesMean() throws IOException {
        assertEquals(0, importRun.exitCode(), importRun.err());
        assertEquals(0, modernRun.exitCode(), modernRun.err());
        assertEquals(0, paperRun.exitCode(), paperRun.err());
        assertEquals(0, rollRun.exitCode(), rollRun.err());
        Model m = ModelFile.read(modern);
        assertEquals("lstm-modern", m.kind());
        assertEquals("corpus-roll", m.extra().get("frames").get("format").get("layout").asText());
        assertEquals(8, m.extra().get("frames").get("format").get("steps_per_bar").asInt());
        assertTrue(m.extra().get("frames").get("primers").size() > 0);
        Model p = ModelFile.read(paper);
        assertEquals("lstm-paper", p.kind());
        assertEquals("corpus", p.extra().get("experiment").asText());
        assertEquals("chords-melody", p.extra().get("frames").get("format").get("layout").asText());
        // the melodies span C4..E5: 17 melody units after the 12 chord units
        assertEquals(12 + 17, p.config().get("inputs").asInt());
        assertTrue(paperRun.out().contains("the paper's Experiment 2 network"), paperRun.out());
        assertEquals("piano-roll", ModelFile.read(roll).extra().get("frames").get("format").get("layout").asText());
        // what the import's chord frames held: recognised chords, each piece in its own key (the defaults)
        for (Model trained : new Model[] {m, p}) {
            assertEquals("{\"chords\":\"recognised\",\"transpose\":\"none\"}", trained.extra().get("harmony").toString());
        }
        assertTrue(ModelFile.read(roll).extra().path("harmony").isMissingNode());
    }

    /**
     * A model records the chords its corpus was imported with, and compose voices the user's chords as
     * they were: raw sets (every pitch class sounding) in the full voicing, recognised chords in the core;
     * --transpose-to model takes the corpus's key when the import moved it to C, and is refused when the
     * pieces kept their own keys.
     */
    /** compose plays a corpus's paper network in the plain arithmetic in any JVM, eval in the JVM's (BluesModel.player). */
    @Test
    void thePapersNetworkOfACorpusIsPlayedInThePlainArithmetic() {
        assertEquals(0, paperRun.exitCode(), paperRun.err());
        DataModel m = (DataModel) Models.load(paper);
        assertEquals(Arithmetic.DEFAULT, ((LstmSequenceModel) m.network()).arithmetic());
        assertEquals(Arithmetic.PLAIN, ((LstmSequenceModel) m.player()).arithmetic());
    }

    @Test
    void composeVoicesChordsAsTheModelsCorpusWasImportedAndTakesItsKey() throws IOException {
        Path raw = dir.resolve("raw");
        CliRun imported = CliRun.of("import", dir.resolve("midi").toString(), "--out", raw.toString(), "--chords", "raw",
                "--transpose", "C", "--seed", "1");
        assertEquals(0, imported.exitCode(), imported.err());
        Path model = dir.resolve("raw.bebop");
        CliRun trained = CliRun.of("train", "--data", raw.toString(), "--trainer", "paper", "--max-epochs", "2", "--seed", "3",
                "--quiet", "--out", model.toString());
        assertEquals(0, trained.exitCode(), trained.err());
        assertEquals("{\"chords\":\"raw\",\"transpose\":\"C\"}", ModelFile.read(model).extra().get("harmony").toString());

        Path song = dir.resolve("out/raw-song");
        CliRun run = CliRun.of("compose", "--model", model.toString(), "--choruses", "1", "--tempo", "240",
                "--chords", "| F | Bb C9 | F | C9 |", "--transpose-to", "model", "--out", song.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("voiced full (every pitch class), the model's voicing (its training chords were raw "
                + "sets): C (C3 E3 G3) F (C3 F3 A3) G9 (D3 F3 G3 A3 B3)"), run.out());
        assertTrue(run.out().contains("(moved from F (estimated from its chords) to C, -5 semitones into the model's key "
                + "(it was trained in C major and A minor (import --transpose C)), composed there and moved back to F)"), run.out());
        Score score = MidiReader.read(Path.of(song + ".mid"));
        assertEquals(new bebop.music.ChordSymbol(score.ticksPerBar() * 3 / 2, "C9", "full: C3 D3 E3 G3 Bb3"),
                score.chordSymbols().get(2));
        // bar 2's second half sounds C9 in F, every pitch class: the network's G9 moved back up a fourth
        java.util.Set<Integer> c9 = new java.util.TreeSet<>();
        for (Note n : score.part(Part.CHORDS).orElseThrow().notes()) {
            if (n.start() <= score.ticksPerBar() * 3 / 2 && n.end() > score.ticksPerBar() * 3 / 2) {
                c9.add(n.pitch() % 12);
            }
        }
        assertEquals(java.util.Set.of(0, 2, 4, 7, 10), c9);

        CliRun recognised = CliRun.of("compose", "--model", paper.toString(), "--choruses", "1", "--chords", "| F | C7 |",
                "--out", dir.resolve("out/rec").toString());
        assertEquals(0, recognised.exitCode(), recognised.err());
        assertTrue(recognised.out().contains("voiced core (root, third, fifth, seventh), the model's voicing (its training "
                + "chords were recognised chords)"), recognised.out());
        CliRun noKey = CliRun.of("compose", "--model", paper.toString(), "--chords", "| F | C7 |", "--transpose-to", "model",
                "--out", dir.resolve("out/none").toString());
        assertEquals(2, noKey.exitCode());
        assertEquals("bebop: --transpose-to model: the model was trained in each piece's own key (import --transpose none), "
                + "not in one key; give a key (--transpose-to F) or leave the tune in its own\n", noKey.err());
        assertFalse(Files.exists(dir.resolve("out/none.mid")));
    }

    @Test
    void composeFromEitherCorpusModelWritesChordsAndMelodyAndTheSameBytesForTheSameSeed() throws Exception {
        for (Path model : new Path[] {modern, paper}) {
            String name = model.getFileName().toString().replace(".bebop", "");
            Path a = dir.resolve("out/" + name + "-a");
            Path b = dir.resolve("out/" + name + "-b");
            CliRun run = CliRun.of("compose", "--model", model.toString(), "--choruses", "1", "--seed", "5", "--tempo", "240",
                    "--out", a.toString());
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.out().contains("1 chorus of 12 bars (12 bars, 12 s at 240 bpm)"), run.out());
            for (String ext : new String[] {"mid", "wav", "png", "musicxml", "ly"}) {
                assertTrue(Files.size(Path.of(a + "." + ext)) > 0, ext);
            }
            bebop.io.score.MusicXmlSchema.validate(Files.readString(Path.of(a + ".musicxml")));
            Score score = MidiReader.read(Path.of(a + ".mid"));
            assertEquals(12, score.bars());
            assertTrue(score.part(Part.MELODY).isPresent(), name);
            assertTrue(score.part(Part.CHORDS).isPresent(), name);
            for (Note n : score.part(Part.CHORDS).get().notes()) {
                assertTrue(n.pitch() >= 48 && n.pitch() <= 59, "chord note " + n);
            }
            assertEquals(0, CliRun.of("compose", "--model", model.toString(), "--choruses", "1", "--seed", "5", "--tempo", "240",
                    "--out", b.toString()).exitCode());
            assertArrayEquals(Files.readAllBytes(Path.of(a + ".mid")), Files.readAllBytes(Path.of(b + ".mid")), name);
        }
    }

    @Test
    void composeOverGivenChordsFollowsThemWithEitherCorpusModel() throws Exception {
        for (Path model : new Path[] {modern, paper}) {
            Path a = dir.resolve("out/chords-" + model.getFileName().toString().replace(".bebop", ""));
            CliRun run = CliRun.of("compose", "--model", model.toString(), "--choruses", "2", "--seed", "1", "--tempo", "240",
                    "--chords", "| C | F G7 | C | G7 |", "--out", a.toString());
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.out().contains("over your chords | C | F G7 | C | G7 |"), run.out());
            Score score = MidiReader.read(Path.of(a + ".mid"));
            assertEquals(8, score.bars());
            long bar = score.ticksPerBar();
            // bar 2, second half: G7 = G B D F in the chord register
            java.util.Set<Integer> g7 = new java.util.TreeSet<>();
            for (Note n : score.part(Part.CHORDS).get().notes()) {
                if (n.start() <= bar + bar / 2 && n.end() > bar + bar / 2) {
                    g7.add(n.pitch());
                }
            }
            assertEquals(java.util.Set.of(50, 53, 55, 59), g7, run.out());
            if (CliRun.midoOrCi()) {
                CliRun mido = CliRun.python("src/test/python/check_midi_bars.py", a + ".mid");
                assertEquals(0, mido.exitCode(), mido.out());
                assertTrue(mido.out().contains("time_signature 4/4, bars 8,"), mido.out());
            }
        }
    }

    @Test
    void aPianoRollModelComposesKeysOnThePianoAndTheSameBytesForTheSameSeed() throws Exception {
        Path a = dir.resolve("out/roll-a");
        Path b = dir.resolve("out/roll-b");
        CliRun run = CliRun.of("compose", "--model", roll.toString(), "--choruses", "1", "--seed", "2", "--out", a.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("88-key piano roll"), run.out());
        assertTrue(run.out().contains("its score is a piano score, right hand from middle C up"), run.out());
        assertTrue(Files.size(Path.of(a + ".wav")) > 0);
        assertTrue(Files.size(Path.of(a + ".png")) > 0);
        String xml = Files.readString(Path.of(a + ".musicxml"));
        bebop.io.score.MusicXmlSchema.validate(xml);
        assertTrue(xml.contains("<part-name>Right hand</part-name>") && xml.contains("<part-name>Left hand</part-name>"));
        assertTrue(Files.readString(Path.of(a + ".ly")).contains("\\clef bass"));
        Score score = MidiReader.read(Path.of(a + ".mid"));
        int notes = 0;
        for (Part part : score.parts()) {
            for (Note n : part.notes()) {
                assertTrue(n.pitch() >= 21 && n.pitch() <= 108, "note " + n);
                notes++;
            }
        }
        assertTrue(notes > 0);
        assertEquals(0, CliRun.of("compose", "--model", roll.toString(), "--choruses", "1", "--seed", "2", "--out",
                b.toString()).exitCode());
        assertArrayEquals(Files.readAllBytes(Path.of(a + ".mid")), Files.readAllBytes(Path.of(b + ".mid")));
        if (CliRun.midoOrCi()) {
            assumeTrue(true);
            CliRun mido = CliRun.python("-c", "import mido,sys; m=mido.MidiFile(sys.argv[1]); "
                    + "n=[x.note for t in m.tracks for x in t if x.type=='note_on' and x.velocity>0]; "
                    + "print(len(n), min(n), max(n))", a + ".mid");
            assertEquals(0, mido.exitCode(), mido.out());
            String[] f = mido.out().trim().split(" ");
            assertEquals(notes, Integer.parseInt(f[0]), mido.out());
            assertTrue(Integer.parseInt(f[1]) >= 21 && Integer.parseInt(f[2]) <= 108, mido.out());
        }
    }

    @Test
    void evalShowsWhatTrainingMeasuredForModelsOfOtherData() {
        CliRun run = CliRun.of("eval", "--model", roll.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("frames            88-key piano roll"), run.out());
        assertTrue(run.out().contains("test_nll  "), run.out());
        CliRun json = CliRun.of("eval", "--model", paper.toString(), "--json");
        assertEquals(0, json.exitCode(), json.err());
        assertTrue(json.out().contains("\"frames\":\"chords-melody\""), json.out());
        assertTrue(json.out().contains("\"valid_nll\":"), json.out());
    }

    @Test
    void theBluesTrainsWithEitherTrainerAndTheModernModelImprovisesOverGivenChords() throws IOException {
        Path m = dir.resolve("blues-modern.bebop");
        CliRun modernBlues = CliRun.of("train", "--data", "blues", "--hidden", "4", "--max-epochs", "1", "--batch", "64",
                "--window", "32", "--quiet", "--out", m.toString());
        assertEquals(0, modernBlues.exitCode(), modernBlues.err());
        assertTrue(modernBlues.out().startsWith("blues: 3686/410/0 pieces"), modernBlues.out());
        Path song = dir.resolve("out/blues-modern");
        CliRun run = CliRun.of("compose", "--model", m.toString(), "--choruses", "1", "--tempo", "240", "--chords",
                "C7 C7 C7 C7 F7 F7 C7 C7 G7 F7 C7 G7", "--out", song.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(12, MidiReader.read(Path.of(song + ".mid")).bars());
        Path p = dir.resolve("blues-paper.bebop");
        CliRun paperBlues = CliRun.of("train", "--data", "blues", "--trainer", "paper", "--max-epochs", "2",
                "--epoch-choruses", "1", "--quiet", "--out", p.toString());
        assertEquals(0, paperBlues.exitCode(), paperBlues.err());
        assertTrue(paperBlues.out().startsWith("Experiment 2 (chords and melody)"), paperBlues.out());
        assertEquals("melody", ModelFile.read(p).extra().get("experiment").asText());
    }

    @Test
    void aMidiFileCanPrimeEveryKindOfModel() throws IOException {
        Path tune = dir.resolve("midi/tune0.mid");
        Path a = dir.resolve("out/primed-roll");
        CliRun roll1 = CliRun.of("compose", "--model", roll.toString(), "--choruses", "1", "--primer", tune.toString(),
                "--tempo", "240", "--out", a.toString());
        assertEquals(0, roll1.exitCode(), roll1.err());
        assertTrue(roll1.out().contains("primed with " + tune + " (32 steps)"), roll1.out());
        Score primed = MidiReader.read(Path.of(a + ".mid"));
        assertTrue(primed.parts().get(0).notes().stream().anyMatch(n -> n.start() == 0 && n.pitch() == 48), "the primer's C3");
        // a corpus model reads the parts Chords and Melody, as compose writes them
        Path own = dir.resolve("out/chords-modern.mid");
        if (!Files.exists(own)) {
            assertEquals(0, CliRun.of("compose", "--model", modern.toString(), "--choruses", "1", "--tempo", "240",
                    "--out", dir.resolve("out/chords-modern").toString()).exitCode());
        }
        CliRun corpus = CliRun.of("compose", "--model", paper.toString(), "--choruses", "1", "--primer", own.toString(),
                "--tempo", "240", "--out", dir.resolve("out/primed-paper").toString());
        assertEquals(0, corpus.exitCode(), corpus.err());
        Path pianoPart = Path.of(a + ".mid");
        assertOneLineError(CliRun.of("compose", "--model", paper.toString(), "--choruses", "1", "--primer", pianoPart.toString(),
                "--out", dir.resolve("out/x").toString()), "--primer " + pianoPart + ": no notes to start from in parts named Chords or Melody");
    }

    private static void assertOneLineError(CliRun run, String expected) {
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().startsWith("bebop: " + expected), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
    }

    @Test
    void badCombinationsAreOneLineAndExitCodeTwo() throws IOException {
        assertOneLineError(CliRun.of("compose", "--model", roll.toString(), "--chords", "C7 F7", "--out",
                dir.resolve("out/x").toString()), "--chords: " + roll + " was trained on a piano roll");
        assertOneLineError(CliRun.of("train", "--data", dir.resolve("roll.json").toString(), "--trainer", "paper", "--out",
                dir.resolve("x.bebop").toString()), "--trainer paper: " + dir.resolve("roll.json") + " is a piano roll");
        assertOneLineError(CliRun.of("train", "--data", data.toString(), "--trainer", "paper", "--hidden", "8", "--out",
                dir.resolve("x.bebop").toString()), "--resume, --checkpoint, --hidden");
        // the modern trainer's regularisers are not silently ignored by the paper's
        assertOneLineError(CliRun.of("train", "--data", data.toString(), "--trainer", "paper", "--input-dropout", "0.1",
                "--out", dir.resolve("x.bebop").toString()), "--resume, --checkpoint, --hidden, --window, --batch, --dropout, "
                + "--input-dropout, --clip, --patience, --decay-patience, --output, --nade-hidden, --threads and --minutes go with --trainer modern");
        assertOneLineError(CliRun.of("train", "--data", data.toString(), "--trainer", "paper", "--decay-patience", "2",
                "--out", dir.resolve("x.bebop").toString()), "--resume, --checkpoint, --hidden");
        assertOneLineError(CliRun.of("train", "--data", data.toString(), "--trainer", "modern", "--momentum", "0.5",
                "--out", dir.resolve("x.bebop").toString()), "--paper, --momentum, --peepholes");
        assertOneLineError(CliRun.of("train", "--data", data.toString(), "--peepholes", "false",
                "--out", dir.resolve("x.bebop").toString()), "--paper, --momentum, --peepholes");
        assertOneLineError(CliRun.of("train", "--data", data.toString(), "--trainer", "paper", "--paper", "--out",
                dir.resolve("x.bebop").toString()), "--paper: ");
        assertOneLineError(CliRun.of("compose", "--model", modern.toString(), "--primer-steps", "999", "--out",
                dir.resolve("out/x").toString()), "--primer-steps 999: the primer holds");
        assertOneLineError(CliRun.of("compose", "--model", dir.resolve("modern.ckpt.bebop").toString(), "--out",
                dir.resolve("out/x").toString()), dir.resolve("modern.ckpt.bebop") + ": holds a 'lstm-modern-checkpoint' model");
    }
}
