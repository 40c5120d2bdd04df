package bebop.nn;

import java.util.Arrays;

/**
 * Activations of one step of the forward pass, with the previous step's cell states and outputs.
 * Shared by {@link LstmRunner}, {@link OnlineLearner} and {@link BpttGradient}. Allocation-free
 * after construction. The equations are {@link PaperLstm}'s (read them there); this is their
 * fast path: sources gathered once per group of blocks, only the nonzero ones visited, blocks in
 * pairs, packed weights where the net allows, SIMD squashing. {@code PaperLstmTest} holds it to
 * the reference bit for bit.
 */
final class ForwardState {
    final LstmNetwork net;
    final double[] x;
    /**
     * Gathered sources of the blocks, in the layout of their gate rows: block j reads
     * {@code u[sourceOffset[j]..+sources[j])}, the last slot 1 for the bias. Blocks with the same
     * sources share the first one's slice.
     */
    final double[] u;
    /** Per block: where its sources start in {@link #u} (the gate offset of the first block with the same sources). */
    final int[] sourceOffset;
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
    /** The output units (unpadded: callers read its length). */
    final double[] y;
    /** {@link #y} padded to whole vectors ({@link #y} itself when it is). */
    private final double[] yPadded;

    /*
     * Layout facts for the fast paths, fixed per network: where a block's sources are one
     * ascending run of inputs and one of cells (always in the fully connected nets and in
     * Experiment 2), copies run over contiguous slices instead of index lists. Blocks (outputs)
     * with the same sources share one list of the sources that are not zero at this step: the
     * row-wise dot products visit only those. The arithmetic and its order are the same on all paths.
     */
    /** Per block: first input of its run of input sources, or -1 when not one run. */
    private final int[] blockInputRun;
    /** Per block: first cell of its run of cell sources, or -1 when not one run. */
    private final int[] blockCellRun;
    /** Per block: the first block with the same sources (itself when none before). */
    private final int[] blockGroup;
    /** Per block (shared within a group): positions of its nonzero sources in its slice of {@link #u}, ascending. */
    private final int[][] blockNonzero;
    private final int[] blockNonzeroCount;
    /** Per output: the first output with the same sources (itself when none before). */
    private final int[] outputGroup;
    /**
     * Per output (shared within a group): its sources in the order of its weight row: its cells,
     * its inputs, then 1 for the bias. Filled by {@link #forward} on the row-wise path.
     */
    final double[][] outputSources;
    private final int[][] outputNonzero;
    private final int[] outputNonzeroCount;
    /** Scratch: net inputs of the current block: input gate, forget gate, output gate, then one per cell. */
    private final double[] acc;
    /** Scratch for four output units' sums. */
    private final double[] outAcc = new double[4];
    /** Net inputs of the gates (per block), the cells and the output units before squashing. */
    private final double[] netIn;
    private final double[] netForget;
    private final double[] netOut;
    private final double[] netCell;
    private final double[] netY;
    /** SIMD ({@link VectorKernels}: squashing, packed products) or plain; fixed when the state is made. */
    private final boolean simd;
    /** Packed weights to compute from (null: row by row from the network's arrays). */
    private final PackedWeights packed;
    /** Whether {@link #reset()} copies the network's weights into {@link #packed} (inference). */
    private final boolean repackAtReset;
    /** Per output group of {@link #packed}: its sources (cells, inputs, 1); null without packed weights. */
    final double[][] outSources;
    /** Per output group of {@link #packed}: the first of its cells, inputs and units when each is one ascending run, else -1. */
    private final int[] outCellRun;
    private final int[] outInputRun;
    private final int[] outUnitRun;

    ForwardState(LstmNetwork net) {
        this(net, false);
    }

    /**
     * @param inference for inference only: where the network allows, compute from a packed copy
     *     of the weights ({@link PackedWeights}) taken at every {@link #reset()}
     */
    ForwardState(LstmNetwork net, boolean inference) {
        this(net, inference ? PackedWeights.of(net) : null, true);
    }

