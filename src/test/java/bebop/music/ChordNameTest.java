package bebop.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChordNameTest {
    @Test
    void theTableHasAtLeast150SpellingsAndEveryKindThatNamesAChord() {
        List<ChordTable.Row> rows = ChordTable.rows();
        assertTrue(rows.size() >= 150, rows.size() + " rows");
        Set<ChordKind> kinds = new HashSet<>();
        Set<String> symbols = new HashSet<>();
        for (ChordTable.Row r : rows) {
            assertTrue(symbols.add(r.symbol()), "twice in the table: " + r.symbol());
            kinds.add(ChordName.parse(r.symbol()).kind());
        }
        for (ChordKind k : ChordKind.values()) {
            if (k != ChordKind.OTHER) {
                assertTrue(kinds.contains(k), "no spelling of " + k);
            }
        }
    }

    @Test
    void everySpellingParsesToItsPitchClassesAndKeepsItsText() {
        for (ChordTable.Row r : ChordTable.rows()) {
            ChordName c = ChordName.parse(r.symbol());
            assertEquals(r.pitchClasses(), Voicing.FULL.pitchClasses(c), r.symbol());
            assertEquals(r.pitchClasses(), c.pitchClasses(), r.symbol());
            String typed = r.symbol().replace('\u266F', '#').replace('\u266D', 'b');
            assertEquals(typed, c.symbol(), "the symbol as typed");
        }
    }

    @Test
    void theCanonicalSymbolReadsBackAsTheSameChord() {
        for (ChordTable.Row r : ChordTable.rows()) {
            ChordName c = ChordName.parse(r.symbol());
            ChordName back = ChordName.parse(c.canonical().symbol());
            assertTrue(back.sameChord(c), r.symbol() + " -> " + c.canonical().symbol() + " -> " + back.canonical().symbol());
            assertEquals(c.pitchClasses(), back.pitchClasses(), r.symbol());
        }
    }

    @Test
    void kindsAndDegreesAreMusicXmls() {
        ChordName f13 = ChordName.parse("F13");
        assertEquals(ChordKind.DOMINANT_13TH, f13.kind());
        assertEquals(List.of(), f13.degrees());
        ChordName d7b9 = ChordName.parse("D7b9");
        assertEquals(ChordKind.DOMINANT, d7b9.kind());
        assertEquals(List.of(ChordDegree.add(9, -1)), d7b9.degrees());
        assertEquals(List.of(ChordDegree.alter(9, -1)), ChordName.parse("C13b9").degrees());
        assertEquals(List.of(ChordDegree.alter(11, 1)), ChordName.parse("C13#11").degrees());
        ChordName sus = ChordName.parse("G7sus4");
        assertEquals(ChordKind.SUSPENDED_FOURTH, sus.kind());
        assertEquals(List.of(ChordDegree.add(7, 0)), sus.degrees(), "an added 7 counts from the dominant: b7");
        assertEquals(List.of(ChordDegree.add(7, 1)), ChordName.parse("Cmaj7sus4").degrees());
        assertEquals(List.of(ChordDegree.alter(5, -1), ChordDegree.add(9, -1), ChordDegree.add(9, 1),
                ChordDegree.add(13, -1)), ChordName.parse("C7alt").degrees());
        assertEquals(ChordKind.HALF_DIMINISHED, ChordName.parse("Bbm7b5").kind());
        assertEquals(ChordKind.DIMINISHED_SEVENTH, ChordName.parse("Eo7").kind());
        ChordName slash = ChordName.parse("F7/C");
        assertEquals(new NoteName('C', 0), slash.bass());
        assertEquals("7", slash.text());
        assertEquals("7alt", ChordName.parse("C7alt").text());
        assertEquals("C7b5b9#9b13", ChordName.parse("C7alt").canonical().symbol());
        assertEquals("C(#5)", ChordName.parse("C+5").canonical().symbol());
        assertEquals("C9sus4", ChordName.parse("C9sus").canonical().symbol());
        assertEquals("Cm6/9", ChordName.parse("Cm69").canonical().symbol());
        assertEquals("Cm7", ChordName.parse("C-7").canonical().symbol());
        assertTrue(ChordName.parse("N.C.").isNoChord());
    }

    @Test
    void aSpellingThatCannotBeReadIsNamedWithTheCharacter() {
        for (Object[] bad : ChordTable.BAD) {
            String s = (String) bad[0];
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChordName.parse(s), s);
            assertTrue(e.getMessage().startsWith("'" + s + "' is not a chord symbol: at character " + bad[1] + ", "),
                    e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
        }
        assertEquals("'C7#' is not a chord symbol: at character 3, '#' needs a degree after it (b5, #5, b9, #9, #11, b13)",
                assertThrows(IllegalArgumentException.class, () -> ChordName.parse("C7#")).getMessage());
        assertEquals("'Cmaj77' is not a chord symbol: at character 6, cannot read '7'",
                assertThrows(IllegalArgumentException.class, () -> ChordName.parse("Cmaj77")).getMessage());
        assertEquals("'H7' is not a chord symbol: at character 1, cannot read 'H': a chord starts with its root, A to G "
                + "(or N.C. for no chord)", assertThrows(IllegalArgumentException.class, () -> ChordName.parse("H7")).getMessage());
        for (String empty : new String[] {"", "  ", null}) {
            assertEquals("an empty chord symbol is not a chord (write one such as C7, F13 or N.C.)",
                    assertThrows(IllegalArgumentException.class, () -> ChordName.parse(empty)).getMessage());
        }
    }

    @Test
    void theCoreVoicingIsRootThirdFifthSeventhWithItsRules() {
        assertEquals(List.of(48, 51, 53, 57), Voicing.CORE.notes(ChordName.parse("F13")), "F A C Eb");
        assertEquals(List.of(48, 50, 53, 55), Voicing.CORE.notes(ChordName.parse("G7sus4")), "G C D F");
        assertEquals(List.of(48, 52, 54, 58), Voicing.CORE.notes(ChordName.parse("C7alt")), "C E Gb Bb");
        assertEquals(List.of(48, 52, 55, 57), Voicing.CORE.notes(ChordName.parse("C6/9")), "the sixth for the seventh");
        assertEquals(List.of(48, 50, 53, 58), Voicing.CORE.notes(ChordName.parse("Bb/C")), "Bb D F and the bass C");
        assertEquals(List.of(48, 51, 53, 57), Voicing.CORE.notes(ChordName.parse("F7/C")));
        assertEquals(List.of(48, 52, 58), Voicing.CORE.notes(ChordName.parse("C7no5")));
        assertEquals(List.of(48, 55), Voicing.CORE.notes(ChordName.parse("C5")));
        assertEquals(List.of(), Voicing.CORE.notes(ChordName.parse("N.C.")));
        assertEquals(List.of(48, 50, 51, 53, 55, 57, 58), Voicing.FULL.notes(ChordName.parse("F13")));
        assertEquals(List.of(48, 50, 54, 57), Voicing.CORE.notes(ChordName.parse("D7")));
    }
}
