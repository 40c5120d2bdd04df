package bebop.nn;

import java.util.Arrays;

/**
 * The paper's LSTM and its online learning, written to be read: one step of the forward pass and
 * one step of truncated RTRL/BPTT with momentum, in plain loops over the network's weights
 * ({@link LstmNetwork} has their layout). This is the reference the engine is checked against:
 * {@link LstmRunner}, {@link OnlineLearner} (row by row, and packed for the standard LSTM) and
 * their SIMD kernels compute the same numbers faster, and {@code PaperLstmTest} holds them to this
 * class's results bit for bit in {@link Arithmetic#PLAIN} (which is why sums are formed in the
 * order written here). Written for the reader, not for speed: it gathers each row's sources into
 * a fresh array and keeps the step's gradient before it applies it. Eck and Schmidhuber (2002),
 * section 3, after Gers, Schmidhuber and Cummins (2000) and Gers, Schraudolph and Schmidhuber (2002).
 *
 * <h2>Forward pass, one time step</h2>
 * Block {@code j} has {@code S} cells {@code c_j^v} sharing three gates. Its sources {@code u}
 * are the input units it is connected to, the outputs at {@code t-1} of the cells it is connected
 * to, and a bias (1); the masks of {@link LstmConfig} decide which.
 * <pre>
 *   y_in(t)  = f(sum_m w_in,m  u_m(t) + sum_v w_in,v  s_v(t-1))     input gate   (peepholes: the sums over v)
 *   y_fg(t)  = f(sum_m w_fg,m  u_m(t) + sum_v w_fg,v  s_v(t-1))     forget gate
 *   s_c(t)   = y_fg(t) s_c(t-1) + y_in(t) g(sum_m w_c,m u_m(t))    cell state
 *   y_out(t) = f(sum_m w_out,m u_m(t) + sum_v w_out,v s_v(t))       output gate (peephole: this step's state)
 *   y_c(t)   = y_out(t) h(s_c(t))                                  cell output
 *   y_k(t)   = f(sum_c w_k,c y_c(t) + sum_i w_k,i x_i(t) + w_k,bias)  output unit
 * </pre>
 * with {@code f} the logistic sigmoid, {@code g(x) = 4f(x) - 2} and {@code h(x) = 2f(x) - 1}, or g or h
 * the identity where the config says so ({@link LstmConfig#cellInput()}, {@link LstmConfig#cellOutput()};
 * then g' or h' is 1).
 *
 * <h2>Learning, one time step</h2>
 * The error is the cross-entropy of the logistic outputs, so {@code delta_k = y_k - t_k}. The
 * output units and the output gates learn by back-propagation truncated after one step; the cell
 * inputs, input gates and forget gates by real-time recurrent learning truncated at the cells:
 * the sources {@code u} count as constants (no error flows back through the recurrent cell
 * outputs), so each weight needs one eligibility trace {@code dS = ds_c / dw}:
 * <pre>
 *   dS_c,m   &lt;- dS_c,m   y_fg + g'(net_c) y_in         u_m
 *   dS_in,m  &lt;- dS_in,m  y_fg + g(net_c)  f'(net_in)   u_m
 *   dS_fg,m  &lt;- dS_fg,m  y_fg + s_c(t-1)  f'(net_fg)   u_m
 *   e_c      = sum_k w_k,c delta_k                       error at the cell output
 *   e_s      = y_out h'(s_c) e_c                         error at the cell state
 *   dE/dw_k  = delta_k  (source of w_k)
 *   dE/dw_out,m = f'(net_out) sum_v h(s_v) e_v  u_m
 *   dE/dw_c,m = e_s dS_c,m;   dE/dw_in,m = sum_v e_s,v dS_in,m^v;   dE/dw_fg,m = sum_v e_s,v dS_fg,m^v
 * </pre>
 * The peepholes learn by the same rules with {@code s(t-1)} (input and forget gate) and
 * {@code s(t)} (output gate) as their sources. Every weight then moves by momentum after Plaut
 * et al.: {@code dw(t) = mu dw(t-1) - alpha dE/dw}. All gradients are those of the weights before
 * this step's change.
 */
public final class PaperLstm {
    private final LstmNetwork net;
    private final double learningRate;
    private final double momentum;

    // state of the forward pass
    private final double[] x;
    private final double[] s;
    private final double[] sPrev;
    private final double[] yc;
    private final double[] ycPrev;
    private final double[] gc;
    private final double[] yIn;
    private final double[] yForget;
    private final double[] yOut;
    private final double[] y;

    // learning: traces in the layout of the cell weights, momentum terms in the layout of the weights
    private final double[] traceCell;
    private final double[] traceIn;
    private final double[] traceForget;
    /** Peephole traces: [cell c of block j][cell v of j]. */
    private final double[] tracePeepIn;
    private final double[] tracePeepForget;
    private final double[][] velocity;

