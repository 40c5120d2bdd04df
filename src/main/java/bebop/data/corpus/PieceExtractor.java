package bebop.data.corpus;

import bebop.music.ChordNamer;
import bebop.music.ChordRecognizer;
import bebop.music.Voicing;
import bebop.music.Note;
import bebop.music.Part;
import bebop.music.Score;
import bebop.music.TimeSignature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns one score into a piece on a grid: quantises, takes the melody and the harmony, estimates the
 * key; or says why the score cannot be a piece.
 *
 * <ul>
 *   <li><b>Drums</b>: parts on channel 10 (index 9) are ignored everywhere.
 *   <li><b>Quantising</b>: note starts and ends move to the nearest grid step (halves round up); a
 *       note that would vanish keeps one step. Notes that start more than a quarter of a step
 *       from the grid are counted (many of them: a played, unquantised file). Bars come from the file's first time signature.
 *       Whole bars at the start where no non-drum note sounds are dropped; the piece ends with the
 *       bar of its last note.
 *   <li><b>Melody</b>: the top voice (highest pitch sounding at each step) of the melody part.
 *       {@code auto} picks the part by these rules, the first that finds a part wins: (1) a part
 *       whose name says melody, lead, vocal, voice or solo and that is a line (mostly monophonic:
 *       two or more notes sound at once in at most a quarter of its sounding steps; and it sounds in
 *       at least a quarter of the bars); (2) the line with the highest mean pitch; (3) a part named
 *       as in (1); (4) the part with the highest mean pitch. Ties go to the lower part number.
 *   <li><b>Harmony</b>: one chord per half bar (a bar of an odd number of steps splits after its
 *       first half, rounded down). The raw set: the pitch classes sounding at any step of the half
 *       bar in the other non-drum parts and under the top voice of the melody part, named by
 *       {@link ChordNamer} from the distinct pitches sounding. The recognised chord: {@link ChordRecognizer}
 *       on every non-drum note of the half bar, each weighted by the steps it sounds and where they
 *       fall ({@link ChordRecognizer#metricWeight}; the melody's top voice at {@link ChordRecognizer#MELODY}),
 *       with the lowest note on each beat as the bass (the half bar's first beat twice).
 *   <li><b>Key</b>: {@link KeyEstimator} on the pitch classes of all non-drum notes, weighted by
 *       their quantised length.
 * </ul>
 */
public final class PieceExtractor {
    static final int DRUM_CHANNEL = 9;
    static final double MAX_POLYPHONY = 0.25;
    /** Longest piece imported, in frames (over an hour at any tempo a person plays). */
    static final int MAX_STEPS = 1 << 20;
    static final double MIN_BAR_COVERAGE = 0.25;
    static final Pattern MELODY_NAME = Pattern.compile(".*\\b(melody|lead|vocals?|voice|solo)\\b.*");

    private PieceExtractor() {}

    /** One non-drum part on the grid: note starts, ends and pitches in steps, sorted by start. */
    private record GridPart(int number, Part part, int[] start, int[] end, int[] pitch, int offGrid) {
        int size() {
            return pitch.length;
        }
    }

    /** Quantises and extracts one score. */
    public static FileOutcome extract(Score score, Grid grid, MelodyChoice choice) {
        List<Part> parts = score.parts();
        int drumNotes = 0;
        int allNotes = 0;
        for (Part p : parts) {
            allNotes += p.notes().size();
            drumNotes += p.channel() == DRUM_CHANNEL ? p.notes().size() : 0;
        }
        if (allNotes == 0) {
            return new FileOutcome.Rejected(Rejection.NO_NOTES, "no notes (the file holds no note events)");
        }
        if (drumNotes == allNotes) {
            return new FileOutcome.Rejected(Rejection.DRUMS_ONLY,
                    "drums only (all " + allNotes + " notes are on channel 10, the drum channel)");
        }
        TimeSignature ts = score.timeSignature();
        int spq = grid.stepsPerQuarter();
        long perBar = (long) ts.numerator() * 4 * spq;
        if (perBar % ts.denominator() != 0) {
            return new FileOutcome.Rejected(Rejection.OFF_GRID, "time signature " + ts + " has no whole number of "
                    + grid.label() + " notes in a bar" + (grid == Grid.EIGHTH ? " (try --grid 16th)" : ""));
        }
        int stepsPerBar = (int) (perBar / ts.denominator());

        List<GridPart> grids = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            if (p.channel() != DRUM_CHANNEL && !p.notes().isEmpty()) {
                grids.add(quantise(i + 1, p, score.ticksPerQuarter(), spq));
            }
        }
        int first = Integer.MAX_VALUE;
        int last = 0;
        int notes = 0;
        int offGrid = 0;
        for (GridPart g : grids) {
            notes += g.size();
            offGrid += g.offGrid();
            for (int k = 0; k < g.size(); k++) {
                first = Math.min(first, g.start[k]);
                last = Math.max(last, g.end[k]);
            }
        }
        int firstBar = first / stepsPerBar;
        int offset = firstBar * stepsPerBar;
        int bars = (last - offset + stepsPerBar - 1) / stepsPerBar;
        if (bars < ImportOptions.MIN_BARS) {
            return new FileOutcome.Rejected(Rejection.TOO_SHORT, "too short (" + count(bars, "bar")
                    + " of music; at least " + ImportOptions.MIN_BARS + " are needed)");
        }
        if ((long) bars * stepsPerBar > MAX_STEPS) {
            return new FileOutcome.Rejected(Rejection.UNSUPPORTED, "too long (" + count(bars, "bar")
                    + "; at most " + MAX_STEPS + " " + grid.label() + " notes are imported from one file)");
        }
        int steps = bars * stepsPerBar;

        // the melody part(s)
        List<GridPart> melodyParts = new ArrayList<>();
        String rule;
        switch (choice.kind()) {
            case TRACK -> {
                int n = choice.number();
                if (n > parts.size()) {
                    return noMelody("track:" + n + " asked for, but the file has " + count(parts.size(), "part")
                            + " (see bebop inspect)");
                }
                Part p = parts.get(n - 1);
                if (p.channel() == DRUM_CHANNEL) {
                    return noMelody("part " + n + " is drums, on channel 10");
                }
                if (p.notes().isEmpty()) {
                    return noMelody("part " + n + " has no notes");
                }
                grids.stream().filter(g -> g.number == n).forEach(melodyParts::add);
                rule = "track:" + n;
            }
            case CHANNEL -> {
                int c = choice.number();
                if (c - 1 == DRUM_CHANNEL) {
                    return noMelody("channel 10 is the drum channel");
                }
                grids.stream().filter(g -> g.part.channel() == c - 1).forEach(melodyParts::add);
                if (melodyParts.isEmpty()) {
                    return noMelody("no notes on channel " + c);
                }
                rule = "channel:" + c;
            }
            default -> {
                String[] why = new String[1];
                melodyParts.add(chooseAuto(grids, offset, bars, stepsPerBar, why));
                rule = why[0];
            }
        }

        // melody: top voice; lower notes of the melody part go to the harmony
        int[] melody = new int[steps];
        Arrays.fill(melody, -1);
        for (GridPart g : melodyParts) {
            for (int k = 0; k < g.size(); k++) {
                for (int t = g.start[k] - offset; t < g.end[k] - offset; t++) {
                    melody[t] = Math.max(melody[t], g.pitch[k]);
                }
            }
        }
        boolean[] onset = new boolean[steps];
        int melodyNotes = 0;
        for (GridPart g : melodyParts) {
            melodyNotes += g.size();
            for (int k = 0; k < g.size(); k++) {
                int t = g.start[k] - offset;
                if (melody[t] == g.pitch[k]) {
                    onset[t] = true;
                }
            }
        }
        int[] onsets = new int[count(onset)];
        for (int t = 0, k = 0; t < steps; t++) {
            if (onset[t]) {
                onsets[k++] = t;
            }
        }

        // harmony: per half bar, distinct pitches of everything else sounding
        int half = stepsPerBar / 2;
        int[] bounds = half == 0 ? new int[] {0} : new int[] {0, half};
        int halves = bars * bounds.length;
        boolean[][] sounding = new boolean[halves][128];
        double[][] weight = new double[halves][12];
        int[] lowest = new int[steps];
        Arrays.fill(lowest, Integer.MAX_VALUE);
        double[] histogram = new double[12];
        for (GridPart g : grids) {
            boolean isMelody = melodyParts.contains(g);
            boolean[] passing = passingTones(g, spq);
            for (int k = 0; k < g.size(); k++) {
                int p = g.pitch[k];
                histogram[p % 12] += g.end[k] - g.start[k];
                double factor = passing[k] ? ChordRecognizer.PASSING : 1.0;
                for (int t = g.start[k] - offset; t < g.end[k] - offset; t++) {
                    int inBar = t % stepsPerBar;
                    int h = (t / stepsPerBar) * bounds.length + (inBar >= half && half > 0 ? 1 : 0);
                    boolean top = isMelody && p >= melody[t];
                    weight[h][p % 12] += ChordRecognizer.metricWeight(inBar, spq, stepsPerBar)
                            * (top ? ChordRecognizer.MELODY : 1.0) * factor;
                    lowest[t] = Math.min(lowest[t], p);
                    if (!top) {
                        sounding[h][p] = true;
                    }
                }
            }
        }
        double[][] bass = new double[halves][12];
        boolean[] barStart = new boolean[halves];
        int[][] span = new int[halves][];
        for (int h = 0; h < halves; h++) {
            int bar = h / bounds.length;
            int which = h % bounds.length;
            int start = bar * stepsPerBar + bounds[which];
            int end = which + 1 < bounds.length ? bar * stepsPerBar + bounds[which + 1] : (bar + 1) * stepsPerBar;
            span[h] = new int[] {start, end};
            barStart[h] = which == 0;
            for (int t = start; t < end; t++) {
                if ((t - bar * stepsPerBar) % spq == 0 && lowest[t] != Integer.MAX_VALUE) {
                    bass[h][lowest[t] % 12] += t == start ? 2 : 1;
                }
            }
        }
        List<ChordRecognizer.Match> found = ChordRecognizer.recogniseAll(weight, bass, barStart);
        List<HalfBarChord> chords = new ArrayList<>(halves);
        Map<List<Integer>, String> names = new HashMap<>();
        for (int h = 0; h < halves; h++) {
            chords.add(chord(span[h][0], span[h][1] - span[h][0], sounding[h], names, found.get(h)));
        }
        Key key = KeyEstimator.estimate(histogram);
        GridPart m0 = melodyParts.get(0);
        List<Integer> numbers = melodyParts.stream().map(GridPart::number).toList();
        MelodySource source = new MelodySource(numbers, m0.part.name(), m0.part.channel() + 1, rule);
        return new FileOutcome.Imported(new ExtractedPiece(ts, stepsPerBar, bars, firstBar, melody, onsets, chords,
                key, source, notes, melodyNotes, drumNotes, offGrid));
    }

    /** The chord of one half bar; {@code names} remembers the symbols of the piece's chords (they repeat). */
    private static HalfBarChord chord(int start, int steps, boolean[] sounding, Map<List<Integer>, String> names,
                                      ChordRecognizer.Match match) {
        int n = 0;
        for (boolean b : sounding) {
            n += b ? 1 : 0;
        }
        int[] pitches = new int[n];
        int mask = 0;
        List<Integer> list = new ArrayList<>(n);
        for (int p = 0, k = 0; p < 128; p++) {
            if (sounding[p]) {
                pitches[k++] = p;
                mask |= 1 << (p % 12);
                list.add(p);
            }
        }
        String recognised = match.chord().isNoChord() ? match.symbol()
                : match.recognised() ? match.symbol() : HalfBarChord.UNRECOGNISED;
        int classes = 0;
        if (match.recognised()) {
            for (int pc : Voicing.CORE.pitchClasses(match.chord())) {
                classes |= 1 << pc;
            }
        }
        return new HalfBarChord(start, steps, pitches, mask, names.computeIfAbsent(list, ChordNamer::name), recognised,
                classes);
    }

    /**
     * The part's passing tones as the recogniser counts them: notes of a beat or less that lead by a half
     * step into a note of the same part starting where they end (a chromatic approach in a walking bass,
     * a passing chord a half step above the next).
     */
    private static boolean[] passingTones(GridPart g, int stepsPerBeat) {
        boolean[] out = new boolean[g.size()];
        for (int k = 0; k < g.size(); k++) {
            if (g.end[k] - g.start[k] > stepsPerBeat) {
                continue;
            }
            for (int j = k + 1; j < g.size() && g.start[j] <= g.end[k]; j++) {
                if (g.start[j] == g.end[k] && Math.abs(g.pitch[j] - g.pitch[k]) == 1) {
                    out[k] = true;
                    break;
                }
            }
        }
        return out;
    }

    /** The melody part by the {@code auto} rules (see the class comment); {@code why[0]} gets the rule. */
    private static GridPart chooseAuto(List<GridPart> grids, int offset, int bars, int stepsPerBar, String[] why) {
        int n = grids.size();
        boolean[] line = new boolean[n];
        boolean[] named = new boolean[n];
        double[] mean = new double[n];
        for (int i = 0; i < n; i++) {
            GridPart g = grids.get(i);
            named[i] = MELODY_NAME.matcher(g.part.name().toLowerCase(Locale.ROOT)).matches();
            line[i] = isLine(g, offset, bars, stepsPerBar);
            double sum = 0;
            for (int p : g.pitch) {
                sum += p;
            }
            mean[i] = sum / g.size();
        }
        String[] rules = {"named as a melody", "highest line", "named as a melody, though not a line", "highest part"};
        for (int r = 0; r < 4; r++) {
            int best = -1;
            for (int i = 0; i < n; i++) {
                boolean ok = switch (r) {
                    case 0 -> named[i] && line[i];
                    case 1 -> line[i];
                    case 2 -> named[i];
                    default -> true;
                };
                if (ok && (best < 0 || mean[i] > mean[best])) {
                    best = i;
                }
            }
            if (best >= 0) {
                why[0] = "auto: " + rules[r];
                return grids.get(best);
            }
        }
        throw new IllegalStateException("no non-drum part");
    }

    /** Mostly monophonic and sounding in enough bars. */
    private static boolean isLine(GridPart g, int offset, int bars, int stepsPerBar) {
        int steps = bars * stepsPerBar;
        int[] count = new int[Math.max(steps, 1)];
        boolean[] barUsed = new boolean[Math.max(bars, 1)];
        for (int k = 0; k < g.size(); k++) {
            for (int t = g.start[k] - offset; t < g.end[k] - offset; t++) {
                count[t]++;
            }
            barUsed[(g.start[k] - offset) / stepsPerBar] = true;
        }
        int soundingSteps = 0;
        int chordSteps = 0;
        for (int c : count) {
            soundingSteps += c > 0 ? 1 : 0;
            chordSteps += c > 1 ? 1 : 0;
        }
        return chordSteps <= MAX_POLYPHONY * soundingSteps && count(barUsed) >= MIN_BAR_COVERAGE * bars;
    }

    private static GridPart quantise(int number, Part p, int ticksPerQuarter, int stepsPerQuarter) {
        int n = p.notes().size();
        int[] start = new int[n];
        int[] end = new int[n];
        int[] pitch = new int[n];
        int offGrid = 0;
        for (int k = 0; k < n; k++) {
            Note note = p.notes().get(k);
            long r = Math.floorMod(note.start() * stepsPerQuarter, (long) ticksPerQuarter);
            if (4 * Math.min(r, ticksPerQuarter - r) > ticksPerQuarter) {
                offGrid++;
            }
            start[k] = toStep(note.start(), ticksPerQuarter, stepsPerQuarter);
            end[k] = Math.max(start[k] + 1, toStep(note.end(), ticksPerQuarter, stepsPerQuarter));
            if (end[k] > MAX_STEPS * 2) {
                start[k] = Math.min(start[k], MAX_STEPS * 2);
                end[k] = MAX_STEPS * 2 + 1;
            }
            pitch[k] = note.pitch();
        }
        return new GridPart(number, p, start, end, pitch, offGrid);
    }

    /** The nearest step to a tick, halves rounding up. */
    static int toStep(long tick, int ticksPerQuarter, int stepsPerQuarter) {
        long twice = 2L * tick * stepsPerQuarter + ticksPerQuarter;
        return (int) Math.min(Integer.MAX_VALUE / 2, twice / (2L * ticksPerQuarter));
    }

    private static FileOutcome noMelody(String detail) {
        return new FileOutcome.Rejected(Rejection.NO_MELODY, "no melody (" + detail + ")");
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static int count(boolean[] flags) {
        int n = 0;
        for (boolean b : flags) {
            n += b ? 1 : 0;
        }
        return n;
    }
}
