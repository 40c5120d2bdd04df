package bebop.io.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bebop.UserError;
import bebop.music.ChordSymbol;
import bebop.music.Note;
import bebop.music.Part;
import bebop.music.Score;
import bebop.music.TimeSignature;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NotationTest {
    /** A source note on bebop's 480-tick grid, in sixteenths. */
    private static Note sixteenths(Note n) {
        assertEquals(0, n.start() % Fixtures.S16);
        assertEquals(0, n.duration() % Fixtures.S16);
        return new Note(n.pitch(), n.start() / Fixtures.S16, n.duration() / Fixtures.S16);
    }

    private static List<String> names(List<Note> notes) {
        return notes.stream().map(n -> n.pitch() + "@" + n.start() + "+" + n.duration()).toList();
    }

    private static String bar(Notation.Staff staff, int bar) {
        return staff.measures().get(bar).stream().map(e -> (e.tieStop() ? "~" : "")
                + (e.measureRest() ? "R" : (e.isRest() ? "r" : e.pitches().toString()) + e.value().lilyPond())
                + (e.tieStart() ? "~" : "")).collect(Collectors.joining(" "));
    }

    @Test
    void bluesChorusesAreWrittenAsTheySound() {
        Score s = Fixtures.blues("two", 0, 4095);
        Notation n = Notation.of(LeadSheet.of(s), true);
        assertEquals(24, n.bars());
        assertEquals(2, n.staves().size());
        for (int i = 0; i < 2; i++) {
            Part source = s.part(i == 0 ? Part.MELODY : Part.CHORDS).orElseThrow();
            assertEquals(names(source.notes().stream().map(NotationTest::sixteenths).toList()),
                    names(n.staves().get(i).writtenNotes()));
            for (List<Notation.Event> bar : n.staves().get(i).measures()) {
                assertEquals(16, bar.stream().mapToInt(Notation.Event::units).sum());
            }
        }
        assertEquals(Notation.Clef.TREBLE, n.staves().get(0).clef());
        assertEquals(Notation.Clef.BASS, n.staves().get(1).clef());
        assertEquals(s.chordSymbols().size(), n.harmonies().size());
        assertEquals("Gm7", n.harmoniesIn(3).get(0).chord().symbol());
        assertEquals(8, n.harmoniesIn(3).get(1).position() - 3 * 16);
    }

    @Test
    void aPianoRollIsWrittenOnTwoStavesWithEveryNoteAsLongAsItSounds() {
        Score s = Fixtures.piano();
        Notation n = Notation.piano(s);
        assertEquals(3, n.bars());
        assertEquals(List.of("Right hand", "Left hand"), n.staves().stream().map(Notation.Staff::name).toList());
        assertEquals(Notation.Clef.TREBLE, n.staves().get(0).clef());
        assertEquals(Notation.Clef.BASS, n.staves().get(1).clef());
        assertTrue(n.harmonies().isEmpty());
        Part piano = s.parts().get(0);
        for (int i = 0; i < 2; i++) {
            boolean upper = i == 0;
            List<Note> source = piano.notes().stream().filter(x -> (x.pitch() >= Notation.SPLIT_KEY) == upper)
                    .map(NotationTest::sixteenths).toList();
            assertEquals(names(source), names(n.staves().get(i).writtenNotes()));
            assertEquals(names(source), names(joined(n.staves().get(i))), "the written events, ties joined, sound as the roll");
        }
        // the held C5 ties on under E5 -> G5; the D5 over the bar line; C4 struck again, not tied
        assertEquals("[72~, 76]4 [~72, 79]4 [74~]4 [~74~, 77]4", ties(n.staves().get(0), 0));
        assertEquals("[60, ~74~]8 [60, ~74]8 r4 r2", ties(n.staves().get(0), 1));
        assertEquals("[48~]4 [~48~, 55]8 [~48~, 55]8 [~48]2", ties(n.staves().get(1), 0));
        assertEquals("[43~]1", ties(n.staves().get(1), 1));
        assertEquals("[~43]2 r2", ties(n.staves().get(1), 2));
    }

    /** A bar with each pitch marked where it is tied: "72~" tied on to the next event, "~72" from the previous one. */
    private static String ties(Notation.Staff staff, int bar) {
        return staff.measures().get(bar).stream().map(e -> (e.measureRest() ? "R" : e.isRest() ? "r"
                : e.pitches().stream().map(p -> (e.tiedFrom().contains(p) ? "~" : "") + p + (e.tiedOn().contains(p) ? "~" : ""))
                        .toList().toString()) + (e.measureRest() ? "" : e.value().lilyPond()))
                .collect(Collectors.joining(" "));
    }

    /** The notes a staff's events sound, each tie joining a pitch to the same pitch of the next event. */
    private static List<Note> joined(Notation.Staff staff) {
        List<Note> out = new java.util.ArrayList<>();
        java.util.Map<Integer, long[]> open = new java.util.HashMap<>();
        for (int bar = 0; bar < staff.measures().size(); bar++) {
            for (Notation.Event e : staff.measures().get(bar)) {
                long at = (long) bar * 16 + e.position();
                for (int p : e.pitches()) {
                    long[] started = e.tiedFrom().contains(p) ? open.remove(p) : new long[] {at};
                    assertTrue(started != null, "a tie from a pitch that was not tied on: " + p + " at " + at);
                    if (e.tiedOn().contains(p)) {
                        open.put(p, started);
                    } else {
                        out.add(new Note(p, started[0], at + e.units() - started[0]));
                    }
                }
            }
        }
        assertTrue(open.isEmpty(), "ties left open: " + open.keySet());
        return out.stream().sorted(java.util.Comparator.comparingLong(Note::start).thenComparingInt(Note::pitch)).toList();
    }

    @Test
    void tiesOverBarLinesAndDottedValues() {
        Notation n = Notation.of(LeadSheet.of(Fixtures.ties()), false);
        Notation.Staff m = n.staves().get(0);
        assertEquals(4, n.bars());
        assertEquals("[60]4. [62]8 [64]4 [67]4~", bar(m, 0));
        assertEquals("~[67]4 [65]4~ ~[65]2", bar(m, 1));
        assertEquals("[72]1~", bar(m, 2));
        assertEquals("~[72]1", bar(m, 3));
        assertEquals(List.of("67@12+8", "65@20+12", "72@32+32"), names(m.writtenNotes()).subList(3, 6));
    }

    @Test
    void restsSilenceAtTheStartAndOddLengths() {
        Notation n = Notation.of(LeadSheet.of(Fixtures.rests()), false);
        Notation.Staff m = n.staves().get(0);
        assertEquals(5, n.bars());
        assertEquals("R", bar(m, 0));
        assertEquals("r4. [63]8~ ~[63]8. r16 r16 [66]16~ ~[66]8~", bar(m, 1));
        assertEquals("~[66]4 r16 [67]16~ ~[67]8 r16 [70]16~ ~[70]8~ ~[70]4~", bar(m, 2));
        assertEquals("~[70]4 r4 r2", bar(m, 3));
        assertEquals("[58]16 r16 [61]8 r8 [68]8. r16 [71]8 r4", bar(m, 4));
        assertEquals(97.5, n.tempoBpm());
    }

    @Test
    void threeFourWithAChordInTheMelodyAndASymbolInsideANote() {
        Notation n = Notation.of(LeadSheet.of(Fixtures.waltz()), false);
        Notation.Staff m = n.staves().get(0);
        assertEquals(12, n.unitsPerBar());
        assertEquals(4, n.bars());
        assertEquals("[64, 67]2.", bar(m, 0));
        assertEquals("[65]4 [69]2", bar(m, 1));
        assertEquals("R", bar(m, 3));
        assertEquals(6, n.harmoniesIn(0).get(1).position());
    }

    @Test
    void offGridNotesSnapToSixteenthsAndChordsAreNamedFromNotes() {
        LeadSheet sheet = LeadSheet.of(Fixtures.offGrid());
        assertEquals("Right hand", sheet.melody().name(), "the highest part that is not Chords");
        assertEquals(List.of(new ChordSymbol(0, "C"), new ChordSymbol(384, "F")), sheet.chordSymbols());
        Notation n = Notation.of(sheet, true);
        assertEquals(List.of("60@0+2", "62@2+2", "64@4+4", "65@8+1", "67@9+7", "69@16+1"),
                names(n.staves().get(0).writtenNotes()));
        assertEquals(List.of("48@0+16", "52@0+16", "55@0+16", "48@16+8", "53@16+8", "57@16+8"),
                names(n.staves().get(1).writtenNotes()));
        assertEquals("[48, 53, 57]2 r2", bar(n.staves().get(1), 1));
        assertEquals(2, n.bars());
    }

    @Test
    void overlappingNotesAreCutAtTheNextOnset() {
        Score s = Fixtures.melodyOnly("overlap", TimeSignature.FOUR_FOUR, 120, 16,
                List.of(Fixtures.n(60, 0, 8), Fixtures.n(64, 4, 4), Fixtures.n(67, 4, 2)), List.of());
        Notation n = Notation.of(LeadSheet.of(s), false);
        assertEquals(List.of("60@0+4", "64@4+4", "67@4+4"), names(n.staves().get(0).writtenNotes()));
    }

    @Test
    void emptyScoresAndUnwritableMeters() {
        Score empty = new Score("", 480, 120, TimeSignature.FOUR_FOUR, List.of(), List.of(), 0);
        Notation n = Notation.of(LeadSheet.of(empty), true);
        assertEquals(1, n.bars());
        assertEquals(1, n.staves().size(), "no chord part, no chord staff");
        assertTrue(n.staves().get(0).measures().get(0).get(0).measureRest());
        Score odd = new Score("", 480, 120, new TimeSignature(7, 32), List.of(), List.of(), 0);
        UserError e = assertThrows(UserError.class, () -> Notation.of(LeadSheet.of(odd), false));
        assertTrue(e.getMessage().contains("7/32"), e.getMessage());
        assertFalse(Notation.of(LeadSheet.of(empty), false).harmonies().iterator().hasNext());
    }
}
