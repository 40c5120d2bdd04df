package bebop.nn;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Arrays;

/**
 * The shape and initialisation of a paper-style LSTM: memory blocks of {@code cellsPerBlock} cells
 * sharing one input, one forget and one output gate (Gers, Schmidhuber and Cummins 2000), with
 * optional peephole connections (Gers and Schmidhuber 2000) and connectivity masks.
 *
 * <p>A plain record of primitives and arrays so that it can be written to a model file with
 * Jackson and read back. Indices: input unit {@code m} in {@code 0..inputs-1}, block {@code j} in
 * {@code 0..blocks-1}, cell {@code c = j * cellsPerBlock + v} in {@code 0..blocks*cellsPerBlock-1},
 * output unit {@code k} in {@code 0..outputs-1}.
 *
 * @param inputs          number of input units
 * @param outputs         number of output units (logistic)
 * @param blocks          number of memory blocks
 * @param cellsPerBlock   cells per block (S)
 * @param peepholes       peephole connections from each cell's state to its block's three gates:
 *                        one weight per cell per gate; input and forget gates see s(t-1), the
 *                        output gate sees s(t)
 * @param inputToBlock    {@code [block][input]}: input unit feeds the block's cell inputs and gates
 * @param blockToBlock    {@code [toBlock][fromBlock]}: all cell outputs of {@code fromBlock} at
 *                        t-1 feed the cell inputs and gates of {@code toBlock}
 * @param cellToOutput    {@code [output][cell]}: cell output at t feeds the output unit
 * @param inputToOutput   {@code [output][input]}: input unit at t feeds the output unit directly
 * @param inputGateBias   initial input gate bias per block
 * @param forgetGateBias  initial forget gate bias per block
 * @param outputGateBias  initial output gate bias per block
 * @param outputBias      initial bias of every output unit
 * @param initRange       all other weights (cell inputs, cell biases, gate weights, peepholes,
 *                        output weights) start uniform in {@code [-initRange, initRange)}
 * @param cellInput       the cell input squashing g (null reads as {@link Squash#SIGMOID}: files
 *                        older than the choice)
 * @param cellOutput      the cell output squashing h (likewise)
 */
