package bebop.app;

import bebop.UserError;
import bebop.data.corpus.KeyEstimator;
import bebop.io.score.ChordChart;
import bebop.io.score.IRealPro;
import bebop.io.score.ImproVisor;
import bebop.io.score.MusicXmlChords;
import bebop.io.score.SheetFile;
import bebop.music.KeyChange;
import bebop.music.Note;
import bebop.music.Part;
import bebop.music.Progression;
import bebop.music.Score;
import bebop.music.Voicing;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tune to improvise over, as {@code compose --chords} or {@code --leadsheet} gives it: the chords, the
 * option that gave them and where they came from (for messages), the key they were moved from and to, the
 * lead sheet's melody as a primer score (an Impro-Visor or MusicXML sheet's; else null), and, for {@code --transpose-to model}, the chords in
 * the tune's own key and the semitones that move the composed piece back into it ({@code written} is
 * {@code progression} and {@code back} 0 otherwise).
 */
public record Tune(Progression progression, String option, String where, String transposition, Score melody,
                   Progression written, int back) {
    /** The options that give a tune. */
    static final String CHORDS = "--chords";
    static final String LEADSHEET = "--leadsheet";

    /** The {@code --transpose-to} value that means the key the model was trained in. */
    public static final String MODEL_KEY = "model";

    /** A piece composed over {@link #progression}, every note moved back into the tune's key. */
    Score home(Score composed) {
        if (back == 0) {
            return composed;
        }
        List<Part> parts = new ArrayList<>();
        for (Part part : composed.parts()) {
            parts.add(new Part(part.name(), part.channel(), part.program(), part.notes().stream()
                    .map(n -> new Note(n.pitch() + back, n.start(), n.duration(), n.velocity())).toList()));
        }
        return new Score(composed.title(), composed.ticksPerQuarter(), composed.tempoBpm(), composed.timeSignature(),
                parts, composed.chordSymbols(), composed.length());
    }

    /** {@link #read(String, Voicing, String, String, ModelHarmony)} without a model: no {@code --transpose-to model}. */
    public static Tune read(String text, Voicing voicing, String tune, String transposeTo) {
        return read(text, voicing, tune, transposeTo, null);
    }

    /**
     * The tune of a request, voiced {@code voicing}: the lead sheet of {@code --leadsheet} (read as
     * {@code --chords @FILE} reads it, {@link #read(String, Voicing, String, String, ModelHarmony)}, and named
     * {@code --leadsheet} in messages), else the chords of {@code --chords}; null when it gives neither.
     */
    static Tune of(ComposeRequest r, Voicing voicing, ModelHarmony harmony) {
        if (r.leadsheet() != null) {
            return read(LEADSHEET, "--leadsheet " + r.leadsheet(), r.leadsheet(), null, voicing, r.tune(), r.transposeTo(),
                    harmony);
        }
        return r.chords() == null ? null : read(r.chords(), voicing, r.tune(), r.transposeTo(), harmony);
    }

    /**
     * The chords of {@code --chords}: the text; "@FILE" the chords of that file (a MusicXML lead sheet's
     * harmony, .musicxml .xml .mxl, with its melody; an Impro-Visor .ls sheet, with its melody; a file holding iReal Pro
     * links; else a text chart); an irealb:// or irealbook:// link an iReal Pro tune ({@code tune} picks one
     * of a playlist); moved into the key {@code transposeTo} from the key the sheet writes (a text chart
     * names none: its key is estimated from its chords); {@code transposeTo} "model" moves it into the key
     * the model's training data was in ({@code harmony}), to be composed there and moved back. A user
     * error names the bad symbol, bar, file, tune or key.
     */
    static Tune read(String text, Voicing voicing, String tune, String transposeTo, ModelHarmony harmony) {
        return text.startsWith("@")
                ? read(CHORDS, CHORDS + " " + text, Path.of(text.substring(1)), null, voicing, tune, transposeTo, harmony)
                : read(CHORDS, CHORDS, null, text, voicing, tune, transposeTo, harmony);
    }

    /**
     * The tune of a lead sheet {@code file} or, with none, of the chords or iReal Pro link {@code text}, as the
     * user gave it with {@code option} ({@code where} names the file too, for messages).
     */
    private static Tune read(String option, String where, Path file, String text, Voicing voicing, String tune,
                             String transposeTo, ModelHarmony harmony) {
        String chart = text;
        String key = null;
        Score melody = null;
        boolean tuned = false;
        try {
            if (file != null) {
                if (MusicXmlChords.handles(file)) {
                    chart = MusicXmlChords.read(file);
                    key = MusicXmlChords.key(file);
                    List<Note> notes = MusicXmlChords.melody(file);
                    melody = notes.isEmpty() ? null : melodyScore("", chart, notes);
                } else if (ImproVisor.handles(file)) {
                    ImproVisor.Sheet ls = ImproVisor.read(file);
                    chart = ls.chart();
                    key = ls.key();
                    melody = ls.melody().isEmpty() ? null : melodyScore(ls.title(), ls.chart(), ls.melody());
                } else {
                    String content = ChordChart.read(file);
                    if (IRealPro.holdsLink(content)) {
                        IRealPro.Tune t = IRealPro.pick(IRealPro.read(SheetFile.text(file)), tune);
                        chart = t.chart();
                        key = t.key();
                        where = where + " (" + t.title() + ")";
                        tuned = true;
                    } else {
                        chart = content;
                    }
                }
            } else if (IRealPro.holdsLink(text)) {
                IRealPro.Tune t = IRealPro.pick(IRealPro.read(text), tune);
                chart = t.chart();
                key = t.key();
                where = "--chords (iReal Pro: " + t.title() + ")";
                tuned = true;
            }
        } catch (IllegalArgumentException e) {
            throw new UserError(where + ": " + e.getMessage(), e);
        }
        if (tune != null && !tuned) {
            throw new UserError("--tune " + tune + ": " + where + " is not an iReal Pro playlist");
        }
        Progression p;
        try {
            p = Progression.parse(chart, voicing);
        } catch (IllegalArgumentException e) {
            throw new UserError(where + ": " + e.getMessage(), e);
        }
        String transposition = null;
        Progression written = p;
        int back = 0;
        if (transposeTo != null) {
            boolean model = transposeTo.trim().equalsIgnoreCase(MODEL_KEY);
            KeyChange.Key to = null;
            try {
                to = model ? null : KeyChange.parse(transposeTo);
            } catch (IllegalArgumentException e) {
                throw new UserError("--transpose-to " + transposeTo + ": " + e.getMessage() + ", or model (the key the "
                        + "model was trained in)", e);
            }
            KeyChange.Key from;
            String fromWhere;
            try {
                from = key == null ? estimatedKey(p) : KeyChange.parse(key);
                fromWhere = key == null ? "estimated from its chords" : "its key";
            } catch (IllegalArgumentException e) {
                from = estimatedKey(p);
                fromWhere = "estimated from its chords";
            }
            if (model) {
                if (harmony == null) {
                    throw new UserError("--transpose-to model: needs a model to take the key of");
                }
                to = harmony.keyFor(from).orElseThrow(() -> new UserError("--transpose-to model: the model was trained "
                        + "in " + harmony.keys() + ", not in one key; give a key (--transpose-to F) or leave the tune in its own"));
            }
            int shift = KeyChange.shift(from, to);
            try {
                p = Progression.parse(KeyChange.chart(chart, shift, to.flats()), voicing);
            } catch (IllegalArgumentException e) {
                throw new UserError(where + ": " + e.getMessage(), e);
            }
            if (melody != null) {
                melody = shifted(melody, shift);
            }
            transposition = String.format(Locale.ROOT, "moved from %s (%s) to %s, %+d semitones", from.name(), fromWhere,
                    to.name(), shift);
            if (model) {
                back = -shift;
                transposition += String.format(Locale.ROOT, " into the model's key (it was trained in %s), composed there "
                        + "and moved back to %s", harmony.keys(), from.name());
            } else {
                written = p;
            }
        }
        return new Tune(p, option, where, transposition, melody, written, back);
    }

    /**
     * The key of a chart that names none: Krumhansl-Schmuckler ({@link KeyEstimator}, as import estimates
     * a piece's key) on its chords' pitch classes, each counted for the steps it sounds.
     */
    static KeyChange.Key estimatedKey(Progression p) {
        double[] histogram = new double[12];
        for (int step = 0; step < p.steps(); step++) {
            for (int note : p.chordAtStep(step).notes()) {
                histogram[Math.floorMod(note, 12)]++;
            }
        }
        bebop.data.corpus.Key k = KeyEstimator.estimate(histogram);
        return new KeyChange.Key(k.tonic(), k.minor());
    }

    /**
     * A lead sheet's melody (Impro-Visor's or MusicXML's, 480 ticks a quarter) as a primer score: the part
     * Melody moved by octaves into the paper's C4..C5 (MIDI 60..72), beside the part Chords voicing the
     * sheet's chords in C3..B3 under it.
     */
    private static Score melodyScore(String title, String chart, List<Note> notes) {
        Progression p;
        try {
            p = Progression.parse(chart);
        } catch (IllegalArgumentException e) {
            return null;
        }
        List<Note> mel = new ArrayList<>();
        long end = 0;
        for (Note n : notes) {
            int pitch = n.pitch();
            while (pitch < 60) {
                pitch += 12;
            }
            while (pitch > 72) {
                pitch -= 12;
            }
            mel.add(new Note(pitch, n.start(), n.duration()));
            end = Math.max(end, n.end());
        }
        int tpq = ImproVisor.TICKS_PER_QUARTER;
        long perStep = tpq / Progression.STEPS_PER_BEAT;
        long perBar = p.stepsPerBar() * perStep;
        long length = (end + perBar - 1) / perBar * perBar;
        List<Note> chords = new ArrayList<>();
        for (long step = 0; step * perStep < length; step++) {
            for (int pitch : p.chordAtStep((int) step).notes()) {
                chords.add(new Note(pitch, step * perStep, perStep));
            }
        }
        return new Score(title, tpq, Score.DEFAULT_TEMPO, p.meter(), List.of(
                new Part(Part.CHORDS, Part.CHORD_CHANNEL, Part.CHORD_PROGRAM, chords),
                new Part(Part.MELODY, Part.MELODY_CHANNEL, Part.MELODY_PROGRAM, mel)),
                List.of(), length);
    }

    /** A primer score moved by semitones, its melody kept in C4..C5 by octaves. */
    private static Score shifted(Score s, int shift) {
        List<Part> parts = new ArrayList<>();
        for (Part part : s.parts()) {
            List<Note> notes = new ArrayList<>();
            boolean chords = part.name().equals(Part.CHORDS);
            for (Note n : part.notes()) {
                int pitch = n.pitch() + shift;
                int low = chords ? 48 : 60;
                int high = chords ? 59 : 72;
                while (pitch < low) {
                    pitch += 12;
                }
                while (pitch > high) {
                    pitch -= 12;
                }
                notes.add(new Note(pitch, n.start(), n.duration(), n.velocity()));
            }
            parts.add(new Part(part.name(), part.channel(), part.program(), notes));
        }
        return new Score(s.title(), s.ticksPerQuarter(), s.tempoBpm(), s.timeSignature(), parts, s.chordSymbols(), s.length());
    }
}
