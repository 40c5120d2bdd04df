package bebop.cli;

import java.util.List;

/** Which names a mistyped command or option may have meant. */
final class Typos {
    private Typos() {}

    /** The names among {@code candidates} a typo away from {@code typed}: at most one edit in four letters. */
    static List<String> closeTo(String typed, List<String> candidates) {
        return candidates.stream().filter(c -> edits(typed, c) <= Math.max(1, c.length() / 4)).toList();
    }

    /** Levenshtein distance. */
    private static int edits(String a, String b) {
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            row[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int up = row[j];
                int substitute = diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1), substitute);
                diagonal = up;
            }
        }
        return row[b.length()];
    }
}
