package bebop.app;

import bebop.UserError;
import java.nio.file.Path;

/**
 * What to compose: the model ({@code null}: the bundled one), the piece's length in choruses, the
 * seed of the primer choice and the note draws, the melody temperature, how to start (a MIDI file,
 * or the first {@code primerSteps} steps of a training opening; both null: one bar), the chords to
 * improvise over ({@code null}: the network's own), and the tempo. Checked when made.
 */
public record ComposeRequest(Path model, int choruses, long seed, double temperature, Path primerFile,
                             Integer primerSteps, String chords, double tempo) {
    public ComposeRequest {
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

    /** The bundled model, its first bar as the primer, the paper's sampling rule: what {@code demo} plays. */
    public static ComposeRequest demo(int choruses, long seed, double tempo) {
        return new ComposeRequest(null, choruses, seed, 1.0, null, null, null, tempo);
    }
}
