package bebop.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class KeyChangeTest {
    @Test
    void keysAreReadAsMusiciansWriteThem() {
        assertEquals(new KeyChange.Key(10, false), KeyChange.parse("Bb"));
        assertEquals(new KeyChange.Key(3, true), KeyChange.parse("Ebm"));
        assertEquals(new KeyChange.Key(3, true), KeyChange.parse("Eb-"));
        assertEquals(new KeyChange.Key(0, true), KeyChange.parse("C minor"));
        assertEquals(new KeyChange.Key(6, false), KeyChange.parse("F#"));
        assertEquals("'H' is not a key (write a note and m for minor: F, Bb, F#, Ebm, C minor)",
                assertThrows(IllegalArgumentException.class, () -> KeyChange.parse("H")).getMessage());
    }

    @Test
    void theSmallestMoveAndTheNewKeysSpelling() {
        assertEquals(-2, KeyChange.shift(KeyChange.parse("F"), KeyChange.parse("Eb")));
        assertEquals(5, KeyChange.shift(KeyChange.parse("C"), KeyChange.parse("F")));
        assertEquals(6, KeyChange.shift(KeyChange.parse("C"), KeyChange.parse("F#")));
        assertEquals(-5, KeyChange.shift(KeyChange.parse("C"), KeyChange.parse("G")));
        // a jazz blues in F moved to Eb (flats) and to G (sharps); suffixes as written, slash basses moved too
        String blues = "| F13 | Bb9 | F13 | Cm7 F7b9 | Bb9 | Bo7 | F7/C | D7b9 | Gm7 | C7alt | F7 D7b9 Gm7 C7alt | Gm7 C7sus4 |";
        assertEquals("| Eb13 | Ab9 | Eb13 | Bbm7 Eb7b9 | Ab9 | Ao7 | Eb7/Bb | C7b9 | Fm7 | Bb7alt | Eb7 C7b9 Fm7 Bb7alt | Fm7 Bb7sus4 |",
                KeyChange.chart(blues, -2, true));
        assertEquals("| G13 | C9 | G13 | Dm7 G7b9 | C9 | C#o7 | G7/D | E7b9 | Am7 | D7alt | G7 E7b9 Am7 D7alt | Am7 D7sus4 |",
                KeyChange.chart(blues, 2, KeyChange.parse("G").flats()));
        assertEquals("3/4 | Dm7 / G7 | % | N.C. |", KeyChange.chart("3/4 | Cm7 / F7 | % | N.C. |", 2, true));
    }
}
