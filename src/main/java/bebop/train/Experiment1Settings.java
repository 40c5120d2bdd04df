package bebop.train;

import bebop.music.BluesForm;
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
        int stopCycles) {

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
        if (resetAfterGrossErrors < 0 || maxEpochs < 1 || stopCycles < 1) {
            throw new IllegalArgumentException("need resetAfterGrossErrors >= 0, maxEpochs >= 1, stopCycles >= 1");
        }
    }

    /** The paper's settings (see the class comment of {@link Experiment1} for the defaults chosen). */
    public static Experiment1Settings paper(long seed) {
        return new Experiment1Settings(seed, BluesForm.Variant.PAPER, PAPER_LEARNING_RATE, PAPER_MOMENTUM,
                true, LstmConfig.GateBiasSet.NNSP, LstmConfig.DEFAULT_INIT_RANGE, true, 1, 2_000_000, 2);
    }

    /** The network configuration these settings describe. */
    public LstmConfig networkConfig() {
        return LstmConfig.experiment1().withPeepholes(peepholes).withGateBiases(gateBiases).withInitRange(initRange);
    }

    public Experiment1Settings withSeed(long s) {
        return new Experiment1Settings(s, form, learningRate, momentum, peepholes, gateBiases, initRange,
                normalizeInputs, resetAfterGrossErrors, maxEpochs, stopCycles);
    }

    public Experiment1Settings withLearningRate(double lr) {
        return new Experiment1Settings(seed, form, lr, momentum, peepholes, gateBiases, initRange,
                normalizeInputs, resetAfterGrossErrors, maxEpochs, stopCycles);
    }

    public Experiment1Settings withMomentum(double mu) {
        return new Experiment1Settings(seed, form, learningRate, mu, peepholes, gateBiases, initRange,
                normalizeInputs, resetAfterGrossErrors, maxEpochs, stopCycles);
    }

    public Experiment1Settings withPeepholes(boolean on) {
        return new Experiment1Settings(seed, form, learningRate, momentum, on, gateBiases, initRange,
                normalizeInputs, resetAfterGrossErrors, maxEpochs, stopCycles);
    }

    public Experiment1Settings withGateBiases(LstmConfig.GateBiasSet set) {
        return new Experiment1Settings(seed, form, learningRate, momentum, peepholes, set, initRange,
                normalizeInputs, resetAfterGrossErrors, maxEpochs, stopCycles);
    }

    public Experiment1Settings withInitRange(double range) {
        return new Experiment1Settings(seed, form, learningRate, momentum, peepholes, gateBiases, range,
                normalizeInputs, resetAfterGrossErrors, maxEpochs, stopCycles);
    }

    public Experiment1Settings withNormalizeInputs(boolean on) {
        return new Experiment1Settings(seed, form, learningRate, momentum, peepholes, gateBiases, initRange,
                on, resetAfterGrossErrors, maxEpochs, stopCycles);
    }

    public Experiment1Settings withResetAfterGrossErrors(int k) {
        return new Experiment1Settings(seed, form, learningRate, momentum, peepholes, gateBiases, initRange,
                normalizeInputs, k, maxEpochs, stopCycles);
    }

    public Experiment1Settings withMaxEpochs(long n) {
        return new Experiment1Settings(seed, form, learningRate, momentum, peepholes, gateBiases, initRange,
                normalizeInputs, resetAfterGrossErrors, n, stopCycles);
    }

    public Experiment1Settings withStopCycles(int n) {
        return new Experiment1Settings(seed, form, learningRate, momentum, peepholes, gateBiases, initRange,
                normalizeInputs, resetAfterGrossErrors, maxEpochs, n);
    }
}
