package bebop.app;

import bebop.UserError;
import bebop.compose.Generation;
import bebop.compose.Primers;
import bebop.data.corpus.ChordMelodySet;
import bebop.data.poly.FrameScore;
import bebop.data.poly.PolyDataset;
import bebop.data.poly.PolyPiece;
import bebop.encoding.FrameFormat;
import bebop.eval.Comparison;
import bebop.eval.Evaluator;
import bebop.eval.Polyphony;
import bebop.io.corpus.CorpusDatasets;
import bebop.io.model.LstmModels;
import bebop.io.model.ModelJson;
import bebop.io.poly.ModernModels;
import bebop.io.poly.PolyJson;
import bebop.music.BluesForm;
import bebop.nn.baseline.ElmanSettings;
import bebop.train.CorpusExperiment;
import bebop.train.Experiment1;
import bebop.train.modern.ModernSettings;
import bebop.train.modern.PolyEvaluation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/** Evaluating a model: a free run measured as the paper's claims need, or the LSTM against baselines. */
public final class EvaluateService {
    /** Most runs {@code eval --runs} takes, and most choruses of all runs together (their frames are kept). */
    public static final int MAX_RUNS = 100;
    public static final int MAX_RUN_CHORUSES = 100_000;

    private EvaluateService() {}

    /** The LSTM and the baselines side by side, and how they were made. */
    public record Compared(List<Comparison.Row> rows, String verdict, String setup) {
        /** One object a row: the model, its size and its metrics as {@code eval --json} names them. */
        public List<ObjectNode> table() {
            List<ObjectNode> out = new ArrayList<>();
            for (Comparison.Row r : rows) {
                ObjectNode row = JsonNodeFactory.instance.objectNode();
                row.put("model", r.model());
                row.put("size", r.size());
                row.setAll(Metrics.of(r.evaluation()));
                out.add(row);
            }
            return out;
        }
    }

    /** A comparison about to run: the melody model, its held-out choruses and the Elman network's settings. */
    public record ComparisonPlan(BluesModel model, int[] heldOut, ElmanSettings elman) {
        /** The choruses the baselines train on. */
        public int trainingChoruses() {
            return model.data().choruses().size() - heldOut.length;
        }
    }

    /**
     * Lets the model ({@code null}: the bundled one) run free for {@code choruses} choruses; a melody
     * model is primed with a training chorus's first bar picked with {@code seed}.
     */
    public static Evaluation evaluate(Path file, int choruses, long seed) {
        checkChoruses(choruses);
        LoadedModel loaded = Models.load(file);
        if (loaded instanceof DataModel m) {
            return new Evaluation.Recorded(m, m.format().isPianoRoll() ? polyphony(m, choruses, seed) : null);
        }
        BluesModel m = (BluesModel) loaded;
        String experiment = m.model().experiment();
        if (experiment.equals("chords")) {
            return new Evaluation.Chords(m, Experiment1.evaluate(m.model().network(), m.model().normalizer(),
                    BluesForm.of(m.model().form()), choruses));
        }
        if (experiment.equals("melody") && m.melody()) {
            return new Evaluation.Melody(m, Evaluator.evaluate(m.sequenceModel(), m.data(), m.heldOut(), choruses,
                    Primers.DEFAULT_STEPS, 1.0, seed), seed);
        }
        throw new UserError((file == null ? "bundled" : file.toString()) + ": a '" + experiment
                + "' model; this bebop evaluates 'chords' and 'melody' models");
    }

    /**
     * {@code runs} free runs of a melody model ({@code null}: the bundled one) in one pass, run
     * {@code r} as {@link #evaluate} with seed {@code firstSeed + r}; a user error for any other model.
     */
    public static EvaluationRuns evaluateRuns(Path file, int choruses, long firstSeed, int runs) {
        checkChoruses(choruses);
        checkRuns(runs);
        if ((long) runs * choruses > MAX_RUN_CHORUSES) {
            throw new UserError("--runs " + runs + " of --choruses " + choruses + ": at most " + MAX_RUN_CHORUSES
                    + " choruses in all");
        }
        LoadedModel loaded = Models.load(file);
        if (!(loaded instanceof BluesModel m) || !m.melody() || !m.model().experiment().equals("melody")) {
            String name = file == null ? "the bundled model" : file.toString();
            throw new UserError("--runs: " + name + " is not a melody model of the paper's blues; only a melody "
                    + "model draws its notes, so only its free runs differ from seed to seed");
        }
        return new EvaluationRuns(m, Evaluator.evaluateRuns(m.model().network(), m.model().normalizer(), m.data(),
                m.heldOut(), choruses, Primers.DEFAULT_STEPS, 1.0, firstSeed, runs), firstSeed);
    }

