package bebop.studio;

import bebop.app.ComposeRequest;
import java.nio.file.Path;

/**
 * The body of {@code POST /api/compose}; absent fields take {@code bebop compose}'s defaults, so the
 * same settings give the same music on the page and on the command line. {@code model} is an id
 * from {@code GET /api/models}; {@code primer} an id from {@code POST /api/primers} (a MIDI file to start
 * from, as {@code --primer}); {@code chords} is a progression as {@code --chords} takes it.
 */
record ComposeJson(String model, Integer choruses, Long seed, Double temperature, String primer, Integer primerSteps,
                   String chords, Double tempo) {

    ComposeRequest toRequest(Path modelFile, Path primerFile) {
        String progression = chords == null || chords.isBlank() ? null : chords;
        return new ComposeRequest(modelFile, choruses == null ? ComposeRequest.DEFAULT_CHORUSES : choruses,
                seed == null ? ComposeRequest.DEFAULT_SEED : seed,
                temperature == null ? ComposeRequest.DEFAULT_TEMPERATURE : temperature, primerFile, primerSteps, progression,
                tempo == null ? ComposeRequest.DEFAULT_TEMPO : tempo);
    }
}
