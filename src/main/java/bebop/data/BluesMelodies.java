package bebop.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The paper's melody segments (PAPER_FACTS.md section 3, read from the technical report's sample):
 * quarter-note pitches written to fit each bar's chord, two alternatives per chord slot.
 *
 * <p>Twelve binary choices make a chorus: bars 1, 2, 3, 5, 6, 7, 9, 10 choose a whole-bar segment;
 * bars 4 and 8 (two chords each) choose each half bar; bars 11 and 12 are fixed. That gives
 * 2^12 = 4,096 distinct choruses, the paper's n.
 */
public final class BluesMelodies {
    public static final int CHORUSES = 4096;
    public static final int QUARTERS_PER_BAR = 4;

    private static final List<Integer> A = List.of(67, 70, 65, 60);
    private static final List<Integer> B = List.of(60, 70, 67, 63);

    /** Per bar 1..12, the alternatives of each chord slot: a whole bar, or two half bars. */
    private static final List<List<List<List<Integer>>>> SLOTS = List.of(
            whole(A, B),                                                  // bar 1: C
            whole(A, B),                                                  // bar 2: F7
            whole(A, B),                                                  // bar 3: C
            halves(List.of(List.of(60, 70), List.of(67, 70)),             // bar 4: Gm7 | C
                   List.of(List.of(67, 70), List.of(70, 63))),
            whole(List.of(65, 66, 67, 70), List.of(65, 72, 70, 63)),      // bar 5: F7
            whole(List.of(65, 66, 67, 70), List.of(65, 72, 70, 63)),      // bar 6: Fdim
            whole(A, B),                                                  // bar 7: C
            halves(List.of(List.of(60, 70), List.of(67, 70)),             // bar 8: Em | A7
                   List.of(List.of(67, 63), List.of(65, 60))),
            whole(List.of(67, 60, 63, 66), List.of(67, 72, 67, 66)),      // bar 9: Dm7
            whole(List.of(65, 60, 65, 63), List.of(65, 70, 65, 63)),      // bar 10: G7
            List.of(List.of(List.of(60, 63, 70, 66))),                   // bar 11: C | A7, fixed
            List.of(List.of(List.of(62, 62, 67, 67))));                  // bar 12: Dm | G7, fixed

    private BluesMelodies() {}

    private static List<List<List<Integer>>> whole(List<Integer> first, List<Integer> second) {
        return List.of(List.of(first, second));
    }

    private static List<List<List<Integer>>> halves(List<List<Integer>> firstHalf, List<List<Integer>> secondHalf) {
        return List.of(firstHalf, secondHalf);
    }

    /**
     * The melody of chorus {@code index} (0..4095) as 48 quarter-note pitches. The index read as a
     * 12-bit binary number, most significant bit first, picks the alternative of each chord slot in
     * bar order (bar 1, 2, 3, 4a, 4b, 5, 6, 7, 8a, 8b, 9, 10); chorus 0 takes every first alternative.
     */
    public static List<Integer> melody(int index) {
        if (index < 0 || index >= CHORUSES) {
            throw new IllegalArgumentException("chorus " + index + " is outside 0.." + (CHORUSES - 1));
        }
        List<Integer> out = new ArrayList<>(48);
        int bit = 11;
        for (List<List<List<Integer>>> bar : SLOTS) {
            for (List<List<Integer>> slot : bar) {
                int choice = 0;
                if (slot.size() == 2) {
                    choice = (index >> bit) & 1;
                    bit--;
                }
                out.addAll(slot.get(choice));
            }
        }
        return List.copyOf(out);
    }

    /** Every melody the segments allow for bar 1..12 (four quarter-note pitches each). */
    public static List<List<Integer>> barAlternatives(int bar) {
        List<List<List<Integer>>> slots = SLOTS.get(bar - 1);
        List<List<Integer>> out = new ArrayList<>();
        if (slots.size() == 1) {
            out.addAll(slots.get(0));
        } else {
            for (List<Integer> first : slots.get(0)) {
                for (List<Integer> second : slots.get(1)) {
                    List<Integer> whole = new ArrayList<>(first);
                    whole.addAll(second);
                    out.add(List.copyOf(whole));
                }
            }
        }
        return List.copyOf(out);
    }
}