    /** The data sets bebop bundles, by the names {@link #onData} takes (jsb, nottingham). */
    public static final List<String> BUNDLED_DATA = PolyJson.bundledNames();

    /** The splits {@link #onData} scores. */
    public static final List<String> SPLITS = List.of("test", "valid", "train");

    /**
     * A model of a data set ({@code file}: the modern trainer's, or the paper's network trained on an import)
     * scored on the {@code split} of {@code dataset}, teacher-forced, as its training measured its own
     * splits, so that the data set it learned reads as its file records it, to the last bit: a modern
     * model on a piano-roll JSON, jsb, nottingham or an import folder with frames like its own, in windows
     * and batches of its training settings ({@code threads} share the work and change nothing); the paper's
     * network on an import folder on its grid, each piece from a zero state.
     */
    public static Evaluation.OnData onData(Path file, String dataset, String split, int threads) {
        if (!SPLITS.contains(split)) {
            throw new UserError("--split " + split + ": must be one of " + String.join(", ", SPLITS));
        }
        String name = file == null ? "the bundled model" : file.toString();
        if (!(Models.load(file) instanceof DataModel m)) {
            throw new UserError("--data: " + name + " is a model of the paper's blues; eval measures it by its free runs");
        }
        if (TrainService.isBlues(dataset)) {
            throw new UserError("--data " + dataset + ": the blues choruses are split by each run's seed; give a "
                    + "piano-roll JSON, jsb, nottingham or an import folder");
        }
        return m.model().kind().equals(ModernModels.KIND) ? modernOnData(m, name, dataset, split, threads)
                : paperOnData(m, name, dataset, split);
    }

    /** A user error unless frames of {@code theirs} are what the model learned ({@code alike}: their layouts agree). */
    private static void checkFrames(String dataset, FrameFormat theirs, boolean alike, String name, FrameFormat mine) {
        if (!alike || theirs.stepsPerQuarter() != mine.stepsPerQuarter() || theirs.stepsPerBar() != mine.stepsPerBar()) {
            throw new UserError("--data " + dataset + ": its frames are " + theirs.describe() + ", but " + name
                    + " learned " + mine.describe());
        }
    }

    private static Evaluation.OnData modernOnData(DataModel m, String name, String dataset, String split, int threads) {
        FrameFormat theirs = CorpusDatasets.frameFormat(dataset);
        checkFrames(dataset, theirs, theirs.layout().equals(m.format().layout()), name, m.format());
        PolyDataset data = PolyJson.resolve(dataset);
        List<PolyPiece> pieces = split(dataset, split, data.train(), data.valid(), data.test());
        JsonNode recorded = m.model().extra().path("settings");
        ModernSettings s;
        try {
            s = recorded.isObject() ? ModelJson.fromTree(recorded, ModernSettings.class)
                    : ModernSettings.defaults(m.model().provenance().seed());
        } catch (IllegalArgumentException e) {
            throw new UserError(name + ": its recorded training settings cannot be read: " + e.getMessage(), e);
        }
        FrameScore score = PolyEvaluation.score(ModernModels.of(m.model(), name), pieces, s.window(), s.batch(), threads);
        return new Evaluation.OnData(m, data.name(), split, pieces.size(), score.frames(), score.nll(), score.accuracy());
    }

    /** The paper's network (train --data FOLDER --trainer paper) on an import's pieces, as its training validated it. */
    private static Evaluation.OnData paperOnData(DataModel m, String name, String dataset, String split) {
        // it plays an import's chords and melody in its own melody range: an import folder on its grid, read once
        Optional<Path> folder = CorpusDatasets.importFolder(dataset);
        if (folder.isEmpty()) { // a piano roll: refused, naming its frames
            checkFrames(dataset, CorpusDatasets.frameFormat(dataset), false, name, m.format());
        }
        ChordMelodySet data = CorpusDatasets.read(folder.get());
        checkFrames(dataset, FrameFormat.corpusRoll(data.stepsPerQuarter(), data.stepsPerBar()), true, name, m.format());
        List<ChordMelodySet.Piece> pieces = split(dataset, split, data.train(), data.valid(), data.test());
        LstmModels.Loaded loaded = LstmModels.of(m.model(), name);
        long steps = pieces.stream().mapToLong(p -> p.steps() - 1).sum();
        return new Evaluation.OnData(m, dataset, split, pieces.size(), steps,
                CorpusExperiment.nll(loaded.network(), loaded.normalizer(), pieces, m.format()), null);
    }

