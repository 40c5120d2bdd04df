package bebop.jam;

import bebop.UserError;
import bebop.app.ComposeService;
import bebop.app.LoadedModel;
import bebop.app.ModelHarmony;
import bebop.app.Models;
import bebop.music.Progression;
import bebop.music.Voicing;
import java.nio.file.Path;

/**
 * What a jam plays with: the network (a model file, or the bundled one) and the progression (the
 * user's chords, or the paper's form for the paper's models).
 */
public record JamSetup(JamModel model, Progression progression) {
    /**
     * @param model  a model file, or null for the bundled model
     * @param chords the chords as {@code --chords} takes them (text or @FILE), or null for the model's own form
     * @param voicing how the chords sound, or null for the voicing of the model's training chords
     */
    public static JamSetup of(Path model, String chords, Voicing voicing) {
        LoadedModel loaded = Models.load(model);
        Progression given = chords == null ? null
                : ComposeService.progression(chords, voicing != null ? voicing : ModelHarmony.of(loaded).voicing());
        JamModel m = JamModel.of(loaded);
        Progression p = given != null ? given : m.form();
        if (p == null) {
            throw new UserError("--chords: " + m.description() + " has no chord form of its own; give the chords to play over");
        }
        return new JamSetup(m, p);
    }

    /**
     * Runs the network over {@code steps} steps of the progression and resets it, so that the JIT has
     * compiled the step before the first one is timed.
     */
    public void warmUp(int steps) {
        double[][] chords = bebop.compose.ChordFrames.of(progression, progression.bars().size() * progression.meter().numerator()
                * model.stepsPerQuarter(), progression.meter().numerator() * model.stepsPerQuarter());
        double[] frame = new double[model.layout().units()];
        for (int t = 0; t < steps; t++) {
            java.util.Arrays.fill(frame, 0.0);
            System.arraycopy(chords[t % chords.length], 0, frame, 0, 12);
            frame[12 + t % model.layout().melodyUnits()] = 1.0;
            model.network().step(frame);
        }
        model.network().reset();
    }

    /** A session sending to {@code out}. */
    public JamSession session(JamSettings settings, JamClock clock, javax.sound.midi.Receiver out) {
        return new JamSession(model, progression, settings, clock, out);
    }

    /** A session sending to {@code out} and telling {@code listener} of every step and note. */
    public JamSession session(JamSettings settings, JamClock clock, javax.sound.midi.Receiver out, JamListener listener) {
        return new JamSession(model, progression, settings, clock, out, listener);
    }
}
