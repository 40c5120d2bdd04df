package bebop.nn.modern;

import bebop.nn.Aligned;
import bebop.nn.Arithmetic;
import java.util.Arrays;

/**
 * Minibatch truncated backpropagation through time for an {@link LstmStack}: {@code batch} lanes
 * run side by side through a window of {@code window} steps; the state at the end of a window
 * carries into the next ({@link #carry()}), and the gradient is cut at window boundaries.
 *
 * <p>The caller fills, per window, for each step {@code t} and lane {@code b} (row
 * {@code r = t * batch + b}): the input frame {@code x[r*inputs..]}, the target frame
 * {@code y[r*outputs..]} (0/1), {@code valid[r]} (1 if the step counts, 0 for padding) and
 * {@code reset[r]} (the lane starts a new sequence: it sees a zero state before this step and no
 * gradient flows back across it). Then {@link #forward} gives the summed frame-level Bernoulli
 * log-loss and {@link #backward} adds the gradient of the mean loss over the valid steps to
 * {@link #gradient()}.
 *
 * <p>Layers are processed one at a time over the whole window, so the input-to-gate products of a
 * layer are one large matrix product ({@code window*batch} rows) and only the recurrent products
 * go step by step ({@code batch} rows): the batch dimension is what keeps the kernels busy.
 * Dropout (inverted: kept units scaled by 1/(1-p)) applies to each layer's output on its way up,
 * never to the recurrent connections (Zaremba et al. 2014). All arrays are allocated once here:
 * forward and backward allocate nothing.
 *
 * <p>A {@link Team} may share each pass: rows, lanes, gradient rows or NADE keys go to its
 * threads, split only where each output element keeps one thread's arithmetic and order, so the
 * bits do not depend on the team's size ({@code ThreadBitsTest}).
 *
 * <p>One caller at a time; the network's parameters must not change between forward and backward.
 */
public final class LstmUnroll {
    private final LstmStack net;
    private final int window;
    private final int batch;
    private final int rows;
    private final int layers;
    private final int inputs;
    private final int outputs;
    private final int top;

    /** Inputs, {@code window*batch x inputs}. */
    public final float[] x;
    /** Targets, {@code window*batch x outputs}. */
    public final float[] y;
    /** 1 for the steps that count, 0 for padding. */
    public final float[] valid;
    /** True where a lane's state is zeroed before the step. */
    public final boolean[] reset;

    private final float[][] xh;
    private final float[][] act;
    private final float[][] c;
    private final float[][] tc;
    private final float[][] h;
    private final float[][] mask;
    private final float[] topIn;
    private final float[] logits;
    private final float[] prob;
    private final float[] dLogits;
    private final float[][] dAct;
    private final float[][] dUp;
    private final float[] dhRec;
    private final float[] dcRec;
    /**
     * Each layer's weights transposed (a row per gate unit: its input sources, then its recurrent
     * ones from column {@link #wtRec}), rows {@link #wtLd} apart, from index {@link Aligned#FLOAT_LEAD}:
     * the rows and their recurrent parts start on cache lines.
     */
    private final float[][] wt;
    private final int[] wtRec;
    private final int[] wtLd;
    /**
     * Each layer's recurrent weights copied at every forward pass, rows {@link #wRecLd} apart, from
     * index {@link Aligned#FLOAT_LEAD}: in the parameter array their rows straddle cache lines, and
     * a step's product of a few lanes read them 1.4x slower so (a probe of the JSB net's step).
     */
    private final float[][] wRec;
    private final int[] wRecLd;
    private final float[] woT;
    private final float[] grad;
    /** Kernel scratch, one a worker of the team. */
    private final int[][] idx;
    /** NADE output (hn above 0): hidden biases and their gradient per row, scratch, W and V gradients. */
    private final int hn;
    private final float[] nadeC;
    private final float[] dNadeC;
    /** A block of rows' NADE activations, conditional logits and running sums G (index: row in the block). */
    private final float[][] nadeHs;
    private final float[][] nadeZ;
    private final float[][] nadeG;
    /** NADE scratch, one a worker. */
    private final float[][] nadeA;
    private final float[] nadeWV;
    private final float[] wcT;
    private final double[] rowLoss;
    /** Each output unit's Bernoulli loss of the last forward pass, summed in order afterwards. */
    private final double[] unitLoss;
    private final Arithmetic arithmetic;
    private final Team team;
    private float dropout;
    private float inputDropout;
    private final float[] inputMask;
    private boolean training;
    private int counted;
    private float scale;
    /** The layer (or first row of the NADE block) the team's parts work on. */
    private int cur;
    /** The first weight row {@link #transposeRows} transposes: the deltas sent down need the input rows. */
    private int transposeFrom;
    private final Team.Part inputRows = this::inputRows;
    private final Team.Part lanesForward = this::lanesForward;
    private final Team.Part recurrentRows = this::recurrentRows;
    private final Team.Part outputRows = this::outputRows;
    private final Team.Part nadeRows = this::nadeRows;
    private final Team.Part nadeKeys = this::nadeKeys;
    private final Team.Part outputGradients = this::outputGradients;
    private final Team.Part topDeltas = this::topDeltas;
    private final Team.Part transposeRows = this::transposeRows;
    private final Team.Part lanesBackward = this::lanesBackward;
    private final Team.Part weightGradients = this::weightGradients;
    private final Team.Part deltasDown = this::deltasDown;
    private final Team.Part zeroGradient = this::zeroGradient;
    private final Team.Part maskRange = this::maskRange;
    /** The mask being drawn: the generator's state before the pass, the draws before this mask, its array and p. */
    private long maskStart;
    private long maskNext;
    private float[] maskTarget;
    private float maskP;
    /** Rows of a NADE block: its per-row scratch is {@code 2 * 88 * H_n} floats a row. */
    private static final int NADE_BLOCK = 32;

