package bebop.cli;

import bebop.UserError;
import bebop.data.BluesDataset;
import bebop.io.model.LstmModels;
import bebop.io.model.Model;
import bebop.io.model.ModelFile;
import bebop.io.model.Provenance;
import bebop.io.plot.LearningCurve;
import bebop.music.BluesForm;
import bebop.train.Experiment1Settings;
import bebop.train.Experiment2;
import bebop.train.Experiment2Result;
import bebop.train.Experiment2Settings;
import bebop.eval.Evaluator;
import bebop.eval.MelodyEvaluation;
import bebop.nn.LstmSequenceModel;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code train --experiment melody} (and {@code --data blues --trainer paper}): the paper's
 * Experiment 2, set up from the flags of {@link TrainCommand}.
 */
final class MelodyTraining {
    private final TrainCommand cmd;

    MelodyTraining(TrainCommand cmd) {
        this.cmd = cmd;
    }

    int run() {
        Experiment2Settings settings = melodySettings();
        Path curvePng = TrainCommand.ModelPaths.curvePng(cmd.out);
        TrainCommand.ModelPaths.checkWritable(cmd.out, "--out");
        var err = cmd.spec.commandLine().getErr();
        var w = cmd.spec.commandLine().getOut();
        boolean bptt = settings.trainer() == Experiment1Settings.Trainer.BPTT_ADAM;
        w.printf(Locale.ROOT, "Experiment 2 (chords and melody), seed %d: %d blocks x 2 cells, %d weights, %s, "
                        + "learning rate %s, momentum %s, epoch = %s%n",
                cmd.seed, settings.networkConfig().blocks(), Experiment2.newNetwork(settings).parameterCount(),
                bptt ? "BPTT + Adam (bebop's default)" : "online truncated RTRL (the paper's algorithm)",
                settings.learningRate(), settings.momentum(),
                bptt ? "one Adam step over " + settings.chorusesPerEpoch() + " choruses"
                        : settings.chorusesPerEpoch() + " choruses");
        w.flush();
        Experiment2Result result;
        try (TrainingProgress progress = new TrainingProgress(err, "train", settings.maxEpochs(), cmd.quiet)) {
            result = Experiment2.train(settings, progress);
        }
        BluesDataset blues = BluesDataset.generate(BluesForm.of(settings.form()));
        MelodyEvaluation eval = Evaluator.evaluate(new LstmSequenceModel(result.network(), result.normalizer()),
                blues, result.split().heldOut(), EvalCommand.DEFAULT_CHORUSES, bebop.compose.Primers.DEFAULT_STEPS,
                1.0, EvalCommand.DEFAULT_SEED);

        Map<String, Object> training = new LinkedHashMap<>();
        training.put("epochs", result.epochs());
        training.put("steps", result.steps());
        training.put("converged", result.converged());
        training.put("chord_test_passed", result.chordTestPassed());
        training.put("plateaued", result.plateaued());
        training.put("split_seed", result.split().seed());
        training.put("held_out", result.split().heldOut());
        List<double[][]> all = new java.util.ArrayList<>();
        blues.choruses().forEach(c -> all.add(blues.frames(c)));
        Provenance provenance = Provenance.of(cmd.seed, cmd.originalArgs(),
                BluesDataset.fingerprint(all.toArray(new double[0][][])));
        Model model = LstmModels.toModel(cmd.experiment.name(), settings.form(), result.network(), result.normalizer(),
                settings, training, provenance).withMetrics(EvalCommand.melodyMetrics(eval));
        ModelFile.write(cmd.out, model);
        LearningCurve.write(curvePng, TrainCommand.curve(result.curve()),
                LearningCurve.Options.defaults().withTitle("Experiment 2, seed " + cmd.seed)
                        .withLabels(bptt ? "epoch (Adam step over " + settings.chorusesPerEpoch() + " choruses)"
                                : "epoch (" + settings.chorusesPerEpoch() + " choruses)", "cross-entropy per step")
                        .withLogY(true));
        if (result.converged()) {
            w.printf(Locale.ROOT, "learned the chords and the error plateaued in %,d epochs (%,d steps, %.1f s, %,.0f steps/s)%n",
                    result.epochs(), result.steps(), result.seconds(), result.steps() / Math.max(result.seconds(), 1e-9));
        } else {
            w.printf(Locale.ROOT, "did NOT meet the stop test (chords %s, error plateau %s) within %,d epochs "
                            + "(%,d steps, %.1f s); the model is saved as it is%n",
                    result.chordTestPassed() ? "right" : "wrong", result.plateaued() ? "yes" : "no",
                    result.epochs(), result.steps(), result.seconds());
        }
        w.printf(Locale.ROOT, "free run of %d choruses: chord_accuracy %.4f, in_scale %.4f, novel_bars %.4f; "
                        + "held-out nll %.4f%n", eval.choruses(), eval.chordAccuracy(), eval.inScale(), eval.novelBars(),
                eval.nll());
        w.printf(Locale.ROOT, "wrote %s and %s%n", cmd.out, curvePng);
        w.flush();
        return 0;
    }

    Experiment2Settings melodySettings() {
        Experiment2Settings s = (cmd.paper ? Experiment2Settings.paper(cmd.seed) : Experiment2Settings.defaults(cmd.seed))
                .withForm(Options.formVariant(cmd.form));
        if (cmd.peepholes != null) {
            s = s.withPeepholes(cmd.peepholes);
        }
        if (cmd.gateBiases != null) {
            s = s.withGateBiases(cmd.gateBiasSet());
        }
        if (cmd.forgetBiases != null) {
            switch (cmd.forgetBiases.toLowerCase(Locale.ROOT)) {
                case "positive" -> s = s.withPositiveForgetBiases(true);
                case "negative" -> s = s.withPositiveForgetBiases(false);
                default -> throw new UserError("--forget-biases " + cmd.forgetBiases + ": use positive or negative");
            }
        }
        if (cmd.maxEpochs != null) {
            if (cmd.maxEpochs < 1) {
                throw new UserError("--max-epochs " + cmd.maxEpochs + ": must be at least 1");
            }
            s = s.withMaxEpochs(cmd.maxEpochs);
        }
        if (cmd.epochChoruses != null) {
            if (cmd.epochChoruses < 1 || cmd.epochChoruses > 100_000) {
                throw new UserError("--epoch-choruses " + cmd.epochChoruses + ": must be between 1 and 100000");
            }
            s = s.withChorusesPerEpoch(cmd.epochChoruses);
        }
        if (cmd.learningRate != null) {
            s = s.withLearningRate(cmd.checkedLearningRate());
        }
        if (cmd.momentum != null) {
            s = s.withMomentum(cmd.checkedMomentum());
        }
        if (cmd.resetAfter != null) {
            s = s.withResetAfterGrossErrors(cmd.checkedResetAfter());
        }
        return s;
    }
}
