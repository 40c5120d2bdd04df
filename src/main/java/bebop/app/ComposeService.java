package bebop.app;

import bebop.UserError;
import bebop.compose.ChordFrames;
import bebop.compose.Composer;
import bebop.compose.Generation;
import bebop.compose.GivenChordsComposer;
import bebop.compose.Primers;
import bebop.data.BluesDataset;
import bebop.data.corpus.KeyEstimator;
import bebop.encoding.FrameFormat;
import bebop.encoding.LocalEncoding;
import bebop.io.midi.MidiReader;
import bebop.io.score.ChordChart;
import bebop.io.score.IRealPro;
import bebop.io.score.ImproVisor;
import bebop.io.score.MusicXmlChords;
import bebop.io.score.SheetFile;
import bebop.music.BluesForm;
import bebop.music.Chord;
import bebop.music.KeyChange;
import bebop.music.Progression;
import bebop.music.Score;
import bebop.music.Voicing;
import bebop.nn.SequenceModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Composing, as in the paper: a trained network, primed with the opening of a training chorus (or a
 * MIDI file), runs free, its chord outputs thresholded at 0.5 and one melody note drawn per step.
 * The seed splits into two streams, one for the primer choice and one for the note draws, so the
 * same request gives the same piece.
 */
public final class ComposeService {
    /** What a piece of the paper's encoding is written as. */
    public static final Set<ScoreFormat> SCORE_FORMATS = Collections.unmodifiableSet(EnumSet.of(ScoreFormat.mid,
            ScoreFormat.wav, ScoreFormat.png, ScoreFormat.musicxml, ScoreFormat.ly));
    private static final Set<ScoreFormat> ROLL_FORMATS = Collections.unmodifiableSet(EnumSet.of(ScoreFormat.mid,
            ScoreFormat.wav, ScoreFormat.png));

    /** The {@code --transpose-to} value that means the key the model was trained in. */
    public static final String MODEL_KEY = "model";

    private ComposeService() {}

    public static Composition compose(ComposeRequest r) {
        if (r.chords() == null && (r.tune() != null || r.transposeTo() != null)) {
            throw new UserError((r.tune() != null ? "--tune" : "--transpose-to") + ": give chords (--chords or --leadsheet) to go with it");
        }
        LoadedModel loaded = Models.load(r.model());
        // the user's chords speak the model's language: its training data's voicing, unless --voicing says
        ModelHarmony harmony = ModelHarmony.of(loaded);
        Sheet sheet = r.chords() == null ? null : sheet(r.chords(), voicing(r, harmony), r.tune(), r.transposeTo(), harmony);
        Progression progression = sheet == null ? null : sheet.progression();
        if (loaded instanceof DataModel m) {
            return composeData(m, r, sheet);
        }
        BluesModel m = (BluesModel) loaded;
        if (progression != null && !m.melody()) {
            throw new UserError("--chords: " + m.label() + " is a chords-only model; it has no melody to improvise over the chords");
        }
        int k = r.primerSteps() == null ? Primers.DEFAULT_STEPS : r.primerSteps();
        if (k < 1 || k > LocalEncoding.STEPS_PER_CHORUS) {
            throw new UserError("--primer-steps " + k + ": must be between 1 and " + LocalEncoding.STEPS_PER_CHORUS);
        }
        SplittableRandom root = new SplittableRandom(r.seed());
        SplittableRandom pick = root.split();
        SplittableRandom notes = root.split();
        if (r.primerFile() != null) {
            double[][] primer = bluesPrimer(r.primerFile(), m);
            if (primer.length >= steps(r.choruses(), progression)) {
                throw new UserError("--primer " + r.primerFile() + ": its " + primer.length + " steps fill the "
                        + r.choruses() + " choruses to compose; ask for more --choruses");
            }
            return blues(m, r, sheet, primer, r.primerFile() + " (" + primer.length + " steps)", notes);
        }
        if (sheet != null && sheet.melody() != null && r.primerSteps() == null && m.melody()) {
            double[][] primer = Primers.fromScore(sheet.melody(), m.units());
            if (primer.length >= steps(r.choruses(), progression)) {
                throw new UserError(sheet.where() + ": its melody's " + primer.length + " steps fill the " + r.choruses()
                        + " choruses to compose; ask for more --choruses");
            }
            return blues(m, r, sheet, primer, "the lead sheet's melody (" + primer.length + " steps)", notes);
        }
        BluesDataset data = m.data();
        if (!m.melody()) {
            return blues(m, r, sheet, Primers.firstSteps(BluesDataset.chordFrames(data.form()), k, m.units()),
                    "the first " + k + " steps of the form", notes);
        }
        List<BluesDataset.Chorus> training = trainingChoruses(data, m.heldOut());
        BluesDataset.Chorus c = training.get(pick.nextInt(training.size()));
        return blues(m, r, sheet, Primers.firstSteps(data.frames(c), k, m.units()),
                "the first " + k + " steps of training chorus " + c.index(), notes);
    }

