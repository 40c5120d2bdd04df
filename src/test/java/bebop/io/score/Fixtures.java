package bebop.io.score;

import bebop.data.BluesDataset;
import bebop.encoding.LocalEncoding;
import bebop.music.BluesForm;
import bebop.music.ChordSymbol;
import bebop.music.Note;
import bebop.music.Part;
import bebop.music.Score;
import bebop.music.TimeSignature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Scores for the score-export tests: real blues choruses and hand-made edge cases. */
final class Fixtures {
    static final int TPQ = 480;
    static final int S16 = TPQ / 4;

    private Fixtures() {}

    /** Choruses of the paper's training set, one after the other, as bebop decodes them (24 bars for 2). */
    static Score blues(String title, int... choruses) {
        BluesDataset data = BluesDataset.generate(BluesForm.paper());
        List<double[]> frames = new ArrayList<>();
        for (int c : choruses) {
            frames.addAll(List.of(data.frames(data.choruses().get(c))));
        }
        return LocalEncoding.decode(frames.toArray(new double[0][]), 120, title);
    }

    /** A note in sixteenths. */
    static Note n(int pitch, int start16, int length16) {
        return new Note(pitch, (long) start16 * S16, (long) length16 * S16, 80);
    }

    static Score melodyOnly(String title, TimeSignature ts, double bpm, long length16, List<Note> melody,
                            List<ChordSymbol> symbols) {
        return new Score(title, TPQ, bpm, ts, List.of(new Part(Part.MELODY, 1, 65, melody)), symbols,
                length16 * S16);
    }

    /**
     * A piano roll (one part, Piano): in the right hand a C held under moving notes, a D held over the bar
     * line while others move, a key struck again at once, silence; in the left hand a whole-bar C, a G struck
     * twice in a row, a low G over two bar lines. Three bars of 4/4.
     */
    static Score piano() {
        return new Score("A piano roll", TPQ, 90, TimeSignature.FOUR_FOUR, List.of(new Part("Piano", 0, 0, List.of(
                n(72, 0, 8), n(76, 0, 4), n(79, 4, 4),            // C5 held for two beats, E5 then G5 over it
                n(74, 8, 12), n(77, 12, 4), n(60, 16, 2), n(60, 18, 2),  // D5 over the bar line; C4 struck twice
                n(81, 32, 6), n(84, 34, 1),                       // after silence: A5 with a sixteenth C6 in it
                n(48, 0, 16), n(55, 4, 2), n(55, 6, 2),           // left hand: C3 for the bar, G3 twice
                n(43, 16, 24)))),                                 // G2 from bar 2 into bar 3
                List.of(), 48 * S16);
    }

    /** Ties over bar lines: a note from beat 4 over the bar line, a note held for two whole bars, dotted values. */
    static Score ties() {
        return melodyOnly("Ties over bar lines", TimeSignature.FOUR_FOUR, 120, 64, List.of(
                n(60, 0, 6), n(62, 6, 2), n(64, 8, 4), n(67, 12, 8),   // dotted quarter, eighth, quarter, over the bar
                n(65, 20, 12),                                        // quarter + half: beat 2 to the end
                n(72, 32, 32)),                                       // two whole bars
                List.of(new ChordSymbol(0, "C"), new ChordSymbol(16 * S16, "F7"), new ChordSymbol(32 * S16, "C")));
    }

    /** Rests of several lengths, silence at the start (first note in bar 2, off the beat), a silent bar, odd lengths. */
    static Score rests() {
        return melodyOnly("Rests and odd durations", TimeSignature.FOUR_FOUR, 97.5, 80, List.of(
                n(63, 22, 5),      // bar 2: 6 sixteenths of silence, then 5 sixteenths
                n(66, 29, 7),      // 7 sixteenths over the bar line
                n(67, 37, 3),      // dotted eighth after a 16th rest
                n(70, 41, 11),     // 11 sixteenths
                n(58, 64, 1), n(61, 66, 2), n(68, 70, 3), n(71, 74, 2)),  // bar 5: 16ths, accidentals
                List.of(new ChordSymbol(16 * S16, "Gm7"), new ChordSymbol(24 * S16, "C"),
                        new ChordSymbol(33 * S16, "F#dim7"), new ChordSymbol(64 * S16, "Bbmaj7")));
    }

