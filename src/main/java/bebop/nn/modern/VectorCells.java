package bebop.nn.modern;

import bebop.nn.VectorExp;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * The modern LSTM's cell step ({@code LstmUnroll.cellsForward}) in vectors, with the plain loop's
 * bits. The plain loop squashes with {@link LstmStack#sigmoid} and {@link LstmStack#tanh}:
 * {@link Math#exp} in double, the result rounded to float. Here each lane computes the same
 * formula with {@link VectorExp#exp}, whose double may differ from the plain one in the last bits,
 * so the two round to different floats where a float's rounding boundary lies between them.
 * Ziv's rounding test rules that out: an interval around the lane's double that surely holds the
 * plain double (its half-width, the slack, from the error bounds below with a margin of 32) is
 * rounded at both ends; where the ends differ in a lane (about 1 lane in 2^20, and every
 * {@code tanh} of an argument below ~2^-19), the whole vector is redone with the plain functions.
 * The float arithmetic between (the cell state, the output) is lane-wise IEEE in the plain loop's
 * order, without fused multiply-adds. (With this JDK on x86-64, every float argument in the clamped
 * ranges gives the plain float even without the test: checked once over all 2 x 2^31 of them, too
 * long for a unit test. The test keeps the bits where {@code Math.exp} rounds otherwise.)
 *
 * <p>The bounds. {@code e} (Math.exp's) is within 1 unit in the last place of e^x (its contract),
 * {@code e'} (this exp) within 3 ({@code SimdPathTest} checks 2 of {@code StrictMath.exp}, itself
 * within 1), so |e' - e| <= 4 units <= 2^-50 e'.
 * <ul>
 *   <li>sigmoid {@code 1 / (1 + e)}: the sum moves by at most 2^-50 relative, each of the two
 *       roundings by 2^-53: the results differ by less than 2^-49 relative; the slack is 2^-44.
 *   <li>tanh {@code (e - 1) / (e + 1)}: the numerator moves by at most 2^-50 e' absolute plus its
 *       rounding, the denominator (>= 1) by 2^-50 relative plus its rounding: the results differ by
 *       less than 2^-50 e'/(e' + 1) + 2^-51 |t| <= 2^-49 (1 + |t|); the slack is 2^-44 (1 + |t|).
 * </ul>
 */
final class VectorCells {
    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
    /**
     * The preferred float species, twice the doubles' lanes: the trainer's other kernels use it, and
     * a second float shape in the JVM made the JIT box their vectors (the trainer ran 6x slower).
     */
    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    static final int LANES = FLOATS.length();
    private static final VectorMask<Float> UPPER = VectorMask.fromLong(FLOATS, -1L << DOUBLES.length());
    private static final double SLACK = 0x1p-44;

    private VectorCells() {
    }

    /**
     * The cells {@code j < hl - hl % LANES} of one row of {@code LstmUnroll.cellsForward}: the gates
     * {@code a[ar + [0, 4 hl))} squashed in place, the new state from {@code c[prev + j]} into
     * {@code c[next + j]}, its tanh into {@code tc[tcAt + j]}, the output into {@code h[hAt + j]}.
     * Returns the number of cells done.
     */
    static int cells(float[] a, int ar, int hl, float[] c, int prev, int next, boolean fresh, float[] tc, int tcAt,
                     float[] h, int hAt) {
        int j = 0;
        for (int bound = hl - hl % LANES; j < bound; j += LANES) {
            squashInPlace(a, ar + j, false);
            squashInPlace(a, ar + hl + j, false);
            squashInPlace(a, ar + 2 * hl + j, true);
            squashInPlace(a, ar + 3 * hl + j, false);
            FloatVector i = FloatVector.fromArray(FLOATS, a, ar + j);
            FloatVector g = FloatVector.fromArray(FLOATS, a, ar + 2 * hl + j);
            FloatVector ig = i.mul(g);
            // 0f + i*g, as the plain loop adds (-0 becomes +0)
            FloatVector kept = fresh ? FloatVector.zero(FLOATS)
                    : FloatVector.fromArray(FLOATS, a, ar + hl + j).mul(FloatVector.fromArray(FLOATS, c, prev + j));
            FloatVector state = kept.add(ig);
            state.intoArray(c, next + j);
            state.intoArray(tc, tcAt + j);
            squashInPlace(tc, tcAt + j, true);
            FloatVector.fromArray(FLOATS, a, ar + 3 * hl + j).mul(FloatVector.fromArray(FLOATS, tc, tcAt + j))
                    .intoArray(h, hAt + j);
        }
        return j;
    }

    /**
     * {@code x[o + k] = LstmStack.tanh(x[o + k])} (or {@link LstmStack#sigmoid}) for {@code k < LANES}:
     * the floats' halves in two double vectors. One method with everything written out: a vector
     * passed to or returned from a call that the JIT does not inline is boxed (10x slower). Small on
     * purpose: the two functions differ only in scalars (no vector code twice), and the rare plain
     * path is a call (a larger version, compiled again once that path had been taken, was seen to hit
     * the JIT's node limit and lose its vector intrinsics: that run of the trainer was 3.5x slower).
     */
    static void squashInPlace(float[] x, int o, boolean tanh) {
        // sigmoid 1 / (e^-z + 1), z clamped to +-30; tanh (e^2z - 1) / (e^2z + 1), z clamped to +-15
        // (LstmStack's arguments and formulas, exactly: x * -1 is -x, e * 0 + 1 is 1, e * 1 - 1 is e - 1)
        double limit = tanh ? 15.0 : 30.0;
        double scale = tanh ? 2.0 : -1.0;
        double numeratorE = tanh ? 1.0 : 0.0;
        double numeratorOne = tanh ? -1.0 : 1.0;
        // the slack: 2^-44 (1 + |t|) for tanh, 2^-44 y for the sigmoid (y > 0, so |y| + 0 is y)
        double slackOne = tanh ? 1.0 : 0.0;
        FloatVector in = FloatVector.fromArray(FLOATS, x, o);
        DoubleVector z0 = (DoubleVector) in.convertShape(VectorOperators.F2D, DOUBLES, 0);
        DoubleVector z1 = (DoubleVector) in.convertShape(VectorOperators.F2D, DOUBLES, 1);
        DoubleVector a0 = z0.max(-limit).min(limit).mul(scale);
        DoubleVector a1 = z1.max(-limit).min(limit).mul(scale);
        // VectorExp.exp written out, the two halves' chains interleaved
        DoubleVector s0 = a0.mul(VectorExp.LOG2_E).add(VectorExp.SHIFTER);
        DoubleVector s1 = a1.mul(VectorExp.LOG2_E).add(VectorExp.SHIFTER);
        DoubleVector k0 = s0.sub(VectorExp.SHIFTER);
        DoubleVector k1 = s1.sub(VectorExp.SHIFTER);
        DoubleVector r0 = a0.sub(k0.mul(VectorExp.LN2_HI)).sub(k0.mul(VectorExp.LN2_LO));
        DoubleVector r1 = a1.sub(k1.mul(VectorExp.LN2_HI)).sub(k1.mul(VectorExp.LN2_LO));
        DoubleVector p0 = DoubleVector.broadcast(DOUBLES, VectorExp.taylor(0));
        DoubleVector p1 = p0;
        for (int i = 1; i < VectorExp.TERMS; i++) { // p r + c as r p + c: see VectorExp.exp
            DoubleVector c = DoubleVector.broadcast(DOUBLES, VectorExp.taylor(i));
            p0 = r0.fma(p0, c);
            p1 = r1.fma(p1, c);
        }
        DoubleVector e0 = ((LongVector) s0.reinterpretAsLongs()).add(1023 - VectorExp.SHIFTER_BITS)
                .lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles().mul(p0);
        DoubleVector e1 = ((LongVector) s1.reinterpretAsLongs()).add(1023 - VectorExp.SHIFTER_BITS)
                .lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles().mul(p1);
        DoubleVector y0 = e0.mul(numeratorE).add(numeratorOne).div(e0.add(1.0));
        DoubleVector y1 = e1.mul(numeratorE).add(numeratorOne).div(e1.add(1.0));
        DoubleVector slack0 = y0.abs().add(slackOne).mul(SLACK);
        DoubleVector slack1 = y1.abs().add(slackOne).mul(SLACK);
        // each half's interval ends rounded into the lower lanes (the upper ones 0 == 0)
        FloatVector low0 = (FloatVector) y0.sub(slack0).convertShape(VectorOperators.D2F, FLOATS, 0);
        FloatVector high0 = (FloatVector) y0.add(slack0).convertShape(VectorOperators.D2F, FLOATS, 0);
        FloatVector low1 = (FloatVector) y1.sub(slack1).convertShape(VectorOperators.D2F, FLOATS, 0);
        FloatVector high1 = (FloatVector) y1.add(slack1).convertShape(VectorOperators.D2F, FLOATS, 0);
        VectorMask<Float> same0 = low0.compare(VectorOperators.EQ, high0);
        VectorMask<Float> same1 = low1.compare(VectorOperators.EQ, high1);
        if (same0.and(same1).allTrue()) {
            FloatVector lower = (FloatVector) y0.convertShape(VectorOperators.D2F, FLOATS, 0);
            FloatVector upper = (FloatVector) y1.convertShape(VectorOperators.D2F, FLOATS, -1);
            lower.blend(upper, UPPER).intoArray(x, o);
        } else {
            // a lane's interval straddles a rounding boundary (or is NaN): the plain function for the
            // whole vector (taking single lanes out of a vector boxes it)
            plainLanes(x, o, tanh);
        }
    }

    /** The plain functions on {@code x[o + [0, LANES))}: the rare way out of {@link #squashInPlace}. */
    private static void plainLanes(float[] x, int o, boolean tanh) {
        for (int i = 0; i < LANES; i++) {
            x[o + i] = tanh ? LstmStack.tanh(x[o + i]) : LstmStack.sigmoid(x[o + i]);
        }
    }
}