    /**
     * A primer file read as {@code --primer} reads it (bebop's MIDI reader), before any model sees it:
     * its score, or a user error with the reader's message (naming the file) when it is not a MIDI file
     * or holds no notes. Whether its parts suit a model is checked when composing.
     */
    public static Score readPrimer(Path file) {
        Score score = MidiReader.read(file);
        if (score.parts().stream().allMatch(p -> p.notes().isEmpty())) {
            throw new UserError("--primer " + file + ": no notes to start from");
        }
        return score;
    }

    /** The progression of {@code --chords} in the core voicing, or a user error naming the bad symbol or bar. */
    public static Progression progression(String text) {
        return progression(text, Voicing.CORE);
    }

    /** The progression of {@code --chords} (see {@link #sheet}), as written. */
    public static Progression progression(String text, Voicing voicing) {
        return sheet(text, voicing, null, null).progression();
    }

    /**
     * The chords to improvise over, where they came from (for messages), the key they were moved from
     * and to, the lead sheet's melody as a primer score (an Impro-Visor or MusicXML sheet's; else null),
     * and, for {@code --transpose-to model}, the chords in the tune's own key and the semitones that move
     * the composed piece back into it ({@code written} is {@code progression} and {@code back} 0 otherwise).
     */
    public record Sheet(Progression progression, String where, String transposition, Score melody, Progression written,
                        int back) {
        /** A piece composed over {@link #progression}, every note moved back into the tune's key. */
        Score home(Score composed) {
            if (back == 0) {
                return composed;
            }
            List<bebop.music.Part> parts = new ArrayList<>();
            for (bebop.music.Part part : composed.parts()) {
                parts.add(new bebop.music.Part(part.name(), part.channel(), part.program(), part.notes().stream()
                        .map(n -> new bebop.music.Note(n.pitch() + back, n.start(), n.duration(), n.velocity())).toList()));
            }
            return new Score(composed.title(), composed.ticksPerQuarter(), composed.tempoBpm(), composed.timeSignature(),
                    parts, composed.chordSymbols(), composed.length());
        }
    }

