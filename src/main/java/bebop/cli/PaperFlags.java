package bebop.cli;

import bebop.UserError;
import bebop.app.Checks;
import bebop.nn.LstmConfig;
import bebop.train.Experiment1Settings;
import bebop.train.Experiment2Settings;
import bebop.train.PaperNetworkSettings;
import java.util.Locale;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The settings of the paper's network ({@code train --experiment}, {@code --trainer paper}). */
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
                || chorusReset != null;
    }

    Experiment1Settings experiment1(long seed, Long maxEpochs, Double learningRate) {
        if (maxEpochs != null && maxEpochs < 1) {
            throw new UserError("--max-epochs " + maxEpochs + ": must be at least 1");
        }
        Experiment1Settings s = (paper ? Experiment1Settings.paper(seed) : Experiment1Settings.defaults(seed))
                .withForm(Checks.formVariant(form));
        if (maxEpochs != null) {
            s = s.withMaxEpochs(maxEpochs);
        }
        s = learner(network(s), learningRate);
        if (!paper && s.trainer() != Experiment1Settings.Trainer.BPTT_ADAM) {
            s = s.withOnlineDefaults();
        }
        s = learning(s, learningRate);
        if (resetRule != null || chorusReset != null) {
            if (s.trainer() == Experiment1Settings.Trainer.BPTT_ADAM) {
                throw new UserError("--reset-rule and --chorus-reset go with an online learner (--learner sgd or dekf)");
            }
            boolean restart = resetRule == null || switch (resetRule.toLowerCase(Locale.ROOT)) {
                case "restart" -> true;
                case "continue" -> false;
                default -> throw new UserError("--reset-rule " + resetRule + ": use restart or continue");
            };
            if (chorusReset != null && (chorusReset < 0 || chorusReset > 1000)) {
                throw new UserError("--chorus-reset " + chorusReset + ": must be 0 (never) to 1000 choruses");
            }
            s = s.withResets(restart, chorusReset == null ? s.chorusesPerReset() : chorusReset);
        }
        return s;
    }

    Experiment2Settings experiment2(long seed, Long maxEpochs, Double learningRate) {
        if (resetRule != null || chorusReset != null) {
            throw new UserError("--reset-rule and --chorus-reset: only for --experiment chords");
        }
        Experiment2Settings s = (paper ? Experiment2Settings.paper(seed) : Experiment2Settings.defaults(seed))
                .withForm(Checks.formVariant(form));
        s = learner(network(s), learningRate);
        if (!paper && s.trainer() != Experiment1Settings.Trainer.BPTT_ADAM) {
            s = s.withOnlineDefaults();
        }
        if (forgetBiases != null) {
            s = s.withPositiveForgetBiases(switch (forgetBiases.toLowerCase(Locale.ROOT)) {
                case "positive" -> true;
                case "negative" -> false;
                default -> throw new UserError("--forget-biases " + forgetBiases + ": use positive or negative");
            });
        }
        if (maxEpochs != null) {
            if (maxEpochs < 1) {
                throw new UserError("--max-epochs " + maxEpochs + ": must be at least 1");
            }
            s = s.withMaxEpochs(maxEpochs);
        }
        if (epochChoruses != null) {
            if (epochChoruses < 1 || epochChoruses > 100_000) {
                throw new UserError("--epoch-choruses " + epochChoruses + ": must be between 1 and 100000");
            }
            s = s.withChorusesPerEpoch(epochChoruses);
        }
        return learning(s, learningRate);
    }

    /** Online SGD's learning rate when none is given and the settings are not the paper's. */
    static final double SGD_LEARNING_RATE = 1e-3;

    /** The learner's flags: {@code --learner} and the DEKF's settings. */
    private <S extends PaperNetworkSettings<S>> S learner(S s, Double learningRate) {
        if (learner != null) {
            Experiment1Settings.Trainer t = switch (learner.toLowerCase(Locale.ROOT)) {
                case "sgd" -> Experiment1Settings.Trainer.ONLINE_RTRL;
                case "dekf" -> Experiment1Settings.Trainer.DEKF;
                case "bptt-adam" -> Experiment1Settings.Trainer.BPTT_ADAM;
                default -> throw new UserError("--learner " + learner + ": use sgd, dekf or bptt-adam");
            };
            if (t != s.trainer() && learningRate == null) {
                s = s.withLearningRate(switch (t) {
                    case ONLINE_RTRL -> SGD_LEARNING_RATE;
                    case BPTT_ADAM -> Experiment1Settings.DEFAULT_BPTT_LEARNING_RATE;
                    case DEKF -> s.learningRate(); // not used
                });
            }
            s = s.withTrainer(t);
        }
        if (kalmanFlags.given() && s.trainer() != Experiment1Settings.Trainer.DEKF) {
            throw new UserError("--dekf-p0, --dekf-r, --dekf-q, --dekf-anneal, --dekf-groups and --dekf-measure go with "
                    + "--learner dekf");
        }
        return s.withKalman(kalmanFlags.kalman());
    }

    /** The network's flags: peepholes and gate biases. */
    private <S extends PaperNetworkSettings<S>> S network(S s) {
        if (peepholes != null) {
            s = s.withPeepholes(peepholes);
        }
        if (gateBiases != null) {
            s = s.withGateBiases(gateBiasSet());
        }
        return s;
    }

    /** The learning flags: learning rate, momentum, resets. */
    private <S extends PaperNetworkSettings<S>> S learning(S s, Double learningRate) {
        if (learningRate != null) {
            s = s.withLearningRate(checked(learningRate, learningRate > 0 && learningRate < 100, "--learning-rate",
                    "must be above 0 and below 100"));
        }
        if (momentum != null) {
            s = s.withMomentum(checked(momentum, momentum >= 0 && momentum < 1, "--momentum",
                    "must be at least 0 and below 1"));
        }
        if (resetAfter != null) {
            s = s.withResetAfterGrossErrors(checked(resetAfter, resetAfter >= 0, "--reset-after",
                    "must be 0 (never) or more"));
        }
        return s;
    }

    /** {@code value} when {@code ok}, else a user error: "FLAG VALUE: RULE". */
    private static <T> T checked(T value, boolean ok, String flag, String rule) {
        if (!ok) {
            throw new UserError(flag + " " + value + ": " + rule);
        }
        return value;
    }

    private LstmConfig.GateBiasSet gateBiasSet() {
        return switch (gateBiases.toLowerCase(Locale.ROOT)) {
            case "nnsp" -> LstmConfig.GateBiasSet.NNSP;
            case "icann" -> LstmConfig.GateBiasSet.ICANN;
            default -> throw new UserError("--gate-biases " + gateBiases + ": unknown set (use nnsp or icann)");
        };
    }
}
