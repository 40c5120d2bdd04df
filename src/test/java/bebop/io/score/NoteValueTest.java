package bebop.io.score;

import static bebop.io.score.NoteValue.DOTTED_EIGHTH;
import static bebop.io.score.NoteValue.DOTTED_HALF;
import static bebop.io.score.NoteValue.DOTTED_QUARTER;
import static bebop.io.score.NoteValue.EIGHTH;
import static bebop.io.score.NoteValue.HALF;
import static bebop.io.score.NoteValue.QUARTER;
import static bebop.io.score.NoteValue.SIXTEENTH;
import static bebop.io.score.NoteValue.WHOLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NoteValueTest {
    @Test
    void singleValuesWhereOneIsRight() {
        assertEquals(List.of(WHOLE), NoteValue.split(0, 16));
        assertEquals(List.of(DOTTED_HALF), NoteValue.split(0, 12));
        assertEquals(List.of(QUARTER, HALF), NoteValue.split(4, 12), "from beat 2 to the end shows beat 3");
        assertEquals(List.of(HALF), NoteValue.split(8, 8));
        assertEquals(List.of(DOTTED_QUARTER), NoteValue.split(0, 6));
        assertEquals(List.of(QUARTER), NoteValue.split(12, 4));
        assertEquals(List.of(DOTTED_EIGHTH), NoteValue.split(2, 3));
        assertEquals(List.of(EIGHTH), NoteValue.split(6, 2));
        assertEquals(List.of(SIXTEENTH), NoteValue.split(15, 1));
    }

    @Test
    void tiesKeepTheBeatsVisible() {
        assertEquals(List.of(QUARTER, QUARTER), NoteValue.split(4, 8), "a half note on beat 2 shows beat 3");
        assertEquals(List.of(EIGHTH, QUARTER), NoteValue.split(2, 6));
        assertEquals(List.of(QUARTER, SIXTEENTH), NoteValue.split(0, 5));
        assertEquals(List.of(SIXTEENTH, EIGHTH), NoteValue.split(1, 3));
        assertEquals(List.of(QUARTER, DOTTED_EIGHTH), NoteValue.split(0, 7));
        assertEquals(List.of(SIXTEENTH, EIGHTH, QUARTER, HALF), NoteValue.split(1, 15));
        assertEquals(List.of(HALF, DOTTED_QUARTER), NoteValue.split(0, 14));
    }

    @Test
    void everySpanInABarAddsUp() {
        for (int pos = 0; pos < 16; pos++) {
            for (int len = 1; pos + len <= 16; len++) {
                List<NoteValue> vs = NoteValue.split(pos, len);
                assertEquals(len, vs.stream().mapToInt(NoteValue::units).sum(), pos + "+" + len);
                int p = pos;
                for (int i = 0; i < vs.size(); i++) {
                    NoteValue v = vs.get(i);
                    assertEquals(0, p % v.base(), "value " + v + " starts on its own grid at " + p);
                    assertTrue(v.dots() == 0 || i == vs.size() - 1, "a dotted value only ends a span");
                    p += v.units();
                }
            }
        }
    }
}
