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
 * <p>Trains the network's weights in place. Allocation-free per step.
 */
public final class OnlineLearner {
    private final LstmNetwork net;
    private final ForwardState st;
    private double learningRate;
    private double momentum;

    /** RTRL traces for cell, input gate and forget gate weights: layout of the cell weights. */
    private final double[] dCell;
    private final double[] dIn;
    private final double[] dForget;
    /** Traces for the input/forget gate peepholes: [cell c of block j][peephole cell v' of j]. */
    private final double[] dInPeep;
    private final double[] dForgetPeep;
    /** Back-propagated error per cell, and at the cell state. */
    private final double[] e;
    private final double[] es;
    private final double[] delta;
    private final double[] target;
    /** Gradient estimate of the last step (dE/dw) and the momentum term, per parameter array. */
    private final double[][] grad;
    private final double[][] velocity;
    private long steps;

    OnlineLearner(LstmNetwork net, double learningRate, double momentum) {
        this.net = net;
        this.st = new ForwardState(net);
        setLearningRate(learningRate);
        setMomentum(momentum);
        dCell = new double[net.cellLength];
        dIn = new double[net.cellLength];
        dForget = new double[net.cellLength];
        int peep = net.peepholes ? net.cells * net.cellsPerBlock : 0;
        dInPeep = new double[peep];
        dForgetPeep = new double[peep];
        e = new double[net.cells];
        es = new double[net.cells];
        delta = new double[net.outputs];
        target = new double[net.outputs];
        grad = new double[net.params.length][];
        velocity = new double[net.params.length][];
        for (int p = 0; p < net.params.length; p++) {
            grad[p] = new double[net.params[p].length];
            velocity[p] = new double[net.params[p].length];
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
    public void reset() {
        st.reset();
        Arrays.fill(dCell, 0);
        Arrays.fill(dIn, 0);
        Arrays.fill(dForget, 0);
        Arrays.fill(dInPeep, 0);
        Arrays.fill(dForgetPeep, 0);
    }

    /** Zero the momentum terms too. */
    public void resetMomentum() {
        for (double[] v : velocity) {
            Arrays.fill(v, 0);
        }
    }

    /** Number of learning steps taken. */
    public long steps() {
        return steps;
    }

    /**
     * One online step: forward pass on {@code input}, then the truncated gradient of this step's
     * cross-entropy against {@code target}, then the weight change. Returns the outputs computed
     * before the weight change (this learner's buffer, overwritten by the next call).
     */
    public double[] step(double[] input, double[] target) {
        if (target.length != net.outputs) {
            throw new IllegalArgumentException("target frame must have " + net.outputs + " values, got " + target.length);
        }
        st.forward(input);
        System.arraycopy(target, 0, this.target, 0, target.length);
        updateTraces();
        outputDeltas();
        for (int j = 0; j < net.blocks; j++) {
            blockGradient(j);
        }
        apply();
        steps++;
        return st.y;
    }

    /** Forward pass only (no learning, traces untouched); state advances. For free-running use. */
    public double[] predict(double[] input) {
        st.forward(input);
        return st.y;
    }

    /** The outputs of the last step (this learner's buffer). */
    public double[] outputs() {
        return st.y;
    }

    /** Cross-entropy of the last {@link #step} (summed over the output units). */
    public double lastLoss() {
        double sum = 0;
        for (int k = 0; k < net.outputs; k++) {
            sum += Activations.crossEntropy(st.y[k], target[k]);
        }
        return sum;
    }

    /**
     * Copies of the truncated gradient estimate dE(t)/dw of the last step, by parameter name
     * (the direction the weights moved against, before momentum and learning rate).
     */
    public Map<String, double[]> lastGradient() {
        Map<String, double[]> map = new LinkedHashMap<>();
        for (int p = 0; p < grad.length; p++) {
            if (net.peepholes || !LstmNetwork.isPeephole(p)) {
                map.put(LstmNetwork.NAMES[p], grad[p].clone());
            }
        }
        return map;
    }

    private void updateTraces() {
        final int sc = net.cellsPerBlock;
        final double[] u = st.u;
        final double[] sPrev = st.sPrev;
        for (int j = 0; j < net.blocks; j++) {
            final int n = net.sources[j];
            final int go = net.gateOffset[j];
            final double yf = st.yForget[j];
            final double yi = st.yIn[j];
            final double dIn1 = yi * (1 - yi);
            final double dForget1 = yf * (1 - yf);
            for (int v = 0; v < sc; v++) {
                final int c = j * sc + v;
                final double g = st.gc[c];
                final double a = Activations.gPrimeFromValue(g) * yi;
                final double b = g * dIn1;
                final double f = sPrev[c] * dForget1;
                traceRow(dCell, dIn, dForget, net.cellOffset[j] + v * n, u, go, n, yf, a, b, f);
                if (net.peepholes) {
                    traceRow(dInPeep, dForgetPeep, c * sc, sPrev, j * sc, sc, yf, b, f);
                }
            }
        }
    }

    private static void traceRow(double[] dc, double[] di, double[] df, int o, double[] u, int uo, int n,
                                 double yf, double a, double b, double f) {
        for (int m = 0; m < n; m++) {
            double um = u[uo + m];
            dc[o + m] = dc[o + m] * yf + a * um;
            di[o + m] = di[o + m] * yf + b * um;
            df[o + m] = df[o + m] * yf + f * um;
        }
    }

    private static void traceRow(double[] di, double[] df, int o, double[] u, int uo, int n,
                                 double yf, double b, double f) {
        for (int m = 0; m < n; m++) {
            double um = u[uo + m];
            di[o + m] = di[o + m] * yf + b * um;
            df[o + m] = df[o + m] * yf + f * um;
        }
    }

    private void outputDeltas() {
        final double[] w = net.params[LstmNetwork.P_OUTPUT];
        final double[] gw = grad[LstmNetwork.P_OUTPUT];
        final double[] y = st.y;
        final double[] yc = st.yc;
        final double[] x = st.x;
        Arrays.fill(e, 0);
        for (int k = 0; k < net.outputs; k++) {
            double d = y[k] - target[k];
            delta[k] = d;
            int o = net.outputOffset[k];
            final int cr = st.outputCellRun[k];
            final int ir = st.outputInputRun[k];
            if (cr >= 0 && ir >= 0) {
                o = outputRow(w, gw, o, d, yc, cr, net.outputCells[k].length, x, ir, net.outputInputs[k].length);
            } else {
                for (int c : net.outputCells[k]) {
                    e[c] += w[o] * d;
                    gw[o++] = d * yc[c];
                }
                for (int m : net.outputInputs[k]) {
                    gw[o++] = d * x[m];
                }
            }
            gw[o] = d;
        }
    }

    /** One output's row when its sources are runs of cells and inputs; returns the bias index. */
    private int outputRow(double[] w, double[] gw, int o, double d, double[] yc, int c0, int nc,
                          double[] x, int m0, int ni) {
        final double[] e = this.e;
        for (int i = 0; i < nc; i++) {
            e[c0 + i] += w[o + i] * d;
            gw[o + i] = d * yc[c0 + i];
        }
        o += nc;
        for (int i = 0; i < ni; i++) {
            gw[o + i] = d * x[m0 + i];
        }
        return o + ni;
    }

    private void blockGradient(int j) {
        final int sc = net.cellsPerBlock;
        final int n = net.sources[j];
        final int go = net.gateOffset[j];
        final int c0 = j * sc;
        final double yo = st.yOut[j];
        double sum = 0;
        for (int v = 0; v < sc; v++) {
            int c = c0 + v;
            double h = st.hs[c];
            sum += h * e[c];
            es[c] = yo * Activations.hPrimeFromValue(h) * e[c];
        }
        final double dOut = yo * (1 - yo) * sum;
        final double[] u = st.u;
        scaled(grad[LstmNetwork.P_OUTGATE], go, u, go, n, dOut);
        final int co = net.cellOffset[j];
        final double[] gCell = grad[LstmNetwork.P_CELL];
        for (int v = 0; v < sc; v++) {
            int c = c0 + v;
            scaled(gCell, co + v * n, dCell, co + v * n, n, es[c]);
        }
        gateSum(grad[LstmNetwork.P_IN], grad[LstmNetwork.P_FORGET], go, co, n, c0, sc);
        if (net.peepholes) {
            final double[] s = st.s;
            final double[] gpo = grad[LstmNetwork.P_PEEP_OUT];
            for (int v = 0; v < sc; v++) {
                gpo[c0 + v] = dOut * s[c0 + v];
            }
            final double[] gpi = grad[LstmNetwork.P_PEEP_IN];
            final double[] gpf = grad[LstmNetwork.P_PEEP_FORGET];
            for (int w = 0; w < sc; w++) {
                double si = 0;
                double sf = 0;
                for (int v = 0; v < sc; v++) {
                    int idx = (c0 + v) * sc + w;
                    si += es[c0 + v] * dInPeep[idx];
                    sf += es[c0 + v] * dForgetPeep[idx];
                }
                gpi[c0 + w] = si;
                gpf[c0 + w] = sf;
            }
        }
    }

    private void gateSum(double[] gi, double[] gf, int go, int co, int n, int c0, int sc) {
        double e0 = es[c0];
        for (int m = 0; m < n; m++) {
            gi[go + m] = e0 * dIn[co + m];
            gf[go + m] = e0 * dForget[co + m];
        }
        for (int v = 1; v < sc; v++) {
            double ev = es[c0 + v];
            int ro = co + v * n;
            for (int m = 0; m < n; m++) {
                gi[go + m] += ev * dIn[ro + m];
                gf[go + m] += ev * dForget[ro + m];
            }
        }
    }

    private static void scaled(double[] out, int oo, double[] a, int ao, int n, double k) {
        for (int i = 0; i < n; i++) {
            out[oo + i] = k * a[ao + i];
        }
    }

    private void apply() {
        final double lr = learningRate;
        final double mu = momentum;
        for (int p = 0; p < grad.length; p++) {
            update(net.params[p], grad[p], velocity[p], lr, mu);
        }
    }

    private static void update(double[] w, double[] g, double[] vel, double lr, double mu) {
        for (int i = 0; i < w.length; i++) {
            double d = mu * vel[i] - lr * g[i];
            vel[i] = d;
            w[i] += d;
        }
    }
}
