package bebop.train;

import bebop.music.BluesForm;
import bebop.nn.KalmanSettings;
import bebop.nn.LstmConfig;

/**
 * Settings of the paper's Experiment 1 (learning the chord form). Defaults in {@link #paper(long)}.
 *
 * @param seed                  seed of the weight initialisation (SplittableRandom)
 * @param form                  which reading of the paper's bar 6
 * @param learningRate          online learning rate (the paper: 1e-5)
 * @param momentum              Plaut momentum (the paper: 0.9)
 * @param peepholes             peephole connections on
 * @param gateBiases            gate bias set (the paper's NNSP set -0.5..-2.0)
 * @param initRange             weights uniform in +-initRange
 * @param normalizeInputs       z-score the input units over the chorus (SD 0 -> 0)
 * @param resetAfterGrossErrors reset to step 0 with zero state and traces after this many gross
 *                              errors (a chord output on the wrong side of 0.5); 0 = never reset
 * @param maxEpochs             give up after this many epochs (1 epoch = 96 training steps)
 * @param stopCycles            stop when free-running from frame 0 reproduces this many whole
 *                              choruses without a single wrong unit
 * @param trainer               the learning algorithm: the paper's online truncated RTRL, or full
 *                              BPTT with Adam (a documented departure, see {@link Trainer#BPTT_ADAM})
 * @param bpttChoruses          BPTT only: length of the training sequence in choruses (from a zero
 *                              state, teacher-forced)
 * @param gradientClip          BPTT only: the gradient's L2 norm is clipped to this value (0 = off)
 * @param kalman                DEKF only: the filter's covariances and their annealing
 * @param restartChorus         online only: a reset after gross errors also takes the steps back
 *                              to the start of the chorus (the paper's "reset the input pattern");
 *                              false: the chorus goes on from where the error was
 * @param chorusesPerReset      online only: also reset at the start of every this many choruses (0 =
 *                              never): training sequences that start from the zero state the stop
 *                              test starts from, and (from 2 on) run on into the next chorus as its
 *                              free run does
 */
