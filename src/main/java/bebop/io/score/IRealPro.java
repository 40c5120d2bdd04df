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
 * bass); {@code XyQ}, {@code Y}, spaces and commas spacing; {@code s l f} small and large chords and
 * fermata (no effect on the chords); a chord in parentheses is an alternative, left
 * out. Chords are a root, a quality ({@code ^7 -7 7 h7 o7 7alt 7sus ^ - 6 69 ...}) and a bass after
 * '/'. A bar's chords sit on their cells when it has a cell a beat, else share its beats as bebop's
 * progressions do (2 + 2, 2 + 1 + 1, one a beat): {@link #layout}.
 * The form is played out ({@link #play}): repeats with their endings, D.C. and D.S. (comments such as
 * {@code <D.C. al Coda>}, {@code <D.S. al Fine>}), segno {@code S}, coda {@code Q}, Fine, end {@code U}.
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

    /** Bars played at most, so that a form whose jumps loop ends in an error, not forever. */
    static final int MAX_BARS = 2000;

    /**
     * A bar as written, with the form marks on it: a repeat opening ({@code {}) or closing ({@code }}), an
     * ending ({@code N1}, {@code N2} ...), a segno ({@code S}), a coda ({@code Q}), Fine, a D.C./D.S. jump
     * after it, the end ({@code U}).
     */
    private static final class Written {
        /** The bar's cells as read: chords, "/" (p), " " (an empty cell); then its chords as laid out on its beats. */
        final List<String> cells = new ArrayList<>();
        List<String> chords = List.of();
        boolean copy;
        boolean open;
        boolean close;
        int ending;
        boolean segno;
        boolean coda;
        boolean fine;
        boolean end;
        String jump;
        String to;
        String said;
        int times;

        /** True once the bar holds something that sounds: a chord, N.C., a slash. */
        boolean heard() {
            return cells.stream().anyMatch(c -> !c.equals(" "));
        }
    }

    /** The chord string as a chart of the bars as played ({@link #play}): "3/4 | C^7 | D-7 G7 | ...". */
    static String chart(String s) {
        List<Written> written = new ArrayList<>();
        Written bar = new Written();
        String meter = null;
        int beats = 4;
        String lastChord = null;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (s.startsWith("XyQ", i)) {
                space(bar, 3);
                i += 3;
            } else if (s.startsWith("Kcl", i)) {
                bar = close(written, bar, beats);
                copy(bar, previous(written, 1, "Kcl"));
                i += 3;
            } else if (s.startsWith("LZ", i)) {
                space(bar, 1);
                bar = close(written, bar, beats);
                i += 2;
            } else if (c == 'T' && i + 2 < s.length() && Character.isDigit(s.charAt(i + 1)) && Character.isDigit(s.charAt(i + 2))) {
                meter = meter(s.substring(i + 1, i + 3));
                beats = Integer.parseInt(meter.substring(0, meter.indexOf('/')));
                i += 3;
            } else if (c == '*' && i + 1 < s.length()) {
                i += 2;
            } else if (c == '<') {
                int end = s.indexOf('>', i);
                comment(end < 0 ? s.substring(i + 1) : s.substring(i + 1, end), bar);
                i = end < 0 ? s.length() : end + 1;
            } else if (c == '(') {
                int end = s.indexOf(')', i);
                i = end < 0 ? s.length() : end + 1;
            } else if (c == 'N' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))) {
                bar.ending = s.charAt(i + 1) - '0';
                i += 2;
            } else if (c == '{') {
                bar = close(written, bar, beats);
                bar.open = true;
                i++;
            } else if (c == '}') {
                if (!bar.heard() && !written.isEmpty()) {
                    written.get(written.size() - 1).close = true;
                } else {
                    bar.close = true;
                }
                bar = close(written, bar, beats);
                i++;
            } else if (c == '|' || c == '[' || c == ']' || c == 'Z') {
                bar = close(written, bar, beats);
                i++;
            } else if (c == 'x') {
                copy(bar, previous(written, 1, "'x'"));
                i++;
            } else if (c == 'r') {
                bar = close(written, bar, beats);
                List<String> two = previous(written, 2, "'r'");
                List<String> one = previous(written, 1, "'r'");
                copy(bar, two);
                bar = close(written, bar, beats);
                copy(bar, one);
                i++;
            } else if (c == ' ') {
                space(bar, 1);
                i++;
            } else if (c == 'n') {
                bar.cells.add("N.C.");
                i++;
            } else if (c == 'p') {
                bar.cells.add("/");
                i++;
            } else if (c == 'S') {
                bar.segno = true;
                i++;
            } else if (c == 'Q') {
                bar.coda = true;
                i++;
            } else if (c == 'U') {
                bar.end = true;
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
                bar.cells.add(symbol(chord));
                i = m.end();
            } else {
                i++; // spacing (space, comma, Y), small/large chords, fermata
            }
        }
        close(written, bar, beats);
        if (written.isEmpty()) {
            throw new IllegalArgumentException("no chords");
        }
        StringBuilder sb = new StringBuilder(meter == null ? "" : meter + " ");
        sb.append('|');
        for (List<String> b : play(written)) {
            sb.append(' ').append(String.join(" ", b)).append(" |");
        }
        return sb.toString();
    }

    /** The chords of the bar {@code back} bars before the one being written. */
    private static List<String> previous(List<Written> written, int back, String what) {
        if (written.size() < back) {
            throw new IllegalArgumentException(what + " repeats the " + (back == 1 ? "bar" : back + " bars")
                    + " before, and bar " + (written.size() + 1) + " has " + (written.isEmpty() ? "none" : "fewer"));
        }
        return written.get(written.size() - back).chords;
    }

    /**
     * A bar's chords on its beats, from its cells. iReal Pro's grid puts a bar in cells (usually four),
     * each a chord, a slash ({@code p}) or empty (a space; {@code XyQ} is three). When the bar has as many
     * cells as beats, each cell is a beat and a chord lasts to the next one ("C^7  F7" in 4/4 is three
     * beats and one: "C^7 / / F7"); otherwise the chords share the beats evenly, as bebop's progressions
     * do, slashes kept. A bar laid out as the even share would lay it is written with its chords alone.
     */
    static List<String> layout(List<String> cells, int beats) {
        List<String> sounding = cells.stream().filter(c -> !c.equals(" ")).toList();
        if (cells.size() != beats || cells.get(0).equals("/")) {
            return sounding;
        }
        List<String> names = new ArrayList<>();
        List<Integer> lengths = new ArrayList<>();
        for (String c : cells) {
            if (c.equals(" ") || c.equals("/")) {
                lengths.set(lengths.size() - 1, lengths.get(lengths.size() - 1) + 1);
            } else {
                names.add(c);
                lengths.add(1);
            }
        }
        for (int k = 0; k < names.size(); k++) {
            if (lengths.get(k) != beats / names.size() + (k < beats % names.size() ? 1 : 0)) {
                return cells.stream().map(c -> c.equals(" ") ? "/" : c).toList();
            }
        }
        return names;
    }

    /**
     * A comment's form instruction: "D.C. al Coda", "D.S. al Fine", "D.C. al 2nd End." (1st, 2nd, 3rd),
     * "D.C." (to the end), "Fine", "3x" (the repeat it is in played three times); other text changes nothing.
     */
    private static void comment(String text, Written bar) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("d.c.") || t.startsWith("d.s.")) {
            bar.jump = t.startsWith("d.c.") ? "D.C." : "D.S.";
            bar.to = t.contains("coda") ? "coda" : t.contains("fine") ? "fine" : t.contains("1st") ? "1" : t.contains("2nd") ? "2"
                    : t.contains("3rd") ? "3" : t.contains("end") ? "ending" : "end";
            bar.said = text.trim();
        } else if (t.equals("fine")) {
            bar.fine = true;
        } else if (t.matches("\\d+x")) {
            bar.times = Integer.parseInt(t.substring(0, t.length() - 1));
        }
    }

    /** Empty cells after a chord (empty cells before a bar's first chord count for nothing). */
    private static void space(Written bar, int cells) {
        if (!bar.copy && bar.heard()) {
            for (int k = 0; k < cells; k++) {
                bar.cells.add(" ");
            }
        }
    }

    /** A bar that is another bar again ('x', Kcl, 'r'): its chords as that bar's, its own cells not counted. */
    private static void copy(Written bar, List<String> chords) {
        bar.cells.addAll(chords);
        bar.copy = true;
    }

    /**
     * Adds a bar that holds chords, laid out on its {@code beats} ({@link #layout}); a bar of marks alone
     * passes them on to the next. Returns the bar to fill next.
     */
    private static Written close(List<Written> bars, Written bar, int beats) {
        if (bar.heard()) {
            bar.chords = bar.copy ? List.copyOf(bar.cells) : layout(bar.cells, beats);
            bars.add(bar);
            return new Written();
        }
        if (bar.close && !bars.isEmpty()) {
            bars.get(bars.size() - 1).close = true;
            bar.close = false;
        }
        return bar;
    }

    /**
     * The bars in the order a player plays them. A repeat ({@code {} to {@code }}) is played once more for
     * each ending after the first (twice without endings), pass k taking ending k ({@code Nk}: from its bar
     * to the repeat's close, the last ending on to what follows). A D.C. (from the first bar) or D.S. (from
     * the segno) jumps after its bar, once; after it repeats are played once, taking their last ending; "al
     * Coda" leaves at the bar of the first {@code Q} for the bar of the last {@code Q}, "al Fine" ends at
     * the bar marked Fine, "al 1st End." (2nd, 3rd) takes that ending, and the bar marked {@code U} ends
     * the tune. A "3x" comment in a repeat plays it three times.
     */
    static List<List<String>> play(List<Written> bars) {
        int firstCoda = -1;
        int lastCoda = -1;
        int segno = -1;
        for (int k = 0; k < bars.size(); k++) {
            Written b = bars.get(k);
            if (b.coda) {
                firstCoda = firstCoda < 0 ? k : firstCoda;
                lastCoda = k;
            }
            if (b.segno && segno < 0) {
                segno = k;
            }
            if (b.jump != null && b.jump.equals("D.S.") && bars.stream().noneMatch(w -> w.segno)) {
                throw new IllegalArgumentException("bar " + (k + 1) + " says '" + b.said + "', but no bar has a segno (S)");
            }
            if (b.jump != null && b.to.equals("fine") && bars.stream().noneMatch(w -> w.fine)) {
                throw new IllegalArgumentException("bar " + (k + 1) + " says '" + b.said + "', but no bar is marked <Fine>");
            }
            if (b.jump != null && b.to.equals("coda") && (firstCoda < 0 || bars.stream().skip(k + 1).noneMatch(w -> w.coda))) {
                throw new IllegalArgumentException("bar " + (k + 1) + " says '" + b.said + "', but there is no coda (Q) "
                        + "before it to leave at and one after it to go to");
            }
        }
        List<List<String>> out = new ArrayList<>();
        boolean jumped = false;
        String to = null;
        int repeatStart = 0;
        int pass = 1;
        int k = 0;
        while (k < bars.size()) {
            if (out.size() > MAX_BARS) {
                throw new IllegalArgumentException("the form does not end: its repeats and jumps play more than " + MAX_BARS + " bars");
            }
            Written b = bars.get(k);
            if (b.open && (k != repeatStart || pass == 1)) {
                repeatStart = k;
                pass = 1;
            }
            int ending = b.ending;
            if (ending > 0) {
                int last = lastEnding(bars, k);
                int take = Math.min(jumped ? (to.matches("\\d") ? Integer.parseInt(to) : last) : pass, last);
                if (ending != take) {
                    k = nextEnding(bars, k);
                    continue;
                }
            }
            out.add(b.chords);
            if (b.end || jumped && "fine".equals(to) && b.fine) {
                break;
            }
            if (jumped && "coda".equals(to) && k == firstCoda) {
                k = lastCoda;
                to = "end"; // in the coda: on to the end
                continue;
            }
            if (b.close && !jumped && pass < passes(bars, repeatStart, k)) {
                pass++;
                k = repeatStart;
                continue;
            }
            if (b.jump != null && !jumped) {
                jumped = true;
                to = b.to;
                k = b.jump.equals("D.C.") ? 0 : segno;
                repeatStart = k;
                pass = 1;
                continue;
            }
            k++;
        }
        return out;
    }

    /**
     * How many times the repeat from {@code start} closing at {@code close} is played: as a "3x" in it says,
     * else once per ending, at least twice.
     */
    private static int passes(List<Written> bars, int start, int close) {
        int endings = 0;
        int times = 0;
        for (int k = start; k < bars.size() && (k <= close || bars.get(k).ending > 0 && !bars.get(k).open); k++) {
            endings = Math.max(endings, bars.get(k).ending);
            times = k <= close ? Math.max(times, bars.get(k).times) : times;
        }
        return times > 0 ? times : Math.max(2, endings);
    }

    /** The highest ending of the group the ending at {@code k} belongs to. */
    private static int lastEnding(List<Written> bars, int k) {
        int last = bars.get(k).ending;
        for (int j = k + 1; j < bars.size() && !bars.get(j).open; j++) {
            last = Math.max(last, bars.get(j).ending);
        }
        return last;
    }

    /** The bar of the ending after the one at {@code k} (past its bars), or the end. */
    private static int nextEnding(List<Written> bars, int k) {
        int j = k + 1;
        while (j < bars.size() && bars.get(j).ending == 0 && !bars.get(j).open) {
            j++;
        }
        return j;
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
