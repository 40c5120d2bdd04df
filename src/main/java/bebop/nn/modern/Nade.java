package bebop.nn.modern;

import java.util.random.RandomGenerator;

/**
 * The neural autoregressive distribution estimator (Larochelle & Murray 2011) over the {@code n}
 * binary units of one frame, in the units' order (for a piano roll: keys low to high), as the
 * output of an RNN-NADE (Boulanger-Lewandowski et al. 2012): the recurrent state gives the visible
 * biases {@code b} and the hidden biases {@code c} of each frame; the weights are shared.
 * <pre>
 *   a_0 = c,   a_{i+1} = a_i + v_i W_i                  (W_i: row i of W, H_n wide)
 *   h_i = sigmoid(a_i),   z_i = b_i + V_i . h_i,   p(v_i = 1 | v_&lt;i) = sigmoid(z_i)
 *   NLL(v) = - sum_i log p(v_i | v_&lt;i)
 * </pre>
 * The running pre-activation {@code a} makes the NLL exact in {@code O(n H_n)}. Its gradient goes
 * backwards over the units with the running sum {@code G_i = dNLL/da_i} (all of {@code h_j}, j
 * &ge; i, depend on {@code a_i}): {@code dz_i = p_i - v_i}, {@code dV_i = dz_i h_i},
 * {@code dW_i = v_i G_{i+1}}, {@code G_i = G_{i+1} + dz_i V_i h_i (1 - h_i)}, {@code db_i = dz_i},
 * {@code dc = G_0}.
 *
 * <p>Static kernels, EJML style: weights in a flat array at offsets ({@code W} and {@code V} both
 * {@code n x H_n}, row-major), explicit outputs and scratch, no allocation. Hidden units use the
 * engine's float logistic ({@link LstmStack#sigmoid}, argument clamped to +-30); log-probabilities
 * are summed in double.
 */
public final class Nade {
    private Nade() {}

    /**
     * The NLL (nats) of frame {@code v[vo..vo+n)} (0/1 values), keeping what {@link #backwardRow} needs.
     *
     * @param a scratch of {@code hn}
     * @param hs out: the hidden activations {@code h_i}, {@code n x hn}
     * @param z out: the conditional logits {@code z_i}, {@code n}
     */
    public static double forward(float[] p, int wOff, int vOff, int n, int hn, float[] b, int bo, float[] c, int co,
                                 float[] v, int vo, float[] a, float[] hs, float[] z) {
        System.arraycopy(c, co, a, 0, hn);
        double nll = 0;
        for (int i = 0; i < n; i++) {
            int hi = i * hn;
            int vi = vOff + i * hn;
            float zi = b[bo + i];
            if (i > 0 && v[vo + i - 1] == 0f) {
                System.arraycopy(hs, hi - hn, hs, hi, hn); // a is as it was: so are its sigmoids
            } else {
                LstmStack.sigmoids(a, 0, hn, hs, hi);
            }
            for (int j = 0; j < hn; j++) {
                zi += hs[hi + j] * p[vi + j];
            }
            z[i] = zi;
            float x = v[vo + i];
            nll += softplusLoss(zi, x);
            if (x != 0f) {
                addRow(x, p, wOff + i * hn, a, hn);
            }
        }
        return nll;
    }

    /** The NLL of a frame without the gradient's scratch; {@code a} a scratch of {@code 2 hn}. */
    public static double nll(float[] p, int wOff, int vOff, int n, int hn, float[] b, int bo, float[] c, int co,
                             float[] v, int vo, float[] a) {
        System.arraycopy(c, co, a, 0, hn);
        double nll = 0;
        for (int i = 0; i < n; i++) {
            float zi = logit(p, vOff + i * hn, b[bo + i], a, hn, i == 0 || v[vo + i - 1] != 0f);
            float x = v[vo + i];
            nll += softplusLoss(zi, x);
            if (x != 0f) {
                addRow(x, p, wOff + i * hn, a, hn);
            }
        }
        return nll;
    }

    /**
     * The gradient of {@code scale * NLL} of the frame of the last {@link #forward} (its {@code hs}
     * and {@code z}), the part of one frame: sets {@code db[dbo..dbo+n)} and {@code dc[dco..dco+hn)},
     * and keeps in {@code gs} (n x hn) the running sum {@code G_{i+1}} at every unit {@code i} that is
     * on, for {@link #addWeightGradients}.
     */
    public static void backwardRow(float[] p, int vOff, int n, int hn, float[] v, int vo, float[] hs, float[] z,
                                   float scale, float[] db, int dbo, float[] dc, int dco, float[] gs) {
        java.util.Arrays.fill(dc, dco, dco + hn, 0f);
        for (int i = n - 1; i >= 0; i--) {
            if (v[vo + i] != 0f) {
                // a_{i+1} = a_i + v_i W_i: W_i reaches every h_j with j > i, whose sum G_{i+1} is in dc now
                System.arraycopy(dc, dco, gs, i * hn, hn);
            }
            float dz = (LstmStack.sigmoid(z[i]) - v[vo + i]) * scale;
            db[dbo + i] = dz;
            int hi = i * hn;
            int vi = vOff + i * hn;
            for (int j = 0; j < hn; j++) {
                float h = hs[hi + j];
                dc[dco + j] += dz * p[vi + j] * (h * (1f - h));
            }
        }
    }

