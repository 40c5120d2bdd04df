package bebop.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The online truncated-RTRL learner against an independent naive implementation and against BPTT. */
class OnlineLearnerTest {

    @ParameterizedTest(name = "seed {0}, peepholes {1}")
    @CsvSource({"11, true", "12, true", "13, false", "14, true"})
    void agreesWithNaiveImplementationStepByStep(long seed, boolean peepholes) {
        agreesWithNaive(seed, peepholes, Squash.SIGMOID, Squash.SIGMOID);
    }

    @ParameterizedTest(name = "seed {0}, peepholes {1}, g {2}, h {3}")
    @CsvSource({"15, true, IDENTITY, IDENTITY", "16, false, IDENTITY, IDENTITY", "17, true, IDENTITY, SIGMOID",
        "18, true, SIGMOID, IDENTITY"})
    void agreesWithNaiveImplementationWithOtherSquashing(long seed, boolean peepholes, Squash g, Squash h) {
        agreesWithNaive(seed, peepholes, g, h);
    }

    private static void agreesWithNaive(long seed, boolean peepholes, Squash g, Squash h) {
        SplittableRandom rng = new SplittableRandom(seed);
        LstmConfig cfg = TestNets.randomConfig(rng, 4, 3, 3, 2, peepholes, true, 0.5).withSquashing(g, h);
        LstmNetwork net = LstmNetwork.create(cfg, rng);
        NaiveTruncatedLstm naive = new NaiveTruncatedLstm(cfg, net.parameters());
        double lr = 0.05;
        double mu = 0.9;
        OnlineLearner learner = net.newLearner(lr, mu).recordGradients();
        double[][] in = TestNets.randomInputs(rng, 40, 4);
        double[][] tg = TestNets.randomTargets(rng, 40, 3);
        for (int t = 0; t < in.length; t++) {
            if (t == 25) {
                learner.reset();
                naive.reset();
            }
            double[] y = learner.step(in[t], tg[t]).clone();
            naive.step(in[t], tg[t], lr, mu);
            assertClose(naive.y, y, 1e-12, "outputs at step " + t);
            Map<String, double[]> expected = naive.pack(naive.gradient);
            Map<String, double[]> actual = learner.lastGradient();
            assertEquals(expected.keySet(), actual.keySet());
            for (String name : expected.keySet()) {
                assertClose(expected.get(name), actual.get(name), 1e-12, name + " gradient at step " + t);
            }
        }
        Map<String, double[]> w = naive.pack(naive.w);
        for (Map.Entry<String, double[]> p : net.parameters().entrySet()) {
            assertClose(w.get(p.getKey()), p.getValue(), 1e-12, p.getKey() + " weights after training");
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @CsvSource({"21", "22", "23"})
    void equalsBpttWhenTruncationDropsNothing(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        LstmConfig cfg = TestNets.randomConfig(rng, 4, 3, 3, 2, false, false, 0.7);
        double rel = truncatedVersusBptt(cfg, rng);
        assertTrue(rel <= 1e-9, "relative error " + rel);
    }

    @Test
    void equalsBpttWhenTruncationDropsNothingWithIdentityCells() {
        SplittableRandom rng = new SplittableRandom(25);
        LstmConfig cfg = TestNets.randomConfig(rng, 4, 3, 3, 2, false, false, 0.7)
                .withSquashing(Squash.IDENTITY, Squash.IDENTITY);
        double rel = truncatedVersusBptt(cfg, rng);
        assertTrue(rel <= 1e-9, "relative error " + rel);
    }

    /** Shows the comparison above can fail: with recurrent connections truncation drops terms. */
    @Test
    void differsFromBpttWithRecurrence() {
        SplittableRandom rng = new SplittableRandom(24);
        LstmConfig cfg = TestNets.randomConfig(rng, 4, 3, 3, 2, false, true, 0.7);
        double rel = truncatedVersusBptt(cfg, rng);
        assertTrue(rel > 1e-4, "relative error " + rel);
    }

    private static double truncatedVersusBptt(LstmConfig cfg, SplittableRandom rng) {
        LstmNetwork net = LstmNetwork.create(cfg, rng);
        Map<String, double[]> before = net.parameters();
        double[][] in = TestNets.randomInputs(rng, 15, 4);
        double[][] tg = TestNets.randomTargets(rng, 15, 3);
        OnlineLearner learner = net.newLearner(0.0, 0.0).recordGradients();
        Map<String, double[]> sum = new HashMap<>();
        double loss = 0;
        for (int t = 0; t < in.length; t++) {
            learner.step(in[t], tg[t]);
            loss += learner.lastLoss();
            for (Map.Entry<String, double[]> g : learner.lastGradient().entrySet()) {
                double[] acc = sum.computeIfAbsent(g.getKey(), k -> new double[g.getValue().length]);
                for (int i = 0; i < acc.length; i++) {
                    acc[i] += g.getValue()[i];
                }
            }
        }
        for (String name : before.keySet()) {
            assertArrayEquals(before.get(name), net.parameters().get(name), 0.0, "learning rate 0 changed " + name);
        }
        BpttGradient.Result exact = BpttGradient.compute(net, in, tg);
        assertEquals(exact.loss(), loss, 1e-10);
        double worst = 0;
        for (String name : exact.gradient().keySet()) {
            worst = Math.max(worst, BpttGradientTest.relativeError(exact.gradient().get(name), sum.get(name)));
        }
        return worst;
    }

    static void assertClose(double[] expected, double[] actual, double rel, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            double tol = rel * Math.max(1.0, Math.abs(expected[i]));
            assertEquals(expected[i], actual[i], tol, what + " [" + i + "]");
        }
    }

    @org.junit.jupiter.api.Test
    void theGradientIsKeptOnlyWhenAskedFor() {
        LstmNetwork net = LstmNetwork.create(LstmConfig.fullyConnected(3, 3, 2, 1, LstmConfig.GateBiasSet.ZERO),
                new java.util.SplittableRandom(1));
        OnlineLearner learner = net.newLearner(0.1, 0.0);
        learner.step(new double[] {1, 0, 1}, new double[] {0, 1, 0});
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, learner::lastGradient);
    }
}
