package bebop.io.corpus;

import bebop.UserError;
import bebop.data.corpus.ChordMelodySet;
import bebop.encoding.FrameFormat;
import bebop.io.AtomicFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads what {@code bebop import} wrote ({@link DatasetWriter}) with melody and harmony apart:
 * {@code meta.json} (the grid) and {@code pieces.json} (per piece its melody per frame and one chord
 * per half bar), into a {@link ChordMelodySet}.
 */
public final class CorpusDatasets {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CorpusDatasets() {}

    /**
     * The import folder a {@code --data} value names: the folder itself, or the folder of its
     * {@code dataset.json}, when it holds a {@code meta.json} of format {@value DatasetWriter#META_FORMAT};
     * empty for anything else (a benchmark JSON, a bundled name).
     */
    public static Optional<Path> importFolder(String spec) {
        Path p = Path.of(spec);
        Path folder = Files.isDirectory(p) ? p
                : p.getFileName() != null && p.getFileName().toString().equals(DatasetWriter.DATASET) ? p.toAbsolutePath().getParent()
                : null;
        if (folder == null || !Files.isRegularFile(folder.resolve(DatasetWriter.META))) {
            return Optional.empty();
        }
        try {
            JsonNode meta = JSON.readTree(folder.resolve(DatasetWriter.META).toFile());
            return DatasetWriter.META_FORMAT.equals(meta.path("format").asText()) ? Optional.of(folder) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * What the frames of the data set a {@code --data} value names mean: an import folder's 88 keys
     * hold chords and melody ({@link FrameFormat#corpusRoll}, its grid and its most common bar, 4/4
     * without a pieces.json); a
     * piano roll is a piano roll, one step a quarter for jsb (as the benchmark samples it), else
     * taken as two (eighth notes), in 4/4.
     */
    public static FrameFormat frameFormat(String spec) {
        Optional<Path> folder = importFolder(spec);
        if (folder.isPresent()) {
            if (!Files.isRegularFile(folder.get().resolve(DatasetWriter.PIECES))) {
                int spq = stepsPerQuarter(folder.get());
                return FrameFormat.corpusRoll(spq, 4 * spq);
            }
            ChordMelodySet set = read(folder.get());
            return FrameFormat.corpusRoll(set.stepsPerQuarter(), set.stepsPerBar());
        }
        int spq = spec.equalsIgnoreCase("jsb") && !Files.exists(Path.of(spec)) ? 1 : 2;
        return FrameFormat.pianoRoll(spq, 4 * spq);
    }

    /** The grid of an import folder (frames per quarter note), from its meta.json. */
    public static int stepsPerQuarter(Path folder) {
        Path file = folder.resolve(DatasetWriter.META);
        JsonNode meta = tree(file);
        int spq = meta.path("grid").path("steps_per_quarter").asInt(0);
        if (spq < 1) {
            throw new UserError(file + ": no grid.steps_per_quarter (not written by bebop import?)");
        }
        return spq;
    }

    /**
     * What an import folder's chord frames hold, from its meta.json's options: "chords" (recognised or
     * raw; folders imported before the choice existed hold raw sets) and "transpose" (none, C or all12).
     */
    public static java.util.Map<String, String> importOptions(Path folder) {
        JsonNode options = tree(folder.resolve(DatasetWriter.META)).path("provenance").path("options");
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        out.put("chords", options.path("chords").asText("raw"));
        out.put("transpose", options.path("transpose").asText("none"));
        return out;
    }

    /** The pieces of an import folder, melody and chords apart. */
    public static ChordMelodySet read(Path folder) {
        int spq = stepsPerQuarter(folder);
        Path file = folder.resolve(DatasetWriter.PIECES);
        JsonNode root = tree(file);
        if (!DatasetWriter.PIECES_FORMAT.equals(root.path("format").asText())) {
            throw new UserError(file + ": not a bebop import pieces file (format is not " + DatasetWriter.PIECES_FORMAT + ")");
        }
        JsonNode version = root.path("format_version");
        if (!version.canConvertToInt() || version.asInt() < 1 || version.asInt() > DatasetWriter.PIECES_FORMAT_VERSION) {
            throw new UserError(file + ": format_version " + version + " is not one this bebop reads (1 to "
                    + DatasetWriter.PIECES_FORMAT_VERSION + "); " + (version.asInt() > DatasetWriter.PIECES_FORMAT_VERSION
                    ? "it was written by a newer bebop: import the MIDI files again with this one" : "import the MIDI files again"));
        }
        try {
            return new ChordMelodySet(folder.toString(), spq, split(root, "train"), split(root, "valid"), split(root, "test"));
        } catch (IllegalArgumentException e) {
            throw new UserError(file + ": " + e.getMessage(), e);
        }
    }

    private static List<ChordMelodySet.Piece> split(JsonNode root, String name) {
        JsonNode list = root.path(name);
        if (!list.isArray()) {
            throw new IllegalArgumentException("no '" + name + "' list of pieces");
        }
        List<ChordMelodySet.Piece> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode p = list.get(i);
            String where = name + "[" + i + "]";
            JsonNode mel = p.path("melody");
            int[] melody = new int[mel.size()];
            for (int t = 0; t < melody.length; t++) {
                melody[t] = mel.get(t).asInt(-1);
                if (melody[t] < -1 || melody[t] > 127) {
                    throw new IllegalArgumentException(where + ": melody pitch " + mel.get(t) + " outside -1..127");
                }
            }
            int[] chords = new int[melody.length];
            for (JsonNode c : p.path("chords")) {
                int mask = 0;
                for (JsonNode pc : c.path("pitch_classes")) {
                    int k = pc.asInt(-1);
                    if (k < 0 || k > 11) {
                        throw new IllegalArgumentException(where + ": pitch class " + pc + " outside 0..11");
                    }
                    mask |= 1 << k;
                }
                int step = c.path("step").asInt(-1);
                int steps = c.path("steps").asInt(-1);
                if (step < 0 || steps < 0 || step + steps > melody.length) {
                    throw new IllegalArgumentException(where + ": a chord at step " + step + " for " + steps
                            + " steps does not fit its " + melody.length + " frames");
                }
                for (int t = step; t < step + steps; t++) {
                    chords[t] = mask;
                }
            }
            out.add(new ChordMelodySet.Piece(p.path("steps_per_bar").asInt(0), melody, chords));
        }
        return out;
    }

    private static JsonNode tree(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UserError(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UserError(file + ": cannot read: " + AtomicFiles.describe(e), e);
        }
    }
}
