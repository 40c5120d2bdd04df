package bebop.io.corpus;

import bebop.music.ChordName;
import bebop.music.Note;
import bebop.music.Part;
import bebop.music.Progression;
import bebop.music.Score;
import bebop.music.Voicing;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Plays a lead sheet as a jazz trio would, for the chord recognition tests: a MIDI score with no chord
 * symbols, made from a progression with known changes and a seed.
 *
 * <ul>
 *   <li><b>Bass</b> (part "Bass"): a walking line of quarter notes, the root on the first beat of
 *       each chord, chord tones and scale steps between, and on the last beat before a change often a
 *       chromatic approach (a half step above or below the next root): passing tones.
 *   <li><b>Piano</b> (part "Piano"): the chord's tones without the root half the time (rootless),
 *       with a ninth or thirteenth where the chord has one or it is a dominant, in F3..A4, struck on
 *       beat 1 and held, or in the Charleston rhythm; before some changes the last eighth is a
 *       passing chord a half step above the next voicing.
 *   <li><b>Melody</b> (part "Melody", the top line): eighth notes, chord tones (extensions too) on
 *       the beats, passing tones between (scale steps and chromatic neighbours), some rests.
 * </ul>
 */
public final class LeadSheetMidi {
    public static final int TPQ = 480;
    private static final int EIGHTH = TPQ / 2;

    /** Tunes as jazz players write them. */
    public static final java.util.Map<String, String> TUNES = tunes();

    private static java.util.Map<String, String> tunes() {
        java.util.Map<String, String> t = new java.util.LinkedHashMap<>();
        t.put("jazz-blues", "| F13 | Bb9 | F13 | Cm7 F7b9 | Bb9 | Bo7 | F7/C | D7b9 | Gm7 | C7alt | F7 D7b9 Gm7 C7alt | Gm7 C7sus4 |");
        t.put("autumn", "| Cm7 | F7 | Bbmaj7 | Ebmaj7 | Am7b5 | D7b9 | Gm6 | Gm6 | Am7b5 | D7alt | Gm7 | Gm7 | Cm7 F7 | Bbmaj7 | Am7b5 D7 | Gm6 |");
        t.put("rhythm", "| Bb6 G7 | Cm7 F7 | Dm7 G7 | Cm7 F7 | Fm7 Bb7 | Ebmaj7 Eo7 | Dm7 G7 | Cm7 F7 |");
        t.put("minor-blues", "| Cm7 | Fm7 | Cm7 | Cm7 | Fm7 | Fm7 | Cm7 | Cm7 | Ab7 | G7alt | Cm7 | Dm7b5 G7b9 |");
        t.put("things", "| Fm7 | Bbm7 | Eb7 | Abmaj7 | Dbmaj7 | G7 | Cmaj7 | Cmaj7 | Cm7 | Fm7 | Bb7 | Ebmaj7 | Abmaj7 | Am7b5 D7 | Gmaj7 | Gmaj7 |");
        t.put("bird-blues", "| Fmaj7 | Em7b5 A7b9 | Dm7 G7 | Cm7 F7 | Bb7 | Bbm7 Eb7 | Am7 D7 | Abm7 Db7 | Gm7 | C7 | F7 D7 | Gm7 C7 |");
        t.put("colours", "| C6 | C#o7 | Dm7 | G7sus4 | C+ | F6 | Fm6 | Cmaj7 | Em | A7 | Dm | G13 |");
        t.put("waltz", "3/4 | Bbmaj7 | D7#5 | Ebmaj7 | G7 | Cm7 | G7 | Cm7 | F7 | Dm7 | Db7 | Cm7 | F7 |");
        return java.util.Collections.unmodifiableMap(t);
    }

    private LeadSheetMidi() {}

    /** One chord of the sheet placed in time: its name and its first and last eighth (exclusive). */
    public record Placed(ChordName name, int from, int to) {}

    /** The chords of a progression in eighth-note steps, one pass. */
    public static List<Placed> placed(Progression p) {
        List<Placed> out = new ArrayList<>();
        int beatsPerBar = p.meter().numerator();
        for (int b = 0; b < p.bars().size(); b++) {
            int beat = 0;
            for (Progression.Change c : p.bars().get(b).changes()) {
                int from = 2 * (b * beatsPerBar + beat);
                out.add(new Placed(c.name(), from, from + 2 * c.beats()));
                beat += c.beats();
            }
        }
        return out;
    }

    /** The written chord of each half bar: the one sounding longest in it (the first on a tie). */
    public static List<ChordName> halfBarTruth(Progression p) {
        List<Placed> chords = placed(p);
        int stepsPerBar = 2 * p.meter().numerator();
        int half = stepsPerBar / 2;
        List<ChordName> out = new ArrayList<>();
        for (int bar = 0; bar < p.bars().size(); bar++) {
            for (int[] h : new int[][] {{bar * stepsPerBar, bar * stepsPerBar + half}, {bar * stepsPerBar + half, (bar + 1) * stepsPerBar}}) {
                ChordName best = null;
                int bestLen = 0;
                for (Placed c : chords) {
                    int len = Math.min(c.to(), h[1]) - Math.max(c.from(), h[0]);
                    if (len > bestLen) {
                        best = c.name();
                        bestLen = len;
                    }
                }
                out.add(best);
            }
        }
        return out;
    }

