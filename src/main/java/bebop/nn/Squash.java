package bebop.nn;

/**
 * The squashing function of a memory cell's input ({@code g}) or output ({@code h}), chosen per
 * network in {@link LstmConfig#cellInput()} and {@link LstmConfig#cellOutput()}.
 */
public enum Squash {
    /**
     * The paper's scaled logistic (Gers, Schmidhuber and Cummins 2000): {@code g(x) = 4 sigma(x) - 2}
     * for the cell input, {@code h(x) = 2 sigma(x) - 1} for the cell output.
     */
    SIGMOID,
    /** {@code f(x) = x}: a cell state read out unbounded, as a counter needs (Gers and Schmidhuber 2001). */
    IDENTITY;

    /**
     * A Jackson value filter that leaves {@link #SIGMOID} out of a model file's config, so that files of
     * the paper's networks keep the bytes they had before the choice existed (a missing value reads as
     * {@link #SIGMOID}).
     */
    public static final class OmitSigmoid {
        @Override
        public boolean equals(Object value) {
            return value == null || value == SIGMOID;
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }
}
