package bebop.cli;

import bebop.UserError;
import bebop.app.RenderService;
import bebop.app.ScoreFiles;
import bebop.app.ScoreFormat;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bebop render IN.mid --to musicxml|ly|pdf|wav|png|mid}: a MIDI file as a score, audio or picture. */
@Command(name = "render", sortOptions = false,
        header = "Write a MIDI file as MusicXML, LilyPond, PDF, WAV, a piano-roll PNG or MIDI.",
        description = "Write a MIDI file as a score: MusicXML (for MuseScore, Finale, Sibelius, Dorico), LilyPond "
                + "source, or a PDF engraved by LilyPond. The melody is the part named Melody (else the highest "
                + "part that is not Chords); chord symbols come from the file's text events, or are named from "
                + "the notes of the part named Chords, or, when the file has neither, recognised from all its notes "
                + "one a half bar as bebop import recognises them. Notes are written on a grid of sixteenths.")
final class RenderCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IN.mid", description = "The MIDI file to render.")
    Path in;

    @Option(names = "--to", required = true, split = ",", paramLabel = "FORMAT",
            description = "What to write: musicxml, ly, pdf (needs lilypond), wav, png (piano roll) or mid; "
                    + "several separated by commas.")
    List<ScoreFormat> formats;

    @Option(names = "--out", paramLabel = "PREFIX",
            description = "Output name: PREFIX.musicxml, PREFIX.ly, ... (an extension of these formats at its end is dropped). "
                    + "Default: IN without .mid.")
    String prefix;

    @Option(names = "--chord-staff", description = "Add the chords as notes on a second staff (bass clef).")
    boolean chordStaff;

    @Option(names = "--piano", description = "Write a piano score instead of a lead sheet: every part's notes on two "
            + "staves (from middle C up in treble clef, below it in bass clef), chords that change wherever a note starts "
            + "or stops, held notes tied, no chord symbols. For a piano roll or a chorale.")
    boolean piano;

    @Option(names = "--soundfont", paramLabel = "FILE.sf2",
            description = "SoundFont for --to wav. Default: a system SoundFont (/usr/share/sounds/sf2), else the JDK's own.")
    Path soundfont;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (soundfont != null && !formats.contains(ScoreFormat.wav)) {
            throw new UserError("--soundfont goes with --to wav: it is the sound of the audio file");
        }
        String layoutFlag = chordStaff ? "--chord-staff" : piano ? "--piano" : null;
        if (chordStaff && piano) {
            throw new UserError("--chord-staff and --piano are two layouts: give one");
        }
        if (layoutFlag != null && formats.stream().noneMatch(ScoreFormat::notation)) {
            throw new UserError(layoutFlag + " goes with --to musicxml, ly or pdf: it lays out the score");
        }
        RenderService.Rendering r = RenderService.read(in, formats, prefix);
        PrintWriter out = spec.commandLine().getOut();
        if (r.recognised() != null && !piano) { // a piano score writes no chord symbols
            out.println(r.recognised());
        }
        if (chordStaff && !r.hasChords()) {
            out.println("note: " + in + " has no part named Chords: no chord staff");
        }
        ScoreOutputs.write(r.score(), r.base(), formats, piano ? ScoreFiles.Layout.PIANO : chordStaff
                ? ScoreFiles.Layout.LEAD_SHEET_WITH_CHORD_STAFF : ScoreFiles.Layout.LEAD_SHEET,
                java.util.Optional.ofNullable(soundfont), out);
        return 0;
    }
}
