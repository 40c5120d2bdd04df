package bebop.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import bebop.data.Split.Part;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SplitTest {
    private static long count(Part[] s, Part which) {
        return Arrays.stream(s).filter(x -> x == which).count();
    }

    @Test
    void eightyTenTenAndTheSameForTheSameSeed() {
        Part[] a = Part.assign(100, 42);
        assertEquals(80, count(a, Part.TRAIN));
        assertEquals(10, count(a, Part.VALID));
        assertEquals(10, count(a, Part.TEST));
        assertArrayEquals(a, Part.assign(100, 42));
        assertFalse(Arrays.equals(a, Part.assign(100, 43)));
    }

    @Test
    void smallCorporaKeepOnePieceForValidAndTestFromThreeOn() {
        assertArrayEquals(new Part[] {Part.TRAIN}, Part.assign(1, 1));
        assertArrayEquals(new Part[] {Part.TRAIN, Part.TRAIN}, Part.assign(2, 1));
        Part[] three = Part.assign(3, 1);
        assertEquals(1, count(three, Part.VALID));
        assertEquals(1, count(three, Part.TEST));
        Part[] fifteen = Part.assign(15, 1);
        assertEquals(11, count(fifteen, Part.TRAIN)); // round(1.5) = 2 each
        assertEquals(0, Part.assign(0, 1).length);
    }
}
