package bebop.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bebop.UserError;
import bebop.cli.Main;
import bebop.data.BluesDataset;
import bebop.data.corpus.Grid;
import bebop.data.corpus.ImportOptions;
import bebop.data.corpus.MelodyChoice;
import bebop.data.corpus.Transposition;
import bebop.encoding.LocalEncoding;
import bebop.io.midi.MidiWriter;
import bebop.io.model.ModelFile;
import bebop.music.BluesForm;
import bebop.music.Part;
import bebop.music.Score;
import bebop.nn.Arithmetic;
import bebop.nn.LstmSequenceModel;
import bebop.train.Experiment1Settings;
import bebop.train.TrainingListener;
import bebop.train.modern.ModernSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The application services driven as the studio will drive them: no command line, settings in,
 * values out. Where the CLI does the same task, the service gives the same bytes.
 */
class ServicesTest {
    private static Path scratch(String name) throws Exception {
        Path dir = Path.of("target", "test-work", "app-" + name);
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return Files.createDirectories(dir);
    }

    @Test
    void composeFromTheBundledModelGivesWhatTheCommandLineWrites() throws Exception {
        Composition piece = ComposeService.compose(new ComposeRequest(null, 2, 7, 1.0, null, null, null, 120));
        assertEquals(24, piece.score().bars());
        assertTrue(piece.description().contains("by the bundled model (melody, paper form, seed 1)"), piece.description());
        assertEquals(ComposeService.SCORE_FORMATS, piece.formats());
        assertTrue(!piece.score().part(Part.MELODY).orElseThrow().notes().isEmpty());

        Path dir = scratch("compose");
        List<ScoreFiles.Written> written = ScoreFiles.write(piece.score(), dir.resolve("service").toString(),
                List.of(ScoreFormat.mid, ScoreFormat.musicxml), false, Optional.empty(), w -> { });
        assertEquals(List.of(dir.resolve("service.mid"), dir.resolve("service.musicxml")),
                written.stream().map(ScoreFiles.Written::path).toList());
        int code = Main.run(new String[] {"compose", "--choruses", "2", "--seed", "7", "--out", dir.resolve("cli").toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        assertEquals(0, code);
        assertArrayEquals(Files.readAllBytes(dir.resolve("cli.mid")), Files.readAllBytes(dir.resolve("service.mid")));
        assertArrayEquals(Files.readAllBytes(dir.resolve("cli.musicxml")), Files.readAllBytes(dir.resolve("service.musicxml")));
    }

    /**
     * compose plays in the plain arithmetic in any JVM (the command line's has no Vector API, this one and the
     * studio's have it), so a request gives the command line's piece bit for bit; eval plays in the JVM's.
     */
    @Test
    void composePlaysTheBluesInThePlainArithmeticInAnyJvm() {
        BluesModel m = Models.bundled();
        assertEquals(Arithmetic.DEFAULT, ((LstmSequenceModel) m.sequenceModel()).arithmetic());
        assertEquals(Arithmetic.PLAIN, ((LstmSequenceModel) m.player()).arithmetic());
        assertEquals(Arithmetic.DEFAULT, m.model().network().arithmetic(), "the loaded model itself is not changed");
    }

    @Test
    void composeOverGivenChordsKeepsThemAndTheSameRequestGivesTheSameScore() {
        ComposeRequest r = new ComposeRequest(null, 1, 3, 0.8, null, 4, "| F7 | Bb7 | F7 | F7 | Bb7 | Bb7 | F7 | F7 | C7 | Bb7 | F7 | C7 |", 100);
        Score a = ComposeService.compose(r).score();
        assertEquals(a, ComposeService.compose(r).score());
        assertEquals(12, a.bars());
        assertTrue(a.part(Part.CHORDS).orElseThrow().notes().stream().anyMatch(n -> n.pitch() % 12 == 10), "Bb is played");
    }

    @Test
    void badRequestsAreUserErrorsNamingTheSetting() {
        UserError e = assertThrows(UserError.class, () -> new ComposeRequest(null, 0, 1, 1, null, null, null, 120));
        assertTrue(e.getMessage().startsWith("--choruses 0"), e.getMessage());
        e = assertThrows(UserError.class, () -> ComposeService.compose(new ComposeRequest(null, 1, 1, 1, null, null, "C7 X9", 120)));
        assertTrue(e.getMessage().startsWith("--chords"), e.getMessage());
        e = assertThrows(UserError.class, () -> EvaluateService.evaluate(null, 0, 1));
        assertTrue(e.getMessage().startsWith("--choruses 0"), e.getMessage());
    }

    @Test
    void trainExperiment1ForAFewEpochsThenEvaluateAndComposeTheModel() throws Exception {
        Experiment1Settings s = Experiment1Settings.defaults(3).withMaxEpochs(40);
        List<Long> epochs = new ArrayList<>();
        TrainedModel<TrainService.ChordsRun> trained = TrainService.chords(s, List.of("studio", "train"),
                report -> epochs.add(report.epoch()));
        assertEquals(40, trained.run().result().epochs());
        assertEquals(40, epochs.size());
        assertEquals(40, trained.curve().series().get(0).values().length);
        assertEquals(List.of("studio", "train"), trained.model().provenance().commandLine());
        assertEquals(3, trained.model().provenance().seed());
        assertEquals(trained.run().eval().chordAccuracy(), trained.model().metrics().get("chord_accuracy").asDouble());

        Path file = scratch("train").resolve("chords.bebop");
        ModelFile.write(file, trained.model());
        Evaluation eval = EvaluateService.evaluate(file, 100, 1);
        Evaluation.Chords chords = assertInstanceOf(Evaluation.Chords.class, eval);
        assertEquals(trained.run().eval().chordAccuracy(), chords.eval().chordAccuracy(), "the same free run");
        Composition piece = ComposeService.compose(new ComposeRequest(file, 1, 1, 1, null, null, null, 120));
        assertTrue(piece.score().part(Part.MELODY).isEmpty(), "a chords model plays no melody");
        UserError e = assertThrows(UserError.class, () -> EvaluateService.evaluateRuns(file, 100, 1, 2));
        assertTrue(e.getMessage().startsWith("--runs: " + file + " is not a melody model"), e.getMessage());
    }

    @Test
    void evaluateTheBundledModelKeepsTheForm() {
        Evaluation.Melody eval = assertInstanceOf(Evaluation.Melody.class, EvaluateService.evaluate(null, 5, 1));
        assertEquals(1.0, eval.eval().chordAccuracy());
        assertEquals(5, eval.metrics().get("choruses").asInt());
    }

    @Test
    void manyFreeRunsInOnePassAreEachTheRunOfItsSeed() {
        EvaluationRuns runs = EvaluateService.evaluateRuns(null, 3, 5, 4);
        assertEquals(4, runs.runs().size());
        for (int r = 0; r < 4; r++) {
            Evaluation.Melody alone = assertInstanceOf(Evaluation.Melody.class, EvaluateService.evaluate(null, 3, 5 + r));
            assertEquals(alone.eval(), runs.runs().get(r), "run " + r + " is eval --seed " + (5 + r));
        }
        EvaluationRuns.Metric kl = EvaluationRuns.METRICS.get(4);
        assertEquals("pitch_class_kl", kl.name());
        double[] values = runs.runs().stream().mapToDouble(kl.value()).toArray();
        assertTrue(java.util.Arrays.stream(values).distinct().count() > 1, "the runs draw different notes");
        assertEquals(java.util.Arrays.stream(values).min().orElseThrow(), runs.min(kl));
        assertEquals(java.util.Arrays.stream(values).max().orElseThrow(), runs.max(kl));
        assertEquals(java.util.Arrays.stream(values).sum() / 4, runs.mean(kl), 1e-15);
        EvaluationRuns.Metric chords = EvaluationRuns.METRICS.get(0);
        assertEquals(1.0, runs.min(chords), "the bundled model keeps the form in every run");

        assertTrue(assertThrows(UserError.class, () -> EvaluateService.evaluateRuns(null, 3, 1, 0)).getMessage()
                .startsWith("--runs 0: must be between 1 and 100"));
        assertTrue(assertThrows(UserError.class, () -> EvaluateService.evaluateRuns(null, 2000, 1, 51)).getMessage()
                .contains("at most 100000 choruses in all"));
    }

    @Test
    void importAFolderThenTrainTheModernLstmOnItAndComposeFromIt() throws Exception {
        Path dir = scratch("import");
        Path midi = Files.createDirectories(dir.resolve("midi"));
        BluesDataset blues = BluesDataset.generate(BluesForm.of(BluesForm.Variant.PAPER));
        for (int i = 0; i < 10; i++) {
            MidiWriter.write(LocalEncoding.decode(blues.frames(blues.choruses().get(i)), 120, "chorus " + i),
                    midi.resolve("c" + i + ".mid"));
        }
        ImportOptions options = new ImportOptions(Grid.parse("8th"), Transposition.parse("none"), MelodyChoice.parse("auto"), 1);
        ImportService.Imported imported = ImportService.run(midi, options, dir.resolve("ds"));
        assertEquals(10, imported.result().importedCount());
        assertTrue(Files.isRegularFile(imported.report()));

        ModernSettings s = ModernSettings.defaults(1).withLayers(List.of(8)).withMaxEpochs(2);
        Path checkpoint = dir.resolve("m.ckpt.bebop");
        TrainedModel<ModernTraining.Run> trained = ModernTraining.onData(dir.resolve("ds").toString(), null, s,
                checkpoint, null, List.of(), new ModernTraining.Listener() { }, 2);
        assertEquals(2, trained.run().result().epochs());
        assertTrue(Files.isRegularFile(checkpoint), "a checkpoint after every epoch");
        assertTrue(trained.model().metrics().has("valid_nll"));
        Path model = dir.resolve("m.bebop");
        ModelFile.write(model, trained.model());
        Composition piece = ComposeService.compose(new ComposeRequest(model, 1, 2, 1, null, null, null, 120));
        assertEquals(12, piece.score().bars());

        // what the data set and the model are, and the model scored on the data set it learned: as trained
        DatasetSummary data = DatasetSummary.of(dir.resolve("ds").toString());
        assertEquals(10, data.splits().stream().mapToInt(DatasetSummary.Split::pieces).sum());
        assertTrue(data.imported().startsWith("10 of 10 MIDI files"), data.imported());
        ModelSummary summary = ModelSummary.of(model);
        assertEquals("chords and melody", summary.kind());
        assertTrue(summary.learning().startsWith("window 50, batch 32, Adam 0.001"), summary.learning());
        Evaluation.OnData scored = EvaluateService.onData(model, dir.resolve("ds").toString(), "valid", 1);
        assertEquals(trained.model().metrics().get("valid_nll").asDouble(), scored.nll(), 0);
    }

    @Test
    void renderReadsAMidiFileAndRefusesToOverwriteIt() throws Exception {
        Path dir = scratch("render");
        Path in = dir.resolve("song.mid");
        MidiWriter.write(ComposeService.compose(ComposeRequest.demo(1, 2, 120)).score(), in);
        RenderService.Rendering r = RenderService.read(in, List.of(ScoreFormat.ly), null);
        assertEquals(dir.resolve("song").toString(), r.base());
        assertTrue(r.hasChords());
        UserError e = assertThrows(UserError.class, () -> RenderService.read(in, List.of(ScoreFormat.mid), null));
        assertTrue(e.getMessage().contains("would overwrite"), e.getMessage());
    }

    @Test
    void engineBenchmarkReportsThePeerKeys() {
        var r = BenchService.engine(4, 4, 0, 0.02);
        for (String key : List.of("online_steps_per_s", "generate_steps_per_s", "paper_exp2_online_steps_per_s",
                "bptt_batch32_steps_per_s")) {
            assertTrue(((Number) r.get(key)).doubleValue() > 0, key);
        }
    }

    @Test
    void seedsRunsTrainExactlyAsTrainDoes() {
        var rows = SeedsService.chords(List.of(2L), 1, seed -> Experiment1Settings.defaults(seed).withMaxEpochs(30));
        var single = TrainService.chords(Experiment1Settings.defaults(2).withMaxEpochs(30), List.of(), TrainingListener.NONE);
        assertEquals(single.run().result().steps(), rows.get(0).get("steps"));
        assertEquals(single.run().eval().chordAccuracy(), rows.get(0).get("chord_accuracy"));
    }
}