    /**
     * @param packed weights to compute from where they pack (null: row by row from the network's arrays)
     * @param repackAtReset copy the network's weights into {@code packed} at every {@link #reset()}
     *     (false: the caller keeps them, as the learner that trains them)
     */
    ForwardState(LstmNetwork net, PackedWeights packed, boolean repackAtReset) {
        this.net = net;
        this.simd = net.arithmetic.vectors();
        this.packed = packed;
        this.repackAtReset = repackAtReset;
        if (packed != null) {
            final int og = packed.outputGroups();
            outSources = new double[og][];
            outCellRun = new int[og];
            outInputRun = new int[og];
            outUnitRun = new int[og];
            for (int q = 0; q < og; q++) {
                outSources[q] = new double[packed.outputSourceCount[q]];
                final int first = packed.outputUnits[q][0];
                outCellRun[q] = Kernels.runStart(net.outputCells[first]);
                outInputRun[q] = Kernels.runStart(net.outputInputs[first]);
                outUnitRun[q] = Kernels.runStart(packed.outputUnits[q]);
            }
        } else {
            outSources = null;
            outCellRun = null;
            outInputRun = null;
            outUnitRun = null;
        }
        // per-block, per-cell and per-output arrays padded to whole vectors: squashing has no scalar tail
        final int pad = simd ? VectorKernels.lanes() : 1;
        final int blocks = PackedWeights.roundUp(net.blocks, pad);
        final int cells = PackedWeights.roundUp(net.cells, pad);
        netIn = new double[blocks];
        netForget = new double[blocks];
        netOut = new double[blocks];
        netCell = new double[cells];
        netY = new double[PackedWeights.roundUp(net.outputs, pad)];
        x = new double[net.inputs];
        u = new double[net.gateLength];
        s = new double[cells];
        sPrev = new double[cells];
        yc = new double[cells];
        ycPrev = new double[cells];
        gc = new double[cells];
        hs = new double[cells];
        yIn = new double[blocks];
        yForget = new double[blocks];
        yOut = new double[blocks];
        y = new double[net.outputs];
        yPadded = netY.length == y.length ? y : new double[netY.length];
        blockInputRun = new int[net.blocks];
        blockCellRun = new int[net.blocks];
        for (int j = 0; j < net.blocks; j++) {
            blockInputRun[j] = Kernels.runStart(net.blockInputs[j]);
            blockCellRun[j] = Kernels.runStart(net.blockCells[j]);
        }
        blockGroup = new int[net.blocks];
        sourceOffset = new int[net.blocks];
        blockNonzero = new int[net.blocks][];
        blockNonzeroCount = new int[net.blocks];
        for (int j = 0; j < net.blocks; j++) {
            int g = 0;
            while (!(Arrays.equals(net.blockInputs[g], net.blockInputs[j])
                    && Arrays.equals(net.blockCells[g], net.blockCells[j]))) {
                g++;
            }
            blockGroup[j] = g;
            sourceOffset[j] = net.gateOffset[g];
            blockNonzero[j] = g == j ? new int[net.sources[j]] : blockNonzero[g];
        }
        outputGroup = new int[net.outputs];
        outputSources = new double[net.outputs][];
        outputNonzero = new int[net.outputs][];
        outputNonzeroCount = new int[net.outputs];
        for (int k = 0; k < net.outputs; k++) {
            int g = 0;
            while (!(Arrays.equals(net.outputCells[g], net.outputCells[k])
                    && Arrays.equals(net.outputInputs[g], net.outputInputs[k]))) {
                g++;
            }
            outputGroup[k] = g;
            int n = net.outputCells[k].length + net.outputInputs[k].length + 1;
            outputSources[k] = g == k ? new double[n] : outputSources[g];
            outputNonzero[k] = g == k ? new int[n] : outputNonzero[g];
        }
        acc = new double[2 * (3 + net.cellsPerBlock)];
        reset();
    }

    /** Zero cell states and activations (the state at t = 0). */
    void reset() {
        if (packed != null && repackAtReset) {
            packed.repack();
        }
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
        begin(input);
        gateNets();
        cells();
        outputLayer();
    }

    /**
     * For {@link StepProfile}: the first {@code parts} parts of {@link #forward}: 1 {@link #begin},
     * 2 the gates' net inputs, 3 {@link #cells}, 4 the output layer (the whole step).
     */
    void partialForward(double[] input, int parts) {
        begin(input);
        if (parts >= 2) {
            gateNets();
        }
        if (parts >= 3) {
            cells();
        }
        if (parts >= 4) {
            outputLayer();
        }
    }

    /** The net inputs of the gates and cells: packed products, or row by row. */
    private void gateNets() {
        if (packed == null) {
            netsRows();
            return;
        }
        for (int g = 0; g < packed.gateGroups(); g++) {
            packed.gateNets(g, u);
            scatterGates(g, packed.gateNet[g]);
        }
    }

    /** The output units from the cell outputs and the inputs, squashed into {@link #y}. */
    private void outputLayer() {
        if (packed != null) {
            gatherOutputSources();
            for (int q = 0; q < outSources.length; q++) {
                packed.outputNets(q, outSources[q]);
                scatterOutputs(q, packed.outputNet[q]);
            }
        } else {
            outputNetsRows();
        }
        finish();
    }

