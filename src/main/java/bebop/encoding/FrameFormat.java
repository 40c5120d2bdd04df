package bebop.encoding;

import bebop.music.ChordNamer;
import bebop.music.ChordSymbol;
import bebop.music.Note;
import bebop.music.Part;
import bebop.music.Score;
import bebop.music.TimeSignature;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the units of a model's frames mean, so that a model file says how to read what it plays.
 * Three layouts:
 *
 * <ul>
 *   <li>{@value #CHORDS_MELODY}: {@code chordUnits} chord units (MIDI {@code chordLow + k}, the
 *       chord's pitch classes) then {@code melodyUnits} melody units (MIDI {@code melodyLow + m},
 *       at most one on). The paper's local encoding is this layout with 12 + 13 units from 48 and
 *       60, one step per eighth note ({@link #blues}); a chords-only model has no melody units.
 *   <li>{@value #CORPUS_ROLL}: the 88 piano keys (unit k = MIDI 21 + k) as {@code bebop import}
 *       writes a corpus: the half bar's chord as pitch classes on the keys {@code chordLow..chordLow+11},
 *       the melody pitch on its own key (a melody pitch on a chord key shares it).
 *   <li>{@value #PIANO_ROLL}: the 88 piano keys, any number sounding (JSB Chorales, Nottingham, a
 *       benchmark JSON): no chords apart, no melody apart.
 * </ul>
 *
 * @param layout          one of the three names above
 * @param chordLow        lowest chord pitch (48 = C3)
 * @param chordUnits      chord units (12, or 0 for a piano roll)
 * @param melodyLow       MIDI pitch of the first melody unit ({@value #CHORDS_MELODY} only)
 * @param melodyUnits     melody units ({@value #CHORDS_MELODY} only)
 * @param stepsPerQuarter frames per quarter note
 * @param stepsPerBar     frames per bar
 */
public record FrameFormat(String layout, int chordLow, int chordUnits, int melodyLow, int melodyUnits,
                          int stepsPerQuarter, int stepsPerBar) {
    public static final String CHORDS_MELODY = "chords-melody";
    public static final String CORPUS_ROLL = "corpus-roll";
    public static final String PIANO_ROLL = "piano-roll";
    /** The lowest key of a roll, A0. */
    public static final int KEY_LOW = 21;
    /** Keys of a roll. */
    public static final int KEYS = 88;

    public FrameFormat {
        if (!List.of(CHORDS_MELODY, CORPUS_ROLL, PIANO_ROLL).contains(layout)) {
            throw new IllegalArgumentException("unknown frame layout '" + layout + "' (" + CHORDS_MELODY + ", "
                    + CORPUS_ROLL + ", " + PIANO_ROLL + ")");
        }
        if (stepsPerQuarter < 1 || stepsPerBar < 1 || chordUnits < 0 || melodyUnits < 0) {
            throw new IllegalArgumentException("bad frame format: " + stepsPerQuarter + " steps a quarter, "
                    + stepsPerBar + " a bar, " + chordUnits + " chord and " + melodyUnits + " melody units");
        }
        if (layout.equals(CHORDS_MELODY) && chordUnits + melodyUnits < 1) {
            throw new IllegalArgumentException("a chords-melody frame needs units");
        }
        if (layout.equals(CHORDS_MELODY) && (chordLow < 0 || chordLow + chordUnits > 128 || melodyLow < 0
                || melodyLow + melodyUnits > 128)) {
            throw new IllegalArgumentException("frame units outside MIDI 0..127");
        }
    }

    /** The paper's local encoding: 12 chord units (+ 13 melody units when {@code units} is 25). */
    public static FrameFormat blues(int units) {
        if (units != LocalEncoding.UNITS && units != LocalEncoding.CHORD_UNITS) {
            throw new IllegalArgumentException("the blues encoding has " + LocalEncoding.CHORD_UNITS + " or "
                    + LocalEncoding.UNITS + " units, not " + units);
        }
        return new FrameFormat(CHORDS_MELODY, LocalEncoding.CHORD_LOW, LocalEncoding.CHORD_UNITS, LocalEncoding.MELODY_LOW,
                units - LocalEncoding.CHORD_UNITS, LocalEncoding.STEPS_PER_QUARTER, LocalEncoding.STEPS_PER_BAR);
    }

    /** 12 chord units from C3 and {@code melodyUnits} melody units from {@code melodyLow}. */
    public static FrameFormat chordsMelody(int melodyLow, int melodyUnits, int stepsPerQuarter, int stepsPerBar) {
        return new FrameFormat(CHORDS_MELODY, LocalEncoding.CHORD_LOW, LocalEncoding.CHORD_UNITS, melodyLow, melodyUnits,
                stepsPerQuarter, stepsPerBar);
    }

    /** An imported corpus as 88 keys (chords in 48..59). */
    public static FrameFormat corpusRoll(int stepsPerQuarter, int stepsPerBar) {
        return new FrameFormat(CORPUS_ROLL, LocalEncoding.CHORD_LOW, LocalEncoding.CHORD_UNITS, 0, 0, stepsPerQuarter,
                stepsPerBar);
    }

    /** A plain 88-key piano roll. */
    public static FrameFormat pianoRoll(int stepsPerQuarter, int stepsPerBar) {
        return new FrameFormat(PIANO_ROLL, 0, 0, 0, 0, stepsPerQuarter, stepsPerBar);
    }

    /** Units per frame. */
    public int units() {
        return layout.equals(CHORDS_MELODY) ? chordUnits + melodyUnits : KEYS;
    }

    /** True when the frames hold chords apart from the melody, so a model can improvise over given chords. */
    public boolean chordConditioned() {
        return layout.equals(CORPUS_ROLL) || (layout.equals(CHORDS_MELODY) && melodyUnits > 0 && chordUnits > 0);
    }

    public boolean isPianoRoll() {
        return layout.equals(PIANO_ROLL);
    }

    /** True for exactly the paper's blues encoding (25 or 12 units, eighth notes). */
    public boolean isBlues() {
        return layout.equals(CHORDS_MELODY) && chordLow == LocalEncoding.CHORD_LOW && chordUnits == LocalEncoding.CHORD_UNITS
                && stepsPerQuarter == LocalEncoding.STEPS_PER_QUARTER && stepsPerBar == LocalEncoding.STEPS_PER_BAR
                && (melodyUnits == 0 || (melodyLow == LocalEncoding.MELODY_LOW && melodyUnits == LocalEncoding.MELODY_UNITS));
    }

    /**
     * The {@value #CHORDS_MELODY} format a {@value #CORPUS_ROLL} model composes in: 12 chord units and
     * the 88 keys as melody units (see {@code compose.CorpusRollView}); the format itself otherwise.
     */
    public FrameFormat composing() {
        return layout.equals(CORPUS_ROLL) ? chordsMelody(KEY_LOW, KEYS, stepsPerQuarter, stepsPerBar) : this;
    }

    /** The bar: whole quarters over 4, else eighths over 8, else 4/4. */
    public TimeSignature timeSignature() {
        if (stepsPerBar % stepsPerQuarter == 0 && stepsPerBar / stepsPerQuarter <= 64) {
            return new TimeSignature(stepsPerBar / stepsPerQuarter, 4);
        }
        if ((2 * stepsPerBar) % stepsPerQuarter == 0 && 2 * stepsPerBar / stepsPerQuarter <= 64) {
            return new TimeSignature(2 * stepsPerBar / stepsPerQuarter, 8);
        }
        return TimeSignature.FOUR_FOUR;
    }

    /** A short description for messages: "88-key piano roll, 1 step a quarter". */
    public String describe() {
        String grid = String.format(Locale.ROOT, "%d step%s a quarter, %d a bar", stepsPerQuarter,
                stepsPerQuarter == 1 ? "" : "s", stepsPerBar);
        return switch (layout) {
            case PIANO_ROLL -> "88-key piano roll, " + grid;
            case CORPUS_ROLL -> "chords (" + chordUnits + " pitch classes) and melody on 88 keys, " + grid;
            default -> melodyUnits == 0 ? chordUnits + " chord units, " + grid
                    : String.format(Locale.ROOT, "%d chord units and %d melody units (MIDI %d-%d), %s", chordUnits,
                    melodyUnits, melodyLow, melodyLow + melodyUnits - 1, grid);
        };
    }

    /**
     * A score of frames in this format (values above 0.5 sound): chords and melody as the parts
     * Chords and Melody (one held note per run of equal frames; chords struck again at bar lines),
     * or a piano roll as one part, Piano (one note per run of a sounding key). Not for
     * {@value #CORPUS_ROLL}: compose such frames in {@link #composing()}.
     */
    public Score decode(double[][] frames, double tempoBpm, String title) {
        if (isBlues()) {
            return LocalEncoding.decode(frames, tempoBpm, title);
        }
        for (double[] f : frames) {
            if (f.length != units()) {
                throw new IllegalArgumentException("a frame has " + f.length + " units; the format has " + units());
            }
        }
        if (layout.equals(CORPUS_ROLL)) {
            throw new IllegalArgumentException("decode corpus-roll frames in the composing format");
        }
        if (LocalEncoding.TICKS_PER_QUARTER % stepsPerQuarter != 0) {
            throw new IllegalArgumentException(stepsPerQuarter + " steps a quarter do not divide "
                    + LocalEncoding.TICKS_PER_QUARTER + " ticks");
        }
        long tps = LocalEncoding.TICKS_PER_QUARTER / stepsPerQuarter;
        long length = frames.length * tps;
        TimeSignature ts = timeSignature();
        if (layout.equals(PIANO_ROLL)) {
            List<Note> notes = new ArrayList<>();
            for (int k = 0; k < KEYS; k++) {
                int t = 0;
                while (t < frames.length) {
                    if (frames[t][k] > 0.5) {
                        int end = t + 1;
                        while (end < frames.length && frames[end][k] > 0.5) {
                            end++;
                        }
                        notes.add(new Note(KEY_LOW + k, t * tps, (end - t) * tps, LocalEncoding.MELODY_VELOCITY));
                        t = end;
                    } else {
                        t++;
                    }
                }
            }
            notes.sort(java.util.Comparator.comparingLong(Note::start).thenComparingInt(Note::pitch));
            return new Score(title, LocalEncoding.TICKS_PER_QUARTER, tempoBpm, ts,
                    List.of(new Part("Piano", 0, 0, notes)), List.of(), length);
        }
        List<Note> chordNotes = new ArrayList<>();
        List<ChordSymbol> symbols = new ArrayList<>();
        int t = 0;
        while (t < frames.length) {
            List<Integer> chord = chord(frames[t]);
            int end = t + 1;
            while (end < frames.length && end % stepsPerBar != 0 && chord(frames[end]).equals(chord)) {
                end++;
            }
            if (!chord.isEmpty()) {
                for (int pitch : chord) {
                    chordNotes.add(new Note(pitch, t * tps, (end - t) * tps, LocalEncoding.CHORD_VELOCITY));
                }
                String symbol = ChordNamer.name(chord);
                if (symbols.isEmpty() || !symbols.get(symbols.size() - 1).symbol().equals(symbol) || t % stepsPerBar == 0) {
                    symbols.add(new ChordSymbol(t * tps, symbol));
                }
            }
            t = end;
        }
        List<Part> parts = new ArrayList<>();
        parts.add(new Part(Part.CHORDS, Part.CHORD_CHANNEL, Part.CHORD_PROGRAM, chordNotes));
        if (melodyUnits > 0) {
            List<Note> melodyNotes = new ArrayList<>();
            t = 0;
            while (t < frames.length) {
                int pitch = melody(frames[t]);
                int end = t + 1;
                while (end < frames.length && melody(frames[end]) == pitch) {
                    end++;
                }
                if (pitch >= 0) {
                    melodyNotes.add(new Note(pitch, t * tps, (end - t) * tps, LocalEncoding.MELODY_VELOCITY));
                }
                t = end;
            }
            parts.add(new Part(Part.MELODY, Part.MELODY_CHANNEL, Part.MELODY_PROGRAM, melodyNotes));
        }
        return new Score(title, LocalEncoding.TICKS_PER_QUARTER, tempoBpm, ts, parts, symbols, length);
    }

    /**
     * The frames of a score in this format's own units, sampled at the start of every step: for a
     * piano roll every note of every part but the drums (channel 10); otherwise the part named
     * Chords (its pitch classes) and the top note of the part named Melody (moved by octaves into
     * the melody range). The piece's own bars are not checked.
     *
     * @throws IllegalArgumentException if the score's resolution has no whole number of ticks a step,
     *     or a piano-roll note lies outside the 88 keys
     */
    public double[][] encode(Score score) {
        if (score.ticksPerQuarter() % stepsPerQuarter != 0) {
            throw new IllegalArgumentException("a resolution of " + score.ticksPerQuarter() + " ticks a quarter has no "
                    + "whole number of ticks a step (" + stepsPerQuarter + " steps a quarter)");
        }
        long tps = score.ticksPerQuarter() / stepsPerQuarter;
        int steps = Math.toIntExact((score.length() + tps - 1) / tps);
        double[][] frames = new double[steps][units()];
        if (isPianoRoll()) {
            for (Part part : score.parts()) {
                if (part.channel() == 9) {
                    continue;
                }
                for (Note n : part.notes()) {
                    if (n.pitch() < KEY_LOW || n.pitch() >= KEY_LOW + KEYS) {
                        throw new IllegalArgumentException("note " + n.pitch() + " is outside the 88 keys (MIDI 21-108)");
                    }
                    sample(n, tps, steps, t -> frames[t][n.pitch() - KEY_LOW] = 1.0);
                }
            }
            return frames;
        }
        boolean roll = layout.equals(CORPUS_ROLL);
        score.part(Part.CHORDS).ifPresent(p -> {
            for (Note n : p.notes()) {
                int pc = Math.floorMod(n.pitch() - chordLow, 12);
                if (pc < chordUnits) {
                    int unit = roll ? chordLow - KEY_LOW + pc : pc;
                    sample(n, tps, steps, t -> frames[t][unit] = 1.0);
                }
            }
        });
        int[] top = new int[steps];
        java.util.Arrays.fill(top, -1);
        score.part(Part.MELODY).ifPresent(p -> {
            for (Note n : p.notes()) {
                sample(n, tps, steps, t -> top[t] = Math.max(top[t], n.pitch()));
            }
        });
        for (int t = 0; t < steps; t++) {
            if (top[t] < 0) {
                continue;
            }
            if (roll) {
                int key = Math.max(KEY_LOW, Math.min(KEY_LOW + KEYS - 1, top[t]));
                frames[t][key - KEY_LOW] = 1.0;
            } else if (melodyUnits > 0) {
                int p = top[t];
                int hi = melodyLow + melodyUnits - 1;
                while (p < melodyLow) {
                    p += 12;
                }
                while (p > hi && p - 12 >= melodyLow) {
                    p -= 12;
                }
                frames[t][chordUnits + Math.max(melodyLow, Math.min(hi, p)) - melodyLow] = 1.0;
            }
        }
        return frames;
    }

    private static void sample(Note n, long tps, int steps, java.util.function.IntConsumer action) {
        long first = (n.start() + tps - 1) / tps;
        for (long t = first; t < steps && n.soundsAt(t * tps); t++) {
            action.accept((int) t);
        }
    }

    private List<Integer> chord(double[] frame) {
        List<Integer> notes = new ArrayList<>(4);
        for (int u = 0; u < chordUnits; u++) {
            if (frame[u] > 0.5) {
                notes.add(chordLow + u);
            }
        }
        return notes;
    }

    private int melody(double[] frame) {
        for (int u = chordUnits + melodyUnits - 1; u >= chordUnits; u--) {
            if (frame[u] > 0.5) {
                return melodyLow + u - chordUnits;
            }
        }
        return -1;
    }
}
