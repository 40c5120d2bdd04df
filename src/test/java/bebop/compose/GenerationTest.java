package bebop.compose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bebop.encoding.FrameFormat;
import bebop.music.Note;
import bebop.music.Part;
import bebop.music.Progression;
import bebop.music.Score;
import bebop.nn.SequenceModel;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Generation for frames other than the paper's: piano rolls, corpus rolls, other grids. */
class GenerationTest {
    /** Predicts fixed probabilities and remembers the last frame it read. */
    static final class Fixed implements SequenceModel {
        final double[] p;
        double[] last;

        Fixed(double[] p) {
            this.p = p;
        }

        @Override
        public int units() {
            return p.length;
        }

        @Override
        public void reset() {}

        @Override
        public double[] step(double[] frame) {
            last = frame.clone();
            return p.clone();
        }

        @Override
        public String name() {
            return "fixed";
        }
    }

    @Test
    void aPianoRollDrawsEveryKeyOnItsOwnAndTheSameSeedGivesTheSameFrames() {
        double[] p = new double[88];
        p[39] = 1.0; // C4 always
        p[43] = 0.5; // E4 half the time
        FrameFormat f = FrameFormat.pianoRoll(2, 8);
        double[][] a = Generation.compose(new Fixed(p), f, new double[1][88], 400, 1.0, null, new SplittableRandom(3));
        double[][] b = Generation.compose(new Fixed(p), f, new double[1][88], 400, 1.0, null, new SplittableRandom(3));
        assertTrue(Arrays.deepEquals(a, b));
        int e = 0;
        for (int t = 1; t < a.length; t++) {
            assertEquals(1.0, a[t][39]);
            e += (int) a[t][43];
            assertEquals(a[t][39] + a[t][43], Arrays.stream(a[t]).sum());
        }
        assertTrue(e > 150 && e < 250, "E4 on " + e + " of 399 steps");
        Score s = f.decode(a, 120, "roll");
        for (Note n : s.part("Piano").get().notes()) {
            assertTrue(n.pitch() == 60 || n.pitch() == 64, n.toString());
        }
        assertThrows(IllegalArgumentException.class, () -> Generation.compose(new Fixed(p), f, new double[1][88], 10, 1.0,
                new double[10][12], new SplittableRandom(1)));
    }

    @Test
    void temperatureSharpensTheKeyDraws() {
        assertEquals(0.5, RollComposer.tempered(0.5, 0.1), 1e-12);
        assertTrue(RollComposer.tempered(0.7, 0.25) > 0.95);
        assertTrue(RollComposer.tempered(0.3, 4) > 0.4);
        assertEquals(0.0, RollComposer.tempered(0.0, 2));
    }

    @Test
    void aCorpusRollModelPlaysChordsOnTheChordKeysAndItsMelodyElsewhere() {
        double[] p = new double[88];
        p[48 - 21] = 0.9; // C in the chord register
        p[55 - 21] = 0.9; // G
        p[52 - 21] = 0.3; // E: below the threshold
        p[72 - 21] = 0.8; // C5, melody
        p[74 - 21] = 0.2; // D5, melody
        Fixed roll = new Fixed(p);
        FrameFormat f = FrameFormat.corpusRoll(2, 8);
        double[][] primer = {new double[88]};
        primer[0][60 - 21] = 1;
        primer[0][50 - 21] = 1;
        double[][] out = Generation.compose(roll, f, primer, 40, 1.0, null, new SplittableRandom(1));
        assertEquals(100, out[0].length);
        assertEquals(1.0, out[0][2]); // the primer's D3 is a chord unit
        assertEquals(1.0, out[0][12 + 39]); // its C4 a melody unit
        for (int t = 1; t < out.length; t++) {
            assertEquals(1.0, out[t][0]);
            assertEquals(1.0, out[t][7]);
            assertEquals(0.0, out[t][4]);
            assertEquals(1.0, out[t][12 + 51] + out[t][12 + 53]);
        }
        double[] keys = roll.last;
        assertEquals(1.0, keys[27]);
        assertEquals(1.0, keys[34]);
        Score s = f.composing().decode(out, 120, "x");
        assertTrue(s.part(Part.MELODY).get().notes().stream().allMatch(n -> n.pitch() == 72 || n.pitch() == 74 || n.pitch() == 60));
        assertTrue(s.part(Part.CHORDS).get().notes().stream().allMatch(n -> n.pitch() >= 48 && n.pitch() < 60));

        // over given chords on a grid of 16 steps a bar: F for 8 steps, then G7
        FrameFormat g = FrameFormat.corpusRoll(4, 16);
        double[][] chords = Generation.chords(Progression.parse("| F G7 |"), 32, g);
        double[][] given = Generation.compose(roll, g, primer, 32, 1.0, chords, new SplittableRandom(1));
        for (int t = 0; t < 32; t++) {
            assertArrayEquals(chords[t], Arrays.copyOf(given[t], 12));
        }
        assertEquals(1.0, chords[7][5]);  // F
        assertEquals(1.0, chords[8][11]); // B of G7
        assertEquals(1.0, chords[16][9]); // the next pass: A of F
    }

    @Test
    void otherGridsDecodeToTheirBar() {
        FrameFormat f = FrameFormat.chordsMelody(55, 20, 2, 6);
        assertEquals(new bebop.music.TimeSignature(3, 4), f.timeSignature());
        double[][] frames = new double[12][32];
        for (double[] fr : frames) {
            fr[0] = 1;
            fr[12 + 5] = 1;
        }
        Score s = f.decode(frames, 100, "x");
        assertEquals(2, s.bars());
        assertEquals(60, s.part(Part.MELODY).get().notes().get(0).pitch());
        assertEquals(2, s.part(Part.CHORDS).get().notes().size());
        assertEquals(new bebop.music.TimeSignature(3, 4), FrameFormat.pianoRoll(4, 12).timeSignature());
        assertEquals(new bebop.music.TimeSignature(5, 8), FrameFormat.pianoRoll(2, 5).timeSignature());
    }
}