    /** A reference learner on {@code net}'s weights (trained in place), state and traces zero. */
    public PaperLstm(LstmNetwork net, double learningRate, double momentum) {
        this.net = net;
        this.learningRate = learningRate;
        this.momentum = momentum;
        x = new double[net.inputs];
        s = new double[net.cells];
        sPrev = new double[net.cells];
        yc = new double[net.cells];
        ycPrev = new double[net.cells];
        gc = new double[net.cells];
        yIn = new double[net.blocks];
        yForget = new double[net.blocks];
        yOut = new double[net.blocks];
        y = new double[net.outputs];
        traceCell = new double[net.cellLength];
        traceIn = new double[net.cellLength];
        traceForget = new double[net.cellLength];
        tracePeepIn = new double[net.cells * net.cellsPerBlock];
        tracePeepForget = new double[net.cells * net.cellsPerBlock];
        velocity = new double[net.params.length][];
        for (int p = 0; p < velocity.length; p++) {
            velocity[p] = new double[net.params[p].length];
        }
    }

    /** The state at t = 0 and zero traces; weights and momentum are kept. */
    public void reset() {
        for (double[] a : new double[][] {s, sPrev, yc, ycPrev, gc, yIn, yForget, yOut, y, traceCell, traceIn,
            traceForget, tracePeepIn, tracePeepForget}) {
            Arrays.fill(a, 0);
        }
    }

    /** Block j's sources at this step: its inputs, its cells' outputs at t-1, the bias. */
    private double[] sources(int j) {
        double[] u = new double[net.sources[j]];
        int m = 0;
        for (int i : net.blockInputs[j]) {
            u[m++] = x[i];
        }
        for (int c : net.blockCells[j]) {
            u[m++] = ycPrev[c];
        }
        u[m] = 1.0;
        return u;
    }

    /** Output k's sources: its cells' outputs at t, its inputs, the bias. */
    private double[] outputSources(int k) {
        double[] v = new double[net.outputCells[k].length + net.outputInputs[k].length + 1];
        int m = 0;
        for (int c : net.outputCells[k]) {
            v[m++] = yc[c];
        }
        for (int i : net.outputInputs[k]) {
            v[m++] = x[i];
        }
        v[m] = 1.0;
        return v;
    }

    private static double dot(double[] w, int offset, double[] u) {
        double sum = 0;
        for (int m = 0; m < u.length; m++) {
            sum += w[offset + m] * u[m];
        }
        return sum;
    }

    /** The peephole sum of block j: weights {@code w[c]} times {@code state[c]} over its cells. */
    private double peephole(double[] w, double[] state, int j) {
        double sum = 0;
        for (int v = 0; v < net.cellsPerBlock; v++) {
            int c = j * net.cellsPerBlock + v;
            sum += w[c] * state[c];
        }
        return sum;
    }

    /** One step of the forward pass; returns the output units (this object's array). */
    public double[] forward(double[] input) {
        net.sync();
        final double[][] w = net.params;
        System.arraycopy(s, 0, sPrev, 0, s.length);
        System.arraycopy(yc, 0, ycPrev, 0, yc.length);
        System.arraycopy(input, 0, x, 0, x.length);
        for (int j = 0; j < net.blocks; j++) {
            double[] u = sources(j);
            int go = net.gateOffset[j];
            double netIn = dot(w[LstmNetwork.P_IN], go, u);
            double netForget = dot(w[LstmNetwork.P_FORGET], go, u);
            if (net.peepholes) {
                netIn += peephole(w[LstmNetwork.P_PEEP_IN], sPrev, j);
                netForget += peephole(w[LstmNetwork.P_PEEP_FORGET], sPrev, j);
            }
            yIn[j] = Activations.sigmoid(netIn);
            yForget[j] = Activations.sigmoid(netForget);
            for (int v = 0; v < net.cellsPerBlock; v++) {
                int c = j * net.cellsPerBlock + v;
                gc[c] = net.g(dot(w[LstmNetwork.P_CELL], net.cellOffset[j] + v * u.length, u));
                s[c] = yForget[j] * sPrev[c] + yIn[j] * gc[c];
            }
            double netOut = dot(w[LstmNetwork.P_OUTGATE], go, u);
            if (net.peepholes) {
                netOut += peephole(w[LstmNetwork.P_PEEP_OUT], s, j);
            }
            yOut[j] = Activations.sigmoid(netOut);
            for (int v = 0; v < net.cellsPerBlock; v++) {
                int c = j * net.cellsPerBlock + v;
                yc[c] = yOut[j] * net.h(s[c]);
            }
        }
        for (int k = 0; k < net.outputs; k++) {
            y[k] = Activations.sigmoid(dot(w[LstmNetwork.P_OUTPUT], net.outputOffset[k], outputSources(k)));
        }
        return y;
    }

