package bebop.app;

import bebop.music.Score;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A composed piece: its score, how it was made (model, primer, sampling, for the user to read), and
 * the files it can be written as (a piano roll has no melody and chords apart: no notation).
 */
public record Composition(Score score, String description, Set<ScoreFormat> formats) {
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

    /** True when the piece is a piano roll, written as MIDI, audio and a picture only. */
    public boolean pianoRoll() {
        return !formats.contains(ScoreFormat.musicxml);
    }
}
