package bebop.nn.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bebop.data.BluesDataset;
import bebop.music.BluesForm;
import bebop.nn.FeedbackRule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkovChainTest {
    static final double[] A = {1, 0};
    static final double[] B = {0, 1};
    static final double[] C = {1, 1};
    static final double[] NONE = {0, 0};
    static final double EPS = 1e-12;

    /** A B A B A C, alpha = 1: every probability worked out by hand (see the comments). */
    @Test
    void countsAndWittenBellByHand() {
        List<double[][]> piece = List.<double[][]>of(new double[][] {A, B, A, B, A, C});
        MarkovChain k1 = MarkovChain.train(piece, 1, 1.0);
        assertEquals(5, k1.transitions());
        assertEquals(3, k1.vocabularySize());
        assertEquals(3, k1.contexts(), "empty context, A, B (C is never followed)");
        // Targets B A B A C: unit 0 on 3 times, unit 1 on 3 times: q = (3 + 1) / (5 + 2) = 4/7.
        // Empty context: B 2, A 2, C 1 (c = 5, T = 3): p = (3 + 3 * 4/7) / 8 = 33/56 for both units.
        double root = 33.0 / 56;
        // After A: B 2, C 1 (c = 3, T = 2): p0 = (1 + 2 root) / 5, p1 = (3 + 2 root) / 5.
        assertArrayEquals(new double[] {(1 + 2 * root) / 5, (3 + 2 * root) / 5}, k1.step(A), EPS);
        assertArrayEquals(new double[] {61.0 / 140, 117.0 / 140}, k1.step(A), EPS);
        // After B: A 2 (c = 2, T = 1): p0 = (2 + root) / 3, p1 = root / 3.
        double[] afterB = {(2 + root) / 3, root / 3};
        assertArrayEquals(afterB, k1.step(B), EPS);
        // C was never followed and {} never seen: back to the empty context.
        assertArrayEquals(new double[] {root, root}, k1.step(C), EPS);
        assertArrayEquals(new double[] {root, root}, k1.step(NONE), EPS);

        MarkovChain k2 = MarkovChain.train(piece, 2, 1.0);
        // A then B: (A, B) -> A twice (c = 2, T = 1), interpolated with the order-1 context B.
        k2.reset();
        k2.step(A);
        assertArrayEquals(new double[] {(2 + afterB[0]) / 3, afterB[1] / 3}, k2.step(B), EPS);
        // After a reset the history is one frame long: order 1 only.
        k2.reset();
        assertArrayEquals(afterB, k2.step(B), EPS);
        // (C, B) unseen: order 1 only.
        k2.reset();
        k2.step(C);
        assertArrayEquals(afterB, k2.step(B), EPS);
        // An unseen frame in the history cuts it: order 1 only.
        k2.reset();
        k2.step(NONE);
        assertArrayEquals(afterB, k2.step(B), EPS);

        MarkovChain k0 = MarkovChain.train(piece, 0, 1.0);
        assertArrayEquals(new double[] {root, root}, k0.step(B), EPS);
        assertEquals("Markov k=2", k2.name());
    }

    @Test
    void piecesAreSeparateAndProbabilitiesStayInsideTheOpenInterval() {
        // Two pieces A B and B A: no transition B -> B across the boundary.
        MarkovChain c = MarkovChain.train(List.of(new double[][] {A, B}, new double[][] {B, A}), 1, 0.5);
        assertEquals(2, c.transitions());
        double[] p = c.step(B);
        // After B: A once (c = 1, T = 1); base q = (1 + 0.5) / (2 + 1) = 1/2; root: B 1, A 1, T 2:
        // (1 + 2 * 0.5) / 4 = 1/2 for both units.
        assertArrayEquals(new double[] {(1 + 0.5) / 2, 0.5 / 2}, p, EPS);
        for (double v : c.step(NONE)) {
            assertTrue(v > 0 && v < 1);
        }
    }

    /** The per-unit outputs are the marginals of a whole-frame distribution that sums to 1. */
    @Test
    void frameDistributionSumsToOneAndItsMarginalsAreTheOutputs() {
        double[][] form = BluesDataset.chordFrames(BluesForm.paper());
        MarkovChain chain = MarkovChain.train(List.<double[][]>of(repeat(form, 2)), 4, 0.5);
        double[] frame = new double[12];
        for (int t : new int[] {-1, 0, 1, 7, 30, 95}) {
            chain.reset();
            double[] outputs = new double[12];
            for (int s = 0; s <= t; s++) {
                outputs = chain.step(form[s]).clone();
            }
            if (t < 0) {
                outputs = null;
            }
            double sum = 0;
            double[] marginal = new double[12];
            for (int b = 0; b < 1 << 12; b++) {
                for (int u = 0; u < 12; u++) {
                    frame[u] = (b >>> u) & 1;
                }
                double p = chain.frameProbability(frame);
                assertTrue(p > 0);
                sum += p;
                for (int u = 0; u < 12; u++) {
                    marginal[u] += p * frame[u];
                }
            }
            assertEquals(1.0, sum, 1e-9, "t=" + t);
            if (outputs != null) {
                assertArrayEquals(outputs, marginal, 1e-9, "t=" + t);
                double[] best = new double[12];
                chain.mostProbableNextFrame(best);
                if (t == 1 || t == 30) { // inside a bar: the chord goes on
                    assertArrayEquals(form[t + 1], best, "t=" + t);
                }
            }
        }
        MarkovChain hand = MarkovChain.train(List.<double[][]>of(new double[][] {A, B, A, B, A, C}), 1, 1.0);
        hand.step(A);
        double[] best = new double[2];
        hand.mostProbableNextFrame(best);
        assertArrayEquals(B, best);
    }

    @Test
    void rejectsBadArguments() {
        List<double[][]> piece = List.<double[][]>of(new double[][] {A, B});
        assertThrows(IllegalArgumentException.class, () -> MarkovChain.train(piece, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> MarkovChain.train(piece, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> MarkovChain.train(List.<double[][]>of(new double[][] {A}), 1, 1));
        assertThrows(IllegalArgumentException.class, () -> MarkovChain.train(piece, 1, 1).step(new double[3]));
    }

    /** k A's then a B: period k+1, and k frames of history always tell the next frame. */
    static double[][] cycle(int aRun) {
        double[][] c = new double[aRun + 1][];
        for (int t = 0; t < aRun; t++) {
            c[t] = new double[] {1, 0, 1};
        }
        c[aRun] = new double[] {0, 1, 0};
        return c;
    }

    static double[][] repeat(double[][] cycle, int times) {
        double[][] out = new double[cycle.length * times][];
        for (int t = 0; t < out.length; t++) {
            out[t] = cycle[t % cycle.length];
        }
        return out;
    }

    @Test
    void orderKReproducesEveryCycleOfPeriodUpToKPlusOne() {
        for (int k = 1; k <= 8; k++) {
            for (int period = 2; period <= k + 1; period++) {
                double[][] cyc = cycle(period - 1);
                MarkovChain chain = MarkovChain.train(List.<double[][]>of(repeat(cyc, 4)), k, 0.5);
                double[][] primer = java.util.Arrays.copyOf(cyc, Math.min(k, period));
                double[][] gen = BaselineEvaluation.freeRun(chain, primer, 5 * period, FeedbackRule.threshold(0.5));
                assertEquals(1.0, BaselineEvaluation.cycleAccuracy(gen, primer.length, cyc, 0, 3),
                        "k=" + k + " period=" + period);
            }
        }
    }

    @Test
    void shorterOrdersCannotCountARunOfRepeatedFrames() {
        // After k A's (k <= period - 3) an A follows at least twice as often as a B: the thresholded
        // chain never leaves A, so it gets exactly the A steps of each cycle right.
        int period = 8;
        double[][] cyc = cycle(period - 1);
        for (int k = 1; k <= period - 3; k++) {
            MarkovChain chain = MarkovChain.train(List.<double[][]>of(repeat(cyc, 10)), k, 0.5);
            double[][] gen = BaselineEvaluation.freeRun(chain, new double[][] {cyc[0]}, 10 * period,
                    FeedbackRule.threshold(0.5));
            for (double[] f : gen) {
                assertArrayEquals(cyc[0], f, "k=" + k);
            }
            assertEquals((period - 1.0) / period, BaselineEvaluation.cycleAccuracy(gen, 1, cyc, 0, 3), 1e-12);
        }
    }

    /**
     * The paper's point in numbers: the 96-step chord form repeats each chord for 4 or 8 steps, and
     * eight C frames are followed by F7 in bar 1, Gm7 in bar 3 and Em in bar 7, so no chain of order
     * <= 8 can run through the form. Prints the measured accuracy; asserts only that it is below 1.
     */
    @Test
    void chordFormFreeRunFromTheFirstFrame() {
        double[][] form = BluesDataset.chordFrames(BluesForm.paper());
        List<double[][]> stream = List.<double[][]>of(repeat(form, 3));
        List<String> lines = new ArrayList<>();
        for (int k : BaselineTraining.MARKOV_ORDERS) {
            MarkovChain chain = MarkovChain.train(stream, k, MarkovChain.DEFAULT_ALPHA);
            double[][] gen = BaselineEvaluation.freeRun(chain, new double[][] {form[0]}, 10 * form.length - 1,
                    FeedbackRule.threshold(0.5));
            double acc = BaselineEvaluation.cycleAccuracy(gen, 1, form, 0, form[0].length);
            lines.add(chain.name() + ": " + String.format("%.4f", acc) + " of " + gen.length + " steps");
            assertTrue(acc < 1.0, chain.name());
        }
        System.out.println("Chord form free run from frame 0, threshold 0.5: " + lines);
    }

    @Test
    void deterministicAndCopiesShareCountsNotHistory() {
        double[][] form = BluesDataset.chordFrames(BluesForm.paper());
        List<double[][]> stream = List.<double[][]>of(repeat(form, 2));
        MarkovChain a = MarkovChain.train(stream, 4, 0.5);
        MarkovChain b = MarkovChain.train(stream, 4, 0.5);
        MarkovChain c = a.copy();
        double[] fromCopy = null;
        for (int t = 0; t < 50; t++) {
            double[] pa = a.step(form[t % 96]).clone();
            assertArrayEquals(pa, b.step(form[t % 96]));
            if (t < 3) {
                fromCopy = c.step(form[t]).clone();
            }
        }
        a.reset();
        a.step(form[0]);
        a.step(form[1]);
        assertArrayEquals(a.step(form[2]), fromCopy, "copy keeps its own history");
    }
}
