package bebop.cli;

import bebop.UserError;
import bebop.app.Experiment;
import bebop.app.TrainService;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bebop train}: trains one of the paper's networks, or the modern LSTM on a data set, and
 * writes the model and its learning curve. This class reads the flags and picks the trainer;
 * {@link TrainRuns} runs it and reports.
 */
@Command(name = "train", sortOptions = false,
        header = "Train a network: the paper's Experiment 1 or 2, or the modern LSTM on any data set.",
        description = {"Train one of the paper's LSTM networks (the paper's algorithm, online truncated RTRL, with --paper) "
                + "and write the model (M.bebop) and its learning curve (M.curve.png).",
            "Or (--data) train on a data set: a bebop import folder, blues, or a piano roll (a benchmark JSON, jsb, "
                + "nottingham); --trainer modern: stacked LSTM, minibatch truncated BPTT, Adam, early stopping on valid, "
                + "a checkpoint every epoch (M.ckpt.bebop) that --resume continues exactly; --trainer paper: the paper's "
                + "Experiment 2 network by its BPTT + Adam recipe (blues and import folders). compose plays either model."})
final class TrainCommand implements Callable<Integer> {
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
                + "--epoch-choruses choruses of online steps, default 100000). --data: default 500."})
    Long maxEpochs;

    @Option(names = "--learning-rate", paramLabel = "R",
            description = "Learning rate (the Adam step size for BPTT training). Default: see README.")
    Double learningRate;

    @Mixin
    PaperFlags paperFlags;

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

    @Mixin
    ResumeFlags resumeFlags;

    @Mixin
    ModernFlags modernFlags;

    @Option(names = "--minutes", paramLabel = "M", description = "With --data: stop at the first epoch end after M minutes.")
    Double minutes;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        TrainRuns runs = new TrainRuns(out, quiet, spec.root().commandLine().getParseResult().originalArgs(),
                spec.commandLine().getOut(), spec.commandLine().getErr());
        if (data == null && experiment == null) {
            throw new UserError("give --experiment chords|melody (the paper's blues) or --data DATASET");
        }
        if (data != null) {
            return onData(runs);
        }
        if (modernGiven()) {
            throw new UserError("--resume, --checkpoint, --hidden, --window, --batch, --dropout, --input-dropout, --clip, "
                    + "--patience, --decay-patience, --output, --nade-hidden, --threads and --minutes go with --data, not --experiment");
        }
        if (experiment == Experiment.melody) {
            return runs.melody(paperFlags.experiment2(seed, maxEpochs, learningRate));
        }
        return runs.chords(paperFlags.experiment1(seed, maxEpochs, learningRate));
    }

    private int onData(TrainRuns runs) {
        if (experiment != null) {
            throw new UserError("--experiment and --data: give one of them");
        }
        if (trainer.equals("paper")) {
            if (modernGiven()) {
                throw new UserError("--resume, --checkpoint, --hidden, --window, --batch, --dropout, --input-dropout, "
                        + "--clip, --patience, --decay-patience, --output, --nade-hidden, --threads and --minutes go with --trainer modern, "
                        + "not --trainer paper");
            }
            if (TrainService.isBlues(data)) {
                return runs.melody(paperFlags.experiment2(seed, maxEpochs, learningRate));
            }
            Path folder = TrainService.paperCorpus(data);
            if (paperFlags.paper) {
                throw new UserError("--paper: the paper's online learner is for the blues (--experiment melody); "
                        + "on a corpus the paper's network trains with its default BPTT + Adam recipe");
            }
            return runs.corpus(folder, paperFlags.experiment2(seed, maxEpochs, learningRate));
        }
        if (!trainer.equals("modern")) {
            throw new UserError("--trainer " + trainer + ": use modern or paper");
        }
        if (paperFlags.anyGiven()) {
            throw new UserError("--paper, --momentum, --peepholes, --gate-biases, --forget-biases, --reset-after, "
                    + "--epoch-choruses, --learner, --reset-rule, --chorus-reset, --stop-choruses and --dekf-* go with the "
                    + "paper's network (--experiment, or --trainer paper), not --trainer modern");
        }
        if (maxEpochs != null && (maxEpochs < 1 || maxEpochs > 1_000_000)) {
            throw new UserError("--max-epochs " + maxEpochs + ": must be 1..1000000");
        }
        if (minutes != null && !(minutes > 0)) {
            throw new UserError("--minutes " + minutes + ": must be above 0");
        }
        var settings = modernFlags.settings(seed, learningRate, maxEpochs == null ? null : maxEpochs.intValue(),
                minutes == null ? 0 : minutes);
        var resume = resumeFlags.resume(spec.commandLine().getParseResult(), maxEpochs, modernFlags.patience, minutes);
        return runs.modern(data, paperFlags.form, settings, resumeFlags.checkpoint, resume, modernFlags.threads());
    }

    private boolean modernGiven() {
        return resumeFlags.anyGiven() || minutes != null || modernFlags.anyGiven();
    }
}
