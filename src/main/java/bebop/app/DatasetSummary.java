package bebop.app;

import bebop.UserError;
import bebop.data.poly.PolyDataset;
import bebop.data.poly.PolyPiece;
import bebop.eval.Polyphony;
import bebop.io.corpus.CorpusDatasets;
import bebop.io.corpus.ReportText;
import bebop.io.poly.PolyJson;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What a data set holds, told to a person ({@code bebop inspect DATASET}): what a frame means, and per
 * split its pieces and frames, how many notes sound at once and the pitches they span; for an import
 * folder, what its report says of the import.
 *
 * @param name     the data set as {@code train --data} names it in models ("jsb", a JSON file's path)
 * @param frames   what a frame holds: "88-key piano roll, 1 step a quarter, 4 a bar"
 * @param splits   train, valid and test, in that order
 * @param imported for an import folder, its report in a sentence ("98 of 100 MIDI files from ~/midi (2
 *                 rejected); chords recognised in ...; grid 8th, ..."); null otherwise
 */
public record DatasetSummary(String name, String frames, List<Split> splits, String imported) {
    /**
     * One split; the shares and the mean are null for a split with no frame (JSON has no NaN).
     *
     * @param shortest      steps of its shortest piece (0 without pieces)
     * @param longest       steps of its longest piece
     * @param notesPerFrame mean pitches sounding in a frame
     * @param silent        share of frames with no pitch
     * @param threeToFour   share of frames with 3 or 4 pitches (the figure {@code eval} compares a free run with)
     * @param lowest        lowest pitch sounding (MIDI), -1 when nothing sounds
     * @param highest       highest pitch sounding (MIDI), -1 when nothing sounds
     */
    public record Split(String split, int pieces, long frames, int shortest, int longest, Double notesPerFrame,
                        Double silent, @JsonProperty("frames_3_4_notes") Double threeToFour, int lowest, int highest) {
        static Split of(String split, List<PolyPiece> pieces) {
            long frames = 0;
            long notes = 0;
            long silent = 0;
            int shortest = Integer.MAX_VALUE;
            int longest = 0;
            int lowest = Integer.MAX_VALUE;
            int highest = -1;
            for (PolyPiece p : pieces) {
                shortest = Math.min(shortest, p.length());
                longest = Math.max(longest, p.length());
                for (int t = 0; t < p.length(); t++) {
                    int[] pitches = p.pitches(t);
                    frames++;
                    notes += pitches.length;
                    if (pitches.length == 0) {
                        silent++;
                    } else {
                        lowest = Math.min(lowest, pitches[0]);
                        highest = Math.max(highest, pitches[pitches.length - 1]);
                    }
                }
            }
            boolean none = frames == 0;
            return new Split(split, pieces.size(), frames, pieces.isEmpty() ? 0 : shortest, longest,
                    none ? null : notes / (double) frames, none ? null : silent / (double) frames,
                    none ? null : Polyphony.share(pieces), highest < 0 ? -1 : lowest, highest);
        }
    }

    /**
     * The summary of {@code spec}: a piano-roll JSON file, an import folder (or its dataset.json), or a
     * bundled data set by name (jsb, nottingham); a user error naming it when it is none of them.
     */
    public static DatasetSummary of(String spec) {
        if (TrainService.isBlues(spec)) {
            throw new UserError(spec + ": the blues choruses are drawn by each run's seed; bebop data blues --out DIR "
                    + "writes them as MIDI files to inspect");
        }
        PolyDataset data = PolyJson.resolve(spec);
        String imported = CorpusDatasets.importFolder(spec).map(DatasetSummary::importReport).orElse(null);
        return new DatasetSummary(data.name(), CorpusDatasets.frameFormat(spec).describe(), List.of(
                Split.of("train", data.train()), Split.of("valid", data.valid()), Split.of("test", data.test())), imported);
    }

    /** The import's report in a sentence, from the folder's report.json (null when it has none). */
    private static String importReport(Path folder) {
        Path file = folder.resolve("report.json");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            JsonNode r = new ObjectMapper().readTree(file.toFile());
            JsonNode chords = r.path("chords_recognised");
            JsonNode o = r.path("options");
            return String.format(Locale.ROOT, "%d of %d MIDI files from %s (%d rejected); %s; grid %s, transpose %s, "
                            + "melody %s, chords %s, seed %d", r.path("imported").asInt(), r.path("found").asInt(),
                    r.path("source").asText("?"), r.path("rejected").asInt(),
                    ReportText.recognised(chords.path("recognised").asLong(), chords.path("half_bars_with_harmony").asLong()),
                    o.path("grid").asText("?"), o.path("transpose").asText("?"), o.path("melody").asText("?"),
                    o.path("chords").asText("?"), o.path("seed").asLong());
        } catch (IOException e) {
            throw new UserError(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
