package bebop.nn.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bebop.nn.FeedbackRule;
import bebop.nn.LstmConfig;
import bebop.nn.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ElmanNetworkTest {

    @ParameterizedTest(name = "seed {0}: {1} in, {2} hidden, {3} out, {4} steps")
    @CsvSource({"1, 3, 4, 3, 10", "2, 5, 2, 4, 7", "3, 2, 6, 2, 15", "4, 1, 1, 1, 1"})
    void bpttMatchesCentralFiniteDifferences(long seed, int in, int hid, int out, int steps) {
        SplittableRandom rng = new SplittableRandom(seed);
        ElmanNetwork net = ElmanNetwork.create(in, hid, out, 0.8, rng);
        double[] p = net.parameters();
        for (int i = 0; i < p.length; i++) {
            p[i] += 0.3 * (2 * rng.nextDouble() - 1); // biases nonzero too
        }
        net.setParameters(p);
        double[][] x = new double[steps][in];
        double[][] t = new double[steps][out];
        for (int s = 0; s < steps; s++) {
            for (int i = 0; i < in; i++) {
                x[s][i] = 2 * rng.nextDouble() - 1;
            }
            for (int o = 0; o < out; o++) {
                t[s][o] = rng.nextDouble();
            }
        }
        double[] g = new double[net.parameterCount()];
        double loss = net.lossAndGradient(x, t, g);
        assertEquals(net.sequenceLoss(x, t), loss, 1e-12);
        double[] numeric = new double[g.length];
        double h = 1e-5;
        for (int i = 0; i < p.length; i++) {
            double keep = p[i];
            p[i] = keep + h;
            net.setParameters(p);
            double up = net.sequenceLoss(x, t);
            p[i] = keep - h;
            net.setParameters(p);
            double down = net.sequenceLoss(x, t);
            p[i] = keep;
            net.setParameters(p);
            numeric[i] = (up - down) / (2 * h);
        }
        double rel = relativeError(g, numeric);
        assertTrue(rel <= 1e-6, "relative error " + rel);
        for (int i = 0; i < g.length; i++) {
            assertEquals(numeric[i], g[i], 1e-8 + 1e-6 * Math.abs(numeric[i]), "parameter " + i);
        }
        assertTrue(rel > 0, "a zero error means the check compared nothing");
    }

    static double relativeError(double[] a, double[] b) {
        double diff = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            diff += (a[i] - b[i]) * (a[i] - b[i]);
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return Math.sqrt(diff) / Math.max(1e-300, Math.max(Math.sqrt(na), Math.sqrt(nb)));
    }

    @Test
    void weightCountAndTheHiddenSizeThatMatchesTheLstm() {
        assertEquals(15 * (25 + 15 + 1) + 25 * (15 + 25 + 1), ElmanNetwork.parameterCount(25, 15, 25));
        assertEquals(1640, ElmanNetwork.create(25, 15, 25, 0.1, new SplittableRandom(1)).parameterCount());
        for (LstmConfig cfg : List.of(LstmConfig.experiment1(), LstmConfig.experiment2())) {
            int lstm = ElmanSettings.lstmWeights(cfg);
            int h = ElmanSettings.hiddenToMatch(cfg.inputs(), cfg.outputs(), lstm);
            long diff = Math.abs(ElmanNetwork.parameterCount(cfg.inputs(), h, cfg.outputs()) - lstm);
            assertTrue(diff <= Math.abs(ElmanNetwork.parameterCount(cfg.inputs(), h + 1, cfg.outputs()) - lstm));
            assertTrue(h == 1 || diff <= Math.abs(ElmanNetwork.parameterCount(cfg.inputs(), h - 1, cfg.outputs()) - lstm));
            System.out.println("LSTM " + cfg.inputs() + " units: " + lstm + " weights; Elman hidden " + h + ": "
                    + ElmanNetwork.parameterCount(cfg.inputs(), h, cfg.outputs()) + " weights");
        }
        assertEquals(ElmanSettings.hiddenToMatch(25, 25, ElmanSettings.lstmWeights(LstmConfig.experiment2())),
                ElmanSettings.matchingExperiment2().hidden());
    }

    /** A period-6 cycle over 4 units with repeated frames: the hidden state must count. */
    static double[][] cycle() {
        return new double[][] {
            {1, 0, 0, 0}, {1, 0, 0, 0}, {0, 1, 1, 0}, {1, 0, 0, 0}, {0, 0, 1, 1}, {0, 0, 1, 1}};
    }

    static List<double[][]> stream(double[][] cycle, int times) {
        double[][] out = new double[cycle.length * times][];
        for (int t = 0; t < out.length; t++) {
            out[t] = cycle[t % cycle.length];
        }
        List<double[][]> list = new ArrayList<>();
        list.add(out);
        return list;
    }

    static ElmanSettings small() {
        return ElmanSettings.defaults(8).withWindow(24).withEpochs(150).withLearningRate(0.02).withPatience(0);
    }

    @Test
    void learnsAShortCycleToZeroErrors() {
        double[][] cyc = cycle();
        ElmanNetwork.Trained trained = ElmanNetwork.train(stream(cyc, 8), small(), 7L, ElmanListener.NONE);
        List<ElmanListener.Epoch> h = trained.history();
        assertEquals(150, h.size());
        assertTrue(h.get(h.size() - 1).trainLoss() < 0.1 * h.get(0).trainLoss(),
                "loss " + h.get(0).trainLoss() + " -> " + h.get(h.size() - 1).trainLoss());
        double[][] gen = BaselineEvaluation.freeRun(trained.newModel(), new double[][] {cyc[0]}, 10 * cyc.length,
                FeedbackRule.threshold(0.5));
        assertEquals(1.0, BaselineEvaluation.cycleAccuracy(gen, 1, cyc, 0, 4));
    }

    @Test
    void sameSeedSameWeightsAndTheRunnerMatchesTheTrainer() {
        List<double[][]> data = stream(cycle(), 5);
        ElmanSettings s = small().withEpochs(5);
        ElmanNetwork.Trained a = ElmanNetwork.train(data, s, 11L, ElmanListener.NONE);
        ElmanNetwork.Trained b = ElmanNetwork.train(data, s, 11L, ElmanListener.NONE);
        ElmanNetwork.Trained c = ElmanNetwork.train(data, s, 12L, ElmanListener.NONE);
        assertTrue(a.network().sameWeights(b.network()));
        assertFalse(a.network().sameWeights(c.network()));
        assertEquals(a.history(), b.history());
        // The runner (raw frames, normalised inside) and the windowed engine agree.
        double viaRunner = BaselineEvaluation.meanCrossEntropy(a.newModel(), data);
        double viaEngine = ElmanTrainer.meanLoss(new ElmanBptt(a.network(), 7), data, a.normalizer());
        assertEquals(viaEngine, viaRunner, 1e-12);
    }

    @Test
    void earlyStoppingKeepsTheBestValidationEpoch() {
        List<double[][]> data = stream(cycle(), 5);
        List<double[][]> val = stream(cycle(), 2);
        List<ElmanListener.Epoch> seen = new ArrayList<>();
        ElmanNetwork.Trained t = ElmanNetwork.train(data, val, small().withEpochs(20).withPatience(3), 3L, seen::add);
        assertEquals(seen, t.history());
        double bestLoss = t.history().stream().mapToDouble(ElmanListener.Epoch::validationLoss).min().orElseThrow();
        assertEquals(bestLoss, t.history().get(t.bestEpoch() - 1).validationLoss());
        assertEquals(bestLoss, BaselineEvaluation.meanCrossEntropy(t.newModel(), val), 1e-12);
    }

    @Test
    void identityNormaliserFeedsRawFrames() {
        ElmanNetwork net = ElmanNetwork.create(4, 3, 4, 0.5, new SplittableRandom(5));
        double[][] cyc = cycle();
        double[][] in = java.util.Arrays.copyOf(cyc, 5);
        double[][] tg = java.util.Arrays.copyOfRange(cyc, 1, 6);
        double loss = net.sequenceLoss(in, tg);
        assertEquals(loss / 5, BaselineEvaluation.meanCrossEntropy(net.newRunner(Normalizer.identity(4)),
                List.<double[][]>of(cyc)), 1e-12);
        assertArrayEquals(net.parameters(), net.copy().parameters());
    }
}
