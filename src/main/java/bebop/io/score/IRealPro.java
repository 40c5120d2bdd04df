package bebop.io.score;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * iReal Pro links: {@code irealbook://} (plain) and {@code irealb://} (the app's own export, its chord
 * string scrambled), one tune or a playlist of many, read into chord charts bebop's progression parser
 * takes ("T34" becomes "3/4", bars as written, repeats and endings written out).
 *
 * <p>The format, as iReal Pro's page "iReal Pro file format" and the open readers of it describe it
 * (ireal-reader, ireal-musicxml): a link is percent-encoded. {@code irealbook://} holds for each tune six
 * fields separated by '=': title, composer, style, key, "n", chord string; tunes follow one another.
 * {@code irealb://} holds tunes separated by "===" (a playlist's name last), each with the fields title,
 * composer, (empty), style, key, (empty or a transposition), the chord string starting with
 * {@value #MUSIC_PREFIX}, then the accompaniment style, tempo and repeats; after the prefix the string is
 * scrambled in blocks of 50 characters (each block but a last one shorter than 52 has characters 0-4 and
 * 10-23 swapped with their mirror images 49-45 and 39-26).
 *
 * <p>The chord string: bar lines {@code | [ ] { } Z} and {@code LZ}; {@code T44} a time signature;
 * {@code *A} a section; {@code <...>} a comment; {@code N1}, {@code N2} endings of a repeat; {@code x}
 * and {@code Kcl} the bar before again, {@code r} the two bars before; {@code n} no chord; {@code p} a
 * slash (the chord before for a beat); {@code W} an invisible chord (the chord before, with a new
 * bass); {@code XyQ}, {@code Y}, spaces and commas spacing; {@code s l f S Q U} small and large chords,
 * fermata, segno, coda, end (no effect on the chords); a chord in parentheses is an alternative, left
 * out. Chords are a root, a quality ({@code ^7 -7 7 h7 o7 7alt 7sus ^ - 6 69 ...}) and a bass after
 * '/'. A bar's chords share its beats as bebop's progressions do (2 + 2, 2 + 1 + 1, one a beat).
 * Not followed: D.C., D.S. and coda jumps (the bars are read once, as written).
 */
public final class IRealPro {
    /** What every irealb chord string starts with. */
    public static final String MUSIC_PREFIX = "1r34LbKcu7";

    private static final Pattern LINK = Pattern.compile("(irealb|irealbook)://[^\"'<>\\s]*");
    private static final Pattern CHORD = Pattern.compile("[A-GW][b#]?[-+^\\dhob#suadlt]*(/[A-G][b#]?)?");

    private IRealPro() {}

    /** One tune: title, composer, style, key (as iReal writes it: "C", "Eb-") and the chart for Progression.parse. */
    public record Tune(String title, String composer, String style, String key, String chart) {}

    /** True when the text holds an iReal Pro link. */
    public static boolean holdsLink(String text) {
        return LINK.matcher(text).find();
    }

    /**
     * Every tune of every link in the text (a link alone, or an HTML page of them).
     *
     * @throws IllegalArgumentException naming the tune and what cannot be read
     */
    public static List<Tune> read(String text) {
        List<Tune> tunes = new ArrayList<>();
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            String link = m.group();
            boolean scrambled = m.group(1).equals("irealb");
            String body = percentDecode(link.substring(link.indexOf("://") + 3));
            tunes.addAll(scrambled ? irealb(body) : irealbook(body));
        }
        if (tunes.isEmpty()) {
            throw new IllegalArgumentException("no iReal Pro tune (an irealb:// or irealbook:// link) found");
        }
        return tunes;
    }

    private static List<Tune> irealb(String body) {
        String[] parts = body.split("===", -1);
        List<Tune> out = new ArrayList<>();
        for (String part : parts) {
            List<String> fields = new ArrayList<>();
            for (String f : part.split("=+")) {
                if (!f.isEmpty()) {
                    fields.add(f);
                }
            }
            int music = -1;
            for (int i = 0; i < fields.size(); i++) {
                if (fields.get(i).startsWith(MUSIC_PREFIX)) {
                    music = i;
                    break;
                }
            }
            if (music < 0) {
                continue; // the playlist's name, or an empty tail
            }
            if (music < 3) {
                throw new IllegalArgumentException("the irealb tune '" + fields.get(0) + "' has too few fields before its chords");
            }
            String title = fields.get(0);
            String chords = unscramble(fields.get(music).substring(MUSIC_PREFIX.length()));
            out.add(tune(title, music >= 4 ? fields.get(1) : "", fields.get(music >= 4 ? 2 : 1),
                    keyField(fields, music), chords));
        }
        return out;
    }

    /** The key: the field before the chords, or the one before that when it is a transposition (a number). */
    private static String keyField(List<String> fields, int music) {
        String f = fields.get(music - 1);
        return f.matches("-?\\d+") ? fields.get(music - 2) : f;
    }

    private static List<Tune> irealbook(String body) {
        String[] f = body.split("=", -1);
        List<Tune> out = new ArrayList<>();
        for (int i = 0; i + 5 < f.length; i += 6) {
            out.add(tune(f[i], f[i + 1], f[i + 2], f[i + 3], f[i + 5]));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("an irealbook link holds title=composer=style=key=n=chords for each tune; "
                    + "this one has " + f.length + " fields");
        }
        return out;
    }

    /** Undoes irealb's scrambling (it is its own inverse on each 50-character block). */
    public static String unscramble(String s) {
        StringBuilder out = new StringBuilder(s.length());
        String rest = s;
        while (rest.length() > 50) {
            String block = rest.substring(0, 50);
            rest = rest.substring(50);
            out.append(rest.length() < 2 ? block : swap(block));
        }
        return out.append(rest).toString();
    }

    /** The same scrambling: what iReal Pro does to a chord string (for tests, and it is its own inverse). */
    public static String scramble(String s) {
        return unscramble(s);
    }

    private static String swap(String block) {
        char[] c = block.toCharArray();
        for (int i = 0; i < 5; i++) {
            c[i] = block.charAt(49 - i);
            c[49 - i] = block.charAt(i);
        }
        for (int i = 10; i < 24; i++) {
            c[i] = block.charAt(49 - i);
            c[49 - i] = block.charAt(i);
        }
        return new String(c);
    }

    /** Percent-decoding that keeps '+' (a chord's augmented sign), bytes as UTF-8. */
    static String percentDecode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '%' && i + 2 < bytes.length) {
                int v = Character.digit(bytes[i + 1], 16) * 16 + Character.digit(bytes[i + 2], 16);
                if (v >= 0 && Character.digit(bytes[i + 1], 16) >= 0 && Character.digit(bytes[i + 2], 16) >= 0) {
                    out.write(v);
                    i += 2;
                    continue;
                }
            }
            out.write(bytes[i]);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Tune tune(String title, String composer, String style, String key, String chords) {
        try {
            return new Tune(title, composer, style, key, chart(chords));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the tune '" + title + "': " + e.getMessage(), e);
        }
    }

    /** The chord string as a chart: "3/4 | C^7 | D-7 G7 | ...". */
    static String chart(String s) {
        List<List<String>> bars = new ArrayList<>();
        List<String> bar = new ArrayList<>();
        String meter = null;
        int repeatStart = 0;
        int firstEnding = -1;
        String lastChord = null;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (s.startsWith("XyQ", i)) {
                i += 3;
            } else if (s.startsWith("Kcl", i)) {
                close(bars, bar);
                bar = new ArrayList<>(bars.isEmpty() ? List.of() : bars.get(bars.size() - 1));
                i += 3;
            } else if (s.startsWith("LZ", i)) {
                bar = close(bars, bar);
                i += 2;
            } else if (c == 'T' && i + 2 < s.length() && Character.isDigit(s.charAt(i + 1)) && Character.isDigit(s.charAt(i + 2))) {
                meter = meter(s.substring(i + 1, i + 3));
                i += 3;
            } else if (c == '*' && i + 1 < s.length()) {
                i += 2;
            } else if (c == '<') {
                int end = s.indexOf('>', i);
                i = end < 0 ? s.length() : end + 1;
            } else if (c == '(') {
                int end = s.indexOf(')', i);
                i = end < 0 ? s.length() : end + 1;
            } else if (c == 'N' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))) {
                if (s.charAt(i + 1) == '1') {
                    firstEnding = bars.size();
                } else if (firstEnding >= 0 && s.charAt(i + 1) == '2') {
                    // the second ending: the repeat has been written out at '}'
                    firstEnding = -1;
                }
                i += 2;
            } else if (c == '{') {
                bar = close(bars, bar);
                repeatStart = bars.size();
                firstEnding = -1;
                i++;
            } else if (c == '}') {
                bar = close(bars, bar);
                int end = firstEnding >= 0 ? firstEnding : bars.size();
                bars.addAll(new ArrayList<>(bars.subList(repeatStart, end)));
                i++;
            } else if (c == '|' || c == '[' || c == ']' || c == 'Z') {
                bar = close(bars, bar);
                i++;
            } else if (c == 'x') {
                if (bars.isEmpty()) {
                    throw new IllegalArgumentException("'x' repeats the bar before, and the first bar has none");
                }
                bar = new ArrayList<>(bars.get(bars.size() - 1));
                i++;
            } else if (c == 'r') {
                if (bars.size() < 2) {
                    throw new IllegalArgumentException("'r' repeats the two bars before, and there are fewer");
                }
                close(bars, bar);
                bars.add(bars.get(bars.size() - 2));
                bars.add(bars.get(bars.size() - 2));
                bar = new ArrayList<>();
                i++;
            } else if (c == 'n') {
                bar.add("N.C.");
                i++;
            } else if (c == 'p') {
                bar.add("/");
                i++;
            } else if ("ABCDEFGW".indexOf(c) >= 0) {
                Matcher m = CHORD.matcher(s);
                if (!m.find(i) || m.start() != i) {
                    throw new IllegalArgumentException("cannot read a chord at '" + s.substring(i, Math.min(s.length(), i + 8)) + "'");
                }
                String chord = m.group();
                if (chord.startsWith("W")) {
                    if (lastChord == null) {
                        throw new IllegalArgumentException("an invisible chord 'W' with no chord before it");
                    }
                    chord = lastChord + chord.substring(1);
                } else {
                    lastChord = chord.contains("/") ? chord.substring(0, chord.indexOf('/')) : chord;
                }
                bar.add(symbol(chord));
                i = m.end();
            } else {
                i++; // spacing (space, comma, Y), small/large chords, fermata, segno, coda, end
            }
        }
        close(bars, bar);
        if (bars.isEmpty()) {
            throw new IllegalArgumentException("no chords");
        }
        StringBuilder sb = new StringBuilder(meter == null ? "" : meter + " ");
        sb.append('|');
        for (List<String> b : bars) {
            sb.append(' ').append(String.join(" ", b)).append(" |");
        }
        return sb.toString();
    }

    /** Adds a bar that holds something; returns a fresh one. */
    private static List<String> close(List<List<String>> bars, List<String> bar) {
        if (!bar.isEmpty()) {
            bars.add(List.copyOf(bar));
        }
        return new ArrayList<>();
    }

    private static String meter(String digits) {
        return switch (digits) {
            case "12" -> "12/8";
            case "22" -> "2/2";
            case "32" -> "3/2";
            default -> digits.charAt(0) + "/" + digits.charAt(1);
        };
    }

    /** iReal's quality spellings that bebop's symbol reader spells otherwise: h (half-diminished), 2, -b6, 7susadd3. */
    static String symbol(String chord) {
        int rootLen = chord.length() > 1 && (chord.charAt(1) == 'b' || chord.charAt(1) == '#') ? 2 : 1;
        int slash = chord.indexOf('/');
        String quality = slash < 0 ? chord.substring(rootLen) : chord.substring(rootLen, slash);
        String bass = slash < 0 ? "" : chord.substring(slash);
        String q = switch (quality) {
            case "h", "h7" -> "ø7";
            case "h9" -> "ø9";
            case "2" -> "sus2";
            case "-b6" -> "m(addb6)";
            case "7susadd3" -> "7sus4add3";
            default -> quality;
        };
        return chord.substring(0, rootLen) + q + bass;
    }

    /** The tune of a playlist chosen by its number (1 = first) or its title (case-insensitive, or the start of it). */
    public static Tune pick(List<Tune> tunes, String which) {
        if (which == null) {
            if (tunes.size() > 1) {
                throw new IllegalArgumentException("the playlist holds " + tunes.size() + " tunes (" + titles(tunes)
                        + "); pick one with --tune N or --tune NAME");
            }
            return tunes.get(0);
        }
        String w = which.trim();
        if (w.matches("\\d+")) {
            int n = Integer.parseInt(w);
            if (n < 1 || n > tunes.size()) {
                throw new IllegalArgumentException("--tune " + w + ": the playlist holds tunes 1 to " + tunes.size());
            }
            return tunes.get(n - 1);
        }
        String lower = w.toLowerCase(Locale.ROOT);
        for (Tune t : tunes) {
            if (t.title().toLowerCase(Locale.ROOT).equals(lower)) {
                return t;
            }
        }
        for (Tune t : tunes) {
            if (t.title().toLowerCase(Locale.ROOT).startsWith(lower)) {
                return t;
            }
        }
        throw new IllegalArgumentException("--tune " + w + ": no such tune in the playlist (" + titles(tunes) + ")");
    }

    private static String titles(List<Tune> tunes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < tunes.size() && i < 8; i++) {
            sb.append(i == 0 ? "" : ", ").append(i + 1).append(' ').append(tunes.get(i).title());
        }
        return sb.append(tunes.size() > 8 ? ", ..." : "").toString();
    }
}
