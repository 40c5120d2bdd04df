package bebop.io.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bebop.data.corpus.ChordMelodySet;
import bebop.data.corpus.ChordSource;
import bebop.data.corpus.Grid;
import bebop.data.corpus.HalfBarChord;
import bebop.data.corpus.MelodyChoice;
import bebop.data.corpus.Transposition;
import bebop.music.Voicing;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import bebop.data.corpus.ImportOptions;
import bebop.io.midi.MidiWriter;
import bebop.music.ChordName;
import bebop.music.Progression;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Chord recognition on MIDI played from lead sheets with known changes ({@link LeadSheetMidi}: a walking
 * bass with chromatic approaches, rootless voicings with ninths and passing chords, an eighth-note melody
 * with passing tones), imported as a user imports: at least 90 % of the half bars get the written chord's
 * root and quality (F13 read as F7 is right, as is C7alt as C7; the written chord of a half bar is the one
 * sounding longest in it).
 */
class ChordRecognitionTest {
    static final Map<String, String> TUNES = LeadSheetMidi.TUNES;

    /** The quality names compared: a dominant with a suspended fourth is still a dominant. */
    static boolean same(ChordName written, String recognised) {
        if (recognised.equals(HalfBarChord.UNRECOGNISED) || recognised.equals("N.C.")) {
            return false;
        }
        ChordName r = ChordName.parse(recognised);
        return r.root().pitchClass() == written.root().pitchClass() && r.quality() == written.quality();
    }

    @Test
    void halfBarsOfLeadSheetsPlayedByATrioGetTheWrittenRootAndQuality() throws Exception {
        Path midi = Files.createDirectories(TestCorpus.scratch("recognition").resolve("midi"));
        Map<String, List<ChordName>> truth = new LinkedHashMap<>();
        long seed = 1;
        for (Map.Entry<String, String> t : TUNES.entrySet()) {
            Progression p = Progression.parse(t.getValue());
            MidiWriter.write(LeadSheetMidi.play(p, 3, seed++), midi.resolve(t.getKey() + ".mid"));
            truth.put(t.getKey() + ".mid", LeadSheetMidi.halfBarTruth(p));
        }
        check(midi, truth, "bebop's MIDI writer");
    }

    /** The same lead sheets written as ABC (melody, walking bass, the symbols) and played by abc2midi, which voices the chords itself. */
    @Test
    void halfBarsOfLeadSheetsPlayedByAbc2MidiGetTheWrittenRootAndQuality() throws Exception {
        Abc2Midi.require();
        Path midi = Files.createDirectories(TestCorpus.scratch("recognition-abc").resolve("midi"));
        Map<String, List<ChordName>> truth = new LinkedHashMap<>();
        long seed = 101;
        for (Map.Entry<String, String> t : TUNES.entrySet()) {
            Progression p = Progression.parse(t.getValue());
            Abc2Midi.convertText(LeadSheetMidi.abc(p, 3, seed++), midi, t.getKey());
            Files.delete(midi.resolve(t.getKey() + ".abc"));
            truth.put(t.getKey() + ".mid", LeadSheetMidi.halfBarTruth(p));
        }
        check(midi, truth, "abc2midi");
    }

    /**
     * The data set trains on the recognised chord by default: its pitch classes as a typed symbol sounds in
     * the core voicing (a model of the corpus and a user's "C7" speak the same language), the raw set
     * beside it in pieces.json; {@code --chords raw} keeps the raw sets in the frames.
     */
    @Test
    void theDataSetHoldsTheRecognisedChordsUnlessAskedForTheRawSets() throws Exception {
        Path midi = Files.createDirectories(TestCorpus.scratch("recognition-data").resolve("midi"));
        Progression p = Progression.parse(TUNES.get("jazz-blues"));
        MidiWriter.write(LeadSheetMidi.play(p, 1, 5), midi.resolve("blues.mid"));
        for (ChordSource source : ChordSource.values()) {
            Path out = TestCorpus.scratch("recognition-data-" + source.label());
            ImportOptions options = new ImportOptions(Grid.EIGHTH, Transposition.NONE, MelodyChoice.AUTO, 1, source);
            CorpusImport result = CorpusImporter.run(midi, options);
            DatasetWriter.write(out, result);
            List<HalfBarChord> halves = result.files().get(0).piece().chords();
            ChordMelodySet set = CorpusDatasets.read(out);
            ChordMelodySet.Piece piece = set.train().isEmpty() ? (set.valid().isEmpty() ? set.test().get(0) : set.valid().get(0))
                    : set.train().get(0);
            JsonNode chords = new ObjectMapper().readTree(out.resolve(DatasetWriter.PIECES).toFile());
            JsonNode first = null;
            for (String split : List.of("train", "valid", "test")) {
                if (chords.get(split).size() > 0) {
                    first = chords.get(split).get(0).get("chords");
                }
            }
            int recognisedSeen = 0;
            for (int h = 0; h < halves.size(); h++) {
                HalfBarChord c = halves.get(h);
                int expected = source == ChordSource.RAW || !c.isRecognised() ? c.pitchClasses() : c.recognisedClasses();
                assertEquals(expected, piece.chords()[c.step()], source + " half bar " + h);
                assertEquals(c.recognised(), first.get(h).get("symbol").asText());
                assertEquals(c.symbol(), first.get(h).get("raw_symbol").asText());
                if (c.isRecognised()) {
                    recognisedSeen++;
                    int core = 0;
                    for (int pc : Voicing.CORE.pitchClasses(ChordName.parse(c.recognised()))) {
                        core |= 1 << pc;
                    }
                    assertEquals(core, c.recognisedClasses(), c.recognised());
                }
            }
            assertTrue(recognisedSeen >= 0.9 * halves.size(), recognisedSeen + " of " + halves.size());
            String report = Files.readString(out.resolve(DatasetWriter.REPORT_TEXT));
            assertTrue(report.contains("options: --grid 8th --transpose none --melody auto --seed 1 --chords " + source.label()), report);
            assertTrue(report.contains("chords recognised in " + recognisedSeen + " of " + halves.size() + " half bars with harmony ("),
                    report);
            JsonNode json = new ObjectMapper().readTree(out.resolve(DatasetWriter.REPORT_JSON).toFile());
            assertEquals(recognisedSeen, json.get("chords_recognised").get("recognised").asInt());
            assertEquals(recognisedSeen, json.get("files").get(0).get("half_bars_recognised").asInt());
        }
        // the F13 of bar 1 trains as F A C Eb, what a typed F13 sounds in the core voicing
        assertEquals(List.of(0, 3, 5, 9), Voicing.CORE.pitchClasses(ChordName.parse("F13")));
    }

