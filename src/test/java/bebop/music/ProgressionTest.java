package bebop.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressionTest {
    @Test
    void withoutBarLinesEachSymbolIsABar() {
        Progression p = Progression.parse("C7 C7 C7 C7 F7 F7 C7 C7 G7 F7 C7 G7");
        assertEquals(12, p.bars().size());
        assertEquals(96, p.steps());
        assertEquals("C7", p.chordAtStep(0).symbol());
        assertEquals("F7", p.chordAtStep(4 * 8).symbol());
        assertEquals("G7", p.chordAtStep(95).symbol());
        assertEquals("C7", p.chordAtStep(96).symbol(), "cycles into the next chorus");
        assertEquals("F7", p.chordAtStep(96 + 9 * 8 + 3).symbol());
        assertEquals("| C7 | C7 | C7 | C7 | F7 | F7 | C7 | C7 | G7 | F7 | C7 | G7 |", p.toString());
    }

    @Test
    void barLinesAllowHalfBars() {
        Progression p = Progression.parse("| C | F7 | C | Gm7 C |Dm7 G7|");
        assertEquals(5, p.bars().size());
        assertEquals("Gm7", p.chordAtStep(3 * 8).symbol());
        assertEquals("Gm7", p.chordAtStep(3 * 8 + 3).symbol());
        assertEquals("C", p.chordAtStep(3 * 8 + 4).symbol());
        assertEquals("G7", p.chordAtStep(4 * 8 + 7).symbol());
        assertEquals(List.of(50, 53, 55, 59), p.chordAtStep(39).notes());
        assertEquals("| C | F7 | C | Gm7 C | Dm7 G7 |", p.toString());
        assertEquals(2, Progression.parse("C7 | F7").bars().size(), "outer bar lines are optional");
    }

    @Test
    void aProgressionOfAnyLengthCycles() {
        Progression p = Progression.parse("Dm7 G7 Cmaj7");
        assertEquals(24, p.steps());
        assertEquals("Dm7", p.chordAtStep(24).symbol());
        assertEquals("Cmaj7", p.chordAtStep(24 * 5 + 16).symbol());
    }

    @Test
    void errorsNameTheProblem() {
        assertEquals("'H7' is not a chord symbol: at character 1, cannot read 'H': a chord starts with its root, A to G (or N.C. for no chord)",
                assertThrows(IllegalArgumentException.class, () -> Progression.parse("C7 H7 F7")).getMessage());
        assertEquals("'X' is not a chord symbol: at character 1, cannot read 'X': a chord starts with its root, A to G (or N.C. for no chord)",
                assertThrows(IllegalArgumentException.class, () -> Progression.parse("| C7 | F7 X |")).getMessage());
        assertEquals("the bar 'C F G' holds 3 chords; a bar holds 1 or 2 (two half bars)",
                assertThrows(IllegalArgumentException.class, () -> Progression.parse("| C F G | C |")).getMessage());
        for (String empty : new String[] {"", "  ", "| |", "||"}) {
            assertEquals("no chords given (e.g. C7, F13, Bbm7b5, D7b9, C7alt, F7/C)",
                    assertThrows(IllegalArgumentException.class, () -> Progression.parse(empty)).getMessage());
        }
    }
}
