package bebop.cli;

import bebop.io.midi.MidiReader;
import bebop.io.score.LeadSheet;
import bebop.io.score.LilyPond;
import bebop.io.score.LilyPondWriter;
import bebop.io.score.MusicXmlWriter;
import bebop.io.score.Notation;
import bebop.music.Score;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bebop render IN.mid --to musicxml|ly|pdf}: a MIDI file as a score to read and edit. */
@Command(name = "render", sortOptions = false,
        description = "Write a MIDI file as a score: MusicXML (for MuseScore, Finale, Sibelius, Dorico), LilyPond "
                + "source, or a PDF engraved by LilyPond. The melody is the part named Melody (else the highest "
                + "part that is not Chords); chord symbols come from the file's text events, or are named from "
                + "the notes of the part named Chords. Notes are written on a grid of sixteenths.")
final class RenderCommand implements Callable<Integer> {
    /** The outputs; each is one case of {@link #render}. Lower case: picocli matches and lists them as typed. */
    enum Format {
        musicxml("musicxml"), ly("ly"), pdf("pdf");

        final String extension;

        Format(String extension) {
            this.extension = extension;
        }
    }

    @Parameters(index = "0", paramLabel = "IN.mid", description = "The MIDI file to render.")
    Path in;

    @Option(names = "--to", required = true, split = ",", paramLabel = "FORMAT",
            description = "What to write: musicxml, ly or pdf (needs lilypond); several separated by commas.")
    List<Format> formats;

    @Option(names = "--out", paramLabel = "PREFIX",
            description = "Output name without extension: PREFIX.musicxml, PREFIX.ly, PREFIX.pdf. Default: IN without .mid.")
    String prefix;

    @Option(names = "--chord-staff", description = "Add the chords as notes on a second staff (bass clef).")
    boolean chordStaff;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Score score = MidiReader.read(in);
        String base = prefix != null ? prefix : in.toString().replaceFirst("(?i)\\.(mid|midi|smf)$", "");
        if (score.title().isBlank()) {
            score = score.withTitle(Path.of(base).getFileName().toString());
        }
        Notation notation = Notation.of(LeadSheet.of(score), chordStaff);
        PrintWriter out = spec.commandLine().getOut();
        if (chordStaff && notation.staves().size() == 1) {
            out.println("note: " + in + " has no part named Chords: no chord staff");
        }
        for (Format f : new LinkedHashSet<>(formats)) {
            Path target = Path.of(base + "." + f.extension);
            render(f, notation, target);
            out.println("wrote " + target);
        }
        out.flush();
        return 0;
    }

    private static void render(Format format, Notation notation, Path target) {
        switch (format) {
            case musicxml -> MusicXmlWriter.write(notation, target);
            case ly -> LilyPondWriter.write(notation, target);
            case pdf -> LilyPond.onPath().writePdf(LilyPondWriter.toString(notation), target);
        }
    }
}