    /** An unroll that computes in {@link Arithmetic#DEFAULT} on the calling thread. */
    public LstmUnroll(LstmStack net, int window, int batch) {
        this(net, window, batch, Arithmetic.DEFAULT, new Team(1));
    }

    public LstmUnroll(LstmStack net, int window, int batch, Arithmetic arithmetic) {
        this(net, window, batch, arithmetic, new Team(1));
    }

    /**
     * An unroll whose passes are shared by {@code team} (owned by the caller): the bits are those of
     * one thread, whatever the team's size.
     */
    public LstmUnroll(LstmStack net, int window, int batch, Arithmetic arithmetic, Team team) {
        if (window < 1 || batch < 1) {
            throw new IllegalArgumentException("window and batch must be positive: " + window + ", " + batch);
        }
        this.net = net;
        this.arithmetic = arithmetic.require();
        this.team = team;
        this.window = window;
        this.batch = batch;
        this.rows = window * batch;
        this.layers = net.layers;
        this.inputs = net.config.inputs();
        this.outputs = net.config.outputs();
        this.top = net.config.top();
        x = new float[rows * inputs];
        inputMask = new float[rows * inputs];
        y = new float[rows * outputs];
        valid = new float[rows];
        reset = new boolean[rows];
        xh = new float[layers][];
        act = new float[layers][];
        c = new float[layers][];
        tc = new float[layers][];
        h = new float[layers][];
        mask = new float[layers][];
        dAct = new float[layers][];
        dUp = new float[layers][];
        wt = new float[layers][];
        wtRec = new int[layers];
        wtLd = new int[layers];
        wRec = new float[layers][];
        wRecLd = new int[layers];
        int maxH = 0;
        int maxK = 0;
        for (int l = 0; l < layers; l++) {
            int hl = net.hid[l];
            int k = net.in[l] + hl;
            maxH = Math.max(maxH, hl);
            maxK = Math.max(maxK, Math.max(k, 4 * hl));
            xh[l] = new float[rows * k];
            act[l] = new float[rows * 4 * hl];
            c[l] = new float[(window + 1) * batch * hl];
            tc[l] = new float[rows * hl];
            h[l] = new float[(window + 1) * batch * hl];
            mask[l] = new float[rows * hl];
            dAct[l] = new float[rows * 4 * hl];
            dUp[l] = new float[rows * hl];
            wtRec[l] = Aligned.floatStride(net.in[l]);
            wtLd[l] = wtRec[l] + Aligned.floatStride(hl);
            wt[l] = Aligned.floats(4 * hl * wtLd[l]);
            wRecLd[l] = Aligned.floatStride(4 * hl);
            wRec[l] = Aligned.floats(hl * wRecLd[l]);
        }
        topIn = new float[rows * top];
        logits = new float[rows * outputs];
        prob = new float[rows * outputs];
        dLogits = new float[rows * outputs];
        dhRec = new float[batch * maxH];
        dcRec = new float[batch * maxH];
        woT = new float[outputs * top];
        grad = new float[net.parameterCount()];
        hn = net.nadeHidden;
        nadeC = new float[rows * hn];
        dNadeC = new float[rows * hn];
        int block = hn > 0 ? Math.min(rows, NADE_BLOCK) : 0;
        nadeHs = new float[block][outputs * hn];
        nadeZ = new float[block][outputs];
        nadeG = new float[block][outputs * hn];
        nadeA = new float[team.threads()][2 * hn];
        nadeWV = new float[2 * outputs * hn];
        wcT = new float[hn * top];
        rowLoss = new double[rows];
        unitLoss = new double[hn > 0 ? 0 : rows * outputs];
        idx = new int[team.threads()][Math.max(Math.max(Math.max(maxK, outputs), Math.max(top, rows)), hn) + 8];
    }

