package bebop.train.modern;

import bebop.data.poly.FrameScore;
import bebop.data.poly.PolyDataset;
import bebop.data.poly.PolyPiece;
import bebop.nn.Arithmetic;
import bebop.nn.modern.LstmStack;
import bebop.nn.modern.LstmUnroll;
import bebop.nn.modern.Rng;
import bebop.nn.modern.Team;
import java.util.List;

/**
 * Scores a network on pieces the way the benchmarks do: each piece from a zero state, every frame
 * predicted from the frames before it (the first from a silent frame), NLL in nats per frame over
 * all frames pooled and frame accuracy with the outputs thresholded at 0.5 ({@link FrameScore}). A
 * NADE output's NLL is its exact NLL of the frame; its predicted frame for the accuracy takes the
 * keys low to high, each on when its probability given the keys chosen below it is at least 0.5.
 */
public final class PolyEvaluation {
    private PolyEvaluation() {}

    /**
     * Scores {@code net} on {@code pieces}, {@code batch} pieces at a time in windows of
     * {@code window}, each window shared by {@code threads} threads (the figures do not depend on them).
     */
    public static FrameScore score(LstmStack net, List<PolyPiece> pieces, int window, int batch, int threads) {
        try (Team team = new Team(threads)) {
            return score(new LstmUnroll(net, window, batch, Arithmetic.DEFAULT, team), ModernTrainer.rolls(pieces));
        }
    }

    static FrameScore score(LstmUnroll u, float[][] rolls) {
        int[] order = new int[rolls.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Lanes lanes = new Lanes(rolls, order, u.batch());
        FrameScore score = new FrameScore();
        int k = PolyDataset.KEYS;
        boolean[] predicted = new boolean[k];
        Rng unused = new Rng(0);
        u.clearState();
        while (lanes.fill(u) > 0) {
            u.forward(false, 0f, unused);
            float[] p = u.probabilities();
            for (int r = 0; r < u.valid.length; r++) {
                if (u.valid[r] == 0f) {
                    continue;
                }
                if (u.nade()) {
                    u.nadeGreedy(r, predicted);
                    score.addFrame(u.rowLoss(r), predicted, u.y, r * k, k);
                    continue;
                }
                for (int j = 0; j < k; j++) {
                    predicted[j] = p[r * k + j] >= 0.5f;
                }
                score.addFrame(u.rowLoss(r), predicted, u.y, r * k, k);
            }
            u.carry();
        }
        return score;
    }
}
