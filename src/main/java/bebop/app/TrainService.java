package bebop.app;

import bebop.UserError;
import bebop.compose.Primers;
import bebop.data.BluesDataset;
import bebop.data.corpus.ChordMelodySet;
import bebop.encoding.FrameFormat;
import bebop.eval.Evaluator;
import bebop.eval.MelodyEvaluation;
import bebop.io.corpus.CorpusDatasets;
import bebop.io.model.Fingerprint;
import bebop.io.model.FrameFormats;
import bebop.io.model.LstmModels;
import bebop.io.model.Model;
import bebop.io.model.Provenance;
import bebop.io.poly.PolyJson;
import bebop.music.BluesForm;
import bebop.train.ChordEvaluation;
import bebop.train.CorpusExperiment;
import bebop.train.Experiment1;
import bebop.train.Experiment1Settings;
import bebop.train.Experiment2;
import bebop.train.Experiment2Result;
import bebop.train.Experiment2Settings;
import bebop.train.TrainingListener;
import bebop.train.TrainingResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Training the paper's network: Experiment 1 (chords), Experiment 2 (chords and melody) and the
 * Experiment 2 network on an imported corpus. Each trains, measures the model the way {@code eval}
 * does, and returns it with its provenance ({@code commandLine}: how the user asked for it).
 */
public final class TrainService {
    /** Free-run choruses of the evaluation a model file records (as {@code eval}'s default). */
    public static final int EVAL_CHORUSES = 100;
    /** Seed of that evaluation's primer choice and note draws. */
    public static final long EVAL_SEED = 1;
    /** Primers a model of a data set keeps: the first bars of its first training pieces. */
    static final int PRIMERS = 16;
    /** The name of the paper's data set where a data set is asked for. */
    public static final String BLUES = "blues";
    static final int PRIMER_BARS = 4;

    private TrainService() {}

    /** Experiment 1's run: how training went, and the free run of 100 choruses after it. */
    public record ChordsRun(TrainingResult result, ChordEvaluation eval) {}

    /**
     * Experiment 2's run: how training went, and its free runs measured as {@code eval --runs}
     * measures them (the first is {@code eval}'s, the one a model file records).
     */
    public record MelodyRun(Experiment2Result result, List<MelodyEvaluation> runs) {
        public MelodyRun {
            runs = List.copyOf(runs);
        }

        /** The first free run: {@code eval}'s. */
        public MelodyEvaluation eval() {
            return runs.get(0);
        }
    }

    /** An imported corpus read for the paper's network, and the frame format its model will record. */
    public record Corpus(Path folder, ChordMelodySet set, FrameFormat format) {}

    /** True when {@code dataset} names the paper's blues ({@code blues}, and no file or folder of that name). */
    public static boolean isBlues(String dataset) {
        return dataset.equalsIgnoreCase(BLUES) && !Files.exists(Path.of(dataset));
    }

    /**
     * The import folder the paper's network trains on when given {@code dataset}, or a user error:
     * a piano roll has no chords and melody apart.
     */
    public static Path paperCorpus(String dataset) {
        return CorpusDatasets.importFolder(dataset).orElseThrow(() -> new UserError("--trainer paper: " + dataset
                + " is a piano roll (any keys at once), and the paper's network plays chords and one melody note; it "
                + "trains on blues or a bebop import folder (use --trainer modern for a piano roll)"));
    }

    /** Weights of Experiment 1's network with these settings (for a header before training). */
    public static int weights(Experiment1Settings s) {
        return Experiment1.newNetwork(s).parameterCount();
    }

    /** Weights of Experiment 2's network with these settings. */
    public static int weights(Experiment2Settings s) {
        return Experiment2.newNetwork(s).parameterCount();
    }

    public static TrainedModel<ChordsRun> chords(Experiment1Settings s, List<String> commandLine, TrainingListener listener) {
        TrainingResult result = Experiment1.train(s, listener);
        BluesForm form = BluesForm.of(s.form());
        ChordEvaluation eval = Experiment1.evaluate(result.network(), result.normalizer(), form, EVAL_CHORUSES);
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("epochs", result.epochs());
        training.put("steps", result.steps());
        training.put("converged", result.converged());
        Provenance provenance = Provenance.of(s.seed(), commandLine,
                BluesDataset.fingerprint(BluesDataset.chordFrames(form)), result.network().arithmetic());
        Model model = LstmModels.toModel("chords", s.form(), result.network(), result.normalizer(), s, training,
                provenance).withMetrics(Metrics.of(eval));
        Curve curve = Curve.crossEntropy(result.curve(), "Experiment 1, seed " + s.seed(), "epoch");
        return new TrainedModel<>(model, curve, new ChordsRun(result, eval));
    }

