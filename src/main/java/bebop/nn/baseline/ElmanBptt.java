package bebop.nn.baseline;

import bebop.nn.Normalizer;
import java.util.Arrays;

/**
 * Forward pass and backpropagation through time over a window of up to {@code capacity} steps of
 * an {@link ElmanNetwork}, with every buffer allocated once.
 */
final class ElmanBptt {
    private final ElmanNetwork net;
    private final int capacity;
    private final double[][] x;
    private final double[][] h;
    private final double[][] y;
    private final double[] dh;
    private final double[] dhNext;
    private final double[] da;
    private final double[] dy;
    private int lastSteps;

    ElmanBptt(ElmanNetwork net, int capacity) {
        this.net = net;
        this.capacity = capacity;
        x = new double[capacity][net.inputs];
        h = new double[capacity + 1][net.hidden];
        y = new double[capacity][net.outputs];
        dh = new double[net.hidden];
        dhNext = new double[net.hidden];
        da = new double[net.hidden];
        dy = new double[net.outputs];
    }

    int hiddenUnits() {
        return net.hidden;
    }

    int capacity() {
        return capacity;
    }

    /**
     * Runs {@code steps} steps: input t is {@code in[inFrom + t]} (normalised with {@code norm}
     * unless null), target t is {@code tg[tgFrom + t]}, the state before the first step is
     * {@code h0} (zero when null). Returns the summed cross-entropy; when {@code grad} is not null,
     * adds the exact gradient of that sum (no gradient into {@code h0}) into it.
     */
    double run(double[][] in, int inFrom, double[][] tg, int tgFrom, int steps, Normalizer norm,
               double[] h0, double[] grad) {
        if (steps > capacity) {
            throw new IllegalArgumentException(steps + " steps exceed this engine's " + capacity);
        }
        if (h0 == null) {
            Arrays.fill(h[0], 0.0);
        } else {
            System.arraycopy(h0, 0, h[0], 0, net.hidden);
        }
        double loss = 0;
        final int outs = net.outputs;
        for (int t = 0; t < steps; t++) {
            double[] frame = in[inFrom + t];
            if (norm == null) {
                System.arraycopy(frame, 0, x[t], 0, net.inputs);
            } else {
                norm.apply(frame, x[t]);
            }
            net.hiddenStep(x[t], h[t], h[t + 1]);
            net.outputStep(x[t], h[t + 1], y[t]);
            double[] target = tg[tgFrom + t];
            double[] yt = y[t];
            for (int o = 0; o < outs; o++) {
                loss += ElmanNetwork.crossEntropy(yt[o], target[o]);
            }
        }
        lastSteps = steps;
        if (grad != null) {
            backward(tg, tgFrom, steps, grad);
        }
        return loss;
    }

    /** The hidden state after the last step of the last {@link #run}, copied into {@code out}. */
    void finalState(double[] out) {
        System.arraycopy(h[lastSteps], 0, out, 0, net.hidden);
    }

    private void backward(double[][] tg, int tgFrom, int steps, double[] g) {
        final double[] p = net.params;
        final int ni = net.inputs;
        final int nh = net.hidden;
        final int no = net.outputs;
        Arrays.fill(dhNext, 0.0);
        for (int t = steps - 1; t >= 0; t--) {
            final double[] xt = x[t];
            final double[] ht = h[t + 1];
            final double[] hp = h[t];
            final double[] target = tg[tgFrom + t];
            System.arraycopy(dhNext, 0, dh, 0, nh);
            for (int o = 0; o < no; o++) {
                double d = y[t][o] - target[o];
                dy[o] = d;
                g[net.offBY + o] += d;
                int r = net.offHY + o * nh;
                for (int j = 0; j < nh; j++) {
                    g[r + j] += d * ht[j];
                    dh[j] += p[r + j] * d;
                }
                r = net.offXY + o * ni;
                for (int i = 0; i < ni; i++) {
                    g[r + i] += d * xt[i];
                }
            }
            Arrays.fill(dhNext, 0.0);
            for (int j = 0; j < nh; j++) {
                double a = dh[j] * (1.0 - ht[j] * ht[j]);
                da[j] = a;
                g[net.offBH + j] += a;
                int r = net.offXH + j * ni;
                for (int i = 0; i < ni; i++) {
                    g[r + i] += a * xt[i];
                }
                r = net.offHH + j * nh;
                for (int k = 0; k < nh; k++) {
                    g[r + k] += a * hp[k];
                    dhNext[k] += p[r + k] * a;
                }
            }
        }
    }
}
