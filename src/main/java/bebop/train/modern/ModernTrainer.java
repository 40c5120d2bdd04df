package bebop.train.modern;

import bebop.data.poly.BernoulliBaseline;
import bebop.data.poly.FrameScore;
import bebop.data.poly.PolyDataset;
import bebop.data.poly.PolyPiece;
import bebop.nn.Arithmetic;
import bebop.nn.modern.Adam;
import bebop.nn.modern.LstmStack;
import bebop.nn.modern.LstmStackConfig;
import bebop.nn.modern.LstmUnroll;
import bebop.nn.modern.Rng;
import bebop.nn.modern.Team;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains a stacked LSTM on a polyphonic data set with minibatch truncated BPTT and Adam, the
 * standard modern recipe:
 *
 * <ol>
 *   <li>The network ({@link LstmStack}: 88 inputs, the settings' layers, 88 sigmoid outputs) is
 *       drawn from a generator seeded with the settings' seed; the output biases start at the
 *       logits of the training data's key frequencies (the {@link BernoulliBaseline}). With a NADE
 *       output ({@code nadeHidden} above 0) those logits are the NADE's visible biases, and the
 *       loss is the NADE's exact NLL of each frame.
 *   <li>An epoch shuffles the training pieces (the same generator) and feeds them to
 *       {@code batch} lanes ({@link Lanes}), {@code window} steps at a time; after each window the
 *       gradient of the mean frame NLL (with dropout on the LSTM outputs and, if set, on the input
 *       keys) is clipped to norm {@code clipNorm} and Adam takes a step.
 *   <li>After each epoch the validation NLL decides: a better epoch's parameters are kept as the
 *       best; training stops after {@code patience} epochs without one, at {@code maxEpochs}, or at
 *       the first epoch end after {@code maxMinutes}. The result is the best epoch's network.
 *   <li>With {@code decayPatience} above 0, after that many epochs without a better validation NLL
 *       (since the best epoch or the last decay) the learning rate is halved and training goes on
 *       from the best epoch's parameters (Adam's moments and the data order go on as they are).
 *       The rate is part of the state, so a resumed run decays exactly as an uninterrupted one.
 *   <li>After each epoch the listener receives a {@link TrainerState}: written to a checkpoint and
 *       given back to {@link #train} it continues the run exactly (same bits as never stopping).
 *   <li>The listener may ask the run to stop ({@link ModernListener#stopRequested}, polled after every
 *       update): an epoch interrupted that way is dropped (not counted, no checkpoint), and the
 *       result is, as always, the best finished epoch's network (stop reason {@value #STOPPED}).
 * </ol>
 */
public final class ModernTrainer {
    /** The stop reason of a run its listener asked to stop ({@link ModernListener#stopRequested}). */
    public static final String STOPPED = "stopped";

    private ModernTrainer() {}

    /** The network a run with these settings starts from. */
    public static LstmStack initialNetwork(ModernSettings s, List<PolyPiece> train, Rng rng) {
        LstmStack net = LstmStack.create(config(s), rng);
        double[] p = BernoulliBaseline.fit(train).probabilities();
        float[] b = new float[p.length];
        for (int k = 0; k < p.length; k++) {
            b[k] = (float) Math.log(p[k] / (1 - p[k]));
        }
        net.setOutputBiases(b);
        return net;
    }

    /** The network shape of a run: 88 in, the settings' layers, 88 out (independent, or a NADE). */
    public static LstmStackConfig config(ModernSettings s) {
        return new LstmStackConfig(PolyDataset.KEYS, s.layers(), PolyDataset.KEYS, s.nadeHidden());
    }

    /** {@link #train(PolyDataset, ModernSettings, String, ModernListener, TrainerState, int)} on one thread. */
    public static ModernResult train(PolyDataset data, ModernSettings s, String dataFingerprint,
                                     ModernListener listener, TrainerState resume) {
        return train(data, s, dataFingerprint, listener, resume, 1);
    }

    /**
     * Trains from scratch ({@code resume == null}) or continues the run that wrote {@code resume},
     * each window's passes, validation and update shared by {@code threads} threads (a team the run
     * owns): the result's bits do not depend on their number.
     *
     * @param dataFingerprint a digest of the data set, stored in every state and checked on resume
     * @throws IllegalArgumentException if there are no training or validation pieces, the state
     *     belongs to other settings or other data, or threads is not 1..1024
     */
    public static ModernResult train(PolyDataset data, ModernSettings s, String dataFingerprint,
                                     ModernListener listener, TrainerState resume, int threads) {
        if (threads < 1 || threads > 1024) {
            throw new IllegalArgumentException("threads must be 1..1024: " + threads);
        }
        try (Team team = new Team(threads)) {
            return train(data, s, dataFingerprint, listener, resume, team);
        }
    }

    private static ModernResult train(PolyDataset data, ModernSettings s, String dataFingerprint,
                                      ModernListener listener, TrainerState resume, Team team) {
        if (data.train().isEmpty()) {
            throw new IllegalArgumentException("the data set has no training pieces");
        }
        if (data.valid().isEmpty()) {
            throw new IllegalArgumentException("the data set has no validation pieces (early stopping needs them)");
        }
        float[][] train = rolls(data.train());
        float[][] valid = rolls(data.valid());
        long stepsPerEpoch = PolyDataset.frames(data.train());

        Rng rng;
        LstmStack net;
        Adam adam;
        int[] order;
        int epoch;
        float[] best;
        int bestEpoch;
        double bestValid;
        int bad;
        double rate;
        int decayBad;
        List<Double> trainCurve = new ArrayList<>();
        List<Double> validCurve = new ArrayList<>();
        double seconds;
        long steps;
        if (resume == null) {
            rng = new Rng(s.seed());
            net = initialNetwork(s, data.train(), rng);
            adam = Adam.standard(net.parameterCount());
            order = identity(train.length);
            rng.shuffle(order);
            epoch = 0;
            best = net.parameters();
            bestEpoch = 0;
            bestValid = Double.POSITIVE_INFINITY;
            bad = 0;
            rate = s.learningRate();
            decayBad = 0;
            seconds = 0;
            steps = 0;
        } else {
            if (!resume.settings().withBudgetOf(s).equals(s)) { // the budget may grow: it only decides when to stop
                throw new IllegalArgumentException("the checkpoint was made with other settings: " + resume.settings());
            }
            if (!resume.dataFingerprint().equals(dataFingerprint)) {
                throw new IllegalArgumentException("the checkpoint was made on other data (" + resume.dataFingerprint() + ")");
            }
            if (resume.nextOrder().length != train.length) {
                throw new IllegalArgumentException("the checkpoint's data order has " + resume.nextOrder().length
                        + " pieces, the data set " + train.length);
            }
            rng = new Rng(resume.rngState());
            net = LstmStack.fromParameters(config(s), resume.parameters());
            adam = Adam.standard(net.parameterCount());
            adam.restore(resume.adamFirst(), resume.adamSecond(), resume.adamSteps());
            order = resume.nextOrder().clone();
            epoch = resume.epoch();
            best = resume.bestParameters().clone();
            bestEpoch = resume.bestEpoch();
            bestValid = resume.bestValid();
            bad = resume.badEpochs();
            rate = resume.learningRate();
            decayBad = resume.decayBadEpochs();
            for (double v : resume.trainCurve()) {
                trainCurve.add(v);
            }
            for (double v : resume.validCurve()) {
                validCurve.add(v);
            }
            seconds = resume.seconds();
            steps = resume.steps();
        }
        LstmUnroll unroll = new LstmUnroll(net, s.window(), s.batch(), Arithmetic.DEFAULT, team);
        float[] params = net.liveParameters();
        float dropout = (float) s.dropout();
        float inputDropout = (float) s.inputDropout();
        List<EpochStats> curve = new ArrayList<>();
        String stop = null;
        TrainerState state = resume;
        if (resume != null && epochDone(s, epoch, bad, seconds) != null) {
            stop = epochDone(s, epoch, bad, seconds);
        }
        while (stop == null) {
            epoch++;
            long t0 = System.nanoTime();
            Lanes lanes = new Lanes(train, order, s.batch());
            unroll.clearState();
            double lossSum = 0;
            long epochSteps = 0;
            int n;
            boolean interrupted = false;
            while ((n = lanes.fill(unroll)) > 0) {
                unroll.zeroGradient();
                lossSum += unroll.forward(true, dropout, inputDropout, rng);
                unroll.backward();
                Adam.clipNorm(unroll.gradient(), s.clipNorm(), team);
                adam.step(params, unroll.gradient(), rate, team);
                unroll.carry();
                epochSteps += n;
                double el = (System.nanoTime() - t0) / 1e9;
                listener.onUpdate(epoch, epochSteps, stepsPerEpoch, lossSum / epochSteps, epochSteps / Math.max(el, 1e-9));
                if (listener.stopRequested()) {
                    interrupted = true;
                    break;
                }
            }
            if (interrupted) {
                // the unfinished epoch is dropped: the result is the best finished epoch's network
                seconds += (System.nanoTime() - t0) / 1e9;
                epoch--;
                stop = STOPPED;
                break;
            }
            double trainSeconds = (System.nanoTime() - t0) / 1e9;
            FrameScore v = PolyEvaluation.score(unroll, valid);
            double epochSeconds = (System.nanoTime() - t0) / 1e9;
            seconds += epochSeconds;
            steps += epochSteps;
            double trainNll = lossSum / epochSteps;
            trainCurve.add(trainNll);
            validCurve.add(v.nll());
            double epochRate = rate;
            boolean better = v.nll() < bestValid;
            if (better) {
                bestValid = v.nll();
                bestEpoch = epoch;
                best = net.parameters();
                bad = 0;
                decayBad = 0;
            } else {
                bad++;
                decayBad++;
                if (decays(s, decayBad)) {
                    rate *= 0.5;
                    decayBad = 0;
                    System.arraycopy(best, 0, params, 0, params.length);
                }
            }
            EpochStats stats = new EpochStats(epoch, trainNll, v.nll(), v.accuracy(), better, seconds,
                    epochSteps / Math.max(trainSeconds, 1e-9), epochRate);
            curve.add(stats);
            listener.onEpoch(stats);
            order = identity(train.length);
            rng.shuffle(order);
            state = new TrainerState(s, config(s), dataFingerprint, epoch, net.parameters(), adam.firstMoments(),
                    adam.secondMoments(), adam.steps(), rng.state(), order.clone(), best.clone(), bestEpoch, bestValid,
                    bad, rate, decayBad, toArray(trainCurve), toArray(validCurve), seconds, steps);
            listener.onCheckpoint(state);
            stop = epochDone(s, epoch, bad, seconds);
            if (stop == null && listener.stopRequested()) {
                stop = STOPPED;
            }
        }
        LstmStack bestNet = LstmStack.fromParameters(config(s), best);
        List<EpochStats> all = new ArrayList<>();
        if (resume != null) {
            for (int e = 0; e < resume.epoch(); e++) {
                all.add(new EpochStats(e + 1, resume.trainCurve()[e], resume.validCurve()[e], Double.NaN,
                        e + 1 == resume.bestEpoch(), Double.NaN, Double.NaN, Double.NaN));
            }
        }
        all.addAll(curve);
        return new ModernResult(bestNet, bestEpoch, bestValid, epoch, all, stop, seconds, steps, state);
    }

    /**
     * Whether the learning rate is halved after an epoch that leaves {@code decayBad} epochs without
     * a better validation NLL since the best epoch or the last decay.
     */
    static boolean decays(ModernSettings s, int decayBad) {
        return s.decayPatience() > 0 && decayBad >= s.decayPatience();
    }

    private static String epochDone(ModernSettings s, int epoch, int bad, double seconds) {
        if (bad >= s.patience()) {
            return "patience";
        }
        if (epoch >= s.maxEpochs()) {
            return "max-epochs";
        }
        if (s.maxMinutes() > 0 && seconds >= 60 * s.maxMinutes()) {
            return "time";
        }
        return null;
    }

    static float[][] rolls(List<PolyPiece> pieces) {
        float[][] r = new float[pieces.size()][];
        for (int i = 0; i < r.length; i++) {
            r[i] = pieces.get(i).roll();
        }
        return r;
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    private static double[] toArray(List<Double> l) {
        double[] a = new double[l.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = l.get(i);
        }
        return a;
    }
}
