package bebop.cli;

import bebop.app.PaperChoices;
import bebop.train.Experiment1Settings;
import bebop.train.Experiment2Settings;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The flags of the paper's network ({@code train --experiment}, {@code --trainer paper}, {@code seeds}, {@code ablate}); {@link PaperChoices} applies them. */
final class PaperFlags {
    @Option(names = "--epoch-choruses", paramLabel = "N",
            description = "melody: an epoch is (one Adam step over) N random training choruses (96 steps each). "
                    + "Default: 2 (100 with --paper).")
    Integer epochChoruses;

    @Option(names = "--form", paramLabel = "paper|corrected", defaultValue = "paper",
            description = "Bar 6 as printed or corrected (see bebop data blues). Default: ${DEFAULT-VALUE}.")
    String form;

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

    @Option(names = "--reset-rule", paramLabel = "restart|continue",
            description = "chords, online: after a gross-error reset, restart the chorus (the paper's \"reset the input "
                    + "pattern\", default) or continue it from where the error was.")
    String resetRule;

    @Option(names = "--chorus-reset", paramLabel = "N",
            description = "chords, online: also reset the state at the start of every N-th chorus (1: every chorus; "
                    + "2: sequences of two choruses from the zero state, as the free-run test plays). Default: 0, never.")
    Integer chorusReset;

    @Option(names = "--stop-choruses", paramLabel = "N",
            description = "The stop test: free-running from the first frame, N whole choruses of chords must come "
                    + "out right (melody: and the error must have plateaued). Default: 2; 8 for melody with "
                    + "--learner sgd or dekf.")
    Integer stopChoruses;

    @Option(names = "--learner", paramLabel = "sgd|dekf|bptt-adam",
            description = {"How the paper's network learns. sgd: the paper's online algorithm, one weight change per step "
                    + "(truncated RTRL/BPTT, momentum; learning rate default 1e-3, the paper's 1e-5 with --paper); "
                    + "dekf: online, the same truncated derivatives, a decoupled extended Kalman filter "
                    + "(Pérez-Ortiz et al. 2003; --dekf-* flags); bptt-adam: full BPTT with Adam. sgd and dekf reset "
                    + "the state at every second chorus and not after gross errors (--chorus-reset, --reset-after) and start "
                    + "from weights +-0.1, except with --paper.",
                "Default: bptt-adam (sgd with --paper)."})
    String learner;

    @Mixin
    KalmanFlags kalmanFlags;

    /** True when a flag of the paper's network was given ({@code --form} has a default and counts for none). */
    boolean anyGiven() {
        return paper || momentum != null || peepholes != null || gateBiases != null || forgetBiases != null
                || resetAfter != null || epochChoruses != null || learner != null || kalmanFlags.given() || resetRule != null
                || chorusReset != null || stopChoruses != null;
    }

    /** The choices these flags give, with {@code train}'s or {@code seeds}' own {@code --max-epochs} and {@code --learning-rate}. */
    PaperChoices choices(Long maxEpochs, Double learningRate) {
        return new PaperChoices(paper, form, learner, learningRate, momentum, peepholes, gateBiases, forgetBiases,
                resetAfter, resetRule, chorusReset, stopChoruses, epochChoruses, maxEpochs,
                kalmanFlags.given() ? kalmanFlags.kalman() : null);
    }

    Experiment1Settings experiment1(long seed, Long maxEpochs, Double learningRate) {
        return choices(maxEpochs, learningRate).experiment1(seed);
    }

    Experiment2Settings experiment2(long seed, Long maxEpochs, Double learningRate) {
        return choices(maxEpochs, learningRate).experiment2(seed);
    }
}
