package bebop.eval;

import bebop.data.BluesMelodies;
import bebop.encoding.LocalEncoding;
import bebop.nn.SequenceModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The measures of a generated piece, on frames of the paper's encoding (12 chord units, then 13
 * melody units; a frame's melody note is its top melody unit that is on). Steps are eighth notes:
 * 8 a bar, 96 a chorus; frame t of a piece falls on step {@code t mod 96} of the form (the piece
 * starts where the form starts, primer included).
 */
public final class MelodyMetrics {
    public static final int STEPS_PER_BAR = LocalEncoding.STEPS_PER_BAR;
    public static final int STEPS_PER_CHORUS = LocalEncoding.STEPS_PER_CHORUS;
    public static final int BARS_PER_CHORUS = STEPS_PER_CHORUS / STEPS_PER_BAR;
    /** Probabilities are clamped to [EPS, 1-EPS] for the cross-entropy, so that it is finite. */
    public static final double EPS = 1e-12;

    private MelodyMetrics() {}

    /** Every pitch of the training melodies: the C blues scale and the D of bar 12 (60 62 63 65 66 67 70 72). */
    public static Set<Integer> trainingPitches() {
        Set<Integer> pitches = new TreeSet<>();
        for (int bar = 1; bar <= BARS_PER_CHORUS; bar++) {
            for (List<Integer> segment : BluesMelodies.barAlternatives(bar)) {
                pitches.addAll(segment);
            }
        }
        return pitches;
    }

    /** The melody pitch (MIDI) of a frame, or -1 when no melody unit is on. */
    public static int melodyPitch(double[] frame) {
        for (int u = frame.length - 1; u >= LocalEncoding.CHORD_UNITS; u--) {
            if (frame[u] > 0.5) {
                return LocalEncoding.unitPitch(u);
            }
        }
        return -1;
    }

    /**
     * Fraction of the steps {@code from..frames.length-1} whose chord units (thresholded at 0.5)
     * equal the form's chord frame at that step ({@code formChords}: 96 frames of 12 units).
     */
    public static double chordAccuracy(double[][] frames, double[][] formChords, int from) {
        int right = 0;
        int n = 0;
        for (int t = from; t < frames.length; t++) {
            double[] want = formChords[t % formChords.length];
            boolean same = true;
            for (int u = 0; u < want.length; u++) {
                if ((frames[t][u] > 0.5) != (want[u] > 0.5)) {
                    same = false;
                    break;
                }
            }
            right += same ? 1 : 0;
            n++;
        }
        return n == 0 ? Double.NaN : (double) right / n;
    }

    /** Fraction of the melody steps (steps with a melody note) from {@code from} on whose pitch is in {@code pitches}. */
    public static double inScale(double[][] frames, int from, Set<Integer> pitches) {
        int in = 0;
        int n = 0;
        for (int t = from; t < frames.length; t++) {
            int p = melodyPitch(frames[t]);
            if (p >= 0) {
                n++;
                in += pitches.contains(p) ? 1 : 0;
            }
        }
        return n == 0 ? Double.NaN : (double) in / n;
    }

    /**
     * Fraction of the whole bars starting at or after step {@code from} whose melody (8 steps) is
     * none of the training segments for that bar of the form ({@link BluesMelodies#barAlternatives},
     * each quarter note two steps long).
     */
    public static double novelBars(double[][] frames, int from) {
        List<Set<List<Integer>>> known = new ArrayList<>();
        for (int bar = 1; bar <= BARS_PER_CHORUS; bar++) {
            Set<List<Integer>> set = new HashSet<>();
            for (List<Integer> segment : BluesMelodies.barAlternatives(bar)) {
                List<Integer> steps = new ArrayList<>();
                for (int p : segment) {
                    for (int i = 0; i < STEPS_PER_BAR / segment.size(); i++) {
                        steps.add(p);
                    }
                }
                set.add(steps);
            }
            known.add(set);
        }
        int firstBar = (from + STEPS_PER_BAR - 1) / STEPS_PER_BAR;
        int novel = 0;
        int n = 0;
        for (int b = firstBar; (b + 1) * STEPS_PER_BAR <= frames.length; b++) {
            List<Integer> steps = new ArrayList<>(STEPS_PER_BAR);
            for (int t = b * STEPS_PER_BAR; t < (b + 1) * STEPS_PER_BAR; t++) {
                steps.add(melodyPitch(frames[t]));
            }
            n++;
            novel += known.get(b % BARS_PER_CHORUS).contains(steps) ? 0 : 1;
        }
        return n == 0 ? Double.NaN : (double) novel / n;
    }

    /** Distinct whole choruses (96 frames, all units) divided by the number of whole choruses. */
    public static double uniqueChoruses(double[][] frames) {
        int choruses = frames.length / STEPS_PER_CHORUS;
        Set<String> distinct = new HashSet<>();
        for (int c = 0; c < choruses; c++) {
            StringBuilder key = new StringBuilder();
            for (int t = c * STEPS_PER_CHORUS; t < (c + 1) * STEPS_PER_CHORUS; t++) {
                for (double v : frames[t]) {
                    key.append(v > 0.5 ? '1' : '0');
                }
            }
            distinct.add(key.toString());
        }
        return choruses == 0 ? Double.NaN : (double) distinct.size() / choruses;
    }

    /** Counts of the melody steps' pitch classes (C = 0) from step {@code from} on. */
    public static long[] pitchClassCounts(double[][] frames, int from) {
        long[] counts = new long[12];
        for (int t = from; t < frames.length; t++) {
            int p = melodyPitch(frames[t]);
            if (p >= 0) {
                counts[p % 12]++;
            }
        }
        return counts;
    }

    /**
     * KL divergence D(P || Q) in nats of two histograms over the same bins, each smoothed by adding
     * {@code alpha} to every bin (so that it is finite when Q has empty bins). Identical histograms give 0.
     */
    public static double klDivergence(long[] p, long[] q, double alpha) {
        if (p.length != q.length) {
            throw new IllegalArgumentException("histograms differ in length: " + p.length + " and " + q.length);
        }
        if (!(alpha > 0)) {
            throw new IllegalArgumentException("smoothing must be above 0, got " + alpha);
        }
        double np = Arrays.stream(p).sum() + alpha * p.length;
        double nq = Arrays.stream(q).sum() + alpha * q.length;
        double kl = 0;
        for (int i = 0; i < p.length; i++) {
            double pi = (p[i] + alpha) / np;
            double qi = (q[i] + alpha) / nq;
            kl += pi * Math.log(pi / qi);
        }
        return Math.max(0.0, kl);
    }

    /**
     * Mean cross-entropy per step (nats, summed over the units, as the network was trained) of a
     * model that reads {@code stream} from a fresh state, teacher-forced: after frame t it predicts
     * frame t+1, for t = 0..n-2. Probabilities are clamped to [1e-12, 1 - 1e-12].
     */
    public static double crossEntropy(SequenceModel model, double[][] stream) {
        if (stream.length < 2) {
            throw new IllegalArgumentException("need at least two frames to predict one");
        }
        model.reset();
        double sum = 0;
        for (int t = 0; t + 1 < stream.length; t++) {
            double[] y = model.step(stream[t]);
            double[] target = stream[t + 1];
            for (int k = 0; k < target.length; k++) {
                double p = Math.min(1 - EPS, Math.max(EPS, y[k]));
                sum -= target[k] > 0.5 ? Math.log(p) : Math.log(1 - p);
            }
        }
        return sum / (stream.length - 1);
    }
}
