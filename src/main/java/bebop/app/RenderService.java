package bebop.app;

import bebop.UserError;
import bebop.io.midi.MidiReader;
import bebop.music.Part;
import bebop.music.Score;
import java.nio.file.Path;
import java.util.Collection;

/** Rendering a MIDI file as scores, audio or a picture. */
public final class RenderService {
    private RenderService() {}

    /** A MIDI file read for rendering, and the prefix its files get. */
    public record Rendering(Score score, String base) {
        /** True when the score has a part named Chords (a chord staff needs one). */
        public boolean hasChords() {
            return score.part(Part.CHORDS).isPresent();
        }
    }

    /**
     * Reads {@code in} to write as {@code formats} under {@code prefix} (null: {@code in} without its
     * extension); refuses to overwrite the input. A score without a title gets the prefix's name.
     */
    public static Rendering read(Path in, Collection<ScoreFormat> formats, String prefix) {
        Score score = MidiReader.read(in);
        String base = prefix != null ? prefix : in.toString().replaceFirst("(?i)\\.(mid|midi|smf)$", "");
        if (score.title().isBlank()) {
            score = score.withTitle(Path.of(base).getFileName().toString());
        }
        if (formats.contains(ScoreFormat.mid)
                && Path.of(base + ".mid").toAbsolutePath().normalize().equals(in.toAbsolutePath().normalize())) {
            throw new UserError("--to mid would overwrite " + in + "; give another --out");
        }
        return new Rendering(score, base);
    }
}
