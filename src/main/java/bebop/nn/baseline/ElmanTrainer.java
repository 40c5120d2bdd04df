package bebop.nn.baseline;

import bebop.nn.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** The training loop behind {@link ElmanNetwork#train}: truncated BPTT windows and Adam. */
final class ElmanTrainer {
    private final List<double[][]> pieces;
    private final List<double[][]> validation;
    private final ElmanSettings s;
    private final long seed;
    private final ElmanListener listener;

    ElmanTrainer(List<double[][]> pieces, List<double[][]> validation, ElmanSettings settings, long seed,
                 ElmanListener listener) {
        this.pieces = List.copyOf(pieces);
        this.validation = List.copyOf(validation);
        this.s = settings;
        this.seed = seed;
        this.listener = listener == null ? ElmanListener.NONE : listener;
    }

    ElmanNetwork.Trained run() {
        int units = width(pieces);
        if (units < 1 || pieces.stream().allMatch(piece -> piece.length < 2)) {
            throw new IllegalArgumentException("no training transitions: every piece has fewer than 2 frames");
        }
        if (!validation.isEmpty() && width(validation) > 0 && width(validation) != units) {
            throw new IllegalArgumentException("validation frames have " + width(validation) + " units, training "
                    + units);
        }
        Normalizer norm = s.normalizeInputs() ? fitNormalizer(pieces) : Normalizer.identity(units);
        SplittableRandom rng = new SplittableRandom(seed);
        ElmanNetwork net = ElmanNetwork.create(units, s.hidden(), units, s.initRange(), rng);
        ElmanBptt engine = new ElmanBptt(net, s.window());
        final int n = net.parameterCount();
        double[] grad = new double[n];
        double[] m = new double[n];
        double[] v = new double[n];
        double[] state = new double[net.hidden];
        long updates = 0;
        int[] order = new int[pieces.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        List<ElmanListener.Epoch> history = new ArrayList<>();
        double[] best = net.parameters();
        double bestLoss = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        int sinceBest = 0;
        for (int epoch = 1; epoch <= s.epochs(); epoch++) {
            if (s.shuffle()) {
                for (int i = order.length - 1; i > 0; i--) {
                    int j = rng.nextInt(i + 1);
                    int tmp = order[i];
                    order[i] = order[j];
                    order[j] = tmp;
                }
            }
            double lossSum = 0;
            long steps = 0;
            for (int pi : order) {
                double[][] piece = pieces.get(pi);
                boolean first = true;
                for (int from = 0; from + 1 < piece.length; from += s.window()) {
                    int len = Math.min(s.window(), piece.length - 1 - from);
                    Arrays.fill(grad, 0.0);
                    lossSum += engine.run(piece, from, piece, from + 1, len, norm, first ? null : state, grad);
                    engine.finalState(state);
                    first = false;
                    steps += len;
                    adam(net.params, grad, m, v, ++updates, len);
                }
            }
            double trainLoss = lossSum / steps;
            double validationLoss = Double.NaN;
            boolean isBest;
            if (validation.isEmpty()) {
                isBest = true;
                bestEpoch = epoch;
            } else {
                validationLoss = meanLoss(engine, validation, norm);
                isBest = validationLoss < bestLoss;
                if (isBest) {
                    bestLoss = validationLoss;
                    bestEpoch = epoch;
                    best = net.parameters();
                    sinceBest = 0;
                } else {
                    sinceBest++;
                }
            }
            ElmanListener.Epoch report = new ElmanListener.Epoch(epoch, trainLoss, validationLoss, isBest);
            history.add(report);
            listener.onEpoch(report);
            if (listener.stopRequested() || (s.patience() > 0 && sinceBest >= s.patience())) {
                break;
            }
        }
        if (!validation.isEmpty() && bestEpoch > 0) {
            net.setParameters(best);
        }
        return new ElmanNetwork.Trained(net, norm, s, seed, history, bestEpoch);
    }

    /** One Adam step on the window's mean gradient per step, clipped to the settings' norm. */
    private void adam(double[] p, double[] grad, double[] m, double[] v, long t, int steps) {
        double scale = 1.0 / steps;
        if (s.clipNorm() > 0) {
            double sq = 0;
            for (double g : grad) {
                sq += g * g;
            }
            double norm = Math.sqrt(sq) * scale;
            if (norm > s.clipNorm()) {
                scale *= s.clipNorm() / norm;
            }
        }
        final double b1 = ElmanSettings.ADAM_BETA1;
        final double b2 = ElmanSettings.ADAM_BETA2;
        final double c1 = 1.0 / (1.0 - Math.pow(b1, t));
        final double c2 = 1.0 / (1.0 - Math.pow(b2, t));
        final double lr = s.learningRate();
        for (int i = 0; i < p.length; i++) {
            double g = grad[i] * scale;
            m[i] = b1 * m[i] + (1 - b1) * g;
            v[i] = b2 * v[i] + (1 - b2) * g * g;
            p[i] -= lr * (m[i] * c1) / (Math.sqrt(v[i] * c2) + ElmanSettings.ADAM_EPSILON);
        }
    }

    /** Mean cross-entropy per step over the pieces, each from a zero state (forward only). */
    static double meanLoss(ElmanBptt engine, List<double[][]> pieces, Normalizer norm) {
        double[] state = new double[engine.hiddenUnits()];
        double loss = 0;
        long steps = 0;
        for (double[][] piece : pieces) {
            boolean first = true;
            for (int from = 0; from + 1 < piece.length; from += engine.capacity()) {
                int len = Math.min(engine.capacity(), piece.length - 1 - from);
                loss += engine.run(piece, from, piece, from + 1, len, norm, first ? null : state, null);
                engine.finalState(state);
                first = false;
                steps += len;
            }
        }
        return steps == 0 ? Double.NaN : loss / steps;
    }

    private static Normalizer fitNormalizer(List<double[][]> pieces) {
        int total = 0;
        for (double[][] p : pieces) {
            total += p.length;
        }
        double[][] all = new double[total][];
        int i = 0;
        for (double[][] p : pieces) {
            for (double[] f : p) {
                all[i++] = f;
            }
        }
        return Normalizer.fit(all);
    }

    /** Frame width of the first piece with a transition, or -1; checks that all frames agree. */
    private static int width(List<double[][]> pieces) {
        int units = -1;
        for (double[][] p : pieces) {
            for (double[] f : p) {
                if (units < 0) {
                    units = f.length;
                } else if (f.length != units) {
                    throw new IllegalArgumentException("frames differ in width: " + units + " and " + f.length);
                }
            }
        }
        return units;
    }
}
