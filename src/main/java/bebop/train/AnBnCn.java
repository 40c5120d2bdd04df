package bebop.train;

import bebop.nn.Arithmetic;
import bebop.nn.DekfLearner;
import bebop.nn.KalmanSettings;
import bebop.nn.LstmConfig;
import bebop.nn.LstmNetwork;
import bebop.nn.LstmRunner;
import bebop.nn.Squash;
import bebop.nn.StepLearner;
import java.util.SplittableRandom;

/**
 * The context-sensitive language a^n b^n c^n as Gers and Schmidhuber (2001) and Pérez-Ortiz, Gers,
 * Eck and Schmidhuber (2003) train LSTM on it: a check of the online learners on a published task.
 * The net reads a string S a^n b^n c^n one symbol a step (inputs S, a, b, c) and predicts the
 * symbols that may come next (outputs a, b, c, T: after S only a; after an a, a or b; then the b's,
 * the c's and T are determined). A string is predicted correctly when at every step every output is
 * on the right side of 0.5. Training: strings with n uniform in 1..{@code trainMax}, the state reset
 * at every string's start, one weight change per symbol. Every {@code checkEvery} strings the net is
 * tested on n = 1..trainMax; once all are right, training goes on for {@code trainOn} more strings
 * (0: it stops at once) and the test counts up from n = 1: the largest N such that every n up to N
 * is right is the generalisation. With {@code watch} strings more, trained one at a time with the
 * test after each, the best generalisation seen is reported too: a snapshot chosen with the test
 * strings, an upper bound of what a rule that picks a network without them would find.
 */
public final class AnBnCn {
    static final int S = 0;
    static final int A = 1;
    static final int B = 2;
    static final int C = 3;
    /** Output units: a, b, c, T. */
    static final int OUT_A = 0;
    static final int OUT_B = 1;
    static final int OUT_C = 2;
    static final int OUT_T = 3;

    /**
     * The network: {@code blocks} blocks of one cell, peepholes on, every input and every cell
     * output (t-1) feeding every block, every cell feeding every output unit (logistic), weights
     * uniform in +-0.1.
     *
     * @param cellInput  the cell input squashing g
     * @param cellOutput the cell output squashing h
     * @param gateBiases the gate biases by block
     * @param shortcuts  the input units also feed the output units directly
     * @param outputBias the output units' initial bias
     */
    public record Network(int blocks, Squash cellInput, Squash cellOutput, LstmConfig.GateBiasSet gateBiases,
                          boolean shortcuts, double outputBias) {
        public Network {
            if (blocks < 1 || cellInput == null || cellOutput == null || gateBiases == null
                    || !Double.isFinite(outputBias)) {
                throw new IllegalArgumentException(
                        "need blocks >= 1, both squashings, a bias set and a finite output bias");
            }
        }

        /**
         * Gers and Schmidhuber (2001), as Pérez-Ortiz et al. (2003) use it (as recalled: the papers'
         * text is not in this repository): g and h the identity, input and output gates biased -1, -2,
         * forget gates +1, +2 by block, no shortcut connections from the inputs to the outputs, the output
         * bias starting at 0 like the other weights around it.
         */
        public static Network gers2001(int blocks) {
            return new Network(blocks, Squash.IDENTITY, Squash.IDENTITY, LstmConfig.GateBiasSet.GERS_2001, false, 0);
        }

        /**
         * The blues paper's cells (g = 4 sigma - 2, h = 2 sigma - 1), gate biases -0.5, -1 and forget +0.5, +1,
         * shortcuts on, output bias 0.5: bebop's a^n b^n c^n network before the choice existed.
         */
        public static Network eck2002(int blocks) {
            return new Network(blocks, Squash.SIGMOID, Squash.SIGMOID, LstmConfig.GateBiasSet.NNSP_POSITIVE_FORGET,
                    true, LstmConfig.PAPER_OUTPUT_BIAS);
        }

        LstmConfig config() {
            LstmConfig c = LstmConfig.fullyConnected(4, 4, blocks, 1, gateBiases)
                    .withSquashing(cellInput, cellOutput).withOutputBias(outputBias);
            return shortcuts ? c : c.withMasks(c.inputToBlock(), c.blockToBlock(), c.cellToOutput(),
                    LstmConfig.filled(4, 4, false));
        }
    }

    /**
     * @param seed         weights and the training strings
     * @param trainer      ONLINE_RTRL (momentum SGD) or DEKF
     * @param learningRate SGD only
     * @param momentum     SGD only
     * @param kalman       DEKF only
     * @param network      the network's shape and squashing
     * @param trainMax     training strings have n in 1..trainMax
     * @param maxStrings   give up after this many training strings
     * @param checkEvery   test after every this many strings
     * @param testMax      the generalisation test stops at this n
     * @param trainOn      strings trained after the training set is first right, before the generalisation test
     * @param watch        strings trained after that test, the test after each (0: none)
     */
    public record Settings(long seed, Experiment1Settings.Trainer trainer, double learningRate, double momentum,
                           KalmanSettings kalman, Network network, int trainMax, long maxStrings, int checkEvery,
                           int testMax, long trainOn, long watch) {
        public Settings {
            if (trainer == Experiment1Settings.Trainer.BPTT_ADAM) {
                throw new IllegalArgumentException("a^n b^n c^n is learned online: sgd or dekf");
            }
            if (network == null || trainMax < 1 || maxStrings < 1 || checkEvery < 1 || testMax < trainMax || trainOn < 0
                    || watch < 0) {
                throw new IllegalArgumentException(
                        "need a network, trainMax, maxStrings, checkEvery >= 1, testMax >= trainMax, trainOn, watch >= 0");
            }
        }
    }