    /** The pieces of {@code split}; a user error when it has none. */
    private static <T> List<T> split(String dataset, String split, List<T> train, List<T> valid, List<T> test) {
        List<T> pieces = switch (split) {
            case "valid" -> valid;
            case "train" -> train;
            default -> test;
        };
        if (pieces.isEmpty()) {
            throw new UserError("--data " + dataset + ": its " + split + " split is empty");
        }
        return pieces;
    }

    /** A user error unless {@code runs} is 1 to {@link #MAX_RUNS} (the flag {@code --runs}). */
    static void checkRuns(int runs) {
        if (runs < 1 || runs > MAX_RUNS) {
            throw new UserError("--runs " + runs + ": must be between 1 and " + MAX_RUNS);
        }
    }

    /**
     * The comparison of a melody model ({@code null}: the bundled one) with baselines, the Elman
     * network trained for {@code elmanEpochs}; a user error for any other model.
     */
    public static ComparisonPlan comparison(Path file, int elmanEpochs) {
        LoadedModel loaded = Models.load(file);
        if (!(loaded instanceof BluesModel m)) {
            throw new UserError("--compare: " + file + " is not a model of the paper's blues; the baselines "
                    + "are trained on the blues choruses");
        }
        if (!m.melody()) {
            throw new UserError("--compare needs a melody model (Experiment 2); " + m.describe() + " is not one");
        }
        if (elmanEpochs < 1) {
            throw new UserError("--elman-epochs " + elmanEpochs + ": must be at least 1");
        }
        return new ComparisonPlan(m, m.heldOut(), ElmanSettings.matchingExperiment2().withEpochs(elmanEpochs));
    }

    /**
     * Trains Markov chains and an Elman network on the model's training choruses and runs every model
     * free as the paper does. {@code commandLine} goes into the report's setup.
     */
    public static Compared compare(ComparisonPlan plan, int choruses, long seed, List<String> commandLine) {
        checkChoruses(choruses);
        BluesModel m = plan.model();
        int[] heldOut = plan.heldOut();
        ElmanSettings elman = plan.elman();
        List<Comparison.Row> rows = Comparison.run(m.data(), heldOut, m.sequenceModel(),
                m.model().network().parameterCount(), new Comparison.Settings(choruses, elman, seed));
        String setup = String.format(Locale.ROOT, "Each model runs free for %d choruses, primed with the first %d steps of a "
                + "training chorus (seed %d); chords thresholded at 0.5, one melody note drawn per step (the paper's rule). "
                + "nll: cross-entropy per step on the %d held-out choruses. LSTM: %s. Baselines trained here on the other "
                + "%d choruses: Markov chains over whole frames (Witten-Bell smoothing), Elman network with %d hidden units "
                + "(BPTT over 96-step windows, Adam, %d epochs). Made with: bebop %s",
                choruses, Primers.DEFAULT_STEPS, seed, heldOut.length, m.describe(),
                plan.trainingChoruses(), elman.hidden(), elman.epochs(), String.join(" ", commandLine));
        return new Compared(rows, Comparison.verdict(rows), setup);
    }

    /**
     * A free run of a piano-roll model, {@code choruses} times 12 bars on its own grid, primed as
     * compose primes it (a training opening picked with {@code seed}), every frame drawn at
     * temperature 1 (key by key for a NADE): the share of generated frames with 3-4 notes, beside
     * the training set's as the model file records it (or, for a file without the record, the
     * bundled data set it names).
     */
    static Polyphony polyphony(DataModel m, int choruses, long seed) {
        FrameFormat format = m.format();
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom pick = root.split();
        SplittableRandom notes = root.split();
        List<int[][]> primers = m.primers();
        int piece = primers.isEmpty() ? -1 : pick.nextInt(primers.size());
        double[][] start = Generation.primer(piece < 0 ? null : primers.get(piece), format.units(), 0, format.stepsPerBar());
        int steps = Math.max(choruses * BluesForm.BARS * format.stepsPerBar(), start.length + 1);
        double[][] frames = Generation.compose(m.network(), format, start, steps, 1.0, null, notes);
        return new Polyphony(steps - start.length, Polyphony.share(frames, start.length), trainingShare(m));
    }

    private static double trainingShare(DataModel m) {
        var recorded = m.model().extra().path("training").path(ModernTraining.TRAIN_CHORD_SHARE);
        if (recorded.isNumber()) {
            return recorded.asDouble();
        }
        String dataset = m.dataset();
        if (PolyJson.bundledNames().contains(dataset.toLowerCase(Locale.ROOT))) {
            return Polyphony.share(PolyJson.bundled(dataset).train());
        }
        return Double.NaN;
    }

    public static void checkChoruses(int choruses) {
        if (choruses < 1 || choruses > 100_000) {
            throw new UserError("--choruses " + choruses + ": must be between 1 and 100000");
        }
    }
}
