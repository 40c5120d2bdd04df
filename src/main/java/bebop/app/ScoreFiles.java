package bebop.app;

import bebop.io.audio.WavRenderer;
import bebop.io.midi.MidiWriter;
import bebop.io.plot.PianoRoll;
import bebop.io.score.LeadSheet;
import bebop.io.score.LilyPond;
import bebop.io.score.LilyPondWriter;
import bebop.io.score.MusicXmlWriter;
import bebop.io.score.Notation;
import bebop.music.Score;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Writes one score as the files a person hears, sees and edits: PREFIX.mid, .wav, .png, .musicxml, .ly, .pdf. */
public final class ScoreFiles {
    /** One file written; {@code audio} tells how a WAV file was rendered (null for the other formats). */
    public record Written(Path path, ScoreFormat format, WavRenderer.Result audio) {}

    private ScoreFiles() {}

    /**
     * Why {@code format} cannot be written on this machine (PDF: LilyPond is not on the PATH), or empty
     * when it can.
     */
    public static Optional<String> unavailable(ScoreFormat format) {
        if (format != ScoreFormat.pdf) {
            return Optional.empty();
        }
        var lilypond = LilyPond.onPath().program();
        return lilypond.find().isPresent() ? Optional.empty()
                : Optional.of(lilypond.name() + " is not installed on this computer (needed to " + lilypond.installHint() + ")");
    }

    /**
     * The name the files go by: {@code out} without a trailing extension of one of the formats (any
     * case), so that {@code --out song.mid} writes song.mid, song.wav, ..., not song.mid.mid.
     */
    public static String prefix(String out) {
        for (ScoreFormat f : ScoreFormat.values()) {
            String ext = "." + f.name();
            int cut = out.length() - ext.length();
            if (cut > 0 && out.regionMatches(true, cut, ext, 0, ext.length()) && !isSeparator(out.charAt(cut - 1))) {
                return out.substring(0, cut);
            }
        }
        return out;
    }

    private static boolean isSeparator(char c) {
        return c == '/' || c == java.io.File.separatorChar;
    }

    /** How a score's notation (MusicXML, LilyPond, PDF) is laid out. */
    public enum Layout {
        /** A lead sheet: the melody on a staff, the chord symbols over it. */
        LEAD_SHEET,
        /** A lead sheet with the chords' notes on a staff of their own ({@code render --chord-staff}). */
        LEAD_SHEET_WITH_CHORD_STAFF,
        /** Every part's notes on a piano's two staves, held notes tied ({@link Notation#piano}): for a piano roll. */
        PIANO;

        Notation notation(Score score) {
            return this == PIANO ? Notation.piano(score)
                    : Notation.of(LeadSheet.of(score), this == LEAD_SHEET_WITH_CHORD_STAFF);
        }
    }

    /** {@link #write(Score, String, Collection, Layout, Optional, Consumer)} as a lead sheet, with or without the chord staff. */
    public static List<Written> write(Score score, String base, Collection<ScoreFormat> formats, boolean chordStaff,
                                      Optional<Path> soundfont, Consumer<Written> onWritten) {
        return write(score, base, formats, chordStaff ? Layout.LEAD_SHEET_WITH_CHORD_STAFF : Layout.LEAD_SHEET, soundfont,
                onWritten);
    }

    /**
     * Writes each format to {@link #prefix prefix(base)} + "." + format, in the order given, telling
     * {@code onWritten} after each file. The notation is made once for the score formats, in {@code layout}.
     */
    public static List<Written> write(Score score, String base, Collection<ScoreFormat> formats, Layout layout,
                                      Optional<Path> soundfont, Consumer<Written> onWritten) {
        Notation notation = null;
        List<Written> written = new ArrayList<>();
        String name = prefix(base);
        for (ScoreFormat f : new LinkedHashSet<>(formats)) {
            Path target = Path.of(name + "." + f.name());
            if (f.notation() && notation == null) {
                notation = layout.notation(score);
            }
            WavRenderer.Result audio = null;
            switch (f) {
                case mid -> MidiWriter.write(score, target);
                case wav -> audio = WavRenderer.write(score, target,
                        soundfont.map(WavRenderer.Options.defaults()::withSoundfont).orElse(WavRenderer.Options.defaults()));
                case png -> PianoRoll.write(target, score);
                case musicxml -> MusicXmlWriter.write(notation, target);
                case ly -> LilyPondWriter.write(notation, target);
                case pdf -> LilyPond.onPath().writePdf(LilyPondWriter.toString(notation), target);
            }
            Written w = new Written(target, f, audio);
            written.add(w);
            onWritten.accept(w);
        }
        return written;
    }
}
