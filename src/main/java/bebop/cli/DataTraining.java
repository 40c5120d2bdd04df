package bebop.cli;

import bebop.UserError;
import bebop.data.BluesDataset;
import bebop.data.Split;
import bebop.data.corpus.ChordMelodySet;
import bebop.encoding.FrameFormat;
import bebop.io.model.FrameFormats;
import bebop.io.model.ModelFile;
import bebop.io.plot.LearningCurve;
import bebop.music.BluesForm;
import bebop.train.Experiment2;
import bebop.train.Experiment2Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code train --data}: the modern trainer on a piano-roll data set, or, with {@code --trainer
 * paper}, the paper's network on the blues ({@link MelodyTraining}) or an import folder
 * ({@link CorpusTraining}).
 */
final class DataTraining {
    private final TrainCommand cmd;

    DataTraining(TrainCommand cmd) {
        this.cmd = cmd;
    }

    int run() {
        if (cmd.data == null) {
            throw new UserError("give --experiment chords|melody (the paper's blues) or --data DATASET");
        }
        if (cmd.experiment != null) {
            throw new UserError("--experiment and --data: give one of them");
        }
        boolean blues = cmd.data.equalsIgnoreCase(TrainCommand.BLUES) && !Files.exists(Path.of(cmd.data));
        if (cmd.trainer.equals("paper")) {
            if (cmd.resume != null || cmd.checkpoint != null || cmd.hidden != null || cmd.window != null || cmd.batch != null
                    || cmd.dropout != null || cmd.inputDropout != null || cmd.clip != null || cmd.patience != null
                    || cmd.decayPatience != null || cmd.minutes != null) {
                throw new UserError("--resume, --checkpoint, --hidden, --window, --batch, --dropout, --input-dropout, "
                        + "--clip, --patience, --decay-patience and --minutes go with --trainer modern, not --trainer paper");
            }
            if (blues) {
                cmd.experiment = TrainCommand.Experiment.melody;
                return new MelodyTraining(cmd).run();
            }
            java.util.Optional<Path> folder = bebop.io.corpus.CorpusDatasets.importFolder(cmd.data);
            if (folder.isEmpty()) {
                throw new UserError("--trainer paper: " + cmd.data + " is a piano roll (any keys at once), and the paper's "
                        + "network plays chords and one melody note; it trains on blues or a bebop import folder "
                        + "(use --trainer modern for a piano roll)");
            }
            return new CorpusTraining(cmd).run(folder.get());
        }
        if (!cmd.trainer.equals("modern")) {
            throw new UserError("--trainer " + cmd.trainer + ": use modern or paper");
        }
        if (cmd.paper || cmd.momentum != null || cmd.peepholes != null || cmd.gateBiases != null || cmd.forgetBiases != null
                || cmd.resetAfter != null || cmd.epochChoruses != null) {
            throw new UserError("--paper, --momentum, --peepholes, --gate-biases, --forget-biases, --reset-after and "
                    + "--epoch-choruses go with the paper's network (--experiment, or --trainer paper), not --trainer modern");
        }
        BenchPolyCommand.Hyper h = new BenchPolyCommand.Hyper();
        h.hidden = cmd.hidden;
        h.seed = cmd.seed;
        h.window = cmd.window;
        h.batch = cmd.batch;
        h.learningRate = cmd.learningRate;
        h.dropout = cmd.dropout;
        h.inputDropout = cmd.inputDropout;
        h.clip = cmd.clip;
        h.patience = cmd.patience;
        h.decayPatience = cmd.decayPatience;
        if (cmd.maxEpochs != null) {
            if (cmd.maxEpochs < 1 || cmd.maxEpochs > 1_000_000) {
                throw new UserError("--max-epochs " + cmd.maxEpochs + ": must be 1..1000000");
            }
            h.maxEpochs = cmd.maxEpochs.intValue();
        }
        if (cmd.minutes != null && !(cmd.minutes > 0)) {
            throw new UserError("--minutes " + cmd.minutes + ": must be above 0");
        }
        var settings = h.settings(cmd.minutes == null ? 0 : cmd.minutes);
        TrainCommand.ModelPaths.checkWritable(cmd.out, "--out");
        Path ck = cmd.checkpoint != null ? cmd.checkpoint : checkpointPath(cmd.out);
        TrainCommand.ModelPaths.checkWritable(ck, "--checkpoint");
        var dataset = blues ? bluesSet().toPoly() : bebop.io.poly.PolyJson.resolve(cmd.data);
        // what the frames mean, recorded in the model: read before hours of training, not after
        FrameFormat format = blues ? FrameFormat.corpusRoll(2, 8) : bebop.io.corpus.CorpusDatasets.frameFormat(cmd.data);
        var w = cmd.spec.commandLine().getOut();
        // on --resume the checkpoint's settings, not the flags', are the ones that train
        BenchPolyCommand.Run run = BenchPolyCommand.train(dataset, settings,
                blues ? bebop.io.poly.PolyJson.toBytes(dataset) : bebop.io.poly.PolyJson.bytes(cmd.data), ck, cmd.resume,
                cmd.quiet, cmd.spec,
                used -> {
                    w.printf(Locale.ROOT, "%s: %d/%d/%d pieces; LSTM %s, window %d, batch %d, Adam %s, dropout %s, seed %d%s%n",
                            dataset.name(), dataset.train().size(), dataset.valid().size(), dataset.test().size(),
                            used.layers(), used.window(), used.batch(), used.learningRate(), used.dropout(),
                            used.seed(), cmd.resume != null ? " (resuming " + cmd.resume + ")" : "");
                    w.flush();
                });
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("valid_nll", run.result().bestValid());
        if (!dataset.test().isEmpty()) {
            var test = bebop.train.modern.PolyEvaluation.score(run.result().best(), dataset.test(),
                    run.settings().window(), run.settings().batch());
            metrics.put("test_nll", test.nll());
            metrics.put("test_acc", test.accuracy());
        }
        ModelFile.write(cmd.out, FrameFormats.with(run.model(metrics), format,
                bebop.compose.Primers.openings(dataset.train(), TrainCommand.PRIMER_BARS * format.stepsPerBar(), TrainCommand.PRIMERS)));
        Path png = TrainCommand.ModelPaths.curvePng(cmd.out);
        LearningCurve.write(png, BenchPolyCommand.curve(run.result()), BenchPolyCommand.curveOptions(dataset.name()));
        w.printf(Locale.ROOT, "%d epochs (best %d, stopped by %s), %.0f s; valid_nll %.4f%s%n", run.result().epochs(),
                run.result().bestEpoch(), run.result().stopReason(), run.result().seconds(), run.result().bestValid(),
                metrics.containsKey("test_nll") ? String.format(Locale.ROOT, ", test_nll %.4f, test_acc %.4f",
                        (double) metrics.get("test_nll"), (double) metrics.get("test_acc")) : "");
        w.printf(Locale.ROOT, "wrote %s, %s and %s%n", cmd.out, png, ck);
        w.flush();
        return 0;
    }

    private Path checkpointPath(Path model) {
        String name = model.getFileName().toString();
        String stem = name.endsWith(".bebop") ? name.substring(0, name.length() - 6) : name;
        return model.resolveSibling(stem + ".ckpt.bebop");
    }

    /** The blues as melodies over chords, split as Experiment 2 splits it. */
    private ChordMelodySet bluesSet() {
        Experiment2Settings s = Experiment2Settings.defaults(cmd.seed).withForm(Options.formVariant(cmd.form));
        Split split = Experiment2.split(s);
        return ChordMelodySet.blues(BluesDataset.generate(BluesForm.of(s.form())), split.training(), split.heldOut());
    }
}
