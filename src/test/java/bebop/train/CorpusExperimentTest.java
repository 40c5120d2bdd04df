package bebop.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bebop.data.corpus.ChordMelodySet;
import bebop.encoding.FrameFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The paper's Experiment 2 network on melodies over chords other than the blues. */
class CorpusExperimentTest {
    static ChordMelodySet tiny() {
        int c = 0b000010010001; // C E G
        int f = 0b001000100001; // F A C
        ChordMelodySet.Piece a = new ChordMelodySet.Piece(8, new int[] {62, 64, -1, 65, 67, 67, 69, 71, 62, 64, 65, 67},
                new int[] {c, c, c, c, f, f, f, f, c, c, c, c});
        ChordMelodySet.Piece b = new ChordMelodySet.Piece(8, new int[] {67, 65, 64, 62, 64, 65, 67, 69},
                new int[] {f, f, f, f, c, c, c, c});
        ChordMelodySet.Piece v = new ChordMelodySet.Piece(8, new int[] {50, 86, 64, 65}, new int[] {c, c, f, f});
        return new ChordMelodySet("tiny", 2, List.of(a, b), List.of(v), List.of());
    }

    @Test
    void theFramesHaveTwelveChordUnitsAndTheTrainingMelodiesRange() {
        FrameFormat f = CorpusExperiment.format(tiny());
        assertEquals(62, f.melodyLow());
        assertEquals(10, f.melodyUnits()); // D4..B4
        assertEquals(8, f.stepsPerBar());
        double[][] frames = CorpusExperiment.frames(tiny().train().get(0), f);
        assertEquals(22, frames[0].length);
        assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0}, frames[0]);
        assertEquals(0.0, java.util.Arrays.stream(frames[2], 12, 22).sum()); // a rest
        // outside the range: moved by octaves (D3, D6 -> D4), clamped when no octave fits (C5 -> B4)
        assertEquals(0, CorpusExperiment.melodyUnit(50, f));
        assertEquals(0, CorpusExperiment.melodyUnit(86, f));
        assertEquals(9, CorpusExperiment.melodyUnit(72, f));
        assertEquals(-1, CorpusExperiment.melodyUnit(-1, f));
    }

    @Test
    void trainingIsSeededAndScoresTheValidPieces() {
        Experiment2Settings s = Experiment2Settings.defaults(4).withMaxEpochs(3).withChorusesPerEpoch(1);
        CorpusExperiment.Result a = CorpusExperiment.train(s, tiny(), TrainingListener.NONE);
        CorpusExperiment.Result b = CorpusExperiment.train(s, tiny(), TrainingListener.NONE);
        assertEquals(3, a.epochs());
        assertEquals(3 * 96, a.steps());
        assertEquals(22, a.network().inputs());
        assertEquals(a.network().parameters().keySet(), b.network().parameters().keySet());
        for (String k : a.network().parameters().keySet()) {
            assertArrayEquals(a.network().parameters().get(k), b.network().parameters().get(k), k);
        }
        assertTrue(Double.isFinite(a.validNll()) && a.validNll() > 0, "valid nll " + a.validNll());
        assertEquals(a.validNll(), b.validNll());
    }
}
