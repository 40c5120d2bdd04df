package bebop.compose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bebop.data.BluesDataset;
import bebop.encoding.LocalEncoding;
import bebop.music.BluesForm;
import bebop.music.Progression;
import bebop.nn.SequenceModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GivenChordsComposerTest {
    static final Progression BLUES = Progression.parse("C7 C7 C7 C7 F7 F7 C7 C7 G7 F7 C7 G7");

    /** Predicts every chord unit on (so its own chords would be all 12 notes) and a fixed melody; records its input. */
    static final class Recorder implements SequenceModel {
        final List<double[]> fed = new ArrayList<>();
        private final double[] out = new double[25];

        @Override
        public int units() {
            return 25;
        }

        @Override
        public void reset() {
            fed.clear();
        }

        @Override
        public double[] step(double[] frame) {
            fed.add(frame.clone());
            Arrays.fill(out, 0, 12, 0.9);
            for (int u = 12; u < 25; u++) {
                out[u] = 0.01 * (u - 11) + 0.05 * ((fed.size() + u) % 3);
            }
            return out;
        }

        @Override
        public String name() {
            return "recorder";
        }
    }

    private static double[][] primer(int steps) {
        BluesDataset data = BluesDataset.generate(BluesForm.paper());
        return Primers.firstSteps(data.frames(data.choruses().get(3)), steps, 25);
    }

    @Test
    void chordFramesFollowTheProgressionBarByBar() {
        double[][] frames = ChordFrames.of(Progression.parse("| C | F7 | Dm7 G7 |"), 48);
        assertEquals(48, frames.length);
        assertEquals(12, frames[0].length);
        double[] c = new double[12];
        c[0] = c[4] = c[7] = 1;
        double[] g7 = new double[12];
        g7[2] = g7[5] = g7[7] = g7[11] = 1;
        assertArrayEquals(c, frames[0]);
        assertArrayEquals(g7, frames[16 + 4]);
        assertArrayEquals(c, frames[24], "the progression cycles");
        assertArrayEquals(g7, frames[24 + 16 + 7]);
    }

    @Test
    void everyFrameFedBackAndReturnedHasTheProgressionsChordsAcrossChoruses() {
        Recorder model = new Recorder();
        int steps = 3 * 96;
        double[][] chords = ChordFrames.of(BLUES, steps);
        double[][] primer = primer(8);
        double[][] piece = GivenChordsComposer.compose(model, primer, chords, 1.0, new SplittableRandom(5));
        assertEquals(steps, piece.length);
        assertEquals(steps - 1, model.fed.size());
        for (int t = 0; t < steps; t++) {
            assertArrayEquals(chords[t], Arrays.copyOf(piece[t], 12), "step " + t);
            assertArrayEquals(BLUES.chordAtStep(t).notes().stream().mapToDouble(n -> 1.0).toArray(),
                    Arrays.stream(Arrays.copyOf(piece[t], 12)).filter(v -> v == 1.0).toArray(), "step " + t);
            if (t < steps - 1) {
                assertArrayEquals(piece[t], model.fed.get(t), "fed at step " + t);
            }
            long melodyNotes = Arrays.stream(piece[t], 12, 25).filter(v -> v == 1.0).count();
            if (t >= 8) {
                assertEquals(1, melodyNotes, "one melody note at step " + t);
            }
        }
        for (int t = 0; t < 8; t++) {
            assertArrayEquals(Arrays.copyOfRange(primer[t], 12, 25), Arrays.copyOfRange(piece[t], 12, 25),
                    "the primer's melody at step " + t);
        }
        // bar 5 of the second chorus is F7: 48 51 53 57
        double[] f7 = new double[12];
        f7[0] = f7[3] = f7[5] = f7[9] = 1;
        assertArrayEquals(f7, Arrays.copyOf(piece[96 + 4 * 8 + 2], 12));
    }

    @Test
    void theMelodyIsDrawnByThePapersRuleAsComposerDrawsIt() {
        int steps = 2 * 96;
        double[][] given = GivenChordsComposer.compose(new Recorder(), primer(8), ChordFrames.of(BLUES, steps), 1.0,
                new SplittableRandom(9));
        double[][] free = Composer.compose(new Recorder(), primer(8), steps, 1.0, new SplittableRandom(9));
        for (int t = 0; t < steps; t++) {
            // the recorder's melody outputs do not depend on its input, so the same draws give the same notes
            assertArrayEquals(Arrays.copyOfRange(free[t], 12, 25), Arrays.copyOfRange(given[t], 12, 25), "step " + t);
        }
    }

    @Test
    void theSameSeedGivesTheSameFrames() {
        double[][] chords = ChordFrames.of(BLUES, 192);
        double[][] a = GivenChordsComposer.compose(new Recorder(), primer(8), chords, 0.7, new SplittableRandom(3));
        double[][] b = GivenChordsComposer.compose(new Recorder(), primer(8), chords, 0.7, new SplittableRandom(3));
        assertArrayEquals(a, b);
    }

    @Test
    void aChordsOnlyModelOrAPrimerFillingThePieceIsRefused() {
        SequenceModel chordsOnly = ComposerTestModels.constant(LocalEncoding.CHORD_UNITS, 0.6);
        assertThrows(IllegalArgumentException.class, () -> GivenChordsComposer.compose(chordsOnly,
                new double[1][12], ChordFrames.of(BLUES, 96), 1.0, new SplittableRandom(1)));
        assertThrows(IllegalArgumentException.class, () -> GivenChordsComposer.compose(new Recorder(),
                primer(8), ChordFrames.of(BLUES, 8), 1.0, new SplittableRandom(1)));
    }
}