public record Experiment1Settings(
        long seed,
        BluesForm.Variant form,
        double learningRate,
        double momentum,
        boolean peepholes,
        LstmConfig.GateBiasSet gateBiases,
        double initRange,
        boolean normalizeInputs,
        int resetAfterGrossErrors,
        long maxEpochs,
        int stopCycles,
        Trainer trainer,
        int bpttChoruses,
        double gradientClip,
        KalmanSettings kalman,
        boolean restartChorus,
        int chorusesPerReset) implements PaperNetworkSettings<Experiment1Settings> {

    /** The learning algorithm. */
    public enum Trainer {
        /**
         * The paper's algorithm: one weight change per step, truncated RTRL/BPTT gradient
         * ({@link bebop.nn.OnlineLearner}), {@code learningRate} and Plaut {@code momentum}, reset
         * on gross errors. One epoch = 96 steps.
         */
        ONLINE_RTRL,
        /**
         * Online as {@link #ONLINE_RTRL}, on the same truncated derivatives, with the weight change
         * of a decoupled extended Kalman filter ({@link bebop.nn.DekfLearner}, settings {@code kalman})
         * instead of momentum SGD: Pérez-Ortiz, Gers, Eck and Schmidhuber (2003). One epoch = 96 steps.
         */
        DEKF,
        /**
         * Not the paper's: the exact gradient of the cross-entropy of {@code bpttChoruses} choruses,
         * teacher-forced from a zero state ({@link bebop.nn.BpttGradient}), clipped to
         * {@code gradientClip}, and one Adam step per epoch with step size {@code learningRate},
         * beta1 = {@code momentum}, beta2 = 0.999, epsilon = 1e-8. One epoch = one such sequence
         * ({@code bpttChoruses * 96} steps); no resets.
         */
        BPTT_ADAM
    }

    /** The paper's literal learning rate. */
    public static final double PAPER_LEARNING_RATE = 1e-5;
    public static final double PAPER_MOMENTUM = 0.9;

    public Experiment1Settings {
        if (form == null || gateBiases == null) {
            throw new IllegalArgumentException("form and gate biases must be set");
        }
        if (!(learningRate >= 0) || !(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("need learningRate >= 0 and 0 <= momentum < 1");
        }
        if (trainer == null || bpttChoruses < 1 || !(gradientClip >= 0) || kalman == null) {
            throw new IllegalArgumentException("need a trainer, bpttChoruses >= 1, gradientClip >= 0 and Kalman settings");
        }
        if (resetAfterGrossErrors < 0 || maxEpochs < 1 || stopCycles < 1 || chorusesPerReset < 0) {
            throw new IllegalArgumentException("need resetAfterGrossErrors >= 0, maxEpochs >= 1, stopCycles >= 1");
        }
    }

    /** The settings of the first 11 components, with the paper's online trainer. */
    public Experiment1Settings(long seed, BluesForm.Variant form, double learningRate, double momentum,
                               boolean peepholes, LstmConfig.GateBiasSet gateBiases, double initRange,
                               boolean normalizeInputs, int resetAfterGrossErrors, long maxEpochs, int stopCycles) {
        this(seed, form, learningRate, momentum, peepholes, gateBiases, initRange, normalizeInputs,
                resetAfterGrossErrors, maxEpochs, stopCycles, Trainer.ONLINE_RTRL, 3, 1.0, KalmanSettings.defaults(), true, 0);
    }

    /** The paper's settings (see the class comment of {@link Experiment1} for the defaults chosen). */
    public static Experiment1Settings paper(long seed) {
        return new Experiment1Settings(seed, BluesForm.Variant.PAPER, PAPER_LEARNING_RATE, PAPER_MOMENTUM,
                true, LstmConfig.GateBiasSet.NNSP, LstmConfig.DEFAULT_INIT_RANGE, true, 1, 2_000_000, 2);
    }

    /** Adam step size of {@link #defaults(long)}. */
    public static final double DEFAULT_BPTT_LEARNING_RATE = 0.01;

    /**
     * Settings that learn the form (the paper's literal {@link #paper(long)} does not, see
     * {@link Experiment1}): the paper's network (4 blocks x 2 cells, fully connected, input and
     * output gate biases -0.5..-2.0, output bias 0.5, cross-entropy) and the paper's stop test, with
     * these departures where the paper is silent or does not work here: forget gate biases
     * +0.5..+2.0 ({@link LstmConfig.GateBiasSet#NNSP_POSITIVE_FORGET}), no peepholes, weights
     * uniform +-1, inputs 0/1 (not z-scored), and full BPTT with Adam (step 0.01, beta1 0.9,
     * 2 choruses teacher-forced from a zero state, gradient norm clipped to 1) instead of online
     * truncated RTRL. At most 20,000 epochs (Adam steps).
     */
    public static Experiment1Settings defaults(long seed) {
        return new Experiment1Settings(seed, BluesForm.Variant.PAPER, DEFAULT_BPTT_LEARNING_RATE, PAPER_MOMENTUM,
                false, LstmConfig.GateBiasSet.NNSP_POSITIVE_FORGET, 1.0, false, 1, 20_000, 2,
                Trainer.BPTT_ADAM, 2, 1.0, KalmanSettings.defaults(), true, 0);
    }

    /** The network configuration these settings describe. */
    public LstmConfig networkConfig() {
        return LstmConfig.experiment1().withPeepholes(peepholes).withGateBiases(gateBiases).withInitRange(initRange);
    }

    public Experiment1Settings withSeed(long s) {
        return new Experiment1Settings(s, form, learningRate, momentum, peepholes, gateBiases, initRange,
                normalizeInputs, resetAfterGrossErrors, maxEpochs, stopCycles, trainer, bpttChoruses, gradientClip, kalman, restartChorus, chorusesPerReset);
    }

    @Override
    public Experiment1Settings withLearningRate(double lr) {
        return new Experiment1Settings(seed, form, lr, momentum, peepholes, gateBiases, initRange,
                normalizeInputs, resetAfterGrossErrors, maxEpochs, stopCycles, trainer, bpttChoruses, gradientClip, kalman, restartChorus, chorusesPerReset);
    }

    @Override
    public Experiment1Settings withMomentum(double mu) {
        return new Experiment1Settings(seed, form, learningRate, mu, peepholes, gateBiases, initRange,
                normalizeInputs, resetAfterGrossErrors, maxEpochs, stopCycles, trainer, bpttChoruses, gradientClip, kalman, restartChorus, chorusesPerReset);
    }

    @Override
    public Experiment1Settings withPeepholes(boolean on) {
        return new Experiment1Settings(seed, form, learningRate, momentum, on, gateBiases, initRange,
                normalizeInputs, resetAfterGrossErrors, maxEpochs, stopCycles, trainer, bpttChoruses, gradientClip, kalman, restartChorus, chorusesPerReset);
    }

    @Override
    public Experiment1Settings withGateBiases(LstmConfig.GateBiasSet set) {
        return new Experiment1Settings(seed, form, learningRate, momentum, peepholes, set, initRange,
                normalizeInputs, resetAfterGrossErrors, maxEpochs, stopCycles, trainer, bpttChoruses, gradientClip, kalman, restartChorus, chorusesPerReset);
    }

    public Experiment1Settings withInitRange(double range) {
        return new Experiment1Settings(seed, form, learningRate, momentum, peepholes, gateBiases, range,
                normalizeInputs, resetAfterGrossErrors, maxEpochs, stopCycles, trainer, bpttChoruses, gradientClip, kalman, restartChorus, chorusesPerReset);
    }

    public Experiment1Settings withNormalizeInputs(boolean on) {
        return new Experiment1Settings(seed, form, learningRate, momentum, peepholes, gateBiases, initRange,
                on, resetAfterGrossErrors, maxEpochs, stopCycles, trainer, bpttChoruses, gradientClip, kalman, restartChorus, chorusesPerReset);
    }

    @Override
    public Experiment1Settings withResetAfterGrossErrors(int k) {
        return new Experiment1Settings(seed, form, learningRate, momentum, peepholes, gateBiases, initRange,
                normalizeInputs, k, maxEpochs, stopCycles, trainer, bpttChoruses, gradientClip, kalman, restartChorus, chorusesPerReset);
    }

    public Experiment1Settings withMaxEpochs(long n) {
        return new Experiment1Settings(seed, form, learningRate, momentum, peepholes, gateBiases, initRange,
                normalizeInputs, resetAfterGrossErrors, n, stopCycles, trainer, bpttChoruses, gradientClip, kalman, restartChorus, chorusesPerReset);
    }

    public Experiment1Settings withStopCycles(int n) {
        return new Experiment1Settings(seed, form, learningRate, momentum, peepholes, gateBiases, initRange,
                normalizeInputs, resetAfterGrossErrors, maxEpochs, n, trainer, bpttChoruses, gradientClip, kalman, restartChorus, chorusesPerReset);
    }

    @Override
    public Experiment1Settings withTrainer(Trainer t) {
        return new Experiment1Settings(seed, form, learningRate, momentum, peepholes, gateBiases, initRange,
                normalizeInputs, resetAfterGrossErrors, maxEpochs, stopCycles, t, bpttChoruses, gradientClip, kalman, restartChorus, chorusesPerReset);
    }

    public Experiment1Settings withBpttChoruses(int n) {
        return new Experiment1Settings(seed, form, learningRate, momentum, peepholes, gateBiases, initRange,
                normalizeInputs, resetAfterGrossErrors, maxEpochs, stopCycles, trainer, n, gradientClip, kalman, restartChorus, chorusesPerReset);
    }

    public Experiment1Settings withGradientClip(double clip) {
        return new Experiment1Settings(seed, form, learningRate, momentum, peepholes, gateBiases, initRange,
                normalizeInputs, resetAfterGrossErrors, maxEpochs, stopCycles, trainer, bpttChoruses, clip, kalman, restartChorus, chorusesPerReset);
    }

    public Experiment1Settings withForm(BluesForm.Variant v) {
        return new Experiment1Settings(seed, v, learningRate, momentum, peepholes, gateBiases, initRange,
                normalizeInputs, resetAfterGrossErrors, maxEpochs, stopCycles, trainer, bpttChoruses, gradientClip, kalman, restartChorus, chorusesPerReset);
    }

    /**
     * bebop's settings for the online learners, from the README's ablation: no reset after gross
     * errors and a reset at every second chorus start (the rule that decides: training sequences
     * are two choruses from the zero state, as the stop test plays them), and weights uniform
     * +-0.1 (the paper's range; with +-1 fewer seeds learn).
     */
    public Experiment1Settings withOnlineDefaults() {
        return withResetAfterGrossErrors(0).withResets(true, 2).withInitRange(0.1);
    }

    public Experiment1Settings withResets(boolean restart, int choruses) {
        return new Experiment1Settings(seed, form, learningRate, momentum, peepholes, gateBiases, initRange,
                normalizeInputs, resetAfterGrossErrors, maxEpochs, stopCycles, trainer, bpttChoruses, gradientClip, kalman,
                restart, choruses);
    }

    @Override
    public Experiment1Settings withKalman(KalmanSettings k) {
        return new Experiment1Settings(seed, form, learningRate, momentum, peepholes, gateBiases, initRange,
                normalizeInputs, resetAfterGrossErrors, maxEpochs, stopCycles, trainer, bpttChoruses, gradientClip, k, restartChorus, chorusesPerReset);
    }

    @Override
    public String describeLearning() {
        return PaperNetworkSettings.describeLearning(this, "BPTT + Adam over " + bpttChoruses + " choruses (bebop's default)");
    }
}
