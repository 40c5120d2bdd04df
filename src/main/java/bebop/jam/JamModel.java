package bebop.jam;

import bebop.UserError;
import bebop.app.BluesModel;
import bebop.app.DataModel;
import bebop.app.LoadedModel;
import bebop.compose.CorpusRollView;
import bebop.compose.FrameLayout;
import bebop.encoding.FrameFormat;
import bebop.music.BluesForm;
import bebop.music.ChordName;
import bebop.music.Progression;
import bebop.music.TimeSignature;
import bebop.nn.SequenceModel;
import java.util.ArrayList;
import java.util.List;

/**
 * A network as a jam plays it: frames of chord units then melody units ({@code layout}), the melody
 * units MIDI {@code melodyLow..melodyLow+layout.melodyUnits()-1}, on a grid of {@code stepsPerQuarter}
 * steps a quarter note (2, eighth notes, for the paper's models), and the progression it plays over
 * when the user gives none ({@code form}: the paper's models' own 12-bar form; null for others).
 */
public record JamModel(SequenceModel network, FrameLayout layout, int melodyLow, int stepsPerQuarter,
                       Progression form, String description) {
    public JamModel {
        if (!layout.hasMelody() || layout.chordUnits() != 12 || network.units() != layout.units()) {
            throw new IllegalArgumentException("a jam needs 12 chord units and melody units");
        }
    }

    /** The lowest and highest melody note. */
    public int melodyHigh() {
        return melodyLow + layout.melodyUnits() - 1;
    }

    /** A note moved by octaves into the melody range (the nearest octave from the edge it lies beyond). */
    public int fold(int pitch) {
        int p = pitch;
        while (p < melodyLow) {
            p += 12;
        }
        while (p > melodyHigh()) {
            p -= 12;
        }
        return p < melodyLow ? melodyLow : p;
    }

    /**
     * The model of a loaded file: a paper's blues model with a melody (Experiment 2), or a model of an
     * imported corpus (chords and melody on its own grid); a user error for the others.
     */
    public static JamModel of(LoadedModel loaded) {
        if (loaded instanceof BluesModel m) {
            if (!m.melody()) {
                throw new UserError("--model: " + m.label() + " is a chords-only model; a jam needs a model of chords and melody");
            }
            return new JamModel(m.player(), FrameLayout.CHORDS_AND_MELODY, bebop.encoding.LocalEncoding.MELODY_LOW,
                    bebop.encoding.LocalEncoding.STEPS_PER_QUARTER, form(BluesForm.of(m.model().form())), m.describe());
        }
        DataModel m = (DataModel) loaded;
        FrameFormat format = m.format();
        if (!format.chordConditioned()) {
            throw new UserError("--model: " + m.label() + " was trained on a piano roll (" + format.describe()
                    + "), with no chords apart; a jam needs a model of chords and melody");
        }
        TimeSignature meter = format.timeSignature();
        if (meter.denominator() != 4 || format.stepsPerBar() != meter.numerator() * format.stepsPerQuarter()) {
            throw new UserError("--model: " + m.label() + " plays bars of " + format.describe()
                    + "; a jam needs bars of whole quarter notes");
        }
        SequenceModel net = m.player();
        if (format.layout().equals(FrameFormat.CORPUS_ROLL)) {
            net = new CorpusRollView(net, format);
        }
        FrameFormat f = format.composing();
        return new JamModel(net, new FrameLayout(f.chordUnits(), f.melodyUnits()), f.melodyLow(), format.stepsPerQuarter(),
                null, m.label() + " (" + format.describe() + ")");
    }

    /** The paper's form as a progression with its own voicings (C3..B3), two beats a half bar. */
    static Progression form(BluesForm form) {
        List<Progression.Bar> bars = new ArrayList<>();
        for (BluesForm.Bar b : form.bars()) {
            List<Progression.Change> changes = new ArrayList<>();
            if (b.isSplit()) {
                changes.add(new Progression.Change(b.firstHalf(), ChordName.parse(b.firstHalf().symbol()), 2));
                changes.add(new Progression.Change(b.secondHalf(), ChordName.parse(b.secondHalf().symbol()), 2));
            } else {
                changes.add(new Progression.Change(b.firstHalf(), ChordName.parse(b.firstHalf().symbol()), 4));
            }
            bars.add(new Progression.Bar(changes, b.symbol()));
        }
        return new Progression(TimeSignature.FOUR_FOUR, bars);
    }
}
