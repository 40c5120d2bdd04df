package bebop.io.score;

import bebop.UserError;
import bebop.music.ChordName;
import bebop.music.ChordSymbol;
import bebop.music.Note;
import bebop.music.Part;
import bebop.music.Score;
import bebop.music.TimeSignature;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A lead sheet ({@link #of}) or a piano score ({@link #piano}) laid out as written music, shared by the
 * MusicXML and LilyPond writers.
 *
 * <p>Rules:
 * <ul>
 *   <li>Grid: every onset, end and chord symbol is rounded to the nearest sixteenth note (halves
 *       round up); a note that would vanish keeps one sixteenth. The paper's blues sits on eighths and
 *       passes unchanged. Triplets and anything finer than a sixteenth are not written.
 *   <li>One voice per staff: notes that start together form a chord (as long as its longest note), and
 *       a note or chord is cut where the next one starts. Silence is written as rests; a silent bar as a
 *       whole-bar rest.
 *   <li>Notes are split at bar lines and tied; within a bar, durations are spelled by
 *       {@link NoteValue#split}, tied where one value cannot write them.
 *   <li>Length: the score's length rounded to the grid, in whole bars (at least one).
 *   <li>Chord symbols the writers cannot read ({@link ChordName#parse} refuses them, e.g. "?") are left out;
 *       of two symbols on the same sixteenth the later one is kept.
 *   <li>Clef: treble, or bass when the staff's mean pitch is below G3 (and always for the chord staff).
 * </ul>
 */
public record Notation(String title, double tempoBpm, TimeSignature timeSignature, int unitsPerBar, int bars,
                       List<Staff> staves, List<Harmony> harmonies) {
    /** Grid units (sixteenths) per quarter note: MusicXML {@code <divisions>}. */
    public static final int UNITS_PER_QUARTER = 4;

    public enum Clef {
        TREBLE('G', 2, "treble"), BASS('F', 4, "bass");

        public final char sign;
        public final int line;
        public final String lilyPond;

        Clef(char sign, int line, String lilyPond) {
            this.sign = sign;
            this.line = line;
            this.lilyPond = lilyPond;
        }
    }

    /**
     * One written note, chord or rest inside a bar: its position in the bar and its value (both in
     * sixteenths), the pitches (empty for a rest), whether it is a whole-bar rest, and which of its
     * pitches are tied to the same pitch of the next event ({@code tiedOn}) or from the previous one
     * ({@code tiedFrom}): in a lead sheet all or none, in a piano score a held note under moving ones.
     */
    public record Event(int position, int units, NoteValue value, List<Integer> pitches, boolean measureRest,
                        List<Integer> tiedOn, List<Integer> tiedFrom) {
        public boolean isRest() {
            return pitches.isEmpty();
        }

        /** Whether some pitch is tied to the next event. */
        public boolean tieStart() {
            return !tiedOn.isEmpty();
        }

        /** Whether some pitch is tied from the previous event. */
        public boolean tieStop() {
            return !tiedFrom.isEmpty();
        }
    }

    /**
     * One staff: its name, clef, MIDI channel and program (for playback), the notes as written (in
     * sixteenths from the start: what a player of the score sounds, ties joined), and the events bar by bar.
     */
    public record Staff(String name, Clef clef, int channel, int program, List<Note> writtenNotes,
                        List<List<Event>> measures) {}

    /** A chord symbol at a position in sixteenths from the start. */
    public record Harmony(long position, ChordName chord) {}

    /** Lays out a lead sheet: the melody staff, and the chord staff when asked for and present. */
    public static Notation of(LeadSheet sheet, boolean chordStaff) {
        TimeSignature ts = sheet.timeSignature();
        if ((16 * ts.numerator()) % ts.denominator() != 0) {
            throw new UserError("time signature " + ts + " cannot be written on a grid of sixteenths");
        }
        int unitsPerBar = 16 * ts.numerator() / ts.denominator();
        int tpq = sheet.ticksPerQuarter();
        List<Note> melody = grid(sheet.melody().notes(), tpq);
        List<Note> chords = chordStaff && sheet.chords().isPresent() ? grid(sheet.chords().get().notes(), tpq) : null;

        long end = grid(sheet.length(), tpq);
        for (Note n : melody) {
            end = Math.max(end, n.end());
        }
        if (chords != null) {
            for (Note n : chords) {
                end = Math.max(end, n.end());
            }
        }
        int bars = (int) Math.max(1, (end + unitsPerBar - 1) / unitsPerBar);
        long total = (long) bars * unitsPerBar;

        List<Staff> staves = new ArrayList<>();
        Part m = sheet.melody();
        staves.add(staff(m.name().isEmpty() ? Part.MELODY : m.name(), m.channel(), m.program(), melody, false,
                unitsPerBar, total));
        if (chords != null) {
            Part c = sheet.chords().get();
            staves.add(staff(c.name(), c.channel(), c.program(), chords, true, unitsPerBar, total));
        }

        TreeMap<Long, ChordName> harmonies = new TreeMap<>();
        for (ChordSymbol cs : sheet.chordSymbols()) {
            long at = grid(cs.start(), tpq);
            Optional<ChordName> name = readable(cs.symbol());
            if (at < total && name.isPresent()) {
                harmonies.put(at, name.get());
            }
        }
        List<Harmony> hs = new ArrayList<>();
        harmonies.forEach((at, name) -> hs.add(new Harmony(at, name)));
        return new Notation(sheet.title(), sheet.tempoBpm(), ts, unitsPerBar, bars, List.copyOf(staves), List.copyOf(hs));
    }

    /** The lowest key of a piano score's upper staff (middle C): the keys below it go to the lower staff. */
    public static final int SPLIT_KEY = 60;

    /**
     * Lays out any score as a piano score: every part's notes on two staves (right hand from middle C up,
     * treble clef; left hand below it, bass clef), each staff one voice of chords that change wherever a
     * note starts or ends, a note held on while others move tied from chord to chord: every note sounds as
     * long in the score as in the score's parts (on the sixteenth grid; two parts in unison on one key are
     * written as one note). No chord symbols. For a piano roll, whose keys have no melody and chords apart.
     */
    public static Notation piano(Score score) {
        TimeSignature ts = score.timeSignature();
        if ((16 * ts.numerator()) % ts.denominator() != 0) {
            throw new UserError("time signature " + ts + " cannot be written on a grid of sixteenths");
        }
        int unitsPerBar = 16 * ts.numerator() / ts.denominator();
        List<Note> upper = new ArrayList<>();
        List<Note> lower = new ArrayList<>();
        long end = grid(score.length(), score.ticksPerQuarter());
        for (Part part : score.parts()) {
            for (Note n : grid(part.notes(), score.ticksPerQuarter())) {
                (n.pitch() >= SPLIT_KEY ? upper : lower).add(n);
                end = Math.max(end, n.end());
            }
        }
        int bars = (int) Math.max(1, (end + unitsPerBar - 1) / unitsPerBar);
        long total = (long) bars * unitsPerBar;
        Part first = score.parts().isEmpty() ? new Part("Piano", 0, 0, List.of()) : score.parts().get(0);
        List<Staff> staves = List.of(pianoStaff("Right hand", Clef.TREBLE, first, upper, unitsPerBar, total),
                pianoStaff("Left hand", Clef.BASS, first, lower, unitsPerBar, total));
        return new Notation(score.title(), score.tempoBpm(), ts, unitsPerBar, bars, staves, List.of());
    }

    /** One staff of a piano score: the keys sounding between each two moments where one starts or ends. */
    private static Staff pianoStaff(String name, Clef clef, Part sound, List<Note> notes, int unitsPerBar, long total) {
        TreeSet<Long> moments = new TreeSet<>(List.of(0L, total));
        for (Note n : notes) {
            moments.add(n.start());
            moments.add(n.end());
        }
        List<List<Event>> measures = new ArrayList<>();
        for (int b = 0; b < total / unitsPerBar; b++) {
            measures.add(new ArrayList<>());
        }
        // a sweep over the notes by onset: the notes sounding at a moment sound until the next one (every end is a moment)
        List<Note> byStart = notes.stream().sorted(java.util.Comparator.comparingLong(Note::start)).toList();
        List<Note> sounding = new ArrayList<>();
        int next = 0;
        Long from = moments.first();
        for (Long to = moments.higher(from); to != null; from = to, to = moments.higher(to)) {
            final long at = from;
            sounding.removeIf(n -> n.end() <= at);
            while (next < byStart.size() && byStart.get(next).start() <= from) {
                sounding.add(byStart.get(next++));
            }
            TreeSet<Integer> pitches = new TreeSet<>();
            TreeSet<Integer> tiedIn = new TreeSet<>();
            TreeSet<Integer> tiedOut = new TreeSet<>();
            for (Note n : sounding) {
                pitches.add(n.pitch());
                if (n.start() < from) {
                    tiedIn.add(n.pitch());
                }
                if (n.end() > to) {
                    tiedOut.add(n.pitch());
                }
            }
            place(measures, from, to, List.copyOf(pitches), List.copyOf(tiedIn), List.copyOf(tiedOut), unitsPerBar);
        }
        List<List<Event>> frozen = measures.stream().map(List::copyOf).toList();
        return new Staff(name, clef, sound.channel(), sound.program(), List.copyOf(notes), frozen);
    }

    /** The chord of a symbol, or empty when it is not one bebop reads (for example "?"). */
    static Optional<ChordName> readable(String symbol) {
        try {
            return Optional.of(ChordName.parse(symbol));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Harmonies of bar {@code bar} (0-based). */
    public List<Harmony> harmoniesIn(int bar) {
        long from = (long) bar * unitsPerBar;
        long to = from + unitsPerBar;
        return harmonies.stream().filter(h -> h.position() >= from && h.position() < to).toList();
    }

    /** A tick on a grid of {@code ticksPerQuarter}, rounded to the nearest sixteenth (halves up). */
    public static long grid(long tick, int ticksPerQuarter) {
        return Math.floorDiv(tick * UNITS_PER_QUARTER * 2 + ticksPerQuarter, 2L * ticksPerQuarter);
    }

    /** Notes moved to the sixteenth grid, at least one sixteenth long (pitch, start, duration in sixteenths). */
    static List<Note> grid(List<Note> notes, int ticksPerQuarter) {
        List<Note> out = new ArrayList<>(notes.size());
        for (Note n : notes) {
            long s = grid(n.start(), ticksPerQuarter);
            long e = Math.max(s + 1, grid(n.end(), ticksPerQuarter));
            out.add(new Note(n.pitch(), s, e - s, n.velocity()));
        }
        return out;
    }

    private static Staff staff(String name, int channel, int program, List<Note> notes, boolean chordStaff,
                               int unitsPerBar, long total) {
        // One voice: group by onset; each group lasts as long as its longest note, cut at the next onset.
        TreeMap<Long, TreeSet<Integer>> pitches = new TreeMap<>();
        TreeMap<Long, Long> ends = new TreeMap<>();
        for (Note n : notes) {
            pitches.computeIfAbsent(n.start(), k -> new TreeSet<>()).add(n.pitch());
            ends.merge(n.start(), n.end(), Math::max);
        }
        List<long[]> spans = new ArrayList<>();
        List<List<Integer>> chords = new ArrayList<>();
        List<Note> written = new ArrayList<>();
        for (Map.Entry<Long, TreeSet<Integer>> e : pitches.entrySet()) {
            long start = e.getKey();
            Long next = pitches.higherKey(start);
            long end = Math.min(ends.get(start), next == null ? total : next);
            spans.add(new long[] {start, end});
            chords.add(List.copyOf(e.getValue()));
            for (int p : e.getValue()) {
                written.add(new Note(p, start, end - start));
            }
        }

        List<List<Event>> measures = new ArrayList<>();
        int bars = (int) (total / unitsPerBar);
        for (int b = 0; b < bars; b++) {
            measures.add(new ArrayList<>());
        }
        long t = 0;
        for (int i = 0; i <= spans.size(); i++) {
            long start = i < spans.size() ? spans.get(i)[0] : total;
            if (start > t) {
                place(measures, t, start, List.of(), List.of(), List.of(), unitsPerBar);
            }
            if (i < spans.size()) {
                place(measures, start, spans.get(i)[1], chords.get(i), List.of(), List.of(), unitsPerBar);
                t = spans.get(i)[1];
            }
        }
        List<List<Event>> frozen = measures.stream().map(List::copyOf).toList();
        Clef clef = chordStaff || mean(written) < 55 ? Clef.BASS : Clef.TREBLE;
        return new Staff(name, clef, channel, program, List.copyOf(written), frozen);
    }

    private static double mean(List<Note> notes) {
        return notes.isEmpty() ? 72 : notes.stream().mapToInt(Note::pitch).average().orElse(72);
    }

    /**
     * Writes the span [from, to) as events, split at bar lines and into note values, tied for notes;
     * {@code tiedIn} of the pitches are tied from the event before the span, {@code tiedOut} to the one after it.
     */
    private static void place(List<List<Event>> measures, long from, long to, List<Integer> pitches, List<Integer> tiedIn,
                              List<Integer> tiedOut, int unitsPerBar) {
        boolean rest = pitches.isEmpty();
        long t = from;
        while (t < to) {
            int bar = (int) (t / unitsPerBar);
            int pos = (int) (t % unitsPerBar);
            int len = (int) Math.min(to - t, unitsPerBar - pos);
            List<Event> out = measures.get(bar);
            if (rest && pos == 0 && len == unitsPerBar) {
                out.add(new Event(0, len, null, List.of(), true, List.of(), List.of()));
            } else {
                List<NoteValue> values = NoteValue.split(pos, len, unitsPerBar);
                int p = pos;
                for (NoteValue v : values) {
                    long absolute = (long) bar * unitsPerBar + p;
                    boolean first = absolute == from;
                    boolean last = absolute + v.units() == to;
                    out.add(new Event(p, v.units(), v, pitches, false, last ? tiedOut : pitches, first ? tiedIn : pitches));
                    p += v.units();
                }
            }
            t += len;
        }
    }
}
