package bebop.nn.modern;

import bebop.nn.FrameSampler;
import bebop.nn.SequenceModel;
import java.util.random.RandomGenerator;

/**
 * A trained {@link LstmStack} with a {@link Nade} output, run one step at a time: the LSTM as
 * {@link StackSequenceModel} runs it, and after each step the NADE's biases of the next frame
 * (visible: the output logits; hidden: {@code nade.c + nade.Wc^T h_L}). {@link #sampleFrame} draws
 * the next frame key by key, low to high. {@link #step} returns each key's probability given that
 * every key below it is off (the NADE's first conditional of each key; the keys' marginals are not
 * tractable). Arrays are sized once; nothing is allocated per step.
 */
public final class NadeSequenceModel implements SequenceModel, FrameSampler {
    private final LstmStack net;
    private final StackSequenceModel lstm;
    private final float[] c;
    private final float[] a;

    public NadeSequenceModel(LstmStack net) {
        if (net.nadeHidden == 0) {
            throw new IllegalArgumentException("the network has no NADE output");
        }
        this.net = net;
        this.lstm = new StackSequenceModel(net, "LSTM-NADE (modern)");
        c = new float[net.nadeHidden];
        a = new float[2 * net.nadeHidden];
    }

    @Override
    public int units() {
        return lstm.units();
    }

    @Override
    public void reset() {
        lstm.reset();
    }

    @Override
    public double[] step(double[] frame) {
        double[] out = lstm.step(frame);
        float[] p = net.params;
        int hn = net.nadeHidden;
        float[] top = lstm.topState();
        System.arraycopy(p, net.ncOff, c, 0, hn);
        for (int j = 0; j < top.length; j++) {
            float v = top[j];
            if (v != 0f) {
                int row = net.ncWOff + j * hn;
                for (int q = 0; q < hn; q++) {
                    c[q] += v * p[row + q];
                }
            }
        }
        return out;
    }

    @Override
    public void sampleFrame(double temperature, RandomGenerator rng, double[] frame) {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be finite and above 0, got " + temperature);
        }
        Nade.sample(net.params, net.nWOff, net.nVOff, units(), net.nadeHidden, lstm.logits(), 0, c, 0, a, temperature,
                rng, frame);
    }

    /** The NLL (nats) of {@code frame} as the next frame, given the steps so far. */
    public double nll(double[] frame) {
        float[] v = new float[frame.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) frame[i];
        }
        return Nade.nll(net.params, net.nWOff, net.nVOff, units(), net.nadeHidden, lstm.logits(), 0, c, 0, v, 0, a);
    }

    @Override
    public String name() {
        return lstm.name();
    }
}
