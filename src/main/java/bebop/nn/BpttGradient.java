package bebop.nn;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exact gradient of the total cross-entropy of a sequence, by full backpropagation through
 * time from a zero state, for the same network as the online learner: all masks, peepholes
 * (s(t-1) into input and forget gates, s(t) into the output gate) and the recurrent cell outputs
 * are differentiated through. For gradient checks and for batch trainers: {@link #compute} gives
 * the gradient by name in fresh arrays; a trainer's {@link #workspace} is sized once for a network
 * and a sequence length, and its {@link #run} allocates nothing.
 */
public final class BpttGradient {
    private final LstmNetwork net;
    private final int capacity;
    private final ForwardState st;
    /** Per step of the forward pass, the state the backward pass reads; sized once for {@link #capacity} steps. */
    private final double[][] u;
    private final double[][] s;
    private final double[][] sPrev;
    private final double[][] yc;
    private final double[][] gc;
    private final double[][] hs;
    private final double[][] yIn;
    private final double[][] yFg;
    private final double[][] yOut;
    private final double[][] y;
    private final double[][] x;
    /** The gradient, in the layout of the network's parameter arrays. */
    private final double[][] g;
    private final double[] dycFuture;
    private double[] dsCarry;
    private double[] newCarry;
    private final double[] dyc;
    private final double[] ds;
    private final double[] dac;
    private final double[] du;

    private BpttGradient(LstmNetwork net, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a BPTT workspace needs room for at least one step, got " + capacity);
        }
        this.net = net;
        this.capacity = capacity;
        st = new ForwardState(net);
        u = new double[capacity][net.gateLength];
        s = new double[capacity][net.cells];
        sPrev = new double[capacity][net.cells];
        yc = new double[capacity][net.cells];
        gc = new double[capacity][net.cells];
        hs = new double[capacity][net.cells];
        yIn = new double[capacity][net.blocks];
        yFg = new double[capacity][net.blocks];
        yOut = new double[capacity][net.blocks];
        y = new double[capacity][net.outputs];
        x = new double[capacity][net.inputs];
        g = new double[net.params.length][];
        for (int i = 0; i < g.length; i++) {
            g[i] = new double[net.params[i].length];
        }
        dycFuture = new double[net.cells];
        dsCarry = new double[net.cells];
        newCarry = new double[net.cells];
        dyc = new double[net.cells];
        ds = new double[net.cells];
        dac = new double[net.cells];
        du = new double[net.gateLength];
    }

    /**
     * A workspace for sequences of at most {@code maxSteps} steps on {@code net}: every array sized
     * once, so that {@link #run} allocates nothing (the BPTT recipes' epoch loop).
     */
    public static BpttGradient workspace(LstmNetwork net, int maxSteps) {
        return new BpttGradient(net, maxSteps);
    }

    /**
     * The gradient of the last {@link #run}: the live arrays (overwritten by the next run), in the
     * layout of the network's parameter arrays, which {@link Adam#step} takes; the peephole arrays
     * are empty when the network has none.
     */
    public double[][] gradient() {
        return g;
    }

    /** Total loss and its gradient by parameter name ({@link LstmNetwork#parameterNames()}). */
    public record Result(double loss, Map<String, double[]> gradient) {
    }

    /** Total cross-entropy of the sequence from a zero state (forward pass only). */
    public static double sequenceLoss(LstmNetwork net, double[][] inputs, double[][] targets) {
        checkLengths(inputs, targets);
        net.sync();
        ForwardState st = new ForwardState(net);
        double loss = 0;
        for (int t = 0; t < inputs.length; t++) {
            st.forward(inputs[t]);
            for (int k = 0; k < net.outputs; k++) {
                loss += Activations.crossEntropy(st.y[k], targets[t][k]);
            }
        }
        return loss;
    }

    /** Loss and exact gradient of the sequence from a zero state (a fresh workspace; see {@link #run}). */
    public static Result compute(LstmNetwork net, double[][] inputs, double[][] targets) {
        checkLengths(inputs, targets);
        BpttGradient w = new BpttGradient(net, Math.max(1, inputs.length));
        double loss = w.run(inputs, targets);
        Map<String, double[]> map = new LinkedHashMap<>();
        for (int i = 0; i < w.g.length; i++) {
            if (net.peepholes || !LstmNetwork.isPeephole(i)) {
                map.put(LstmNetwork.NAMES[i], w.g[i]);
            }
        }
        return new Result(loss, map);
    }

    /**
     * The total cross-entropy of the sequence from a zero state; its exact gradient is left in
     * {@link #gradient()}. At most the workspace's steps; allocates nothing.
     */
    public double run(double[][] inputs, double[][] targets) {
        checkLengths(inputs, targets);
        if (inputs.length > capacity) {
            throw new IllegalArgumentException("sequence of " + inputs.length + " steps, workspace for " + capacity);
        }
        net.sync();
        final int steps = inputs.length;
        final int sc = net.cellsPerBlock;
        st.reset();
        double loss = 0;
        for (int t = 0; t < steps; t++) {
            st.forward(inputs[t]);
            copy(st.u, u[t]);
            copy(st.s, s[t]);
            copy(st.sPrev, sPrev[t]);
            copy(st.yc, yc[t]);
            copy(st.gc, gc[t]);
            copy(st.hs, hs[t]);
            copy(st.yIn, yIn[t]);
            copy(st.yForget, yFg[t]);
            copy(st.yOut, yOut[t]);
            copy(st.y, y[t]);
            copy(st.x, x[t]);
            for (int k = 0; k < net.outputs; k++) {
                loss += Activations.crossEntropy(st.y[k], targets[t][k]);
            }
        }

        final double[][] p = net.params;
        for (double[] gi : g) {
            Arrays.fill(gi, 0);
        }
        final double[] wOut = p[LstmNetwork.P_OUTPUT];
        Arrays.fill(dycFuture, 0);
        Arrays.fill(dsCarry, 0);
        for (int t = steps - 1; t >= 0; t--) {
            System.arraycopy(dycFuture, 0, dyc, 0, net.cells);
            for (int k = 0; k < net.outputs; k++) {
                double d = y[t][k] - targets[t][k];
                int o = net.outputOffset[k];
                for (int c : net.outputCells[k]) {
                    dyc[c] += wOut[o] * d;
                    g[LstmNetwork.P_OUTPUT][o++] += d * yc[t][c];
                }
                for (int m : net.outputInputs[k]) {
                    g[LstmNetwork.P_OUTPUT][o++] += d * x[t][m];
                }
                g[LstmNetwork.P_OUTPUT][o] += d;
            }
            Arrays.fill(du, 0);
            for (int j = 0; j < net.blocks; j++) {
                final int n = net.sources[j];
                final int go = net.gateOffset[j];
                final int uo = st.sourceOffset[j];
                final int co = net.cellOffset[j];
                final int c0 = j * sc;
                final double yo = yOut[t][j];
                final double yi = yIn[t][j];
                final double yf = yFg[t][j];
                double dyo = 0;
                for (int v = 0; v < sc; v++) {
                    dyo += dyc[c0 + v] * hs[t][c0 + v];
                }
                final double dao = yo * (1 - yo) * dyo;
                for (int v = 0; v < sc; v++) {
                    int c = c0 + v;
                    ds[c] = dyc[c] * yo * net.hSlope(hs[t][c]) + dsCarry[c];
                    if (net.peepholes) {
                        ds[c] += dao * p[LstmNetwork.P_PEEP_OUT][c];
                    }
                }
                double dyi = 0;
                double dyf = 0;
                for (int v = 0; v < sc; v++) {
                    int c = c0 + v;
                    dac[c] = ds[c] * yi * net.gSlope(gc[t][c]);
                    dyi += ds[c] * gc[t][c];
                    dyf += ds[c] * sPrev[t][c];
                }
                final double dai = yi * (1 - yi) * dyi;
                final double daf = yf * (1 - yf) * dyf;
                for (int m = 0; m < n; m++) {
                    double um = u[t][uo + m];
                    g[LstmNetwork.P_IN][go + m] += dai * um;
                    g[LstmNetwork.P_FORGET][go + m] += daf * um;
                    g[LstmNetwork.P_OUTGATE][go + m] += dao * um;
                    double back = p[LstmNetwork.P_IN][go + m] * dai + p[LstmNetwork.P_FORGET][go + m] * daf
                            + p[LstmNetwork.P_OUTGATE][go + m] * dao;
                    for (int v = 0; v < sc; v++) {
                        int idx = co + v * n + m;
                        g[LstmNetwork.P_CELL][idx] += dac[c0 + v] * um;
                        back += p[LstmNetwork.P_CELL][idx] * dac[c0 + v];
                    }
                    du[go + m] = back;
                }
                for (int v = 0; v < sc; v++) {
                    int c = c0 + v;
                    newCarry[c] = ds[c] * yf;
                    if (net.peepholes) {
                        g[LstmNetwork.P_PEEP_IN][c] += dai * sPrev[t][c];
                        g[LstmNetwork.P_PEEP_FORGET][c] += daf * sPrev[t][c];
                        g[LstmNetwork.P_PEEP_OUT][c] += dao * s[t][c];
                        newCarry[c] += dai * p[LstmNetwork.P_PEEP_IN][c] + daf * p[LstmNetwork.P_PEEP_FORGET][c];
                    }
                }
            }
            Arrays.fill(dycFuture, 0);
            for (int j = 0; j < net.blocks; j++) {
                int o = net.gateOffset[j] + net.blockInputs[j].length;
                for (int c : net.blockCells[j]) {
                    dycFuture[c] += du[o++];
                }
            }
            double[] swap = dsCarry;
            dsCarry = newCarry;
            newCarry = swap;
        }
        return loss;
    }

    private static void copy(double[] from, double[] to) {
        System.arraycopy(from, 0, to, 0, to.length); // the forward state's arrays may be padded
    }

    private static void checkLengths(double[][] inputs, double[][] targets) {
        if (inputs.length != targets.length) {
            throw new IllegalArgumentException("inputs and targets differ in length: " + inputs.length
                    + " vs " + targets.length);
        }
    }
}