    /**
     * Adds one frame's gradient of the weights of units {@code [i0, i1)} (after its
     * {@link #backwardRow}: {@code db} its deltas, {@code gs} its running sums) to {@code g} at
     * {@code gW} ({@code dW_i = v_i G_{i+1}}) and {@code gV} ({@code dV_i = dz_i h_i}). Units are
     * independent here, so a range of them can go to each thread.
     */
    public static void addWeightGradients(int i0, int i1, int hn, float[] v, int vo, float[] hs, float[] gs, float[] db,
                                          int dbo, float[] g, int gW, int gV) {
        for (int i = i0; i < i1; i++) {
            float x = v[vo + i];
            if (x != 0f) {
                addRow(x, gs, i * hn, g, gW + i * hn, hn);
            }
            float dz = db[dbo + i];
            int hi = i * hn;
            int gv = gV + i * hn;
            for (int j = 0; j < hn; j++) {
                g[gv + j] += dz * hs[hi + j];
            }
        }
    }

    /**
     * Draws a frame unit by unit in order, each from its conditional given the units drawn before
     * it, with logits divided by {@code temperature} (1: the model's distribution; lower: safer,
     * towards the most likely unit each time; higher: wilder): one {@code rng.nextDouble()} per unit.
     *
     * @param a scratch of {@code 2 hn}
     * @param out the frame, 0/1
     */
    public static void sample(float[] p, int wOff, int vOff, int n, int hn, float[] b, int bo, float[] c, int co,
                              float[] a, double temperature, RandomGenerator rng, double[] out) {
        System.arraycopy(c, co, a, 0, hn);
        for (int i = 0; i < n; i++) {
            double zi = logit(p, vOff + i * hn, b[bo + i], a, hn, i == 0 || out[i - 1] != 0.0) / temperature;
            boolean on = rng.nextDouble() < 1 / (1 + Math.exp(-zi));
            out[i] = on ? 1.0 : 0.0;
            if (on) {
                addRow(1f, p, wOff + i * hn, a, hn);
            }
        }
    }

    /**
     * The frame chosen unit by unit in order, each on when its conditional given the units chosen
     * before it is at least 0.5 (the NADE's prediction for frame accuracy); {@code a} a scratch of
     * {@code 2 hn}.
     */
    public static void greedy(float[] p, int wOff, int vOff, int n, int hn, float[] b, int bo, float[] c, int co,
                              float[] a, boolean[] out) {
        System.arraycopy(c, co, a, 0, hn);
        for (int i = 0; i < n; i++) {
            boolean on = logit(p, vOff + i * hn, b[bo + i], a, hn, i == 0 || out[i - 1]) >= 0f;
            out[i] = on;
            if (on) {
                addRow(1f, p, wOff + i * hn, a, hn);
            }
        }
    }

    /**
     * {@code z_i = b_i + V_i . sigmoid(a)}, with {@code a[hn..2hn)} for the sigmoids: computed again
     * only when {@code changed} (a unit before was on), else those of the unit before.
     */
    private static float logit(float[] p, int vi, float bi, float[] a, int hn, boolean changed) {
        if (changed) {
            LstmStack.sigmoids(a, 0, hn, a, hn);
        }
        float zi = bi;
        for (int j = 0; j < hn; j++) {
            zi += a[hn + j] * p[vi + j];
        }
        return zi;
    }

    /** {@code y[yo..yo+hn) += x * w[wo..wo+hn)}. */
    private static void addRow(float x, float[] w, int wo, float[] y, int yo, int hn) {
        for (int j = 0; j < hn; j++) {
            y[yo + j] += x * w[wo + j];
        }
    }

    private static void addRow(float x, float[] w, int wo, float[] y, int hn) {
        addRow(x, w, wo, y, 0, hn);
    }

    /** {@code -log p(v)} for {@code p = sigmoid(z)}, {@code v} 0/1 (or a probability), without overflow. */
    static double softplusLoss(float z, float v) {
        double zd = z;
        return Math.max(zd, 0) - v * zd + Math.log1p(Math.exp(-Math.abs(zd)));
    }
}
