package bebop.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bebop.data.BluesDataset;
import bebop.music.BluesForm;
import bebop.nn.LstmConfig;
import bebop.nn.LstmNetwork;
import bebop.nn.LstmSequenceModel;
import bebop.nn.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Experiment2Test {
    @Test
    void theNetworkIsThePapersExperiment2Topology() {
        LstmConfig c = Experiment2Settings.paper(1).networkConfig();
        assertEquals(LstmConfig.experiment2().withGateBiases(LstmConfig.GateBiasSet.NNSP), c);
        assertEquals(25, c.inputs());
        assertEquals(8, c.blocks());
        assertEquals(2, c.cellsPerBlock());
        assertArrayEquals(new double[] {-0.5, -1.0, -1.5, -2.0, -0.5, -1.0, -1.5, -2.0}, c.inputGateBias());
        assertArrayEquals(c.inputGateBias(), c.forgetGateBias());
        assertArrayEquals(c.inputGateBias(), c.outputGateBias());
        assertEquals(0.5, c.outputBias());
        double[] positive = Experiment2Settings.paper(1).withPositiveForgetBiases(true).networkConfig().forgetGateBias();
        assertArrayEquals(new double[] {0.5, 1.0, 1.5, 2.0, 0.5, 1.0, 1.5, 2.0}, positive);
    }

    /** Runs two frame sequences that differ only in their melody units and returns the chord outputs of each. */
    private static double[][][] chordOutputs(LstmNetwork net) {
        LstmSequenceModel a = new LstmSequenceModel(net, Normalizer.identity(25));
        LstmSequenceModel b = new LstmSequenceModel(net, Normalizer.identity(25));
        SplittableRandom rng = new SplittableRandom(8);
        double[][][] out = new double[2][200][];
        for (int t = 0; t < 200; t++) {
            double[] fa = new double[25];
            double[] fb = new double[25];
            for (int u = 0; u < 12; u++) {
                fa[u] = fb[u] = rng.nextInt(2);
            }
            for (int u = 12; u < 25; u++) {
                fa[u] = rng.nextInt(2);
                fb[u] = rng.nextDouble() * 3 - 1;
            }
            out[0][t] = Arrays.copyOf(a.step(fa), 12);
            out[1][t] = Arrays.copyOf(b.step(fb), 12);
        }
        return out;
    }

    @Test
    void melodyInputsNeverChangeTheChordOutputsBeforeOrAfterTraining() {
        LstmNetwork net = Experiment2.newNetwork(Experiment2Settings.paper(3));
        double[][][] before = chordOutputs(net);
        assertArrayEquals(before[0], before[1]);
        Experiment2Result r = Experiment2.train(Experiment2Settings.defaults(3).withMaxEpochs(2).withChorusesPerEpoch(3),
                TrainingListener.NONE);
        double[][][] after = chordOutputs(r.network());
        assertArrayEquals(after[0], after[1]);
        assertFalse(Arrays.deepEquals(before[0], after[0]), "training changed the chord outputs");
    }

    @Test
    void theSplitHoldsOutATenthOfTheChorusesTheSameWayEveryTime() {
        bebop.data.Split s = Experiment2.split(Experiment2Settings.paper(1));
        assertEquals(410, s.heldOut().length);
        assertEquals(3686, s.training().length);
        boolean[] seen = new boolean[4096];
        for (int i : s.heldOut()) {
            seen[i] = true;
        }
        for (int i : s.training()) {
            assertFalse(seen[i]);
            seen[i] = true;
        }
        for (boolean b : seen) {
            assertTrue(b);
        }
        assertEquals(s, Experiment2.split(Experiment2Settings.paper(99)), "the split does not depend on the weight seed");
        assertFalse(s.equals(Experiment2.split(4096, 7, 0.1)));
    }

    @Test
    void theNormaliserIsTheFitOfTheTrainingChoruses() {
        BluesDataset data = BluesDataset.generate(BluesForm.paper());
        int[] some = {1, 50, 700};
        List<double[]> frames = new ArrayList<>();
        for (int i : some) {
            frames.addAll(List.of(data.frames(data.choruses().get(i))));
        }
        Normalizer fit = Normalizer.fit(frames.toArray(new double[0][]));
        Normalizer ours = Experiment2.normalizer(Experiment2Settings.paper(1), data, some);
        assertArrayEquals(fit.means(), ours.means(), 1e-12);
        assertArrayEquals(fit.sds(), ours.sds(), 1e-9);
    }

    @Test
    void grossErrorsLookAtTheChordUnitsOnly() {
        double[] target = new double[25];
        target[0] = 1;
        target[20] = 1;
        double[] y = new double[25];
        y[0] = 0.9;
        y[13] = 0.99;
        assertFalse(Experiment2.chordGrossError(y, target), "a wrong melody unit is no gross error");
        y[5] = 0.5;
        assertTrue(Experiment2.chordGrossError(y, target));
    }

    @Test
    void thePlateauComparesTheMeansOfTwoWindows() {
        double[] falling = new double[40];
        for (int i = 0; i < falling.length; i++) {
            falling[i] = 10 - 0.1 * i;
        }
        assertFalse(Experiment2.plateaued(falling, 19, 10, 0.01), "too few epochs");
        assertFalse(Experiment2.plateaued(falling, 20, 10, 0.01));
        double[] flat = new double[20];
        Arrays.fill(flat, 2.0);
        flat[3] = 2.01;
        assertTrue(Experiment2.plateaued(flat, 20, 10, 0.01));
    }

    @Test
    void theDefaultsAreExperiment1sRecipeAndPaperIsTheOnlineLearner() {
        Experiment2Settings d = Experiment2Settings.defaults(4);
        Experiment1Settings one = Experiment1Settings.defaults(4);
        assertEquals(Experiment1Settings.Trainer.BPTT_ADAM, d.trainer());
        assertEquals(one.trainer(), d.trainer());
        assertEquals(one.learningRate(), d.learningRate());
        assertEquals(one.momentum(), d.momentum());
        assertEquals(one.gradientClip(), d.gradientClip());
        assertEquals(one.peepholes(), d.peepholes());
        assertEquals(one.initRange(), d.initRange());
        assertEquals(one.normalizeInputs(), d.normalizeInputs());
        assertEquals(one.bpttChoruses(), d.chorusesPerEpoch());
        assertTrue(d.positiveForgetBiases());
        LstmConfig chords = d.networkConfig();
        assertArrayEquals(new double[] {0.5, 1.0, 1.5, 2.0, 0.5, 1.0, 1.5, 2.0}, chords.forgetGateBias());
        assertArrayEquals(new double[] {-0.5, -1.0, -1.5, -2.0, -0.5, -1.0, -1.5, -2.0}, chords.inputGateBias());
        Experiment2Settings p = Experiment2Settings.paper(4);
        assertEquals(Experiment1Settings.Trainer.ONLINE_RTRL, p.trainer());
        assertEquals(1e-5, p.learningRate());
        assertTrue(p.peepholes());
        assertFalse(p.positiveForgetBiases());
    }

    @Test
    void theOnlineTrainerIsStillDeterministic() {
        Experiment2Settings s = Experiment2Settings.paper(5).withMaxEpochs(2).withChorusesPerEpoch(1);
        Experiment2Result a = Experiment2.train(s, TrainingListener.NONE);
        Experiment2Result b = Experiment2.train(s, TrainingListener.NONE);
        assertEquals(2 * 96, a.steps());
        assertTrue(a.network().sameWeights(b.network()));
        Experiment2Result bptt = Experiment2.train(s.withTrainer(Experiment1Settings.Trainer.BPTT_ADAM),
                TrainingListener.NONE);
        assertFalse(a.network().sameWeights(bptt.network()), "the trainer choice is used");
    }

    @Test
    void trainingIsDeterministicAndReportsEveryEpoch() {
        Experiment2Settings s = Experiment2Settings.defaults(5).withMaxEpochs(3).withChorusesPerEpoch(2);
        List<EpochReport> seen = new ArrayList<>();
        Experiment2Result a = Experiment2.train(s, seen::add);
        Experiment2Result b = Experiment2.train(s, TrainingListener.NONE);
        assertEquals(3, seen.size());
        assertEquals(3 * 2 * 96, a.steps());
        assertEquals(seen, a.curve());
        assertTrue(a.network().sameWeights(b.network()));
        assertEquals(a.normalizer(), b.normalizer());
        assertFalse(a.converged());
        assertTrue(seen.get(0).meanCrossEntropy() > 0);
    }
}
