package bebop.io.midi;

import bebop.music.BluesForm;
import bebop.music.Chord;
import bebop.music.ChordSymbol;
import bebop.music.Note;
import bebop.music.Part;
import bebop.music.Score;
import bebop.music.TimeSignature;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Scores for MIDI tests. */
public final class TestScores {
    private TestScores() {}

    /**
     * One chorus of the paper's blues at 480 ticks per quarter: chords (one per half bar) on channel
     * 0, a seeded random melody of eighth notes and rests on channel 1, chord symbols per bar.
     */
    public static Score blues(long seed) {
        int tpq = 480;
        int eighth = tpq / 2;
        BluesForm form = BluesForm.paper();
        List<Note> chordNotes = new ArrayList<>();
        List<ChordSymbol> symbols = new ArrayList<>();
        for (int bar = 0; bar < 12; bar++) {
            BluesForm.Bar b = form.bars().get(bar);
            long barStart = (long) bar * 8 * eighth;
            symbols.add(new ChordSymbol(barStart, b.firstHalf().symbol()));
            if (b.isSplit()) {
                symbols.add(new ChordSymbol(barStart + 4 * eighth, b.secondHalf().symbol()));
            }
            for (int half = 0; half < 2; half++) {
                Chord c = half == 0 ? b.firstHalf() : b.secondHalf();
                for (int pitch : c.notes()) {
                    chordNotes.add(new Note(pitch, barStart + half * 4L * eighth, 4L * eighth, 70));
                }
            }
        }
        Random random = new Random(seed);
        int[] scale = {60, 63, 65, 66, 67, 70, 72, 75};
        List<Note> melody = new ArrayList<>();
        int step = 0;
        while (step < 96) {
            int len = 1 + random.nextInt(3);
            if (random.nextInt(4) > 0) {
                melody.add(new Note(scale[random.nextInt(scale.length)], (long) step * eighth,
                        (long) Math.min(len, 96 - step) * eighth, 60 + random.nextInt(60)));
            }
            step += len;
        }
        return new Score("Blues chorus " + seed, tpq, 120, TimeSignature.FOUR_FOUR,
                List.of(new Part(Part.CHORDS, 0, 0, chordNotes), new Part(Part.MELODY, 1, 65, melody)),
                symbols, 12L * 8 * eighth);
    }

    /** A short score with the given resolution, tempo and time signature, and two bars of trailing silence. */
    public static Score small(int tpq, double bpm, TimeSignature ts, String title) {
        List<Note> melody = List.of(
                new Note(60, 0, tpq, 100),
                new Note(64, tpq, tpq / 2, 80),
                new Note(67, tpq, tpq / 2, 81), // same onset as 64: order by pitch
                new Note(64, tpq + tpq / 2, tpq / 2, 1), // starts where the other 64 ends
                new Note(127, 2L * tpq, tpq / 4, 127),
                new Note(0, 2L * tpq, tpq, 5));
        long length = ts.ticksPerBar(tpq) * 4L;
        return new Score(title, tpq, bpm, ts, List.of(new Part("Lead", 3, 11, melody)),
                List.of(new ChordSymbol(0, "Cmaj7"), new ChordSymbol(tpq, "F#dim7"), new ChordSymbol(tpq, "B\u266D7(#9)")),
                length);
    }

    /** The scores every round-trip test runs on. */
    public static List<Score> all() {
        return List.of(
                blues(1),
                blues(2).withTempo(97.5),
                small(480, 120, TimeSignature.FOUR_FOUR, "Trailing silence"),
                small(96, 97.5, new TimeSignature(3, 4), "96 ticks per quarter, 3/4, 97.5 bpm"),
                small(960, 63.7, new TimeSignature(6, 8), "960 ticks, 6/8"),
                small(120, 240, new TimeSignature(5, 4), "120 ticks, fast"),
                small(4, 200.25, new TimeSignature(7, 8), ""),
                new Score("Empty and silent", 480, 120, TimeSignature.FOUR_FOUR,
                        List.of(new Part("Silent melody", 2, 40, List.of()), new Part("", 9, 0, List.of(new Note(36, 0, 120)))),
                        List.of(), 1920),
                new Score("", 24, 120, TimeSignature.FOUR_FOUR, List.of(), List.of(new ChordSymbol(24, "N.C.")), 96),
                new Score("Chords part in the middle", 480, 120, TimeSignature.FOUR_FOUR,
                        List.of(new Part("Bass", 2, 32, List.of(new Note(36, 0, 480))),
                                new Part(Part.CHORDS, 0, 0, List.of(new Note(48, 0, 1920))),
                                new Part("Chords", 4, 1, List.of(new Note(50, 0, 1920)))),
                        List.of(new ChordSymbol(0, "C"), new ChordSymbol(960, "free text on the chords track")), 1920));
    }
}
