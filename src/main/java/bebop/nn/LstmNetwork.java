package bebop.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The weights of a paper-style LSTM ({@link LstmConfig}) in a few flat arrays, and the index
 * layout that the engines ({@link OnlineLearner}, {@link LstmRunner}, {@link BpttGradient}) share.
 *
 * <h2>Named parameter arrays</h2>
 * Only connections that the masks allow exist; a masked connection has no weight at all, so it
 * is exactly zero forever. The sources of block {@code j} are, in this order: the input units
 * with {@code inputToBlock[j][m]} (ascending {@code m}), then all cells of the blocks with
 * {@code blockToBlock[j][b]} (ascending cell index), then a bias (constant 1); call their number
 * {@code M_j}. The sources of output unit {@code k} are the cells with {@code cellToOutput[k][c]}
 * (ascending), then the inputs with {@code inputToOutput[k][m]} (ascending), then a bias.
 * <ul>
 *   <li>{@value #CELL_WEIGHTS}: for each block j, for each of its cells v, the {@code M_j}
 *       weights into the cell input (last = cell bias);</li>
 *   <li>{@value #INPUT_GATE_WEIGHTS}, {@value #FORGET_GATE_WEIGHTS}, {@value #OUTPUT_GATE_WEIGHTS}:
 *       for each block j, its {@code M_j} gate weights (last = gate bias);</li>
 *   <li>{@value #INPUT_GATE_PEEPHOLES}, {@value #FORGET_GATE_PEEPHOLES},
 *       {@value #OUTPUT_GATE_PEEPHOLES} (only with peepholes on): one weight per cell, from the
 *       cell's state to its block's gate;</li>
 *   <li>{@value #OUTPUT_WEIGHTS}: for each output unit k, the weights of its sources (last = bias).</li>
 * </ul>
 */
public final class LstmNetwork {
    public static final String CELL_WEIGHTS = "cell.weights";
    public static final String INPUT_GATE_WEIGHTS = "inputGate.weights";
    public static final String FORGET_GATE_WEIGHTS = "forgetGate.weights";
    public static final String OUTPUT_GATE_WEIGHTS = "outputGate.weights";
    public static final String INPUT_GATE_PEEPHOLES = "inputGate.peepholes";
    public static final String FORGET_GATE_PEEPHOLES = "forgetGate.peepholes";
    public static final String OUTPUT_GATE_PEEPHOLES = "outputGate.peepholes";
    public static final String OUTPUT_WEIGHTS = "output.weights";

    static final String[] NAMES = {CELL_WEIGHTS, INPUT_GATE_WEIGHTS, FORGET_GATE_WEIGHTS,
        OUTPUT_GATE_WEIGHTS, INPUT_GATE_PEEPHOLES, FORGET_GATE_PEEPHOLES, OUTPUT_GATE_PEEPHOLES,
        OUTPUT_WEIGHTS};
    static final int P_CELL = 0;
    static final int P_IN = 1;
    static final int P_FORGET = 2;
    static final int P_OUTGATE = 3;
    static final int P_PEEP_IN = 4;
    static final int P_PEEP_FORGET = 5;
    static final int P_PEEP_OUT = 6;
    static final int P_OUTPUT = 7;

    final LstmConfig config;
    /** How every runner and learner made from this network computes. */
    final Arithmetic arithmetic;
    final int inputs;
    final int outputs;
    final int blocks;
    final int cellsPerBlock;
    final int cells;
    final boolean peepholes;
    /** g and h are the identity ({@link Squash#IDENTITY}) rather than the paper's scaled logistics. */
    final boolean linearCellInput;
    final boolean linearCellOutput;

    /** Per block: input unit indices feeding it. */
    final int[][] blockInputs;
    /** Per block: cell indices (t-1) feeding it. */
    final int[][] blockCells;
    /** Per block: number of sources including the bias. */
    final int[] sources;
    /** Per block: offset of its row in the gate arrays and the gathered source vector. */
    final int[] gateOffset;
    /** Per block: offset of its S rows in the cell weight array. */
    final int[] cellOffset;
    final int gateLength;
    final int cellLength;
    /** Per output: cells and inputs feeding it. */
    final int[][] outputCells;
    final int[][] outputInputs;
    final int[] outputOffset;
    final int outputLength;

    /**
     * The parameter arrays, indexed by the P_* constants; peephole arrays are empty when off.
     * Call {@link #sync()} before reading them: an online learner may hold newer weights.
     */
    final double[][] params;
    /**
     * The learner whose copy of the weights is newer than {@link #params} ({@link PackedLearner},
     * {@link FloatLearner}), or null. While
     * it trains, writing its copy back after every step would double the memory traffic of the
     * step; so every read of the weights from outside the learner goes through {@link #sync()}
     * (the public accessors, {@link Adam}, {@link PackedWeights#repack()}, {@link BpttGradient}), which writes
     * the copy back once, and {@link #setParameters} drops it. Nothing else may read {@link #params}.
     */
    AheadCopy ahead;
    /**
     * Counts the changes of {@link #params}: every online step of a row-major learner, every
     * write-back of a packed one, every {@link #setParameters}. Packed copies compare it to skip
     * repacking weights that did not change.
     */
    long version;

    private LstmNetwork(LstmConfig config, Arithmetic arithmetic) {
        this.config = config;
        this.arithmetic = arithmetic.require();
        this.inputs = config.inputs();
        this.outputs = config.outputs();
        this.blocks = config.blocks();
        this.cellsPerBlock = config.cellsPerBlock();
        this.cells = config.cells();
        this.peepholes = config.peepholes();
        this.linearCellInput = config.cellInput() == Squash.IDENTITY;
        this.linearCellOutput = config.cellOutput() == Squash.IDENTITY;
        boolean[][] inToBlock = config.inputToBlock();
        boolean[][] blockToBlock = config.blockToBlock();
        blockInputs = new int[blocks][];
        blockCells = new int[blocks][];
        sources = new int[blocks];
        gateOffset = new int[blocks];
        cellOffset = new int[blocks];
        int g = 0;
        int c = 0;
        for (int j = 0; j < blocks; j++) {
            blockInputs[j] = trueIndices(inToBlock[j]);
            List<Integer> rec = new ArrayList<>();
            for (int b = 0; b < blocks; b++) {
                if (blockToBlock[j][b]) {
                    for (int v = 0; v < cellsPerBlock; v++) {
                        rec.add(b * cellsPerBlock + v);
                    }
                }
            }
            blockCells[j] = rec.stream().mapToInt(Integer::intValue).toArray();
            sources[j] = blockInputs[j].length + blockCells[j].length + 1;
            gateOffset[j] = g;
            cellOffset[j] = c;
            g += sources[j];
            c += sources[j] * cellsPerBlock;
        }
        gateLength = g;
        cellLength = c;
        boolean[][] cellToOut = config.cellToOutput();
        boolean[][] inToOut = config.inputToOutput();
        outputCells = new int[outputs][];
        outputInputs = new int[outputs][];
        outputOffset = new int[outputs];
        int o = 0;
        for (int k = 0; k < outputs; k++) {
            outputCells[k] = trueIndices(cellToOut[k]);
            outputInputs[k] = trueIndices(inToOut[k]);
            outputOffset[k] = o;
            o += outputCells[k].length + outputInputs[k].length + 1;
        }
        outputLength = o;
        int peep = peepholes ? cells : 0;
        params = new double[][] {
            new double[cellLength], new double[gateLength], new double[gateLength], new double[gateLength],
            new double[peep], new double[peep], new double[peep], new double[outputLength]};
    }

    /** A new network with weights drawn from {@code rng} (see {@link LstmConfig} for the scheme), in {@link Arithmetic#DEFAULT}. */
    public static LstmNetwork create(LstmConfig config, RandomGenerator rng) {
        return create(config, rng, Arithmetic.DEFAULT);
    }

    /** A new network with weights drawn from {@code rng}, whose runners and learners compute in {@code arithmetic}. */
    public static LstmNetwork create(LstmConfig config, RandomGenerator rng, Arithmetic arithmetic) {
        LstmNetwork net = new LstmNetwork(config, arithmetic);
        double r = config.initRange();
        for (double[] p : net.params) {
            for (int i = 0; i < p.length; i++) {
                p[i] = r * (2 * rng.nextDouble() - 1);
            }
        }
        double[] ig = config.inputGateBias();
        double[] fg = config.forgetGateBias();
        double[] og = config.outputGateBias();
        for (int j = 0; j < net.blocks; j++) {
            int bias = net.gateOffset[j] + net.sources[j] - 1;
            net.params[P_IN][bias] = ig[j];
            net.params[P_FORGET][bias] = fg[j];
            net.params[P_OUTGATE][bias] = og[j];
        }
        for (int k = 0; k < net.outputs; k++) {
            net.params[P_OUTPUT][net.outputBiasIndex(k)] = config.outputBias();
        }
        return net;
    }

    /** A new network with weights from a {@link SplittableRandom} seeded with {@code seed}. */
    public static LstmNetwork create(LstmConfig config, long seed) {
        return create(config, new SplittableRandom(seed));
    }

    /** A network with the given config and parameters (as returned by {@link #parameters()}), in {@link Arithmetic#DEFAULT}. */
    public static LstmNetwork fromParameters(LstmConfig config, Map<String, double[]> parameters) {
        return fromParameters(config, parameters, Arithmetic.DEFAULT);
    }

    /** A network with the given config and parameters, whose runners and learners compute in {@code arithmetic}. */
    public static LstmNetwork fromParameters(LstmConfig config, Map<String, double[]> parameters,
                                             Arithmetic arithmetic) {
        LstmNetwork net = new LstmNetwork(config, arithmetic);
        net.setParameters(parameters);
        return net;
    }

    public LstmConfig config() {
        return config;
    }

    public Arithmetic arithmetic() {
        return arithmetic;
    }

    /** The parameter names this network has, in a fixed order (no peephole names when off). */
    public List<String> parameterNames() {
        List<String> names = new ArrayList<>();
        for (int p = 0; p < NAMES.length; p++) {
            if (peepholes || !isPeephole(p)) {
                names.add(NAMES[p]);
            }
        }
        return names;
    }

    /** Brings {@link #params} up to date: the learner that trains a copy of them writes it back. */
    void sync() {
        if (ahead != null) {
            AheadCopy learner = ahead;
            ahead = null;
            learner.writeBack();
        }
    }

    /** Copies of all parameter arrays by name, in {@link #parameterNames()} order. */
    public Map<String, double[]> parameters() {
        sync();
        Map<String, double[]> map = new LinkedHashMap<>();
        for (int p = 0; p < NAMES.length; p++) {
            if (peepholes || !isPeephole(p)) {
                map.put(NAMES[p], params[p].clone());
            }
        }
        return map;
    }

    /** Length of each named array, in {@link #parameterNames()} order. */
    public Map<String, Integer> parameterShapes() {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int p = 0; p < NAMES.length; p++) {
            if (peepholes || !isPeephole(p)) {
                map.put(NAMES[p], params[p].length);
            }
        }
        return map;
    }

    /** Replaces all parameters; the map must hold exactly {@link #parameterNames()} with the right lengths. */
    public void setParameters(Map<String, double[]> parameters) {
        List<String> names = parameterNames();
        if (!parameters.keySet().equals(new java.util.HashSet<>(names))) {
            throw new IllegalArgumentException("expected parameters " + names + ", got " + parameters.keySet());
        }
        for (int p = 0; p < NAMES.length; p++) {
            if (!peepholes && isPeephole(p)) {
                continue;
            }
            double[] a = parameters.get(NAMES[p]);
            if (a.length != params[p].length) {
                throw new IllegalArgumentException("parameter " + NAMES[p] + " must have " + params[p].length
                        + " values for this config, got " + a.length);
            }
            for (double d : a) {
                if (!Double.isFinite(d)) {
                    throw new IllegalArgumentException("parameter " + NAMES[p] + " holds a non-finite value");
                }
            }
        }
        ahead = null; // a learner's copy is replaced, not written back
        version++;
        for (int p = 0; p < NAMES.length; p++) {
            if (peepholes || !isPeephole(p)) {
                System.arraycopy(parameters.get(NAMES[p]), 0, params[p], 0, params[p].length);
            }
        }
    }

    /** Total number of trainable weights (including biases and peepholes). */
    public int parameterCount() {
        int n = 0;
        for (double[] p : params) {
            n += p.length;
        }
        return n;
    }

    /** An independent copy (same config and arithmetic, copied weights). */
    public LstmNetwork copy() {
        return fromParameters(config, parameters(), arithmetic);
    }

    /** An independent copy (same config, copied weights) that computes in {@code other}. */
    public LstmNetwork copy(Arithmetic other) {
        return fromParameters(config, parameters(), other);
    }

    /** True when both networks have equal configs and bit-identical weights. */
    public boolean sameWeights(LstmNetwork other) {
        if (!config.equals(other.config)) {
            return false;
        }
        sync();
        other.sync();
        for (int p = 0; p < params.length; p++) {
            if (!Arrays.equals(params[p], other.params[p])) {
                return false;
            }
        }
        return true;
    }

    /** A fresh inference-only runner (zero state) on these weights. */
    public LstmRunner newRunner() {
        return new LstmRunner(this);
    }

    /** A fresh online learner (zero state, traces and momentum) that trains these weights in place. */
    public OnlineLearner newLearner(double learningRate, double momentum) {
        return new OnlineLearner(this, learningRate, momentum);
    }

    /**
     * A fresh online learner of the same algorithm in {@code precision}: {@link OnlineLearner}
     * ({@link Precision#DOUBLE}) or {@link FloatLearner} ({@link Precision#FLOAT}, for the nets of
     * {@link #supports(Precision)}).
     */
    public StepLearner newLearner(double learningRate, double momentum, Precision precision) {
        return precision == Precision.FLOAT ? new FloatLearner(this, learningRate, momentum)
                : newLearner(learningRate, momentum);
    }

    /** A fresh inference-only runner computing in {@code precision} (see {@link #newLearner(double, double, Precision)}). */
    public LstmRunner newRunner(Precision precision) {
        return new LstmRunner(this, precision);
    }

    /** Whether runners and learners in {@code precision} take this net: double takes every net, float the standard LSTM ({@link FloatForward#supports}). */
    public boolean supports(Precision precision) {
        return precision == Precision.DOUBLE || FloatForward.supports(this);
    }

    public int inputs() {
        return inputs;
    }

    public int outputs() {
        return outputs;
    }

    /** The cell input squashing g of this net's config. */
    double g(double x) {
        return linearCellInput ? x : Activations.g(x);
    }

    /** g' from the value g(x). */
    double gSlope(double g) {
        return linearCellInput ? 1.0 : Activations.gPrimeFromValue(g);
    }

    /** The cell output squashing h of this net's config. */
    double h(double s) {
        return linearCellOutput ? s : Activations.h(s);
    }

    /** h' from the value h(s). */
    double hSlope(double h) {
        return linearCellOutput ? 1.0 : Activations.hPrimeFromValue(h);
    }

    int outputBiasIndex(int k) {
        return outputOffset[k] + outputCells[k].length + outputInputs[k].length;
    }

    static boolean isPeephole(int p) {
        return p == P_PEEP_IN || p == P_PEEP_FORGET || p == P_PEEP_OUT;
    }

    private static int[] trueIndices(boolean[] mask) {
        int n = 0;
        for (boolean b : mask) {
            n += b ? 1 : 0;
        }
        int[] idx = new int[n];
        n = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                idx[n++] = i;
            }
        }
        return idx;
    }
}
