package bebop.cli;

import bebop.app.Checks;
import bebop.app.ComposeRequest;
import bebop.app.ComposeService;
import bebop.app.Composition;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bebop demo}: music in one command. The model bundled with bebop (the paper's Experiment 2,
 * trained by bebop) improvises blues choruses, written to hear, see and edit.
 */
@Command(name = "demo", sortOptions = false,
        header = "The bundled network improvises 12 blues choruses into out/.",
        description = "The bundled network (the paper's Experiment 2) improvises a blues: out/demo.mid, .wav, "
                + ".png (piano roll), .musicxml, .ly. The same as: bebop compose --choruses 12 --out out/demo")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out", description = "Folder to write into. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--choruses", paramLabel = "N", defaultValue = "12", description = "Choruses to play. Default: ${DEFAULT-VALUE}.")
    int choruses;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the improvisation. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--tempo", paramLabel = "BPM", defaultValue = "120", description = "Default: ${DEFAULT-VALUE}.")
    double tempo;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Checks.tempo(tempo);
        Composition piece = ComposeService.compose(ComposeRequest.demo(choruses, seed, tempo));
        String base = out.resolve("demo").toString();
        PrintWriter w = spec.commandLine().getOut();
        w.println(piece.description());
        ScoreOutputs.write(piece.score(), base, piece.formats(), piece.layout(), Optional.empty(), w);
        w.printf(Locale.ROOT, "Listen: play %s.wav (or any MIDI player: timidity %s.mid). Look: %s.png.%n", base, base, base);
        w.printf(Locale.ROOT, "Edit the score: open %s.musicxml in MuseScore, or engrave %s.ly with lilypond.%n", base, base);
        w.println("More: bebop compose --seed 2 --temperature 0.8 --out out/song   (see bebop help compose)");
        w.flush();
        return 0;
    }
}