    public int window() {
        return window;
    }

    public int batch() {
        return batch;
    }

    /** The accumulated gradient (live array; see {@link #zeroGradient()}). */
    public float[] gradient() {
        return grad;
    }

    public void zeroGradient() {
        team.run(grad.length, zeroGradient);
    }

    private void zeroGradient(int w, int from, int to) {
        Arrays.fill(grad, from, to, 0f);
    }

    /** Zeroes the state of every lane (before the first window). */
    public void clearState() {
        for (int l = 0; l < layers; l++) {
            Arrays.fill(c[l], 0f);
            Arrays.fill(h[l], 0f);
        }
    }

    /** Moves the state at the end of this window to the start of the next. */
    public void carry() {
        for (int l = 0; l < layers; l++) {
            int n = batch * net.hid[l];
            System.arraycopy(c[l], window * n, c[l], 0, n);
            System.arraycopy(h[l], window * n, h[l], 0, n);
        }
    }

    /** The predicted probabilities after {@link #forward}, {@code window*batch x outputs}. */
    public float[] probabilities() {
        return prob;
    }

    /** The output logits after {@link #forward}. */
    public float[] logits() {
        return logits;
    }

    /** The input dropout mask of the last training forward pass with input dropout (tests). */
    float[] inputMask() {
        return inputMask;
    }

    /** The dropout mask of layer {@code l}'s output in the last training forward pass (tests). */
    float[] mask(int l) {
        return mask[l];
    }

    /** The state (h, c) of layer {@code l} at the start of the window, {@code batch x H} (tests). */
    float[] initialH(int l) {
        return Arrays.copyOf(h[l], batch * net.hid[l]);
    }

    float[] initialC(int l) {
        return Arrays.copyOf(c[l], batch * net.hid[l]);
    }

    /** The number of valid steps in the last forward pass. */
    public int counted() {
        return counted;
    }

    /**
     * Runs the window forward and returns the summed Bernoulli log-loss (nats) over the valid
     * steps and all output units; with a NADE output, the summed exact NLL of the valid steps'
     * frames ({@link Nade}; with {@code train}, its gradient is computed here and added by
     * {@link #backward}).
     *
     * @param train draw dropout masks (with {@code dropout > 0}) and prepare {@link #backward}
     * @param dropout the probability of dropping a unit, 0 for none
     * @param rng the source of the dropout masks (unused without dropout)
     */
    public double forward(boolean train, float dropout, Rng rng) {
        return forward(train, dropout, 0f, rng);
    }

