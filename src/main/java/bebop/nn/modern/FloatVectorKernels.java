package bebop.nn.modern;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The modern trainer's innermost loops through the Vector API ({@code jdk.incubator.vector}), used
 * when the arithmetic is {@link bebop.nn.Arithmetic#SIMD}; the class links against the incubator module, so it is
 * loaded only then. Each lane does the plain loop's arithmetic in its order (a product rounded,
 * then added; no fused multiply-add), so both paths give the same bits. The JIT does not vectorize
 * the plain loops itself here (measured: the same speed without {@code -XX:-UseSuperWord}).
 */
final class FloatVectorKernels {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    private FloatVectorKernels() {
    }

    /** {@link Kernels#axpy}: {@code y[yo..yo+n) += a * x[xo..xo+n)}. */
    static void axpy(float a, float[] x, int xo, float[] y, int yo, int n) {
        int j = 0;
        for (int bound = SPECIES.loopBound(n); j < bound; j += LANES) {
            FloatVector.fromArray(SPECIES, y, yo + j).add(FloatVector.fromArray(SPECIES, x, xo + j).mul(a))
                    .intoArray(y, yo + j);
        }
        for (; j < n; j++) {
            y[yo + j] = y[yo + j] + a * x[xo + j];
        }
    }

    /** {@link Kernels#axpy4}: four axpys in one pass over {@code y}, added in order. */
    static void axpy4(float a0, float a1, float a2, float a3, float[] x, int x0, int x1, int x2, int x3,
                      float[] y, int yo, int n) {
        int j = 0;
        for (int bound = SPECIES.loopBound(n); j < bound; j += LANES) {
            FloatVector.fromArray(SPECIES, y, yo + j)
                    .add(FloatVector.fromArray(SPECIES, x, x0 + j).mul(a0))
                    .add(FloatVector.fromArray(SPECIES, x, x1 + j).mul(a1))
                    .add(FloatVector.fromArray(SPECIES, x, x2 + j).mul(a2))
                    .add(FloatVector.fromArray(SPECIES, x, x3 + j).mul(a3))
                    .intoArray(y, yo + j);
        }
        for (; j < n; j++) {
            y[yo + j] = y[yo + j] + a0 * x[x0 + j] + a1 * x[x1 + j] + a2 * x[x2 + j] + a3 * x[x3 + j];
        }
    }
}
