package bebop.cli;

import bebop.data.BluesDataset;
import bebop.encoding.LocalEncoding;
import bebop.music.BluesForm;
import bebop.music.Score;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bebop demo}: music in one command. No trained model is bundled yet, so it plays choruses
 * of the paper's training set, picked at random with the seed, and says so.
 */
@Command(name = "demo", sortOptions = false,
        description = {"Write a blues to hear, see and edit: out/demo.mid, .wav, .png (piano roll), .musicxml, .ly.",
            "No trained model is bundled yet: the demo plays choruses of the paper's training set."})
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out", description = "Folder to write into. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--choruses", paramLabel = "N", defaultValue = "12", description = "Choruses to play. Default: ${DEFAULT-VALUE}.")
    int choruses;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Picks the choruses. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--tempo", paramLabel = "BPM", defaultValue = "120", description = "Default: ${DEFAULT-VALUE}.")
    double tempo;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Options.checkTempo(tempo);
        if (choruses < 1 || choruses > 1000) {
            throw new bebop.UserError("--choruses " + choruses + ": must be between 1 and 1000");
        }
        BluesDataset data = BluesDataset.generate(BluesForm.paper());
        SplittableRandom random = new SplittableRandom(seed);
        List<double[]> frames = new ArrayList<>();
        List<Integer> picked = new ArrayList<>();
        for (int i = 0; i < choruses; i++) {
            BluesDataset.Chorus c = data.choruses().get(random.nextInt(data.choruses().size()));
            picked.add(c.index());
            frames.addAll(List.of(data.frames(c)));
        }
        Score score = LocalEncoding.decode(frames.toArray(new double[0][]), tempo, "bebop demo: training-set choruses");
        String base = out.resolve("demo").toString();
        var w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "%d choruses (%d bars, %.0f s at %s bpm): choruses %s of the paper's training set,%n",
                choruses, score.bars(), score.seconds(), Options.number(tempo), picked);
        w.println("not the network's own music: no trained model is bundled yet.");
        ScoreOutputs.write(score, base, EnumSet.of(ScoreOutputs.Format.mid, ScoreOutputs.Format.wav,
                ScoreOutputs.Format.png, ScoreOutputs.Format.musicxml, ScoreOutputs.Format.ly), false, Optional.empty(), w);
        w.printf(Locale.ROOT, "Listen: play %s.wav (or any MIDI player: timidity %s.mid). Look: %s.png.%n", base, base, base);
        w.printf(Locale.ROOT, "Edit the score: open %s.musicxml in MuseScore, or engrave %s.ly with lilypond.%n", base, base);
        w.flush();
        return 0;
    }
}
