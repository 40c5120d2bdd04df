package bebop.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordCodecTest {
    record Inner(String name, RoundingMode mode, int[] counts) {}

    record Outer(String text, long steps, double nll, boolean learned, Integer missing, double[] curve,
                 List<Inner> parts) {}

    @Test
    void aRecordOfRecordsComesBackFieldForField() {
        // longer than writeUTF's 65,535 bytes, and not ASCII
        String text = "é".repeat(40_000) + " ♭ end";
        Outer value = new Outer(text, 9_505_310L, 0.2236, true, null, new double[] {1.5, Double.NaN, -0.0},
                List.of(new Inner("seed 1", RoundingMode.HALF_EVEN, new int[] {3, 1, 4}), new Inner("", RoundingMode.UP,
                        new int[0])));
        Outer back = RecordCodec.decode(RecordCodec.encode(value), Outer.class);
        assertEquals(text, back.text());
        assertEquals(value.steps(), back.steps());
        assertEquals(value.nll(), back.nll());
        assertEquals(value.learned(), back.learned());
        assertNull(back.missing());
        assertArrayEquals(value.curve(), back.curve());
        assertEquals(2, back.parts().size());
        assertEquals("seed 1", back.parts().get(0).name());
        assertEquals(RoundingMode.HALF_EVEN, back.parts().get(0).mode());
        assertArrayEquals(new int[] {3, 1, 4}, back.parts().get(0).counts());
        assertEquals(RoundingMode.UP, back.parts().get(1).mode());
        assertArrayEquals(new int[0], back.parts().get(1).counts());
    }
}
