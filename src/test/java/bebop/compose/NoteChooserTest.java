package bebop.compose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bebop.nn.FeedbackRule;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NoteChooserTest {
    private static double[] predictions(SplittableRandom rng) {
        double[] p = new double[25];
        for (int i = 0; i < p.length; i++) {
            p[i] = rng.nextDouble();
        }
        return p;
    }

    @Test
    void chordsAreThresholdedAtOneHalfAndExactlyOneMelodyNoteIsOn() {
        double[] p = new double[25];
        p[0] = 0.5;
        p[1] = 0.49;
        p[11] = 0.99;
        p[12 + 3] = 0.2;
        double[] frame = new double[25];
        java.util.Arrays.fill(frame, 7);
        new NoteChooser(FrameLayout.CHORDS_AND_MELODY, 1.0, new SplittableRandom(1)).choose(p, frame);
        assertEquals(1.0, frame[0]);
        assertEquals(0.0, frame[1]);
        assertEquals(1.0, frame[11]);
        assertEquals(1.0, frame[15], "the only melody unit with any probability");
        double melody = 0;
        for (int u = 12; u < 25; u++) {
            melody += frame[u];
        }
        assertEquals(1.0, melody);
    }

    @Test
    void temperatureOneIsThePapersRouletteWheelDrawForDraw() {
        SplittableRandom data = new SplittableRandom(5);
        NoteChooser chooser = new NoteChooser(FrameLayout.CHORDS_AND_MELODY, 1.0, new SplittableRandom(42));
        FeedbackRule paper = FeedbackRule.thresholdAndSample(0, 12, 0.5, 12, 25, new SplittableRandom(42));
        for (int i = 0; i < 1000; i++) {
            double[] p = predictions(data);
            double[] a = new double[25];
            double[] b = new double[25];
            chooser.choose(p, a);
            paper.next(p, b);
            assertArrayEquals(b, a, "draw " + i);
        }
    }

    @Test
    void temperatureTowardsZeroPicksTheMostLikelyNote() {
        SplittableRandom data = new SplittableRandom(9);
        for (double t : new double[] {0.0, 1e-9, 1e-6}) {
            NoteChooser chooser = new NoteChooser(FrameLayout.CHORDS_AND_MELODY, t, new SplittableRandom(3));
            for (int i = 0; i < 200; i++) {
                double[] p = predictions(data);
                int best = 12;
                for (int u = 12; u < 25; u++) {
                    best = p[u] > p[best] ? u : best;
                }
                double[] frame = new double[25];
                chooser.choose(p, frame);
                assertEquals(1.0, frame[best], "T=" + t + " draw " + i);
            }
        }
    }

    @Test
    void temperatureSharpensOrFlattensTheMelodyDistribution() {
        double[] p = new double[25];
        for (int u = 12; u < 25; u++) {
            p[u] = 0.01;
        }
        p[20] = 0.5;
        int[] hits = new int[3];
        double[] temps = {0.5, 1.0, 2.0};
        for (int k = 0; k < temps.length; k++) {
            NoteChooser chooser = new NoteChooser(FrameLayout.CHORDS_AND_MELODY, temps[k], new SplittableRandom(11));
            double[] frame = new double[25];
            for (int i = 0; i < 20_000; i++) {
                chooser.choose(p, frame);
                hits[k] += frame[20] == 1.0 ? 1 : 0;
            }
        }
        // exact probabilities of unit 20: 0.5^2/(0.25+12e-4)=0.9952, 0.5/0.62=0.806, sqrt(.5)/(sqrt(.5)+12*0.1)=0.371
        assertEquals(0.9952, hits[0] / 20_000.0, 0.01);
        assertEquals(0.5 / 0.62, hits[1] / 20_000.0, 0.01);
        assertEquals(Math.sqrt(0.5) / (Math.sqrt(0.5) + 1.2), hits[2] / 20_000.0, 0.01);
    }

    @Test
    void chordsOnlyLayoutDrawsNothing() {
        SplittableRandom rng = new SplittableRandom(1);
        double[] frame = new double[12];
        double[] p = new double[12];
        p[4] = 0.7;
        new NoteChooser(FrameLayout.CHORDS_ONLY, 1.0, rng).choose(p, frame);
        assertEquals(1.0, frame[4]);
        assertEquals(new SplittableRandom(1).nextLong(), rng.nextLong(), "no random number used");
    }

    @Test
    void negativeTemperatureIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new NoteChooser(FrameLayout.CHORDS_AND_MELODY, -1, new SplittableRandom(1)));
        assertTrue(FrameLayout.of(25).hasMelody());
        assertThrows(IllegalArgumentException.class, () -> FrameLayout.of(13));
    }
}
