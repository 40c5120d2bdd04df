package bebop.nn;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD kernels of the Kalman filter ({@link DekfLearner}): sums of rows scaled by numbers, kept in
 * registers across the rows. Each element gets the plain loops' operations in their order (a
 * product rounded, then added), so both give the same bits. Loaded only for {@link Arithmetic#SIMD}:
 * the class links against {@code jdk.incubator.vector}.
 */
final class KalmanVectors {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** 0, 1, 2, ...: a lane's index, to tell the lanes before a row's diagonal from the others. */
    private static final double[] IOTA = new double[LANES];

    static {
        for (int i = 0; i < LANES; i++) {
            IOTA[i] = i;
        }
    }

    private KalmanVectors() {
    }

    static int lanes() {
        return LANES;
    }

    /**
     * {@code y[yo + c] += x[xo + k xs + c] * s[so + k ss]} for {@code c < n}, over {@code k < count} in
     * order. Whole vectors, four at a time, then one at a time; the tail of {@code n} element by element.
     */
    static void addProducts(double[] y, int yo, double[] x, int xo, int xs, double[] s, int so, int ss, int count,
                            int n) {
        int c = 0;
        for (; c + 4 * LANES <= n; c += 4 * LANES) {
            DoubleVector a0 = DoubleVector.fromArray(SPECIES, y, yo + c);
            DoubleVector a1 = DoubleVector.fromArray(SPECIES, y, yo + c + LANES);
            DoubleVector a2 = DoubleVector.fromArray(SPECIES, y, yo + c + 2 * LANES);
            DoubleVector a3 = DoubleVector.fromArray(SPECIES, y, yo + c + 3 * LANES);
            for (int k = 0; k < count; k++) {
                double sk = s[so + k * ss];
                int o = xo + k * xs + c;
                a0 = a0.add(DoubleVector.fromArray(SPECIES, x, o).mul(sk));
                a1 = a1.add(DoubleVector.fromArray(SPECIES, x, o + LANES).mul(sk));
                a2 = a2.add(DoubleVector.fromArray(SPECIES, x, o + 2 * LANES).mul(sk));
                a3 = a3.add(DoubleVector.fromArray(SPECIES, x, o + 3 * LANES).mul(sk));
            }
            a0.intoArray(y, yo + c);
            a1.intoArray(y, yo + c + LANES);
            a2.intoArray(y, yo + c + 2 * LANES);
            a3.intoArray(y, yo + c + 3 * LANES);
        }
        for (; c + LANES <= n; c += LANES) {
            DoubleVector a0 = DoubleVector.fromArray(SPECIES, y, yo + c);
            for (int k = 0; k < count; k++) {
                a0 = a0.add(DoubleVector.fromArray(SPECIES, x, xo + k * xs + c).mul(s[so + k * ss]));
            }
            a0.intoArray(y, yo + c);
        }
        for (; c < n; c++) {
            double a = y[yo + c];
            for (int k = 0; k < count; k++) {
                a += x[xo + k * xs + c] * s[so + k * ss];
            }
            y[yo + c] = a;
        }
    }

    /**
     * A symmetric matrix's low-rank update ({@link DekfLearner}'s plain {@code symmetricUpdate}), a term
     * at a time: {@code p[po + i stride + l] += a_k[l] b_k[i]} from the diagonal on and {@code b_k[l] a_k[i]}
     * before it, over {@code k < count} in order, where {@code a_k = a[ao + k stride..]} and
     * {@code b_k = b[bo + k stride..]}; rows {@code i < n}, {@code l < stride}, a multiple of the lane
     * count (no tail). A term at a time ran 15 % faster than all terms in registers, row by row.
     */
    static void symmetricUpdate(double[] p, int po, int n, int stride, double[] a, int ao, double[] b, int bo,
                                int count) {
        for (int k = 0; k < count; k++) {
            final int ak = ao + k * stride;
            final int bk = bo + k * stride;
            for (int i = 0; i < n; i++) {
                final int row = po + i * stride;
                final double ai = a[ak + i];
                final double bi = b[bk + i];
                final int diagonal = i - i % LANES; // the vector holding the diagonal
                for (int c = 0; c < diagonal; c += LANES) {
                    DoubleVector.fromArray(SPECIES, p, row + c)
                            .add(DoubleVector.fromArray(SPECIES, b, bk + c).mul(ai)).intoArray(p, row + c);
                }
                VectorMask<Double> before = DoubleVector.fromArray(SPECIES, IOTA, 0).compare(VectorOperators.LT, i - diagonal);
                DoubleVector upper = DoubleVector.fromArray(SPECIES, a, ak + diagonal).mul(bi);
                DoubleVector lower = DoubleVector.fromArray(SPECIES, b, bk + diagonal).mul(ai);
                DoubleVector.fromArray(SPECIES, p, row + diagonal).add(upper.blend(lower, before))
                        .intoArray(p, row + diagonal);
                for (int c = diagonal + LANES; c < stride; c += LANES) {
                    DoubleVector.fromArray(SPECIES, p, row + c)
                            .add(DoubleVector.fromArray(SPECIES, a, ak + c).mul(bi)).intoArray(p, row + c);
                }
            }
        }
    }
}
