package bebop.train;

import bebop.data.BluesDataset;
import bebop.data.Split;
import bebop.encoding.LocalEncoding;
import bebop.music.BluesForm;
import bebop.nn.FeedbackRule;
import bebop.nn.FreeRunner;
import bebop.nn.LstmNetwork;
import bebop.nn.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The paper's Experiment 2: an LSTM learns the chord form and the melodies together (25 units:
 * 12 chord notes, 13 melody notes), in the paper's topology ({@link bebop.nn.LstmConfig#experiment2()}:
 * 4 chord blocks that see only chords, 4 melody blocks that see the melody and the chord blocks).
 *
 * <p><b>Data.</b> The 4,096 choruses of {@link BluesDataset} are split 90/10 by chorus with the
 * split seed (the held-out tenth is never trained on; it measures the nll). The training stream
 * concatenates training choruses drawn at random (with replacement, seeded) without a state reset
 * between them: input frame t (normalised), target frame t+1, the last frame of a chorus
 * predicting the first of the next.
 *
 * <p><b>Trainer.</b> The paper's ({@link Experiment1Settings.Trainer#ONLINE_RTRL}, {@link
 * Experiment2Settings#paper(long)}): one online weight change per step; an epoch is
 * {@code chorusesPerEpoch} choruses of the stream ({@code 96 * chorusesPerEpoch} training steps,
 * whatever resets happened inside). bebop's default ({@link Experiment1Settings.Trainer#BPTT_ADAM},
 * {@link Experiment2Settings#defaults(long)}, see {@link #trainBptt}): an epoch is one Adam step on
 * the exact gradient of the next {@code chorusesPerEpoch} choruses of the stream, no resets. With
 * the online trainer the chord blocks never learned the form; with BPTT + Adam (2 choruses per
 * step, step 0.01) they did on seeds 1-5 in 7,500-13,200 steps.
 *
 * <p><b>Reset</b> (online trainer only). Experiment 1's rule on the chord units only: after {@code resetAfterGrossErrors}
 * gross errors (a chord output on the wrong side of 0.5; melody outputs are ignored) the learner
 * resets: zero cell states, activations and traces (weights and momentum kept) and back to step 0
 * of the current chorus.
 *
 * <p><b>Stop</b> (PAPER_FACTS 7.9). After every epoch the chord test free-runs from the first
 * frame of the first training chorus, chords thresholded at 0.5 and one melody note drawn per
 * step (the paper's rule, a fixed random sequence), for {@code stopCycles} choruses: it passes when
 * every chord frame is right. Training stops when the chord test passes and the cross-entropy has
 * plateaued: the mean of the last {@code plateauEpochs} epochs is less than {@code plateauGain}
 * (1 %) below the mean of the {@code plateauEpochs} epochs before.
 */
public final class Experiment2 {
    public static final int STEPS_PER_CHORUS = LocalEncoding.STEPS_PER_CHORUS;
    public static final int UNITS = LocalEncoding.UNITS;
    public static final int CHORD_UNITS = LocalEncoding.CHORD_UNITS;

    private Experiment2() {
    }

    /**
     * A seeded split of {@code n} choruses: round(fraction * n) held out, chosen by a Fisher-Yates
     * shuffle with a SplittableRandom of the seed; both lists ascending ({@link Split#of}).
     */
    public static Split split(int n, long seed, double heldOutFraction) {
        return Split.of(n, seed, heldOutFraction);
    }

    /** The split of these settings over the paper's 4,096 choruses. */
    public static Split split(Experiment2Settings s) {
        return split(bebop.data.BluesMelodies.CHORUSES, s.splitSeed(), s.heldOutFraction());
    }

    /** The Experiment 2 network of these settings, weights drawn from their seed. */
    public static LstmNetwork newNetwork(Experiment2Settings s) {
        return LstmNetwork.create(s.networkConfig(), new SplittableRandom(s.seed()));
    }

    /**
     * Per-unit means and population SDs over the frames of the given choruses (what
     * {@link Normalizer#fit} gives on their concatenation), or the identity when normalisation is off.
     */
    public static Normalizer normalizer(Experiment2Settings s, BluesDataset data, int[] choruses) {
        if (!s.normalizeInputs()) {
            return Normalizer.identity(UNITS);
        }
        double[] sum = new double[UNITS];
        double[] sumSq = new double[UNITS];
        long n = 0;
        for (int i : choruses) {
            for (double[] f : data.frames(data.choruses().get(i))) {
                for (int u = 0; u < UNITS; u++) {
                    sum[u] += f[u];
                    sumSq[u] += f[u] * f[u];
                }
                n++;
            }
        }
        double[] mean = new double[UNITS];
        double[] sd = new double[UNITS];
        for (int u = 0; u < UNITS; u++) {
            mean[u] = sum[u] / n;
            double var = sumSq[u] / n - mean[u] * mean[u];
            sd[u] = var < 1e-12 ? 0 : Math.sqrt(var);
        }
        return new Normalizer(mean, sd);
    }

    /** Trains a new network with the settings; see the class comment. */
    public static Experiment2Result train(Experiment2Settings s, TrainingListener listener) {
        return train(s, newNetwork(s), listener);
    }

    /** Trains {@code net} (in place) with the settings. */
    public static Experiment2Result train(Experiment2Settings s, LstmNetwork net, TrainingListener listener) {
        if (s.trainer() == Experiment1Settings.Trainer.BPTT_ADAM) {
            return trainBptt(s, net, listener);
        }
        Blues blues = Blues.of(s);
        ChordsAndPlateau test = new ChordsAndPlateau(s, net, blues);
        var learner = OnlineRecipe.learner(net, s.trainer(), s.learningRate(), s.momentum(), s.kalman());
        EpochLog.Run run = OnlineRecipe.train(learner,
                s.chorusesPerEpoch() * STEPS_PER_CHORUS, s.resetAfterGrossErrors(), true, s.chorusesPerReset(), Experiment2::chordGrossError,
                s.maxEpochs(), new OnlineStream(new SplittableRandom(s.seed()).split(), blues), test, listener);
        return test.result(net, blues, run);
    }

    /**
     * bebop's trainer ({@link Experiment1Settings.Trainer#BPTT_ADAM}), {@link BpttRecipe}'s loop:
     * each epoch takes the next {@code chorusesPerEpoch} choruses of the same seeded stream of random
     * training choruses, concatenated (the last frame predicts the first frame of the chorus that
     * follows in the stream), computes the exact gradient of their cross-entropy teacher-forced from
     * a zero state ({@link bebop.nn.BpttGradient}), and takes one Adam step ({@link bebop.nn.Adam}:
     * step {@code learningRate}, beta1 {@code momentum}, beta2 0.999, epsilon 1e-8, gradient norm
     * clipped to {@code gradientClip}). No resets. Then the same chord test and plateau stop as the
     * online trainer. Deterministic for a seed.
     */
    static Experiment2Result trainBptt(Experiment2Settings s, LstmNetwork net, TrainingListener listener) {
        Blues blues = Blues.of(s);
        ChordsAndPlateau test = new ChordsAndPlateau(s, net, blues);
        EpochLog.Run run = BpttRecipe.train(net, s.chorusesPerEpoch() * STEPS_PER_CHORUS, s.learningRate(),
                s.momentum(), s.gradientClip(), s.maxEpochs(),
                new ChorusStream(new SplittableRandom(s.seed()).split(), blues, s.chorusesPerEpoch()), test, listener);
        return test.result(net, blues, run);
    }

    /**
     * The blues of a run: the data set of the settings' form, its split, the normaliser fitted on
     * the training choruses, the form's chord frames and the training choruses' melody units.
     */
    private record Blues(BluesDataset data, Split split, int[] training, Normalizer norm, double[][] chords,
                         int[][] melodyUnits) {
        static Blues of(Experiment2Settings s) {
            BluesDataset data = BluesDataset.generate(BluesForm.of(s.form()));
            Split split = Experiment2.split(s);
            int[] training = split.training();
            return new Blues(data, split, training, normalizer(s, data, training), BluesDataset.chordFrames(data.form()),
                    Experiment2.melodyUnits(data, training));
        }

        /**
         * Writes step {@code pos} of chorus {@code chorus}: its normalised frame into {@code input}
         * (through {@code frame}) and the next frame into {@code target} (after the last step, the
         * first frame of chorus {@code following}).
         */
        void step(int chorus, int pos, int following, double[] frame, double[] input, double[] target) {
            fill(frame, chords, melodyUnits[chorus], pos);
            norm.apply(frame, input);
            if (pos + 1 < STEPS_PER_CHORUS) {
                fill(target, chords, melodyUnits[chorus], pos + 1);
            } else {
                fill(target, chords, melodyUnits[following], 0);
            }
        }

        /** The first frame of the first training chorus: the chord test's primer. */
        double[] firstFrame() {
            return data.frames(data.choruses().get(training[0]))[0];
        }
    }

    /**
     * The online trainer's steps: the stream of random training choruses, one step after another,
     * the last frame of a chorus predicting the first of the next.
     */
    private static final class OnlineStream implements OnlineRecipe.Steps {
        private final SplittableRandom stream;
        private final Blues blues;
        private final int[] training;
        private final double[] frame = new double[UNITS];
        private final double[] input = new double[UNITS];
        private final double[] target = new double[UNITS];
        private int current;
        private int next;
        private int pos;

        OnlineStream(SplittableRandom stream, Blues blues) {
            this.stream = stream;
            this.blues = blues;
            this.training = blues.training();
            current = training[stream.nextInt(training.length)];
            next = training[stream.nextInt(training.length)];
        }

        @Override
        public void next() {
            blues.step(current, pos, next, frame, input, target);
            pos++;
            if (pos == STEPS_PER_CHORUS) {
                pos = 0;
                current = next;
                next = training[stream.nextInt(training.length)];
            }
        }

        @Override
        public double[] input() {
            return input;
        }

        @Override
        public double[] target() {
            return target;
        }

        @Override
        public void restart() {
            pos = 0;
        }

        @Override
        public boolean atChorusStart() {
            return pos == 0;
        }
    }

    /** Per chorus index, its melody units ({@link #melodyUnits(BluesDataset.Chorus)}) for the given choruses, else null. */
    private static int[][] melodyUnits(BluesDataset data, int[] choruses) {
        int[][] melodyUnits = new int[data.choruses().size()][];
        for (int i : choruses) {
            melodyUnits[i] = melodyUnits(data.choruses().get(i));
        }
        return melodyUnits;
    }

    /**
     * The BPTT trainer's sequences: per epoch the next {@code choruses} choruses of a seeded stream
     * of random training choruses, each target the next frame (the last one's, the first frame of
     * the chorus that follows in the stream).
     */
    private static final class ChorusStream implements BpttRecipe.Sequences {
        private final SplittableRandom stream;
        private final Blues blues;
        private final int[] training;
        private final int[] batch;
        private final double[] frame = new double[UNITS];
        private int next;

        ChorusStream(SplittableRandom stream, Blues blues, int choruses) {
            this.stream = stream;
            this.blues = blues;
            this.training = blues.training();
            this.batch = new int[choruses + 1];
            this.next = training[stream.nextInt(training.length)];
        }

        @Override
        public void next(double[][] inputs, double[][] targets) {
            batch[0] = next;
            for (int c = 1; c < batch.length; c++) {
                batch[c] = training[stream.nextInt(training.length)];
            }
            next = batch[batch.length - 1];
            for (int t = 0; t < inputs.length; t++) {
                int c = t / STEPS_PER_CHORUS;
                blues.step(batch[c], t % STEPS_PER_CHORUS, batch[c + 1], frame, inputs[t], targets[t]);
            }
        }
    }

    /**
     * The stop test of both trainers, after every epoch: the chord test passes and the error has
     * plateaued. One free runner for the whole run; its melody draws restart from the seed at every test.
     */
    private static final class ChordsAndPlateau implements StopTest {
        private final Experiment2Settings settings;
        private final ChordTest chordTest;
        private final Plateau plateau;
        private boolean chordsRight;
        private boolean plateaued;

        ChordsAndPlateau(Experiment2Settings s, LstmNetwork net, Blues blues) {
            this.settings = s;
            double[][] primer = {blues.firstFrame()};
            this.chordTest = new ChordTest(net, blues.norm(), primer, blues.chords(), s.stopCycles(), s.seed());
            this.plateau = new Plateau(s.maxEpochs(), s.plateauEpochs(), s.plateauGain());
        }

        @Override
        public int test(long epoch, double meanCrossEntropy) {
            boolean flat = plateau.add(meanCrossEntropy);
            int correct = chordTest.run();
            chordsRight = correct == settings.stopCycles() * STEPS_PER_CHORUS;
            plateaued = flat;
            return correct;
        }

        @Override
        public boolean passed() {
            return chordsRight && plateaued;
        }

        Experiment2Result result(LstmNetwork net, Blues blues, EpochLog.Run run) {
            return new Experiment2Result(net, blues.norm(), settings, blues.split(), run.curve(), run.epochs(),
                    run.steps(), run.seconds(), chordsRight, plateaued, passed());
        }
    }

    /** Per step (96), the melody unit of a chorus (12..24). */
    static int[] melodyUnits(BluesDataset.Chorus chorus) {
        int[] units = new int[STEPS_PER_CHORUS];
        for (int t = 0; t < STEPS_PER_CHORUS; t++) {
            units[t] = LocalEncoding.melodyUnit(chorus.melody().get(t / LocalEncoding.STEPS_PER_QUARTER));
        }
        return units;
    }

    private static void fill(double[] frame, double[][] chords, int[] melody, int t) {
        System.arraycopy(chords[t], 0, frame, 0, CHORD_UNITS);
        Arrays.fill(frame, CHORD_UNITS, UNITS, 0.0);
        frame[melody[t]] = 1.0;
    }

    /** True when a chord output (units 0..11) is on the wrong side of 0.5 for its 0/1 target; melody ignored. */
    static boolean chordGrossError(double[] y, double[] target) {
        for (int i = 0; i < CHORD_UNITS; i++) {
            if ((y[i] >= 0.5) != (target[i] >= 0.5)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the mean of {@code errors[n-w..n-1]} is less than {@code gain} (relative) below the
     * mean of {@code errors[n-2w..n-w-1]}; false with fewer than 2w epochs.
     */
    static boolean plateaued(double[] errors, int n, int w, double gain) {
        if (n < 2 * w) {
            return false;
        }
        double recent = 0;
        double before = 0;
        for (int i = 0; i < w; i++) {
            recent += errors[n - 1 - i];
            before += errors[n - 1 - w - i];
        }
        return before - recent < gain * before;
    }

    /**
     * The chord test: free-runs from {@code primer} (chords thresholded at 0.5, one melody note
     * drawn per step with a generator of {@code seed}, the same draws at every run) and counts the
     * generated steps whose chord units were right before the first wrong one (at most {@code cycles * 96}).
     */
    static final class ChordTest {
        private final FreeRunner runner;
        private final Restartable draws;
        private final double[][] primer;
        private final double[][] chords;
        private final int cycles;

        ChordTest(LstmNetwork net, Normalizer norm, double[][] primer, double[][] chords, int cycles, long seed) {
            this.draws = new Restartable(seed);
            this.runner = new FreeRunner(net, norm, FeedbackRule.thresholdAndSample(0, CHORD_UNITS, 0.5,
                    CHORD_UNITS, UNITS, draws));
            this.primer = primer;
            this.chords = chords;
            this.cycles = cycles;
        }

        /** One test of the network's current weights. */
        int run() {
            draws.restart();
            runner.prime(primer);
            int n = cycles * STEPS_PER_CHORUS;
            for (int t = primer.length; t < primer.length + n; t++) {
                double[] f = runner.next();
                double[] want = chords[t % STEPS_PER_CHORUS];
                for (int u = 0; u < CHORD_UNITS; u++) {
                    if (f[u] != want[u]) {
                        return t - primer.length;
                    }
                }
            }
            return n;
        }
    }

    /** A SplittableRandom of a seed that starts again from the seed at every {@link #restart()}. */
    private static final class Restartable implements RandomGenerator {
        private final long seed;
        private SplittableRandom rng;

        Restartable(long seed) {
            this.seed = seed;
            restart();
        }

        void restart() {
            rng = new SplittableRandom(seed);
        }

        @Override
        public long nextLong() {
            return rng.nextLong();
        }

        @Override
        public double nextDouble() {
            return rng.nextDouble();
        }
    }
}
