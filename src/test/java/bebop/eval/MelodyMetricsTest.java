package bebop.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bebop.compose.ComposerTestModels;
import bebop.data.BluesDataset;
import bebop.music.BluesForm;
import bebop.nn.SequenceModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MelodyMetricsTest {
    private final BluesDataset data = BluesDataset.generate(BluesForm.paper());
    private final double[][] form = BluesDataset.chordFrames(BluesForm.paper());

    private double[][] choruses(int... indices) {
        List<double[]> out = new ArrayList<>();
        for (int i : indices) {
            out.addAll(List.of(data.frames(data.choruses().get(i))));
        }
        return out.toArray(new double[0][]);
    }

    @Test
    void theTrainingPitchesAreTheBluesScaleAndTheDOfBar12() {
        assertEquals(Set.of(60, 62, 63, 65, 66, 67, 70, 72), MelodyMetrics.trainingPitches());
    }

    @Test
    void aTrainingChorusHasRightChordsNoNovelBarAndOnlyScaleNotes() {
        double[][] piece = choruses(5, 4000, 5);
        assertEquals(1.0, MelodyMetrics.chordAccuracy(piece, form, 8));
        assertEquals(1.0, MelodyMetrics.inScale(piece, 0, MelodyMetrics.trainingPitches()));
        assertEquals(0.0, MelodyMetrics.novelBars(piece, 0));
        assertEquals(2.0 / 3.0, MelodyMetrics.uniqueChoruses(piece), 1e-12);
    }

    @Test
    void changedFramesCountAsTheyShould() {
        double[][] piece = choruses(0, 1);
        // one wrong chord frame in 192 - 8 generated steps
        piece[50][0] = 1 - piece[50][0];
        assertEquals(183.0 / 184.0, MelodyMetrics.chordAccuracy(piece, form, 8), 1e-12);
        // bar 3 (steps 16..23): an E (64) on one eighth: that bar is novel, that step out of scale
        for (int u = 12; u < 25; u++) {
            piece[17][u] = 0;
        }
        piece[17][12 + 4] = 1;
        assertEquals(1.0 / 24.0, MelodyMetrics.novelBars(piece, 0), 1e-12);
        assertEquals(1.0 / 23.0, MelodyMetrics.novelBars(piece, 8), 1e-12, "bar 1 is the primer");
        assertEquals(191.0 / 192.0, MelodyMetrics.inScale(piece, 0, MelodyMetrics.trainingPitches()), 1e-12);
        assertEquals(1.0, MelodyMetrics.uniqueChoruses(piece));
    }

    @Test
    void pitchClassKlIsZeroForIdenticalHistogramsAndFiniteForUnseenClasses() {
        long[] h = MelodyMetrics.pitchClassCounts(choruses(3, 9), 0);
        assertEquals(192, java.util.Arrays.stream(h).sum());
        assertEquals(0.0, MelodyMetrics.klDivergence(h, h.clone(), 1.0));
        long[] e = new long[12];
        e[4] = 100;
        double kl = MelodyMetrics.klDivergence(e, h, 1.0);
        assertTrue(Double.isFinite(kl) && kl > 1, "all on a pitch class the training never plays: " + kl);
        // hand computed: P = (2,1)/3 smoothed by 1 -> (3,2)/5; Q = (1,2)/3 -> (2,3)/5
        double want = 0.6 * Math.log(0.6 / 0.4) + 0.4 * Math.log(0.4 / 0.6);
        assertEquals(want, MelodyMetrics.klDivergence(new long[] {2, 1}, new long[] {1, 2}, 1.0), 1e-12);
    }

    @Test
    void crossEntropyOfAModelThatKnowsTheNextFrameIsNearZeroAndOfAConstantOneHalfIs25Ln2() {
        double[][] stream = choruses(1, 2);
        SequenceModel oracle = ComposerTestModels.oracle(stream);
        assertEquals(0.0, MelodyMetrics.crossEntropy(oracle, stream), 1e-9);
        SequenceModel half = ComposerTestModels.constant(25, 0.5);
        assertEquals(25 * Math.log(2), MelodyMetrics.crossEntropy(half, stream), 1e-9);
    }
}
