package bebop.io.poly;

import bebop.UserError;
import bebop.data.poly.PolyDataset;
import bebop.data.poly.PolyPiece;
import bebop.io.AtomicFiles;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and writes polyphonic data sets in the JSON piano-roll form of Boulanger-Lewandowski et
 * al. (2012):
 * <pre>
 * {"train": [piece, ...], "valid": [...], "test": [...]}
 * piece = [frame, frame, ...]      time steps in order
 * frame = [pitch, pitch, ...]      MIDI note numbers 21..108, ascending; [] = silence
 * </pre>
 * Other top-level keys are ignored. The {@code dataset.json} that {@code bebop import} writes has
 * this form; a folder holding a {@code dataset.json} is read as that file. Two data sets are
 * bundled: {@code jsb} (JSB Chorales) and {@code nottingham} (see {@code data/poly/SOURCE.md}).
 *
 * <p>The file is read with a streaming parser: Nottingham (3.7 MB, 266,537 frames) loads in well
 * under a second. Every problem is a {@link UserError} naming the file, the place (for example
 * {@code train[3][17]}) and the problem.
 */
public final class PolyJson {
    /** Bundled data sets: name -> resource. */
    private static final Map<String, String> BUNDLED = Map.of("jsb", "/data/poly/jsb_chorales.json",
            "nottingham", "/data/poly/nottingham.json");
    /** Their names in the order they are listed. */
    private static final List<String> BUNDLED_NAMES = List.of("jsb", "nottingham");

    private static final JsonFactory FACTORY = new JsonFactory();

    private PolyJson() {}

    /** The names of the bundled data sets. */
    public static List<String> bundledNames() {
        return BUNDLED_NAMES;
    }

    /**
     * A bundled data set by name ("jsb", "nottingham", case-insensitive) or else a file (or an
     * imported data set's folder) by path.
     */
    public static PolyDataset resolve(String spec) {
        String key = spec.toLowerCase(Locale.ROOT);
        if (BUNDLED.containsKey(key) && !Files.exists(Path.of(spec))) {
            return bundled(key);
        }
        return read(Path.of(spec));
    }

    /** A bundled data set: "jsb" or "nottingham". */
    public static PolyDataset bundled(String name) {
        String res = BUNDLED.get(name.toLowerCase(Locale.ROOT));
        if (res == null) {
            throw new UserError("no bundled data set '" + name + "' (there are: " + String.join(", ", BUNDLED_NAMES) + ")");
        }
        try (InputStream in = PolyJson.class.getResourceAsStream(res)) {
            if (in == null) {
                throw new IllegalStateException("bundled data set missing from the build: " + res);
            }
            return parse(in.readAllBytes(), name.toLowerCase(Locale.ROOT));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bundled " + res, e);
        }
    }

