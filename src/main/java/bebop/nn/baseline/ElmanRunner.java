package bebop.nn.baseline;

import bebop.nn.Normalizer;
import bebop.nn.SequenceModel;
import java.util.Arrays;

/**
 * Runs an {@link ElmanNetwork} forward one raw frame at a time (the frame is normalised first):
 * the network as a {@link SequenceModel}. Holds its own hidden state; the weights are the
 * network's (shared). Allocation-free per step.
 */
public final class ElmanRunner implements SequenceModel {
    private final ElmanNetwork net;
    private final Normalizer normalizer;
    private final double[] x;
    private double[] h;
    private double[] hPrev;
    private final double[] y;

    ElmanRunner(ElmanNetwork net, Normalizer normalizer) {
        if (normalizer.units() != net.inputs) {
            throw new IllegalArgumentException("normaliser has " + normalizer.units() + " units, network "
                    + net.inputs + " inputs");
        }
        this.net = net;
        this.normalizer = normalizer;
        this.x = new double[net.inputs];
        this.h = new double[net.hidden];
        this.hPrev = new double[net.hidden];
        this.y = new double[net.outputs];
    }

    @Override
    public int units() {
        return net.outputs;
    }

    @Override
    public void reset() {
        Arrays.fill(h, 0.0);
        Arrays.fill(hPrev, 0.0);
    }

    @Override
    public double[] step(double[] frame) {
        if (frame.length != net.inputs) {
            throw new IllegalArgumentException("frame has " + frame.length + " units, network " + net.inputs);
        }
        normalizer.apply(frame, x);
        double[] swap = hPrev;
        hPrev = h;
        h = swap;
        net.hiddenStep(x, hPrev, h);
        net.outputStep(x, h, y);
        return y;
    }

    /** A copy of the hidden state after the last step. */
    public double[] hiddenState() {
        return h.clone();
    }

    @Override
    public String name() {
        return "Elman";
    }
}
