package bebop.cli;

import bebop.app.DatasetSummary;
import bebop.app.MidiSummary;
import bebop.app.ModelSummary;
import bebop.io.model.ModelFile;
import bebop.io.poly.PolyJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bebop inspect FILE}: what a MIDI file, a model file or a data set holds, as bebop reads it. */
@Command(name = "inspect",
        header = "Show what a MIDI file holds (tempo, time signature, bars, each part's notes), what a model is, or what a "
                + "data set holds.",
        description = {"Show what a MIDI file holds as bebop reads it: file type, resolution, tempo, time signature, "
                + "length in bars and seconds, the key its notes suggest, and per part (one per track and channel with notes) its name, "
                + "channel (1-16), General MIDI program (0-127), note count and pitch range.",
            "Or, for a model file (M.bebop), what it is: its kind, its network, the frames it plays, how it learned "
                + "(the algorithm and its settings, epochs and steps), how it was trained (bebop's version, the date, "
                + "the seed and the command line) and what it measured then.",
            "Or, for a data set (an import folder, a piano-roll JSON, jsb, nottingham), what a frame holds and per split "
                + "its pieces, frames, notes a frame, silent frames, frames with 3-4 notes and pitch range; for an import "
                + "folder, what the import did."})
final class InspectCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "A Standard MIDI File (type 0 or 1), a model file, or a "
            + "data set (a folder bebop import wrote, a piano-roll .json, jsb or nottingham).")
    Path file;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ObjectMapper mapper = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        if (ModelFile.looksLikeModel(file)) {
            ModelSummary model = ModelSummary.of(file);
            print(out, json ? mapper.writeValueAsString(model) : null, w -> InspectOutput.model(file, model, w));
        } else if (isDataset(file)) {
            DatasetSummary data = DatasetSummary.of(file.toString());
            print(out, json ? mapper.writeValueAsString(data) : null, w -> InspectOutput.dataset(data, w));
        } else {
            MidiSummary summary = MidiSummary.of(file);
            print(out, json ? mapper.writeValueAsString(summary.json()) : null, w -> InspectOutput.midi(file, summary, w));
        }
        return 0;
    }

    /** A folder, a .json file or the name of a bundled data set: a data set, not a MIDI file. */
    private static boolean isDataset(Path file) {
        return Files.isDirectory(file) || file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
                || (!Files.exists(file) && PolyJson.bundledNames().contains(file.toString().toLowerCase(Locale.ROOT)));
    }

    /** {@code json} when it is given (--json), else the text {@code text} prints. */
    private static void print(PrintWriter out, String json, Consumer<PrintWriter> text) {
        if (json != null) {
            out.println(json);
        } else {
            text.accept(out);
        }
        out.flush();
    }
}