    /** The trio playing {@code choruses} passes through the progression. */
    public static Score play(Progression p, int choruses, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Placed> one = placed(p);
        int chorusSteps = p.steps();
        List<Placed> chords = new ArrayList<>();
        for (int k = 0; k < choruses; k++) {
            for (Placed c : one) {
                chords.add(new Placed(c.name(), c.from() + k * chorusSteps, c.to() + k * chorusSteps));
            }
        }
        List<Note> bass = new ArrayList<>();
        List<Note> piano = new ArrayList<>();
        List<Note> melody = new ArrayList<>();
        int line = 72;
        for (int i = 0; i < chords.size(); i++) {
            Placed c = chords.get(i);
            ChordName next = chords.get((i + 1) % chords.size()).name();
            walk(c, next, bass, rnd);
            comp(c, next, piano, rnd);
            line = solo(c, line, melody, rnd);
        }
        long length = (long) choruses * chorusSteps * EIGHTH;
        return new Score("lead sheet", TPQ, 160, p.meter(), List.of(
                new Part("Melody", 0, 65, melody), new Part("Piano", 1, 0, piano), new Part("Bass", 2, 32, bass)),
                List.of(), length);
    }

    private static int root(ChordName c) {
        return c.root().pitchClass();
    }

    /** The chord's pitch classes as intervals above the root, core and full. */
    private static List<Integer> intervals(ChordName c, Voicing v) {
        List<Integer> out = new ArrayList<>();
        for (int pc : v.pitchClasses(c)) {
            out.add(Math.floorMod(pc - root(c), 12));
        }
        return out;
    }

    private static int near(int pc, int low) {
        return low + Math.floorMod(pc - low, 12);
    }

    private static void walk(Placed c, ChordName next, List<Note> out, SplittableRandom rnd) {
        int beats = (c.to() - c.from()) / 2;
        List<Integer> core = intervals(c.name(), Voicing.CORE);
        int bassRoot = c.name().bass() != null && rnd.nextInt(2) == 0 ? c.name().bass().pitchClass() : root(c.name());
        for (int b = 0; b < beats; b++) {
            int pitch;
            if (b == 0) {
                pitch = near(bassRoot, 36);
            } else if (b == beats - 1 && rnd.nextInt(3) > 0) {
                pitch = near(root(next) + (rnd.nextBoolean() ? 1 : -1), 36); // chromatic approach
            } else if (rnd.nextInt(3) == 0) {
                pitch = near(root(c.name()) + (rnd.nextBoolean() ? 2 : 5), 36); // a scale step
            } else {
                pitch = near(root(c.name()) + core.get(1 + rnd.nextInt(core.size() - 1)), 36);
            }
            out.add(new Note(pitch, (long) (c.from() + 2 * b) * EIGHTH, TPQ - 20, 80));
        }
    }

    private static List<Integer> voicing(ChordName c, boolean rootless) {
        List<Integer> core = intervals(c, Voicing.CORE);
        List<Integer> full = intervals(c, Voicing.FULL);
        TreeSet<Integer> tones = new TreeSet<>();
        for (int i : core) {
            if (!(rootless && i == 0)) {
                tones.add(i);
            }
        }
        if (full.contains(2) || full.contains(1) || full.contains(3) && full.contains(4)) {
            tones.add(full.contains(2) ? 2 : full.contains(1) ? 1 : 3);
        } else if (c.quality() == ChordName.Quality.DOMINANT && core.contains(4) && core.contains(10)) {
            tones.add(2);
        }
        if (full.contains(9) && !core.contains(9) && tones.size() < 5) {
            tones.add(9);
        }
        List<Integer> notes = new ArrayList<>();
        for (int i : tones) {
            notes.add(near(root(c) + i, 53));
        }
        notes.sort(null);
        return notes;
    }

    private static void comp(Placed c, ChordName next, List<Note> out, SplittableRandom rnd) {
        List<Integer> v = voicing(c.name(), rnd.nextBoolean());
        int len = c.to() - c.from();
        boolean passing = len >= 4 && rnd.nextInt(3) == 0;
        int end = passing ? c.to() - 1 : c.to();
        List<int[]> hits = new ArrayList<>();
        if (end - c.from() >= 4 && rnd.nextBoolean()) { // Charleston: beat 1 for a dotted quarter, then the and of 2
            hits.add(new int[] {c.from(), c.from() + 3});
            hits.add(new int[] {c.from() + 3, end});
        } else {
            hits.add(new int[] {c.from(), end});
        }
        for (int[] h : hits) {
            for (int pitch : v) {
                out.add(new Note(pitch, (long) h[0] * EIGHTH, (long) (h[1] - h[0]) * EIGHTH - 10, 70));
            }
        }
        if (passing) { // a passing chord: the next voicing a half step up, on the last eighth
            for (int pitch : voicing(next, true)) {
                out.add(new Note(pitch + 1, (long) (c.to() - 1) * EIGHTH, EIGHTH - 10, 60));
            }
        }
    }

