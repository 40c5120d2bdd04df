package bebop.cli;

import bebop.UserError;
import bebop.train.modern.ModernSettings;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/** The modern trainer's settings, shared by {@code bench-poly} and {@code train --data}. */
final class ModernFlags {
    @Option(names = "--hidden", paramLabel = "H[,H...]", split = ",",
            description = "Modern trainer: LSTM layer sizes, bottom first. Default: 256.")
    List<Integer> hidden;

    @Option(names = "--window", paramLabel = "T", description = "Modern trainer: truncated-BPTT window, steps. Default: 50.")
    Integer window;

    @Option(names = "--batch", paramLabel = "B", description = "Modern trainer: pieces per minibatch. Default: 32.")
    Integer batch;

    @Option(names = "--dropout", paramLabel = "P", description = "Modern trainer: dropout between layers. Default: 0.3.")
    Double dropout;

    @Option(names = "--input-dropout", paramLabel = "P",
            description = "Modern trainer: drop each input key of each training step with probability P (the network "
                    + "learns to predict from partly hidden frames); 0 = none. Default: 0.")
    Double inputDropout;

    @Option(names = "--clip", paramLabel = "N", description = "Modern trainer: gradient norm clip (0 = none). Default: 5.")
    Double clip;

    @Option(names = "--patience", paramLabel = "N",
            description = "Modern trainer: stop after N epochs without a better validation NLL. Default: 20.")
    Integer patience;

    @Option(names = "--decay-patience", paramLabel = "N",
            description = "Modern trainer: halve the learning rate after N epochs without a better validation NLL "
                    + "(counted since the best epoch or the last halving) and go on from the best epoch's parameters; "
                    + "0 = never. Takes effect only below --patience. Default: 0.")
    Integer decayPatience;

    @Option(names = "--output", paramLabel = "bernoulli|nade",
            description = "Modern trainer: the output over the 88 keys of a frame: bernoulli, each key on its own; or nade, "
                    + "keys low to high, each given the keys below it (RNN-NADE; exact NLL). Default: bernoulli.")
    String output;

    @Option(names = "--nade-hidden", paramLabel = "H",
            description = "Modern trainer, --output nade: the NADE's hidden units. Default: 150.")
    Integer nadeHidden;

    @Option(names = "--threads", paramLabel = "N",
            description = "Modern trainer: threads that share each minibatch (the results do not depend on N). "
                    + "Default: the number of cores.")
    Integer threads;

    /** The NADE's hidden units when --output nade comes without --nade-hidden (Boulanger-Lewandowski et al.'s 150). */
    static final int DEFAULT_NADE_HIDDEN = 150;

    /** True when any of these flags was given. */
    boolean anyGiven() {
        return hidden != null || window != null || batch != null || dropout != null || inputDropout != null
                || clip != null || patience != null || decayPatience != null || output != null || nadeHidden != null
                || threads != null;
    }

    /** {@code --threads}: the number given, or the number of cores. */
    int threads() {
        return RunFlags.threads(threads);
    }

    /** The NADE's hidden units the flags ask for, 0 for the Bernoulli output. */
    int nadeUnits() {
        String o = output == null ? "bernoulli" : output;
        if (!o.equals("bernoulli") && !o.equals("nade")) {
            throw new UserError("--output " + output + ": use bernoulli or nade");
        }
        if (o.equals("bernoulli")) {
            if (nadeHidden != null) {
                throw new UserError("--nade-hidden goes with --output nade");
            }
            return 0;
        }
        int h = nadeHidden == null ? DEFAULT_NADE_HIDDEN : nadeHidden;
        if (h < 1 || h > 4096) {
            throw new UserError("--nade-hidden " + h + ": must be 1..4096");
        }
        return h;
    }

    /** The settings: these flags over the defaults, with the command's seed, step size, epoch and time budgets. */
    ModernSettings settings(long seed, Double learningRate, Integer maxEpochs, double minutes) {
        ModernSettings s = ModernSettings.defaults(seed).withNadeHidden(nadeUnits());
        if (inputDropout != null && !(inputDropout >= 0 && inputDropout < 1)) {
            throw new UserError("--input-dropout " + inputDropout + ": must be at least 0 and below 1");
        }
        if (decayPatience != null && (decayPatience < 0 || decayPatience > 1_000_000)) {
            throw new UserError("--decay-patience " + decayPatience + ": must be 0..1000000 (0 = never)");
        }
        if (hidden != null) {
            String given = hidden.stream().map(String::valueOf).collect(Collectors.joining(","));
            s = change("--hidden " + given, s, x -> x.withLayers(hidden));
        }
        if (window != null) {
            s = change("--window " + window, s, x -> x.withWindow(window));
        }
        if (batch != null) {
            s = change("--batch " + batch, s, x -> x.withBatch(batch));
        }
        if (learningRate != null) {
            s = change("--learning-rate " + learningRate, s, x -> x.withLearningRate(learningRate));
        }
        if (dropout != null) {
            s = change("--dropout " + dropout, s, x -> x.withDropout(dropout));
        }
        if (inputDropout != null) {
            s = change("--input-dropout " + inputDropout, s, x -> x.withInputDropout(inputDropout));
        }
        if (clip != null) {
            s = change("--clip " + clip, s, x -> x.withClipNorm(clip));
        }
        if (maxEpochs != null) {
            s = change("--max-epochs " + maxEpochs, s, x -> x.withMaxEpochs(maxEpochs));
        }
        if (patience != null) {
            s = change("--patience " + patience, s, x -> x.withPatience(patience));
        }
        if (decayPatience != null) {
            s = change("--decay-patience " + decayPatience, s, x -> x.withDecayPatience(decayPatience));
        }
        return change("--minutes " + minutes, s, x -> x.withMaxMinutes(minutes));
    }

    /** {@code with} applied to {@code s}, a refused value reported under its flag ({@code given}: the flag and value). */
    private static ModernSettings change(String given, ModernSettings s, UnaryOperator<ModernSettings> with) {
        try {
            return with.apply(s);
        } catch (IllegalArgumentException e) {
            throw new UserError(given + ": " + e.getMessage());
        }
    }
}
