package bebop.encoding;

import bebop.music.ChordNamer;
import bebop.music.ChordSymbol;
import bebop.music.Note;
import bebop.music.Part;
import bebop.music.Pitch;
import bebop.music.Score;
import bebop.music.TimeSignature;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The paper's local encoding: one frame per eighth note, units 0..11 are the chord notes MIDI 48..59
 * (C3..B3) and units 12..24 the melody notes MIDI 60..72 (C4..C5), 1.0 = sounding, 0.0 = silent.
 *
 * <p>The encoding marks no onsets (the paper: eight eighth notes of one pitch look like four
 * quarter notes), so {@link #decode} makes one held note of each run of equal melody frames, and
 * one chord of each run of equal chord frames within a bar (chords are struck again at every bar
 * line, as a player would). Encoding samples each note at the start of every step.
 */
public final class LocalEncoding {
    public static final int CHORD_LOW = 48;
    public static final int CHORD_UNITS = 12;
    public static final int MELODY_LOW = 60;
    public static final int MELODY_UNITS = 13;
    public static final int UNITS = CHORD_UNITS + MELODY_UNITS;
    public static final int STEPS_PER_QUARTER = 2;
    public static final int STEPS_PER_BAR = 8;
    public static final int STEPS_PER_CHORUS = 96;
    /** Resolution of decoded scores, as bebop writes MIDI. */
    public static final int TICKS_PER_QUARTER = 480;
    static final int CHORD_VELOCITY = 72;
    static final int MELODY_VELOCITY = 96;

    private LocalEncoding() {}

    /** The unit of a chord note (MIDI 48..59). */
    public static int chordUnit(int midi) {
        if (midi < CHORD_LOW || midi >= CHORD_LOW + CHORD_UNITS) {
            throw new IllegalArgumentException("chord note " + Pitch.name(midi) + " (MIDI " + midi
                    + ") is outside the chord range C3..B3 (MIDI 48-59)");
        }
        return midi - CHORD_LOW;
    }

    /** The unit of a melody note (MIDI 60..72). */
    public static int melodyUnit(int midi) {
        if (midi < MELODY_LOW || midi >= MELODY_LOW + MELODY_UNITS) {
            throw new IllegalArgumentException("melody note " + Pitch.name(midi) + " (MIDI " + midi
                    + ") is outside the melody range C4..C5 (MIDI 60-72)");
        }
        return CHORD_UNITS + midi - MELODY_LOW;
    }

    /** The MIDI note of a unit 0..24. */
    public static int unitPitch(int unit) {
        if (unit < 0 || unit >= UNITS) {
            throw new IllegalArgumentException("unit " + unit + " is outside 0.." + (UNITS - 1));
        }
        return unit < CHORD_UNITS ? CHORD_LOW + unit : MELODY_LOW + unit - CHORD_UNITS;
    }

    /**
     * Frames (steps x 25) of a score's "Chords" and "Melody" parts. Where the melody sounds two
     * notes at once, the top one is kept. The score's resolution must be a whole number of ticks
     * per eighth note.
     */
    public static double[][] encode(Score score) {
        if (score.ticksPerQuarter() % STEPS_PER_QUARTER != 0) {
            throw new IllegalArgumentException("a resolution of " + score.ticksPerQuarter()
                    + " ticks per quarter has no whole number of ticks per eighth note");
        }
        long ticksPerStep = score.ticksPerQuarter() / STEPS_PER_QUARTER;
        int steps = Math.toIntExact((score.length() + ticksPerStep - 1) / ticksPerStep);
        double[][] frames = new double[steps][UNITS];
        score.part(Part.CHORDS).ifPresent(p -> {
            for (Note n : p.notes()) {
                int unit = chordUnit(n.pitch());
                forEachSampledStep(n, ticksPerStep, steps, t -> frames[t][unit] = 1.0);
            }
        });
        Optional<Part> melody = score.part(Part.MELODY);
        if (melody.isPresent()) {
            int[] top = new int[steps];
            java.util.Arrays.fill(top, -1);
            for (Note n : melody.get().notes()) {
                int unit = melodyUnit(n.pitch());
                forEachSampledStep(n, ticksPerStep, steps, t -> top[t] = Math.max(top[t], unit));
            }
            for (int t = 0; t < steps; t++) {
                if (top[t] >= 0) {
                    frames[t][top[t]] = 1.0;
                }
            }
        }
        return frames;
    }

    private static void forEachSampledStep(Note n, long ticksPerStep, int steps, java.util.function.IntConsumer action) {
        long first = (n.start() + ticksPerStep - 1) / ticksPerStep;
        for (long t = first; t < steps && n.soundsAt(t * ticksPerStep); t++) {
            action.accept((int) t);
        }
    }

    /**
     * A score of frames (steps x 25, or steps x 12 for chords only): values above 0.5 sound. The
     * chord symbols name each chord as the paper does where it is one of the paper's voicings.
     */
    public static Score decode(double[][] frames, double tempoBpm, String title) {
        return decode(frames, tempoBpm, title, TimeSignature.FOUR_FOUR, null);
    }

    /**
     * As {@link #decode(double[][], double, String)} in a meter of quarter-note beats ({@code meter}
     * n/4: bars of 2n steps, chords struck again at each bar line), with the given chord symbols in
     * place of names found from the notes when {@code chordSymbols} is not null (a user's progression
     * keeps its own symbols: "F13", not the name of the notes voiced).
     */
    public static Score decode(double[][] frames, double tempoBpm, String title, TimeSignature meter,
                               List<ChordSymbol> chordSymbols) {
        if (meter.denominator() != 4) {
            throw new IllegalArgumentException("the meter " + meter + " has no quarter-note beats");
        }
        int stepsPerBar = meter.numerator() * STEPS_PER_QUARTER;
        int ticksPerStep = TICKS_PER_QUARTER / STEPS_PER_QUARTER;
        List<Note> chordNotes = new ArrayList<>();
        List<ChordSymbol> symbols = new ArrayList<>();
        List<Note> melodyNotes = new ArrayList<>();
        boolean hasMelodyUnits = frames.length > 0 && frames[0].length == UNITS;
        for (double[] f : frames) {
            if (f.length != CHORD_UNITS && f.length != UNITS) {
                throw new IllegalArgumentException("a frame has " + f.length + " units; the encoding has "
                        + CHORD_UNITS + " (chords) or " + UNITS);
            }
        }
        int t = 0;
        while (t < frames.length) {
            List<Integer> chord = chordNotes(frames[t]);
            int end = t + 1;
            while (end < frames.length && end % stepsPerBar != 0 && chordNotes(frames[end]).equals(chord)) {
                end++;
            }
            if (!chord.isEmpty()) {
                for (int pitch : chord) {
                    chordNotes.add(new Note(pitch, (long) t * ticksPerStep, (long) (end - t) * ticksPerStep, CHORD_VELOCITY));
                }
                String symbol = chordSymbols != null ? null : ChordNamer.name(chord);
                if (symbol != null && (symbols.isEmpty() || !symbols.get(symbols.size() - 1).symbol().equals(symbol)
                        || t % stepsPerBar == 0)) {
                    symbols.add(new ChordSymbol((long) t * ticksPerStep, symbol));
                }
            }
            t = end;
        }
        if (hasMelodyUnits) {
            t = 0;
            while (t < frames.length) {
                int pitch = melodyPitch(frames[t]);
                int end = t + 1;
                while (end < frames.length && melodyPitch(frames[end]) == pitch) {
                    end++;
                }
                if (pitch >= 0) {
                    melodyNotes.add(new Note(pitch, (long) t * ticksPerStep, (long) (end - t) * ticksPerStep, MELODY_VELOCITY));
                }
                t = end;
            }
        }
        List<Part> parts = new ArrayList<>();
        parts.add(new Part(Part.CHORDS, Part.CHORD_CHANNEL, Part.CHORD_PROGRAM, chordNotes));
        if (hasMelodyUnits) {
            parts.add(new Part(Part.MELODY, Part.MELODY_CHANNEL, Part.MELODY_PROGRAM, melodyNotes));
        }
        return new Score(title, TICKS_PER_QUARTER, tempoBpm, meter, parts, chordSymbols != null ? chordSymbols : symbols,
                (long) frames.length * ticksPerStep);
    }

    private static List<Integer> chordNotes(double[] frame) {
        List<Integer> notes = new ArrayList<>(4);
        for (int u = 0; u < CHORD_UNITS; u++) {
            if (frame[u] > 0.5) {
                notes.add(CHORD_LOW + u);
            }
        }
        return notes;
    }

    /** The top melody note sounding in a frame, or -1 for none. */
    private static int melodyPitch(double[] frame) {
        for (int u = UNITS - 1; u >= CHORD_UNITS; u--) {
            if (frame[u] > 0.5) {
                return MELODY_LOW + u - CHORD_UNITS;
            }
        }
        return -1;
    }

    /** The first 12 units of each frame: the input of the paper's Experiment 1. */
    public static double[][] chordsOnly(double[][] frames) {
        double[][] out = new double[frames.length][];
        for (int t = 0; t < frames.length; t++) {
            out[t] = java.util.Arrays.copyOf(frames[t], CHORD_UNITS);
        }
        return out;
    }
}
