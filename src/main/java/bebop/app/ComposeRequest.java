package bebop.app;

import bebop.UserError;
import bebop.music.Voicing;
import java.nio.file.Path;

/**
 * What to compose: the model ({@code null}: the bundled one), the piece's length in choruses, the
 * seed of the primer choice and the note draws, the melody temperature, how to start (a MIDI file,
 * or the first {@code primerSteps} steps of a training opening; both null: one bar), the chords to
 * improvise over ({@code null}: the network's own; "@FILE" reads them from a lead sheet file, an
 * irealb:// or irealbook:// link gives an iReal Pro tune), the tempo, how the chords are voiced
 * ({@code null}: as the model's training chords were, {@link ModelHarmony}), the tune of an iReal Pro playlist ({@code null}: the only one; a number from 1 or
 * a title), the key to move the chords into ({@code null}: as written; "model": the model's, and back) and a lead
 * sheet file to take the chords from instead of {@code chords} ({@code --leadsheet}: as "@FILE" reads it, named
 * {@code --leadsheet} in messages; {@code null}: none). Checked when made.
 */
public record ComposeRequest(Path model, int choruses, long seed, double temperature, Path primerFile,
                             Integer primerSteps, String chords, double tempo, Voicing voicing, String tune,
                             String transposeTo, Path leadsheet) {
    /** The defaults of {@code bebop compose} and of the studio's compose form: one place, so both make the same music. */
    public static final int DEFAULT_CHORUSES = 12;
    public static final long DEFAULT_SEED = 1;
    public static final double DEFAULT_TEMPERATURE = 1.0;
    public static final int DEFAULT_TEMPO = 120;

    public ComposeRequest {
        if (leadsheet != null && chords != null) {
            throw new UserError("--leadsheet and --chords: give one or the other");
        }
        if (choruses < 1 || choruses > 1000) {
            throw new UserError("--choruses " + choruses + ": must be between 1 and 1000");
        }
        if (!(temperature > 0 && temperature <= 100)) {
            throw new UserError("--temperature " + Checks.number(temperature)
                    + ": must be above 0 and at most 100 (1 is the paper's rule)");
        }
        Checks.tempo(tempo);
        if (primerFile != null && primerSteps != null) {
            throw new UserError("--primer and --primer-steps: give one or the other");
        }
    }

    /** A request of the chords as written (and the only tune of a playlist). */
    public ComposeRequest(Path model, int choruses, long seed, double temperature, Path primerFile,
                          Integer primerSteps, String chords, double tempo, Voicing voicing) {
        this(model, choruses, seed, temperature, primerFile, primerSteps, chords, tempo, voicing, null, null, null);
    }

    /** A request with the model's voicing. */
    public ComposeRequest(Path model, int choruses, long seed, double temperature, Path primerFile,
                          Integer primerSteps, String chords, double tempo) {
        this(model, choruses, seed, temperature, primerFile, primerSteps, chords, tempo, null);
    }

    /** The voicing of {@code --voicing}: core or full. */
    public static Voicing voicing(String text) {
        try {
            return Voicing.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UserError("--voicing " + text + ": use core (root, third, fifth, seventh) or full (every pitch class)", e);
        }
    }

    /** The bundled model, its first bar as the primer, the paper's sampling rule: what {@code demo} plays. */
    public static ComposeRequest demo(int choruses, long seed, double tempo) {
        return new ComposeRequest(null, choruses, seed, 1.0, null, null, null, tempo);
    }
}
