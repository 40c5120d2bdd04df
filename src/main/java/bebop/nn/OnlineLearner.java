package bebop.nn;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The paper's learning algorithm: weights change after every time step ("online"). Output units
 * and output gates learn by one-step truncated backprop; cell inputs, input gates and forget gates
 * (and their peepholes) by truncated RTRL with eligibility traces, in the form of Gers,
 * Schmidhuber and Cummins (2000):
 * <pre>
 *   dS_c,m   <- dS_c,m   * y_forget + g'(net_c) * y_in       * u_m
 *   dS_in,m  <- dS_in,m  * y_forget + g(net_c)  * s'(net_in) * u_m
 *   dS_fg,m  <- dS_fg,m  * y_forget + s(t-1)    * s'(net_fg) * u_m
 *   e_c = sum_k w_kc delta_k,   e_s = y_out h'(s) e_c,   dw = -alpha e_s dS (gates: summed over the cells)
 *   delta_out = s'(net_out) sum_v h(s_v) e_v
 * </pre>
 * with {@code delta_k = y_k - t_k} (cross-entropy at logistic outputs). The sources {@code u}
 * (inputs, cell outputs at t-1, bias) count as constants: no error flows back through recurrent
 * cell outputs, and the peephole inputs s(t-1) / s(t) are treated as sources like any other.
 * Momentum after Plaut et al.: {@code dw(t) = -alpha dE/dw + mu dw(t-1)}.
 *
 * <p>This is the fast path of {@link PaperLstm} (the reference, with the rules as the paper
 * writes them; {@code PaperLstmTest} holds the two to the same bits). Trains the network's weights
 * in place, row by row; the nets whose output units fall into groups of consecutive units (the
 * standard LSTM, the paper's Experiment 1 and 2 nets) through a column-major copy that the network
 * reads back whenever its weights are asked for ({@link PackedLearner}: the same bits, faster).
 * Allocation-free per step.
 */
public final class OnlineLearner implements StepLearner {
    private final LstmNetwork net;
    /** SIMD ({@link VectorKernels}) or plain loops; the weight changes are the same to the bit on both. */
    private final boolean simd;
    final ForwardState st;
    /** The packed path ({@link PackedLearner}), or null: the row-major updates below. */
    private final PackedLearner packed;
    private double learningRate;
    private double momentum;

    /** RTRL traces for cell, input gate and forget gate weights: layout of the cell weights. */
    final double[] dCell;
    final double[] dIn;
    final double[] dForget;
    /** Traces for the input/forget gate peepholes: [cell c of block j][peephole cell v' of j]. */
    final double[] dInPeep;
    final double[] dForgetPeep;
    /** Back-propagated error per cell, and at the cell state. */
    private final double[] e;
    private final double[] es;
    private final double[] target;
    /** Per output: the first of its cells when they are one ascending run, else -1. */
    private final int[] outputCellRun;
    /**
     * Gradient estimate of the last step (dE/dw) and the momentum term, per parameter array. The
     * gradient is stored only when {@link #recordGradients() recording} (it costs memory traffic);
     * the gate arrays also collect the sums over a block's cells.
     */
    private final double[][] grad;
    private boolean recording;
    private final double[][] velocity;
    private long steps;

    OnlineLearner(LstmNetwork net, double learningRate, double momentum) {
        this(net, learningRate, momentum, true);
    }

    /**
     * @param packedPath train through {@link PackedLearner} where the net allows (false: always row
     *     by row; the two give the same bits, which tests check)
     */
    OnlineLearner(LstmNetwork net, double learningRate, double momentum, boolean packedPath) {
        this.net = net;
        this.simd = net.arithmetic.vectors();
        this.packed = packedPath && PackedLearner.supports(net) ? new PackedLearner(net) : null;
        this.st = packed != null
                ? new ForwardState(net, packed.weights, false)
                : new ForwardState(net, false);
        setLearningRate(learningRate);
        setMomentum(momentum);
        // the row-major path's traces and momentum terms: the packed path keeps its own
        int rowMajor = packed == null ? net.cellLength : 0;
        dCell = new double[rowMajor];
        dIn = new double[rowMajor];
        dForget = new double[rowMajor];
        int peep = net.peepholes && packed == null ? net.cells * net.cellsPerBlock : 0;
        dInPeep = new double[peep];
        dForgetPeep = new double[peep];
        e = new double[net.cells];
        es = new double[net.cells];
        target = new double[net.outputs];
        outputCellRun = new int[net.outputs];
        for (int k = 0; k < net.outputs; k++) {
            outputCellRun[k] = Kernels.runStart(net.outputCells[k]);
        }
        grad = new double[net.params.length][];
        velocity = new double[net.params.length][];
        for (int p = 0; p < net.params.length; p++) {
            grad[p] = new double[net.params[p].length];
            velocity[p] = new double[packed == null ? net.params[p].length : 0];
        }
    }

    public LstmNetwork network() {
        return net;
    }

    public double learningRate() {
        return learningRate;
    }

    public void setLearningRate(double learningRate) {
        if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be finite and >= 0, got " + learningRate);
        }
        this.learningRate = learningRate;
    }

    public double momentum() {
        return momentum;
    }

    public void setMomentum(double momentum) {
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        this.momentum = momentum;
    }

    /** Zero cell states, activations and eligibility traces; weights and momentum are kept. */
    @Override
    public void reset() {
        st.reset();
        Arrays.fill(dCell, 0);
        Arrays.fill(dIn, 0);
        Arrays.fill(dForget, 0);
        Arrays.fill(dInPeep, 0);
        Arrays.fill(dForgetPeep, 0);
        if (packed != null) {
            packed.resetTraces();
        }
    }

    /** Zero the momentum terms too. */
    public void resetMomentum() {
        for (double[] v : velocity) {
            Arrays.fill(v, 0);
        }
        if (packed != null) {
            packed.resetMomentum();
        }
    }

    /** Number of learning steps taken. */
    @Override
    public long steps() {
        return steps;
    }

    /**
     * One online step: forward pass on {@code input}, then the truncated gradient of this step's
     * cross-entropy against {@code target}, then the weight change. Returns the outputs computed
     * before the weight change (this learner's buffer, overwritten by the next call).
     */
    @Override
    public double[] step(double[] input, double[] target) {
        if (target.length != net.outputs) {
            throw new IllegalArgumentException("target frame must have " + net.outputs + " values, got " + target.length);
        }
        if (packed != null) {
            packed.own();
            st.forward(input);
            System.arraycopy(target, 0, this.target, 0, target.length);
            packed.learn(st, this.target, recording, learningRate, momentum);
        } else {
            net.sync();
            st.forward(input);
            System.arraycopy(target, 0, this.target, 0, target.length);
            outputLayer();
            for (int j = 0; j < net.blocks; j++) {
                block(j);
            }
            net.version++;
        }
        steps++;
        return st.y;
    }

    /** Whether this learner trains a packed copy of the weights ({@link PackedLearner}). */
    boolean packed() {
        return packed != null;
    }

    /**
     * For {@link StepProfile}: the first {@code parts} parts of a step on the packed path: 1 the
     * forward pass, 2 and the output layer (deltas, errors sent back, output weights), 3 and the
     * per-row factors of the gates (with the peepholes), 4 and the gate and cell rows' traces and
     * updates (a whole step).
     */
    void partialStep(double[] input, double[] target, int parts) {
        packed.own();
        st.forward(input);
        System.arraycopy(target, 0, this.target, 0, target.length);
        if (parts >= 2) {
            packed.outputLayer(st, this.target, recording, learningRate, momentum);
        }
        if (parts >= 3) {
            packed.gateFactors(st, recording, learningRate, momentum);
        }
        if (parts >= 4) {
            for (int g = 0; g < packed.groups(); g++) {
                packed.updateGroup(st, g, recording, learningRate, momentum);
            }
        }
        steps++;
    }

    /** Forward pass only (no learning, traces untouched); state advances. For free-running use. */
    public double[] predict(double[] input) {
        if (packed != null) {
            packed.own();
        } else {
            net.sync();
        }
        st.forward(input);
        return st.y;
    }

    /** The outputs of the last step (this learner's buffer). */
    public double[] outputs() {
        return st.y;
    }

    /** Cross-entropy of the last {@link #step} (summed over the output units). */
    @Override
    public double lastLoss() {
        return Activations.crossEntropy(st.y, target, net.outputs);
    }

    /** From now on keep each step's gradient for {@link #lastGradient()}; returns this learner. */
    public OnlineLearner recordGradients() {
        recording = true;
        return this;
    }

    /**
     * Copies of the truncated gradient estimate dE(t)/dw of the last step, by parameter name
     * (the direction the weights moved against, before momentum and learning rate).
     *
     * @throws IllegalStateException unless {@link #recordGradients()} was called before the step
     */
    public Map<String, double[]> lastGradient() {
        if (!recording) {
            throw new IllegalStateException("call recordGradients() before step() to keep the gradients");
        }
        if (packed != null) {
            packed.gradients(grad);
        }
        Map<String, double[]> map = new LinkedHashMap<>();
        for (int p = 0; p < grad.length; p++) {
            if (net.peepholes || !LstmNetwork.isPeephole(p)) {
                map.put(LstmNetwork.NAMES[p], grad[p].clone());
            }
        }
        return map;
    }

    /*
     * Each weight's gradient is computed, recorded in grad (when recording) and applied with its
     * momentum term in the same pass over the weights, and each trace row is updated in the pass
     * that uses it: the learner is bound by memory traffic, not arithmetic. The arithmetic is that
     * of computing all gradients first and then applying them: the output weights are read for the
     * back-propagated error before they change, and no gradient depends on a changed weight.
     */

    /** Output units: deltas, the error at each cell (with the old weights), gradients and updates. */
    private void outputLayer() {
        final double[] w = net.params[LstmNetwork.P_OUTPUT];
        final double[] gw = recorded(LstmNetwork.P_OUTPUT);
        final double[] vel = velocity[LstmNetwork.P_OUTPUT];
        final double[] y = st.y;
        final double[] e = this.e;
        final double lr = learningRate;
        final double mu = momentum;
        Arrays.fill(e, 0);
        for (int k = 0; k < net.outputs; k++) {
            final double d = y[k] - target[k];
            final int o = net.outputOffset[k];
            final int[] cells = net.outputCells[k];
            final int cr = outputCellRun[k];
            if (cr >= 0 && simd) {
                VectorKernels.addScaled(e, cr, w, o, d, cells.length);
            } else if (cr >= 0) {
                for (int i = 0; i < cells.length; i++) {
                    e[cr + i] += w[o + i] * d;
                }
            } else {
                for (int i = 0; i < cells.length; i++) {
                    e[cells[i]] += w[o + i] * d;
                }
            }
            // the row's sources in its order (cells, inputs, 1): one pass over the whole row
            final double[] src = st.outputSources[k];
            learnRow(w, gw, vel, o, d, src, 0, src.length, lr, mu);
        }
    }

    /** The gradient array of parameter array {@code p} when recording, else null (not stored). */
    private double[] recorded(int p) {
        return recording ? grad[p] : null;
    }

    /** Weights {@code o..o+n) whose gradient is {@code d * src[so + i]}: record (unless {@code gw} is null) and apply. */
    private void learnRow(double[] w, double[] gw, double[] vel, int o, double d, double[] src, int so, int n,
                          double lr, double mu) {
        if (simd) {
            VectorKernels.learnRow(w, gw, vel, o, d, src, so, n, lr, mu);
        } else {
            Kernels.learnRow(w, gw, vel, o, d, src, so, n, lr, mu);
        }
    }

    /** One weight: record its gradient {@code g} (unless {@code gw} is null) and apply it with momentum. */
    private static void learn(double[] w, double[] gw, double[] vel, int i, double g, double lr, double mu) {
        if (gw != null) {
            gw[i] = g;
        }
        double dw = mu * vel[i] - lr * g;
        vel[i] = dw;
        w[i] += dw;
    }

    /** Block j: errors at the cell states, output gate, then traces, cells and input/forget gates. */
    private void block(int j) {
        final int sc = net.cellsPerBlock;
        final int n = net.sources[j];
        final int go = net.gateOffset[j];
        final int uo = st.sourceOffset[j];
        final int co = net.cellOffset[j];
        final int c0 = j * sc;
        final double lr = learningRate;
        final double mu = momentum;
        final double yo = st.yOut[j];
        double sum = 0;
        for (int v = 0; v < sc; v++) {
            int c = c0 + v;
            double h = st.hs[c];
            sum += h * e[c];
            es[c] = yo * net.hSlope(h) * e[c];
        }
        final double dOut = yo * (1 - yo) * sum;
        final double[][] p = net.params;
        learnRow(p[LstmNetwork.P_OUTGATE], recorded(LstmNetwork.P_OUTGATE), velocity[LstmNetwork.P_OUTGATE], go, dOut,
                st.u, uo, n, lr, mu);
        final double yf = st.yForget[j];
        final double yi = st.yIn[j];
        final double dIn1 = yi * (1 - yi);
        final double dForget1 = yf * (1 - yf);
        for (int v = 0; v < sc; v++) {
            final int c = c0 + v;
            final double g = st.gc[c];
            cellRow(co + v * n, go, uo, n, yf, net.gSlope(g) * yi, g * dIn1, st.sPrev[c] * dForget1,
                    es[c], v == 0, v == sc - 1, lr, mu);
        }
        if (net.peepholes) {
            peepholes(j, yf, dIn1, dForget1, dOut, lr, mu);
        }
    }

    /**
     * One cell's row of sources: its traces ({@code dS <- dS yf + k u}, with k = a for the cell
     * input, b for the input gate, f for the forget gate), its cell-input weights
     * ({@code dE/dw = e_s dS_c}), and its share of the block's gate gradients ({@code e_s dS_in},
     * {@code e_s dS_fg}, summed over the cells in order); the gate weights change with the last cell.
     */
    private void cellRow(int o, int go, int uo, int n, double yf, double a, double b, double f, double es,
                         boolean first, boolean last, double lr, double mu) {
        final double[][] p = net.params;
        final double[] gc = recorded(LstmNetwork.P_CELL);
        // The gate gradients are stored to sum them over the cells, or to keep them.
        final boolean gates = recording || !(first && last);
        final double[] gi = gates ? grad[LstmNetwork.P_IN] : null;
        final double[] gf = gates ? grad[LstmNetwork.P_FORGET] : null;
        if (simd) {
            VectorKernels.cellRow(st.u, uo, go, n, dCell, dIn, dForget, o, yf, a, b, f, es, p, velocity, gc, gi, gf,
                    first, last, lr, mu);
        } else {
            Kernels.cellRow(st.u, uo, go, 0, n, dCell, dIn, dForget, o, yf, a, b, f, es, p, velocity, gc, gi, gf,
                    first, last, lr, mu);
        }
    }

    /** Block j's peephole traces, gradients and updates (the peepholes count as sources s(t-1) / s(t)). */
    private void peepholes(int j, double yf, double dIn1, double dForget1, double dOut, double lr,
                           double mu) {
        peepholes(net, st, j, es, dInPeep, dForgetPeep, yf, dIn1, dForget1, dOut, velocity, recording ? grad : null,
                lr, mu);
    }

    /**
     * Block j's peephole traces, gradients and updates, in the network's arrays: {@code es} the
     * error at each cell's state, the traces {@code dInPeep}, {@code dForgetPeep} ([cell][peephole
     * cell of its block]), momentum terms {@code vel} and gradients {@code grad} (null: not
     * recorded) indexed as the network's parameters. Shared with {@link PackedLearner}.
     */
    static void peepholes(LstmNetwork net, ForwardState st, int j, double[] es, double[] dInPeep,
                          double[] dForgetPeep, double yf, double dIn1, double dForget1, double dOut,
                          double[][] vel, double[][] grad, double lr, double mu) {
        final int sc = net.cellsPerBlock;
        if (sc == 2) {
            peepholes2(net, st, j, es, dInPeep, dForgetPeep, yf, dIn1, dForget1, dOut, vel, grad, lr, mu);
            return;
        }
        final int c0 = j * sc;
        final double[] sPrev = st.sPrev;
        for (int v = 0; v < sc; v++) {
            final int c = c0 + v;
            final double b = st.gc[c] * dIn1;
            final double f = sPrev[c] * dForget1;
            final int o = c * sc;
            for (int m = 0; m < sc; m++) {
                double um = sPrev[c0 + m];
                dInPeep[o + m] = dInPeep[o + m] * yf + b * um;
                dForgetPeep[o + m] = dForgetPeep[o + m] * yf + f * um;
            }
        }
        final double[][] p = net.params;
        final double[] s = st.s;
        final double[] gOut = grad == null ? null : grad[LstmNetwork.P_PEEP_OUT];
        final double[] gIn = grad == null ? null : grad[LstmNetwork.P_PEEP_IN];
        final double[] gForget = grad == null ? null : grad[LstmNetwork.P_PEEP_FORGET];
        for (int v = 0; v < sc; v++) {
            learn(p[LstmNetwork.P_PEEP_OUT], gOut, vel[LstmNetwork.P_PEEP_OUT], c0 + v, dOut * s[c0 + v], lr, mu);
        }
        for (int w = 0; w < sc; w++) {
            double si = 0;
            double sf = 0;
            for (int v = 0; v < sc; v++) {
                int idx = (c0 + v) * sc + w;
                si += es[c0 + v] * dInPeep[idx];
                sf += es[c0 + v] * dForgetPeep[idx];
            }
            learn(p[LstmNetwork.P_PEEP_IN], gIn, vel[LstmNetwork.P_PEEP_IN], c0 + w, si, lr, mu);
            learn(p[LstmNetwork.P_PEEP_FORGET], gForget, vel[LstmNetwork.P_PEEP_FORGET], c0 + w, sf, lr, mu);
        }
    }

    /**
     * {@link #peepholes} for blocks of two cells (the paper's nets), its loops written out (loops of
     * two turns cost more than their work): the same operations in the same order.
     */
    private static void peepholes2(LstmNetwork net, ForwardState st, int j, double[] es, double[] dInPeep,
                                   double[] dForgetPeep, double yf, double dIn1, double dForget1, double dOut,
                                   double[][] vel, double[][] grad, double lr, double mu) {
        final int c0 = 2 * j;
        final int c1 = c0 + 1;
        final double[] sPrev = st.sPrev;
        final double u0 = sPrev[c0];
        final double u1 = sPrev[c1];
        final double b0 = st.gc[c0] * dIn1;
        final double f0 = u0 * dForget1;
        final double b1 = st.gc[c1] * dIn1;
        final double f1 = u1 * dForget1;
        // traces [cell][peephole cell]: rows 2 c0 (cell c0) and 2 c1 (cell c1)
        final int o0 = 2 * c0;
        final int o1 = 2 * c1;
        final double i00 = dInPeep[o0] * yf + b0 * u0;
        final double i01 = dInPeep[o0 + 1] * yf + b0 * u1;
        final double i10 = dInPeep[o1] * yf + b1 * u0;
        final double i11 = dInPeep[o1 + 1] * yf + b1 * u1;
        final double f00 = dForgetPeep[o0] * yf + f0 * u0;
        final double f01 = dForgetPeep[o0 + 1] * yf + f0 * u1;
        final double f10 = dForgetPeep[o1] * yf + f1 * u0;
        final double f11 = dForgetPeep[o1 + 1] * yf + f1 * u1;
        dInPeep[o0] = i00;
        dInPeep[o0 + 1] = i01;
        dInPeep[o1] = i10;
        dInPeep[o1 + 1] = i11;
        dForgetPeep[o0] = f00;
        dForgetPeep[o0 + 1] = f01;
        dForgetPeep[o1] = f10;
        dForgetPeep[o1 + 1] = f11;
        final double[][] p = net.params;
        final double[] wOut = p[LstmNetwork.P_PEEP_OUT];
        final double[] vOut = vel[LstmNetwork.P_PEEP_OUT];
        final double[] gOut = grad == null ? null : grad[LstmNetwork.P_PEEP_OUT];
        learn(wOut, gOut, vOut, c0, dOut * st.s[c0], lr, mu);
        learn(wOut, gOut, vOut, c1, dOut * st.s[c1], lr, mu);
        final double e0 = es[c0];
        final double e1 = es[c1];
        double si0 = 0;
        si0 += e0 * i00;
        si0 += e1 * i10;
        double sf0 = 0;
        sf0 += e0 * f00;
        sf0 += e1 * f10;
        double si1 = 0;
        si1 += e0 * i01;
        si1 += e1 * i11;
        double sf1 = 0;
        sf1 += e0 * f01;
        sf1 += e1 * f11;
        final double[] wIn = p[LstmNetwork.P_PEEP_IN];
        final double[] vIn = vel[LstmNetwork.P_PEEP_IN];
        final double[] gIn = grad == null ? null : grad[LstmNetwork.P_PEEP_IN];
        final double[] wForget = p[LstmNetwork.P_PEEP_FORGET];
        final double[] vForget = vel[LstmNetwork.P_PEEP_FORGET];
        final double[] gForget = grad == null ? null : grad[LstmNetwork.P_PEEP_FORGET];
        learn(wIn, gIn, vIn, c0, si0, lr, mu);
        learn(wForget, gForget, vForget, c0, sf0, lr, mu);
        learn(wIn, gIn, vIn, c1, si1, lr, mu);
        learn(wForget, gForget, vForget, c1, sf1, lr, mu);
    }
}
