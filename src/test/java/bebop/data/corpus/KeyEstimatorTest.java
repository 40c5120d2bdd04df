package bebop.data.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class KeyEstimatorTest {
    private static double[] histogram(int... weightsByPitchClass) {
        double[] h = new double[12];
        for (int i = 0; i < 12; i++) {
            h[i] = weightsByPitchClass[i];
        }
        return h;
    }

    /** A scale with the tonic and fifth stressed, rotated to {@code tonic}. */
    private static double[] scale(int tonic, int[] steps) {
        double[] h = new double[12];
        for (int s : steps) {
            h[(tonic + s) % 12] += 2;
        }
        h[tonic] += 4;
        h[(tonic + 7) % 12] += 2;
        return h;
    }

    private static final int[] MAJOR = {0, 2, 4, 5, 7, 9, 11};
    private static final int[] HARMONIC_MINOR = {0, 2, 3, 5, 7, 8, 11};

    @Test
    void findsMajorAndMinorKeysInEveryTonic() {
        for (int tonic = 0; tonic < 12; tonic++) {
            Key major = KeyEstimator.estimate(scale(tonic, MAJOR));
            assertEquals(new Key(tonic, false, 0).name(), major.name());
            Key minor = KeyEstimator.estimate(scale(tonic, HARMONIC_MINOR));
            assertEquals(new Key(tonic, true, 0).name(), minor.name());
        }
    }

    @Test
    void theShiftToCIsTheSmallestInterval() {
        assertEquals(5, new Key(7, false, 0).shiftToC());   // G major up a fourth
        assertEquals(-2, new Key(2, false, 0).shiftToC());  // D major down a tone
        assertEquals(-6, new Key(6, false, 0).shiftToC());  // F# major: a tritone, down
        assertEquals(0, new Key(9, true, 0).shiftToC());    // A minor stays
        assertEquals(-2, new Key(11, true, 0).shiftToC());  // B minor to A minor
        assertEquals(5, new Key(4, true, 0).shiftToC());    // E minor up a fourth
        assertEquals("C major", new Key(7, false, 0).transposed(5).name());
        assertEquals("Eb minor", new Key(3, true, 0).name());
    }

    @Test
    void silenceIsCMajor() {
        assertEquals("C major", KeyEstimator.estimate(new double[12]).name());
        assertEquals("C major", KeyEstimator.estimate(histogram(5, 0, 2, 0, 3, 2, 0, 4, 0, 2, 0, 1)).name());
    }
}
