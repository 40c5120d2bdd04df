package bebop.io.model;

import bebop.UserError;
import bebop.io.AtomicFiles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Reads and writes model files ({@code *.bebop}).
 *
 * <h2>Layout, format 1</h2>
 * All integers are unsigned little-endian, all values IEEE-754 float64 little-endian.
 * <pre>
 * offset  size  field
 * 0       8     magic "BEBOPMDL" (ASCII)
 * 8       4     u32 format version (1)
 * 12      8     u64 total file length in bytes, checksum included
 * 20      4     u32 header length H
 * 24      H     header: UTF-8 JSON object (see below)
 * 24+H    4     u32 tensor count T
 *               T times: u16 name length L, L bytes UTF-8 name,
 *                        u32 rank R, R times u32 dimension,
 *                        product(dimensions) times float64 value (row-major)
 * end-32  32    SHA-256 of every byte before it
 * </pre>
 * The header holds {@code format_version}, {@code kind}, {@code provenance} ({@code bebop_version},
 * {@code created}, {@code seed}, {@code command_line}, {@code data_fingerprint},
 * {@code java_version}, {@code engine} when known), {@code config}, {@code metrics} and {@code extra}, in that order,
 * pretty-printed with "\n" line ends; caller trees have their keys sorted.
 *
 * <h2>Versions</h2>
 * The frame (magic, version, total length, trailing SHA-256) stays the same in every format
 * version, so that a reader checks a file's integrity before interpreting its version: a damaged
 * file is reported as damaged, a sound file of a newer format as newer. What lies between the
 * total length and the checksum may change from version to version; this reader reads formats
 * {@value #MIN_FORMAT_VERSION} to {@value #FORMAT_VERSION} and writes {@value #FORMAT_VERSION}.
 * Files of every older format are kept as test fixtures and must keep loading.
 *
 * <p>Writing is deterministic: the same {@link Model} gives the same bytes.
 */
public final class ModelFile {
    /** The format version this bebop writes, and the newest it reads. */
    public static final int FORMAT_VERSION = 1;
    /** The oldest format version this bebop reads. */
    public static final int MIN_FORMAT_VERSION = 1;
    /** The usual file name extension. */
    public static final String EXTENSION = ".bebop";

    static final byte[] MAGIC = "BEBOPMDL".getBytes(StandardCharsets.US_ASCII);
    static final int CHECKSUM_BYTES = 32;
    /** Magic, version, total length. */
    static final int PREFIX_BYTES = 8 + 4 + 8;
    static final int MIN_FILE_BYTES = PREFIX_BYTES + CHECKSUM_BYTES;
    private static final int MAX_RANK = 32;
    private static final int CHUNK = 1 << 16;

    private ModelFile() {}

    // ------------------------------------------------------------------ writing

    /**
     * Writes {@code model} to {@code target} atomically: the file appears under its name whole or
     * not at all, and a failed save leaves the previous file there untouched.
     *
     * @throws UserError if the file cannot be written
     */
    public static void write(Path target, Model model) {
        write(target, model, UnaryOperator.identity());
    }

    /** {@link #write(Path, Model)} with the output stream wrapped (tests simulate failures). */
    static void write(Path target, Model model, UnaryOperator<OutputStream> wrap) {
        if (Files.isDirectory(target)) {
            throw new UserError(target + ": is a directory, cannot write a model there");
        }
        byte[] bytes = toBytes(model);
        AtomicFiles.write(target, raw -> {
            OutputStream out = wrap.apply(raw);
            for (int off = 0; off < bytes.length; off += CHUNK) {
                out.write(bytes, off, Math.min(CHUNK, bytes.length - off));
            }
            out.flush();
        });
    }

    /** The bytes of a model file holding {@code model}, in the current format. */
    public static byte[] toBytes(Model model) {
        byte[] header = ModelJson.writePretty(header(model));
        List<byte[]> names = new ArrayList<>();
        long size = PREFIX_BYTES + 4L + header.length + 4L;
        for (Map.Entry<String, Tensor> e : model.tensors().entrySet()) {
            byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
            names.add(name);
            Tensor t = e.getValue();
            size += 2L + name.length + 4L + 4L * t.rank() + 8L * t.size();
        }
        size += CHECKSUM_BYTES;
        if (size > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("model too large for one file: " + size + " bytes");
        }
        ByteBuffer b = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).putInt(FORMAT_VERSION).putLong(size);
        b.putInt(header.length).put(header);
        b.putInt(model.tensors().size());
        int i = 0;
        for (Tensor t : model.tensors().values()) {
            byte[] name = names.get(i++);
            b.putShort((short) name.length).put(name);
            int[] shape = t.shape();
            b.putInt(shape.length);
            for (int d : shape) {
                b.putInt(d);
            }
            int n = t.size();
            for (int k = 0; k < n; k++) {
                b.putLong(Double.doubleToRawLongBits(t.get(k)));
            }
        }
        MessageDigest md = Fingerprint.sha256();
        md.update(b.array(), 0, b.position());
        b.put(md.digest());
        if (b.hasRemaining()) {
            throw new IllegalStateException("model file size miscounted");
        }
        return b.array();
    }

    /** The JSON header a file of {@code m} holds: format version, kind, provenance, config, metrics, extra. */
    public static ObjectNode header(Model m) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode h = f.objectNode();
        h.put("format_version", FORMAT_VERSION);
        h.put("kind", m.kind());
        Provenance p = m.provenance();
        ObjectNode prov = h.putObject("provenance");
        prov.put("bebop_version", p.bebopVersion());
        prov.put("created", DateTimeFormatter.ISO_INSTANT.format(p.created()));
        prov.put("seed", p.seed());
        ArrayNode cmd = prov.putArray("command_line");
        p.commandLine().forEach(cmd::add);
        prov.put("data_fingerprint", p.dataFingerprint());
        prov.put("java_version", p.javaVersion());
        if (p.engine() != null) {
            prov.put("engine", p.engine());
        }
        h.set("config", m.config());
        h.set("metrics", m.metrics());
        h.set("extra", m.extra());
        return h;
    }

    // ------------------------------------------------------------------ reading

    /**
     * Reads the model file at {@code path}.
     *
     * @throws UserError naming the file and the problem if it is missing, unreadable, not a
     *     model, truncated, damaged, of a newer format, or malformed
     */
    public static Model read(Path path) {
        return fromBytes(readAll(path), path.toString());
    }

    /**
     * Reads the model file at {@code path} and checks that it holds a model of kind
     * {@code expectedKind}.
     */
    public static Model read(Path path, String expectedKind) {
        Model m = read(path);
        if (!m.kind().equals(expectedKind)) {
            throw new UserError(path + ": holds a '" + m.kind() + "' model, expected a '" + expectedKind + "' model");
        }
        return m;
    }

    /** True when {@code path} is a readable file that starts as a model file does (its magic). */
    public static boolean looksLikeModel(Path path) {
        byte[] head = new byte[MAGIC.length];
        try (var in = Files.newInputStream(path)) {
            return in.readNBytes(head, 0, head.length) == head.length && Arrays.equals(head, MAGIC);
        } catch (IOException e) {
            return false;
        }
    }

    private static byte[] readAll(Path path) {
        if (Files.isDirectory(path)) {
            throw new UserError(path + ": is a directory, not a model file");
        }
        try {
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new UserError(path + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new UserError(path + ": cannot read: permission denied", e);
        } catch (OutOfMemoryError e) {
            throw new UserError(path + ": too large to be a model file", e);
        } catch (IOException e) {
            throw new UserError(path + ": cannot read: " + AtomicFiles.describe(e), e);
        }
    }

    /**
     * The model in the bytes of a model file; {@code name} (usually the file name) starts every
     * error message.
     */
    public static Model fromBytes(byte[] bytes, String name) {
        int version = checkFrame(bytes, name);
        if (version > FORMAT_VERSION) {
            throw new UserError(name + ": was written by a newer bebop (format " + Integer.toUnsignedString(version)
                    + "); this bebop reads formats " + MIN_FORMAT_VERSION + ".." + FORMAT_VERSION);
        }
        if (version < MIN_FORMAT_VERSION) {
            throw new UserError(name + ": unknown model format version " + version);
        }
        // one branch per format version; older ones stay when newer ones are added
        return readFormat1(bytes, name);
    }

    /** Checks magic, length and checksum; returns the format version (as a signed int). */
    private static int checkFrame(byte[] bytes, String name) {
        int n = bytes.length;
        if (n == 0) {
            throw new UserError(name + ": empty file, not a model");
        }
        int m = Math.min(n, MAGIC.length);
        if (!Arrays.equals(bytes, 0, m, MAGIC, 0, m)) {
            throw new UserError(name + ": not a bebop model file");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (n < PREFIX_BYTES) {
            throw new UserError(name + ": truncated model file (" + n + " bytes)");
        }
        int version = b.getInt(8);
        long declared = b.getLong(12);
        if (Long.compareUnsigned(declared, n) > 0) {
            throw new UserError(name + ": truncated model file (" + n + " of " + Long.toUnsignedString(declared)
                    + " bytes)");
        }
        if (declared < n) {
            if (declared >= MIN_FILE_BYTES && checksumOk(bytes, (int) declared)) {
                throw new UserError(name + ": " + (n - declared)
                        + " unexpected bytes after the end of the model: the file is damaged");
            }
            throw new UserError(name + ": checksum mismatch: the file is damaged or was edited");
        }
        if (n < MIN_FILE_BYTES || !checksumOk(bytes, n)) {
            throw new UserError(name + ": checksum mismatch: the file is damaged or was edited");
        }
        return version;
    }

    private static boolean checksumOk(byte[] bytes, int length) {
        MessageDigest md = Fingerprint.sha256();
        md.update(bytes, 0, length - CHECKSUM_BYTES);
        byte[] digest = md.digest();
        return Arrays.equals(digest, 0, CHECKSUM_BYTES, bytes, length - CHECKSUM_BYTES, length);
    }

    private static Model readFormat1(byte[] bytes, String name) {
        ByteBuffer b = ByteBuffer.wrap(bytes, 0, bytes.length - CHECKSUM_BYTES).slice()
                .order(ByteOrder.LITTLE_ENDIAN);
        b.position(PREFIX_BYTES);
        try {
            int headerLength = count(b, name, "header length");
            byte[] headerBytes = new byte[headerLength];
            b.get(headerBytes);
            JsonNode header;
            try {
                header = ModelJson.parse(headerBytes);
            } catch (JsonProcessingException e) {
                throw new UserError(name + ": malformed model header: " + oneLine(e.getOriginalMessage()), e);
            }
            Header h = parseHeader(header, 1, name);
            int count = count(b, name, "tensor count");
            LinkedHashMap<String, Tensor> tensors = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                byte[] nameBytes = new byte[Short.toUnsignedInt(b.getShort())];
                b.get(nameBytes);
                String tensorName = utf8(nameBytes, name);
                if (tensorName.isEmpty() || tensors.containsKey(tensorName)) {
                    throw malformed(name, "empty or repeated parameter array name '" + tensorName + "'");
                }
                int rank = count(b, name, "rank");
                if (rank > MAX_RANK) {
                    throw malformed(name, "parameter array '" + tensorName + "' has rank " + rank);
                }
                int[] shape = new int[rank];
                long size = 1;
                for (int d = 0; d < rank; d++) {
                    shape[d] = count(b, name, "dimension");
                    size *= shape[d];
                    if (size > b.remaining() / 8) {
                        throw malformed(name, "parameter array '" + tensorName + "' is larger than the file");
                    }
                }
                double[] values = new double[(int) size];
                b.asDoubleBuffer().get(values);
                b.position(b.position() + 8 * values.length);
                tensors.put(tensorName, new Tensor(shape, values));
            }
            if (b.hasRemaining()) {
                throw malformed(name, b.remaining() + " bytes left over after the last parameter array");
            }
            return new Model(h.kind, h.provenance, h.config, h.metrics, h.extra, tensors);
        } catch (BufferUnderflowException e) {
            throw malformed(name, "a field runs past the end of the file");
        } catch (IllegalArgumentException e) {
            // a value the Model, Tensor or Provenance constructors refuse
            throw malformed(name, oneLine(e.getMessage()));
        } catch (IOException e) {
            throw new UserError(name + ": malformed model header: " + oneLine(e.getMessage()), e);
        }
    }

    private record Header(String kind, Provenance provenance, JsonNode config, ObjectNode metrics, ObjectNode extra) {}

    private static Header parseHeader(JsonNode h, int version, String name) {
        if (!h.isObject()) {
            throw badHeader(name, "not a JSON object");
        }
        JsonNode fv = h.get("format_version");
        if (fv == null || !fv.isIntegralNumber() || fv.asLong() != version) {
            throw badHeader(name, "format_version is " + fv + ", the file says " + version);
        }
        String kind = text(h, "kind", name, false);
        if (kind.isEmpty()) {
            throw badHeader(name, "kind is empty");
        }
        JsonNode p = h.get("provenance");
        if (p == null || !p.isObject()) {
            throw badHeader(name, "no provenance object");
        }
        Instant created;
        try {
            created = Instant.parse(text(p, "created", name, false));
        } catch (DateTimeParseException e) {
            throw badHeader(name, "provenance.created is not an ISO-8601 instant");
        }
        JsonNode seed = p.get("seed");
        if (seed == null || !seed.isIntegralNumber() || !seed.canConvertToLong()) {
            throw badHeader(name, "provenance.seed is not a whole number");
        }
        JsonNode cmd = p.get("command_line");
        if (cmd == null || !cmd.isArray()) {
            throw badHeader(name, "provenance.command_line is not a list");
        }
        List<String> commandLine = new ArrayList<>();
        for (JsonNode arg : cmd) {
            if (!arg.isTextual()) {
                throw badHeader(name, "provenance.command_line holds a non-string");
            }
            commandLine.add(arg.asText());
        }
        Provenance prov = new Provenance(text(p, "bebop_version", name, false), created, seed.asLong(),
                commandLine, text(p, "data_fingerprint", name, true), text(p, "java_version", name, false),
                p.has("engine") ? text(p, "engine", name, true) : null);
        JsonNode config = h.get("config");
        if (config == null) {
            throw badHeader(name, "no config");
        }
        return new Header(kind, prov, config, object(h, "metrics", name), object(h, "extra", name));
    }

    private static String text(JsonNode parent, String field, String name, boolean nullable) {
        JsonNode n = parent.get(field);
        if (nullable && n != null && n.isNull()) {
            return null;
        }
        if (n == null || !n.isTextual()) {
            throw badHeader(name, field + " is missing or not a string");
        }
        return n.asText();
    }

    private static ObjectNode object(JsonNode parent, String field, String name) {
        JsonNode n = parent.get(field);
        if (!(n instanceof ObjectNode o)) {
            throw badHeader(name, field + " is missing or not an object");
        }
        return o;
    }

    /** A u32 count that must fit a Java array. */
    private static int count(ByteBuffer b, String name, String what) {
        long v = Integer.toUnsignedLong(b.getInt());
        if (v > b.capacity()) {
            throw malformed(name, what + " " + v + " is larger than the file");
        }
        return (int) v;
    }

    private static String utf8(byte[] bytes, String name) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw malformed(name, "a parameter array name is not UTF-8");
        }
    }

    private static UserError malformed(String name, String problem) {
        return new UserError(name + ": malformed model file: " + problem);
    }

    private static UserError badHeader(String name, String problem) {
        return new UserError(name + ": malformed model header: " + problem);
    }

    private static String oneLine(String s) {
        return s == null ? "unreadable JSON" : s.replaceAll("\\s+", " ").trim();
    }
}
