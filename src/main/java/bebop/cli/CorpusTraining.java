package bebop.cli;

import bebop.UserError;
import bebop.data.corpus.ChordMelodySet;
import bebop.encoding.FrameFormat;
import bebop.io.model.FrameFormats;
import bebop.train.CorpusExperiment;
import bebop.io.model.LstmModels;
import bebop.io.model.Model;
import bebop.io.model.ModelFile;
import bebop.io.model.Provenance;
import bebop.io.plot.LearningCurve;
import bebop.train.Experiment2;
import bebop.train.Experiment2Settings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code train --data FOLDER --trainer paper} on an imported corpus: the Experiment 2 network, its
 * BPTT + Adam recipe.
 */
final class CorpusTraining {
    private final TrainCommand cmd;

    CorpusTraining(TrainCommand cmd) {
        this.cmd = cmd;
    }

    int run(Path folder) {
        if (cmd.paper) {
            throw new UserError("--paper: the paper's online learner is for the blues (--experiment melody); "
                    + "on a corpus the paper's network trains with its default BPTT + Adam recipe");
        }
        Experiment2Settings settings = new MelodyTraining(cmd).melodySettings();
        TrainCommand.ModelPaths.checkWritable(cmd.out, "--out");
        Path curvePng = TrainCommand.ModelPaths.curvePng(cmd.out);
        ChordMelodySet set = bebop.io.corpus.CorpusDatasets.read(folder);
        if (set.train().isEmpty()) {
            throw new UserError(folder + ": the train split is empty");
        }
        FrameFormat format = CorpusExperiment.format(set);
        var w = cmd.spec.commandLine().getOut();
        w.printf(Locale.ROOT, "%s: %d/%d/%d pieces; the paper's Experiment 2 network (8 blocks x 2 cells), %s, "
                        + "seed %d, BPTT + Adam, learning rate %s, epoch = one Adam step over %d steps%n",
                folder, set.train().size(), set.valid().size(), set.test().size(), format.describe(), cmd.seed,
                settings.learningRate(), settings.chorusesPerEpoch() * Experiment2.STEPS_PER_CHORUS);
        w.flush();
        CorpusExperiment.Result result;
        try (TrainingProgress progress = new TrainingProgress(cmd.spec.commandLine().getErr(), "train",
                settings.maxEpochs(), cmd.quiet)) {
            result = CorpusExperiment.train(settings, set, progress);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("dataset", folder.toString());
        training.put("epochs", result.epochs());
        training.put("steps", result.steps());
        training.put("plateaued", result.plateaued());
        training.put("seconds", result.seconds());
        Map<String, Object> metrics = new LinkedHashMap<>();
        if (!Double.isNaN(result.validNll())) {
            metrics.put("valid_nll", result.validNll());
        }
        Provenance provenance = Provenance.of(cmd.seed, cmd.originalArgs(),
                bebop.io.model.Fingerprint.of(bebop.io.poly.PolyJson.bytes(folder.toString())));
        Model model = LstmModels.toModel("corpus", null, result.network(), result.normalizer(), settings, training,
                provenance).withMetrics(metrics);
        model = FrameFormats.with(model, format,
                CorpusExperiment.primers(set.train(), format, TrainCommand.PRIMER_BARS * format.stepsPerBar(), TrainCommand.PRIMERS));
        ModelFile.write(cmd.out, model);
        LearningCurve.write(curvePng, TrainCommand.curve(result.curve()), LearningCurve.Options.defaults()
                .withTitle("Experiment 2 network on " + folder.getFileName() + ", seed " + cmd.seed)
                .withLabels("epoch (Adam step)", "cross-entropy per step").withLogY(true));
        w.printf(Locale.ROOT, "%,d epochs (%,d steps, %.1f s)%s%s%n", result.epochs(), result.steps(), result.seconds(),
                result.plateaued() ? ", the error plateaued" : "",
                Double.isNaN(result.validNll()) ? "" : String.format(Locale.ROOT, "; valid_nll %.4f", result.validNll()));
        w.printf(Locale.ROOT, "wrote %s and %s%n", cmd.out, curvePng);
        w.flush();
        return 0;
    }
}
