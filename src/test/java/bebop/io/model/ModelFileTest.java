package bebop.io.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bebop.UserError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ModelFileTest {
    static final Path DIR = Path.of("target", "test-out", "model-file");

    static Path fresh(String name) throws Exception {
        Files.createDirectories(DIR);
        Path p = DIR.resolve(name);
        Files.deleteIfExists(p);
        return p;
    }

    @Test
    void roundTripThroughFileKeepsEverything() throws Exception {
        Path p = fresh("round.bebop");
        Model m = Samples.tiny().withExtra(Map.of("note", "hello ♪", "nested", Map.of("b", 2, "a", 1)));
        ModelFile.write(p, m);
        Model back = ModelFile.read(p);
        assertEquals(m, back);
        assertEquals("lstm-paper", back.kind());
        assertEquals(Samples.provenance(), back.provenance());
        assertEquals(List.of("w_in", "bias", "scalar"), new ArrayList<>(back.tensors().keySet()));
        assertArrayEquals(new int[] {2, 3}, back.tensor("w_in").shape());
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(back.tensor("w_in").get(3)));
        assertEquals(1e-300, back.tensor("w_in").get(2));
        assertEquals(0, back.tensor("scalar").rank());
        assertEquals(new Samples.TinyConfig("paper", 2, 2, 0.1, List.of(12, 13)), back.config(Samples.TinyConfig.class));
        assertEquals(0.125, back.metrics().get("train_cross_entropy").asDouble());
        assertEquals("hello ♪", back.extra().get("note").asText());
        assertArrayEquals(Files.readAllBytes(p), ModelFile.toBytes(back), "read then write gives the same bytes");
    }

    @Test
    void specialValuesSurviveBitExact() {
        double nan = Double.longBitsToDouble(0x7ff8_0000_0000_1234L);
        Map<String, Tensor> t = new LinkedHashMap<>();
        t.put("odd", Tensor.vector(nan, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
                Double.MAX_VALUE));
        t.put("empty", new Tensor(new int[] {0, 5}, new double[0]));
        t.put("名前", Tensor.vector(1));
        Model m = Model.of("x", Samples.provenance(), Map.of("lr", Double.NaN, "f", 0.1f), t)
                .withMetrics(Map.of("loss", Double.POSITIVE_INFINITY));
        Model back = ModelFile.fromBytes(ModelFile.toBytes(m), "m");
        assertEquals(m, back);
        assertEquals(0x7ff8_0000_0000_1234L, Double.doubleToRawLongBits(back.tensor("odd").get(0)));
        assertArrayEquals(new int[] {0, 5}, back.tensor("empty").shape());
    }

    @Test
    void sameContentGivesSameBytes() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("zeta", 1);
        a.put("alpha", List.of(Map.of("y", 1, "x", 2)));
        Map<String, Object> b = new TreeMap<>(a);
        Model ma = Model.of("k", Samples.provenance(), a, Samples.tensors());
        Model mb = Model.of("k", Samples.provenance(), b, Samples.tensors());
        assertArrayEquals(ModelFile.toBytes(ma), ModelFile.toBytes(mb));
        assertArrayEquals(ModelFile.toBytes(Samples.tiny()), ModelFile.toBytes(Samples.tiny()));
        // the creation date is content: a different date, different bytes
        Model later = ma.withProvenance(ma.provenance().withCreated(Instant.parse("2027-01-01T00:00:00Z")));
        assertNotEquals(Arrays.hashCode(ModelFile.toBytes(ma)), Arrays.hashCode(ModelFile.toBytes(later)));
    }

    @Test
    void layoutIsAsDocumented() throws Exception {
        byte[] bytes = ModelFile.toBytes(Samples.tiny());
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals("BEBOPMDL", new String(bytes, 0, 8, StandardCharsets.US_ASCII));
        assertEquals(1, b.getInt(8));
        assertEquals(bytes.length, b.getLong(12));
        int h = b.getInt(20);
        String json = new String(bytes, 24, h, StandardCharsets.UTF_8);
        JsonNode header = new ObjectMapper().readTree(json);
        List<String> keys = new ArrayList<>();
        header.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("format_version", "kind", "provenance", "config", "metrics", "extra"), keys);
        List<String> provKeys = new ArrayList<>();
        header.get("provenance").fieldNames().forEachRemaining(provKeys::add);
        assertEquals(List.of("bebop_version", "created", "seed", "command_line", "data_fingerprint", "java_version",
                "engine"), provKeys);
        assertEquals("2026-01-02T03:04:05Z", header.at("/provenance/created").asText());
        assertTrue(json.contains("\n  \"kind\": \"lstm-paper\""), json);
        assertTrue(!json.contains("\r"));
        // config keys sorted
        List<String> cfgKeys = new ArrayList<>();
        header.get("config").fieldNames().forEachRemaining(cfgKeys::add);
        assertEquals(cfgKeys.stream().sorted().toList(), cfgKeys);
        assertEquals(3, b.getInt(24 + h));
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update(bytes, 0, bytes.length - 32);
        assertArrayEquals(md.digest(), Arrays.copyOfRange(bytes, bytes.length - 32, bytes.length));
    }

    @Test
    void modelIsImmutable() {
        ObjectNode metrics = ModelJson.object().put("a", 1);
        double[] w = {1, 2};
        Map<String, Tensor> t = new LinkedHashMap<>();
        t.put("w", Tensor.vector(w));
        Model m = new Model("k", Samples.provenance(), ModelJson.object(), metrics, null, t);
        metrics.put("a", 2);
        w[0] = 9;
        m.metrics().put("a", 3);
        m.tensor("w").values()[0] = 9;
        t.put("v", Tensor.vector(3));
        assertEquals(1, m.metrics().get("a").asInt());
        assertEquals(1.0, m.tensor("w").get(0));
        assertEquals(1, m.tensors().size());
        assertThrows(UnsupportedOperationException.class, () -> m.tensors().put("z", Tensor.vector()));
    }

    @Test
    void missingTensorIsAUserError() {
        UserError e = assertThrows(UserError.class, () -> Samples.tiny().tensor("nope"));
        assertEquals("the lstm-paper model has no parameter array 'nope' (it has: w_in, bias, scalar)", e.getMessage());
    }

    @Test
    void tensorShapeMustMatchValues() {
        assertThrows(IllegalArgumentException.class, () -> Tensor.matrix(2, 2, new double[3]));
        assertThrows(IllegalArgumentException.class, () -> new Tensor(new int[] {-1}, new double[0]));
        double[] dst = new double[6];
        Samples.tensors().get("w_in").copyTo(dst);
        assertEquals(Math.PI, dst[5]);
    }

    @Test
    void expectedKindIsChecked() throws Exception {
        Path p = fresh("kind.bebop");
        ModelFile.write(p, Samples.tiny());
        assertEquals("lstm-paper", ModelFile.read(p, "lstm-paper").kind());
        UserError e = assertThrows(UserError.class, () -> ModelFile.read(p, "lstm-modern"));
        assertEquals(p + ": holds a 'lstm-paper' model, expected a 'lstm-modern' model", e.getMessage());
    }

    // ---------------------------------------------------------------- error messages

    static String error(Path p) {
        return assertThrows(UserError.class, () -> ModelFile.read(p)).getMessage();
    }

    static String error(byte[] bytes) {
        return assertThrows(UserError.class, () -> ModelFile.fromBytes(bytes, "M.bebop")).getMessage();
    }

    @Test
    void missingFile() throws Exception {
        Path p = fresh("missing.bebop");
        assertEquals(p + ": no such file", error(p));
    }

    @Test
    void directory() throws Exception {
        Path p = fresh("adir.bebop");
        Files.createDirectories(p);
        assertEquals(p + ": is a directory, not a model file", error(p));
        UserError e = assertThrows(UserError.class, () -> ModelFile.write(p, Samples.tiny()));
        assertEquals(p + ": is a directory, cannot write a model there", e.getMessage());
    }

    @Test
    void emptyFile() throws Exception {
        Path p = fresh("empty.bebop");
        Files.write(p, new byte[0]);
        assertEquals(p + ": empty file, not a model", error(p));
    }

    @Test
    void notAModel() throws Exception {
        Path p = fresh("song.bebop");
        Files.write(p, "MThd\0\0\0\6\0\1\0\2\1\340".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(p + ": not a bebop model file", error(p));
        assertEquals("M.bebop: not a bebop model file", error("{\"json\": true}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void truncated() {
        byte[] bytes = ModelFile.toBytes(Samples.tiny());
        int n = bytes.length;
        assertEquals("M.bebop: truncated model file (100 of " + n + " bytes)", error(Arrays.copyOf(bytes, 100)));
        assertEquals("M.bebop: truncated model file (" + (n - 1) + " of " + n + " bytes)",
                error(Arrays.copyOf(bytes, n - 1)));
        assertEquals("M.bebop: truncated model file (5 bytes)", error(Arrays.copyOf(bytes, 5)));
        assertEquals("M.bebop: truncated model file (15 bytes)", error(Arrays.copyOf(bytes, 15)));
    }

    @Test
    void altered() {
        byte[] bytes = ModelFile.toBytes(Samples.tiny());
        bytes[bytes.length - 100] ^= 1;
        assertEquals("M.bebop: checksum mismatch: the file is damaged or was edited", error(bytes));
    }

    @Test
    void trailingBytes() {
        byte[] bytes = ModelFile.toBytes(Samples.tiny());
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 3);
        assertEquals("M.bebop: 3 unexpected bytes after the end of the model: the file is damaged", error(longer));
    }

    @Test
    void newerFormat() {
        byte[] bytes = ModelFile.toBytes(Samples.tiny());
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 7);
        Damage.reseal(bytes);
        assertEquals("M.bebop: was written by a newer bebop (format 7); this bebop reads formats 1..1", error(bytes));
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 0);
        Damage.reseal(bytes);
        assertEquals("M.bebop: unknown model format version 0", error(bytes));
    }

    @Test
    void malformedHeader() {
        byte[] bad = Damage.withHeader(Samples.tiny(), "{\"format_version\": 1, \"kind\": ");
        String msg = error(bad);
        assertTrue(msg.startsWith("M.bebop: malformed model header: "), msg);
        assertTrue(!msg.contains("\n"), msg);
        String header = new String(Damage.header(ModelFile.toBytes(Samples.tiny())), StandardCharsets.UTF_8);
        assertEquals("M.bebop: malformed model header: kind is missing or not a string",
                error(Damage.withHeader(Samples.tiny(), header.replace("\"kind\"", "\"kin\""))));
        assertEquals("M.bebop: malformed model header: format_version is 2, the file says 1",
                error(Damage.withHeader(Samples.tiny(), header.replace("\"format_version\": 1", "\"format_version\": 2"))));
        assertEquals("M.bebop: malformed model header: provenance.created is not an ISO-8601 instant",
                error(Damage.withHeader(Samples.tiny(), header.replace("2026-01-02T03:04:05Z", "yesterday"))));
        assertTrue(error(Damage.withHeader(Samples.tiny(), header.replace("\"kind\"", "\"kind\": \"a\", \"kind\"")))
                .startsWith("M.bebop: malformed model header: Duplicate field 'kind'"));
        assertEquals("M.bebop: malformed model header: not a JSON object",
                error(Damage.withHeader(Samples.tiny(), "[1, 2]")));
        assertTrue(error(Damage.withHeader(Samples.tiny(), header + " {}")).startsWith("M.bebop: malformed model header: "));
    }
}
