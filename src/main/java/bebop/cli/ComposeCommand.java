package bebop.cli;

import bebop.UserError;
import bebop.app.ComposeRequest;
import bebop.app.ComposeService;
import bebop.app.Composition;
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
            "As in the paper: primed with the first steps of a training chorus (or a MIDI file), then running free,",
            "its chord outputs thresholded at 0.5 and one melody note drawn per eighth note from the melody outputs.",
            "A chords-only model (train --experiment chords) composes the chords alone.",
            "With --chords \"C7 F7 C7 C7 ...\" the network improvises its melody over your progression instead of its own chords.",
            "Any model train writes: a model of a bebop import (either trainer) plays chords and melody as above, on its own",
            "grid and bar; a piano-roll model (jsb, nottingham, a benchmark JSON) draws every key on its own (probability",
            "sharpened or flattened by --temperature) and writes PREFIX.mid, .wav and .png only (no chords apart: no --chords)."})
final class ComposeCommand implements Callable<Integer> {
    @Option(names = "--model", paramLabel = "M.bebop",
            description = "Model to compose with. Default: the model bundled with bebop (Experiment 2, see README).")
    Path model;

    @Option(names = "--choruses", paramLabel = "N", defaultValue = "12",
            description = "Choruses to compose (12 bars each, or one pass through --chords; primer included). Default: ${DEFAULT-VALUE}.")
    int choruses;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of the primer choice and of the note draws: the same seed gives the same files. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--temperature", paramLabel = "T", defaultValue = "1",
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
                    + "\"C7 F7 C7 C7 F7 F7 C7 C7 G7 F7 C7 G7\": one symbol a bar, or with bar lines \"| C7 | F7 | Dm7 G7 |\" "
                    + "(1 or 2 chords a bar). Chords: C, Cm, C7, Cm7, Cmaj7, Cdim, Cdim7, Cm7b5, Caug, C6, Cm6, Csus4, Csus2 "
                    + "on any root (C#, Db, ...). A chorus is one pass through it; the primer's melody is kept, its chords are the progression's."})
    String chords;

    @Option(names = "--tempo", paramLabel = "BPM", defaultValue = "120", description = "Default: ${DEFAULT-VALUE}.")
    double tempo;

    @Option(names = "--soundfont", paramLabel = "F.sf2", description = "SoundFont for the audio. Default: a system one, else the JDK's.")
    Path soundfont;

    @Option(names = "--out", required = true, paramLabel = "PREFIX", description = "Writes PREFIX.mid, PREFIX.wav, PREFIX.png, PREFIX.musicxml, PREFIX.ly.")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ComposeRequest request = new ComposeRequest(model, choruses, seed, temperature, primer, primerSteps, chords, tempo);
        if (soundfont != null && !Files.isRegularFile(soundfont)) {
            throw new UserError("--soundfont " + soundfont + ": no such file");
        }
        checkPrefix(out);
        Composition piece = ComposeService.compose(request);
        PrintWriter w = spec.commandLine().getOut();
        w.println(piece.description());
        if (piece.pianoRoll()) {
            w.println("(a piano roll has no melody and chords apart: no MusicXML or LilyPond score, MIDI, audio and piano roll only)");
        }
        ScoreOutputs.write(piece.score(), out.toString(), piece.formats(), false, Optional.ofNullable(soundfont), w);
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
