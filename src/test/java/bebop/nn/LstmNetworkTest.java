package bebop.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Construction, parameters, determinism and masks. */
class LstmNetworkTest {

    @Test
    void experiment1HasThePaperShapeAndInitialisation() {
        LstmNetwork net = LstmNetwork.create(LstmConfig.experiment1(), 1);
        Map<String, double[]> p = net.parameters();
        // 4 blocks x (2 cells + 3 gates) x (12 inputs + 8 cells + bias) = 420; outputs 12 x (8 + 12 + 1) = 252.
        assertEquals(420 + 252 + 24, net.parameterCount());
        assertEquals(168, p.get(LstmNetwork.CELL_WEIGHTS).length);
        assertEquals(84, p.get(LstmNetwork.INPUT_GATE_WEIGHTS).length);
        assertEquals(8, p.get(LstmNetwork.OUTPUT_GATE_PEEPHOLES).length);
        double[] expected = {-0.5, -1.0, -1.5, -2.0};
        for (int j = 0; j < 4; j++) {
            int bias = 21 * j + 20;
            assertEquals(expected[j], p.get(LstmNetwork.INPUT_GATE_WEIGHTS)[bias]);
            assertEquals(expected[j], p.get(LstmNetwork.FORGET_GATE_WEIGHTS)[bias]);
            assertEquals(expected[j], p.get(LstmNetwork.OUTPUT_GATE_WEIGHTS)[bias]);
        }
        for (int k = 0; k < 12; k++) {
            assertEquals(0.5, p.get(LstmNetwork.OUTPUT_WEIGHTS)[21 * k + 20]);
        }
        for (double w : p.get(LstmNetwork.CELL_WEIGHTS)) {
            assertTrue(Math.abs(w) <= 0.1);
        }
        LstmNetwork noPeep = LstmNetwork.create(LstmConfig.experiment1().withPeepholes(false), 1);
        assertEquals(672, noPeep.parameterCount());
        assertFalse(noPeep.parameters().containsKey(LstmNetwork.INPUT_GATE_PEEPHOLES));
    }

    @Test
    void icannBiasesAndExperiment2Repeats() {
        LstmConfig icann = LstmConfig.experiment1().withGateBiases(LstmConfig.GateBiasSet.ICANN);
        assertArrayEquals(new double[] {-0.1, -0.3, -0.5, -0.7}, icann.forgetGateBias());
        LstmConfig exp2 = LstmConfig.experiment2();
        assertArrayEquals(new double[] {-0.5, -1.0, -1.5, -2.0, -0.5, -1.0, -1.5, -2.0}, exp2.outputGateBias());
        // chord blocks: 12 chord inputs + 8 chord cells + bias = 21; melody: 13 + 16 + 1 = 30.
        // 4*5*21 + 4*5*30 = 1020; outputs 12*(8+12+1) + 13*(8+13+1) = 252 + 286; peepholes 3*16.
        LstmNetwork net = LstmNetwork.create(exp2, 3);
        assertEquals(1020 + 252 + 286 + 48, net.parameterCount());
    }

    @Test
    void sameSeedSameWeightsAfterTraining() {
        LstmNetwork a = trainExp1(42);
        LstmNetwork b = trainExp1(42);
        LstmNetwork c = trainExp1(43);
        assertTrue(a.sameWeights(b));
        assertFalse(a.sameWeights(c));
    }

    private static LstmNetwork trainExp1(long seed) {
        LstmNetwork net = LstmNetwork.create(LstmConfig.experiment1(), new SplittableRandom(seed));
        OnlineLearner l = net.newLearner(0.01, 0.9);
        SplittableRandom data = new SplittableRandom(5);
        double[][] in = TestNets.randomInputs(data, 300, 12);
        double[][] tg = TestNets.randomTargets(data, 300, 12);
        for (int t = 0; t < in.length; t++) {
            l.step(in[t], tg[t]);
            if (t % 97 == 0) {
                l.reset();
            }
        }
        return net;
    }

