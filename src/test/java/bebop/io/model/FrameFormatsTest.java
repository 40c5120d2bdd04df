package bebop.io.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import bebop.encoding.FrameFormat;
import bebop.io.poly.ModernModels;
import bebop.nn.Arithmetic;
import bebop.nn.modern.LstmStack;
import bebop.nn.modern.LstmStackConfig;
import bebop.nn.modern.Rng;
import bebop.train.modern.ModernSettings;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The frame format a model records, read back; and what older files without it are taken to be. */
class FrameFormatsTest {
    private static Model modern(Map<String, Object> training) {
        LstmStack net = LstmStack.create(new LstmStackConfig(88, List.of(4), 88), new Rng(1));
        return ModernModels.toModel(net, ModernSettings.defaults(1), training, Map.of(),
                Provenance.of(1, List.of("train"), "sha256:" + "0".repeat(64), Arithmetic.PLAIN));
    }

    @Test
    void theFormatAndPrimersRoundTripThroughTheFile() {
        FrameFormat f = FrameFormat.corpusRoll(4, 12);
        List<int[][]> primers = List.of(new int[][] {{27, 31, 34, 51}, {}}, new int[][] {{0, 87}});
        Model m = FrameFormats.with(modern(Map.of("dataset", "x")), f, primers);
        Model back = ModelFile.fromBytes(ModelFile.toBytes(m), "m");
        FrameFormats.Frames frames = FrameFormats.of(back);
        assertEquals(f, frames.format());
        assertEquals(2, frames.primers().size());
        assertArrayEquals(primers.get(0), frames.primers().get(0));
        assertArrayEquals(primers.get(1), frames.primers().get(1));
        assertEquals("x", back.extra().get("training").get("dataset").asText());
    }

    @Test
    void aBrokenRecordIsRefused() {
        Model m = FrameFormats.with(modern(Map.of()), FrameFormat.pianoRoll(2, 8), List.<int[][]>of(new int[][] {{3}}));
        com.fasterxml.jackson.databind.node.ObjectNode extra = m.extra().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) extra.get("frames").get("format")).put("layout", "organ");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> FrameFormats.of(m.withExtra(extra)));
        com.fasterxml.jackson.databind.node.ObjectNode bad = m.extra().deepCopy();
        ((com.fasterxml.jackson.databind.node.ArrayNode) bad.get("frames").get("primers").get(0).get(0)).set(0,
                com.fasterxml.jackson.databind.node.IntNode.valueOf(88));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> FrameFormats.of(m.withExtra(bad)));
    }

    @Test
    void olderFilesAreTheBluesOrAPianoRoll() throws Exception {
        try (InputStream in = FrameFormatsTest.class.getResourceAsStream("/models/blues.bebop")) {
            Model bundled = ModelFile.fromBytes(in.readAllBytes(), "bundled");
            assertEquals(FrameFormat.blues(25), FrameFormats.of(bundled).format());
            assertEquals(List.of(), FrameFormats.of(bundled).primers());
        }
        assertEquals(FrameFormat.pianoRoll(1, 4), FrameFormats.of(modern(Map.of("dataset", "jsb"))).format());
        assertEquals(FrameFormat.pianoRoll(2, 8), FrameFormats.of(modern(Map.of("dataset", "nottingham"))).format());
    }
}