    /**
     * pieces.json is at format version 2 since "symbol" became the recognised chord; a version 1 file (the
     * same pitch classes, "symbol" the raw set's name) still reads to the same pieces, and a later version
     * is refused with one line naming the file.
     */
    @Test
    void piecesJsonOfVersionOneStillReadsAndALaterVersionIsRefused() throws Exception {
        Path midi = Files.createDirectories(TestCorpus.scratch("pieces-version").resolve("midi"));
        MidiWriter.write(LeadSheetMidi.play(Progression.parse(TUNES.get("jazz-blues")), 1, 5), midi.resolve("blues.mid"));
        Path out = TestCorpus.scratch("pieces-version-out");
        DatasetWriter.write(out, CorpusImporter.run(midi, ImportOptions.DEFAULTS));
        Path pieces = out.resolve(DatasetWriter.PIECES);
        String text = Files.readString(pieces);
        assertTrue(text.startsWith("{\"format\": \"bebop-corpus-pieces\", \"format_version\": 2,"), text.substring(0, 80));
        ChordMelodySet now = CorpusDatasets.read(out);

        Files.writeString(pieces, text.replace("\"format_version\": 2,", "\"format_version\": 1,"));
        ChordMelodySet old = CorpusDatasets.read(out);
        assertEquals(now.train().size(), old.train().size());
        for (int k = 0; k < now.train().size(); k++) {
            assertArrayEquals(now.train().get(k).chords(), old.train().get(k).chords());
            assertArrayEquals(now.train().get(k).melody(), old.train().get(k).melody());
        }

        Files.writeString(pieces, text.replace("\"format_version\": 2,", "\"format_version\": 3,"));
        assertEquals(pieces + ": format_version 3 is not one this bebop reads (1 to 2); it was written by a newer bebop: "
                + "import the MIDI files again with this one",
                assertThrows(bebop.UserError.class, () -> CorpusDatasets.read(out)).getMessage());
    }

    private static void check(Path midi, Map<String, List<ChordName>> truth, String writer) {
        CorpusImport result = CorpusImporter.run(midi, ImportOptions.DEFAULTS);
        int right = 0;
        int all = 0;
        StringBuilder misses = new StringBuilder();
        for (FileResult f : result.files()) {
            assertTrue(f.imported(), f.path() + ": " + f.outcome());
            List<ChordName> written = truth.get(f.path());
            List<HalfBarChord> found = f.piece().chords();
            int fileRight = 0;
            for (int h = 0; h < found.size(); h++) {
                ChordName w = written.get(h % written.size());
                boolean ok = same(w, found.get(h).recognised());
                fileRight += ok ? 1 : 0;
                if (!ok) {
                    misses.append(String.format(Locale.ROOT, "%s half bar %d: written %s, recognised %s (raw %s %s)%n",
                            f.path(), h + 1, w, found.get(h).recognised(), found.get(h).symbol(),
                            java.util.Arrays.toString(found.get(h).pitches())));
                }
            }
            System.out.printf(Locale.ROOT, "%s: %d of %d half bars right%n", f.path(), fileRight, found.size());
            right += fileRight;
            all += found.size();
        }
        double share = right / (double) all;
        System.out.printf(Locale.ROOT, "chord recognition (%s): %d of %d half bars (%.1f %%) get the written root and quality%n%s",
                writer, right, all, 100 * share, misses);
        assertTrue(share >= 0.9, String.format(Locale.ROOT, "%.3f of half bars right%n%s", share, misses));
        assertEquals(result.harmonisedHalfBars(), all, "every half bar of these tunes has harmony");
    }
}
