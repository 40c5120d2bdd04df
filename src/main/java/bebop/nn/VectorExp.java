package bebop.nn;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The engine's own {@code exp} in double vectors, with operations whose results the Vector API
 * defines exactly (its own {@code EXP} rounds differently compiled and interpreted): the squashing
 * functions of {@link VectorKernels} and the modern trainer's cells ({@code nn.modern.VectorCells})
 * use it. Loaded only where the Vector API module is.
 */
public final class VectorExp {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    private VectorExp() {
    }

    public static final double LOG2_E = 1.4426950408889634;
    /** ln 2 in two parts (fdlibm): the high part has zero low bits, so k * LN2_HI is exact. */
    public static final double LN2_HI = 6.93147180369123816490e-01;
    public static final double LN2_LO = 1.90821492927058770002e-10;
    /** 1.5 * 2^52: adding it rounds to an integer, which then sits in the low bits. */
    public static final double SHIFTER = 0x1.8p52;
    public static final long SHIFTER_BITS = Double.doubleToRawLongBits(SHIFTER);
    /** 1/12!, 1/11!, ..., 1/1!, 1/0!: Horner's order. */
    static final double[] EXP_TAYLOR = new double[13];
    /** How many Taylor coefficients there are ({@link #taylor}). */
    public static final int TERMS = EXP_TAYLOR.length;

    static {
        double factorial = 1;
        for (int n = 0; n <= 12; n++) {
            factorial *= Math.max(n, 1);
            EXP_TAYLOR[12 - n] = 1.0 / factorial;
        }
    }

    /**
     * e^x for |x| <= {@link Activations#CLAMP}, within about 2 units in the last place of {@link Math#exp}:
     * x = k ln 2 + r with |r| <= ln 2 / 2, e^r by its Taylor series to degree 12 (error below
     * r^13 / 13! = 1.7e-16), times 2^k built in the exponent bits. {@link VectorKernels}' squashing
     * loops have the same operations written out (tested: its lanes equal {@link #exp(double)}).
     */
    public static DoubleVector exp(DoubleVector x) {
        DoubleVector shifted = x.mul(LOG2_E).add(SHIFTER);
        DoubleVector k = shifted.sub(SHIFTER);
        DoubleVector r = x.sub(k.mul(LN2_HI)).sub(k.mul(LN2_LO));
        DoubleVector p = DoubleVector.broadcast(SPECIES, EXP_TAYLOR[0]);
        // Horner's p r + c as r p + c (the same bits): a vector carried round a loop is never the
        // receiver of a call. The JIT knows its class only from the profile of the Vector API method
        // it calls (shared by every caller in the JVM); a compile made before that method had a
        // profile called it as a virtual method, each vector boxed (a trainer's run 2x slower).
        for (int i = 1; i < EXP_TAYLOR.length; i++) {
            p = r.fma(p, DoubleVector.broadcast(SPECIES, EXP_TAYLOR[i]));
        }
        LongVector bits = (LongVector) shifted.reinterpretAsLongs();
        DoubleVector scale = bits.add(1023 - SHIFTER_BITS).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
        return scale.mul(p);
    }

    /** {@link #exp(DoubleVector)} for one number, with the same operations: the same bits as a lane. */
    public static double exp(double x) {
        double shifted = x * LOG2_E + SHIFTER;
        double k = shifted - SHIFTER;
        double r = x - k * LN2_HI - k * LN2_LO;
        double p = EXP_TAYLOR[0];
        for (int i = 1; i < EXP_TAYLOR.length; i++) {
            p = Math.fma(p, r, EXP_TAYLOR[i]);
        }
        long bits = Double.doubleToRawLongBits(shifted);
        return p * Double.longBitsToDouble((bits + (1023 - SHIFTER_BITS)) << 52);
    }

    /** The Taylor coefficient {@code i} in Horner's order: 1/(12-i)!. */
    public static double taylor(int i) {
        return EXP_TAYLOR[i];
    }
}
