package bebop.io.score;

import bebop.UserError;
import bebop.music.Note;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Impro-Visor lead sheets ({@code .ls}), in its leadsheet notation (Keller, "Impro-Visor Leadsheet
 * Notation", 2005, and the files Impro-Visor saves): a chord progression and a melody as text.
 *
 * <ul>
 *   <li>Settings in parentheses: {@code (title ...)}, {@code (meter 3 4)}, {@code (key -2)} (the key
 *       signature: sharps, or flats when negative), and {@code (part (type chords) ...)} or
 *       {@code (part (type melody) ...)} before the part's content; the other settings (style, tempo,
 *       layout ...) are skipped. A file without parts holds chords and notes mixed.
 *   <li>Chords begin with a capital letter ("F6", "Em7", "Bb7/D", "NC"), bars end at {@code |}, a
 *       {@code /} is the chord before for one more slot; a bar's chords share its beats as in bebop's
 *       progressions.
 *   <li>Notes begin with a small letter a..g and an accidental # or b, then {@code +} or {@code -} for
 *       each octave up or down from the octave above middle C's (c is middle C, MIDI 60), then the
 *       duration: 1 2 4 8 16 32 (whole to thirty-second), "." dotted, "/3" a triplet, several joined by
 *       {@code +} ("r2+8" a rest of a half and an eighth); {@code r} is a rest. A note without a
 *       duration takes the one before (an eighth at first).
 * </ul>
 */
public final class ImproVisor {
    /** Ticks of a quarter note in the melody read. */
    public static final int TICKS_PER_QUARTER = 480;

    private ImproVisor() {}

    /**
     * A lead sheet read: its title, meter ("4/4"), key signature (sharps, negative for flats), chart (for
     * Progression.parse) and melody notes (ticks at {@link #TICKS_PER_QUARTER}), empty when it has none.
     */
    public record Sheet(String title, String meter, int keySignature, String chart, List<Note> melody) {
        public Sheet {
            melody = List.copyOf(melody);
        }

        /** The major key of the key signature: "F" for -1, "D" for 2. */
        public String key() {
            return bebop.music.Pitch.className(Math.floorMod(7 * keySignature, 12));
        }
    }

    /** True for the file names this reader takes. */
    public static boolean handles(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ls");
    }

    /** Reads a file; a problem is a user error naming the file. */
    public static Sheet read(Path file) {
        String text = SheetFile.text(file);
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new UserError(file + ": " + e.getMessage(), e);
        }
    }

    /** Reads lead sheet notation. */
    public static Sheet parse(String text) {
        String title = "";
        String meter = "4/4";
        int key = 0;
        boolean keySet = false;
        String part = "";
        List<String> chordTokens = new ArrayList<>();
        List<String> noteTokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '(') {
                int end = closing(text, i);
                String expr = text.substring(i + 1, end).trim();
                String head = expr.split("\\s+", 2)[0];
                String rest = expr.length() > head.length() ? expr.substring(head.length()).trim() : "";
                switch (head) {
                    case "title" -> title = part.isEmpty() ? rest : title;
                    case "meter" -> {
                        String[] m = rest.split("\\s+");
                        if (m.length != 2 || !m[0].matches("\\d+") || !m[1].matches("\\d+")) {
                            throw new IllegalArgumentException("(meter " + rest + "): give the beats and the beat note, as (meter 4 4)");
                        }
                        meter = m[0] + "/" + m[1];
                    }
                    case "key" -> {
                        if (!keySet && rest.matches("-?\\d+")) {
                            key = Integer.parseInt(rest);
                            keySet = true;
                        }
                    }
                    case "part" -> part = rest.contains("(type melody)") ? "melody" : rest.contains("(type chords)") ? "chords" : "";
                    default -> { }
                }
                i = end + 1;
                continue;
            }
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == '|') {
                if (!part.equals("melody")) {
                    chordTokens.add("|");
                }
                i++;
                continue;
            }
            int end = i;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '('
                    && text.charAt(end) != '|') {
                end++;
            }
            String token = text.substring(i, end);
            i = end;
            if (token.equals("|") || token.equals("/") || Character.isUpperCase(token.charAt(0))) {
                if (!part.equals("melody")) {
                    chordTokens.add(token);
                }
            } else if ("abcdefgr".indexOf(token.charAt(0)) >= 0) {
                if (!part.equals("chords")) {
                    noteTokens.add(token);
                }
            } else {
                throw new IllegalArgumentException("cannot read '" + token + "' (chords begin with A-G, notes with a-g or r)");
            }
        }
        if (chordTokens.stream().noneMatch(t -> !t.equals("|") && !t.equals("/"))) {
            throw new IllegalArgumentException("no chords (chords begin with a capital letter: C7, F6, Bbm7)");
        }
        StringBuilder chart = new StringBuilder(meter.equals("4/4") ? "" : meter + " ").append('|');
        StringBuilder bar = new StringBuilder();
        for (String t : chordTokens) {
            if (t.equals("|")) {
                if (bar.length() > 0) {
                    chart.append(bar).append(" |");
                    bar.setLength(0);
                }
            } else {
                bar.append(' ').append(t.equals("NC") ? "N.C." : t);
            }
        }
        if (bar.length() > 0) {
            chart.append(bar).append(" |");
        }
        return new Sheet(title, meter, key, chart.toString(), melody(noteTokens));
    }

    private static int closing(String text, int open) {
        int depth = 0;
        for (int k = open; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return k;
            }
        }
        throw new IllegalArgumentException("a '(' at character " + (open + 1) + " is never closed");
    }

    private static List<Note> melody(List<String> tokens) {
        List<Note> out = new ArrayList<>();
        long at = 0;
        long last = TICKS_PER_QUARTER / 2;
        for (String t : tokens) {
            int k = 1;
            int pitch = -1;
            if (t.charAt(0) != 'r') {
                pitch = 60 + new int[] {9, 11, 0, 2, 4, 5, 7}[t.charAt(0) - 'a'];
                while (k < t.length() && (t.charAt(k) == '#' || t.charAt(k) == 'b')) {
                    pitch += t.charAt(k) == '#' ? 1 : -1;
                    k++;
                }
                while (k < t.length() && (t.charAt(k) == '+' || t.charAt(k) == '-')) {
                    pitch += t.charAt(k) == '+' ? 12 : -12;
                    k++;
                }
            }
            long ticks = k < t.length() ? duration(t, t.substring(k)) : last;
            last = ticks;
            if (pitch >= 0) {
                if (pitch > 127) {
                    throw new IllegalArgumentException("the note '" + t + "' is above the MIDI range");
                }
                out.add(new Note(pitch, at, ticks));
            }
            at += ticks;
        }
        return out;
    }

    /** "8" an eighth, "4." a dotted quarter, "8/3" a triplet eighth, "2+8" a half and an eighth. */
    private static long duration(String token, String d) {
        long total = 0;
        for (String part : d.split("\\+")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(1|2|4|8|16|32)(\\.?)(/3)?").matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("the note '" + token + "': cannot read its duration '" + d
                        + "' (1 2 4 8 16 32, '.' dotted, '/3' triplet, joined by +)");
            }
            long ticks = 4L * TICKS_PER_QUARTER / Integer.parseInt(m.group(1));
            if (!m.group(2).isEmpty()) {
                ticks = ticks * 3 / 2;
            }
            if (m.group(3) != null) {
                ticks = ticks * 2 / 3;
            }
            total += ticks;
        }
        return total;
    }
}
