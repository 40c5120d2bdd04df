package bebop.studio;

import bebop.app.ComposeRequest;
import java.nio.file.Path;

/**
 * The body of {@code POST /api/compose}; absent fields take {@code bebop compose}'s defaults, so the
 * same settings give the same music on the page and on the command line. {@code model} is an id
 * from {@code GET /api/models}; {@code chords} is a progression as {@code --chords} takes it.
 */
record ComposeJson(String model, Integer choruses, Long seed, Double temperature, Integer primerSteps,
                   String chords, Double tempo) {

    ComposeRequest toRequest(Path modelFile) {
        String progression = chords == null || chords.isBlank() ? null : chords;
        return new ComposeRequest(modelFile, choruses == null ? 12 : choruses, seed == null ? 1 : seed,
                temperature == null ? 1.0 : temperature, null, primerSteps, progression, tempo == null ? 120 : tempo);
    }
}
