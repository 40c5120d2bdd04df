package bebop.io.score;

import java.nio.file.Path;

/**
 * A chord chart in a plain text file: the progression text of {@code compose --chords} spread over
 * as many lines as the user likes ("| F13 | Bb9 | F13 | F7/C |" a line, the meter such as "3/4" first
 * if not 4/4), {@code #} starting a comment to the end of its line. The lines are joined with spaces,
 * so bars are what lies between bar lines ({@link bebop.music.Progression#parse}).
 */
public final class ChordChart {
    private ChordChart() {}

    /** The chart's progression text, comments removed. */
    public static String read(Path file) {
        String text = SheetFile.text(file);
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\\R")) {
            int hash = line.indexOf('#');
            // a # right after a note letter or digit is a sharp (F#7, C7#9), not a comment
            while (hash > 0 && !Character.isWhitespace(line.charAt(hash - 1)) && line.charAt(hash - 1) != '|') {
                hash = line.indexOf('#', hash + 1);
            }
            String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (!content.isEmpty()) {
                sb.append(sb.length() == 0 ? "" : " ").append(content);
            }
        }
        return sb.toString();
    }
}
