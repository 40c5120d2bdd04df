package bebop.cli;

import bebop.UserError;
import bebop.data.BluesDataset;
import bebop.encoding.LocalEncoding;
import bebop.io.data.BluesDatasetJson;
import bebop.io.midi.MidiWriter;
import bebop.music.BluesForm;
import java.nio.file.Files;
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
        BluesForm.Variant variant = Options.formVariant(form);
        Options.checkTempo(tempo);
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserError(out + ": is a file, not a folder (--out needs a folder)");
        }
        BluesDataset data = BluesDataset.generate(BluesForm.of(variant));
        Path midiDir = out.resolve("midi");
        for (BluesDataset.Chorus c : data.choruses()) {
            String title = String.format(Locale.ROOT, "bebop blues chorus %04d", c.index());
            MidiWriter.write(LocalEncoding.decode(data.frames(c), tempo, title), midiDir.resolve(midiName(c.index())));
        }
        Path json = out.resolve("blues.json");
        BluesDatasetJson.write(json, data, tempo, i -> "midi/" + midiName(i));
        var w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "wrote %d choruses (%s form, %s bpm):%n", data.choruses().size(), variant.label(),
                Options.number(tempo));
        w.printf(Locale.ROOT, "  %s  (frames, form, provenance)%n", json);
        w.printf(Locale.ROOT, "  %s/blues-0000.mid ... blues-%04d.mid%n", midiDir, data.choruses().size() - 1);
        w.flush();
        return 0;
    }

    private static String midiName(int index) {
        return String.format(Locale.ROOT, "blues-%04d.mid", index);
    }
}
