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
        assertEquals("the bar 'C F G A B' holds 5 chords; a 4/4 bar holds 1 to 4 (one a beat at most)",
                assertThrows(IllegalArgumentException.class, () -> Progression.parse("| C F G A B | C |")).getMessage());
        assertEquals("the bar 'C F G A' holds 4 chords; a 3/4 bar holds 1 to 3 (one a beat at most)",
                assertThrows(IllegalArgumentException.class, () -> Progression.parse("3/4 | C F G A | C |")).getMessage());
        assertEquals("'%' repeats the bar before, and the first bar has none",
                assertThrows(IllegalArgumentException.class, () -> Progression.parse("| % | C |")).getMessage());
        assertEquals("'/' repeats the chord before, and the first bar starts with it",
                assertThrows(IllegalArgumentException.class, () -> Progression.parse("| / C | C |")).getMessage());
        assertEquals("the bar 'C %': '%' repeats a whole bar and stands alone between bar lines; '/' repeats the chord"
                + " before for a beat", assertThrows(IllegalArgumentException.class, () -> Progression.parse("| C % |")).getMessage());
        assertEquals("the meter '6/8': bebop's grid counts quarter-note beats of two eighth-note steps, so a bar is 1/4 "
                + "to 12/4 (4/4, 3/4, ...)", assertThrows(IllegalArgumentException.class, () -> Progression.parse("6/8 | C |")).getMessage());
        assertEquals("'C7#' is not a chord symbol: at character 3, '#' needs a degree after it (b5, #5, b9, #9, #11, b13)",
                assertThrows(IllegalArgumentException.class, () -> Progression.parse("| F7 | C7# |")).getMessage());
        for (String empty : new String[] {"", "  ", "| |", "||"}) {
            assertEquals("no chords given (e.g. C7, F13, Bbm7b5, D7b9, C7alt, F7/C)",
                    assertThrows(IllegalArgumentException.class, () -> Progression.parse(empty)).getMessage());
        }
    }

    private static List<String> stepSymbols(Progression p) {
        List<String> out = new java.util.ArrayList<>();
        for (int t = 0; t < p.steps(); t++) {
            out.add(p.chordAtStep(t).symbol());
        }
        return out;
    }

    @Test
    void aBarOfOneToFourChordsSharesItsBeats() {
        Progression p = Progression.parse("| C7 | Dm7 G7 | C A7 Dm7 | Eb7 Eb7 Eb7 Eo7 |");
        assertEquals(32, p.steps());
        assertEquals(List.of("C7", "C7", "C7", "C7", "C7", "C7", "C7", "C7",
                "Dm7", "Dm7", "Dm7", "Dm7", "G7", "G7", "G7", "G7",
                "C", "C", "C", "C", "A7", "A7", "Dm7", "Dm7",
                "Eb7", "Eb7", "Eb7", "Eb7", "Eb7", "Eb7", "Eo7", "Eo7"), stepSymbols(p), "3 chords: 2 + 1 + 1 beats");
        assertEquals(List.of(4, 2, 2), p.bars().get(2).changes().stream().map(c -> 2 * c.beats()).toList());
        assertEquals(List.of(49, 52, 55, 58), p.chordAtStep(31).notes(), "Eo7 = E G Bb Db");
    }

    @Test
    void slashesRepeatTheChordForABeatAndPercentTheBar() {
        Progression p = Progression.parse("| C / / F | % | Dm7 / G7 / | / Bb |");
        assertEquals(List.of("C", "C", "C", "C", "C", "C", "F", "F"), stepSymbols(p).subList(0, 8));
        assertEquals(stepSymbols(p).subList(0, 8), stepSymbols(p).subList(8, 16), "% repeats the bar");
        assertEquals(List.of("Dm7", "Dm7", "Dm7", "Dm7", "G7", "G7", "G7", "G7"), stepSymbols(p).subList(16, 24));
        assertEquals(List.of("G7", "G7", "G7", "G7", "Bb", "Bb", "Bb", "Bb"), stepSymbols(p).subList(24, 32),
                "a slash first in a bar: the chord before holds on");
        assertEquals(List.of(3, 1), p.bars().get(0).changes().stream().map(Progression.Change::beats).toList());
        assertEquals("| C / / F | C / / F | Dm7 / G7 / | / Bb |", p.toString());
        Progression noBars = Progression.parse("C7 / F7 %");
        assertEquals(List.of("C7", "C7", "F7", "F7"), List.of(noBars.chordAtStep(0).symbol(), noBars.chordAtStep(8).symbol(),
                noBars.chordAtStep(16).symbol(), noBars.chordAtStep(24).symbol()));
    }

    @Test
    void threeFourBarsAreSixSteps() {
        Progression p = Progression.parse("3/4 | Cmaj7 | Dm7 G7 | C A7 Dm7 |");
        assertEquals(new TimeSignature(3, 4), p.meter());
        assertEquals(6, p.stepsPerBar());
        assertEquals(18, p.steps());
        assertEquals(List.of("Cmaj7", "Cmaj7", "Cmaj7", "Cmaj7", "Cmaj7", "Cmaj7",
                "Dm7", "Dm7", "Dm7", "Dm7", "G7", "G7", "C", "C", "A7", "A7", "Dm7", "Dm7"), stepSymbols(p),
                "2 chords in 3/4: 2 + 1 beats");
        assertEquals("3/4 | Cmaj7 | Dm7 G7 | C A7 Dm7 |", p.toString());
        assertEquals(6, Progression.parse("| 3/4 C | F |").stepsPerBar(), "the meter may follow the first bar line");
    }

    @Test
    void extendedChordsKeepTheirSymbolsAndAreVoicedAsAsked() {
        Progression core = Progression.parse("| F13 | Bb9 | F7/C | D7b9 | C7alt | N.C. |");
        assertEquals("F13", core.chordAtStep(0).symbol());
        assertEquals(List.of(48, 51, 53, 57), core.chordAtStep(0).notes());
        assertEquals(List.of(), core.chordAtStep(40).notes(), "N.C. sounds nothing");
        Progression full = Progression.parse("| F13 |", Voicing.FULL);
        assertEquals(List.of(48, 50, 51, 53, 55, 57, 58), full.chordAtStep(0).notes());
        List<ChordSymbol> symbols = Progression.parse("| F7 | Dm7 G7 |").chordSymbols(24, 8, 240);
        assertEquals(List.of(new ChordSymbol(0, "F7"), new ChordSymbol(1920, "Dm7"), new ChordSymbol(2880, "G7"),
                new ChordSymbol(3840, "F7")), symbols, "each change and each bar start, cycling");
    }
}
