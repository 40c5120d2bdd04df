package bebop.io.poly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bebop.UserError;
import bebop.data.poly.PolyDataset;
import bebop.data.poly.PolyPiece;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolyJsonTest {
    static Path dir(String name) throws Exception {
        return Files.createDirectories(Path.of("target", "test-work", "poly-json", name));
    }

    @Test
    void bundledJsbHasTheDocumentedShape() {
        PolyDataset d = PolyJson.resolve("jsb");
        assertEquals(List.of(229, 76, 77), List.of(d.train().size(), d.valid().size(), d.test().size()));
        assertEquals(4_602, PolyDataset.frames(d.valid()));
        PolyPiece first = d.train().get(0);
        assertArrayEquals(new int[] {60, 72, 79, 88}, first.pitches(0));
        assertArrayEquals(new int[] {72, 79, 88}, first.pitches(1));
        float[] roll = first.roll();
        assertEquals(1f, roll[60 - 21]);
        assertEquals(0f, roll[61 - 21]);
    }

    @Test
    void roundTripIsExactAndBytesAreStable() throws Exception {
        PolyDataset d = new PolyDataset("x",
                List.of(new PolyPiece(new int[][] {{21, 108}, {}, {60, 64, 67}})),
                List.of(new PolyPiece(new int[][] {{50}})),
                List.of());
        Path f = dir("rt").resolve("d.json");
        PolyJson.write(f, d);
        PolyDataset back = PolyJson.read(f);
        assertEquals(d.train(), back.train());
        assertEquals(d.valid(), back.valid());
        assertTrue(back.test().isEmpty());
        assertArrayEquals(Files.readAllBytes(f), PolyJson.toBytes(back));
        // the bundled file round-trips too
        PolyDataset jsb = PolyJson.bundled("jsb");
        PolyDataset again = PolyJson.parse(PolyJson.toBytes(jsb), "again");
        assertEquals(jsb.test(), again.test());
    }

    @Test
    void readsTheFolderThatImportWrites() throws Exception {
        Path d = dir("folder");
        Files.writeString(d.resolve("dataset.json"), "{\"train\":[[[60]]],\"valid\":[[[62]]],\"test\":[[[64],[65]]],\"x\":{}}");
        PolyDataset data = PolyJson.read(d);
        assertEquals(2, data.test().get(0).length());
        assertEquals(data.test(), PolyJson.resolve(d.toString()).test());
    }

    @Test
    void unsortedFramesAreSorted() {
        PolyDataset d = PolyJson.parse("{\"train\":[[[64,60]]],\"valid\":[],\"test\":[]}".getBytes(StandardCharsets.UTF_8), "u");
        assertArrayEquals(new int[] {60, 64}, d.train().get(0).pitches(0));
    }

    private static String error(String json) {
        UserError e = assertThrows(UserError.class,
                () -> PolyJson.parse(json.getBytes(StandardCharsets.UTF_8), "bad.json"));
        assertTrue(e.getMessage().startsWith("bad.json: "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void badFilesSayWhatIsWrongAndWhere() throws Exception {
        assertTrue(error("hello").contains("not valid JSON"), error("hello"));
        assertTrue(error("[1,2]").contains("expected a JSON object"));
        assertTrue(error("{\"train\":[],\"test\":[]}").contains("no 'valid' split"));
        assertTrue(error("{\"train\":[[[60,109]]],\"valid\":[],\"test\":[]}").contains("train[0][0]: pitch 109 outside 21..108"));
        assertTrue(error("{\"train\":[[[60]],[[20]]],\"valid\":[],\"test\":[]}").contains("train[1][0]: pitch 20"));
        assertTrue(error("{\"train\":[[[60,60]]],\"valid\":[],\"test\":[]}").contains("pitch 60 twice"));
        assertTrue(error("{\"train\":[[[\"C4\"]]],\"valid\":[],\"test\":[]}").contains("expected a MIDI pitch"));
        assertTrue(error("{\"train\":[[]],\"valid\":[],\"test\":[]}").contains("train[0]: a piece without frames"));
        assertTrue(error("{\"train\":{},\"valid\":[],\"test\":[]}").contains("train: expected a list of pieces"));
        assertTrue(error("{\"train\":[[[60]]],\"valid\":[],\"test\":[]").contains("not valid JSON"));
        assertTrue(error("{\"train\":[[60]],\"valid\":[],\"test\":[]}").contains("train[0][0]: expected a frame"));
        assertTrue(error("{\"train\":[],\"train\":[],\"valid\":[],\"test\":[]}").contains("given twice"));
        UserError missing = assertThrows(UserError.class, () -> PolyJson.read(dir("missing").resolve("nope.json")));
        assertTrue(missing.getMessage().contains("nope.json: cannot read: no such file"), missing.getMessage());
        UserError folder = assertThrows(UserError.class, () -> PolyJson.read(dir("emptyfolder")));
        assertTrue(folder.getMessage().contains("without a dataset.json"), folder.getMessage());
    }
}
