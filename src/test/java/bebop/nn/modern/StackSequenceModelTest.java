package bebop.nn.modern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The step-by-step forward pass against the minibatch unroll's forward pass (one lane, no dropout):
 * the same kernels, the same bits, on either arithmetic.
 */
class StackSequenceModelTest {
    @Test
    void stepByStepEqualsTheUnrollOnOneLane() {
        // small layers (the cells one by one), and layers of whole vectors and a tail (the cells in vectors)
        stepByStepEqualsTheUnroll(List.of(6, 5));
        stepByStepEqualsTheUnroll(List.of(37, 20));
    }

    static void stepByStepEqualsTheUnroll(List<Integer> layers) {
        int units = 7;
        int steps = 9;
        LstmStack net = LstmStack.create(new LstmStackConfig(units, layers, units), new Rng(3));
        Random r = new Random(5);
        double[][] frames = new double[steps][units];
        for (double[] f : frames) {
            for (int k = 0; k < units; k++) {
                f[k] = r.nextInt(3) == 0 ? 1 : 0;
            }
        }
        LstmUnroll u = new LstmUnroll(net, steps, 1);
        for (int t = 0; t < steps; t++) {
            for (int k = 0; k < units; k++) {
                u.x[t * units + k] = (float) frames[t][k];
            }
            u.valid[t] = 1f;
            u.reset[t] = t == 0;
        }
        u.clearState();
        u.forward(false, 0f, new Rng(0));
        float[] want = u.probabilities();

        StackSequenceModel m = new StackSequenceModel(net);
        assertEquals(units, m.units());
        for (int pass = 0; pass < 2; pass++) {
            m.reset();
            for (int t = 0; t < steps; t++) {
                double[] p = m.step(frames[t]);
                double[] expected = new double[units];
                for (int k = 0; k < units; k++) {
                    expected[k] = want[t * units + k];
                }
                assertArrayEquals(expected, p, 0.0, layers + ", step " + t); // the unroll's kernels: its bits
            }
        }
    }

    @Test
    void nadeStepByStepScoresFramesAsTheUnrollDoes() {
        int units = 8;
        int steps = 7;
        LstmStack net = LstmStack.create(new LstmStackConfig(units, List.of(6), units, 5), new Rng(4));
        Random r = new Random(6);
        double[][] frames = new double[steps + 1][units];
        for (int t = 1; t <= steps; t++) {
            for (int k = 0; k < units; k++) {
                frames[t][k] = r.nextInt(3) == 0 ? 1 : 0;
            }
        }
        LstmUnroll u = new LstmUnroll(net, steps, 1);
        for (int t = 0; t < steps; t++) {
            for (int k = 0; k < units; k++) {
                u.x[t * units + k] = (float) frames[t][k];
                u.y[t * units + k] = (float) frames[t + 1][k];
            }
            u.valid[t] = 1f;
            u.reset[t] = t == 0;
        }
        u.clearState();
        double total = u.forward(false, 0f, new Rng(0));
        NadeSequenceModel m = new NadeSequenceModel(net);
        m.reset();
        double sum = 0;
        for (int t = 0; t < steps; t++) {
            m.step(frames[t]);
            double nll = m.nll(frames[t + 1]);
            assertEquals(u.rowLoss(t), nll, 1e-5 * nll, "step " + t);
            sum += nll;
        }
        assertEquals(total, sum, 1e-5 * sum);
        // the same generator state draws the same frame
        double[] one = new double[units];
        double[] two = new double[units];
        m.sampleFrame(0.9, new java.util.SplittableRandom(3), one);
        m.sampleFrame(0.9, new java.util.SplittableRandom(3), two);
        assertArrayEquals(one, two);
    }
}
