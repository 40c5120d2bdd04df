package bebop.nn;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exact gradient of the total cross-entropy of a sequence, by full backpropagation through
 * time from a zero state, for the same network as the online learner: all masks, peepholes
 * (s(t-1) into input and forget gates, s(t) into the output gate) and the recurrent cell outputs
 * are differentiated through. For gradient checks and for batch trainers.
 */
public final class BpttGradient {
    private BpttGradient() {
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

    /** Loss and exact gradient of the sequence from a zero state. */
    public static Result compute(LstmNetwork net, double[][] inputs, double[][] targets) {
        checkLengths(inputs, targets);
        net.sync();
        final int steps = inputs.length;
        final int sc = net.cellsPerBlock;
        ForwardState st = new ForwardState(net);
        double[][] u = new double[steps][];
        double[][] s = new double[steps][];
        double[][] sPrev = new double[steps][];
        double[][] yc = new double[steps][];
        double[][] gc = new double[steps][];
        double[][] hs = new double[steps][];
        double[][] yIn = new double[steps][];
        double[][] yFg = new double[steps][];
        double[][] yOut = new double[steps][];
        double[][] y = new double[steps][];
        double[][] x = new double[steps][];
        double loss = 0;
        for (int t = 0; t < steps; t++) {
            st.forward(inputs[t]);
            u[t] = st.u.clone();
            s[t] = st.s.clone();
            sPrev[t] = st.sPrev.clone();
            yc[t] = st.yc.clone();
            gc[t] = st.gc.clone();
            hs[t] = st.hs.clone();
            yIn[t] = st.yIn.clone();
            yFg[t] = st.yForget.clone();
            yOut[t] = st.yOut.clone();
            y[t] = st.y.clone();
            x[t] = st.x.clone();
            for (int k = 0; k < net.outputs; k++) {
                loss += Activations.crossEntropy(st.y[k], targets[t][k]);
            }
        }

        final double[][] p = net.params;
        final double[][] g = new double[p.length][];
        for (int i = 0; i < p.length; i++) {
            g[i] = new double[p[i].length];
        }
        final double[] wOut = p[LstmNetwork.P_OUTPUT];
        double[] dycFuture = new double[net.cells];
        double[] dsCarry = new double[net.cells];
        double[] dyc = new double[net.cells];
        double[] ds = new double[net.cells];
        double[] dac = new double[net.cells];
        double[] du = new double[net.gateLength];
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
            double[] newCarry = new double[net.cells];
            java.util.Arrays.fill(du, 0);
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
                    ds[c] = dyc[c] * yo * Activations.hPrimeFromValue(hs[t][c]) + dsCarry[c];
                    if (net.peepholes) {
                        ds[c] += dao * p[LstmNetwork.P_PEEP_OUT][c];
                    }
                }
                double dyi = 0;
                double dyf = 0;
                for (int v = 0; v < sc; v++) {
                    int c = c0 + v;
                    dac[c] = ds[c] * yi * Activations.gPrimeFromValue(gc[t][c]);
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
            java.util.Arrays.fill(dycFuture, 0);
            for (int j = 0; j < net.blocks; j++) {
                int o = net.gateOffset[j] + net.blockInputs[j].length;
                for (int c : net.blockCells[j]) {
                    dycFuture[c] += du[o++];
                }
            }
            dsCarry = newCarry;
        }
        Map<String, double[]> map = new LinkedHashMap<>();
        for (int i = 0; i < p.length; i++) {
            if (net.peepholes || !LstmNetwork.isPeephole(i)) {
                map.put(LstmNetwork.NAMES[i], g[i]);
            }
        }
        return new Result(loss, map);
    }

    private static void checkLengths(double[][] inputs, double[][] targets) {
        if (inputs.length != targets.length) {
            throw new IllegalArgumentException("inputs and targets differ in length: " + inputs.length
                    + " vs " + targets.length);
        }
    }
}
