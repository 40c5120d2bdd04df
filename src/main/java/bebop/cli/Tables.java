package bebop.cli;

import java.io.PrintWriter;
import java.util.List;

/** Text tables for the terminal. */
final class Tables {
    private Tables() {
    }

    /** Prints rows of cells in columns, the first {@code leftColumns} left-aligned, the rest right-aligned. */
    static void printAligned(List<List<String>> lines, int leftColumns, PrintWriter out) {
        int[] width = new int[lines.get(0).size()];
        for (List<String> line : lines) {
            for (int i = 0; i < width.length; i++) {
                width[i] = Math.max(width[i], line.get(i).length());
            }
        }
        for (List<String> line : lines) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < width.length; i++) {
                String c = line.get(i);
                String pad = " ".repeat(width[i] - c.length());
                b.append(i == 0 ? "" : "  ").append(i < leftColumns ? c + pad : pad + c);
            }
            out.println(b.toString().stripTrailing());
        }
    }
}