    /** The raw bytes of a bundled data set or a file (for fingerprints). */
    public static byte[] bytes(String spec) {
        String res = BUNDLED.get(spec.toLowerCase(Locale.ROOT));
        if (res != null && !Files.exists(Path.of(spec))) {
            try (InputStream in = PolyJson.class.getResourceAsStream(res)) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException("cannot read bundled " + res, e);
            }
        }
        return readBytes(file(Path.of(spec)));
    }

    /** Reads a data set file, or the {@code dataset.json} in a folder. */
    public static PolyDataset read(Path path) {
        Path file = file(path);
        return parse(readBytes(file), file.toString());
    }

    private static Path file(Path path) {
        if (Files.isDirectory(path)) {
            Path inner = path.resolve("dataset.json");
            if (!Files.isRegularFile(inner)) {
                throw new UserError(path + ": is a folder without a dataset.json (give a data set file, or a folder "
                        + "written by bebop import)");
            }
            return inner;
        }
        return path;
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UserError(file + ": cannot read: " + AtomicFiles.describe(e), e);
        }
    }

    /**
     * Parses the JSON bytes of a data set; {@code name} names it in errors and in the result.
     *
     * @throws UserError naming {@code name}, the place and the problem
     */
    public static PolyDataset parse(byte[] json, String name) {
        Map<String, List<PolyPiece>> splits = new LinkedHashMap<>();
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw problem(name, "not a data set: expected a JSON object {\"train\", \"valid\", \"test\"}");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.getCurrentName();
                JsonToken value = p.nextToken();
                if (PolyDataset.SPLITS.contains(field)) {
                    if (splits.containsKey(field)) {
                        throw problem(name, "split '" + field + "' given twice");
                    }
                    splits.put(field, split(p, value, name, field));
                } else {
                    p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw problem(name, "content after the data set's closing brace");
            }
        } catch (StreamReadException e) {
            throw problem(name, "not valid JSON: " + e.getOriginalMessage() + " (line "
                    + (e.getLocation() == null ? 0 : e.getLocation().getLineNr()) + ", column " + (e.getLocation() == null ? 0 : e.getLocation().getColumnNr()) + ")");
        } catch (IOException e) {
            throw problem(name, "cannot read: " + AtomicFiles.describe(e));
        }
        for (String s : PolyDataset.SPLITS) {
            if (!splits.containsKey(s)) {
                throw problem(name, "no '" + s + "' split (a data set has \"train\", \"valid\" and \"test\")");
            }
        }
        return new PolyDataset(name, splits.get("train"), splits.get("valid"), splits.get("test"));
    }

    private static List<PolyPiece> split(JsonParser p, JsonToken start, String name, String split) throws IOException {
        if (start != JsonToken.START_ARRAY) {
            throw problem(name, split + ": expected a list of pieces, found " + describe(start));
        }
        List<PolyPiece> pieces = new ArrayList<>();
        List<int[]> frames = new ArrayList<>();
        int[] buf = new int[128];
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            String where = split + "[" + pieces.size() + "]";
            if (t != JsonToken.START_ARRAY) {
                throw problem(name, where + ": expected a piece (a list of frames), found " + describe(t));
            }
            frames.clear();
            JsonToken f;
            while ((f = p.nextToken()) != JsonToken.END_ARRAY) {
                String fw = where + "[" + frames.size() + "]";
                if (f != JsonToken.START_ARRAY) {
                    throw problem(name, fw + ": expected a frame (a list of MIDI pitches), found " + describe(f));
                }
                int n = 0;
                JsonToken v;
                while ((v = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (v != JsonToken.VALUE_NUMBER_INT && !(v == JsonToken.VALUE_NUMBER_FLOAT && isWhole(p))) {
                        throw problem(name, fw + ": expected a MIDI pitch (a whole number), found " + describe(v)
                                + (v == JsonToken.VALUE_NUMBER_FLOAT || v == JsonToken.VALUE_STRING ? " " + p.getText() : ""));
                    }
                    double d = p.getDoubleValue();
                    if (d < PolyDataset.LOWEST || d > PolyDataset.HIGHEST) {
                        throw problem(name, fw + ": pitch " + p.getText() + " outside " + PolyDataset.LOWEST + ".."
                                + PolyDataset.HIGHEST + " (the 88 piano keys)");
                    }
                    if (n == buf.length) {
                        buf = java.util.Arrays.copyOf(buf, 2 * n);
                    }
                    buf[n++] = (int) d;
                }
                frames.add(java.util.Arrays.copyOf(buf, n));
            }
            if (frames.isEmpty()) {
                throw problem(name, where + ": a piece without frames");
            }
            try {
                pieces.add(new PolyPiece(frames.toArray(new int[0][])));
            } catch (IllegalArgumentException e) {
                throw problem(name, where + ": " + e.getMessage());
            }
        }
        return pieces;
    }

    private static boolean isWhole(JsonParser p) throws IOException {
        double d = p.getDoubleValue();
        return d == Math.rint(d);
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "the end of the file";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "true/false";
            case VALUE_NULL -> "null";
            default -> t.asString() == null ? t.name() : "'" + t.asString() + "'";
        };
    }

    private static UserError problem(String name, String message) {
        return new UserError(name + ": " + message);
    }

    /** The JSON bytes of a data set: one piece per line, the form {@link #parse} reads. */
    public static byte[] toBytes(PolyDataset data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder sb = new StringBuilder("{");
        for (int s = 0; s < PolyDataset.SPLITS.size(); s++) {
            String split = PolyDataset.SPLITS.get(s);
            sb.append(s == 0 ? "" : ",").append("\n\"").append(split).append("\": [");
            List<PolyPiece> pieces = data.split(split);
            for (int i = 0; i < pieces.size(); i++) {
                PolyPiece piece = pieces.get(i);
                sb.append(i == 0 ? "\n[" : ",\n[");
                for (int t = 0; t < piece.length(); t++) {
                    sb.append(t == 0 ? "[" : ",[");
                    int[] ps = piece.pitches(t);
                    for (int k = 0; k < ps.length; k++) {
                        sb.append(k == 0 ? "" : ",").append(ps[k]);
                    }
                    sb.append(']');
                }
                sb.append(']');
            }
            sb.append(pieces.isEmpty() ? "]" : "\n]");
            out.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
            sb.setLength(0);
        }
        out.writeBytes("\n}\n".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Writes a data set file atomically. */
    public static void write(Path target, PolyDataset data) {
        AtomicFiles.write(target, toBytes(data));
    }
}
