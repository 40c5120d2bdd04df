package bebop.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FreeRunnerTest {

    @Test
    void normalizerZScoresAndZeroesConstantUnits() {
        double[][] frames = {{1, 0, 5}, {0, 0, 5}, {1, 1, 5}, {0, 1, 5}};
        Normalizer n = Normalizer.fit(frames);
        assertArrayEquals(new double[] {0.5, 0.5, 5}, n.means(), 1e-15);
        assertArrayEquals(new double[] {0.5, 0.5, 0}, n.sds(), 1e-15);
        assertArrayEquals(new double[] {1, -1, 0}, n.apply(new double[] {1, 0, 5}), 1e-15);
        assertArrayEquals(new double[] {1, -1, 0}, n.apply(new double[] {1, 0, 9}), 1e-15);
    }

    @Test
    void thresholdRule() {
        double[] f = new double[3];
        FeedbackRule.threshold(0.5).next(new double[] {0.49, 0.5, 0.9}, f);
        assertArrayEquals(new double[] {0, 1, 1}, f, 0.0);
    }

    @Test
    void thresholdAndSampleGivesOneHotMelodyAndIsSeeded() {
        double[] out = {0.9, 0.1, 0.2, 0.6, 0.2};
        double[] a = new double[5];
        double[] b = new double[5];
        FeedbackRule ra = FeedbackRule.thresholdAndSample(0, 2, 0.5, 2, 5, new SplittableRandom(1));
        FeedbackRule rb = FeedbackRule.thresholdAndSample(0, 2, 0.5, 2, 5, new SplittableRandom(1));
        int[] counts = new int[5];
        for (int i = 0; i < 2000; i++) {
            ra.next(out, a);
            rb.next(out, b);
            assertArrayEquals(a, b, 0.0);
            assertEquals(1.0, a[0]);
            assertEquals(0.0, a[1]);
            assertEquals(1.0, a[2] + a[3] + a[4]);
            for (int k = 2; k < 5; k++) {
                counts[k] += (int) a[k];
            }
        }
        // probabilities 0.2, 0.6, 0.2
        assertTrue(Math.abs(counts[3] / 2000.0 - 0.6) < 0.05, "counts " + counts[3]);
    }

    @Test
    void freeRunFeedsOutputsBack() {
        LstmNetwork net = LstmNetwork.create(LstmConfig.experiment1(), 5);
        Normalizer norm = Normalizer.fit(TestNets.randomTargets(new SplittableRandom(1), 50, 12));
        FreeRunner fr = new FreeRunner(net, norm, FeedbackRule.threshold(0.5));
        double[] primer = new double[12];
        primer[0] = 1;
        double[][] gen = fr.generate(new double[][] {primer}, 20);
        // The same by hand.
        LstmRunner r = net.newRunner();
        double[] y = r.step(norm.apply(primer)).clone();
        for (int t = 0; t < 20; t++) {
            double[] frame = new double[12];
            for (int k = 0; k < 12; k++) {
                frame[k] = y[k] >= 0.5 ? 1 : 0;
            }
            assertArrayEquals(frame, gen[t], 0.0, "step " + t);
            y = r.step(norm.apply(frame)).clone();
        }
    }
}
