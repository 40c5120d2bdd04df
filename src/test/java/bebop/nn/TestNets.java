package bebop.nn;

import java.util.SplittableRandom;

/** Random small configurations and sequences for the tests. */
final class TestNets {
    private TestNets() {
    }

    /** A small net with random (non-trivial) masks, random gate biases, weights in +-range. */
    static LstmConfig randomConfig(SplittableRandom rng, int inputs, int outputs, int blocks, int cells,
                                   boolean peepholes, boolean recurrent, double range) {
        boolean[][] inToBlock = mask(rng, blocks, inputs, 0.6);
        boolean[][] blockToBlock = recurrent ? mask(rng, blocks, blocks, 0.6)
                : LstmConfig.filled(blocks, blocks, false);
        if (recurrent) {
            blockToBlock[0][0] = true;
            blockToBlock[blocks - 1][0] = true;
        }
        boolean[][] cellToOut = mask(rng, outputs, blocks * cells, 0.7);
        boolean[][] inToOut = mask(rng, outputs, inputs, 0.5);
        double[] bi = randomBiases(rng, blocks);
        double[] bf = randomBiases(rng, blocks);
        double[] bo = randomBiases(rng, blocks);
        return new LstmConfig(inputs, outputs, blocks, cells, peepholes, inToBlock, blockToBlock,
                cellToOut, inToOut, bi, bf, bo, 0.3, range);
    }

    static boolean[][] mask(SplittableRandom rng, int rows, int cols, double p) {
        boolean[][] m = new boolean[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m[i][j] = rng.nextDouble() < p;
            }
        }
        return m;
    }

    static double[] randomBiases(SplittableRandom rng, int n) {
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = rng.nextDouble(-1.5, 1.5);
        }
        return b;
    }

    static double[][] randomInputs(SplittableRandom rng, int steps, int n) {
        double[][] a = new double[steps][n];
        for (double[] row : a) {
            for (int i = 0; i < n; i++) {
                row[i] = rng.nextDouble(-1.5, 1.5);
            }
        }
        return a;
    }

    static double[][] randomTargets(SplittableRandom rng, int steps, int n) {
        double[][] a = new double[steps][n];
        for (double[] row : a) {
            for (int i = 0; i < n; i++) {
                row[i] = rng.nextBoolean() ? 1.0 : 0.0;
            }
        }
        return a;
    }
}