public record LstmConfig(
        int inputs,
        int outputs,
        int blocks,
        int cellsPerBlock,
        boolean peepholes,
        boolean[][] inputToBlock,
        boolean[][] blockToBlock,
        boolean[][] cellToOutput,
        boolean[][] inputToOutput,
        double[] inputGateBias,
        double[] forgetGateBias,
        double[] outputGateBias,
        double outputBias,
        double initRange,
        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Squash.OmitSigmoid.class) Squash cellInput,
        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Squash.OmitSigmoid.class) Squash cellOutput) {

    /**
     * Gate bias sets, per block in groups of four (block j gets entry j mod 4): one set for the
     * input and output gates, one for the forget gates.
     */
    public enum GateBiasSet {
        /** NNSP 2002 (final version), read literally: all three gates of blocks 1..4 at -0.5, -1.0, -1.5, -2.0. */
        NNSP(new double[] {-0.5, -1.0, -1.5, -2.0}, new double[] {-0.5, -1.0, -1.5, -2.0}),
        /**
         * Input and output gates as NNSP, forget gates at +0.5, +1.0, +1.5, +2.0 (the usual sign
         * for forget gates in Gers et al. 2000: a forget gate near 1 keeps the cell's memory).
         */
        NNSP_POSITIVE_FORGET(new double[] {-0.5, -1.0, -1.5, -2.0}, new double[] {0.5, 1.0, 1.5, 2.0}),
        /**
         * Gers and Schmidhuber (2001), the nets that learn a^n b^n c^n: input and output gates -1, -2,
         * -3, -4 by block, forget gates +1, +2, +3, +4 (their "standard values", as recalled).
         */
        GERS_2001(new double[] {-1.0, -2.0, -3.0, -4.0}, new double[] {1.0, 2.0, 3.0, 4.0}),
        /** ICANN submission: all three gates at -0.1, -0.3, -0.5, -0.7. */
        ICANN(new double[] {-0.1, -0.3, -0.5, -0.7}, new double[] {-0.1, -0.3, -0.5, -0.7}),
        /** All gate biases 0. */
        ZERO(new double[] {0, 0, 0, 0}, new double[] {0, 0, 0, 0});

        private final double[] inputOutput;
        private final double[] forget;

        GateBiasSet(double[] inputOutput, double[] forget) {
            this.inputOutput = inputOutput;
            this.forget = forget;
        }

        /** Input (and output) gate biases for {@code blocks} blocks. */
        public double[] perBlock(int blocks) {
            return cycle(inputOutput, blocks);
        }

        /** Forget gate biases for {@code blocks} blocks. */
        public double[] forgetPerBlock(int blocks) {
            return cycle(forget, blocks);
        }

        private static double[] cycle(double[] values, int blocks) {
            double[] out = new double[blocks];
            for (int j = 0; j < blocks; j++) {
                out[j] = values[j % values.length];
            }
            return out;
        }
    }

    public static final double PAPER_OUTPUT_BIAS = 0.5;
    public static final double DEFAULT_INIT_RANGE = 0.1;

    /** Experiment 1 sizes: 12 chord units in and out. */
    public static final int EXP1_UNITS = 12;
    /** Experiment 2: 12 chord units then 13 melody units, in and out. */
    public static final int EXP2_CHORD_UNITS = 12;
    public static final int EXP2_MELODY_UNITS = 13;

    public LstmConfig {
        if (inputs < 1 || outputs < 1 || blocks < 1 || cellsPerBlock < 1) {
            throw new IllegalArgumentException("LSTM sizes must be positive: inputs=" + inputs
                    + " outputs=" + outputs + " blocks=" + blocks + " cellsPerBlock=" + cellsPerBlock);
        }
        checkShape("inputToBlock", inputToBlock, blocks, inputs);
        checkShape("blockToBlock", blockToBlock, blocks, blocks);
        checkShape("cellToOutput", cellToOutput, outputs, blocks * cellsPerBlock);
        checkShape("inputToOutput", inputToOutput, outputs, inputs);
        checkLength("inputGateBias", inputGateBias, blocks);
        checkLength("forgetGateBias", forgetGateBias, blocks);
        checkLength("outputGateBias", outputGateBias, blocks);
        if (!(initRange >= 0) || Double.isInfinite(initRange)) {
            throw new IllegalArgumentException("initRange must be finite and >= 0, got " + initRange);
        }
        inputToBlock = deepCopy(inputToBlock);
        blockToBlock = deepCopy(blockToBlock);
        cellToOutput = deepCopy(cellToOutput);
        inputToOutput = deepCopy(inputToOutput);
        inputGateBias = inputGateBias.clone();
        forgetGateBias = forgetGateBias.clone();
        outputGateBias = outputGateBias.clone();
        cellInput = cellInput == null ? Squash.SIGMOID : cellInput;
        cellOutput = cellOutput == null ? Squash.SIGMOID : cellOutput;
    }

    /** A net with the paper's squashing functions (g = 4 sigma - 2, h = 2 sigma - 1). */
    public LstmConfig(int inputs, int outputs, int blocks, int cellsPerBlock, boolean peepholes,
                      boolean[][] inputToBlock, boolean[][] blockToBlock, boolean[][] cellToOutput,
                      boolean[][] inputToOutput, double[] inputGateBias, double[] forgetGateBias,
                      double[] outputGateBias, double outputBias, double initRange) {
        this(inputs, outputs, blocks, cellsPerBlock, peepholes, inputToBlock, blockToBlock, cellToOutput,
                inputToOutput, inputGateBias, forgetGateBias, outputGateBias, outputBias, initRange,
                Squash.SIGMOID, Squash.SIGMOID);
    }

    /** A copy (the record stays immutable). */
    @Override
    public boolean[][] inputToBlock() {
        return deepCopy(inputToBlock);
    }

    /** A copy (the record stays immutable). */
    @Override
    public boolean[][] blockToBlock() {
        return deepCopy(blockToBlock);
    }

    /** A copy (the record stays immutable). */
    @Override
    public boolean[][] cellToOutput() {
        return deepCopy(cellToOutput);
    }

    /** A copy (the record stays immutable). */
    @Override
    public boolean[][] inputToOutput() {
        return deepCopy(inputToOutput);
    }

    /** A copy (the record stays immutable). */
    @Override
    public double[] inputGateBias() {
        return inputGateBias.clone();
    }

    /** A copy (the record stays immutable). */
    @Override
    public double[] forgetGateBias() {
        return forgetGateBias.clone();
    }

    /** A copy (the record stays immutable). */
    @Override
    public double[] outputGateBias() {
        return outputGateBias.clone();
    }

    /** Total number of memory cells. */
    public int cells() {
        return blocks * cellsPerBlock;
    }

    /**
     * A fully connected net: every input and every block (t-1) feeds every block; every output
     * takes all cells and all inputs; gate biases from {@code biases}; peepholes on; output bias
     * 0.5; weights uniform +-0.1.
     */
    public static LstmConfig fullyConnected(int inputs, int outputs, int blocks, int cellsPerBlock,
                                            GateBiasSet biases) {
        double[] b = biases.perBlock(blocks);
        return new LstmConfig(inputs, outputs, blocks, cellsPerBlock, true,
                filled(blocks, inputs, true), filled(blocks, blocks, true),
                filled(outputs, blocks * cellsPerBlock, true), filled(outputs, inputs, true),
                b, biases.forgetPerBlock(blocks), b, PAPER_OUTPUT_BIAS, DEFAULT_INIT_RANGE);
    }

    /**
     * The paper's Experiment 1 network: 12 inputs, 12 outputs, 4 blocks of 2 cells, fully
     * connected, outputs from all cells and all inputs, gate biases -0.5..-2.0 (NNSP), peepholes on.
     */
    public static LstmConfig experiment1() {
        return fullyConnected(EXP1_UNITS, EXP1_UNITS, 4, 2, GateBiasSet.NNSP);
    }

    /**
     * The paper's Experiment 2 network: 25 inputs/outputs (chord units 0..11, melody units
     * 12..24), 8 blocks of 2 cells. Blocks 0..3 (chord) take the chord inputs and the chord blocks;
     * blocks 4..7 (melody) take the melody inputs and both chord and melody blocks. Chord outputs
     * take chord cells and chord inputs; melody outputs take melody cells and melody inputs. Gate
     * biases -0.5..-2.0 for the chord blocks and again for the melody blocks.
     */
    public static LstmConfig experiment2() {
        return experiment2(EXP2_MELODY_UNITS);
    }

    /**
     * The Experiment 2 topology with {@code melodyUnits} melody units instead of 13 (a melody
     * range other than the paper's): 12 chord units then the melody units, in and out.
     */
    public static LstmConfig experiment2(int melodyUnits) {
        if (melodyUnits < 1) {
            throw new IllegalArgumentException("melody units must be positive: " + melodyUnits);
        }
        int c = EXP2_CHORD_UNITS;
        int n = c + melodyUnits;
        int chordBlocks = 4;
        int blocks = 8;
        int s = 2;
        boolean[][] inToBlock = new boolean[blocks][n];
        boolean[][] blockToBlock = new boolean[blocks][blocks];
        boolean[][] cellToOut = new boolean[n][blocks * s];
        boolean[][] inToOut = new boolean[n][n];
        for (int j = 0; j < blocks; j++) {
            boolean chordBlock = j < chordBlocks;
            for (int m = 0; m < n; m++) {
                inToBlock[j][m] = chordBlock == (m < c);
            }
            for (int b = 0; b < blocks; b++) {
                blockToBlock[j][b] = chordBlock ? b < chordBlocks : true;
            }
        }
        for (int k = 0; k < n; k++) {
            boolean chordOut = k < c;
            for (int cell = 0; cell < blocks * s; cell++) {
                cellToOut[k][cell] = chordOut == (cell / s < chordBlocks);
            }
            for (int m = 0; m < n; m++) {
                inToOut[k][m] = chordOut == (m < c);
            }
        }
        double[] b = GateBiasSet.NNSP.perBlock(blocks);
        return new LstmConfig(n, n, blocks, s, true, inToBlock, blockToBlock, cellToOut, inToOut,
                b, b, b, PAPER_OUTPUT_BIAS, DEFAULT_INIT_RANGE);
    }

    public LstmConfig withPeepholes(boolean on) {
        return new LstmConfig(inputs, outputs, blocks, cellsPerBlock, on, inputToBlock, blockToBlock,
                cellToOutput, inputToOutput, inputGateBias, forgetGateBias, outputGateBias, outputBias, initRange,
                cellInput, cellOutput);
    }

    public LstmConfig withInitRange(double range) {
        return new LstmConfig(inputs, outputs, blocks, cellsPerBlock, peepholes, inputToBlock, blockToBlock,
                cellToOutput, inputToOutput, inputGateBias, forgetGateBias, outputGateBias, outputBias, range,
                cellInput, cellOutput);
    }

    public LstmConfig withOutputBias(double bias) {
        return new LstmConfig(inputs, outputs, blocks, cellsPerBlock, peepholes, inputToBlock, blockToBlock,
                cellToOutput, inputToOutput, inputGateBias, forgetGateBias, outputGateBias, bias, initRange,
                cellInput, cellOutput);
    }

    /** The cell input squashing {@code g} and the cell output squashing {@code h}. */
    public LstmConfig withSquashing(Squash g, Squash h) {
        return new LstmConfig(inputs, outputs, blocks, cellsPerBlock, peepholes, inputToBlock, blockToBlock,
                cellToOutput, inputToOutput, inputGateBias, forgetGateBias, outputGateBias, outputBias, initRange,
                g, h);
    }

    /** The same gate bias for input, forget and output gates, per block. */
    public LstmConfig withGateBiases(double[] perBlock) {
        return withGateBiases(perBlock, perBlock, perBlock);
    }

    public LstmConfig withGateBiases(double[] input, double[] forget, double[] output) {
        return new LstmConfig(inputs, outputs, blocks, cellsPerBlock, peepholes, inputToBlock, blockToBlock,
                cellToOutput, inputToOutput, input, forget, output, outputBias, initRange, cellInput, cellOutput);
    }

    /** The bias set applied per block, restarting every 4 blocks (Exp 2: chord blocks, then melody blocks). */
    public LstmConfig withGateBiases(GateBiasSet set) {
        double[] b = set.perBlock(blocks);
        return withGateBiases(b, set.forgetPerBlock(blocks), b);
    }

    public LstmConfig withBlockToBlock(boolean[][] mask) {
        return new LstmConfig(inputs, outputs, blocks, cellsPerBlock, peepholes, inputToBlock, mask,
                cellToOutput, inputToOutput, inputGateBias, forgetGateBias, outputGateBias, outputBias, initRange,
                cellInput, cellOutput);
    }

    public LstmConfig withMasks(boolean[][] inToBlock, boolean[][] blockToBlockMask,
                                boolean[][] cellToOut, boolean[][] inToOut) {
        return new LstmConfig(inputs, outputs, blocks, cellsPerBlock, peepholes, inToBlock, blockToBlockMask,
                cellToOut, inToOut, inputGateBias, forgetGateBias, outputGateBias, outputBias, initRange,
                cellInput, cellOutput);
    }

    /** A {@code rows x cols} mask with every entry {@code value}. */
    public static boolean[][] filled(int rows, int cols, boolean value) {
        boolean[][] m = new boolean[rows][cols];
        for (boolean[] row : m) {
            Arrays.fill(row, value);
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LstmConfig c
                && inputs == c.inputs && outputs == c.outputs && blocks == c.blocks
                && cellsPerBlock == c.cellsPerBlock && peepholes == c.peepholes
                && Arrays.deepEquals(inputToBlock, c.inputToBlock)
                && Arrays.deepEquals(blockToBlock, c.blockToBlock)
                && Arrays.deepEquals(cellToOutput, c.cellToOutput)
                && Arrays.deepEquals(inputToOutput, c.inputToOutput)
                && Arrays.equals(inputGateBias, c.inputGateBias)
                && Arrays.equals(forgetGateBias, c.forgetGateBias)
                && Arrays.equals(outputGateBias, c.outputGateBias)
                && Double.compare(outputBias, c.outputBias) == 0
                && Double.compare(initRange, c.initRange) == 0
                && cellInput == c.cellInput && cellOutput == c.cellOutput;
    }

    @Override
    public int hashCode() {
        int h = java.util.Objects.hash(inputs, outputs, blocks, cellsPerBlock, peepholes, outputBias, initRange,
                cellInput, cellOutput);
        h = 31 * h + Arrays.deepHashCode(inputToBlock);
        h = 31 * h + Arrays.deepHashCode(blockToBlock);
        h = 31 * h + Arrays.deepHashCode(cellToOutput);
        h = 31 * h + Arrays.deepHashCode(inputToOutput);
        h = 31 * h + Arrays.hashCode(inputGateBias);
        h = 31 * h + Arrays.hashCode(forgetGateBias);
        return 31 * h + Arrays.hashCode(outputGateBias);
    }

    @Override
    public String toString() {
        return "LstmConfig[inputs=" + inputs + ", outputs=" + outputs + ", blocks=" + blocks
                + ", cellsPerBlock=" + cellsPerBlock + ", peepholes=" + peepholes
                + ", inputGateBias=" + Arrays.toString(inputGateBias)
                + ", forgetGateBias=" + Arrays.toString(forgetGateBias)
                + ", outputGateBias=" + Arrays.toString(outputGateBias)
                + ", outputBias=" + outputBias + ", initRange=" + initRange
                + ", cellInput=" + cellInput + ", cellOutput=" + cellOutput + "]";
    }

    private static void checkShape(String name, boolean[][] m, int rows, int cols) {
        if (m == null || m.length != rows) {
            throw new IllegalArgumentException(name + " must have " + rows + " rows");
        }
        for (boolean[] row : m) {
            if (row == null || row.length != cols) {
                throw new IllegalArgumentException(name + " rows must have " + cols + " columns");
            }
        }
    }

    private static void checkLength(String name, double[] a, int n) {
        if (a == null || a.length != n) {
            throw new IllegalArgumentException(name + " must have " + n + " values (one per block)");
        }
    }

    private static boolean[][] deepCopy(boolean[][] m) {
        boolean[][] c = new boolean[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
