package bebop.music;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Names a set of sounding notes as a chord symbol: the paper's own voicings get the paper's labels,
 * anything else is named by root and quality from its pitch classes ("?" when nothing fits).
 */
public final class ChordNamer {
    /** Interval patterns from the root, most specific first. */
    private static final String[] QUALITY_NAMES = {"7", "m7", "maj7", "m7b5", "dim7", "6", "m6", "", "m", "dim", "aug", "sus4", "sus2"};
    private static final int[][] QUALITY_INTERVALS = {
        {0, 4, 7, 10}, {0, 3, 7, 10}, {0, 4, 7, 11}, {0, 3, 6, 10}, {0, 3, 6, 9}, {0, 4, 7, 9}, {0, 3, 7, 9},
        {0, 4, 7}, {0, 3, 7}, {0, 3, 6}, {0, 4, 8}, {0, 5, 7}, {0, 2, 7}};

    /**
     * The paper's voicings (every form variant, in form order) by their sorted notes: the first
     * chord of those notes gives the label. Made once: decoding a piece names a chord every half bar.
     */
    private static final Map<List<Integer>, String> PAPER_VOICINGS = paperVoicings();

    private ChordNamer() {}

    /** The symbol for the exact notes given (MIDI numbers, any order). */
    public static String name(List<Integer> notes) {
        if (notes.isEmpty()) {
            return "N.C.";
        }
        List<Integer> sorted = new ArrayList<>(new TreeSet<>(notes));
        String paper = PAPER_VOICINGS.get(sorted);
        return paper != null ? paper : byPitchClasses(sorted);
    }

    private static Map<List<Integer>, String> paperVoicings() {
        Map<List<Integer>, String> names = new HashMap<>();
        for (BluesForm.Variant v : BluesForm.Variant.values()) {
            for (BluesForm.Bar bar : BluesForm.of(v).bars()) {
                for (Chord c : List.of(bar.firstHalf(), bar.secondHalf())) {
                    names.putIfAbsent(List.copyOf(c.notes()), c.symbol());
                }
            }
        }
        return Map.copyOf(names);
    }

    /** Root and quality from pitch classes; the bass note is tried first as the root. */
    static String byPitchClasses(List<Integer> sortedNotes) {
        TreeSet<Integer> pcs = new TreeSet<>();
        for (int n : sortedNotes) {
            pcs.add(Pitch.pitchClass(n));
        }
        List<Integer> roots = new ArrayList<>();
        roots.add(Pitch.pitchClass(sortedNotes.get(0)));
        for (int pc : pcs) {
            if (!roots.contains(pc)) {
                roots.add(pc);
            }
        }
        for (int q = 0; q < QUALITY_NAMES.length; q++) {
            for (int root : roots) {
                if (matches(pcs, root, QUALITY_INTERVALS[q])) {
                    return Pitch.className(root) + QUALITY_NAMES[q];
                }
            }
        }
        return pcs.size() == 1 ? Pitch.className(pcs.first()) : "?";
    }

    private static boolean matches(TreeSet<Integer> pcs, int root, int[] intervals) {
        if (pcs.size() != intervals.length) {
            return false;
        }
        for (int interval : intervals) {
            if (!pcs.contains((root + interval) % 12)) {
                return false;
            }
        }
        return true;
    }
}
