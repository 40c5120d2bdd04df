package bebop.app;

import bebop.UserError;
import bebop.compose.ChordFrames;
import bebop.compose.Composer;
import bebop.compose.Generation;
import bebop.compose.GivenChordsComposer;
import bebop.compose.Primers;
import bebop.data.BluesDataset;
import bebop.encoding.FrameFormat;
import bebop.encoding.LocalEncoding;
import bebop.io.midi.MidiReader;
import bebop.music.BluesForm;
import bebop.music.Chord;
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
    /** What a composed piece is written as. */
    public static final Set<ScoreFormat> SCORE_FORMATS = Collections.unmodifiableSet(EnumSet.of(ScoreFormat.mid,
            ScoreFormat.wav, ScoreFormat.png, ScoreFormat.musicxml, ScoreFormat.ly));

    private ComposeService() {}

    public static Composition compose(ComposeRequest r) {
        return compose(r, null);
    }

    /**
     * The same, with the model (and its blues data set) taken from {@code cache} when it has read the file
     * already (a server composing many pieces); null reads the model for this piece alone. The piece is
     * the same either way.
     */
    public static Composition compose(ComposeRequest r, ModelCache cache) {
        if (r.chords() == null && r.leadsheet() == null && (r.tune() != null || r.transposeTo() != null)) {
            throw new UserError((r.tune() != null ? "--tune" : "--transpose-to") + ": give chords (--chords or --leadsheet) to go with it");
        }
        ModelCache.Entry kept = cache == null ? null : cache.get(r.model());
        LoadedModel loaded = kept == null ? Models.load(r.model()) : kept.model();
        // the user's chords speak the model's language: its training data's voicing, unless --voicing says
        ModelHarmony harmony = ModelHarmony.of(loaded);
        Tune sheet = Tune.of(r, voicing(r, harmony), harmony);
        Progression progression = sheet == null ? null : sheet.progression();
        if (loaded instanceof DataModel m) {
            return composeData(m, r, sheet, harmony);
        }
        BluesModel m = (BluesModel) loaded;
        if (progression != null && !m.melody()) {
            throw new UserError(sheet.option() + ": " + m.label() + " is a chords-only model; it has no melody to improvise over the chords");
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
                        + Checks.choruses(r.choruses()) + " to compose; ask for more --choruses");
            }
            return blues(m, r, sheet, harmony, primer, r.primerFile() + " (" + primer.length + " steps)", notes);
        }
        if (sheet != null && sheet.melody() != null && r.primerSteps() == null && m.melody()) {
            double[][] primer = Primers.fromScore(sheet.melody(), m.units());
            if (primer.length >= steps(r.choruses(), progression)) {
                throw new UserError(sheet.where() + ": its melody's " + primer.length + " steps fill the "
                        + Checks.choruses(r.choruses()) + " to compose; ask for more --choruses");
            }
            return blues(m, r, sheet, harmony, primer, "the lead sheet's melody (" + primer.length + " steps)", notes);
        }
        BluesDataset data = kept == null ? m.data() : kept.data();
        if (!m.melody()) {
            return blues(m, r, sheet, harmony, Primers.firstSteps(BluesDataset.chordFrames(data.form()), k, m.units()),
                    "the first " + k + " steps of the form", notes);
        }
        List<BluesDataset.Chorus> training = trainingChoruses(data, m.heldOut());
        BluesDataset.Chorus c = training.get(pick.nextInt(training.size()));
        return blues(m, r, sheet, harmony, Primers.firstSteps(data.frames(c), k, m.units()),
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

    /** The progression of {@code --chords} (see {@link Tune#read}), as written. */
    public static Progression progression(String text, Voicing voicing) {
        return Tune.read(text, voicing, null, null).progression();
    }

    /** The voicing of the user's chords: {@code --voicing}'s, else the model's training data's. */
    private static Voicing voicing(ComposeRequest r, ModelHarmony harmony) {
        return r.voicing() != null ? r.voicing() : harmony.voicing();
    }

    /** ",\nover your chords | F13 | ... (moved from F to Eb, -2 semitones),\nvoiced ..." (nothing without chords). */
    private static String over(Tune sheet, ComposeRequest r, ModelHarmony harmony) {
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

    private static Composition blues(BluesModel m, ComposeRequest r, Tune sheet, ModelHarmony harmony, double[][] primer,
                                     String from, SplittableRandom notes) {
        Progression progression = sheet == null ? null : sheet.progression();
        int steps = steps(r.choruses(), progression);
        double[][] frames;
        if (progression == null) {
            frames = Composer.compose(m.player(), primer, steps, r.temperature(), notes);
        } else {
            if (primer.length >= steps) {
                throw new UserError(sheet.option() + ": the piece (" + steps + " steps) is no longer than the " + primer.length
                        + "-step primer; ask for more --choruses or fewer --primer-steps");
            }
            frames = GivenChordsComposer.compose(m.player(), primer, ChordFrames.of(progression, steps),
                    r.temperature(), notes);
        }
        String title = m.melody() ? "bebop blues" : "bebop blues (chords)";
        Score score = progression == null ? LocalEncoding.decode(frames, r.tempo(), title)
                : sheet.home(LocalEncoding.decode(frames, r.tempo(), title, progression.meter(), sheet.written().chordSymbols(
                        steps, progression.stepsPerBar(), LocalEncoding.TICKS_PER_QUARTER / LocalEncoding.STEPS_PER_QUARTER,
                        voicing(r, harmony))));
        String how = String.format(Locale.ROOT,
                "%s (%d bars, %.0f s at %s bpm) by %s,%nprimed with %s, %s%s.",
                Checks.choruses(r.choruses()), score.bars(), score.seconds(), Checks.number(r.tempo()), m.describe(), from,
                m.melody() ? "melody temperature " + Checks.number(r.temperature())
                        : "chords only (a chords-only model plays no melody)",
                over(sheet, r, harmony));
        return new Composition(score, how, SCORE_FORMATS, ScoreFiles.Layout.LEAD_SHEET);
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
    private static Composition composeData(DataModel m, ComposeRequest r, Tune sheet, ModelHarmony harmony) {
        Progression progression = sheet == null ? null : sheet.progression();
        SequenceModel net = m.player();
        FrameFormat format = m.format();
        if (progression != null && !format.chordConditioned()) {
            throw new UserError(sheet.option() + ": " + m.label() + " was trained on a piano roll (" + format.describe()
                    + "), with no chords apart to follow; " + sheet.option() + " needs a model of a bebop import folder or the blues");
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
            throw new UserError(sheet.option() + ": bars of " + progression.meter() + ", but " + m.label() + " plays bars of "
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
        if (progression != null) {
            score = sheet.home(score.withChordSymbols(sheet.written().chordSymbols(steps, format.stepsPerBar(),
                    LocalEncoding.TICKS_PER_QUARTER / format.stepsPerQuarter(), voicing(r, harmony))));
        }
        String how = String.format(Locale.ROOT, "%s of %d bars (%d bars, %.0f s at %s bpm) by %s (%s, %s, seed %d),%n"
                        + "primed with %s, %s%s.",
                Checks.choruses(r.choruses()), barsPerChorus, score.bars(), score.seconds(), Checks.number(r.tempo()), m.label(),
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
        return new Composition(score, how, SCORE_FORMATS, format.isPianoRoll() ? ScoreFiles.Layout.PIANO
                : ScoreFiles.Layout.LEAD_SHEET);
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
