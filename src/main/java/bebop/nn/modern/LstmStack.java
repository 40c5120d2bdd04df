package bebop.nn.modern;

import bebop.nn.Arithmetic;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stack of standard LSTM layers (Hochreiter & Schmidhuber 1997 with forget gates, Gers et al.
 * 2000; no peepholes) under a layer of logistic output units, in single precision:
 * <pre>
 *   [i f g o] = [sigmoid sigmoid tanh sigmoid]( W_l^T [x_l(t); h_l(t-1)] + b_l )
 *   c_l(t) = f * c_l(t-1) + i * g,      h_l(t) = o * tanh(c_l(t))
 *   x_{l+1}(t) = dropout(h_l(t)),        y(t) = sigmoid(W_o^T dropout(h_L(t)) + b_o)
 * </pre>
 *
 * <h2>Parameters</h2>
 * One flat {@code float[]}: for each layer {@code l}, {@code W_l} of shape
 * {@code (in_l + H_l) x 4 H_l} (row r = the weights out of input r, input rows then recurrent rows;
 * columns gate-major: i, f, g, o, each H_l wide), then {@code b_l} (4 H_l); then {@code W_o}
 * ({@code H_L x outputs}) and {@code b_o}. Rows run along the output units so that the kernels'
 * inner loops are contiguous ({@link Kernels}). Names: {@code lstm.l.W}, {@code lstm.l.b},
 * {@code out.W}, {@code out.b}.
 *
 * <p>With a NADE output ({@link LstmStackConfig#nadeHidden()} {@code H_n} above 0) the logits
 * {@code W_o^T h_L + b_o} are the NADE's visible biases and four more blocks follow:
 * {@code nade.Wc} ({@code H_L x H_n}) and {@code nade.c} ({@code H_n}), which give the NADE's hidden
 * biases {@code c(t) = nade.c + nade.Wc^T dropout(h_L(t))} (Boulanger-Lewandowski et al. 2012's
 * RNN-NADE), then {@code nade.W} and {@code nade.V} ({@code outputs x H_n}: row i holds the weights
 * from visible unit i into the hidden layer and from the hidden layer to visible unit i; see
 * {@link Nade}).
 *
 * <p>Initialisation (PyTorch's): weights uniform in +-1/sqrt(H), gate biases 0 except the
 * forget-gate biases, 1 (Jozefowicz et al. 2015); output weights uniform in +-1/sqrt(H_L), output
 * biases 0; NADE: {@code nade.Wc} uniform in +-1/sqrt(H_L), {@code nade.c} 0, {@code nade.W} and
 * {@code nade.V} uniform in +-1/sqrt(H_n), drawn after the rest.
 */
public final class LstmStack {
    /** A named block of the flat parameter array. */
    public record Block(String name, int offset, int rows, int cols) {
        public int size() {
            return rows * cols;
        }
    }

    final LstmStackConfig config;
    final int layers;
    final int[] in;
    final int[] hid;
    final int[] wOff;
    final int[] bOff;
    final int woOff;
    final int boOff;
    /** NADE hidden units (0: Bernoulli outputs) and the NADE blocks' offsets (-1 without). */
    final int nadeHidden;
    final int ncWOff;
    final int ncOff;
    final int nWOff;
    final int nVOff;
    final float[] params;
    private final List<Block> blocks;

    private LstmStack(LstmStackConfig config) {
        this.config = config;
        layers = config.layers().size();
        in = new int[layers];
        hid = new int[layers];
        wOff = new int[layers];
        bOff = new int[layers];
        List<Block> bl = new ArrayList<>();
        long off = 0;
        for (int l = 0; l < layers; l++) {
            in[l] = config.layerInputs(l);
            hid[l] = config.layers().get(l);
            wOff[l] = (int) off;
            bl.add(new Block("lstm." + l + ".W", (int) off, in[l] + hid[l], 4 * hid[l]));
            off += (long) (in[l] + hid[l]) * 4 * hid[l];
            bOff[l] = (int) off;
            bl.add(new Block("lstm." + l + ".b", (int) off, 1, 4 * hid[l]));
            off += 4L * hid[l];
        }
        woOff = (int) off;
        bl.add(new Block("out.W", (int) off, config.top(), config.outputs()));
        off += (long) config.top() * config.outputs();
        boOff = (int) off;
        bl.add(new Block("out.b", (int) off, 1, config.outputs()));
        off += config.outputs();
        nadeHidden = config.nadeHidden();
        if (nadeHidden > 0) {
            int hn = nadeHidden;
            ncWOff = (int) off;
            bl.add(new Block("nade.Wc", (int) off, config.top(), hn));
            off += (long) config.top() * hn;
            ncOff = (int) off;
            bl.add(new Block("nade.c", (int) off, 1, hn));
            off += hn;
            nWOff = (int) off;
            bl.add(new Block("nade.W", (int) off, config.outputs(), hn));
            off += (long) config.outputs() * hn;
            nVOff = (int) off;
            bl.add(new Block("nade.V", (int) off, config.outputs(), hn));
            off += (long) config.outputs() * hn;
        } else {
            ncWOff = -1;
            ncOff = -1;
            nWOff = -1;
            nVOff = -1;
        }
        if (off > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("network too large: " + off + " parameters");
        }
        params = new float[(int) off];
        blocks = Collections.unmodifiableList(bl);
    }

    /** A new network with initial weights drawn from {@code rng}. */
    public static LstmStack create(LstmStackConfig config, Rng rng) {
        LstmStack n = new LstmStack(config);
        for (int l = 0; l < n.layers; l++) {
            int h = n.hid[l];
            float s = (float) (1 / Math.sqrt(h));
            int size = (n.in[l] + h) * 4 * h;
            for (int i = 0; i < size; i++) {
                n.params[n.wOff[l] + i] = (2 * rng.nextFloat() - 1) * s;
            }
            Arrays.fill(n.params, n.bOff[l] + h, n.bOff[l] + 2 * h, 1f);
        }
        float s = (float) (1 / Math.sqrt(config.top()));
        for (int i = 0; i < config.top() * config.outputs(); i++) {
            n.params[n.woOff + i] = (2 * rng.nextFloat() - 1) * s;
        }
        if (n.nadeHidden > 0) {
            // drawn after everything else, so that a Bernoulli network of the same seed is unchanged
            int hn = n.nadeHidden;
            for (int i = 0; i < config.top() * hn; i++) {
                n.params[n.ncWOff + i] = (2 * rng.nextFloat() - 1) * s;
            }
            float sn = (float) (1 / Math.sqrt(hn));
            for (int i = 0; i < 2 * config.outputs() * hn; i++) {
                n.params[n.nWOff + i] = (2 * rng.nextFloat() - 1) * sn;
            }
        }
        return n;
    }

    /** A network with the given flat parameters (see the class comment for the layout). */
    public static LstmStack fromParameters(LstmStackConfig config, float[] params) {
        LstmStack n = new LstmStack(config);
        n.setParameters(params);
        return n;
    }

    public LstmStackConfig config() {
        return config;
    }

    public int parameterCount() {
        return params.length;
    }

    /** The named blocks of the flat parameter array, in order. */
    public List<Block> blocks() {
        return blocks;
    }

    /** A copy of the flat parameters. */
    public float[] parameters() {
        return params.clone();
    }

    /** The parameters by block name (copies), in order. */
    public Map<String, float[]> namedParameters() {
        Map<String, float[]> m = new LinkedHashMap<>();
        for (Block b : blocks) {
            m.put(b.name(), Arrays.copyOfRange(params, b.offset(), b.offset() + b.size()));
        }
        return m;
    }

    /** Replaces all parameters. */
    public void setParameters(float[] values) {
        if (values.length != params.length) {
            throw new IllegalArgumentException("expected " + params.length + " parameters, got " + values.length);
        }
        System.arraycopy(values, 0, params, 0, params.length);
    }

    /** Sets the output biases (for example to the logits of the training data's key frequencies). */
    public void setOutputBiases(float[] b) {
        if (b.length != config.outputs()) {
            throw new IllegalArgumentException("expected " + config.outputs() + " output biases, got " + b.length);
        }
        System.arraycopy(b, 0, params, boOff, b.length);
    }

    /**
     * The live parameter array, for an optimiser to update in place ({@link Adam#step}); the
     * network's {@link LstmUnroll}s read it directly.
     */
    public float[] liveParameters() {
        return params;
    }

    // ------------------------------------------------------------------ nonlinearities

    /** Logistic function in float, argument clamped to +-30 (no slow paths, no subnormals). */
    static float sigmoid(float x) {
        float z = Math.max(-30f, Math.min(30f, x));
        return (float) (1.0 / (1.0 + Math.exp(-z)));
    }

    /** Whether this JVM computes in vectors ({@link VectorCells} is loaded only then). */
    private static final boolean VECTORS = Arithmetic.DEFAULT.vectors();

    /**
     * {@code out[oo + j] = sigmoid(x[xo + j])} for {@code j < n}: whole vectors through
     * {@link VectorCells} where the JVM has them (the same bits), the rest one by one.
     */
    static void sigmoids(float[] x, int xo, int n, float[] out, int oo) {
        System.arraycopy(x, xo, out, oo, n);
        int j = 0;
        if (VECTORS) {
            for (; j + VectorCells.LANES <= n; j += VectorCells.LANES) {
                VectorCells.squashInPlace(out, oo + j, false);
            }
        }
        for (; j < n; j++) {
            out[oo + j] = sigmoid(out[oo + j]);
        }
    }

    /** Hyperbolic tangent in float, argument clamped to +-15. */
    static float tanh(float x) {
        float z = Math.max(-15f, Math.min(15f, x));
        double e = Math.exp(2.0 * z);
        return (float) ((e - 1) / (e + 1));
    }
}
