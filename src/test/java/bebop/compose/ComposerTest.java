package bebop.compose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bebop.data.BluesDataset;
import bebop.encoding.LocalEncoding;
import bebop.music.BluesForm;
import bebop.nn.SequenceModel;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ComposerTest {
    /** Predicts the next frame of the form's chords exactly, from a step counter, and a fixed melody distribution. */
    static final class FormClock implements SequenceModel {
        private final double[][] chords = BluesDataset.chordFrames(BluesForm.paper());
        private final double[] out = new double[25];
        private int t;
        int seen;

        @Override
        public int units() {
            return 25;
        }

        @Override
        public void reset() {
            t = 0;
        }

        @Override
        public double[] step(double[] frame) {
            seen++;
            t++;
            System.arraycopy(chords[t % 96], 0, out, 0, 12);
            for (int u = 12; u < 25; u++) {
                out[u] = 0.02 * (u - 11);
            }
            return out;
        }

        @Override
        public String name() {
            return "clock";
        }
    }

    @Test
    void thePieceStartsWithThePrimerAndFollowsTheModel() {
        BluesDataset data = BluesDataset.generate(BluesForm.paper());
        double[][] chorus = data.frames(data.choruses().get(7));
        double[][] primer = Primers.firstSteps(chorus, 8, 25);
        FormClock model = new FormClock();
        double[][] piece = Composer.compose(model, primer, 2 * 96, 1.0, new SplittableRandom(1));
        assertEquals(192, piece.length);
        for (int t = 0; t < 8; t++) {
            assertArrayEquals(chorus[t], piece[t]);
        }
        double[][] form = BluesDataset.chordFrames(BluesForm.paper());
        for (int t = 8; t < 192; t++) {
            assertArrayEquals(form[t % 96], java.util.Arrays.copyOf(piece[t], 12), "step " + t);
        }
        assertEquals(191, model.seen, "every frame but the last is fed in");
    }

    @Test
    void theSameSeedGivesTheSameFramesAnotherSeedOthers() {
        double[][] primer = {new double[25]};
        double[][] a = Composer.compose(new FormClock(), primer, 300, 1.0, new SplittableRandom(4));
        double[][] b = Composer.compose(new FormClock(), primer, 300, 1.0, new SplittableRandom(4));
        double[][] c = Composer.compose(new FormClock(), primer, 300, 1.0, new SplittableRandom(5));
        assertArrayEquals(a, b);
        assertFalse(java.util.Arrays.deepEquals(a, c));
    }

    @Test
    void primersAreCheckedAndCut() {
        assertThrows(IllegalArgumentException.class,
                () -> Composer.compose(new FormClock(), new double[0][], 10, 1, new SplittableRandom(1)));
        assertThrows(IllegalArgumentException.class,
                () -> Composer.compose(new FormClock(), new double[10][25], 10, 1, new SplittableRandom(1)));
        assertThrows(IllegalArgumentException.class,
                () -> Composer.compose(new FormClock(), new double[][] {new double[12]}, 10, 1, new SplittableRandom(1)));
        double[][] chords = Primers.firstSteps(new double[96][25], 3, 12);
        assertEquals(3, chords.length);
        assertEquals(12, chords[0].length);
    }

    @Test
    void aScorePrimerIsItsFramesInTheEncoding() {
        BluesDataset data = BluesDataset.generate(BluesForm.paper());
        double[][] chorus = data.frames(data.choruses().get(100));
        double[][] primer = Primers.fromScore(LocalEncoding.decode(java.util.Arrays.copyOf(chorus, 16), 120, "p"), 25);
        assertArrayEquals(java.util.Arrays.copyOf(chorus, 16), primer);
    }
}
