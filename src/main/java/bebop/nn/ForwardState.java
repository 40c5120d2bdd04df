package bebop.nn;

import java.util.Arrays;

/**
 * Activations of one step of the forward pass, with the previous step's cell states and outputs.
 * Shared by {@link LstmRunner}, {@link OnlineLearner} and {@link BpttGradient}. Allocation-free
 * after construction.
 */
final class ForwardState {
    final LstmNetwork net;
    final double[] x;
    /** Gathered sources of every block (gate layout); the bias slots hold 1. */
    final double[] u;
    double[] s;
    double[] sPrev;
    double[] yc;
    double[] ycPrev;
    /** g(net_c) per cell. */
    final double[] gc;
    /** h(s) per cell. */
    final double[] hs;
    final double[] yIn;
    final double[] yForget;
    final double[] yOut;
    final double[] y;

    ForwardState(LstmNetwork net) {
        this.net = net;
        x = new double[net.inputs];
        u = new double[net.gateLength];
        s = new double[net.cells];
        sPrev = new double[net.cells];
        yc = new double[net.cells];
        ycPrev = new double[net.cells];
        gc = new double[net.cells];
        hs = new double[net.cells];
        yIn = new double[net.blocks];
        yForget = new double[net.blocks];
        yOut = new double[net.blocks];
        y = new double[net.outputs];
        reset();
    }

    /** Zero cell states and activations (the state at t = 0). */
    void reset() {
        Arrays.fill(x, 0);
        Arrays.fill(u, 0);
        for (int j = 0; j < net.blocks; j++) {
            u[net.gateOffset[j] + net.sources[j] - 1] = 1.0;
        }
        Arrays.fill(s, 0);
        Arrays.fill(sPrev, 0);
        Arrays.fill(yc, 0);
        Arrays.fill(ycPrev, 0);
        Arrays.fill(gc, 0);
        Arrays.fill(hs, 0);
        Arrays.fill(yIn, 0);
        Arrays.fill(yForget, 0);
        Arrays.fill(yOut, 0);
        Arrays.fill(y, 0);
    }

    /** One step: consumes {@code input} (length = inputs), leaves outputs in {@link #y}. */
    void forward(double[] input) {
        if (input.length != net.inputs) {
            throw new IllegalArgumentException("input frame must have " + net.inputs + " values, got " + input.length);
        }
        System.arraycopy(input, 0, x, 0, x.length);
        double[] t = sPrev;
        sPrev = s;
        s = t;
        t = ycPrev;
        ycPrev = yc;
        yc = t;
        gather();
        for (int j = 0; j < net.blocks; j++) {
            block(j);
        }
        outputs();
    }

    private void gather() {
        final double[] u = this.u;
        for (int j = 0; j < net.blocks; j++) {
            int o = net.gateOffset[j];
            for (int m : net.blockInputs[j]) {
                u[o++] = x[m];
            }
            for (int c : net.blockCells[j]) {
                u[o++] = ycPrev[c];
            }
        }
    }

    private void block(int j) {
        final int n = net.sources[j];
        final int go = net.gateOffset[j];
        final int sc = net.cellsPerBlock;
        final int c0 = j * sc;
        final double[][] p = net.params;
        double netIn = dot(p[LstmNetwork.P_IN], go, u, go, n);
        double netForget = dot(p[LstmNetwork.P_FORGET], go, u, go, n);
        if (net.peepholes) {
            netIn += dot(p[LstmNetwork.P_PEEP_IN], c0, sPrev, c0, sc);
            netForget += dot(p[LstmNetwork.P_PEEP_FORGET], c0, sPrev, c0, sc);
        }
        double in = Activations.sigmoid(netIn);
        double forget = Activations.sigmoid(netForget);
        yIn[j] = in;
        yForget[j] = forget;
        final double[] wc = p[LstmNetwork.P_CELL];
        int co = net.cellOffset[j];
        for (int v = 0; v < sc; v++) {
            int c = c0 + v;
            double g = Activations.g(dot(wc, co + v * n, u, go, n));
            gc[c] = g;
            s[c] = forget * sPrev[c] + in * g;
        }
        double netOut = dot(p[LstmNetwork.P_OUTGATE], go, u, go, n);
        if (net.peepholes) {
            netOut += dot(p[LstmNetwork.P_PEEP_OUT], c0, s, c0, sc);
        }
        double out = Activations.sigmoid(netOut);
        yOut[j] = out;
        for (int v = 0; v < sc; v++) {
            int c = c0 + v;
            double h = Activations.h(s[c]);
            hs[c] = h;
            yc[c] = out * h;
        }
    }

    private void outputs() {
        final double[] w = net.params[LstmNetwork.P_OUTPUT];
        for (int k = 0; k < net.outputs; k++) {
            int o = net.outputOffset[k];
            double sum = 0;
            for (int c : net.outputCells[k]) {
                sum += w[o++] * yc[c];
            }
            for (int m : net.outputInputs[k]) {
                sum += w[o++] * x[m];
            }
            sum += w[o];
            y[k] = Activations.sigmoid(sum);
        }
    }

    static double dot(double[] a, int ao, double[] b, int bo, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += a[ao + i] * b[bo + i];
        }
        return sum;
    }
}
