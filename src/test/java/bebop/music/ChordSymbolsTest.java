package bebop.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChordSymbolsTest {
    private static List<Integer> notes(String symbol) {
        return ChordSymbols.parse(symbol).notes();
    }

    @Test
    void everyQualityOnCIsItsPitchClassesInTheChordRange() {
        assertEquals(List.of(48, 52, 55), notes("C"));
        assertEquals(List.of(48, 51, 55), notes("Cm"));
        assertEquals(List.of(48, 52, 55, 58), notes("C7"));
        assertEquals(List.of(48, 51, 55, 58), notes("Cm7"));
        assertEquals(List.of(48, 52, 55, 59), notes("Cmaj7"));
        assertEquals(List.of(48, 51, 54), notes("Cdim"));
        assertEquals(List.of(48, 51, 54, 57), notes("Cdim7"));
        assertEquals(List.of(48, 51, 54, 58), notes("Cm7b5"));
        assertEquals(List.of(48, 52, 56), notes("Caug"));
        assertEquals(List.of(48, 52, 55, 57), notes("C6"));
        assertEquals(List.of(48, 51, 55, 57), notes("Cm6"));
        assertEquals(List.of(48, 53, 55), notes("Csus4"));
        assertEquals(List.of(48, 50, 55), notes("Csus2"));
        assertEquals("Cm7b5", ChordSymbols.parse(" Cm7b5 ").symbol());
    }

    @Test
    void thePapersChordsComeOutAsThePaperVoicesThem() {
        for (BluesForm.Variant v : BluesForm.Variant.values()) {
            for (BluesForm.Bar bar : BluesForm.of(v).bars()) {
                for (Chord c : List.of(bar.firstHalf(), bar.secondHalf())) {
                    if (!c.symbol().equals("Fdim")) { // the paper prints Fdim with the notes C D F# A
                        assertEquals(c.notes(), notes(c.symbol()), c.symbol());
                    }
                }
            }
        }
        assertEquals(List.of(48, 51, 53, 57), notes("F7"));
        assertEquals(List.of(50, 53, 55, 59), notes("G7"));
    }

    @Test
    void sharpsAndFlatsNameTheSameChords() {
        assertEquals(List.of(49, 53, 56, 59), notes("C#7"));
        assertEquals(notes("C#7"), notes("Db7"));
        assertEquals(List.of(50, 53, 57, 58), notes("Bbmaj7")); // Bb D F A
        assertEquals(notes("A#maj7"), notes("Bbmaj7"));
        assertEquals(List.of(48, 51, 54, 57), notes("F#dim7"));
        assertEquals(List.of(48, 52, 57), notes("Am"));
        assertEquals(List.of(51, 54, 59), notes("Cb"));
        assertEquals(List.of(48, 52, 55), notes("B#"));
    }

    @Test
    void aBadSymbolIsNamedWithTheCharacterThatCannotBeRead() {
        // C9 and Cmaj were refused before the full vocabulary; they are a ninth chord and the major triad now.
        assertEquals(List.of(48, 52, 55, 58), notes("C9"), "the core voicing: root, third, fifth, seventh");
        assertEquals(List.of(48, 50, 52, 55, 58), ChordSymbols.parse("C9", Voicing.FULL).notes());
        assertEquals(List.of(48, 52, 55), notes("Cmaj"));
        for (String bad : new String[] {"H7", "c7", "C#b", "7", "Cx"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChordSymbols.parse(bad));
            assertTrue(e.getMessage().startsWith("'" + bad + "' is not a chord symbol: at character "), e.getMessage());
        }
        assertEquals(List.of(), notes("N.C."), "no chord sounds nothing");
    }
}
