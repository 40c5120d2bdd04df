package bebop.io.corpus;

import bebop.Version;
import bebop.data.Split.Part;
import bebop.data.corpus.ExtractedPiece;
import bebop.data.corpus.FileOutcome;
import bebop.data.corpus.HalfBarChord;
import bebop.data.corpus.PieceVersion;
import bebop.data.corpus.Transposition;
import bebop.io.AtomicFiles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes an import into a folder, each file atomically:
 *
 * <ul>
 *   <li>{@code dataset.json}: the Boulanger-Lewandowski piano-roll form, {@code {"train","valid","test"}}
 *       -> pieces -> frames -> sorted MIDI pitches: the half bar's chord (recognised, or the raw set
 *       with {@code --chords raw}) as pitch classes in 48..59
 *       and the melody pitch as it sounds. One piece a line.
 *   <li>{@code pieces.json}: the same pieces in the same order as structured records, so a trainer
 *       can read melody and harmony apart: source file, shift, key, melody per frame (-1 = rest),
 *       melody onsets, one chord per half bar: the recognised chord's symbol ("?" where none was
 *       recognised), the pitch classes the frames hold (per the import's {@code --chords}), and the raw
 *       set (its name, pitch classes and sounding pitches).
 *   <li>{@code meta.json}: format, grid, encoding, provenance (source folder, options, seed, bebop
 *       version, SHA-256 of every file read and of dataset.json and pieces.json) and split sizes.
 *   <li>{@code report.json} and {@code report.txt}: every file found, imported or rejected with
 *       its reason.
 * </ul>
 *
 * When no file was imported only the two reports are written. No date is written: the same corpus,
 * options and seed give the same bytes.
 */
public final class DatasetWriter {
    public static final String DATASET = "dataset.json";
    public static final String PIECES = "pieces.json";
    public static final String META = "meta.json";
    public static final String REPORT_JSON = "report.json";
    public static final String REPORT_TEXT = "report.txt";
    public static final String META_FORMAT = "bebop-corpus-dataset";
    public static final String PIECES_FORMAT = "bebop-corpus-pieces";
    public static final String REPORT_FORMAT = "bebop-import-report";
    public static final int FORMAT_VERSION = 1;
    /**
     * pieces.json's version: 2 since a chord's "symbol" is the recognised chord (the raw set's name moved
     * to "raw_symbol"); in version 1 "symbol" named the raw set. "pitch_classes" (what the frames hold)
     * means the same in both, so both are read.
     */
    public static final int PIECES_FORMAT_VERSION = 2;

    private static final ObjectMapper JSON = new ObjectMapper();

    private DatasetWriter() {}

    /** One piece of the data set: a version of an imported file. */
    record Entry(FileResult file, PieceVersion version) {
        String id() {
            return file.path() + "@" + signed(version.shift());
        }
    }

    /** Writes the files; returns the paths written, in the order above. */
    public static List<Path> write(Path out, CorpusImport result) {
        Map<Part, List<Entry>> splits = entries(result);
        List<Path> written = new ArrayList<>();
        boolean any = result.importedCount() > 0;
        String datasetSha = null;
        String piecesSha = null;
        if (any) {
            datasetSha = streamed(out.resolve(DATASET), w -> dataset(splits, w));
            written.add(out.resolve(DATASET));
            piecesSha = streamed(out.resolve(PIECES), w -> pieces(splits, w));
            written.add(out.resolve(PIECES));
            written.add(writeFile(out.resolve(META), pretty(meta(result, splits, datasetSha, piecesSha))));
        }
        written.add(writeFile(out.resolve(REPORT_JSON), pretty(report(result, splits))));
        written.add(writeFile(out.resolve(REPORT_TEXT), ReportText.of(result, splits).getBytes(StandardCharsets.UTF_8)));
        return written;
    }

    static Map<Part, List<Entry>> entries(CorpusImport result) {
        Map<Part, List<Entry>> m = new EnumMap<>(Part.class);
        for (Part s : Part.values()) {
            m.put(s, new ArrayList<>());
        }
        for (FileResult f : result.files()) {
            if (f.imported()) {
                for (PieceVersion v : CorpusImporter.versions(f.piece(), result.options().transposition(),
                        result.options().chords())) {
                    m.get(f.split()).add(new Entry(f, v));
                }
            }
        }
        return m;
    }

    private static Path writeFile(Path file, byte[] bytes) {
        AtomicFiles.write(file, bytes);
        return file;
    }

    /** Text content written piece by piece (a corpus in 12 keys runs to hundreds of megabytes). */
    @FunctionalInterface
    interface Content {
        void write(Writer w) throws IOException;
    }

    /** Writes a UTF-8 file atomically as it is made; returns its fingerprint ("sha256:..."). */
    private static String streamed(Path file, Content content) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        AtomicFiles.write(file, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(new DigestOutputStream(out, md), StandardCharsets.UTF_8),
                    1 << 16);
            content.write(w);
            w.flush();
        });
        return "sha256:" + HexFormat.of().formatHex(md.digest());
    }

    /** {"train": [ piece, ... ], ...} with one piece a line. */
    static void dataset(Map<Part, List<Entry>> splits, Writer w) throws IOException {
        StringBuilder sb = new StringBuilder(1 << 12);
        sb.append('{');
        boolean firstSplit = true;
        for (Part s : Part.values()) {
            sb.append(firstSplit ? "\n" : ",\n").append('"').append(s.label()).append("\": [");
            firstSplit = false;
            List<Entry> list = splits.get(s);
            for (int i = 0; i < list.size(); i++) {
                sb.append(i == 0 ? "\n" : ",\n");
                w.append(sb);
                sb.setLength(0);
                int[][] frames = list.get(i).version().frames();
                sb.append('[');
                for (int t = 0; t < frames.length; t++) {
                    if (t > 0) {
                        sb.append(',');
                    }
                    sb.append('[');
                    for (int k = 0; k < frames[t].length; k++) {
                        if (k > 0) {
                            sb.append(',');
                        }
                        sb.append(frames[t][k]);
                    }
                    sb.append(']');
                }
                sb.append(']');
            }
            sb.append(list.isEmpty() ? "]" : "\n]");
        }
        sb.append("\n}\n");
        w.append(sb);
    }

    /** The structured records, one piece a line, in the order of dataset.json. */
    static void pieces(Map<Part, List<Entry>> splits, Writer w) throws IOException {
        StringBuilder sb = new StringBuilder(1 << 12);
        sb.append("{\"format\": \"").append(PIECES_FORMAT).append("\", \"format_version\": ").append(PIECES_FORMAT_VERSION)
                .append(", \"chord_low\": ").append(PieceVersion.CHORD_LOW);
        for (Part s : Part.values()) {
            sb.append(",\n\"").append(s.label()).append("\": [");
            List<Entry> list = splits.get(s);
            for (int i = 0; i < list.size(); i++) {
                sb.append(i == 0 ? "\n" : ",\n");
                piece(sb, list.get(i));
                w.append(sb);
                sb.setLength(0);
            }
            sb.append(list.isEmpty() ? "]" : "\n]");
        }
        sb.append("\n}\n");
        w.append(sb);
    }

    /** One piece as a JSON object on one line (written by hand: a corpus has thousands). */
    private static void piece(StringBuilder sb, Entry e) {
        ExtractedPiece p = e.file().piece();
        PieceVersion v = e.version();
        sb.append("{\"id\":");
        string(sb, e.id());
        sb.append(",\"source\":");
        string(sb, e.file().path());
        sb.append(",\"shift\":").append(v.shift()).append(",\"key\":");
        string(sb, v.key().name());
        sb.append(",\"time_signature\":");
        string(sb, p.timeSignature().toString());
        sb.append(",\"steps_per_bar\":").append(v.stepsPerBar())
                .append(",\"bars\":").append(p.bars())
                .append(",\"first_bar\":").append(p.firstBar() + 1)
                .append(",\"frames\":").append(v.steps())
                .append(",\"melody\":");
        ints(sb, v.melody());
        sb.append(",\"onsets\":");
        ints(sb, v.onsets());
        sb.append(",\"chords\":[");
        for (int i = 0; i < v.chords().size(); i++) {
            HalfBarChord c = v.chords().get(i);
            sb.append(i == 0 ? "" : ",").append("{\"step\":").append(c.step()).append(",\"steps\":").append(c.steps())
                    .append(",\"symbol\":");
            string(sb, c.recognised());
            sb.append(",\"pitch_classes\":");
            ints(sb, HalfBarChord.list(c.classes(v.harmony())));
            sb.append(",\"raw_symbol\":");
            string(sb, c.symbol());
            sb.append(",\"raw_pitch_classes\":");
            ints(sb, c.pitchClassList());
            sb.append(",\"pitches\":");
            ints(sb, c.pitches());
            sb.append('}');
        }
        sb.append("]}");
    }

    private static void ints(StringBuilder sb, int[] values) {
        sb.append('[');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(values[i]);
        }
        sb.append(']');
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        JsonStringEncoder.getInstance().quoteAsString(s, sb);
        sb.append('"');
    }

    private static ObjectNode meta(CorpusImport r, Map<Part, List<Entry>> splits, String datasetSha, String piecesSha) {
        ObjectNode o = JSON.createObjectNode();
        o.put("format", META_FORMAT);
        o.put("format_version", FORMAT_VERSION);
        ObjectNode files = o.putObject("files");
        files.put("dataset", DATASET);
        files.put("pieces", PIECES);
        files.put("report", REPORT_JSON);
        files.put("report_text", REPORT_TEXT);
        ObjectNode grid = o.putObject("grid");
        grid.put("note", r.options().grid().label());
        grid.put("steps_per_quarter", r.options().grid().stepsPerQuarter());
        ObjectNode enc = o.putObject("encoding");
        enc.put("frame", "sorted MIDI pitches sounding in one grid step: the chord of the half bar as pitch classes "
                + "in the chord register, plus the melody pitch as it sounds (a melody pitch on a chord unit shares it)");
        enc.put("chord_low", PieceVersion.CHORD_LOW);
        enc.put("chord_high", PieceVersion.CHORD_LOW + 11);
        enc.put("chords_per_bar", 2);
        enc.put("melody", "top voice of the melody part, MIDI pitch as it sounds; pieces.json has it per frame (-1 = rest)");
        ObjectNode prov = o.putObject("provenance");
        prov.put("generator", "bebop " + Version.get() + " import");
        prov.put("bebop_version", Version.get());
        prov.put("source", r.found().root().toAbsolutePath().normalize().toString());
        prov.set("options", options(r));
        prov.put("seed", r.options().seed());
        prov.put("dataset_sha256", datasetSha);
        prov.put("pieces_sha256", piecesSha);
        ArrayNode fps = prov.putArray("files");
        for (FileResult f : r.files()) {
            ObjectNode j = fps.addObject();
            j.put("path", f.path());
            j.put("bytes", f.bytes());
            if (f.sha256() == null) {
                j.putNull("sha256");
            } else {
                j.put("sha256", f.sha256());
            }
            j.put("status", f.imported() ? "imported" : "rejected");
        }
        o.set("splits", splitCounts(splits));
        return o;
    }

    private static ObjectNode options(CorpusImport r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("grid", r.options().grid().label());
        o.put("transpose", r.options().transposition().label());
        o.put("melody", r.options().melody().toString());
        o.put("seed", r.options().seed());
        o.put("chords", r.options().chords().label());
        return o;
    }

    private static ObjectNode splitCounts(Map<Part, List<Entry>> splits) {
        ObjectNode o = JSON.createObjectNode();
        for (Part s : Part.values()) {
            ObjectNode j = o.putObject(s.label());
            List<Entry> list = splits.get(s);
            j.put("files", list.stream().map(e -> e.file().path()).distinct().count());
            j.put("pieces", list.size());
            j.put("frames", list.stream().mapToLong(e -> e.version().steps()).sum());
        }
        return o;
    }

    private static ObjectNode report(CorpusImport r, Map<Part, List<Entry>> splits) {
        ObjectNode o = JSON.createObjectNode();
        o.put("format", REPORT_FORMAT);
        o.put("format_version", FORMAT_VERSION);
        o.put("source", r.found().root().toAbsolutePath().normalize().toString());
        o.set("options", options(r));
        o.put("found", r.files().size());
        o.put("imported", r.importedCount());
        o.put("rejected", r.rejectedCount());
        ObjectNode by = o.putObject("rejections");
        r.rejectionsByCode().forEach(by::put);
        o.put("other_files_ignored", r.found().otherFiles());
        ArrayNode folders = o.putArray("unreadable_folders");
        r.found().unreadableFolders().forEach(folders::add);
        o.put("dataset_written", r.importedCount() > 0);
        ObjectNode rec = o.putObject("chords_recognised");
        rec.put("half_bars_with_harmony", r.harmonisedHalfBars());
        rec.put("recognised", r.recognisedHalfBars());
        rec.put("share", r.harmonisedHalfBars() == 0 ? 0.0
                : Math.round(1000.0 * r.recognisedHalfBars() / r.harmonisedHalfBars()) / 1000.0);
        o.set("splits", splitCounts(splits));
        ArrayNode files = o.putArray("files");
        Transposition t = r.options().transposition();
        Map<String, String> firstWithBytes = new java.util.HashMap<>();
        for (FileResult f : r.files()) {
            ObjectNode j = files.addObject();
            j.put("path", f.path());
            if (f.outcome() instanceof FileOutcome.Rejected rej) {
                j.put("status", "rejected");
                j.put("reason_code", rej.rejection().code());
                j.put("reason", rej.reason());
            } else {
                ExtractedPiece p = f.piece();
                j.put("status", "imported");
                j.put("midi_type", f.midiFormat());
                j.put("bars", p.bars());
                j.put("first_bar", p.firstBar() + 1);
                j.put("time_signature", p.timeSignature().toString());
                j.put("notes", p.notes());
                j.put("melody_notes", p.melodyNotes());
                j.put("drum_notes_ignored", p.drumNotes());
                j.put("notes_off_grid", p.offGridNotes());
                j.put("key", p.key().name());
                j.put("key_correlation", Math.round(p.key().correlation() * 1000) / 1000.0);
                switch (t) {
                    case NONE -> j.put("key_shift", 0);
                    case TO_C -> j.put("key_shift", p.key().shiftToC());
                    case ALL12 -> j.put("key_shift", "all12");
                }
                ObjectNode m = j.putObject("melody");
                ArrayNode parts = m.putArray("parts");
                p.melodySource().parts().forEach(parts::add);
                m.put("name", p.melodySource().name());
                m.put("channel", p.melodySource().channel());
                m.put("rule", p.melodySource().rule());
                j.put("half_bars", p.chords().size());
                j.put("half_bars_with_harmony", p.harmonisedHalfBars());
                j.put("half_bars_recognised", p.recognisedHalfBars());
                j.put("split", f.split().label());
                j.put("pieces", CorpusImporter.versions(p, t).size());
                String first = firstWithBytes.putIfAbsent(f.sha256(), f.path());
                if (first != null) {
                    j.put("same_bytes_as", first);
                }
            }
            j.put("bytes", f.bytes());
            if (f.sha256() == null) {
                j.putNull("sha256");
            } else {
                j.put("sha256", f.sha256());
            }
        }
        return o;
    }

    private static byte[] pretty(ObjectNode node) {
        try {
            String s = JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node) + "\n";
            return s.getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    static String signed(int n) {
        return String.format(Locale.ROOT, "%+d", n);
    }
}
