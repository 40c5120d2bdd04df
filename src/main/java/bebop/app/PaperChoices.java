package bebop.app;

import bebop.UserError;
import bebop.nn.KalmanSettings;
import bebop.nn.LstmConfig;
import bebop.train.Experiment1Settings;
import bebop.train.Experiment2Settings;
import bebop.train.PaperNetworkSettings;
import java.util.Locale;

/**
 * What a user chose for the paper's networks ({@code train --experiment}, {@code seeds}, {@code ablate},
 * {@code --trainer paper}), each null where not chosen, and the rules that turn the choices into
 * Experiment 1 or Experiment 2 settings: the paper's or bebop's base, the learner, the online
 * learners' defaults, then each choice. Failures are {@link UserError}s naming the flag.
 *
 * @param paper          start from the paper's literal settings instead of bebop's
 * @param form           bar 6: paper or corrected
 * @param learner        sgd, dekf or bptt-adam
 * @param learningRate   the learner's step size
 * @param momentum       momentum (sgd) or Adam's beta1 (bptt-adam)
 * @param peepholes      peephole connections
 * @param gateBiases     nnsp or icann
 * @param forgetBiases   Experiment 2: positive or negative
 * @param resetAfter     online: reset after this many gross errors (0 = never)
 * @param resetRule      Experiment 1, online: restart or continue the chorus after a gross-error reset
 * @param chorusReset    Experiment 1, online: also reset at every this many choruses (0 = never)
 * @param stopChoruses   the stop test's whole choruses of chords
 * @param epochChoruses  Experiment 2: choruses per epoch
 * @param maxEpochs      at most this many epochs
 * @param kalman         dekf: the filter's settings
 */
public record PaperChoices(boolean paper, String form, String learner, Double learningRate, Double momentum,
                           Boolean peepholes, String gateBiases, String forgetBiases, Integer resetAfter,
                           String resetRule, Integer chorusReset, Integer stopChoruses, Integer epochChoruses,
                           Long maxEpochs, KalmanSettings kalman) {

    /** Online SGD's learning rate when none is given and the settings are not the paper's. */
    public static final double SGD_LEARNING_RATE = 1e-3;

    /** Experiment 1's settings for {@code seed}. */
    public Experiment1Settings experiment1(long seed) {
        if (epochChoruses != null || forgetBiases != null) {
            throw new UserError("--epoch-choruses and --forget-biases: only for --experiment melody");
        }
        Experiment1Settings s = (paper ? Experiment1Settings.paper(seed) : Experiment1Settings.defaults(seed))
                .withForm(Checks.formVariant(form));
        if (maxEpochs != null) {
            s = s.withMaxEpochs(checkedMaxEpochs());
        }
        s = learner(network(s));
        if (!paper && s.trainer() != Experiment1Settings.Trainer.BPTT_ADAM) {
            s = s.withOnlineDefaults();
        }
        s = learning(s);
        if (resetRule != null || chorusReset != null) {
            if (s.trainer() == Experiment1Settings.Trainer.BPTT_ADAM) {
                throw new UserError("--reset-rule and --chorus-reset go with an online learner (--learner sgd or dekf)");
            }
            boolean restart = resetRule == null || switch (resetRule.toLowerCase(Locale.ROOT)) {
                case "restart" -> true;
                case "continue" -> false;
                default -> throw new UserError("--reset-rule " + resetRule + ": use restart or continue");
            };
            int every = chorusReset == null ? s.chorusesPerReset()
                    : Checks.checked(chorusReset, chorusReset >= 0 && chorusReset <= 1000, "--chorus-reset",
                    "must be 0 (never) to 1000 choruses");
            s = s.withResets(restart, every);
        }
        return stopChoruses == null ? s : s.withStopCycles(checkedStopChoruses());
    }

    /** Experiment 2's settings for {@code seed}. */
    public Experiment2Settings experiment2(long seed) {
        if (resetRule != null || chorusReset != null) {
            throw new UserError("--reset-rule and --chorus-reset: only for --experiment chords");
        }
        Experiment2Settings s = (paper ? Experiment2Settings.paper(seed) : Experiment2Settings.defaults(seed))
                .withForm(Checks.formVariant(form));
        s = learner(network(s));
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
            s = s.withMaxEpochs(checkedMaxEpochs());
        }
        if (epochChoruses != null) {
            s = s.withChorusesPerEpoch(Checks.checked(epochChoruses, epochChoruses >= 1 && epochChoruses <= 100_000,
                    "--epoch-choruses", "must be between 1 and 100000"));
        }
        if (stopChoruses != null) {
            s = s.withStop(checkedStopChoruses(), s.plateauEpochs(), s.plateauGain());
        }
        return learning(s);
    }

    /** The learner: {@code learner} and the filter's settings. */
    private <S extends PaperNetworkSettings<S>> S learner(S s) {
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
        if (kalman == null) {
            return s;
        }
        if (s.trainer() != Experiment1Settings.Trainer.DEKF) {
            throw new UserError("--dekf-p0, --dekf-r, --dekf-q, --dekf-anneal, --dekf-groups and --dekf-measure go with "
                    + "--learner dekf");
        }
        return s.withKalman(kalman);
    }

    /** The network: peepholes and gate biases. */
    private <S extends PaperNetworkSettings<S>> S network(S s) {
        if (peepholes != null) {
            s = s.withPeepholes(peepholes);
        }
        if (gateBiases != null) {
            s = s.withGateBiases(switch (gateBiases.toLowerCase(Locale.ROOT)) {
                case "nnsp" -> LstmConfig.GateBiasSet.NNSP;
                case "icann" -> LstmConfig.GateBiasSet.ICANN;
                default -> throw new UserError("--gate-biases " + gateBiases + ": unknown set (use nnsp or icann)");
            });
        }
        return s;
    }

    /** The learning: learning rate, momentum, gross-error resets. */
    private <S extends PaperNetworkSettings<S>> S learning(S s) {
        if (s.trainer() == Experiment1Settings.Trainer.DEKF && (learningRate != null || momentum != null)) {
            // the filter has no step size or momentum: its gain comes from P, R and Q
            throw new UserError((learningRate != null ? "--learning-rate" : "--momentum")
                    + " goes with --learner sgd or bptt-adam: the filter (--learner dekf) sets its steps by the "
                    + "--dekf-* flags");
        }
        if (learningRate != null) {
            s = s.withLearningRate(Checks.checked(learningRate, learningRate > 0 && learningRate < 100,
                    "--learning-rate", "must be above 0 and below 100"));
        }
        if (momentum != null) {
            s = s.withMomentum(Checks.checked(momentum, momentum >= 0 && momentum < 1, "--momentum",
                    "must be at least 0 and below 1"));
        }
        if (resetAfter != null) {
            s = s.withResetAfterGrossErrors(Checks.checked(resetAfter, resetAfter >= 0, "--reset-after",
                    "must be 0 (never) or more"));
        }
        return s;
    }

    private long checkedMaxEpochs() {
        return Checks.checked(maxEpochs, maxEpochs >= 1, "--max-epochs", "must be at least 1");
    }

    private int checkedStopChoruses() {
        return Checks.checked(stopChoruses, stopChoruses >= 1 && stopChoruses <= 1000, "--stop-choruses",
                "must be between 1 and 1000");
    }
}
