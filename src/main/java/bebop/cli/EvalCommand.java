package bebop.cli;

import bebop.UserError;
import bebop.app.EvaluateService;
import bebop.app.Evaluation;
import bebop.app.EvaluationRuns;
import bebop.eval.Comparison;
import bebop.io.report.ComparisonReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bebop eval}: lets a trained network run free and measures what it plays. */
@Command(name = "eval", sortOptions = false,
        description = {"Let a trained network run free and measure what it plays.",
            "chords models: from the form's first frame, chord outputs thresholded at 0.5 and fed back: how well it keeps "
                + "the form. melody models: primed with the first bar of a training chorus, chords thresholded and one "
                + "melody note drawn per step (the paper's rule): chord_accuracy, in_scale, novel_bars, unique_choruses, "
                + "pitch_class_kl; and nll, the cross-entropy per step on the held-out choruses.",
            "Models of other data: the figures training measured; a piano-roll model also runs free (--choruses of 12 "
                + "bars, primed as compose primes it, temperature 1; a NADE model draws each frame key by key) and shows "
                + "the share of generated frames with 3-4 notes sounding beside the training set's.",
            "--runs N: many free runs of a melody model in one pass, each metric's mean, least and greatest value.",
            "--data DATASET: a model of a data set scored on a data set's test (or --split) pieces."})
final class EvalCommand implements Callable<Integer> {
    @Option(names = "--model", paramLabel = "M.bebop",
            description = "Model file to evaluate. Default: the model bundled with bebop.")
    Path model;

    @Option(names = "--choruses", paramLabel = "N", defaultValue = "100",
            description = "Choruses to run free (96 steps each; a piano roll: 12 bars each). Default: ${DEFAULT-VALUE}.")
    int choruses;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "melody and piano-roll models: seed of the primer choice and the note draws. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--runs", paramLabel = "N",
            description = "melody models: N free runs of --choruses each, in one pass, run k seeded --seed + k - 1 "
                    + "(as eval --seed alone gives it); prints each metric's mean, least and greatest value. At most "
                    + EvaluateService.MAX_RUNS + ".")
    Integer runs;

    @Option(names = "--data", paramLabel = "DATASET",
            description = "Score a model of a data set on one instead of running it free: a model of the modern trainer "
                    + "on a piano-roll JSON, jsb, nottingham or an import folder with frames like its own; the paper's "
                    + "network trained on an import on an import folder. Prints the cross-entropy per frame "
                    + "(teacher-forced) and, for the modern trainer's, the frame accuracy of --split, named as the model "
                    + "file names them (test_nll, test_acc); on the data set it was trained on, they equal what its file "
                    + "records.")
    String data;

    @Option(names = "--split", paramLabel = "SPLIT", description = "With --data: test, valid or train. Default: test.")
    String split;

    @Option(names = "--json", description = "Print one JSON object instead of the table.")
    boolean json;

    @Option(names = "--compare", description = "Compare the (melody) model with baselines trained on the same choruses: "
            + "Markov chains of order 1, 2, 4, 8 over whole frames and an Elman network of about the same size. "
            + "Needs --out.")
    boolean compare;

    @Option(names = "--out", paramLabel = "REPORT.md", description = "With --compare: the report to write (and REPORT.json beside it).")
    Path out;

    @Option(names = "--elman-epochs", paramLabel = "N", defaultValue = "30",
            description = "With --compare: the Elman network's training epochs. Default: ${DEFAULT-VALUE}.")
    int elmanEpochs;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        EvaluateService.checkChoruses(choruses);
        if (data != null) {
            return onData();
        }
        if (split != null) {
            throw new UserError("--split goes with --data");
        }
        if (compare != (out != null)) {
            throw new UserError(compare ? "--compare needs --out REPORT.md" : "--out goes with --compare");
        }
        if (compare) {
            if (runs != null) {
                throw new UserError("--runs does not go with --compare");
            }
            return compare();
        }
        if (runs != null) {
            EvaluationRuns evaluation = EvaluateService.evaluateRuns(model, choruses, seed, runs);
            return show(EvalOutput.json(evaluation, model), w -> EvalOutput.print(evaluation, w));
        }
        Evaluation evaluation = EvaluateService.evaluate(model, choruses, seed);
        return show(EvalOutput.json(evaluation, model), w -> EvalOutput.print(evaluation, w));
    }

    /** Prints {@code asJson} with {@code --json}, else the table. */
    private int show(ObjectNode asJson, Consumer<PrintWriter> table) throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            w.println(new ObjectMapper().writeValueAsString(asJson));
        } else {
            table.accept(w);
        }
        w.flush();
        return 0;
    }

    /** {@code --data}: no free run, so the flags of one are refused rather than ignored. */
    private int onData() throws Exception {
        for (String flag : new String[] {"--choruses", "--seed", "--runs", "--compare", "--out", "--elman-epochs"}) {
            if (spec.commandLine().getParseResult().hasMatchedOption(flag)) {
                throw new UserError(flag + " does not go with --data (it scores the data set's frames, no free run)");
            }
        }
        Evaluation evaluation = EvaluateService.onData(model, data, split == null ? "test" : split, RunFlags.threads(null));
        return show(EvalOutput.json(evaluation, model), w -> EvalOutput.print(evaluation, w));
    }

    private int compare() {
        EvaluateService.ComparisonPlan plan = EvaluateService.comparison(model, elmanEpochs);
        ModelOutputs.checkWritable(out, "--out");
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "training the baselines on the %d training choruses of %s ...%n",
                plan.trainingChoruses(), plan.model().describe());
        w.flush();
        EvaluateService.Compared c = EvaluateService.compare(plan, choruses, seed,
                spec.root().commandLine().getParseResult().originalArgs());
        ComparisonReport.write(out, "bebop: the LSTM against the baselines", c.setup(), c.rows(), c.verdict());
        for (Comparison.Row r : c.rows()) {
            w.printf(Locale.ROOT, "%-12s chord_accuracy %.4f  novel_bars %.4f  nll %.4f%n", r.model(),
                    r.evaluation().chordAccuracy(), r.evaluation().novelBars(), r.evaluation().nll());
        }
        w.println(c.verdict());
        w.printf(Locale.ROOT, "wrote %s and %s%n", out, ComparisonReport.jsonBeside(out));
        w.flush();
        return 0;
    }
}