    /**
     * One online step: the forward pass on {@code input}, then this step's gradient against
     * {@code target} and the weight change. Returns the outputs computed before the change.
     */
    public double[] learn(double[] input, double[] target) {
        forward(input);
        final double[][] w = net.params;
        final double[][] grad = new double[w.length][];
        for (int p = 0; p < w.length; p++) {
            grad[p] = new double[w[p].length];
        }
        // output units; the error at each cell, with the output weights before the change
        double[] e = new double[net.cells];
        for (int k = 0; k < net.outputs; k++) {
            double delta = y[k] - target[k];
            int o = net.outputOffset[k];
            int[] cells = net.outputCells[k];
            for (int i = 0; i < cells.length; i++) {
                e[cells[i]] += w[LstmNetwork.P_OUTPUT][o + i] * delta;
            }
            double[] v = outputSources(k);
            for (int m = 0; m < v.length; m++) {
                grad[LstmNetwork.P_OUTPUT][o + m] = delta * v[m];
            }
        }
        final int sc = net.cellsPerBlock;
        for (int j = 0; j < net.blocks; j++) {
            double[] u = sources(j);
            int n = u.length;
            int go = net.gateOffset[j];
            // output gate: one step of back-propagation from the block's cells
            double sum = 0;
            double[] es = new double[sc];
            for (int v = 0; v < sc; v++) {
                int c = j * sc + v;
                double h = net.h(s[c]);
                sum += h * e[c];
                es[v] = yOut[j] * net.hSlope(h) * e[c];
            }
            double deltaOut = yOut[j] * (1 - yOut[j]) * sum;
            for (int m = 0; m < n; m++) {
                grad[LstmNetwork.P_OUTGATE][go + m] = deltaOut * u[m];
            }
            // cell inputs, input and forget gates: the traces, then e_s times the trace
            double dIn = yIn[j] * (1 - yIn[j]);
            double dForget = yForget[j] * (1 - yForget[j]);
            for (int v = 0; v < sc; v++) {
                int c = j * sc + v;
                int row = net.cellOffset[j] + v * n;
                double a = net.gSlope(gc[c]) * yIn[j];
                double b = gc[c] * dIn;
                double f = sPrev[c] * dForget;
                for (int m = 0; m < n; m++) {
                    traceCell[row + m] = traceCell[row + m] * yForget[j] + a * u[m];
                    traceIn[row + m] = traceIn[row + m] * yForget[j] + b * u[m];
                    traceForget[row + m] = traceForget[row + m] * yForget[j] + f * u[m];
                    grad[LstmNetwork.P_CELL][row + m] = es[v] * traceCell[row + m];
                    // the gate gradients sum over the block's cells, starting with the first cell's term
                    double gi = es[v] * traceIn[row + m];
                    double gf = es[v] * traceForget[row + m];
                    grad[LstmNetwork.P_IN][go + m] = v == 0 ? gi : grad[LstmNetwork.P_IN][go + m] + gi;
                    grad[LstmNetwork.P_FORGET][go + m] = v == 0 ? gf : grad[LstmNetwork.P_FORGET][go + m] + gf;
                }
            }
            if (net.peepholes) {
                peepholeGradients(j, es, dIn, dForget, deltaOut, grad);
            }
        }
        // momentum descent on every weight
        for (int p = 0; p < w.length; p++) {
            for (int i = 0; i < w[p].length; i++) {
                double dw = momentum * velocity[p][i] - learningRate * grad[p][i];
                velocity[p][i] = dw;
                w[p][i] += dw;
            }
        }
        net.version++;
        return y;
    }

    /** Block j's peephole traces (sources: the block's states at t-1) and gradients. */
    private void peepholeGradients(int j, double[] es, double dIn, double dForget, double deltaOut, double[][] grad) {
        final int sc = net.cellsPerBlock;
        for (int v = 0; v < sc; v++) {
            int c = j * sc + v;
            double b = gc[c] * dIn;
            double f = sPrev[c] * dForget;
            for (int m = 0; m < sc; m++) {
                double um = sPrev[j * sc + m];
                tracePeepIn[c * sc + m] = tracePeepIn[c * sc + m] * yForget[j] + b * um;
                tracePeepForget[c * sc + m] = tracePeepForget[c * sc + m] * yForget[j] + f * um;
            }
        }
        for (int v = 0; v < sc; v++) {
            grad[LstmNetwork.P_PEEP_OUT][j * sc + v] = deltaOut * s[j * sc + v];
        }
        for (int m = 0; m < sc; m++) {
            double gi = 0;
            double gf = 0;
            for (int v = 0; v < sc; v++) {
                int c = j * sc + v;
                gi += es[v] * tracePeepIn[c * sc + m];
                gf += es[v] * tracePeepForget[c * sc + m];
            }
            grad[LstmNetwork.P_PEEP_IN][j * sc + m] = gi;
            grad[LstmNetwork.P_PEEP_FORGET][j * sc + m] = gf;
        }
    }
}
