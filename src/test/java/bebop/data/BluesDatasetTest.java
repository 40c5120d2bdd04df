package bebop.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bebop.encoding.LocalEncoding;
import bebop.music.BluesForm;
import bebop.music.Score;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BluesDatasetTest {
    private static final BluesDataset DATA = BluesDataset.generate(BluesForm.paper());

    /** The six choruses of the technical report's sample (PAPER_FACTS.md section 3). */
    private static final int[][] TR_SAMPLE = {
        {67, 70, 65, 60, 67, 70, 65, 60, 60, 70, 67, 63, 60, 70, 67, 70, 65, 66, 67, 70, 65, 66, 67, 70, 67, 70, 65, 60, 60, 70, 67, 63, 67, 60, 63, 66, 65, 60, 65, 63, 60, 63, 70, 66, 62, 62, 67, 67},
        {67, 70, 65, 60, 60, 70, 67, 63, 60, 70, 67, 63, 60, 70, 67, 70, 65, 72, 70, 63, 65, 72, 70, 63, 60, 70, 67, 63, 60, 70, 67, 63, 67, 60, 63, 66, 65, 70, 65, 63, 60, 63, 70, 66, 62, 62, 67, 67},
        {60, 70, 67, 63, 67, 70, 65, 60, 67, 70, 65, 60, 67, 70, 70, 63, 65, 72, 70, 63, 65, 72, 70, 63, 60, 70, 67, 63, 67, 70, 65, 60, 67, 60, 63, 66, 65, 70, 65, 63, 60, 63, 70, 66, 62, 62, 67, 67},
        {67, 70, 65, 60, 67, 70, 65, 60, 67, 70, 65, 60, 60, 70, 67, 70, 65, 66, 67, 70, 65, 72, 70, 63, 60, 70, 67, 63, 60, 70, 65, 60, 67, 72, 67, 66, 65, 60, 65, 63, 60, 63, 70, 66, 62, 62, 67, 67},
        {67, 70, 65, 60, 67, 70, 65, 60, 67, 70, 65, 60, 60, 70, 70, 63, 65, 72, 70, 63, 65, 72, 70, 63, 67, 70, 65, 60, 60, 70, 65, 60, 67, 72, 67, 66, 65, 60, 65, 63, 60, 63, 70, 66, 62, 62, 67, 67},
        {60, 70, 67, 63, 67, 70, 65, 60, 60, 70, 67, 63, 60, 70, 70, 63, 65, 66, 67, 70, 65, 72, 70, 63, 67, 70, 65, 60, 67, 70, 67, 63, 67, 72, 67, 66, 65, 60, 65, 63, 60, 63, 70, 66, 62, 62, 67, 67},
    };

    @Test
    void thereAre4096DistinctChoruses() {
        assertEquals(4096, DATA.choruses().size());
        Set<List<Integer>> melodies = new HashSet<>();
        for (BluesDataset.Chorus c : DATA.choruses()) {
            assertEquals(48, c.melody().size());
            melodies.add(c.melody());
        }
        assertEquals(4096, melodies.size());
    }

    @Test
    void everyChorusOfTheTechnicalReportSampleIsInTheDataSet() {
        Set<List<Integer>> melodies = new HashSet<>();
        DATA.choruses().forEach(c -> melodies.add(c.melody()));
        for (int[] sample : TR_SAMPLE) {
            assertTrue(melodies.contains(java.util.Arrays.stream(sample).boxed().toList()));
        }
    }

    @Test
    void everyBarIsOneOfThePapersSegmentsAndUsesTheTrainingPitches() {
        Set<Integer> pitches = Set.of(60, 62, 63, 65, 66, 67, 70, 72);
        for (BluesDataset.Chorus c : DATA.choruses()) {
            for (int bar = 1; bar <= 12; bar++) {
                List<Integer> notes = c.melody().subList((bar - 1) * 4, bar * 4);
                assertTrue(BluesMelodies.barAlternatives(bar).contains(notes), "chorus " + c.index() + " bar " + bar);
                assertTrue(pitches.containsAll(notes));
            }
        }
    }

    @Test
    void framesHaveTheFormsChordsAndExactlyOneMelodyUnitPerStep() {
        double[][] f = DATA.frames(DATA.choruses().get(1234));
        assertEquals(96, f.length);
        for (int t = 0; t < 96; t++) {
            int melodyOn = 0;
            for (int u = 12; u < 25; u++) {
                melodyOn += (int) f[t][u];
            }
            assertEquals(1, melodyOn);
            assertArrayEquals(BluesDataset.chordFrames(BluesForm.paper())[t], java.util.Arrays.copyOf(f[t], 12));
        }
    }

    @Test
    void decodeThenEncodeAndEncodeThenDecodeAreIdentitiesOverTheWholeDataSet() {
        for (BluesDataset.Chorus c : DATA.choruses()) {
            double[][] frames = DATA.frames(c);
            Score score = LocalEncoding.decode(frames, 120, "chorus");
            assertTrue(java.util.Arrays.deepEquals(frames, LocalEncoding.encode(score)), "chorus " + c.index());
            assertEquals(score, LocalEncoding.decode(LocalEncoding.encode(score), 120, "chorus"));
        }
    }

    @Test
    void fingerprintChangesWithOneUnit() {
        double[][] a = BluesDataset.chordFrames(BluesForm.paper());
        double[][] b = BluesDataset.chordFrames(BluesForm.of(BluesForm.Variant.CORRECTED));
        assertEquals(64, BluesDataset.fingerprint(a).length());
        assertEquals(BluesDataset.fingerprint(a), BluesDataset.fingerprint(BluesDataset.chordFrames(BluesForm.paper())));
        assertTrue(!BluesDataset.fingerprint(a).equals(BluesDataset.fingerprint(b)));
    }
}