    /**
     * As {@link #forward(boolean, float, Rng)}, and with {@code train} also drops each input unit
     * of each step with probability {@code inputDropout} (the kept ones scaled by
     * {@code 1/(1-inputDropout)}; the mask is drawn from {@code rng} before the layers' masks, and
     * nothing is drawn for it when {@code inputDropout} is 0).
     */
    public double forward(boolean train, float dropout, float inputDropout, Rng rng) {
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1): " + dropout);
        }
        if (!(inputDropout >= 0 && inputDropout < 1)) {
            throw new IllegalArgumentException("input dropout must be in [0, 1): " + inputDropout);
        }
        this.training = train;
        this.dropout = train ? dropout : 0f;
        this.inputDropout = train ? inputDropout : 0f;
        // every mask drawn before the layers run, each number at its place in the generator's
        // sequence: the numbers of drawing them one by one, each layer's after its layer
        maskStart = rng.state();
        maskNext = 0;
        if (this.inputDropout > 0) {
            drawMask(inputMask, inputMask.length, this.inputDropout);
        }
        if (this.dropout > 0) {
            for (int l = 0; l < layers; l++) {
                drawMask(mask[l], rows * net.hid[l], this.dropout);
            }
        }
        rng.skip(maskNext);
        for (int l = 0; l < layers; l++) {
            cur = l;
            team.run(rows, inputRows);
            team.run(net.hid[l], recurrentRows);
            team.runOnePerThread(batch, lanesForward);
        }
        counted = 0;
        for (int r = 0; r < rows; r++) {
            if (valid[r] != 0f) {
                counted++;
            }
        }
        scale = counted == 0 ? 0f : 1f / counted;
        team.run(rows, outputRows);
        if (hn > 0) {
            return nadeForward();
        }
        double loss = 0;
        for (int r = 0; r < rows; r++) {
            if (valid[r] != 0f) {
                for (int k = r * outputs; k < (r + 1) * outputs; k++) {
                    loss += unitLoss[k];
                }
            }
        }
        return loss;
    }

    /** Fills {@code m[0, n)} with the next {@code n} numbers of the mask sequence: 0 (dropped, probability p) or 1/(1-p). */
    private void drawMask(float[] m, int n, float p) {
        maskTarget = m;
        maskP = p;
        team.run(n, maskRange);
        maskNext += n;
    }

    private void maskRange(int w, int from, int to) {
        float[] m = maskTarget;
        float p = maskP;
        float keep = 1f / (1f - p);
        for (int i = from; i < to; i++) {
            m[i] = Rng.floatAt(maskStart, maskNext + i) < p ? 0f : keep;
        }
    }

    /** Rows {@code [r0, r1)} of the output layer: logits (and a NADE's hidden biases), or Bernoulli loss and deltas. */
    private void outputRows(int w, int r0, int r1) {
        float[] p = net.params;
        for (int r = r0; r < r1; r++) {
            System.arraycopy(p, net.boOff, logits, r * outputs, outputs);
        }
        Kernels.mulAdd(arithmetic, topIn, r0 * top, top, p, net.woOff, outputs, logits, r0 * outputs, outputs, r1 - r0,
                top, outputs, idx[w]);
        if (hn > 0) {
            for (int r = r0; r < r1; r++) {
                System.arraycopy(p, net.ncOff, nadeC, r * hn, hn);
            }
            Kernels.mulAdd(arithmetic, topIn, r0 * top, top, p, net.ncWOff, hn, nadeC, r0 * hn, hn, r1 - r0, top, hn,
                    idx[w]);
            return;
        }
        for (int r = r0; r < r1; r++) {
            int o = r * outputs;
            boolean v = valid[r] != 0f;
            LstmStack.sigmoids(logits, o, outputs, prob, o);
            for (int k = 0; k < outputs; k++) {
                float z = logits[o + k];
                float q = prob[o + k];
                if (v) {
                    double zd = z;
                    unitLoss[o + k] = Math.max(zd, 0) - y[o + k] * zd + Math.log1p(Math.exp(-Math.abs(zd)));
                    dLogits[o + k] = (q - y[o + k]) * scale;
                } else {
                    dLogits[o + k] = 0f;
                }
            }
            double frame = 0;
            if (v) {
                for (int k = 0; k < outputs; k++) {
                    frame += unitLoss[o + k];
                }
            }
            rowLoss[r] = frame;
        }
    }

    /**
     * The NADE output, after {@code c = nade.c + nade.Wc^T topIn} for every row: per valid row the
     * frame's exact NLL and, when training, its gradient (visible biases into {@code dLogits}, hidden
     * biases into {@code dNadeC}, the NADE weights into {@code nadeWV}). Rows go in blocks: the team
     * computes each row of a block, then adds the block's weight gradients key by key, row by row in
     * order (the order of one thread).
     */
    private double nadeForward() {
        if (training) {
            Arrays.fill(nadeWV, 0f);
        }
        for (int r0 = 0; r0 < rows; r0 += nadeHs.length) {
            cur = r0;
            int n = Math.min(nadeHs.length, rows - r0);
            team.run(n, nadeRows);
            if (training) {
                team.run(outputs, nadeKeys);
            }
        }
        double loss = 0;
        for (int r = 0; r < rows; r++) {
            if (valid[r] != 0f) {
                loss += rowLoss[r];
            }
        }
        return loss;
    }

    /** Rows {@code cur + [i0, i1)}: probabilities, NLL and (training) the row's own gradient. */
    private void nadeRows(int w, int i0, int i1) {
        float[] p = net.params;
        for (int i = i0; i < i1; i++) {
            int r = cur + i;
            int o = r * outputs;
            LstmStack.sigmoids(logits, o, outputs, prob, o);
            if (valid[r] == 0f) {
                rowLoss[r] = 0;
                Arrays.fill(dLogits, o, o + outputs, 0f);
                Arrays.fill(dNadeC, r * hn, (r + 1) * hn, 0f);
                continue;
            }
            if (training) {
                rowLoss[r] = Nade.forward(p, net.nWOff, net.nVOff, outputs, hn, logits, o, nadeC, r * hn, y, o, nadeA[w],
                        nadeHs[i], nadeZ[i]);
                Nade.backwardRow(p, net.nVOff, outputs, hn, y, o, nadeHs[i], nadeZ[i], scale, dLogits, o, dNadeC, r * hn,
                        nadeG[i]);
            } else {
                rowLoss[r] = Nade.nll(p, net.nWOff, net.nVOff, outputs, hn, logits, o, nadeC, r * hn, y, o, nadeA[w]);
            }
        }
    }

    /** Keys {@code [k0, k1)} of the NADE weights' gradient: the block's valid rows added in order. */
    private void nadeKeys(int w, int k0, int k1) {
        int n = Math.min(nadeHs.length, rows - cur);
        for (int i = 0; i < n; i++) {
            int r = cur + i;
            if (valid[r] != 0f) {
                Nade.addWeightGradients(k0, k1, hn, y, r * outputs, nadeHs[i], nadeG[i], dLogits, r * outputs, nadeWV, 0,
                        outputs * hn);
            }
        }
    }

    /** True when the network's output is a NADE. */
    public boolean nade() {
        return hn > 0;
    }

    /**
     * The NLL (nats) of row {@code r}'s target frame after {@link #forward} (0 for padding): the
     * Bernoulli log-loss summed over the output units in order, or a NADE's exact NLL.
     */
    public double rowLoss(int r) {
        return rowLoss[r];
    }

    /**
     * A NADE output's prediction of row {@code r}'s frame after {@link #forward}: keys chosen in
     * order, each on when its conditional given the keys chosen below it is at least 0.5.
     */
    public void nadeGreedy(int r, boolean[] out) {
        Nade.greedy(net.params, net.nWOff, net.nVOff, outputs, hn, logits, r * outputs, nadeC, r * hn, nadeA[0], out);
    }

    /** Rows {@code [r0, r1)} of layer {@code cur}: its input part of {@code [x; h_prev]}, biases, input products. */
    private void inputRows(int w, int r0, int r1) {
        int l = cur;
        float[] p = net.params;
        int in = net.in[l];
        int hl = net.hid[l];
        int k = in + hl;
        int g4 = 4 * hl;
        float[] xhl = xh[l];
        if (l == 0) {
            if (inputDropout > 0) {
                for (int r = r0; r < r1; r++) {
                    for (int j = 0; j < inputs; j++) {
                        xhl[r * k + j] = x[r * inputs + j] * inputMask[r * inputs + j];
                    }
                }
            } else {
                for (int r = r0; r < r1; r++) {
                    System.arraycopy(x, r * inputs, xhl, r * k, inputs);
                }
            }
        } else {
            int hb = net.hid[l - 1];
            float[] below = h[l - 1];
            float[] m = mask[l - 1];
            boolean drop = dropout > 0;
            for (int r = r0; r < r1; r++) {
                int src = (r + batch) * hb;
                int dst = r * k;
                if (drop) {
                    for (int j = 0; j < hb; j++) {
                        xhl[dst + j] = below[src + j] * m[r * hb + j];
                    }
                } else {
                    System.arraycopy(below, src, xhl, dst, hb);
                }
            }
        }
        float[] a = act[l];
        for (int r = r0; r < r1; r++) {
            System.arraycopy(p, net.bOff[l], a, r * g4, g4);
        }
        Kernels.mulAdd(arithmetic, xhl, r0 * k, k, p, net.wOff[l], g4, a, r0 * g4, g4, r1 - r0, in, g4, idx[w]);
    }

    /** Lanes {@code [b0, b1)} of layer {@code cur} through the window: recurrent products and cells. */
    private void lanesForward(int w, int b0, int b1) {
        int l = cur;
        int in = net.in[l];
        int hl = net.hid[l];
        int k = in + hl;
        int g4 = 4 * hl;
        float[] xhl = xh[l];
        float[] a = act[l];
        float[] cl = c[l];
        float[] hh = h[l];
        float[] tcl = tc[l];
        for (int t = 0; t < window; t++) {
            for (int b = b0; b < b1; b++) {
                int r = t * batch + b;
                int s = r * hl; // state index t (= after step t-1) of lane b
                if (reset[r]) {
                    Arrays.fill(xhl, r * k + in, r * k + k, 0f);
                } else {
                    System.arraycopy(hh, s, xhl, r * k + in, hl);
                }
            }
            int r0 = t * batch + b0;
            Kernels.mulAdd(arithmetic, xhl, r0 * k + in, k, wRec[l], Aligned.FLOAT_LEAD, wRecLd[l], a, r0 * g4, g4, b1 - b0,
                    hl, g4, idx[w]);
            cellsForward(a, cl, tcl, hh, t, hl, b0, b1);
        }
        if (l == layers - 1) {
            for (int t = 0; t < window; t++) {
                for (int b = b0; b < b1; b++) {
                    int r = t * batch + b;
                    int src = (r + batch) * hl;
                    if (dropout > 0) {
                        for (int j = 0; j < hl; j++) {
                            topIn[r * hl + j] = hh[src + j] * mask[l][r * hl + j];
                        }
                    } else {
                        System.arraycopy(hh, src, topIn, r * hl, hl);
                    }
                }
            }
        }
    }

    private void cellsForward(float[] a, float[] cl, float[] tcl, float[] hh, int t, int hl, int b0, int b1) {
        int g4 = 4 * hl;
        for (int b = b0; b < b1; b++) {
            int r = t * batch + b;
            int ar = r * g4;
            int prev = r * hl;
            int next = (r + batch) * hl;
            boolean fresh = reset[r];
            // in vectors (the same bits), the cells past the last whole vector one by one
            int done = arithmetic.vectors() ? VectorCells.cells(a, ar, hl, cl, prev, next, fresh, tcl, prev, hh, next) : 0;
            for (int j = done; j < hl; j++) {
                float i = LstmStack.sigmoid(a[ar + j]);
                float f = LstmStack.sigmoid(a[ar + hl + j]);
                float g = LstmStack.tanh(a[ar + 2 * hl + j]);
                float o = LstmStack.sigmoid(a[ar + 3 * hl + j]);
                a[ar + j] = i;
                a[ar + hl + j] = f;
                a[ar + 2 * hl + j] = g;
                a[ar + 3 * hl + j] = o;
                float cn = (fresh ? 0f : f * cl[prev + j]) + i * g;
                float th = LstmStack.tanh(cn);
                cl[next + j] = cn;
                tcl[prev + j] = th;
                hh[next + j] = o * th;
            }
        }
    }

    /**
     * Adds to {@link #gradient()} the gradient of (summed loss / valid steps) of the last
     * {@link #forward} with {@code train = true}.
     */
    public void backward() {
        if (!training) {
            throw new IllegalStateException("backward needs a forward pass with train = true");
        }
        team.run(top + 1, outputGradients);
        if (hn > 0) {
            for (int i = 0; i < nadeWV.length; i++) {
                grad[net.nWOff + i] += nadeWV[i];
            }
        }
        team.run(rows, topDeltas);
        for (int l = layers - 1; l >= 0; l--) {
            cur = l;
            // the first layer's input rows are not transposed: no deltas go down from it
            transposeFrom = l > 0 ? 0 : net.in[l];
            team.run(net.in[l] + net.hid[l] - transposeFrom, transposeRows);
            team.runOnePerThread(batch, lanesBackward);
            team.run(net.hid[l] + 1, weightGradients);
            if (l > 0) {
                team.run(rows, deltasDown);
            }
        }
    }

    /**
     * Rows {@code [q0, q1)} of the output weights' gradients (row {@code top} stands for the biases),
     * and the same rows of the output weights transposed for {@link #topDeltas}.
     */
    private void outputGradients(int w, int q0, int q1) {
        int e = Math.min(q1, top);
        if (q0 < e) {
            float[] p = net.params;
            Kernels.transposeRows(p, net.woOff, outputs, q0, e, woT, 0, top);
            if (hn > 0) {
                Kernels.transposeRows(p, net.ncWOff, hn, q0, e, wcT, 0, top);
            }
            Kernels.mulAddTransA(arithmetic, topIn, q0, top, dLogits, 0, outputs, grad, net.woOff + q0 * outputs, outputs,
                    rows, e - q0, outputs, idx[w]);
            if (hn > 0) {
                Kernels.mulAddTransA(arithmetic, topIn, q0, top, dNadeC, 0, hn, grad, net.ncWOff + q0 * hn, hn, rows,
                        e - q0, hn, idx[w]);
            }
        }
        if (q1 > top) {
            Kernels.addColumnSums(dLogits, 0, rows, outputs, grad, net.boOff);
            if (hn > 0) {
                Kernels.addColumnSums(dNadeC, 0, rows, hn, grad, net.ncOff);
            }
        }
    }

    /** Rows {@code [r0, r1)} of the top layer's output deltas. */
    private void topDeltas(int w, int r0, int r1) {
        int lt = layers - 1;
        float[] du = dUp[lt];
        Arrays.fill(du, r0 * top, r1 * top, 0f);
        Kernels.mulAdd(arithmetic, dLogits, r0 * outputs, outputs, woT, 0, top, du, r0 * top, top, r1 - r0, outputs, top,
                idx[w]);
        if (hn > 0) {
            Kernels.mulAdd(arithmetic, dNadeC, r0 * hn, hn, wcT, 0, top, du, r0 * top, top, r1 - r0, hn, top, idx[w]);
        }
        if (dropout > 0) {
            multiply(du, mask[lt], r0 * top, r1 * top);
        }
    }

    /** Rows {@code transposeFrom + [s0, s1)} of layer {@code cur}'s weights, transposed into {@code wt}. */
    private void transposeRows(int w, int s0, int s1) {
        int l = cur;
        int in = net.in[l];
        int r0 = transposeFrom + s0;
        int r1 = transposeFrom + s1;
        int g4 = 4 * net.hid[l];
        if (r0 < in) {
            Kernels.transposeRows(net.params, net.wOff[l], g4, r0, Math.min(r1, in), wt[l], Aligned.FLOAT_LEAD, wtLd[l]);
        }
        if (r1 > in) {
            // the recurrent rows land from column wtRec: dOff shifts row r to wtRec + (r - in)
            Kernels.transposeRows(net.params, net.wOff[l], g4, Math.max(r0, in), r1, wt[l],
                    Aligned.FLOAT_LEAD + wtRec[l] - in, wtLd[l]);
        }
    }

    /** Rows {@code [s0, s1)} of layer {@code cur}'s recurrent weights copied into {@link #wRec}. */
    private void recurrentRows(int w, int s0, int s1) {
        int l = cur;
        int g4 = 4 * net.hid[l];
        int from = net.wOff[l] + net.in[l] * g4;
        for (int s = s0; s < s1; s++) {
            System.arraycopy(net.params, from + s * g4, wRec[l], Aligned.FLOAT_LEAD + s * wRecLd[l], g4);
        }
    }

    /** Lanes {@code [b0, b1)} of layer {@code cur} back through the window: gate deltas and recurrent errors. */
    private void lanesBackward(int w, int b0, int b1) {
        int l = cur;
        int in = net.in[l];
        int hl = net.hid[l];
        int g4 = 4 * hl;
        float[] da = dAct[l];
        float[] a = act[l];
        float[] du = dUp[l];
        float[] cl = c[l];
        float[] tcl = tc[l];
        Arrays.fill(dhRec, b0 * hl, b1 * hl, 0f);
        Arrays.fill(dcRec, b0 * hl, b1 * hl, 0f);
        for (int t = window - 1; t >= 0; t--) {
            for (int b = b0; b < b1; b++) {
                int r = t * batch + b;
                int ar = r * g4;
                int s = r * hl;
                int lane = b * hl;
                boolean fresh = reset[r];
                for (int j = 0; j < hl; j++) {
                    float i = a[ar + j];
                    float f = a[ar + hl + j];
                    float g = a[ar + 2 * hl + j];
                    float o = a[ar + 3 * hl + j];
                    float th = tcl[s + j];
                    float dh = du[s + j] + dhRec[lane + j];
                    float dc = dcRec[lane + j] + dh * o * (1f - th * th);
                    float cprev = fresh ? 0f : cl[s + j];
                    da[ar + j] = dc * g * i * (1f - i);
                    da[ar + hl + j] = dc * cprev * f * (1f - f);
                    da[ar + 2 * hl + j] = dc * i * (1f - g * g);
                    da[ar + 3 * hl + j] = dh * th * o * (1f - o);
                    dcRec[lane + j] = dc * f;
                }
            }
            Arrays.fill(dhRec, b0 * hl, b1 * hl, 0f);
            Kernels.mulAdd(arithmetic, da, (t * batch + b0) * g4, g4, wt[l], Aligned.FLOAT_LEAD + wtRec[l], wtLd[l], dhRec,
                    b0 * hl, hl, b1 - b0, g4, hl, idx[w]);
            for (int b = b0; b < b1; b++) {
                if (reset[t * batch + b]) {
                    Arrays.fill(dhRec, b * hl, (b + 1) * hl, 0f);
                    Arrays.fill(dcRec, b * hl, (b + 1) * hl, 0f);
                }
            }
        }
    }

    /**
     * Part {@code [q0, q1)} of {@code [0, H + 1)} of layer {@code cur}'s weight gradient: the rows
     * of recurrent sources {@code [q0, q1)}, the biases with the last part, and the same share of
     * the input rows (mostly zeros in a piano roll, so they cost little and are spread evenly).
     */
    private void weightGradients(int w, int q0, int q1) {
        int l = cur;
        int in = net.in[l];
        int hl = net.hid[l];
        int k = in + hl;
        int g4 = 4 * hl;
        int i0 = (int) ((long) in * q0 / (hl + 1));
        int i1 = (int) ((long) in * q1 / (hl + 1));
        if (i0 < i1) {
            Kernels.mulAddTransA(arithmetic, xh[l], i0, k, dAct[l], 0, g4, grad, net.wOff[l] + i0 * g4, g4, rows, i1 - i0,
                    g4, idx[w]);
        }
        int e = Math.min(q1, hl);
        if (q0 < e) {
            Kernels.mulAddTransA(arithmetic, xh[l], in + q0, k, dAct[l], 0, g4, grad, net.wOff[l] + (in + q0) * g4, g4, rows,
                    e - q0, g4, idx[w]);
        }
        if (q1 > hl) {
            Kernels.addColumnSums(dAct[l], 0, rows, g4, grad, net.bOff[l]);
        }
    }

    /** Rows {@code [r0, r1)} of the deltas layer {@code cur} sends down to its input layer's outputs. */
    private void deltasDown(int w, int r0, int r1) {
        int l = cur;
        int in = net.in[l];
        int g4 = 4 * net.hid[l];
        int hb = net.hid[l - 1];
        float[] du = dUp[l - 1];
        Arrays.fill(du, r0 * hb, r1 * hb, 0f);
        Kernels.mulAdd(arithmetic, dAct[l], r0 * g4, g4, wt[l], Aligned.FLOAT_LEAD, wtLd[l], du, r0 * hb, hb, r1 - r0, g4,
                in, idx[w]);
        if (dropout > 0) {
            multiply(du, mask[l - 1], r0 * hb, r1 * hb);
        }
    }

    private static void multiply(float[] a, float[] m, int from, int to) {
        for (int i = from; i < to; i++) {
            a[i] *= m[i];
        }
    }
}
