package bebop.cli;

import bebop.UserError;
import bebop.data.BluesDataset;
import bebop.io.model.LstmModels;
import bebop.io.model.Model;
import bebop.io.model.ModelFile;
import bebop.io.model.Provenance;
import bebop.io.plot.LearningCurve;
import bebop.music.BluesForm;
import bebop.nn.LstmConfig;
import bebop.train.ChordEvaluation;
import bebop.train.EpochReport;
import bebop.train.Experiment1;
import bebop.train.Experiment1Settings;
import bebop.train.TrainingResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bebop train}: trains one of the paper's networks and writes the model and its learning
 * curve. This class holds the flags and Experiment 1; the other trainers are {@link MelodyTraining}
 * (Experiment 2), {@link DataTraining} ({@code --data}) and {@link CorpusTraining} (the paper's
 * network on an import folder).
 */
@Command(name = "train", sortOptions = false,
        header = "Train a network: the paper's Experiment 1 or 2, or the modern LSTM on any data set.",
        description = {"Train one of the paper's LSTM networks (the paper's algorithm, online truncated RTRL, with --paper)",
            "and write the model (M.bebop) and its learning curve (M.curve.png).",
            "Or (--data) train on a data set: a bebop import folder, blues, or a piano roll (a benchmark JSON, jsb, nottingham);",
            "--trainer modern: stacked LSTM, minibatch truncated BPTT, Adam, early stopping on valid,",
            "a checkpoint every epoch (M.ckpt.bebop) that --resume continues exactly; --trainer paper: the paper's",
            "Experiment 2 network by its BPTT + Adam recipe (blues and import folders). compose plays either model."})
final class TrainCommand implements Callable<Integer> {
    /** The paper's experiments. */
    enum Experiment { chords, melody }

    /** {@code --data blues}: the paper's data set. */
    static final String BLUES = "blues";
    /** Primers a model of a data set keeps: the first bars of its first training pieces. */
    static final int PRIMERS = 16;
    static final int PRIMER_BARS = 4;

    @Option(names = "--experiment", paramLabel = "chords|melody",
            description = {"chords: Experiment 1, the 12-bar chord form alone (12 units in and out).",
                "melody: Experiment 2, chords and melody (25 units; chord blocks and melody blocks)."})
    Experiment experiment;

