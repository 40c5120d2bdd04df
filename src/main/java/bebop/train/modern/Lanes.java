package bebop.train.modern;

import bebop.data.poly.PolyDataset;
import bebop.nn.modern.LstmUnroll;
import java.util.Arrays;

/**
 * Feeds pieces to the lanes of an {@link LstmUnroll}, window after window: each lane reads its
 * piece in order with the state carried between windows, and takes the next piece of the given
 * order as soon as its piece ends (state reset at that step). Steps after the last piece are
 * padding. At step p of a piece the input is frame p-1 (a silent frame at p = 0) and the target
 * frame p, so every frame of every piece is predicted once.
 */
final class Lanes {
    private static final int K = PolyDataset.KEYS;
    private final float[][] rolls;
    private final int[] order;
    private final int[] piece;
    private final int[] pos;
    private int next;

    Lanes(float[][] rolls, int[] order, int batch) {
        this.rolls = rolls;
        this.order = order;
        this.piece = new int[batch];
        this.pos = new int[batch];
        Arrays.fill(piece, -1);
    }

    /** Fills the next window; returns the number of valid steps (0 when every piece is done). */
    int fill(LstmUnroll u) {
        int w = u.window();
        int b = u.batch();
        int validSteps = 0;
        for (int lane = 0; lane < b; lane++) {
            for (int t = 0; t < w; t++) {
                int r = t * b + lane;
                boolean fresh = false;
                if (piece[lane] < 0 || pos[lane] == rolls[piece[lane]].length / K) {
                    if (next < order.length) {
                        piece[lane] = order[next++];
                        pos[lane] = 0;
                        fresh = true;
                    } else {
                        piece[lane] = -1;
                    }
                }
                u.reset[r] = fresh || piece[lane] < 0;
                if (piece[lane] < 0) {
                    Arrays.fill(u.x, r * K, (r + 1) * K, 0f);
                    Arrays.fill(u.y, r * K, (r + 1) * K, 0f);
                    u.valid[r] = 0f;
                    continue;
                }
                float[] roll = rolls[piece[lane]];
                int p = pos[lane]++;
                if (p == 0) {
                    Arrays.fill(u.x, r * K, (r + 1) * K, 0f);
                } else {
                    System.arraycopy(roll, (p - 1) * K, u.x, r * K, K);
                }
                System.arraycopy(roll, p * K, u.y, r * K, K);
                u.valid[r] = 1f;
                validSteps++;
            }
        }
        return validSteps;
    }
}
