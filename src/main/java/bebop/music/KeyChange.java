package bebop.music;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moving a chord chart from one key to another: keys as musicians write them ("F", "Bb", "F#", "Ebm",
 * "Eb-", "C minor"), the smallest move between two tonics (up to a tritone up, else down), and every
 * symbol of a chart moved by it, root and bass, the suffix kept as written and the new roots spelled
 * for the new key (flats in F, Bb, Eb ... and Dm, Gm, Cm ...; sharps in G, D, A ... and Em, Bm ...;
 * flats in C and Am, as bebop spells its blues).
 */
public final class KeyChange {
    private static final Pattern KEY = Pattern.compile("([A-Ga-g])([#b♯♭]?)\\s*(m|-|min|minor|maj|major|M)?");
    private static final Pattern TOKEN = Pattern.compile("[^\\s|]+");
    private static final String[] FLATS = {"C", "Db", "D", "Eb", "E", "F", "Gb", "G", "Ab", "A", "Bb", "B"};
    private static final String[] SHARPS = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};

    private KeyChange() {}

    /** A key read: its tonic's pitch class and whether it is minor. */
    public record Key(int tonic, boolean minor) {
        /** "F", "Bbm", spelled as the key spells itself. */
        public String name() {
            return spell(tonic, flats()) + (minor ? "m" : "");
        }

        /** Whether the key's signature has flats (C major and A minor count as flat keys here). */
        public boolean flats() {
            int major = minor ? Math.floorMod(tonic + 3, 12) : tonic;
            // major keys with flats: F Bb Eb Ab Db Gb; with sharps: G D A E B (F# spelled as sharps)
            return switch (major) {
                case 7, 2, 9, 4, 11, 6 -> false;
                default -> true;
            };
        }
    }

    /**
     * Reads a key: a note name and, for minor, "m", "-", "min" or "minor" ("major", "maj" or "M" may follow a major one).
     *
     * @throws IllegalArgumentException naming what cannot be read
     */
    public static Key parse(String text) {
        Matcher m = KEY.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a key (write a note and m for minor: F, Bb, F#, Ebm, C minor)");
        }
        String acc = m.group(2).replace('♯', '#').replace('♭', 'b');
        int pc = Pitch.parseClass(m.group(1).toUpperCase(Locale.ROOT) + acc);
        String mode = m.group(3);
        boolean minor = mode != null && (mode.equals("m") || mode.equals("-") || mode.startsWith("min"));
        return new Key(pc, minor);
    }

    /** The smallest move from one tonic to another: -5 .. +6 semitones. */
    public static int shift(Key from, Key to) {
        int d = Math.floorMod(to.tonic() - from.tonic(), 12);
        return d > 6 ? d - 12 : d;
    }

    /** A pitch class spelled with flats or sharps. */
    public static String spell(int pitchClass, boolean flats) {
        return (flats ? FLATS : SHARPS)[Math.floorMod(pitchClass, 12)];
    }

    /** A chord moved by {@code shift} semitones, its roots spelled with flats or sharps, its suffix as written. */
    public static ChordName transpose(ChordName chord, int shift, boolean flats) {
        if (chord.isNoChord()) {
            return chord;
        }
        NoteName root = noteName(chord.root().pitchClass() + shift, flats);
        NoteName bass = chord.bass() == null ? null : noteName(chord.bass().pitchClass() + shift, flats);
        return new ChordName(root, chord.kind(), chord.degrees(), bass, chord.text());
    }

    private static NoteName noteName(int pc, boolean flats) {
        String s = spell(pc, flats);
        return new NoteName(s.charAt(0), s.length() == 1 ? 0 : s.charAt(1) == '#' ? 1 : -1);
    }

    /**
     * A chart (the text of {@link Progression#parse}) with every symbol moved; bar lines, '/', '%' and the
     * meter stay.
     *
     * @throws IllegalArgumentException naming a symbol that cannot be read
     */
    public static String chart(String chart, int shift, boolean flats) {
        Matcher m = TOKEN.matcher(chart);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String t = m.group();
            String out = t.equals("/") || t.equals("%") || t.matches("\\d+/\\d+") ? t
                    : transpose(ChordName.parse(t), shift, flats).symbol();
            m.appendReplacement(sb, Matcher.quoteReplacement(out));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
