package bebop.nn.modern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The float network's backward pass against central finite differences of a plain
 * double-precision forward pass written independently here (the same equations, none of the
 * kernels); and the float forward pass against that reference.
 */
class GradientCheckTest {
    static final int I = 5;
    static final int O = 5;
    static final int W = 4;
    static final int B = 3;

    /** The reference loss: mean over valid steps of the summed Bernoulli log-loss. */
    static double referenceLoss(LstmStack net, double[] params, LstmUnroll u, float[][] masks,
                                float[][] h0, float[][] c0) {
        int layers = net.layers;
        int rows = W * B;
        double[][] below = new double[rows][];
        for (int r = 0; r < rows; r++) {
            below[r] = new double[I];
            for (int k = 0; k < I; k++) {
                below[r][k] = u.x[r * I + k];
            }
        }
        for (int l = 0; l < layers; l++) {
            int in = net.in[l];
            int hl = net.hid[l];
            int g4 = 4 * hl;
            double[][] out = new double[rows][hl];
            double[][] hs = new double[B][hl];
            double[][] cs = new double[B][hl];
            for (int b = 0; b < B; b++) {
                for (int j = 0; j < hl; j++) {
                    hs[b][j] = h0[l][b * hl + j];
                    cs[b][j] = c0[l][b * hl + j];
                }
            }
            for (int t = 0; t < W; t++) {
                for (int b = 0; b < B; b++) {
                    int r = t * B + b;
                    if (u.reset[r]) {
                        hs[b] = new double[hl];
                        cs[b] = new double[hl];
                    }
                    double[] xin = new double[in + hl];
                    System.arraycopy(below[r], 0, xin, 0, in);
                    System.arraycopy(hs[b], 0, xin, in, hl);
                    double[] a = new double[g4];
                    for (int q = 0; q < g4; q++) {
                        double s = params[net.bOff[l] + q];
                        for (int p = 0; p < in + hl; p++) {
                            s += xin[p] * params[net.wOff[l] + p * g4 + q];
                        }
                        a[q] = s;
                    }
                    for (int j = 0; j < hl; j++) {
                        double i = sig(a[j]);
                        double f = sig(a[hl + j]);
                        double g = Math.tanh(a[2 * hl + j]);
                        double o = sig(a[3 * hl + j]);
                        cs[b][j] = f * cs[b][j] + i * g;
                        hs[b][j] = o * Math.tanh(cs[b][j]);
                        out[r][j] = hs[b][j] * (masks == null ? 1 : masks[l][r * hl + j]);
                    }
                }
            }
            below = out;
        }
        int top = net.config.top();
        double loss = 0;
        int counted = 0;
        int hn = net.nadeHidden;
        for (int r = 0; r < rows; r++) {
            if (u.valid[r] == 0f) {
                continue;
            }
            counted++;
            double[] b = new double[O];
            for (int k = 0; k < O; k++) {
                double z = params[net.boOff + k];
                for (int j = 0; j < top; j++) {
                    z += below[r][j] * params[net.woOff + j * O + k];
                }
                b[k] = z;
            }
            if (hn == 0) {
                for (int k = 0; k < O; k++) {
                    double p = sig(b[k]);
                    loss -= u.y[r * O + k] > 0.5f ? Math.log(p) : Math.log(1 - p);
                }
                continue;
            }
            // NADE: hidden biases from the top state, then each key from the keys below it, from scratch
            double[] c = new double[hn];
            for (int q = 0; q < hn; q++) {
                double s = params[net.ncOff + q];
                for (int j = 0; j < top; j++) {
                    s += below[r][j] * params[net.ncWOff + j * hn + q];
                }
                c[q] = s;
            }
            for (int k = 0; k < O; k++) {
                double z = b[k];
                for (int q = 0; q < hn; q++) {
                    double a = c[q];
                    for (int i = 0; i < k; i++) {
                        a += u.y[r * O + i] * params[net.nWOff + i * hn + q];
                    }
                    z += sig(a) * params[net.nVOff + k * hn + q];
                }
                double p = sig(z);
                loss -= u.y[r * O + k] > 0.5f ? Math.log(p) : Math.log(1 - p);
            }
        }
        return loss / counted;
    }

    static double sig(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    static void fill(LstmUnroll u, Random r) {
        for (int i = 0; i < u.x.length; i++) {
            u.x[i] = r.nextDouble() < 0.3 ? 1f : 0f;
        }
        for (int i = 0; i < u.y.length; i++) {
            u.y[i] = r.nextDouble() < 0.3 ? 1f : 0f;
        }
        java.util.Arrays.fill(u.valid, 1f);
        java.util.Arrays.fill(u.reset, false);
    }

    void check(List<Integer> layers, float dropout) {
        check(layers, dropout, 0);
    }

    void check(List<Integer> layers, float dropout, int nadeHidden) {
        LstmStackConfig cfg = new LstmStackConfig(I, layers, O, nadeHidden);
        LstmStack net = LstmStack.create(cfg, new Rng(7));
        // larger weights than the initialisation so that every path matters
        float[] p = net.parameters();
        Random r = new Random(3);
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) (r.nextGaussian() * 0.5);
        }
        net.setParameters(p);
        LstmUnroll u = new LstmUnroll(net, W, B);
        Rng rng = new Rng(11);
        // a first window, so that the checked one starts from a carried, non-zero state
        fill(u, r);
        u.forward(true, dropout, rng);
        u.carry();
        fill(u, r);
        u.reset[1 * B + 2] = true;   // lane 2 starts a new sequence at step 1
        u.valid[3 * B + 1] = 0f;     // lane 1's last step is padding
        u.valid[2 * B + 0] = 0f;
        float[][] h0 = new float[layers.size()][];
        float[][] c0 = new float[layers.size()][];
        for (int l = 0; l < layers.size(); l++) {
            h0[l] = u.initialH(l);
            c0[l] = u.initialC(l);
        }
        double floatLoss = u.forward(true, dropout, rng) / u.counted();
        float[][] masks = null;
        if (dropout > 0) {
            masks = new float[layers.size()][];
            for (int l = 0; l < layers.size(); l++) {
                masks[l] = u.mask(l).clone();
            }
        }
        u.zeroGradient();
        u.backward();
        float[] g = u.gradient().clone();

