package bebop.app;

import bebop.music.Score;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A composed piece: its score, how it was made (model, primer, sampling, for the user to read), the
 * files it can be written as, and how its notation is laid out (a lead sheet; a piano roll, whose keys
 * have no melody and chords apart, as a piano score).
 */
public record Composition(Score score, String description, Set<ScoreFormat> formats, ScoreFiles.Layout layout) {
    public Composition {
        formats = Collections.unmodifiableSet(EnumSet.copyOf(formats));
    }

    /**
     * Every format the piece can be written as: {@link #formats} and, for a piece with notation, PDF
     * (engraved by LilyPond, when it is installed: {@link ScoreFiles#unavailable}).
     */
    public Set<ScoreFormat> allFormats() {
        EnumSet<ScoreFormat> all = EnumSet.copyOf(formats);
        if (all.contains(ScoreFormat.ly)) {
            all.add(ScoreFormat.pdf);
        }
        return Collections.unmodifiableSet(all);
    }
}