    @Option(names = "--out", required = true, paramLabel = "M.bebop", description = "Model file to write.")
    Path out;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the initial weights. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--max-epochs", paramLabel = "N",
            description = {"Give up after N epochs. chords: an epoch is one Adam step over 2 choruses (with --paper:"
                + " 96 online steps); default 20000 (2000000 with --paper).",
                "melody: an epoch is one Adam step over --epoch-choruses choruses, default 20000 (with --paper: "
                + "--epoch-choruses choruses of online steps, default 100000)."})
    Long maxEpochs;

    @Option(names = "--epoch-choruses", paramLabel = "N",
            description = "melody: an epoch is (one Adam step over) N random training choruses (96 steps each). "
                    + "Default: 2 (100 with --paper).")
    Integer epochChoruses;

    @Option(names = "--form", paramLabel = "paper|corrected", defaultValue = "paper",
            description = "Bar 6 as printed or corrected (see bebop data blues). Default: ${DEFAULT-VALUE}.")
    String form;

    @Option(names = "--learning-rate", paramLabel = "R",
            description = "Learning rate (the Adam step size for BPTT training). Default: see README.")
    Double learningRate;

    @Option(names = "--momentum", paramLabel = "M", description = "Momentum. Default: the paper's 0.9.")
    Double momentum;

    @Option(names = "--paper", description = {"chords: the paper's settings read literally: online truncated RTRL, "
            + "learning rate 1e-5, momentum 0.9, gate biases -0.5..-2.0 on all three gates, peepholes, z-scored inputs, "
            + "weights +-0.1 (they did not learn the form on bebop's engine: see README). Default: bebop's settings, "
            + "the same network trained by BPTT with Adam.",
            "melody: the same for Experiment 2 (online RTRL, learning rate 1e-5, 100-chorus epochs, forget gates "
            + "-0.5..-2.0). Default: Experiment 1's BPTT + Adam recipe on the Experiment 2 network."})
    boolean paper;

    @Option(names = "--peepholes", arity = "1", paramLabel = "true|false",
            description = "Peephole connections (the paper is silent on them). Default: off (bebop), on with --paper.")
    Boolean peepholes;

    @Option(names = "--gate-biases", paramLabel = "nnsp|icann",
            description = "Gate biases of blocks 1-4 on all three gates: nnsp -0.5..-2.0 (final paper), icann -0.1..-0.7. "
                    + "Default: input and output gates nnsp, forget gates +0.5..+2.0 (nnsp with --paper).")
    String gateBiases;

    @Option(names = "--forget-biases", paramLabel = "positive|negative",
            description = {"melody: sign of the forget gate biases (magnitudes 0.5..2.0 from --gate-biases).",
                "negative is the paper read literally (default with --paper); positive (default) keeps memory, as in Gers et al. 2000."})
    String forgetBiases;

    @Option(names = "--reset-after", paramLabel = "K",
            description = "Online training only: reset the state after K gross errors (0 = never). Default: 1, the paper's.")
    Integer resetAfter;

    @Option(names = "--quiet", description = "No progress display.")
    boolean quiet;

    @Option(names = "--data", paramLabel = "DATASET",
            description = "Train on a data set: a bebop import folder (melodies over chords), blues (the paper's), "
                    + "or a piano roll: FILE.json, jsb or nottingham.")
    String data;

    @Option(names = "--trainer", paramLabel = "paper|modern", defaultValue = "modern",
            description = {"With --data: modern (default): stacked LSTM on the 88 keys; or paper: the paper's Experiment 2 network "
                    + "(12 chord units, one melody unit per pitch of the training melodies) trained by its BPTT + Adam recipe, "
                    + "for blues and import folders (not piano rolls)."})
    String trainer;

    @Option(names = "--resume", paramLabel = "CHECKPOINT", description = "With --data: continue the run that wrote CHECKPOINT.")
    Path resume;

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "With --data: checkpoint file. Default: M.ckpt.bebop beside --out.")
    Path checkpoint;

    @Option(names = "--hidden", paramLabel = "H[,H...]", split = ",", description = "With --data: LSTM layer sizes. Default: 256.")
    List<Integer> hidden;

    @Option(names = "--window", paramLabel = "T", description = "With --data: truncated-BPTT window. Default: 50.")
    Integer window;

    @Option(names = "--batch", paramLabel = "B", description = "With --data: pieces per minibatch. Default: 32.")
    Integer batch;

    @Option(names = "--dropout", paramLabel = "P", description = "With --data: dropout between layers. Default: 0.3.")
    Double dropout;

    @Option(names = "--input-dropout", paramLabel = "P",
            description = "With --data: drop each input key of each training step with probability P; 0 = none. Default: 0.")
    Double inputDropout;

    @Option(names = "--clip", paramLabel = "N", description = "With --data: gradient norm clip. Default: 5.")
    Double clip;

    @Option(names = "--patience", paramLabel = "N", description = "With --data: early-stopping patience, epochs. Default: 20.")
    Integer patience;

    @Option(names = "--decay-patience", paramLabel = "N",
            description = "With --data: halve the learning rate after N epochs without a better validation NLL and "
                    + "go on from the best epoch's parameters; 0 = never. Default: 0.")
    Integer decayPatience;

    @Option(names = "--minutes", paramLabel = "M", description = "With --data: stop at the first epoch end after M minutes.")
    Double minutes;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (data != null || experiment == null) {
            return new DataTraining(this).run();
        }
        if (resume != null || checkpoint != null || hidden != null || window != null || batch != null || dropout != null
                || inputDropout != null || clip != null || patience != null || decayPatience != null || minutes != null) {
            throw new UserError("--resume, --checkpoint, --hidden, --window, --batch, --dropout, --input-dropout, --clip, "
                    + "--patience, --decay-patience and --minutes go with --data, not --experiment");
        }
        if (experiment == Experiment.melody) {
            return new MelodyTraining(this).run();
        }
        if (epochChoruses != null) {
            throw new UserError("--epoch-choruses: only for --experiment melody");
        }
        if (forgetBiases != null) {
            throw new UserError("--forget-biases: only for --experiment melody");
        }
        Experiment1Settings settings = settings();
        Path curvePng = ModelPaths.curvePng(out);
        ModelPaths.checkWritable(out, "--out");
        var err = spec.commandLine().getErr();
        var w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "Experiment 1 (chords), seed %d: %d blocks x 2 cells, %d weights, %s, learning rate %s, momentum %s%n",
                seed, settings.networkConfig().blocks(), Experiment1.newNetwork(settings).parameterCount(),
                settings.trainer() == Experiment1Settings.Trainer.BPTT_ADAM
                        ? "BPTT + Adam over " + settings.bpttChoruses() + " choruses (bebop's default)"
                        : "online truncated RTRL (the paper's algorithm)",
                settings.learningRate(), settings.momentum());
        w.flush();
        TrainingResult result;
        try (TrainingProgress progress = new TrainingProgress(err, "train", settings.maxEpochs(), quiet)) {
            result = Experiment1.train(settings, progress);
        }
        BluesForm bluesForm = BluesForm.of(settings.form());
        ChordEvaluation eval = Experiment1.evaluate(result.network(), result.normalizer(), bluesForm, 100);

        Map<String, Object> training = new LinkedHashMap<>();
        training.put("epochs", result.epochs());
        training.put("steps", result.steps());
        training.put("converged", result.converged());
        Provenance provenance = Provenance.of(seed, originalArgs(),
                BluesDataset.fingerprint(BluesDataset.chordFrames(bluesForm)));
        Model model = LstmModels.toModel(experiment.name(), settings.form(), result.network(), result.normalizer(),
                settings, training, provenance).withMetrics(EvalCommand.chordMetrics(eval));
        ModelFile.write(out, model);
        LearningCurve.write(curvePng, curve(result.curve()),
                LearningCurve.Options.defaults().withTitle("Experiment 1, seed " + seed)
                        .withLabels("epoch", "cross-entropy per step").withLogY(true));

        if (result.converged()) {
            w.printf(Locale.ROOT, "learned the form in %,d epochs (%,d steps, %.1f s, %,.0f steps/s)%n",
                    result.epochs(), result.steps(), result.seconds(), result.steps() / Math.max(result.seconds(), 1e-9));
        } else {
            w.printf(Locale.ROOT, "did NOT learn the form within %,d epochs (%,d steps, %.1f s); the model is saved as it is%n",
                    result.epochs(), result.steps(), result.seconds());
        }
        w.printf(Locale.ROOT, "free run of 100 choruses: chord_accuracy %.4f, choruses_perfect %d%n",
                eval.chordAccuracy(), eval.chorusesPerfect());
        w.printf(Locale.ROOT, "wrote %s and %s%n", out, curvePng);
        w.flush();
        return 0;
    }

    private Experiment1Settings settings() {
        if (maxEpochs != null && maxEpochs < 1) {
            throw new UserError("--max-epochs " + maxEpochs + ": must be at least 1");
        }
        Experiment1Settings s = (paper ? Experiment1Settings.paper(seed) : Experiment1Settings.defaults(seed))
                .withForm(Options.formVariant(form));
        if (maxEpochs != null) {
            s = s.withMaxEpochs(maxEpochs);
        }
        if (peepholes != null) {
            s = s.withPeepholes(peepholes);
        }
        if (gateBiases != null) {
            s = s.withGateBiases(gateBiasSet());
        }
        if (learningRate != null) {
            s = s.withLearningRate(checkedLearningRate());
        }
        if (momentum != null) {
            s = s.withMomentum(checkedMomentum());
        }
        if (resetAfter != null) {
            s = s.withResetAfterGrossErrors(checkedResetAfter());
        }
        return s;
    }

    double checkedLearningRate() {
        if (!(learningRate > 0 && learningRate < 100)) {
            throw new UserError("--learning-rate " + learningRate + ": must be above 0 and below 100");
        }
        return learningRate;
    }

    double checkedMomentum() {
        if (!(momentum >= 0 && momentum < 1)) {
            throw new UserError("--momentum " + momentum + ": must be at least 0 and below 1");
        }
        return momentum;
    }

    int checkedResetAfter() {
        if (resetAfter < 0) {
            throw new UserError("--reset-after " + resetAfter + ": must be 0 (never) or more");
        }
        return resetAfter;
    }

    LstmConfig.GateBiasSet gateBiasSet() {
        switch (gateBiases.toLowerCase(Locale.ROOT)) {
            case "nnsp": return LstmConfig.GateBiasSet.NNSP;
            case "icann": return LstmConfig.GateBiasSet.ICANN;
            default: throw new UserError("--gate-biases " + gateBiases + ": unknown set (use nnsp or icann)");
        }
    }

    List<String> originalArgs() {
        return List.copyOf(spec.root().commandLine().getParseResult().originalArgs());
    }

    static List<LearningCurve.Series> curve(List<EpochReport> reports) {
        double[] epochs = new double[reports.size()];
        double[] error = new double[reports.size()];
        for (int i = 0; i < reports.size(); i++) {
            epochs[i] = reports.get(i).epoch();
            error[i] = reports.get(i).meanCrossEntropy();
        }
        return List.of(new LearningCurve.Series("training cross-entropy", epochs, error));
    }





    /** Where a model's companion files go, and the checks made before hours of training. */
    static final class ModelPaths {
        private ModelPaths() {}

        static Path curvePng(Path model) {
            String name = model.getFileName().toString();
            String stem = name.endsWith(".bebop") ? name.substring(0, name.length() - 6) : name;
            return model.resolveSibling(stem + ".curve.png");
        }

        static void checkWritable(Path file, String flag) {
            if (Files.isDirectory(file)) {
                throw new UserError(flag + " " + file + ": is a folder; give a file name such as model.bebop");
            }
            Path parent = file.toAbsolutePath().getParent();
            if (Files.exists(parent) && !Files.isDirectory(parent)) {
                throw new UserError(flag + " " + file + ": " + parent + " is not a folder");
            }
            if (Files.isDirectory(parent) && !Files.isWritable(parent)) {
                throw new UserError(flag + " " + file + ": cannot write in " + parent);
            }
        }
    }
}
