package bebop.app;

import bebop.UserError;
import bebop.compose.Primers;
import bebop.data.BluesDataset;
import bebop.data.Split;
import bebop.data.corpus.ChordMelodySet;
import bebop.data.poly.PolyDataset;
import bebop.encoding.FrameFormat;
import bebop.eval.Polyphony;
import bebop.io.corpus.CorpusDatasets;
import bebop.io.model.Fingerprint;
import bebop.io.model.FrameFormats;
import bebop.io.model.Model;
import bebop.io.model.Provenance;
import bebop.io.plot.LearningCurve;
import bebop.io.poly.ModernModels;
import bebop.io.poly.PolyJson;
import bebop.music.BluesForm;
import bebop.nn.Arithmetic;
import bebop.train.Experiment2;
import bebop.train.Experiment2Settings;
import bebop.train.modern.EpochStats;
import bebop.train.modern.ModernListener;
import bebop.train.modern.ModernResult;
import bebop.train.modern.ModernSettings;
import bebop.train.modern.ModernTrainer;
import bebop.train.modern.PolyEvaluation;
import bebop.train.modern.TrainerState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The modern trainer (stacked LSTM, minibatch truncated BPTT, Adam, early stopping on valid) on a
 * piano-roll data set: a checkpoint after every epoch that a resumed run continues exactly.
 */
public final class ModernTraining {
    /** The training set's share of frames with 3-4 notes, as model files record it ({@code training}). */
    public static final String TRAIN_CHORD_SHARE = "train_frames_3_4_notes";

    private ModernTraining() {}

    /** Progress of a modern run; {@link #onStart} gets the settings that train (a checkpoint's on resume). */
    public interface Listener extends ModernListener {
        default void onStart(PolyDataset data, ModernSettings used) {}
    }

    /** A finished run and how to store it. */
    public record Run(ModernResult result, ModernSettings settings, Provenance provenance, PolyDataset data) {
        /** The best epoch's network as a model file with {@code metrics}. */
        public Model model(Object metrics) {
            Map<String, Object> training = new LinkedHashMap<>();
            training.put("dataset", data.name());
            training.put("epochs", result.epochs());
            training.put("best_epoch", result.bestEpoch());
            training.put("stopped_by", result.stopReason());
            training.put("seconds", result.seconds());
            training.put("steps", result.steps());
            training.put(TRAIN_CHORD_SHARE, Polyphony.share(data.train()));
            return ModernModels.toModel(result.best(), settings, training, metrics, provenance);
        }

        public Curve curve() {
            List<EpochStats> c = result.curve();
            double[] e = new double[c.size()];
            double[] tr = new double[c.size()];
            double[] va = new double[c.size()];
            for (int i = 0; i < e.length; i++) {
                e[i] = c.get(i).epoch();
                tr[i] = c.get(i).trainNll();
                va[i] = c.get(i).validNll();
            }
            List<LearningCurve.Series> series = new ArrayList<>();
            series.add(new LearningCurve.Series("training NLL (with dropout)", e, tr));
            series.add(new LearningCurve.Series("validation NLL", e, va));
            return new Curve(series, LearningCurve.Options.defaults().withTitle("Modern LSTM on " + data.name())
                    .withLabels("epoch", "NLL, nats per time step"));
        }
    }

    /**
     * A run to continue: the checkpoint it wrote, and a budget to give it instead of the checkpoint's
     * (null: the checkpoint's). The budget decides only when the run stops, so a run resumed with more
     * epochs trains the epochs one run with that budget from the start would have.
     */
    public record Resume(Path checkpoint, Integer maxEpochs, Integer patience, Double maxMinutes) {
        ModernSettings over(ModernSettings s) {
            ModernSettings r = maxEpochs == null ? s : s.withMaxEpochs(maxEpochs);
            r = patience == null ? r : r.withPatience(patience);
            return maxMinutes == null ? r : r.withMaxMinutes(maxMinutes);
        }
    }

