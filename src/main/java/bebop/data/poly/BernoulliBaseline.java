package bebop.data.poly;

import java.util.List;

/**
 * The note-frequency baseline of the polyphonic benchmarks: 88 independent Bernoulli units with
 * no time dependence, fitted on the training frames with add-one (Laplace) smoothing,
 * {@code p_k = (frames with key k on + 1) / (frames + 2)}. Its test NLL is 11.06 on JSB Chorales
 * and 10.25 on Nottingham (Boulanger-Lewandowski et al. 2012); a sequence model that does not
 * beat it has learned less than pitch frequencies.
 */
public final class BernoulliBaseline {
    private final double[] p;

    private BernoulliBaseline(double[] p) {
        this.p = p;
    }

    /** Fits the 88 probabilities on every frame of {@code pieces}. */
    public static BernoulliBaseline fit(List<PolyPiece> pieces) {
        long[] on = new long[PolyDataset.KEYS];
        long frames = 0;
        for (PolyPiece piece : pieces) {
            for (int t = 0; t < piece.length(); t++) {
                for (int pitch : piece.pitches(t)) {
                    on[pitch - PolyDataset.LOWEST]++;
                }
                frames++;
            }
        }
        double[] p = new double[PolyDataset.KEYS];
        for (int k = 0; k < p.length; k++) {
            p[k] = (on[k] + 1.0) / (frames + 2.0);
        }
        return new BernoulliBaseline(p);
    }

    /** The probability of each key (a copy). */
    public double[] probabilities() {
        return p.clone();
    }

    /** NLL (nats per frame, frames pooled) and accuracy of the baseline on {@code pieces}. */
    public FrameScore score(List<PolyPiece> pieces) {
        FrameScore s = new FrameScore();
        float[] x = new float[PolyDataset.KEYS];
        for (PolyPiece piece : pieces) {
            for (int t = 0; t < piece.length(); t++) {
                piece.roll(t, x, 0);
                s.add(p, 0, x, 0, PolyDataset.KEYS);
            }
        }
        return s;
    }
}
