package bebop.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bebop.nn.KalmanSettings;
import bebop.nn.LstmConfig;
import bebop.nn.Squash;
import org.junit.jupiter.api.Test;

class AnBnCnTest {
    /** S a a b b c c for n = 2: inputs one symbol a step, targets the symbols that may follow. */
    @Test
    void framesSpellTheStringAndWhatMayFollow() {
        double[][] inputs = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}, {0, 0, 0, 1}};
        double[][] targets = {{1, 0, 0, 0}, {1, 1, 0, 0}, {1, 1, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
        double[] x = new double[4];
        double[] t = new double[4];
        for (int pos = 0; pos <= 6; pos++) {
            AnBnCn.frame(2, pos, x, t);
            assertArrayEquals(inputs[pos], x, "input " + pos);
            assertArrayEquals(targets[pos], t, "target " + pos);
        }
    }

    @Test
    void bothOnlineLearnersLearnTheTrainingStringsAndGeneraliseBeyondThem() {
        for (var trainer : new Experiment1Settings.Trainer[] {Experiment1Settings.Trainer.DEKF,
            Experiment1Settings.Trainer.ONLINE_RTRL}) {
            var s = new AnBnCn.Settings(1, trainer, 1e-3, 0.99, KalmanSettings.defaults(), AnBnCn.Network.eck2002(2), 10, 20_000, 100, 1000, 0, 0);
            AnBnCn.Result r = AnBnCn.train(s);
            assertTrue(r.learned(), trainer + ": " + r);
            // the README's eck2002 table, seed 1 (the plain arithmetic in any JVM)
            assertEquals(trainer == Experiment1Settings.Trainer.DEKF ? 11 : 12, r.generalisation(), trainer + ": " + r);
            assertEquals(r.strings(), AnBnCn.train(s).strings(), "same seed, same run");
        }
    }

    /** Gers and Schmidhuber 2001's cells (as recalled): g and h the identity, biases -1, -2 / +1, +2, no shortcuts. */
    @Test
    void theCslNetworkHasIdentityCellsTheirBiasesAndNoShortcuts() {
        LstmConfig c = AnBnCn.Network.gers2001(2).config();
        assertEquals(Squash.IDENTITY, c.cellInput());
        assertEquals(Squash.IDENTITY, c.cellOutput());
        assertArrayEquals(new double[] {-1, -2}, c.inputGateBias());
        assertArrayEquals(new double[] {1, 2}, c.forgetGateBias());
        assertArrayEquals(new double[] {-1, -2}, c.outputGateBias());
        for (boolean[] row : c.inputToOutput()) {
            assertArrayEquals(new boolean[4], row);
        }
        assertEquals(0, c.outputBias());
        assertTrue(c.peepholes());
    }

    /** The filter measuring the outputs learns the training strings on that net (seed 4: 2,200 strings). */
    @Test
    void theFilterLearnsTheTrainingStringsOnTheCslNetwork() {
        var s = new AnBnCn.Settings(4, Experiment1Settings.Trainer.DEKF, 1e-3, 0.99, AnBnCn.filter(),
                AnBnCn.Network.gers2001(2), 10, 20_000, 100, 1000, 0, 0);
        AnBnCn.Result r = AnBnCn.train(s);
        assertTrue(r.learned(), r.toString());
        assertEquals(2_200, r.strings(), r.toString());
        assertEquals(10, r.generalisation(), r.toString());
    }

    /** Training on after the first pass changes the net tested, not the count of strings it took to learn. */
    @Test
    void trainingOnKeepsTheCountToLearnAndChangesTheNetTested() {
        var first = new AnBnCn.Settings(3, Experiment1Settings.Trainer.DEKF, 1e-3, 0.99, KalmanSettings.defaults(), AnBnCn.Network.eck2002(2), 10,
                20_000, 100, 1000, 0, 0);
        var on = new AnBnCn.Settings(3, Experiment1Settings.Trainer.DEKF, 1e-3, 0.99, KalmanSettings.defaults(), AnBnCn.Network.eck2002(2), 10,
                20_000, 100, 1000, 1000, 0);
        AnBnCn.Result a = AnBnCn.train(first);
        AnBnCn.Result b = AnBnCn.train(on);
        assertEquals(a.strings(), b.strings());
        assertEquals(a.steps(), b.steps());
        assertEquals(63, a.generalisation(), "seed 3: 1..63 at once");
        assertEquals(11, b.generalisation(), "seed 3: 1..11 after 1,000 more strings");
    }

    /**
     * Watching tests after every string trained on: the count to learn and the first test are as
     * without it, and the best generalisation seen is at least that one, after one of the strings
     * watched (seed 2: 1..43 at once, 1..55 after the 16th of 200 strings).
     */
    @Test
    void watchingReportsTheBestGeneralisationSeenAfterTheFirstTest() {
        var once = new AnBnCn.Settings(2, Experiment1Settings.Trainer.DEKF, 1e-3, 0.99, KalmanSettings.defaults(),
                AnBnCn.Network.eck2002(2), 10, 20_000, 100, 1000, 0, 0);
        var watched = new AnBnCn.Settings(2, Experiment1Settings.Trainer.DEKF, 1e-3, 0.99, KalmanSettings.defaults(),
                AnBnCn.Network.eck2002(2), 10, 20_000, 100, 1000, 0, 200);
        AnBnCn.Result a = AnBnCn.train(once);
        AnBnCn.Result b = AnBnCn.train(watched);
        assertTrue(a.learned(), a.toString());
        assertEquals(a.strings(), b.strings());
        assertEquals(a.generalisation(), b.generalisation());
        assertEquals(a.generalisation(), a.bestGeneralisation(), "not watched: the best is the one test");
        assertEquals(0, a.bestAfter());
        assertEquals(43, b.generalisation(), b.toString());
        assertEquals(55, b.bestGeneralisation(), b.toString());
        assertEquals(16, b.bestAfter(), b.toString());
    }
}
