package bebop.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PitchTest {
    @Test
    void namesAndNumbersRoundTripOverTheWholeMidiRange() {
        for (int m = 0; m <= 127; m++) {
            assertEquals(m, Pitch.parse(Pitch.name(m)), "MIDI " + m);
        }
    }

    @Test
    void middleCIsC4AndSharpsAndFlatsAgree() {
        assertEquals(60, Pitch.parse("C4"));
        assertEquals("Eb4", Pitch.name(63));
        assertEquals(Pitch.parse("F#3"), Pitch.parse("Gb3"));
        assertEquals(21, Pitch.parse("A0"));
        assertEquals(0, Pitch.parse("C-1"));
        assertEquals(6, Pitch.parseClass("F#"));
        assertEquals(10, Pitch.parseClass("Bb"));
    }

    @Test
    void badNamesAreRejectedWithTheName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Pitch.parse("H4"));
        assertEquals("'H4' is not a pitch name", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Pitch.parse("C"));
        assertThrows(IllegalArgumentException.class, () -> Pitch.parse("G#9"));
    }
}
