package bebop.cli;

import bebop.app.ScoreFiles;
import bebop.app.ScoreFormat;
import bebop.music.Score;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Writes a score's files and prints one line per file as it is written. */
final class ScoreOutputs {
    private ScoreOutputs() {}

    static void write(Score score, String base, Collection<ScoreFormat> formats, ScoreFiles.Layout layout,
                      Optional<Path> soundfont, PrintWriter out) {
        ScoreFiles.write(score, base, formats, layout, soundfont, w -> {
            if (w.audio() != null) {
                out.printf(Locale.ROOT, "wrote %s (%.1f s, 44.1 kHz stereo; SoundFont: %s)%n", w.path(),
                        w.audio().seconds(), w.audio().soundfont());
            } else {
                out.println("wrote " + w.path());
            }
        });
        out.flush();
    }
}