    /** 3/4 time, a melody with a two-note chord, a chord symbol in the middle of a note, a silent last bar. */
    static Score waltz() {
        return melodyOnly("Waltz", new TimeSignature(3, 4), 90, 48, List.of(
                n(67, 0, 12), n(64, 0, 12), n(65, 12, 4), n(69, 16, 8), n(72, 24, 12)),
                List.of(new ChordSymbol(0, "C"), new ChordSymbol(6 * S16, "Am"), new ChordSymbol(12 * S16, "Dm7")));
    }

    /**
     * Off the grid (a human-played file at 96 ticks per quarter): onsets and ends a few ticks away from
     * sixteenths; a part named Chords without chord symbols, a bass and a melody that is not named Melody.
     */
    static Score offGrid() {
        int tpq = 96;
        List<Note> melody = List.of(new Note(60, 3, 45), new Note(62, 50, 40), new Note(64, 95, 100),
                new Note(65, 190, 2), new Note(67, 215, 170), new Note(69, 388, 9));
        List<Note> chords = List.of(new Note(48, 0, 384), new Note(52, 2, 380), new Note(55, 1, 383),
                new Note(53, 384, 190), new Note(57, 385, 190), new Note(48, 386, 190));
        List<Note> bass = List.of(new Note(36, 0, 384), new Note(41, 384, 384));
        return new Score("", tpq, 132, TimeSignature.FOUR_FOUR, List.of(new Part(Part.CHORDS, 0, 0, chords),
                new Part("Bass", 3, 32, bass), new Part("Right hand", 2, 0, melody)), List.of(), 768);
    }

    /**
     * A 12-bar jazz blues as a lead sheet writes it: extended, altered, suspended and slash chords, a bar
     * of four chords, Δ and ø, no chord; a melody note on each bar's first beat.
     */
    static Score jazz() {
        String[][] bars = {{"F13"}, {"Bb9"}, {"F13"}, {"Cm7", "F7b9"}, {"Bb9"}, {"Bo7"}, {"F7/C"}, {"D7b9"},
            {"Gm7"}, {"C7alt"}, {"F7", "D7#9", "Gm7", "C7sus4"}, {"F\u0394", "A\u00F8", "N.C."}};
        List<ChordSymbol> symbols = new ArrayList<>();
        List<Note> melody = new ArrayList<>();
        for (int b = 0; b < bars.length; b++) {
            int[] starts = bars[b].length == 4 ? new int[] {0, 4, 8, 12} : bars[b].length == 3 ? new int[] {0, 8, 12}
                    : bars[b].length == 2 ? new int[] {0, 8} : new int[] {0};
            for (int k = 0; k < bars[b].length; k++) {
                symbols.add(new ChordSymbol((16L * b + starts[k]) * S16, bars[b][k]));
            }
            melody.add(n(65 + b % 5, 16 * b, 8));
        }
        return melodyOnly("Jazz blues", TimeSignature.FOUR_FOUR, 140, 16 * bars.length, melody, symbols);
    }

    /** Every spelling of the chord table, one a bar. */
    static Score chordTable() {
        List<ChordSymbol> symbols = new ArrayList<>();
        List<bebop.music.ChordTable.Row> rows = bebop.music.ChordTable.rows();
        for (int k = 0; k < rows.size(); k++) {
            symbols.add(new ChordSymbol(16L * k * S16, rows.get(k).symbol()));
        }
        return melodyOnly("Chord symbols", TimeSignature.FOUR_FOUR, 120, 16L * rows.size(), List.of(n(72, 0, 4)), symbols);
    }

    /** Every fixture by file name, each with and without a chord staff where that differs. */
    static Map<String, Score> all() {
        Map<String, Score> m = new LinkedHashMap<>();
        m.put("blues-2", blues("Two choruses", 0, 4095));
        m.put("ties", ties());
        m.put("rests", rests());
        m.put("waltz", waltz());
        m.put("offgrid", offGrid());
        m.put("jazz", jazz());
        m.put("chord-table", chordTable());
        return m;
    }
}
