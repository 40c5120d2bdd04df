package bebop.io.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bebop.data.corpus.Grid;
import bebop.data.corpus.ImportOptions;
import bebop.data.corpus.MelodyChoice;
import bebop.data.corpus.Transposition;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CorpusImporterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ImportOptions options(Transposition t, MelodyChoice m, long seed) {
        return new ImportOptions(Grid.EIGHTH, t, m, seed);
    }

    private static JsonNode read(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    private static Map<String, JsonNode> filesByPath(JsonNode report) {
        Map<String, JsonNode> m = new HashMap<>();
        report.get("files").forEach(f -> m.put(f.get("path").asText(), f));
        return m;
    }

    @Test
    void everyFileIsReportedBrokenOnesWithTheirReasonAndNoneStopsTheImport() throws IOException {
        Path dir = TestCorpus.scratch("broken");
        Map<String, String[]> broken = TestCorpus.writeBroken(dir);
        Files.createDirectories(dir.resolve("sub/deeper"));
        Files.write(dir.resolve("good.mid"), TestCorpus.tune(4, 480));
        Files.write(dir.resolve("sub/deeper/UPPER.MIDI"), TestCorpus.tune(3, 96));
        Files.writeString(dir.resolve("sub/notes.txt"), "not music");

        CorpusImport result = CorpusImporter.run(dir, ImportOptions.DEFAULTS);
        Path out = TestCorpus.scratch("broken-out");
        DatasetWriter.write(out, result);
        JsonNode report = read(out.resolve(DatasetWriter.REPORT_JSON));

        List<String> expectedPaths = new ArrayList<>(broken.keySet());
        expectedPaths.add("good.mid");
        expectedPaths.add("sub/deeper/UPPER.MIDI");
        expectedPaths.sort(null);
        List<String> paths = new ArrayList<>();
        report.get("files").forEach(f -> paths.add(f.get("path").asText()));
        assertEquals(expectedPaths, paths, "every MIDI file, sorted by path");
        assertEquals(10, report.get("found").asInt());
        assertEquals(2, report.get("imported").asInt());
        assertEquals(8, report.get("rejected").asInt());
        assertEquals(1, report.get("other_files_ignored").asInt());

        Map<String, JsonNode> byPath = filesByPath(report);
        for (Map.Entry<String, String[]> e : broken.entrySet()) {
            JsonNode f = byPath.get(e.getKey());
            assertEquals("rejected", f.get("status").asText(), e.getKey());
            assertEquals(e.getValue()[0], f.get("reason_code").asText(), e.getKey());
            assertEquals(e.getValue()[1], f.get("reason").asText(), e.getKey());
        }
        JsonNode good = byPath.get("good.mid");
        assertEquals("imported", good.get("status").asText());
        assertEquals(4, good.get("bars").asInt());
        assertEquals(16 + 8 * 3, good.get("notes").asInt());
        assertEquals("C major", good.get("key").asText());
        assertEquals(1, good.get("melody").get("parts").get(0).asInt());
        assertEquals("Flute", good.get("melody").get("name").asText());
        assertEquals(3, byPath.get("sub/deeper/UPPER.MIDI").get("bars").asInt());
        assertTrue(byPath.get("empty.mid").get("sha256").asText().startsWith("sha256:e3b0c442"));

        String text = Files.readString(out.resolve(DatasetWriter.REPORT_TEXT));
        for (Map.Entry<String, String[]> e : broken.entrySet()) {
            assertTrue(text.contains("rejected  " + e.getKey() + ": " + e.getValue()[1] + "\n"), text);
        }
        assertTrue(text.contains("found 10 MIDI files: 2 imported, 8 rejected\n"), text);
        assertTrue(text.contains("imported  good.mid: 4 bars (4/4), 40 notes, key C major, melody part 1 \"Flute\""), text);

        JsonNode meta = read(out.resolve(DatasetWriter.META));
        assertEquals(10, meta.get("provenance").get("files").size());
        assertEquals(JSON.readTree("{\"grid\":\"8th\",\"transpose\":\"none\",\"melody\":\"auto\",\"seed\":1,\"chords\":\"recognised\"}"),
                meta.get("provenance").get("options"));
    }

    @Test
    void datasetIsThePianoRollFormWithMelodyAndHarmonyReadableApart() throws IOException {
        Path dir = TestCorpus.scratch("format");
        Files.write(dir.resolve("a.mid"), TestCorpus.tune(2, 480));
        Path out = TestCorpus.scratch("format-out");
        DatasetWriter.write(out, CorpusImporter.run(dir, ImportOptions.DEFAULTS));
        JsonNode dataset = read(out.resolve(DatasetWriter.DATASET));
        List<String> keys = new ArrayList<>();
        dataset.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("train", "valid", "test"), keys);
        JsonNode frames = dataset.get("train").get(0);
        assertEquals(16, frames.size());
        assertEquals(JSON.readTree("[48,52,55,72]"), frames.get(0));
        assertEquals(JSON.readTree("[48,52,55,74]"), frames.get(2));
        JsonNode piece = read(out.resolve(DatasetWriter.PIECES)).get("train").get(0);
        assertEquals("a.mid@+0", piece.get("id").asText());
        assertEquals(72, piece.get("melody").get(0).asInt());
        assertEquals("C", piece.get("chords").get(0).get("symbol").asText());
        assertEquals(JSON.readTree("[0,4,7]"), piece.get("chords").get(0).get("pitch_classes"));
        assertEquals(JSON.readTree("[0,2,4,6,8,10,12,14]"), piece.get("onsets"));
    }

    @Test
    void theSplitIsByPieceAndTheSameForTheSameSeed() throws IOException {
        Path dir = TestCorpus.scratch("split");
        for (int i = 0; i < 20; i++) {
            Files.write(dir.resolve(String.format("t%02d.mid", i)), TestCorpus.tune(2 + i, 480)); // all different
        }
        Path a = TestCorpus.scratch("split-a");
        Path b = TestCorpus.scratch("split-b");
        Path c = TestCorpus.scratch("split-c");
        DatasetWriter.write(a, CorpusImporter.run(dir, options(Transposition.NONE, MelodyChoice.AUTO, 5)));
        DatasetWriter.write(b, CorpusImporter.run(dir, options(Transposition.NONE, MelodyChoice.AUTO, 5)));
        DatasetWriter.write(c, CorpusImporter.run(dir, options(Transposition.NONE, MelodyChoice.AUTO, 6)));
        for (String f : List.of(DatasetWriter.DATASET, DatasetWriter.PIECES, DatasetWriter.META,
                DatasetWriter.REPORT_JSON, DatasetWriter.REPORT_TEXT)) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
        }
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(a.resolve(DatasetWriter.PIECES)),
                Files.readAllBytes(c.resolve(DatasetWriter.PIECES))));
        JsonNode pieces = read(a.resolve(DatasetWriter.PIECES));
        Set<String> seen = new HashSet<>();
        Map<String, Integer> counts = new HashMap<>();
        for (String split : List.of("train", "valid", "test")) {
            counts.put(split, pieces.get(split).size());
            pieces.get(split).forEach(p -> assertTrue(seen.add(p.get("source").asText()), "a file in two splits"));
        }
        assertEquals(Map.of("train", 16, "valid", 2, "test", 2), counts);
        JsonNode dataset = read(a.resolve(DatasetWriter.DATASET));
        for (String split : List.of("train", "valid", "test")) {
            assertEquals(pieces.get(split).size(), dataset.get(split).size());
            for (int i = 0; i < dataset.get(split).size(); i++) {
                assertEquals(pieces.get(split).get(i).get("frames").asInt(), dataset.get(split).get(i).size());
            }
        }
    }

    @Test
    void copiesOfAFileGoToTheSameSplit() throws IOException {
        Path dir = TestCorpus.scratch("copies");
        for (int i = 0; i < 10; i++) {
            Files.write(dir.resolve(String.format("t%02d.mid", i)), TestCorpus.tune(2 + i, 480));
            Files.write(dir.resolve(String.format("copy-of-t%02d.mid", i)), TestCorpus.tune(2 + i, 480));
        }
        for (long seed = 1; seed <= 5; seed++) {
            CorpusImport result = CorpusImporter.run(dir, options(Transposition.NONE, MelodyChoice.AUTO, seed));
            Map<String, bebop.data.Split.Part> split = new HashMap<>();
            result.files().forEach(f -> split.put(f.path(), f.split()));
            for (int i = 0; i < 10; i++) {
                String name = String.format("t%02d.mid", i);
                assertEquals(split.get(name), split.get("copy-of-" + name), name);
            }
            assertEquals(2, split.values().stream().filter(s -> s == bebop.data.Split.Part.TEST).count());
        }
        Path out = TestCorpus.scratch("copies-out");
        DatasetWriter.write(out, CorpusImporter.run(dir, ImportOptions.DEFAULTS));
        Map<String, JsonNode> report = filesByPath(read(out.resolve(DatasetWriter.REPORT_JSON)));
        assertEquals("copy-of-t03.mid", report.get("t03.mid").get("same_bytes_as").asText()); // the first by path
        assertFalse(report.get("copy-of-t03.mid").has("same_bytes_as"));
        assertTrue(Files.readString(out.resolve(DatasetWriter.REPORT_TEXT)).contains(" (same bytes as copy-of-t03.mid)\n"));
    }

    @Test
    void all12KeepsTwelveVersionsOfEachPieceInOneSplit() throws IOException {
        Path dir = TestCorpus.scratch("all12");
        for (int i = 0; i < 4; i++) {
            Files.write(dir.resolve("t" + i + ".mid"), TestCorpus.tune(2 + i, 480));
        }
        CorpusImport result = CorpusImporter.run(dir, options(Transposition.ALL12, MelodyChoice.AUTO, 1));
        Path out = TestCorpus.scratch("all12-out");
        DatasetWriter.write(out, result);
        JsonNode pieces = read(out.resolve(DatasetWriter.PIECES));
        Map<String, List<Integer>> shifts = new HashMap<>();
        Map<String, String> splitOf = new HashMap<>();
        for (String split : List.of("train", "valid", "test")) {
            for (JsonNode p : pieces.get(split)) {
                String src = p.get("source").asText();
                shifts.computeIfAbsent(src, k -> new ArrayList<>()).add(p.get("shift").asInt());
                assertEquals(split, splitOf.merge(src, split, (x, y) -> x.equals(y) ? x : "two splits"));
                int shift = p.get("shift").asInt();
                assertEquals(72 + shift, p.get("melody").get(0).asInt());
            }
        }
        assertEquals(4, shifts.size());
        for (List<Integer> s : shifts.values()) {
            assertEquals(List.of(-6, -5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5), s);
        }
        assertEquals("all12", filesByPath(read(out.resolve(DatasetWriter.REPORT_JSON))).get("t0.mid").get("key_shift").asText());
        assertEquals(12, read(out.resolve(DatasetWriter.META)).get("splits").get("train").get("pieces").asInt() / 2);
    }

    @Test
    void melodyTrackPicksThatPart() throws IOException {
        Path dir = TestCorpus.scratch("track");
        Files.write(dir.resolve("a.mid"), TestCorpus.tune(2, 480));
        FileResult byTrack = CorpusImporter.run(dir, options(Transposition.NONE, MelodyChoice.parse("track:2"), 1)).files().get(0);
        assertEquals(List.of(2), byTrack.piece().melodySource().parts());
        assertEquals("Piano", byTrack.piece().melodySource().name());
        assertEquals(55, byTrack.piece().melody()[0]);
        assertArrayEquals(new int[] {48, 52, 72, 74}, byTrack.piece().chords().get(0).pitches());
        FileResult missing = CorpusImporter.run(dir, options(Transposition.NONE, MelodyChoice.parse("track:3"), 1)).files().get(0);
        assertEquals("no melody (track:3 asked for, but the file has 2 parts (see bebop inspect))",
                ((bebop.data.corpus.FileOutcome.Rejected) missing.outcome()).reason());
    }

    @Test
    void tunesWrittenByAbc2midiImportWithTheirKeysChordsAndMetre() throws Exception {
        Path dir = TestCorpus.scratch("abc");
        Abc2Midi.convert("blues-in-c", dir, "blues-in-c.mid");
        Abc2Midi.convert("tune-in-g", dir, "folk/tune-in-g.mid");
        Abc2Midi.convert("waltz", dir, "folk/waltz.mid");
        CorpusImport result = CorpusImporter.run(dir, options(Transposition.TO_C, MelodyChoice.AUTO, 1));
        Path out = TestCorpus.scratch("abc-out");
        DatasetWriter.write(out, result);
        Map<String, JsonNode> report = filesByPath(read(out.resolve(DatasetWriter.REPORT_JSON)));
        assertEquals(3, report.size());
        report.values().forEach(f -> assertEquals("imported", f.get("status").asText(), f.toString()));

        JsonNode blues = report.get("blues-in-c.mid");
        assertEquals(12, blues.get("bars").asInt());
        assertEquals("C major", blues.get("key").asText());
        assertEquals(0, blues.get("key_shift").asInt());
        assertEquals(1, blues.get("melody").get("parts").get(0).asInt());
        assertEquals(24, blues.get("half_bars_with_harmony").asInt());
        JsonNode inG = report.get("folk/tune-in-g.mid");
        assertEquals("G major", inG.get("key").asText());
        assertEquals(5, inG.get("key_shift").asInt());
        assertEquals(8, inG.get("bars").asInt());
        JsonNode waltz = report.get("folk/waltz.mid");
        assertEquals("3/4", waltz.get("time_signature").asText());
        assertEquals("D major", waltz.get("key").asText());
        assertEquals(-2, waltz.get("key_shift").asInt());

        Map<String, JsonNode> pieces = new HashMap<>();
        JsonNode all = read(out.resolve(DatasetWriter.PIECES));
        for (String split : List.of("train", "valid", "test")) {
            all.get(split).forEach(p -> pieces.put(p.get("source").asText(), p));
        }
        assertEquals(List.of("C", "C", "F7", "F7", "C", "C", "C7", "C7", "F7", "F7", "F7", "F7",
                "C", "C", "A7", "A7", "Dm7", "Dm7", "G7", "G7", "C", "A7", "Dm7", "G7"), symbols(pieces.get("blues-in-c.mid")));
        // the tune in G, moved up a fourth: G B d B | c e d A | ... starts on C5
        JsonNode g = pieces.get("folk/tune-in-g.mid");
        assertEquals("C major", g.get("key").asText());
        assertEquals(List.of(72, 72, 76, 76, 79, 79, 76, 76), first(g.get("melody"), 8));
        assertEquals(List.of("C", "C", "F", "G7", "C", "Am", "Dm", "G7"), symbols(g).subList(0, 8));
        // the waltz: six eighths a bar, chords on half bars of three, D major moved down a tone
        JsonNode w = pieces.get("folk/waltz.mid");
        assertEquals(6, w.get("steps_per_bar").asInt());
        assertEquals(48, w.get("frames").asInt());
        assertEquals(3, w.get("chords").get(1).get("steps").asInt());
        assertEquals(List.of(67, 67, 72, 72, 76, 76), first(w.get("melody"), 6));
        assertEquals(List.of("C", "C", "C", "C", "F", "F", "G7", "G7"), symbols(w).subList(0, 8));
        // the recognised chords (melody notes count too: the waltz's F bars carry an E, read as Fmaj7) have
        // the written roots and qualities
        assertEquals(List.of("C", "C", "C", "C", "Fmaj7", "Fmaj7", "G7", "G7"), recognised(w).subList(0, 8));
        assertEquals(List.of("C", "C", "F7", "F7", "C", "C", "C7", "C7"), recognised(pieces.get("blues-in-c.mid")).subList(0, 8));
    }

    /** The names of the raw sets. */
    private static List<String> symbols(JsonNode piece) {
        List<String> s = new ArrayList<>();
        piece.get("chords").forEach(c -> s.add(c.get("raw_symbol").asText()));
        return s;
    }

    private static List<String> recognised(JsonNode piece) {
        List<String> s = new ArrayList<>();
        piece.get("chords").forEach(c -> s.add(c.get("symbol").asText()));
        return s;
    }

    private static List<Integer> first(JsonNode array, int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(array.get(i).asInt());
        }
        return out;
    }
}
