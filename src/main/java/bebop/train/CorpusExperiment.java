package bebop.train;

import bebop.data.corpus.ChordMelodySet;
import bebop.encoding.FrameFormat;
import bebop.nn.Arithmetic;
import bebop.nn.LstmNetwork;
import bebop.nn.LstmSequenceModel;
import bebop.nn.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The paper's Experiment 2 network trained on any melodies over chords (an imported corpus): 12
 * chord units (the chord's pitch classes) and one melody unit per pitch of the training melodies'
 * range ({@link bebop.nn.LstmConfig#experiment2(int)}: 4 chord blocks that see only chords, 4
 * melody blocks that see everything), trained by Experiment 2's default recipe ({@link
 * Experiment2#trainBptt}, {@link BpttRecipe}'s loop): each epoch one Adam step on the exact gradient of the next
 * {@code chorusesPerEpoch * 96} steps of a stream of training pieces drawn at random with the seed
 * and concatenated, teacher-forced from a zero state. There is no form to test, so training stops
 * when the cross-entropy has plateaued (Experiment 2's rule) or after {@code maxEpochs}. A melody
 * pitch outside the range (valid/test pieces) is moved by octaves into it; a rest has no melody
 * unit on. The settings' online trainer ({@code --paper}) is not offered here.
 */
public final class CorpusExperiment {
    private CorpusExperiment() {}

    /**
     * A finished run.
     *
     * @param validNll cross-entropy per step (summed over units) on the valid pieces, each from a
     *                 zero state, teacher-forced; NaN without valid pieces
     */
    public record Result(LstmNetwork network, Normalizer normalizer, FrameFormat format, List<EpochReport> curve,
                         long epochs, long steps, double seconds, boolean plateaued, double validNll) {}

    /** The frame format of a data set: 12 chord units and the training melodies' range. */
    public static FrameFormat format(ChordMelodySet data) {
        int[] range = data.melodyRange();
        return FrameFormat.chordsMelody(range[0], range[1] - range[0] + 1, data.stepsPerQuarter(), data.stepsPerBar());
    }

    /** The frames of a piece in {@code format} (12 chord units, then the melody units). */
    public static double[][] frames(ChordMelodySet.Piece piece, FrameFormat format) {
        double[][] f = new double[piece.steps()][format.units()];
        for (int t = 0; t < f.length; t++) {
            int chord = piece.chords()[t];
            for (int pc = 0; pc < 12; pc++) {
                if ((chord & (1 << pc)) != 0) {
                    f[t][pc] = 1.0;
                }
            }
            int m = melodyUnit(piece.melody()[t], format);
            if (m >= 0) {
                f[t][12 + m] = 1.0;
            }
        }
        return f;
    }

    /** The melody unit (0-based) of a pitch, moved by octaves into the range (clamped if it is narrower); -1 for a rest. */
    static int melodyUnit(int pitch, FrameFormat format) {
        if (pitch < 0) {
            return -1;
        }
        int lo = format.melodyLow();
        int hi = lo + format.melodyUnits() - 1;
        int p = pitch;
        while (p < lo) {
            p += 12;
        }
        while (p > hi && p - 12 >= lo) {
            p -= 12;
        }
        return Math.max(lo, Math.min(hi, p)) - lo;
    }

    /** Trains a new network on {@code data}'s training pieces with the settings' BPTT + Adam recipe. */
    public static Result train(Experiment2Settings s, ChordMelodySet data, TrainingListener listener) {
        return train(s, data, Arithmetic.DEFAULT, listener);
    }

    /** As {@link #train(Experiment2Settings, ChordMelodySet, TrainingListener)}, the network computing in {@code arithmetic}. */
    public static Result train(Experiment2Settings s, ChordMelodySet data, Arithmetic arithmetic,
                               TrainingListener listener) {
        if (data.train().isEmpty()) {
            throw new IllegalArgumentException(data.name() + ": the train split is empty");
        }
        FrameFormat format = format(data);
        int units = format.units();
        LstmNetwork net = LstmNetwork.create(s.networkConfig(format.melodyUnits()), new SplittableRandom(s.seed()),
                arithmetic);
        List<double[][]> train = new ArrayList<>();
        for (ChordMelodySet.Piece p : data.train()) {
            train.add(frames(p, format));
        }
        PieceStream stream = new PieceStream(new SplittableRandom(s.seed()).split(), train);
        Plateau plateau = new Plateau(s.maxEpochs(), s.plateauEpochs(), s.plateauGain());
        EpochLog.Run run = BpttRecipe.train(net, s.chorusesPerEpoch() * Experiment2.STEPS_PER_CHORUS,
                s.learningRate(), s.momentum(), s.gradientClip(), s.maxEpochs(), stream, plateau, listener);
        Normalizer identity = Normalizer.identity(units);
        return new Result(net, identity, format, run.curve(), run.epochs(), run.steps(), run.seconds(), plateau.passed(),
                nll(net, identity, data.valid(), format));
    }

    /**
     * The training sequences: a stream of training pieces drawn at random with the seed and
     * concatenated, each target the next frame (across the seam, the next piece's first frame).
     */
    private static final class PieceStream implements BpttRecipe.Sequences {
        private final SplittableRandom stream;
        private final List<double[][]> pieces;
        private double[][] piece;
        private int pos;

        PieceStream(SplittableRandom stream, List<double[][]> pieces) {
            this.stream = stream;
            this.pieces = pieces;
            this.piece = pieces.get(stream.nextInt(pieces.size()));
        }

        @Override
        public void next(double[][] inputs, double[][] targets) {
            for (int t = 0; t < inputs.length; t++) {
                System.arraycopy(piece[pos], 0, inputs[t], 0, inputs[t].length);
                pos++;
                if (pos == piece.length) {
                    piece = pieces.get(stream.nextInt(pieces.size()));
                    pos = 0;
                }
                System.arraycopy(piece[pos], 0, targets[t], 0, targets[t].length);
            }
        }
    }

    /** Cross-entropy per predicted step, summed over units, each piece from a zero state; NaN for no steps. */
    public static double nll(LstmNetwork net, Normalizer norm, List<ChordMelodySet.Piece> pieces, FrameFormat format) {
        LstmSequenceModel model = new LstmSequenceModel(net, norm);
        double sum = 0;
        long n = 0;
        for (ChordMelodySet.Piece piece : pieces) {
            double[][] f = frames(piece, format);
            model.reset();
            for (int t = 0; t + 1 < f.length; t++) {
                double[] p = model.step(f[t]);
                for (int k = 0; k < p.length; k++) {
                    double q = Math.min(1 - 1e-12, Math.max(1e-12, p[k]));
                    sum -= f[t + 1][k] > 0.5 ? Math.log(q) : Math.log1p(-q);
                }
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** The first {@code steps} frames (at most) of each of the first {@code count} pieces, as lists of on-units. */
    public static List<int[][]> primers(List<ChordMelodySet.Piece> pieces, FrameFormat format, int steps, int count) {
        List<int[][]> out = new ArrayList<>();
        for (ChordMelodySet.Piece p : pieces.subList(0, Math.min(count, pieces.size()))) {
            double[][] f = frames(p, format);
            int[][] on = new int[Math.min(steps, f.length)][];
            for (int t = 0; t < on.length; t++) {
                int[] buf = new int[f[t].length];
                int k = 0;
                for (int u = 0; u < f[t].length; u++) {
                    if (f[t][u] > 0.5) {
                        buf[k++] = u;
                    }
                }
                on[t] = Arrays.copyOf(buf, k);
            }
            out.add(on);
        }
        return out;
    }
}