    /**
     * Whether training reached all n in 1..trainMax, after how many strings and symbols (to that
     * point, without the strings trained on after it), the generalisation then, and the best one
     * seen over the {@code watch} strings after it with the string it came after (0: the first test;
     * without watching, the generalisation and 0).
     */
    public record Result(long seed, boolean learned, long strings, long steps, double seconds, int generalisation,
                         int bestGeneralisation, long bestAfter) {}

    private AnBnCn() {
    }

    /** The filter as Pérez-Ortiz et al. (2003) run it here: bebop's defaults, measuring the outputs (H = dy/dw). */
    public static KalmanSettings filter() {
        return KalmanSettings.defaults().withMeasurement(KalmanSettings.Measurement.OUTPUT);
    }

    /**
     * The network of {@code s}: 4 inputs (S, a, b, c), 4 outputs (a, b, c, T), weights from the seed,
     * in the plain arithmetic whatever the JVM: the task is sensitive to the last bit (the SIMD
     * arithmetic's own exp sends the same seeds on other trajectories), and the README's tables are
     * these bits.
     */
    public static LstmNetwork newNetwork(Settings s) {
        return LstmNetwork.create(s.network().config(), new SplittableRandom(s.seed()), Arithmetic.PLAIN);
    }

    public static Result train(Settings s) {
        LstmNetwork net = newNetwork(s);
        StepLearner learner = s.trainer() == Experiment1Settings.Trainer.DEKF
                ? new DekfLearner(net, s.kalman()) : net.newLearner(s.learningRate(), s.momentum());
        SplittableRandom strings = new SplittableRandom(s.seed()).split();
        long start = System.nanoTime();
        double[] x = new double[4];
        double[] t = new double[4];
        long steps = 0;
        long done = 0;
        boolean learned = false;
        while (done < s.maxStrings() && !learned) {
            steps += trainStrings(learner, strings, s.trainMax(), Math.min(s.checkEvery(), s.maxStrings() - done), x, t);
            done += Math.min(s.checkEvery(), s.maxStrings() - done);
            learned = allRight(net, 1, s.trainMax());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int general = 0;
        int best = 0;
        long bestAfter = 0;
        if (learned) {
            trainStrings(learner, strings, s.trainMax(), s.trainOn(), x, t);
            general = generalisation(net, s.testMax());
            best = general;
            for (long i = 1; i <= s.watch(); i++) {
                trainStrings(learner, strings, s.trainMax(), 1, x, t);
                int g = generalisation(net, s.testMax());
                if (g > best) {
                    best = g;
                    bestAfter = i;
                }
            }
        }
        return new Result(s.seed(), learned, done, steps, seconds, general, best, bestAfter);
    }

    /** The largest N up to {@code testMax} such that the net predicts every n in 1..N right. */
    private static int generalisation(LstmNetwork net, int testMax) {
        LstmRunner runner = net.newRunner();
        int general = 0;
        while (general < testMax && right(runner, general + 1)) {
            general++;
        }
        return general;
    }

    /** Trains {@code count} random strings with n in 1..trainMax, the state reset at each; returns the symbols. */
    private static long trainStrings(StepLearner learner, SplittableRandom strings, int trainMax, long count,
                                     double[] x, double[] t) {
        long steps = 0;
        for (long i = 0; i < count; i++) {
            int n = 1 + strings.nextInt(trainMax);
            learner.reset();
            for (int pos = 0; pos <= 3 * n; pos++) {
                frame(n, pos, x, t);
                learner.step(x, t);
                steps++;
            }
        }
        return steps;
    }

    /** The input (symbol at {@code pos} of S a^n b^n c^n) and the target (the symbols that may follow it). */
    static void frame(int n, int pos, double[] x, double[] t) {
        java.util.Arrays.fill(x, 0);
        java.util.Arrays.fill(t, 0);
        if (pos == 0) {
            x[S] = 1;
            t[OUT_A] = 1;
        } else if (pos <= n) {
            x[A] = 1;
            t[OUT_A] = 1; // after an a another a may follow: n is not known yet
            t[OUT_B] = 1;
        } else if (pos <= 2 * n) {
            x[B] = 1;
            t[pos < 2 * n ? OUT_B : OUT_C] = 1;
        } else {
            x[C] = 1;
            t[pos < 3 * n ? OUT_C : OUT_T] = 1;
        }
    }

    private static boolean allRight(LstmNetwork net, int from, int to) {
        LstmRunner runner = net.newRunner();
        for (int n = from; n <= to; n++) {
            if (!right(runner, n)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the net predicts every step of the string for {@code n} right (from a zero state). */
    static boolean right(LstmRunner runner, int n) {
        runner.reset();
        double[] x = new double[4];
        double[] t = new double[4];
        for (int pos = 0; pos <= 3 * n; pos++) {
            frame(n, pos, x, t);
            double[] y = runner.step(x);
            for (int k = 0; k < 4; k++) {
                if ((y[k] >= 0.5) != (t[k] >= 0.5)) {
                    return false;
                }
            }
        }
        return true;
    }
}