    @Test
    void parametersRoundTripThroughConfigJsonAndArrays() throws Exception {
        LstmNetwork net = trainExp1(9);
        ObjectMapper json = new ObjectMapper();
        for (LstmConfig cfg : List.of(net.config(), LstmConfig.experiment2().withPeepholes(false))) {
            String text = json.writeValueAsString(cfg);
            assertEquals(cfg, json.readValue(text, LstmConfig.class));
        }
        LstmConfig cfg = json.readValue(json.writeValueAsString(net.config()), LstmConfig.class);
        LstmNetwork back = LstmNetwork.fromParameters(cfg, net.parameters());
        assertTrue(back.sameWeights(net));
        double[] x = new double[12];
        x[3] = 1;
        assertArrayEquals(net.newRunner().step(x), back.newRunner().step(x), 0.0);
        Map<String, double[]> bad = net.parameters();
        bad.put(LstmNetwork.OUTPUT_WEIGHTS, new double[3]);
        assertThrows(IllegalArgumentException.class, () -> LstmNetwork.fromParameters(cfg, bad));
        Map<String, double[]> missing = net.parameters();
        missing.remove(LstmNetwork.CELL_WEIGHTS);
        assertThrows(IllegalArgumentException.class, () -> LstmNetwork.fromParameters(cfg, missing));
    }

    @Test
    void parametersAreCopies() {
        LstmNetwork net = LstmNetwork.create(LstmConfig.experiment1(), 1);
        net.parameters().get(LstmNetwork.CELL_WEIGHTS)[0] = 99;
        assertNotEquals(99, net.parameters().get(LstmNetwork.CELL_WEIGHTS)[0]);
        net.config().inputToBlock()[0][0] = false;
        assertTrue(net.config().inputToBlock()[0][0]);
    }

    /** Experiment 2 masks: melody inputs never reach chord outputs, even after training. */
    @Test
    void melodyCannotInfluenceChordsInExperiment2() {
        LstmNetwork net = LstmNetwork.create(LstmConfig.experiment2(), new SplittableRandom(2));
        SplittableRandom data = new SplittableRandom(3);
        double[][] in = TestNets.randomInputs(data, 200, 25);
        double[][] tg = TestNets.randomTargets(data, 200, 25);
        OnlineLearner l = net.newLearner(0.05, 0.9);
        for (int t = 0; t < in.length; t++) {
            l.step(in[t], tg[t]);
        }
        // Two input streams that differ only in the melody units.
        double[][] other = new double[in.length][];
        for (int t = 0; t < in.length; t++) {
            other[t] = in[t].clone();
            for (int m = 12; m < 25; m++) {
                other[t][m] = data.nextDouble(-3, 3);
            }
        }
        LstmRunner a = net.newRunner();
        LstmRunner b = net.newRunner();
        boolean melodyDiffers = false;
        for (int t = 0; t < in.length; t++) {
            double[] ya = a.step(in[t]).clone();
            double[] yb = b.step(other[t]).clone();
            for (int k = 0; k < 12; k++) {
                assertEquals(ya[k], yb[k], 0.0, "chord output " + k + " at step " + t);
            }
            for (int k = 12; k < 25; k++) {
                melodyDiffers |= ya[k] != yb[k];
            }
        }
        assertTrue(melodyDiffers, "melody outputs should depend on melody inputs");
        // And chord inputs do reach melody outputs (through the melody blocks) but not melody outputs directly.
        LstmConfig c = LstmConfig.experiment2();
        assertFalse(c.inputToOutput()[20][3]);
        assertTrue(c.blockToBlock()[5][1]);
        assertFalse(c.blockToBlock()[1][5]);
    }

    /** A masked connection has no weight, so it is exactly zero and has no influence. */
    @Test
    void maskedInputHasNoInfluence() {
        LstmConfig full = LstmConfig.experiment1();
        boolean[][] inToBlock = full.inputToBlock();
        boolean[][] inToOut = full.inputToOutput();
        for (boolean[] row : inToBlock) {
            row[5] = false;
        }
        for (boolean[] row : inToOut) {
            row[5] = false;
        }
        LstmConfig cfg = full.withMasks(inToBlock, full.blockToBlock(), full.cellToOutput(), inToOut);
        LstmNetwork net = LstmNetwork.create(cfg, 4);
        assertEquals(full.inputs() * 0 + 420 - 4 * 5 + 252 - 12 + 24, net.parameterCount());
        double[] x = new double[12];
        double[] y = new double[12];
        y[5] = 7;
        LstmRunner a = net.newRunner();
        LstmRunner b = net.newRunner();
        for (int t = 0; t < 10; t++) {
            assertArrayEquals(a.step(x), b.step(y), 0.0);
        }
    }

    @Test
    void sigmoidIsClampedAndFinite() {
        assertEquals(Activations.sigmoid(30), Activations.sigmoid(1e6), 0.0);
        assertTrue(Activations.sigmoid(-1e6) > 0);
        assertTrue(Double.isFinite(Activations.crossEntropy(Activations.sigmoid(-1e6), 1.0)));
    }
}
