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

    /*
     * Layout facts for the fast paths, fixed per network: where a block's or an output's sources
     * are one ascending run of inputs and one of cells (always in the fully connected nets and in
     * Experiment 2), copies and dot products run over contiguous slices instead of index lists.
     * The arithmetic and its order are the same on both paths.
     */
    /** Per block: first input of its run of input sources, or -1 when not one run. */
    private final int[] blockInputRun;
    /** Per block: first cell of its run of cell sources, or -1 when not one run. */
    private final int[] blockCellRun;
    /** Per output: first cell / first input of its runs of sources, or -1 when not one run. */
    final int[] outputCellRun;
    final int[] outputInputRun;
    /** Per output k: outputs k..k+3 all have the same runs of cells and inputs (four sums at once). */
    private final boolean[] outputGroup4;
    /** Scratch: net inputs of the current block: input gate, forget gate, output gate, then one per cell. */
    private final double[] acc;
    /** Scratch for four output units' sums. */
    private final double[] outAcc = new double[4];

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
        blockInputRun = new int[net.blocks];
        blockCellRun = new int[net.blocks];
        for (int j = 0; j < net.blocks; j++) {
            blockInputRun[j] = Kernels.runStart(net.blockInputs[j]);
            blockCellRun[j] = Kernels.runStart(net.blockCells[j]);
        }
        outputCellRun = new int[net.outputs];
        outputInputRun = new int[net.outputs];
        for (int k = 0; k < net.outputs; k++) {
            outputCellRun[k] = Kernels.runStart(net.outputCells[k]);
            outputInputRun[k] = Kernels.runStart(net.outputInputs[k]);
        }
        outputGroup4 = new boolean[net.outputs];
        for (int k = 0; k + 4 <= net.outputs; k++) {
            boolean same = outputCellRun[k] >= 0 && outputInputRun[k] >= 0;
            for (int i = 1; i < 4 && same; i++) {
                same = outputCellRun[k + i] == outputCellRun[k] && outputInputRun[k + i] == outputInputRun[k]
                        && net.outputCells[k + i].length == net.outputCells[k].length
                        && net.outputInputs[k + i].length == net.outputInputs[k].length;
            }
            outputGroup4[k] = same;
        }
        acc = new double[2 * (3 + net.cellsPerBlock)];
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
        // Blocks in pairs where two neighbours have as many sources: eight sums at once.
        final int r = 3 + net.cellsPerBlock;
        int j = 0;
        while (j < net.blocks) {
            if (j + 1 < net.blocks && net.sources[j] == net.sources[j + 1]) {
                nets2(j);
                block(j, acc, 0);
                block(j + 1, acc, r);
                j += 2;
            } else {
                nets(j);
                block(j, acc, 0);
                j++;
            }
        }
        outputs();
    }

    private void gather() {
        final double[] u = this.u;
        for (int j = 0; j < net.blocks; j++) {
            int o = net.gateOffset[j];
            int ni = net.blockInputs[j].length;
            int nc = net.blockCells[j].length;
            if (blockInputRun[j] >= 0) {
                System.arraycopy(x, blockInputRun[j], u, o, ni);
                o += ni;
            } else {
                for (int m : net.blockInputs[j]) {
                    u[o++] = x[m];
                }
            }
            if (blockCellRun[j] >= 0) {
                System.arraycopy(ycPrev, blockCellRun[j], u, o, nc);
            } else {
                for (int c : net.blockCells[j]) {
                    u[o++] = ycPrev[c];
                }
            }
        }
    }

    /** The net inputs of block j's gates and cells from the sources, into {@code acc[0..3+S)}. */
    private void nets(int j) {
        final int n = net.sources[j];
        final int go = net.gateOffset[j];
        final int sc = net.cellsPerBlock;
        final double[][] p = net.params;
        final double[] wc = p[LstmNetwork.P_CELL];
        final int co = net.cellOffset[j];
        final double[] a = acc;
        Kernels.zero(a, 0, 4);
        Kernels.dot4(p[LstmNetwork.P_IN], go, p[LstmNetwork.P_FORGET], go, p[LstmNetwork.P_OUTGATE], go,
                wc, co, u, go, n, a, 0);
        if (sc > 1) {
            Kernels.dotRows(wc, co + n, n, sc - 1, u, go, n, a, 4);
        }
    }

    /** As {@link #nets} for blocks j and j+1 (same number of sources), into {@code acc[0..)} and {@code acc[3+S..)}. */
    private void nets2(int j) {
        final int n = net.sources[j];
        final int ga = net.gateOffset[j];
        final int gb = net.gateOffset[j + 1];
        final int sc = net.cellsPerBlock;
        final int r = 3 + sc;
        final double[][] p = net.params;
        final double[] wc = p[LstmNetwork.P_CELL];
        final int ca = net.cellOffset[j];
        final int cb = net.cellOffset[j + 1];
        final double[] a = acc;
        Kernels.gates2(p[LstmNetwork.P_IN], p[LstmNetwork.P_FORGET], p[LstmNetwork.P_OUTGATE], wc, ga, ca, gb, cb,
                u, n, a, 0, r);
        if (sc == 2) {
            Kernels.dot2x(wc, ca + n, ga, cb + n, gb, u, n, a, 4, r + 4);
        } else if (sc > 2) {
            Kernels.dotRows(wc, ca + n, n, sc - 1, u, ga, n, a, 4);
            Kernels.dotRows(wc, cb + n, n, sc - 1, u, gb, n, a, r + 4);
        }
    }

    /** Block j's activations from its net inputs in {@code a[ao..ao+3+S)}. */
    private void block(int j, double[] a, int ao) {
        final int sc = net.cellsPerBlock;
        final int c0 = j * sc;
        final double[][] p = net.params;
        double netIn = a[ao];
        double netForget = a[ao + 1];
        if (net.peepholes) {
            netIn += dot(p[LstmNetwork.P_PEEP_IN], c0, sPrev, c0, sc);
            netForget += dot(p[LstmNetwork.P_PEEP_FORGET], c0, sPrev, c0, sc);
        }
        double in = Activations.sigmoid(netIn);
        double forget = Activations.sigmoid(netForget);
        yIn[j] = in;
        yForget[j] = forget;
        for (int v = 0; v < sc; v++) {
            int c = c0 + v;
            double g = Activations.g(a[ao + 3 + v]);
            gc[c] = g;
            s[c] = forget * sPrev[c] + in * g;
        }
        double netOut = a[ao + 2];
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
        int k = 0;
        while (k < net.outputs) {
            if (outputGroup4[k]) {
                outputs4(k);
                k += 4;
            } else {
                output(k);
                k++;
            }
        }
    }

    /** Outputs k..k+3, whose sources are the same runs of cells and inputs. */
    private void outputs4(int k) {
        final double[] w = net.params[LstmNetwork.P_OUTPUT];
        final int nc = net.outputCells[k].length;
        final int ni = net.outputInputs[k].length;
        final int row = nc + ni + 1;
        final int o = net.outputOffset[k];
        final double[] a = outAcc;
        Kernels.zero(a, 0, 4);
        Kernels.dot4(w, o, w, o + row, w, o + 2 * row, w, o + 3 * row, yc, outputCellRun[k], nc, a, 0);
        Kernels.dot4(w, o + nc, w, o + row + nc, w, o + 2 * row + nc, w, o + 3 * row + nc,
                x, outputInputRun[k], ni, a, 0);
        for (int i = 0; i < 4; i++) {
            y[k + i] = Activations.sigmoid(a[i] + w[o + i * row + nc + ni]);
        }
    }

    private void output(int k) {
        final double[] w = net.params[LstmNetwork.P_OUTPUT];
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

    static double dot(double[] a, int ao, double[] b, int bo, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += a[ao + i] * b[bo + i];
        }
        return sum;
    }
}
