package bebop.cli;

import bebop.UserError;
import bebop.app.ComposeRequest;
import bebop.app.ComposeService;
import bebop.app.Composition;
import bebop.app.ScoreFiles;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bebop compose}: a trained network improvises, as in the paper: primed with the opening of
 * a training chorus (or a MIDI file), it runs free, chords thresholded at 0.5 and one melody note
 * drawn per step; the piece is written as MIDI, audio, a piano roll and scores.
 */
@Command(name = "compose", sortOptions = false,
        description = {"Let a trained network improvise blues choruses: PREFIX.mid, .wav, .png (piano roll), .musicxml, .ly.",
            "As in the paper: primed with the first steps of a training chorus (or a MIDI file), then running free, "
                + "its chord outputs thresholded at 0.5 and one melody note drawn per eighth note from the melody outputs. "
                + "A chords-only model (train --experiment chords) composes the chords alone.",
            "With --chords \"C7 F7 C7 C7 ...\" the network improvises its melody over your progression instead of its own "
                + "chords.",
            "Any model train writes: a model of a bebop import (either trainer) plays chords and melody as above, on its own "
                + "grid and bar; a piano-roll model (jsb, nottingham, a benchmark JSON) draws every key on its own "
                + "(probability sharpened or flattened by --temperature), its score a piano score (two staves split at "
                + "middle C; no chords apart: no --chords)."})
final class ComposeCommand implements Callable<Integer> {
    @Option(names = "--model", paramLabel = "M.bebop",
            description = "Model to compose with. Default: the model bundled with bebop (Experiment 2, see README).")
    Path model;

    @Option(names = "--choruses", paramLabel = "N", defaultValue = "" + ComposeRequest.DEFAULT_CHORUSES,
            description = "Choruses to compose (12 bars each, or one pass through --chords; primer included). Default: ${DEFAULT-VALUE}.")
    int choruses;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + ComposeRequest.DEFAULT_SEED,
            description = "Seed of the primer choice and of the note draws: the same seed gives the same files. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--temperature", paramLabel = "T", defaultValue = "" + ComposeRequest.DEFAULT_TEMPERATURE,
            description = "Melody temperature: notes drawn with probability p^(1/T); 1 is the paper's rule, "
                    + "lower is safer, higher wilder. Default: ${DEFAULT-VALUE}.")
    double temperature;

    @Option(names = "--primer", paramLabel = "FILE.mid",
            description = "Start from this MIDI file instead of a training chorus: parts Chords and Melody (blues models: "
                    + "in the paper's range), or for a piano-roll model all its notes.")
    Path primer;

    @Option(names = "--primer-steps", paramLabel = "K",
            description = "Start from the first K steps of a training chorus (1-96) or, for models of other data, of one "
                    + "of the training openings the model keeps. Default: one bar (8 steps for the blues).")
    Integer primerSteps;

    @Option(names = "--chords", paramLabel = "PROGRESSION",
            description = {"Improvise the melody over this progression instead of the network's own chords, e.g. "
                    + "\"C7 F7 C7 C7 F7 F7 C7 C7 G7 F7 C7 G7\": one symbol a bar, or with bar lines "
                    + "\"| F13 | Bb9 | F13 | Cm7 F7b9 | Bb9 / Bo7 / | ...\" (1 chord a bar, or up to one a beat: in 4/4, "
                    + "2 chords take 2+2 beats, 3 chords 2+1+1, 4 one each; '/' a beat of the chord before, '%%' the bar "
                    + "before; \"3/4 | ... |\" for 3/4), or @FILE for a text chart (bars over many lines, # comments). "
                    + "Chords as lead sheets write them: F13, Bbm7b5, Eo7, D7b9, C7alt, G7sus4, C6/9, F7/C, N.C., ... "
                    + "(see README). A chorus is one pass through it; the primer's melody is kept, its chords are the progression's."})
    String chords;

    @Option(names = "--leadsheet", paramLabel = "FILE",
            description = {"Improvise over the chords of a lead sheet: a MusicXML file's chord symbols (.musicxml, .xml, "
                    + ".mxl; the first part, each on the beat it falls in, and its melody as the primer), an Impro-Visor "
                    + ".ls sheet (its chords, and its melody as the primer), a file of iReal Pro links (irealb:// or irealbook://, an exported playlist), "
                    + "or a text chart (bars of --chords over many lines, # comments). The same as --chords @FILE. "
                    + "An iReal Pro link itself may be given to --chords."})
    Path leadsheet;

    @Option(names = "--tune", paramLabel = "N|NAME",
            description = "The tune of an iReal Pro playlist: its number (1 = first) or its title (or the start of it).")
    String tune;

    @Option(names = "--transpose-to", paramLabel = "KEY",
            description = "Move the chords (and a lead sheet's melody) into KEY (F, Bb, F#, Ebm, C minor) from the key "
                    + "the lead sheet writes (MusicXML, .ls, iReal Pro); a text chart names none, so its key is estimated "
                    + "from its chords (Krumhansl-Schmuckler). The smallest move: up to a tritone up, else down. "
                    + "'model': into the key the model was trained in (C for the blues), composed there and the piece "
                    + "moved back into the tune's key.")
    String transposeTo;

    @Option(names = "--voicing", paramLabel = "core|full",
            description = {"How --chords sounds to the network, in C3-B3: core = root, third, fifth and seventh "
                    + "(sus chords their 4th or 2nd, sixth chords their 6th, slash chords add the bass); full = every "
                    + "pitch class of the chord. Default: the voicing of the model's training chords (core for the "
                    + "paper's and for a corpus of recognised chords, full for raw sets)."})
    String voicing;

    @Option(names = "--tempo", paramLabel = "BPM", defaultValue = "" + ComposeRequest.DEFAULT_TEMPO, description = "Default: ${DEFAULT-VALUE}.")
    double tempo;

    @Option(names = "--soundfont", paramLabel = "F.sf2", description = "SoundFont for the audio. Default: a system one, else the JDK's.")
    Path soundfont;

    @Option(names = "--out", required = true, paramLabel = "PREFIX", description = "Writes PREFIX.mid, PREFIX.wav, PREFIX.png, PREFIX.musicxml, PREFIX.ly (song or song.mid: song.mid, "
            + "song.wav, ...).")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ComposeRequest request = new ComposeRequest(model, choruses, seed, temperature, primer, primerSteps, chords, tempo,
                voicing == null ? null : ComposeRequest.voicing(voicing), tune, transposeTo, leadsheet);
        if (soundfont != null && !Files.isRegularFile(soundfont)) {
            throw new UserError("--soundfont " + soundfont + ": no such file");
        }
        checkPrefix(out);
        Composition piece = ComposeService.compose(request);
        PrintWriter w = spec.commandLine().getOut();
        w.println(piece.description());
        if (piece.layout() == ScoreFiles.Layout.PIANO) {
            w.println("(a piano roll has no melody and chords apart: its score is a piano score, right hand from middle C up)");
        }
        ScoreOutputs.write(piece.score(), out.toString(), piece.formats(), piece.layout(), Optional.ofNullable(soundfont), w);
        return 0;
    }

    private static void checkPrefix(Path prefix) {
        if (Files.isDirectory(prefix)) {
            throw new UserError("--out " + prefix + ": is a folder; give a file name prefix such as out/song");
        }
        Path parent = prefix.toAbsolutePath().getParent();
        if (parent != null && Files.exists(parent) && !Files.isDirectory(parent)) {
            throw new UserError("--out " + prefix + ": " + parent + " is not a folder");
        }
    }
}