    /**
     * Trains on {@code data} ({@code dataBytes}: its bytes, fingerprinted), writing a checkpoint to
     * {@code checkpoint} after every epoch if it is given; resumes from {@code resume} if given, with
     * the checkpoint's settings (and the budget it gives). {@code threads} share each minibatch; the
     * result does not depend on them.
     */
    public static Run train(PolyDataset data, ModernSettings settings, byte[] dataBytes, Path checkpoint, Resume resume,
                            List<String> commandLine, Listener listener, int threads) {
        if (data.train().isEmpty()) {
            throw new UserError(data.name() + ": the train split is empty");
        }
        if (data.valid().isEmpty()) {
            throw new UserError(data.name() + ": the valid split is empty (early stopping needs it)");
        }
        String fingerprint = Fingerprint.of(dataBytes);
        TrainerState state = null;
        ModernSettings s = settings;
        if (resume != null) {
            state = ModernModels.readCheckpoint(resume.checkpoint());
            if (!state.dataFingerprint().equals(fingerprint)) {
                throw new UserError(resume.checkpoint() + ": the checkpoint was made on other data than " + data.name());
            }
            s = resume.over(state.settings());
        }
        Provenance provenance = Provenance.of(s.seed(), commandLine, fingerprint, Arithmetic.DEFAULT);
        listener.onStart(data, s);
        ModernListener withCheckpoints = new ModernListener() {
            @Override
            public void onUpdate(int epoch, long done, long per, double loss, double sps) {
                listener.onUpdate(epoch, done, per, loss, sps);
            }

            @Override
            public void onEpoch(EpochStats st) {
                listener.onEpoch(st);
            }

            @Override
            public boolean stopRequested() {
                return listener.stopRequested();
            }

            @Override
            public void onCheckpoint(TrainerState st) {
                if (checkpoint != null) {
                    ModernModels.writeCheckpoint(checkpoint, st, provenance);
                }
            }
        };
        try {
            return new Run(ModernTrainer.train(data, s, fingerprint, withCheckpoints, state, threads), s, provenance, data);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    /**
     * {@code train --data DATASET}: a piano roll (a benchmark JSON, jsb, nottingham, an import folder)
     * or the blues ({@code blues}, the choruses split as Experiment 2 splits them, in {@code form}).
     * The model records what its frames mean and the openings of its first training pieces.
     */
    public static TrainedModel<Run> onData(String dataset, BluesForm.Variant form, ModernSettings settings, Path checkpoint,
                                           Resume resume, List<String> commandLine, Listener listener, int threads) {
        boolean blues = TrainService.isBlues(dataset);
        // the blues data set is drawn with the run's seed: a resumed run's is the checkpoint's
        PolyDataset data = !blues ? PolyJson.resolve(dataset) : bluesSet(resume == null ? settings.seed()
                : ModernModels.readCheckpoint(resume.checkpoint()).settings().seed(), form).toPoly();
        // what the frames mean, recorded in the model: read before hours of training, not after
        FrameFormat format = blues ? FrameFormat.corpusRoll(2, 8) : CorpusDatasets.frameFormat(dataset);
        return ModelHarmony.recorded(trained(data, format, blues ? PolyJson.toBytes(data) : PolyJson.bytes(dataset), settings,
                checkpoint, resume, commandLine, listener, threads), dataset);
    }

    /**
     * An import folder (a corpus {@code bebop import} wrote), as {@link #onData} trains it, except that a
     * corpus too small to hold a piece out (fewer than 3 pieces: all of them train) is validated on its
     * training pieces; the data set's name then says so ("valid = train"), in the model and its curve.
     */
    public static TrainedModel<Run> onCorpus(Path folder, ModernSettings settings, List<String> commandLine,
                                             Listener listener, int threads) {
        String spec = folder.toString();
        FrameFormat format = CorpusDatasets.frameFormat(spec);
        PolyDataset read = PolyJson.resolve(spec);
        PolyDataset data = !read.valid().isEmpty() || read.train().isEmpty() ? read
                : new PolyDataset(read.name() + " (valid = train: too few pieces to hold one out)", read.train(),
                        read.train(), read.test());
        return ModelHarmony.recorded(trained(data, format, PolyJson.bytes(spec), settings, null, null, commandLine, listener,
                threads), spec);
    }

    private static TrainedModel<Run> trained(PolyDataset data, FrameFormat format, byte[] bytes, ModernSettings settings,
                                             Path checkpoint, Resume resume, List<String> commandLine, Listener listener,
                                             int threads) {
        Run run = train(data, settings, bytes, checkpoint, resume, commandLine, listener, threads);
        if (run.result().bestEpoch() == 0) {
            throw new UserError(data.name() + ": stopped before the first epoch ended; there is no model to keep");
        }
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("valid_nll", run.result().bestValid());
        if (!data.test().isEmpty()) {
            var test = PolyEvaluation.score(run.result().best(), data.test(), run.settings().window(),
                    run.settings().batch(), threads);
            metrics.put("test_nll", test.nll());
            metrics.put("test_acc", test.accuracy());
        }
        Model model = FrameFormats.with(run.model(metrics), format, Primers.openings(data.train(),
                TrainService.PRIMER_BARS * format.stepsPerBar(), TrainService.PRIMERS));
        return new TrainedModel<>(model, run.curve(), run);
    }

    /** The blues as melodies over chords, split as Experiment 2 splits it. */
    private static ChordMelodySet bluesSet(long seed, BluesForm.Variant form) {
        Experiment2Settings s = Experiment2Settings.defaults(seed).withForm(form);
        Split split = Experiment2.split(s);
        return ChordMelodySet.blues(BluesDataset.generate(BluesForm.of(s.form())), split.training(), split.heldOut());
    }
}
