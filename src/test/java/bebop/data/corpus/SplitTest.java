package bebop.data.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SplitTest {
    private static long count(Split[] s, Split which) {
        return Arrays.stream(s).filter(x -> x == which).count();
    }

    @Test
    void eightyTenTenAndTheSameForTheSameSeed() {
        Split[] a = Split.assign(100, 42);
        assertEquals(80, count(a, Split.TRAIN));
        assertEquals(10, count(a, Split.VALID));
        assertEquals(10, count(a, Split.TEST));
        assertArrayEquals(a, Split.assign(100, 42));
        assertFalse(Arrays.equals(a, Split.assign(100, 43)));
    }

    @Test
    void smallCorporaKeepOnePieceForValidAndTestFromThreeOn() {
        assertArrayEquals(new Split[] {Split.TRAIN}, Split.assign(1, 1));
        assertArrayEquals(new Split[] {Split.TRAIN, Split.TRAIN}, Split.assign(2, 1));
        Split[] three = Split.assign(3, 1);
        assertEquals(1, count(three, Split.VALID));
        assertEquals(1, count(three, Split.TEST));
        Split[] fifteen = Split.assign(15, 1);
        assertEquals(11, count(fifteen, Split.TRAIN)); // round(1.5) = 2 each
        assertEquals(0, Split.assign(0, 1).length);
    }
}
