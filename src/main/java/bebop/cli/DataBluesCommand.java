package bebop.cli;

import bebop.app.BluesDataService;
import bebop.app.Checks;
import bebop.music.BluesForm;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bebop data blues}: writes the paper's training set as MIDI files and one JSON file. */
@Command(name = "blues", sortOptions = false,
        description = {"Write the paper's 4,096 12-bar blues choruses: DIR/blues.json (frames, form, provenance)",
            "and DIR/midi/blues-0000.mid ... blues-4095.mid (chords and melody on separate tracks)."})
final class DataBluesCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write into.")
    Path out;

    @Option(names = "--form", paramLabel = "paper|corrected", defaultValue = "paper",
            description = "Bar 6 as printed in the paper (48 50 54 57) or as the diminished seventh "
                    + "its label means (48 51 54 57). Default: ${DEFAULT-VALUE}.")
    String form;

    @Option(names = "--tempo", paramLabel = "BPM", defaultValue = "120",
            description = "Tempo of the MIDI files in quarter notes per minute. Default: ${DEFAULT-VALUE}.")
    double tempo;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        BluesForm.Variant variant = Checks.formVariant(form);
        BluesDataService.Written written = BluesDataService.write(out, variant, tempo);
        var w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "wrote %d choruses (%s form, %s bpm):%n", written.choruses(), variant.label(),
                Checks.number(tempo));
        w.printf(Locale.ROOT, "  %s  (frames, form, provenance)%n", written.json());
        w.printf(Locale.ROOT, "  %s/blues-0000.mid ... blues-%04d.mid%n", written.midiFolder(), written.choruses() - 1);
        w.flush();
        return 0;
    }
}
