package bebop.app;

import bebop.UserError;
import bebop.data.BluesDataset;
import bebop.encoding.LocalEncoding;
import bebop.io.data.BluesDatasetJson;
import bebop.io.midi.MidiWriter;
import bebop.music.BluesForm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Writing the paper's training set: one MIDI file a chorus and one JSON file of frames, form and provenance. */
public final class BluesDataService {
    private BluesDataService() {}

    /** The set written: how many choruses, the JSON file and the folder of MIDI files. */
    public record Written(int choruses, Path json, Path midiFolder) {}

    public static Written write(Path out, BluesForm.Variant variant, double tempo) {
        Checks.tempo(tempo);
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
        return new Written(data.choruses().size(), json, midiDir);
    }

    private static String midiName(int index) {
        return String.format(Locale.ROOT, "blues-%04d.mid", index);
    }
}