    private static int solo(Placed c, int from, List<Note> out, SplittableRandom rnd) {
        List<Integer> tones = intervals(c.name(), Voicing.FULL);
        int line = from;
        for (int s = c.from(); s < c.to(); s++) {
            if (rnd.nextInt(8) == 0) {
                continue; // a rest
            }
            int pitch;
            if ((s - c.from()) % 2 == 0) { // on the beat: the nearest chord tone up or down
                int dir = line > 79 ? -1 : line < 67 ? 1 : rnd.nextBoolean() ? 1 : -1;
                pitch = line + dir;
                while (!tones.contains(Math.floorMod(pitch - root(c.name()), 12))) {
                    pitch += dir;
                }
            } else { // between: a scale step or a chromatic neighbour
                pitch = line + (rnd.nextBoolean() ? 1 : -1) * (rnd.nextBoolean() ? 1 : 2);
            }
            out.add(new Note(pitch, (long) s * EIGHTH, EIGHTH - 10, 90));
            line = pitch;
        }
        return line;
    }

    /**
     * The same trio's melody and walking bass written as an ABC tune with the sheet's chord symbols over
     * the melody, for abc2midi to play (its own accompaniment voices the chords: every symbol's suffix is
     * defined with {@code %%MIDI chordname} as the chord's tones, the 11th of a dominant or major chord
     * left out as jazz pianists leave it).
     */
    public static String abc(Progression p, int choruses, long seed) {
        Score score = play(p, choruses, seed);
        int beats = p.meter().numerator();
        int stepsPerBar = 2 * beats;
        int bars = choruses * p.bars().size();
        StringBuilder sb = new StringBuilder("X:1\nT:lead sheet\nM:").append(p.meter()).append("\nL:1/8\nQ:1/4=160\n");
        java.util.Map<String, String> suffixes = new java.util.TreeMap<>();
        for (Placed c : placed(p)) {
            String suffix = abcSymbol(c.name()).substring(c.name().root().toString().length()).replaceAll("/.*", "");
            List<Integer> full = intervals(c.name(), Voicing.FULL);
            StringBuilder iv = new StringBuilder();
            for (int i : full) {
                if (!(i == 5 && full.contains(4))) {
                    iv.append(' ').append(i);
                }
            }
            if (!suffix.isEmpty()) {
                suffixes.put(suffix, iv.toString());
            }
        }
        suffixes.forEach((k, v) -> sb.append("%%MIDI chordname ").append(k).append(v).append('\n'));
        sb.append("K:C\nV:1\n%%MIDI program 65\n");
        Note[] melodyAt = new Note[bars * stepsPerBar];
        for (Note n : score.part("Melody").orElseThrow().notes()) {
            melodyAt[(int) (n.start() / EIGHTH)] = n;
        }
        List<Placed> one = placed(p);
        int chorusSteps = p.steps();
        for (int bar = 0; bar < bars; bar++) {
            for (int s = bar * stepsPerBar; s < (bar + 1) * stepsPerBar; s++) {
                for (Placed c : one) {
                    if (c.from() == s % chorusSteps) {
                        sb.append('"').append(abcSymbol(c.name())).append('"');
                    }
                }
                sb.append(melodyAt[s] == null ? "z" : abcNote(melodyAt[s].pitch()));
            }
            sb.append(bar % 4 == 3 ? "|\n" : "|");
        }
        sb.append("V:2\n%%MIDI program 32\n");
        for (int bar = 0; bar < bars; bar++) {
            for (Note n : score.part("Bass").orElseThrow().notes()) {
                if (n.start() / EIGHTH / stepsPerBar == bar) {
                    sb.append(abcNote(n.pitch())).append('2');
                }
            }
            sb.append(bar % 4 == 3 ? "|\n" : "|");
        }
        return sb.toString();
    }

    /** The symbol as ABC chord text: as written (its suffix is defined for abc2midi with %%MIDI chordname). */
    private static String abcSymbol(ChordName c) {
        return c.symbol();
    }

    /** A MIDI pitch in ABC with its accidental written out (^C, =C): 60 is C, 72 c, 48 C, and so on. */
    static String abcNote(int pitch) {
        String[] names = {"=C", "^C", "=D", "^D", "=E", "=F", "^F", "=G", "^G", "=A", "^A", "=B"};
        String n = names[pitch % 12];
        int octave = pitch / 12 - 5; // 0 for 60..71
        if (octave >= 1) {
            n = n.charAt(0) + n.substring(1).toLowerCase(java.util.Locale.ROOT) + "'".repeat(octave - 1);
        } else {
            n = n + ",".repeat(-octave);
        }
        return n;
    }
}
