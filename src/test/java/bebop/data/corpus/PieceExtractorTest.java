package bebop.data.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import bebop.music.Note;
import bebop.music.Part;
import bebop.music.Score;
import bebop.music.TimeSignature;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PieceExtractorTest {
    private static final int Q = 480;

    private static Score score(TimeSignature ts, Part... parts) {
        long end = 0;
        for (Part p : parts) {
            end = Math.max(end, p.end());
        }
        return new Score("t", Q, 120, ts, List.of(parts), List.of(), end);
    }

    private static Part part(String name, int channel, int... pitchStartLength) {
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < pitchStartLength.length; i += 3) {
            notes.add(new Note(pitchStartLength[i], pitchStartLength[i + 1], pitchStartLength[i + 2]));
        }
        return new Part(name, channel, 0, notes);
    }

    /** A line of quarter notes from {@code pitch} upwards, one per quarter, over {@code bars} bars of 4/4. */
    private static Part line(String name, int channel, int pitch, int bars) {
        List<Note> notes = new ArrayList<>();
        for (int q = 0; q < bars * 4; q++) {
            notes.add(new Note(pitch + q % 5, (long) q * Q, Q));
        }
        return new Part(name, channel, 0, notes);
    }

    private static ExtractedPiece imported(FileOutcome o) {
        return assertInstanceOf(FileOutcome.Imported.class, o, () -> o.toString()).piece();
    }

    private static FileOutcome.Rejected rejected(FileOutcome o) {
        return assertInstanceOf(FileOutcome.Rejected.class, o, () -> o.toString());
    }

    @Test
    void notesOffTheGridMoveToTheNearestStepAndTheTopVoiceIsTheMelody() {
        // melody: 72 a little late (a quarter), 74 early and short (an eighth), a 76 under a 79 (the 76 goes to the harmony)
        Part melody = part("Melody", 0, 72, 10, 470, 74, 470, 200, 76, 960, 960, 79, 960, 480);
        Part chords = part("Piano", 1, 48, 0, 1920, 52, 0, 1920, 55, 0, 1920, 48, 1920, 1920, 53, 1920, 1920, 57, 1920, 1920);
        ExtractedPiece p = imported(PieceExtractor.extract(score(TimeSignature.FOUR_FOUR, melody, chords),
                Grid.EIGHTH, MelodyChoice.AUTO));
        assertEquals(2, p.bars());
        assertArrayEquals(new int[] {72, 72, 74, -1, 79, 79, 76, 76, -1, -1, -1, -1, -1, -1, -1, -1}, p.melody());
        assertArrayEquals(new int[] {0, 2, 4}, p.onsets());
        assertEquals(List.of(1), p.melodySource().parts());
        assertEquals("auto: named as a melody, though not a line", p.melodySource().rule()); // 2 of 7 steps are double
        assertEquals(4, p.chords().size());
        HalfBarChord first = p.chords().get(0);
        assertEquals(0, first.step());
        assertEquals(4, first.steps());
        assertArrayEquals(new int[] {48, 52, 55}, first.pitches());
        assertEquals("C", first.symbol());
        // the 76 under the 79 sounds in the harmony of the second half bar
        assertArrayEquals(new int[] {48, 52, 55, 76}, p.chords().get(1).pitches());
        assertEquals("F", p.chords().get(2).symbol());
        assertArrayEquals(new int[] {0, 5, 9}, p.chords().get(3).pitchClassList());
        assertEquals(10, p.notes());
        assertEquals(0, p.offGridNotes()); // 10 ticks from the grid is near it
        assertEquals(4, p.melodyNotes());
    }

    @Test
    void sixteenthGridHasTwiceTheFrames() {
        Part melody = part("Melody", 0, 72, 0, 240, 74, 240, 240, 76, 480, 3360);
        ExtractedPiece p = imported(PieceExtractor.extract(score(TimeSignature.FOUR_FOUR, melody), Grid.SIXTEENTH,
                MelodyChoice.AUTO));
        assertEquals(16, p.stepsPerBar());
        assertEquals(32, p.frames());
        assertArrayEquals(new int[] {72, 72, 74, 74, 76}, java.util.Arrays.copyOf(p.melody(), 5));
        assertEquals("N.C.", p.chords().get(0).symbol());
        assertEquals(0, p.harmonisedHalfBars());
    }

    @Test
    void autoPrefersANamedLineThenTheHighestLineThenTheHighestPart() {
        Part high = line("Strings", 0, 84, 4);
        Part vocal = line("Lead Vocal", 2, 64, 4);
        Part bass = line("Bass", 3, 40, 4);
        ExtractedPiece named = imported(PieceExtractor.extract(score(TimeSignature.FOUR_FOUR, high, vocal, bass),
                Grid.EIGHTH, MelodyChoice.AUTO));
        assertEquals(List.of(2), named.melodySource().parts());
        assertEquals("Lead Vocal", named.melodySource().name());
        assertEquals(3, named.melodySource().channel());

        // a high part of block chords is not a line: the highest line wins
        List<Note> block = new ArrayList<>();
        for (int h = 0; h < 8; h++) {
            for (int pitch : new int[] {84, 88, 91}) {
                block.add(new Note(pitch, h * 960L, 960));
            }
        }
        Part chords = new Part("Pad", 0, 0, block);
        Part flute = line("Flute", 1, 70, 4);
        ExtractedPiece highest = imported(PieceExtractor.extract(score(TimeSignature.FOUR_FOUR, chords, flute, bass),
                Grid.EIGHTH, MelodyChoice.AUTO));
        assertEquals(List.of(2), highest.melodySource().parts());
        assertEquals("auto: highest line", highest.melodySource().rule());
        // the pad sounds in the harmony
        int[] harmony = highest.chords().get(0).pitches();
        assertEquals(List.of(84, 88, 91), java.util.Arrays.stream(harmony).filter(n -> n > 80).boxed().toList());

        // only block chords: the highest part, its top voice the melody, the rest harmony
        ExtractedPiece only = imported(PieceExtractor.extract(score(TimeSignature.FOUR_FOUR, chords), Grid.EIGHTH,
                MelodyChoice.AUTO));
        assertEquals("auto: highest part", only.melodySource().rule());
        assertEquals(91, only.melody()[0]);
        assertArrayEquals(new int[] {84, 88}, only.chords().get(0).pitches());
    }

    @Test
    void trackAndChannelChooseThePart() {
        Part flute = line("Flute", 0, 72, 2);
        Part bass = line("Bass", 1, 40, 2);
        Part drums = line("Drums", 9, 36, 2);
        Score s = score(TimeSignature.FOUR_FOUR, flute, bass, drums);
        ExtractedPiece byTrack = imported(PieceExtractor.extract(s, Grid.EIGHTH, MelodyChoice.parse("track:2")));
        assertEquals(40, byTrack.melody()[0]);
        assertEquals("track:2", byTrack.melodySource().rule());
        assertEquals(8, byTrack.drumNotes());
        ExtractedPiece byChannel = imported(PieceExtractor.extract(s, Grid.EIGHTH, MelodyChoice.parse("channel:2")));
        assertArrayEquals(byTrack.melody(), byChannel.melody());
        assertEquals("no melody (track:4 asked for, but the file has 3 parts (see bebop inspect))",
                rejected(PieceExtractor.extract(s, Grid.EIGHTH, MelodyChoice.parse("track:4"))).reason());
        assertEquals("no melody (part 3 is drums, on channel 10)",
                rejected(PieceExtractor.extract(s, Grid.EIGHTH, MelodyChoice.parse("track:3"))).reason());
        assertEquals("no melody (no notes on channel 5)",
                rejected(PieceExtractor.extract(s, Grid.EIGHTH, MelodyChoice.parse("channel:5"))).reason());
        assertEquals("no melody (channel 10 is the drum channel)",
                rejected(PieceExtractor.extract(s, Grid.EIGHTH, MelodyChoice.parse("channel:10"))).reason());
    }

    @Test
    void silentBarsAtTheStartAreDroppedAndDrumsIgnored() {
        Part drums = line("Drums", 9, 36, 4);
        Part flute = part("Flute", 0, 72, 2 * 1920, 1920, 74, 3 * 1920, 1920);
        ExtractedPiece p = imported(PieceExtractor.extract(score(TimeSignature.FOUR_FOUR, drums, flute), Grid.EIGHTH,
                MelodyChoice.AUTO));
        assertEquals(2, p.firstBar());
        assertEquals(2, p.bars());
        assertEquals(72, p.melody()[0]);
        assertEquals(0, p.harmonisedHalfBars());
    }

    @Test
    void halfBarsFollowTheTimeSignature() {
        Part waltz = line("Melody", 0, 72, 3);
        ExtractedPiece threeFour = imported(PieceExtractor.extract(score(new TimeSignature(3, 4), waltz), Grid.EIGHTH,
                MelodyChoice.AUTO));
        assertEquals(6, threeFour.stepsPerBar());
        assertEquals(List.of(0, 3, 6, 9), threeFour.chords().stream().limit(4).map(HalfBarChord::step).toList());
        ExtractedPiece sevenEight = imported(PieceExtractor.extract(score(new TimeSignature(7, 8), waltz), Grid.EIGHTH,
                MelodyChoice.AUTO));
        assertEquals(List.of(3, 4, 3, 4), sevenEight.chords().stream().limit(4).map(HalfBarChord::steps).toList());
        FileOutcome.Rejected sevenSixteen = rejected(PieceExtractor.extract(score(new TimeSignature(7, 16), waltz),
                Grid.EIGHTH, MelodyChoice.AUTO));
        assertEquals(Rejection.OFF_GRID, sevenSixteen.rejection());
        assertEquals("time signature 7/16 has no whole number of 8th notes in a bar (try --grid 16th)", sevenSixteen.reason());
        assertEquals(7, imported(PieceExtractor.extract(score(new TimeSignature(7, 16), waltz), Grid.SIXTEENTH,
                MelodyChoice.AUTO)).stepsPerBar());
    }

    @Test
    void rejectionsSayWhy() {
        Score empty = new Score("t", Q, 120, TimeSignature.FOUR_FOUR, List.of(), List.of(), 0);
        assertEquals(new FileOutcome.Rejected(Rejection.NO_NOTES, "no notes (the file holds no note events)"),
                PieceExtractor.extract(empty, Grid.EIGHTH, MelodyChoice.AUTO));
        assertEquals(new FileOutcome.Rejected(Rejection.DRUMS_ONLY, "drums only (all 8 notes are on channel 10, the drum channel)"),
                PieceExtractor.extract(score(TimeSignature.FOUR_FOUR, line("Kit", 9, 36, 2)), Grid.EIGHTH, MelodyChoice.AUTO));
        assertEquals(new FileOutcome.Rejected(Rejection.TOO_SHORT, "too short (1 bar of music; at least 2 are needed)"),
                PieceExtractor.extract(score(TimeSignature.FOUR_FOUR, line("Flute", 0, 72, 1)), Grid.EIGHTH, MelodyChoice.AUTO));
    }

    @Test
    void notesPlayedOffTheGridAreCounted() {
        // eighth = 240 ticks: 100 and 130 are more than 60 ticks from the grid, 50 and 1000 are not
        Part played = part("Piano", 0, 60, 100, 400, 62, 50, 400, 64, 1000, 900, 65, 130, 2000);
        ExtractedPiece p = imported(PieceExtractor.extract(score(TimeSignature.FOUR_FOUR, played), Grid.EIGHTH,
                MelodyChoice.AUTO));
        assertEquals(2, p.offGridNotes());
        // sixteenth = 120 ticks: 50 and 1000 (40 from 960) are more than 30 ticks off, 100 and 130 are not
        assertEquals(2, imported(PieceExtractor.extract(score(TimeSignature.FOUR_FOUR, played), Grid.SIXTEENTH,
                MelodyChoice.AUTO)).offGridNotes());
    }

    @Test
    void quantisationRoundsHalvesUp() {
        assertEquals(0, PieceExtractor.toStep(119, 480, 2));
        assertEquals(1, PieceExtractor.toStep(120, 480, 2));
        assertEquals(1, PieceExtractor.toStep(359, 480, 2));
        assertEquals(2, PieceExtractor.toStep(360, 480, 2));
        assertEquals(3, PieceExtractor.toStep(70, 96, 4));
    }
}
