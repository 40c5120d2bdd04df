package bebop.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BluesFormTest {
    /** The chord notes of the paper's Figure 2, bar by bar (PAPER_FACTS.md section 2), as printed. */
    private static final int[][][] PRINTED = {
        {{48, 52, 55}}, {{48, 51, 53, 57}}, {{48, 52, 55}}, {{50, 53, 55, 58}, {48, 52, 55}},
        {{48, 51, 53, 57}}, {{48, 50, 54, 57}}, {{48, 52, 55}}, {{52, 55, 59}, {49, 52, 55, 57}},
        {{48, 50, 53, 57}}, {{50, 53, 55, 59}}, {{48, 52, 55}, {49, 52, 55, 57}}, {{50, 53, 57}, {50, 53, 55, 59}},
    };

    @Test
    void paperFormHasThePrintedNotesInEveryHalfBar() {
        BluesForm form = BluesForm.paper();
        for (int bar = 1; bar <= 12; bar++) {
            int[][] printed = PRINTED[bar - 1];
            int[] first = printed[0];
            int[] second = printed[printed.length - 1];
            assertEquals(toList(first), form.bar(bar).firstHalf().notes(), "bar " + bar);
            assertEquals(toList(second), form.bar(bar).secondHalf().notes(), "bar " + bar);
            assertEquals(printed.length == 2, form.bar(bar).isSplit(), "bar " + bar);
        }
    }

    @Test
    void correctedFormDiffersOnlyInBarSixWhichBecomesADiminishedSeventh() {
        BluesForm paper = BluesForm.paper();
        BluesForm corrected = BluesForm.of(BluesForm.Variant.CORRECTED);
        for (int bar = 1; bar <= 12; bar++) {
            if (bar != 6) {
                assertEquals(paper.bar(bar), corrected.bar(bar));
            }
        }
        assertEquals(List.of(48, 51, 54, 57), corrected.bar(6).firstHalf().notes());
        assertEquals("F#dim7", corrected.bar(6).firstHalf().symbol());
        assertEquals("Fdim", paper.bar(6).firstHalf().symbol());
    }

    @Test
    void chordAtStepFollowsTheEighthNoteGridAndWraps() {
        BluesForm form = BluesForm.paper();
        assertEquals("Gm7", form.chordAtStep(3 * 8 + 3).symbol());
        assertEquals("C", form.chordAtStep(3 * 8 + 4).symbol());
        assertEquals("G7", form.chordAtStep(95).symbol());
        assertEquals("C", form.chordAtStep(96).symbol());
        assertEquals("| C | F7 | C | Gm7 C | F7 | Fdim | C | Em A7 | Dm7 | G7 | C A7 | Dm G7 |", form.toString());
    }

    @Test
    void variantParsesTheFlagValues() {
        assertEquals(BluesForm.Variant.CORRECTED, BluesForm.Variant.parse("corrected"));
        assertEquals(BluesForm.Variant.PAPER, BluesForm.Variant.parse("PAPER"));
    }

    @Test
    void chordNamerKnowsThePaperVoicingsAndNamesOthersByPitchClass() {
        assertEquals("Fdim", ChordNamer.name(List.of(48, 50, 54, 57)));
        assertEquals("A7", ChordNamer.name(List.of(57, 49, 52, 55)));
        assertEquals("Bbmaj7", ChordNamer.name(List.of(58, 62, 65, 69)));
        assertEquals("Am", ChordNamer.name(List.of(57, 60, 64)));
        assertEquals("?", ChordNamer.name(List.of(48, 49, 50)));
        assertEquals("N.C.", ChordNamer.name(List.of()));
    }

    @Test
    void bluesScaleIsTheFigureThreeScale() {
        assertEquals(List.of(60, 63, 65, 66, 67, 70, 72), Scale.C_BLUES.notesBetween(60, 72));
        assertTrue(Scale.blues(5).contains(Pitch.parse("Ab4")));
        assertFalse(Scale.C_BLUES.contains(62));
    }

    private static List<Integer> toList(int[] a) {
        return java.util.Arrays.stream(a).boxed().toList();
    }
}