    /** {@link #sheet(String, Voicing, String, String, ModelHarmony)} without a model: no {@code --transpose-to model}. */
    public static Sheet sheet(String text, Voicing voicing, String tune, String transposeTo) {
        return sheet(text, voicing, tune, transposeTo, null);
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
    static Sheet sheet(String text, Voicing voicing, String tune, String transposeTo, ModelHarmony harmony) {
        String chart = text;
        String where = "--chords";
        String key = null;
        Score melody = null;
        boolean tuned = false;
        try {
            if (text.startsWith("@")) {
                Path file = Path.of(text.substring(1));
                where = "--chords " + text;
                if (MusicXmlChords.handles(file)) {
                    chart = MusicXmlChords.read(file);
                    key = MusicXmlChords.key(file);
                    List<bebop.music.Note> notes = MusicXmlChords.melody(file);
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
        return new Sheet(p, where, transposition, melody, written, back);
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
    private static Score melodyScore(String title, String chart, List<bebop.music.Note> notes) {
        Progression p;
        try {
            p = Progression.parse(chart);
        } catch (IllegalArgumentException e) {
            return null;
        }
        List<bebop.music.Note> mel = new ArrayList<>();
        long end = 0;
        for (bebop.music.Note n : notes) {
            int pitch = n.pitch();
            while (pitch < 60) {
                pitch += 12;
            }
            while (pitch > 72) {
                pitch -= 12;
            }
            mel.add(new bebop.music.Note(pitch, n.start(), n.duration()));
            end = Math.max(end, n.end());
        }
        int tpq = ImproVisor.TICKS_PER_QUARTER;
        long perStep = tpq / Progression.STEPS_PER_BEAT;
        long perBar = p.stepsPerBar() * perStep;
        long length = (end + perBar - 1) / perBar * perBar;
        List<bebop.music.Note> chords = new ArrayList<>();
        for (long step = 0; step * perStep < length; step++) {
            for (int pitch : p.chordAtStep((int) step).notes()) {
                chords.add(new bebop.music.Note(pitch, step * perStep, perStep));
            }
        }
        return new Score(title, tpq, Score.DEFAULT_TEMPO, p.meter(), List.of(
                new bebop.music.Part(bebop.music.Part.CHORDS, bebop.music.Part.CHORD_CHANNEL, bebop.music.Part.CHORD_PROGRAM, chords),
                new bebop.music.Part(bebop.music.Part.MELODY, bebop.music.Part.MELODY_CHANNEL, bebop.music.Part.MELODY_PROGRAM, mel)),
                List.of(), length);
    }

    /** A primer score moved by semitones, its melody kept in C4..C5 by octaves. */
    private static Score shifted(Score s, int shift) {
        List<bebop.music.Part> parts = new ArrayList<>();
        for (bebop.music.Part part : s.parts()) {
            List<bebop.music.Note> notes = new ArrayList<>();
            boolean chords = part.name().equals(bebop.music.Part.CHORDS);
            for (bebop.music.Note n : part.notes()) {
                int pitch = n.pitch() + shift;
                int low = chords ? 48 : 60;
                int high = chords ? 59 : 72;
                while (pitch < low) {
                    pitch += 12;
                }
                while (pitch > high) {
                    pitch -= 12;
                }
                notes.add(new bebop.music.Note(pitch, n.start(), n.duration(), n.velocity()));
            }
            parts.add(new bebop.music.Part(part.name(), part.channel(), part.program(), notes));
        }
        return new Score(s.title(), s.ticksPerQuarter(), s.tempoBpm(), s.timeSignature(), parts, s.chordSymbols(), s.length());
    }

    /** The voicing of the user's chords: {@code --voicing}'s, else the model's training data's. */
    private static Voicing voicing(ComposeRequest r, ModelHarmony harmony) {
        return r.voicing() != null ? r.voicing() : harmony.voicing();
    }

    /** ",\nover your chords | F13 | ... (moved from F to Eb, -2 semitones),\nvoiced ..." (nothing without chords). */
    private static String over(Sheet sheet, ComposeRequest r, ModelHarmony harmony) {
        if (sheet == null) {
            return "";
        }
        return ",\nover your chords " + sheet.written() + (sheet.transposition() == null ? "" : " (" + sheet.transposition() + ")")
                + voiced(sheet.progression(), r, harmony);
    }

    /**
     * What the user's chords sound as: the voicing, whether it is the model's training data's, and each
     * chord's notes.
     */
    private static String voiced(Progression progression, ComposeRequest r, ModelHarmony harmony) {
        StringBuilder sb = new StringBuilder(",\nvoiced ").append(voicing(r, harmony).describe());
        if (r.voicing() == null) {
            sb.append(", the model's voicing (").append(harmony.why()).append(')');
        } else if (r.voicing() != harmony.voicing()) {
            sb.append(" by --voicing, not the model's ").append(harmony.voicing().label()).append(" (").append(harmony.why()).append(')');
        }
        sb.append(':');
        for (Chord c : progression.distinctChords()) {
            sb.append(' ').append(c.notes().isEmpty() ? c.symbol() + " (nothing)" : c.toString());
        }
        return sb.toString();
    }

    private static List<BluesDataset.Chorus> trainingChoruses(BluesDataset data, int[] heldOut) {
        boolean[] held = new boolean[data.choruses().size()];
        for (int i : heldOut) {
            held[i] = true;
        }
        List<BluesDataset.Chorus> training = new ArrayList<>();
        for (BluesDataset.Chorus c : data.choruses()) {
            if (!held[c.index()]) {
                training.add(c);
            }
        }
        return training;
    }

    /** Steps of a blues piece: 96 a chorus, or one pass through the progression a chorus. */
    private static int steps(int choruses, Progression progression) {
        return choruses * (progression == null ? LocalEncoding.STEPS_PER_CHORUS : progression.steps());
    }

    private static Composition blues(BluesModel m, ComposeRequest r, Sheet sheet, double[][] primer,
                                     String from, SplittableRandom notes) {
        Progression progression = sheet == null ? null : sheet.progression();
        int steps = steps(r.choruses(), progression);
        double[][] frames;
        if (progression == null) {
            frames = Composer.compose(m.sequenceModel(), primer, steps, r.temperature(), notes);
        } else {
            if (primer.length >= steps) {
                throw new UserError("--chords: the piece (" + steps + " steps) is no longer than the " + primer.length
                        + "-step primer; ask for more --choruses or fewer --primer-steps");
            }
            frames = GivenChordsComposer.compose(m.sequenceModel(), primer, ChordFrames.of(progression, steps),
                    r.temperature(), notes);
        }
        String title = m.melody() ? "bebop blues" : "bebop blues (chords)";
        ModelHarmony harmony = ModelHarmony.of(m);
        Score score = progression == null ? LocalEncoding.decode(frames, r.tempo(), title)
                : sheet.home(LocalEncoding.decode(frames, r.tempo(), title, progression.meter(), sheet.written().chordSymbols(
                        steps, progression.stepsPerBar(), LocalEncoding.TICKS_PER_QUARTER / LocalEncoding.STEPS_PER_QUARTER,
                        voicing(r, harmony))));
        String how = String.format(Locale.ROOT,
                "%d choruses (%d bars, %.0f s at %s bpm) by %s,%nprimed with %s, %s%s.",
                r.choruses(), score.bars(), score.seconds(), Checks.number(r.tempo()), m.describe(), from,
                m.melody() ? "melody temperature " + Checks.number(r.temperature())
                        : "chords only (a chords-only model plays no melody)",
                over(sheet, r, harmony));
        return new Composition(score, how, SCORE_FORMATS);
    }

    private static double[][] bluesPrimer(Path file, BluesModel m) {
        Score score = MidiReader.read(file);
        double[][] frames;
        try {
            frames = Primers.fromScore(score, m.units());
        } catch (IllegalArgumentException e) {
            throw new UserError("--primer " + file + ": " + e.getMessage(), e);
        }
        if (!anyNote(frames)) {
            throw new UserError("--primer " + file + ": no notes in parts named Chords or Melody to start from");
        }
        return frames;
    }

    private static boolean anyNote(double[][] frames) {
        for (double[] f : frames) {
            for (double v : f) {
                if (v > 0.5) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A model of another data set, composed on its own grid and bar as its frame format says. */
    private static Composition composeData(DataModel m, ComposeRequest r, Sheet sheet) {
        Progression progression = sheet == null ? null : sheet.progression();
        SequenceModel net = m.network();
        FrameFormat format = m.format();
        if (progression != null && !format.chordConditioned()) {
            throw new UserError("--chords: " + m.label() + " was trained on a piano roll (" + format.describe()
                    + "), with no chords apart to follow; --chords needs a model of a bebop import folder or the blues");
        }
        Integer primerSteps = r.primerSteps();
        if (primerSteps != null && primerSteps < 1) {
            throw new UserError("--primer-steps " + primerSteps + ": must be at least 1");
        }
        SplittableRandom root = new SplittableRandom(r.seed());
        SplittableRandom pick = root.split();
        SplittableRandom notes = root.split();
        List<int[][]> primers = m.primers();
        int piece = primers.isEmpty() ? -1 : pick.nextInt(primers.size());
        double[][] start;
        if (r.primerFile() != null) {
            start = dataPrimer(r.primerFile(), format);
            piece = -1;
        } else if (sheet != null && sheet.melody() != null && primerSteps == null && !format.isPianoRoll()) {
            try {
                start = format.encode(sheet.melody());
            } catch (IllegalArgumentException e) {
                throw new UserError(sheet.where() + ": its melody: " + e.getMessage(), e);
            }
            piece = -2;
        } else {
            try {
                start = Generation.primer(piece < 0 ? null : primers.get(piece), format.units(),
                        primerSteps == null ? 0 : primerSteps, format.stepsPerBar());
            } catch (IllegalArgumentException e) {
                throw new UserError("--primer-steps " + primerSteps + ": " + e.getMessage(), e);
            }
        }
        if (progression != null && !progression.meter().equals(format.timeSignature())) {
            throw new UserError("--chords: bars of " + progression.meter() + ", but " + m.label() + " plays bars of "
                    + format.timeSignature() + " (" + format.describe() + ")");
        }
        int barsPerChorus = progression == null ? BluesForm.BARS : progression.bars().size();
        int steps = r.choruses() * barsPerChorus * format.stepsPerBar();
        if (start.length >= steps) {
            throw new UserError((r.primerFile() != null ? "--primer " + r.primerFile() : "--primer-steps " + start.length)
                    + ": the primer fills the " + steps + "-step piece; ask for more --choruses");
        }
        double[][] frames = Generation.compose(net, format, start, steps, r.temperature(),
                progression == null ? null : Generation.chords(progression, steps, format), notes);
        Score score = format.composing().decode(frames, r.tempo(),
                format.isPianoRoll() ? "bebop piano roll" : "bebop improvisation");
        ModelHarmony harmony = ModelHarmony.of(m);
        if (progression != null) {
            score = sheet.home(score.withChordSymbols(sheet.written().chordSymbols(steps, format.stepsPerBar(),
                    LocalEncoding.TICKS_PER_QUARTER / format.stepsPerQuarter(), voicing(r, harmony))));
        }
        String how = String.format(Locale.ROOT, "%d choruses of %d bars (%d bars, %.0f s at %s bpm) by %s (%s, %s, seed %d),%n"
                        + "primed with %s, %s%s.",
                r.choruses(), barsPerChorus, score.bars(), score.seconds(), Checks.number(r.tempo()), m.label(),
                m.model().kind(), format.describe(), m.model().provenance().seed(),
                r.primerFile() != null ? r.primerFile() + " (" + start.length + " steps)"
                        : piece == -2 ? "the lead sheet's melody (" + start.length + " steps)"
                        : piece < 0 ? "a silent frame (the model keeps no training openings)"
                        : "the first " + start.length + " steps of training piece " + (piece + 1) + " of the "
                        + primers.size() + " the model keeps",
                format.isPianoRoll() ? (m.nade() ? "keys drawn low to high, each given the keys drawn below it (NADE), "
                        : "every key drawn on its own, ") + "temperature " + Checks.number(r.temperature())
                        : (progression == null ? "chords thresholded at 0.5, " : "") + "melody temperature "
                        + Checks.number(r.temperature()),
                over(sheet, r, harmony));
        return new Composition(score, how, format.isPianoRoll() ? ROLL_FORMATS : SCORE_FORMATS);
    }

    /** A MIDI file's frames in a data model's units. */
    private static double[][] dataPrimer(Path file, FrameFormat format) {
        Score score = MidiReader.read(file);
        double[][] frames;
        try {
            frames = format.encode(score);
        } catch (IllegalArgumentException e) {
            throw new UserError("--primer " + file + ": " + e.getMessage(), e);
        }
        if (!anyNote(frames)) {
            throw new UserError("--primer " + file + ": no notes to start from" + (format.isPianoRoll() ? ""
                    : " in parts named Chords or Melody"));
        }
        return frames;
    }
}