        double[] pd = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            pd[i] = p[i];
        }
        double refLoss = referenceLoss(net, pd, u, masks, h0, c0);
        assertEquals(refLoss, floatLoss, 1e-5 * Math.abs(refLoss), "float forward vs double reference");

        double eps = 1e-6;
        double diff2 = 0;
        double norm2 = 0;
        for (int i = 0; i < p.length; i++) {
            double keep = pd[i];
            pd[i] = keep + eps;
            double lp = referenceLoss(net, pd, u, masks, h0, c0);
            pd[i] = keep - eps;
            double lm = referenceLoss(net, pd, u, masks, h0, c0);
            pd[i] = keep;
            double fd = (lp - lm) / (2 * eps);
            assertEquals(fd, g[i], 1e-4 + 2e-3 * Math.abs(fd), "parameter " + i + " of " + p.length);
            diff2 += (fd - g[i]) * (fd - g[i]);
            norm2 += fd * fd;
        }
        assertTrue(norm2 > 1e-4, "gradient too small to check");
        assertTrue(Math.sqrt(diff2 / norm2) < 1e-4, "relative gradient error " + Math.sqrt(diff2 / norm2));
        if (nadeHidden > 0) {
            // every parameter group on its own: the NADE's weights, its bias maps, the LSTM under it
            for (LstmStack.Block blk : net.blocks()) {
                double d2 = 0;
                double n2 = 0;
                for (int i = blk.offset(); i < blk.offset() + blk.size(); i++) {
                    double keep = pd[i];
                    pd[i] = keep + eps;
                    double lp = referenceLoss(net, pd, u, masks, h0, c0);
                    pd[i] = keep - eps;
                    double lm = referenceLoss(net, pd, u, masks, h0, c0);
                    pd[i] = keep;
                    double fd = (lp - lm) / (2 * eps);
                    d2 += (fd - g[i]) * (fd - g[i]);
                    n2 += fd * fd;
                }
                assertTrue(n2 > 1e-8, blk.name() + ": gradient too small to check");
                assertTrue(Math.sqrt(d2 / n2) < 1e-4, blk.name() + ": relative gradient error " + Math.sqrt(d2 / n2));
            }
        }
    }

    @Test
    void nadeOutputOneLayer() {
        check(List.of(4), 0f, 3);
    }

    @Test
    void nadeOutputTwoLayersWithDropout() {
        check(List.of(4, 3), 0.3f, 6);
    }

    @Test
    void oneLayer() {
        check(List.of(4), 0f);
    }

    @Test
    void twoLayersWithDropout() {
        check(List.of(4, 3), 0.3f);
    }

    @Test
    void threeLayers() {
        check(List.of(3, 4, 2), 0f);
    }

    @Test
    void inputDropoutTrainsOnTheMaskedInputsAndLeavesEvaluationAlone() {
        LstmStack net = LstmStack.create(new LstmStackConfig(40, List.of(6), 40), new Rng(7));
        int w = 10;
        int b = 8;
        Random r = new Random(5);
        LstmUnroll dropped = new LstmUnroll(net, w, b);
        for (int i = 0; i < dropped.x.length; i++) {
            dropped.x[i] = r.nextDouble() < 0.5 ? 1f : 0f;
            dropped.y[i] = r.nextDouble() < 0.3 ? 1f : 0f;
        }
        java.util.Arrays.fill(dropped.valid, 1f);
        LstmUnroll plain = new LstmUnroll(net, w, b);
        System.arraycopy(dropped.y, 0, plain.y, 0, plain.y.length);
        java.util.Arrays.fill(plain.valid, 1f);

        // evaluation ignores input dropout and draws nothing
        System.arraycopy(dropped.x, 0, plain.x, 0, plain.x.length);
        Rng rng = new Rng(1);
        double evalLoss = dropped.forward(false, 0f, 0.4f, rng);
        assertEquals(new Rng(1).state(), rng.state());
        assertEquals(plain.forward(false, 0f, 0f, rng), evalLoss);

        double loss = dropped.forward(true, 0f, 0.4f, new Rng(3));
        dropped.zeroGradient();
        dropped.backward();
        float[] m = dropped.inputMask();
        int zeros = 0;
        for (int i = 0; i < m.length; i++) {
            if (m[i] == 0f) {
                zeros++;
            } else {
                assertEquals(1f / 0.6f, m[i]);
            }
            plain.x[i] = dropped.x[i] * m[i];
        }
        assertEquals(0.4, zeros / (double) m.length, 0.03, "dropped fraction");
        // the same pass as on inputs with the dropped keys set to 0 and the kept ones scaled up
        assertEquals(plain.forward(true, 0f, 0f, new Rng(3)), loss);
        plain.zeroGradient();
        plain.backward();
        float[] a = dropped.gradient();
        float[] g = plain.gradient();
        for (int i = 0; i < g.length; i++) {
            assertEquals(Float.floatToRawIntBits(g[i]), Float.floatToRawIntBits(a[i]), "gradient " + i);
        }
    }
}
