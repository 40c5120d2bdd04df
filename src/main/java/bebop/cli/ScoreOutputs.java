package bebop.cli;

import bebop.io.audio.WavRenderer;
import bebop.io.midi.MidiWriter;
import bebop.io.plot.PianoRoll;
import bebop.io.score.LeadSheet;
import bebop.io.score.LilyPond;
import bebop.io.score.LilyPondWriter;
import bebop.io.score.MusicXmlWriter;
import bebop.io.score.Notation;
import bebop.music.Score;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;

/** Writes one score as the files a person hears, sees and edits: PREFIX.mid, .wav, .png, .musicxml, .ly, .pdf. */
final class ScoreOutputs {
    /** The outputs. Lower case: picocli matches and lists them as typed. */
    enum Format {
        mid, wav, png, musicxml, ly, pdf;
    }

    private ScoreOutputs() {}

    /**
     * Writes each format to {@code base + "." + format} and prints one line per file. The
     * notation is made once for the score formats.
     */
    static void write(Score score, String base, Collection<Format> formats, boolean chordStaff,
                      Optional<Path> soundfont, PrintWriter out) {
        Notation notation = null;
        for (Format f : new LinkedHashSet<>(formats)) {
            Path target = Path.of(base + "." + f.name());
            if ((f == Format.musicxml || f == Format.ly || f == Format.pdf) && notation == null) {
                notation = Notation.of(LeadSheet.of(score), chordStaff);
            }
            switch (f) {
                case mid -> {
                    MidiWriter.write(score, target);
                    out.println("wrote " + target);
                }
                case wav -> {
                    WavRenderer.Result r = WavRenderer.write(score, target,
                            soundfont.map(WavRenderer.Options.defaults()::withSoundfont).orElse(WavRenderer.Options.defaults()));
                    out.printf(Locale.ROOT, "wrote %s (%.1f s, 44.1 kHz stereo; SoundFont: %s)%n", target, r.seconds(), r.soundfont());
                }
                case png -> {
                    PianoRoll.write(target, score);
                    out.println("wrote " + target);
                }
                case musicxml -> {
                    MusicXmlWriter.write(notation, target);
                    out.println("wrote " + target);
                }
                case ly -> {
                    LilyPondWriter.write(notation, target);
                    out.println("wrote " + target);
                }
                case pdf -> {
                    LilyPond.onPath().writePdf(LilyPondWriter.toString(notation), target);
                    out.println("wrote " + target);
                }
            }
        }
        out.flush();
    }
}