    /*
     * The parts of a step, in order: begin, the gate products (packed: scatterGates after each
     * group's product), cells, the output products (packed: gatherOutputSources, then
     * scatterOutputs after each group's product), finish. BatchRunner runs them for many states
     * on one packed copy of the weights, part by part: the same code, so the same bits.
     */

    /** The start of a step: the input read, the states of t-1 kept, the blocks' sources gathered. */
    void begin(double[] input) {
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
        gather(net.blocks);
    }

    /** From the gates' net inputs to the cell outputs: peepholes, squashing, cell states. */
    void cells() {
        final int sc = net.cellsPerBlock;
        final double[][] p = net.params;
        if (net.peepholes) {
            addPeepholes(netIn, p[LstmNetwork.P_PEEP_IN], sPrev);
            addPeepholes(netForget, p[LstmNetwork.P_PEEP_FORGET], sPrev);
        }
        squash(netIn, yIn, netIn.length, Squashing.SIGMOID);
        squash(netForget, yForget, netForget.length, Squashing.SIGMOID);
        squash(netCell, gc, netCell.length, net.linearCellInput ? Squashing.LINEAR : Squashing.G);
        // blocks of two cells (the paper's nets) written out: loops of two turns cost more than their work
        for (int j = 0, c = 0; j < net.blocks; j++) {
            final double yf = yForget[j];
            final double yi = yIn[j];
            if (sc == 2) {
                s[c] = yf * sPrev[c] + yi * gc[c];
                s[c + 1] = yf * sPrev[c + 1] + yi * gc[c + 1];
                c += 2;
                continue;
            }
            for (int v = 0; v < sc; v++, c++) {
                s[c] = yf * sPrev[c] + yi * gc[c];
            }
        }
        if (net.peepholes) {
            addPeepholes(netOut, p[LstmNetwork.P_PEEP_OUT], s);
        }
        squash(netOut, yOut, netOut.length, Squashing.SIGMOID);
        squash(s, hs, s.length, net.linearCellOutput ? Squashing.LINEAR : Squashing.H);
        for (int j = 0, c = 0; j < net.blocks; j++) {
            final double yo = yOut[j];
            if (sc == 2) {
                yc[c] = yo * hs[c];
                yc[c + 1] = yo * hs[c + 1];
                c += 2;
                continue;
            }
            for (int v = 0; v < sc; v++, c++) {
                yc[c] = yo * hs[c];
            }
        }
    }

    /** {@code nets[j] += dot(w, state)} over block j's cells: the peepholes' share of a gate's net input. */
    private void addPeepholes(double[] nets, double[] w, double[] state) {
        final int sc = net.cellsPerBlock;
        for (int j = 0, c = 0; j < net.blocks; j++, c += sc) {
            if (sc == 2) {
                double d = 0; // dot's sum, written out
                d += w[c] * state[c];
                d += w[c + 1] * state[c + 1];
                nets[j] += d;
            } else {
                nets[j] += dot(w, c, state, c, sc);
            }
        }
    }

    /** The end of a step: the output units squashed into {@link #y}. */
    void finish() {
        squash(netY, yPadded, netY.length, Squashing.SIGMOID);
        if (yPadded != y) {
            System.arraycopy(yPadded, 0, y, 0, y.length);
        }
    }

    /** The logistic, the paper's g and h, and the identity (g or h of {@link bebop.nn.Squash#IDENTITY}). */
    private enum Squashing { SIGMOID, G, H, LINEAR }

