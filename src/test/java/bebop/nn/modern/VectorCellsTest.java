package bebop.nn.modern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import bebop.nn.Arithmetic;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The modern cells in vectors give the plain loop's bits: the squashing functions lane by lane
 * against {@link LstmStack#sigmoid} and {@link LstmStack#tanh} (values where the rounding test
 * sends the vector to the plain functions included), and a row of cells against the plain loop of
 * {@code LstmUnroll.cellsForward}, written out here.
 */
class VectorCellsTest {
    @BeforeEach
    void vectorApi() {
        assumeTrue(Arithmetic.SIMD.available(), "no Vector API module");
    }

    /** Arguments of every kind: each scale of the trainer, the clamps, zeros, tiny, huge, NaN. */
    static float[] arguments(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] special = {0f, -0f, 30f, -30f, 15f, -15f, 30.5f, -31f, 1e-30f, -1e-30f, Float.MIN_VALUE, -Float.MIN_VALUE,
            1e-7f, 3e-6f, -2e-6f, Float.MAX_VALUE, -Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
            Float.NaN, 0.5f, -0.5f, 1f, -1f};
        double[] scales = {1e-9, 1e-5, 1e-2, 0.3, 1, 4, 20, 100};
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = i < special.length ? special[i] : (float) (r.nextGaussian() * scales[i % scales.length]);
        }
        return x;
    }

    @Test
    void squashingGivesThePlainFunctionsBits() {
        int lanes = VectorCells.LANES;
        float[] x = arguments(lanes * 200_000, 5);
        for (boolean tanh : new boolean[] {false, true}) {
            float[] y = x.clone();
            for (int o = 0; o + lanes <= y.length; o += lanes) {
                VectorCells.squashInPlace(y, o, tanh);
            }
            for (int i = 0; i < x.length; i++) {
                float want = tanh ? LstmStack.tanh(x[i]) : LstmStack.sigmoid(x[i]);
                assertEquals(Float.floatToRawIntBits(want), Float.floatToRawIntBits(y[i]),
                        (tanh ? "tanh(" : "sigmoid(") + x[i] + ")");
            }
        }
    }

    @Test
    void aRowOfCellsGivesThePlainLoopsBits() {
        SplittableRandom r = new SplittableRandom(9);
        int hl = 5 * VectorCells.LANES;
        for (boolean fresh : new boolean[] {false, true}) {
            float[] a = new float[3 + 4 * hl];
            float[] c = new float[2 + 2 * hl];
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) (r.nextGaussian() * (i % 3 == 0 ? 5 : 1));
            }
            for (int i = 0; i < c.length; i++) {
                c[i] = (float) r.nextGaussian();
            }
            a[7] = -0f;
            float[] wantA = a.clone();
            float[] wantC = c.clone();
            float[] wantT = new float[1 + hl];
            float[] wantH = new float[2 * hl + 4];
            plainRow(wantA, 3, hl, wantC, 2, 2 + hl, fresh, wantT, 1, wantH, 4 + hl);
            float[] tc = new float[1 + hl];
            float[] h = new float[2 * hl + 4];
            int done = VectorCells.cells(a, 3, hl, c, 2, 2 + hl, fresh, tc, 1, h, 4 + hl);
            assertEquals(hl, done);
            assertBits(wantA, a, "gates");
            assertBits(wantC, c, "states");
            assertBits(wantT, tc, "squashed states");
            assertBits(wantH, h, "outputs");
        }
    }

    /** {@code LstmUnroll.cellsForward}'s loop for one row. */
    static void plainRow(float[] a, int ar, int hl, float[] cl, int prev, int next, boolean fresh, float[] tcl, int tPrev,
                         float[] hh, int hNext) {
        for (int j = 0; j < hl; j++) {
            float i = LstmStack.sigmoid(a[ar + j]);
            float f = LstmStack.sigmoid(a[ar + hl + j]);
            float g = LstmStack.tanh(a[ar + 2 * hl + j]);
            float o = LstmStack.sigmoid(a[ar + 3 * hl + j]);
            a[ar + j] = i;
            a[ar + hl + j] = f;
            a[ar + 2 * hl + j] = g;
            a[ar + 3 * hl + j] = o;
            float cn = (fresh ? 0f : f * cl[prev + j]) + i * g;
            float th = LstmStack.tanh(cn);
            cl[next + j] = cn;
            tcl[tPrev + j] = th;
            hh[hNext + j] = o * th;
        }
    }

    static void assertBits(float[] want, float[] got, String what) {
        for (int i = 0; i < want.length; i++) {
            assertEquals(Float.floatToRawIntBits(want[i]), Float.floatToRawIntBits(got[i]), what + " " + i);
        }
    }
}