    public static TrainedModel<MelodyRun> melody(Experiment2Settings s, List<String> commandLine, TrainingListener listener) {
        return melody(s, commandLine, listener, 1);
    }

    /**
     * {@link #melody(Experiment2Settings, List, TrainingListener)} with {@code runs} free runs of the
     * trained network, run {@code r} as {@code eval --seed} {@link #EVAL_SEED}{@code + r}.
     */
    public static TrainedModel<MelodyRun> melody(Experiment2Settings s, List<String> commandLine, TrainingListener listener,
                                                 int runs) {
        Experiment2Result result = Experiment2.train(s, listener);
        BluesDataset blues = BluesDataset.generate(BluesForm.of(s.form()));
        List<MelodyEvaluation> evals = Evaluator.evaluateRuns(result.network(), result.normalizer(), blues,
                result.split().heldOut(), EVAL_CHORUSES, Primers.DEFAULT_STEPS, 1.0, EVAL_SEED, runs);
        MelodyEvaluation eval = evals.get(0);
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("epochs", result.epochs());
        training.put("steps", result.steps());
        training.put("converged", result.converged());
        training.put("chord_test_passed", result.chordTestPassed());
        training.put("plateaued", result.plateaued());
        training.put("split_seed", result.split().seed());
        training.put("held_out", result.split().heldOut());
        List<double[][]> all = new ArrayList<>();
        blues.choruses().forEach(c -> all.add(blues.frames(c)));
        Provenance provenance = Provenance.of(s.seed(), commandLine,
                BluesDataset.fingerprint(all.toArray(new double[0][][])), result.network().arithmetic());
        Model model = LstmModels.toModel("melody", s.form(), result.network(), result.normalizer(), s, training,
                provenance).withMetrics(Metrics.of(eval));
        boolean bptt = s.trainer() == Experiment1Settings.Trainer.BPTT_ADAM;
        Curve curve = Curve.crossEntropy(result.curve(), "Experiment 2, seed " + s.seed(),
                bptt ? "epoch (Adam step over " + s.chorusesPerEpoch() + " choruses)"
                        : "epoch (" + s.chorusesPerEpoch() + " choruses)");
        return new TrainedModel<>(model, curve, new MelodyRun(result, evals));
    }

    /** Reads an import folder for {@link #corpus}; a user error when it has no training pieces. */
    public static Corpus corpus(Path folder) {
        ChordMelodySet set = CorpusDatasets.read(folder);
        if (set.train().isEmpty()) {
            throw new UserError(folder + ": the train split is empty");
        }
        return new Corpus(folder, set, CorpusExperiment.format(set));
    }

    /** The Experiment 2 network on an imported corpus, by its BPTT + Adam recipe. */
    public static TrainedModel<CorpusExperiment.Result> corpus(Experiment2Settings s, Corpus data, List<String> commandLine,
                                                              TrainingListener listener) {
        CorpusExperiment.Result result;
        try {
            result = CorpusExperiment.train(s, data.set(), listener);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("dataset", data.folder().toString());
        training.put("epochs", result.epochs());
        training.put("steps", result.steps());
        training.put("plateaued", result.plateaued());
        training.put("seconds", result.seconds());
        Map<String, Object> metrics = new LinkedHashMap<>();
        if (!Double.isNaN(result.validNll())) {
            metrics.put("valid_nll", result.validNll());
        }
        Provenance provenance = Provenance.of(s.seed(), commandLine,
                Fingerprint.of(PolyJson.bytes(data.folder().toString())), result.network().arithmetic());
        FrameFormat format = data.format();
        Model model = LstmModels.toModel("corpus", null, result.network(), result.normalizer(), s, training,
                provenance).withMetrics(metrics);
        model = FrameFormats.with(model, format, CorpusExperiment.primers(data.set().train(), format,
                PRIMER_BARS * format.stepsPerBar(), PRIMERS));
        model = ModelHarmony.recorded(model, data.folder().toString());
        Curve curve = Curve.crossEntropy(result.curve(), "Experiment 2 network on " + data.folder().getFileName()
                + ", seed " + s.seed(), "epoch (Adam step)");
        return new TrainedModel<>(model, curve, result);
    }
}
