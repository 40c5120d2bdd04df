package bebop.nn.modern;

import bebop.nn.Arithmetic;
import bebop.nn.SequenceModel;
import java.util.Arrays;

/**
 * A trained {@link LstmStack} run one step at a time, as a {@link SequenceModel}: a 0/1 frame in,
 * the probability of each output unit in the next frame out. The forward pass of
 * {@link LstmUnroll} with one lane and no dropout (evaluation mode), in float, state carried from
 * step to step. The weights are the network's (shared, not copied); the state is this model's own.
 * Arrays are sized once; {@link #step} allocates nothing.
 */
public final class StackSequenceModel implements SequenceModel {
    private final LstmStack net;
    private final float[][] h;
    private final float[][] c;
    private final float[][] a;
    private final float[][] in;
    private final double[] out;
    private final float[] logits;
    /** Per layer: tanh of the cell states (the cells' scratch). */
    private final float[][] tc;
    private final int[] idx;
    private final Arithmetic arithmetic = Arithmetic.DEFAULT;
    private final String name;

    public StackSequenceModel(LstmStack net) {
        this(net, "LSTM (modern)");
    }

    public StackSequenceModel(LstmStack net, String name) {
        if (net.config.inputs() != net.config.outputs()) {
            throw new IllegalArgumentException("a sequence model needs as many outputs as inputs, got "
                    + net.config.outputs() + " and " + net.config.inputs());
        }
        this.net = net;
        this.name = name;
        h = new float[net.layers][];
        c = new float[net.layers][];
        a = new float[net.layers][];
        in = new float[net.layers][];
        tc = new float[net.layers][];
        int widest = net.config.top();
        for (int l = 0; l < net.layers; l++) {
            h[l] = new float[net.hid[l]];
            c[l] = new float[net.hid[l]];
            a[l] = new float[4 * net.hid[l]];
            in[l] = new float[net.in[l]];
            tc[l] = new float[net.hid[l]];
            widest = Math.max(widest, Math.max(net.in[l], net.hid[l]));
        }
        idx = new int[widest + 8];
        out = new double[net.config.outputs()];
        logits = new float[net.config.outputs()];
    }

    @Override
    public int units() {
        return net.config.inputs();
    }

    @Override
    public void reset() {
        for (int l = 0; l < net.layers; l++) {
            Arrays.fill(h[l], 0f);
            Arrays.fill(c[l], 0f);
        }
    }

    @Override
    public double[] step(double[] frame) {
        if (frame.length != units()) {
            throw new IllegalArgumentException("frame has " + frame.length + " units, the model " + units());
        }
        for (int i = 0; i < frame.length; i++) {
            in[0][i] = (float) frame[i];
        }
        for (int l = 0; l < net.layers; l++) {
            layer(l);
            if (l + 1 < net.layers) {
                System.arraycopy(h[l], 0, in[l + 1], 0, h[l].length);
            }
        }
        float[] p = net.params;
        int top = net.config.top();
        int outputs = net.config.outputs();
        System.arraycopy(p, net.boOff, logits, 0, outputs);
        Kernels.mulAdd(arithmetic, h[net.layers - 1], 0, top, p, net.woOff, outputs, logits, 0, outputs, 1, top, outputs,
                idx);
        for (int k = 0; k < outputs; k++) {
            out[k] = LstmStack.sigmoid(logits[k]);
        }
        return out;
    }

    /** The output logits of the last step (live). */
    float[] logits() {
        return logits;
    }

    /** The top layer's state after the last step (live). */
    float[] topState() {
        return h[net.layers - 1];
    }

    /** One layer: gates from [x; h(t-1)] (the inputs' products, then the state's, as the unroll adds them), then the cells. */
    private void layer(int l) {
        float[] p = net.params;
        int hl = net.hid[l];
        int g4 = 4 * hl;
        int inputs = net.in[l];
        float[] al = a[l];
        System.arraycopy(p, net.bOff[l], al, 0, g4);
        Kernels.mulAdd(arithmetic, in[l], 0, inputs, p, net.wOff[l], g4, al, 0, g4, 1, inputs, g4, idx);
        float[] hp = h[l];
        Kernels.mulAdd(arithmetic, hp, 0, hl, p, net.wOff[l] + inputs * g4, g4, al, 0, g4, 1, hl, g4, idx);
        float[] cl = c[l];
        // in vectors (the same bits), the cells past the last whole vector one by one; the state in place
        int done = arithmetic.vectors() ? VectorCells.cells(al, 0, hl, cl, 0, 0, false, tc[l], 0, hp, 0) : 0;
        for (int j = done; j < hl; j++) {
            float i = LstmStack.sigmoid(al[j]);
            float f = LstmStack.sigmoid(al[hl + j]);
            float g = LstmStack.tanh(al[2 * hl + j]);
            float o = LstmStack.sigmoid(al[3 * hl + j]);
            float cn = f * cl[j] + i * g;
            cl[j] = cn;
            hp[j] = o * LstmStack.tanh(cn);
        }
    }

    @Override
    public String name() {
        return name;
    }
}