    /** {@code out[i] = f(in[i])} for {@code i < n}: the plain path calls {@link Activations} itself. */
    private void squash(double[] in, double[] out, int n, Squashing f) {
        if (f == Squashing.LINEAR) {
            System.arraycopy(in, 0, out, 0, n);
            return;
        }
        if (simd) {
            switch (f) {
                case SIGMOID -> VectorKernels.squash(in, out, n, 1.0, 0.0);
                case G -> VectorKernels.squash(in, out, n, 4.0, -2.0);
                case H -> VectorKernels.squash(in, out, n, 2.0, -1.0);
            }
            return;
        }
        switch (f) {
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    out[i] = Activations.sigmoid(in[i]);
                }
            }
            case G -> {
                for (int i = 0; i < n; i++) {
                    out[i] = Activations.g(in[i]);
                }
            }
            case H -> {
                for (int i = 0; i < n; i++) {
                    out[i] = Activations.h(in[i]);
                }
            }
        }
    }

    /** Copies the sources of blocks {@code 0..blocks)} into {@link #u} (once per group of blocks with the same sources). */
    private void gather(int blocks) {
        final double[] u = this.u;
        for (int j = 0; j < blocks; j++) {
            if (blockGroup[j] != j) {
                continue;
            }
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

    /**
     * The net inputs of every gate and cell ({@link #netIn}, {@link #netForget}, {@link #netOut},
     * {@link #netCell}), row by row over the nonzero sources: blocks in pairs where two
     * neighbours have the same sources (eight sums at once). SIMD dot products did not pay here:
     * the rows are short, and the sum of a vector's lanes at the end of each row costs what the
     * vectors save.
     */
    private void netsRows() {
        for (int j = 0; j < net.blocks; j++) {
            int g = blockGroup[j];
            blockNonzeroCount[j] = g == j
                    ? Kernels.nonzero(u, net.gateOffset[j], net.sources[j], blockNonzero[j])
                    : blockNonzeroCount[g];
        }
        final int r = 3 + net.cellsPerBlock;
        int j = 0;
        while (j < net.blocks) {
            if (j + 1 < net.blocks && blockGroup[j] == blockGroup[j + 1]) {
                nets2(j);
                distribute(j, acc, 0);
                distribute(j + 1, acc, r);
                j += 2;
            } else {
                nets(j);
                distribute(j, acc, 0);
                j++;
            }
        }
    }

    /** Block j's net inputs from {@code a[ao..ao+3+S)} (input, forget, output gate, cells) into the net arrays. */
    private void distribute(int j, double[] a, int ao) {
        final int sc = net.cellsPerBlock;
        netIn[j] = a[ao];
        netForget[j] = a[ao + 1];
        netOut[j] = a[ao + 2];
        System.arraycopy(a, ao + 3, netCell, j * sc, sc);
    }

    /** The net inputs of block j's gates and cells from the sources, into {@code acc[0..3+S)}. */
    private void nets(int j) {
        final int n = net.sources[j];
        final int go = net.gateOffset[j];
        final int sc = net.cellsPerBlock;
        final double[][] p = net.params;
        final double[] wc = p[LstmNetwork.P_CELL];
        final int co = net.cellOffset[j];
        final int uo = sourceOffset[j];
        final int[] nz = blockNonzero[j];
        final int cnt = blockNonzeroCount[j];
        final double[] a = acc;
        Kernels.zero(a, 0, 4);
        Kernels.dot4(p[LstmNetwork.P_IN], go, p[LstmNetwork.P_FORGET], go, p[LstmNetwork.P_OUTGATE], go,
                wc, co, u, uo, nz, cnt, a, 0);
        Kernels.dotRows(wc, co + n, n, sc - 1, u, uo, nz, cnt, a, 4);
    }

    /** As {@link #nets} for blocks j and j+1 (the same sources), into {@code acc[0..)} and {@code acc[3+S..)}. */
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
        final int uo = sourceOffset[j];
        final int[] nz = blockNonzero[j];
        final int cnt = blockNonzeroCount[j];
        final double[] a = acc;
        Kernels.gates2(p[LstmNetwork.P_IN], p[LstmNetwork.P_FORGET], p[LstmNetwork.P_OUTGATE], wc, ga, ca, gb, cb,
                u, uo, nz, cnt, a, 0, r);
        if (sc == 2) {
            Kernels.dot2(wc, ca + n, cb + n, u, uo, nz, cnt, a, 4, r + 4);
        } else {
            Kernels.dotRows(wc, ca + n, n, sc - 1, u, uo, nz, cnt, a, 4);
            Kernels.dotRows(wc, cb + n, n, sc - 1, u, uo, nz, cnt, a, r + 4);
        }
    }

    /**
     * Group {@code g}'s gate and cell net inputs from its product {@code gn} (an aligned array: rows
     * from {@link Kernels#LEAD}; see {@link PackedWeights} for the rows).
     */
    void scatterGates(int g, double[] gn) {
        final int sc = net.cellsPerBlock;
        final int[] blocks = packed.gateBlocks[g];
        final int b = blocks.length;
        // where each segment's rows start in gn
        final int in = Kernels.LEAD;
        final int forget = in + b;
        final int cell = in + packed.segA[g];
        final int out = cell + packed.segC[g];
        final int j0 = packed.gateRun[g];
        if (j0 >= 0) {
            // the group's blocks are one run j0, j0 + 1, ...: whole slices
            System.arraycopy(gn, in, netIn, j0, b);
            System.arraycopy(gn, forget, netForget, j0, b);
            System.arraycopy(gn, out, netOut, j0, b);
            if (sc == 1) {
                System.arraycopy(gn, cell, netCell, j0, b);
                return;
            }
            if (sc == 2) {
                for (int i = 0, c = 2 * j0; i < b; i++, c += 2) {
                    netCell[c] = gn[cell + i];
                    netCell[c + 1] = gn[cell + b + i];
                }
                return;
            }
            for (int v = 0; v < sc; v++) {
                final int from = cell + v * b;
                for (int i = 0; i < b; i++) {
                    netCell[(j0 + i) * sc + v] = gn[from + i];
                }
            }
            return;
        }
        for (int i = 0; i < b; i++) {
            final int j = blocks[i];
            netIn[j] = gn[in + i];
            netForget[j] = gn[forget + i];
            netOut[j] = gn[out + i];
            for (int v = 0; v < sc; v++) {
                netCell[j * sc + v] = gn[cell + v * b + i];
            }
        }
    }

    /** Each output group's sources (its cells, its inputs, 1) into {@link #outSources}: runs as slices. */
    void gatherOutputSources() {
        for (int q = 0; q < outSources.length; q++) {
            final int first = packed.outputUnits[q][0];
            final double[] src = outSources[q];
            final int[] cells = net.outputCells[first];
            final int[] inputs = net.outputInputs[first];
            if (outCellRun[q] >= 0) {
                System.arraycopy(yc, outCellRun[q], src, 0, cells.length);
            } else {
                for (int i = 0; i < cells.length; i++) {
                    src[i] = yc[cells[i]];
                }
            }
            final int o = cells.length;
            if (outInputRun[q] >= 0) {
                System.arraycopy(x, outInputRun[q], src, o, inputs.length);
            } else {
                for (int i = 0; i < inputs.length; i++) {
                    src[o + i] = x[inputs[i]];
                }
            }
            src[o + inputs.length] = 1.0;
        }
    }

    /** Output group {@code q}'s net inputs from its product {@code on} (aligned: from {@link Kernels#LEAD}). */
    void scatterOutputs(int q, double[] on) {
        final int[] units = packed.outputUnits[q];
        if (outUnitRun[q] >= 0) {
            System.arraycopy(on, Kernels.LEAD, netY, outUnitRun[q], units.length);
            return;
        }
        for (int i = 0; i < units.length; i++) {
            netY[units[i]] = on[Kernels.LEAD + i];
        }
    }

    /**
     * The output units' net inputs into {@link #netY}, row by row over each output's gathered
     * sources ({@link #outputSources}): four outputs at once where they have the same sources.
     */
    private void outputNetsRows() {
        for (int k = 0; k < net.outputs; k++) {
            if (outputGroup[k] == k) {
                gatherOutputSources(k);
            }
        }
        final double[] w = net.params[LstmNetwork.P_OUTPUT];
        final double[] a = outAcc;
        int k = 0;
        while (k < net.outputs) {
            final double[] src = outputSources[k];
            final int[] nz = outputNonzero[k];
            final int cnt = outputNonzeroCount[outputGroup[k]];
            final int o = net.outputOffset[k];
            if (k + 4 <= net.outputs && outputGroup[k + 1] == outputGroup[k] && outputGroup[k + 2] == outputGroup[k]
                    && outputGroup[k + 3] == outputGroup[k]) {
                // same group, so rows of the same length one after the other
                final int row = src.length;
                Kernels.zero(a, 0, 4);
                Kernels.dot4(w, o, w, o + row, w, o + 2 * row, w, o + 3 * row, src, 0, nz, cnt, a, 0);
                System.arraycopy(a, 0, netY, k, 4);
                k += 4;
            } else {
                netY[k] = Kernels.dot(w, o, src, 0, nz, cnt);
                k++;
            }
        }
    }

    /** Output k's sources (cells, inputs, 1) into {@code outputSources[k]} and their nonzero positions. */
    private void gatherOutputSources(int k) {
        final double[] src = outputSources[k];
        int o = 0;
        for (int c : net.outputCells[k]) {
            src[o++] = yc[c];
        }
        for (int m : net.outputInputs[k]) {
            src[o++] = x[m];
        }
        src[o] = 1.0;
        outputNonzeroCount[k] = Kernels.nonzero(src, 0, src.length, outputNonzero[k]);
    }

    static double dot(double[] a, int ao, double[] b, int bo, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += a[ao + i] * b[bo + i];
        }
        return sum;
    }
}
