package bebop.io.score;

import bebop.io.AtomicFiles;
import bebop.music.ChordKind;
import bebop.music.ChordName;
import bebop.music.NoteName;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link Notation} as a LilyPond 2.24 file: a {@code \header} with the title, a
 * {@code ChordNames} line over the melody staff (chordmode, one bar per line: "c1 | f1:7 | g2:m7 c2 |",
 * spacers where a chord holds on), the melody in absolute pitches (c' = middle C) one bar per line with
 * bar checks, ties and whole-bar rests, and the chord staff below when the notation has one. The tempo
 * mark is rounded to a whole number of beats per minute (LilyPond's metronome marks are integers).
 * No date or version of bebop: the same notation always gives the same bytes.
 */
public final class LilyPondWriter {
    /** The LilyPond syntax version written at the top of every file. */
    public static final String VERSION = "2.24.0";

    private LilyPondWriter() {}

    public static void write(Notation notation, Path file) {
        AtomicFiles.write(file, toBytes(notation));
    }

    public static byte[] toBytes(Notation notation) {
        return toString(notation).getBytes(StandardCharsets.UTF_8);
    }

    public static String toString(Notation n) {
        StringBuilder sb = new StringBuilder();
        sb.append("\\version \"").append(VERSION).append("\"\n\n");
        sb.append("\\header {\n");
        if (!n.title().isEmpty()) {
            sb.append("  title = ").append(string(n.title())).append('\n');
        }
        sb.append("  tagline = ##f\n");
        sb.append("}\n\n");
        String time = "\\time " + n.timeSignature().numerator() + "/" + n.timeSignature().denominator();

        sb.append("harmonies = \\chordmode {\n");
        sb.append("  ").append(time).append('\n');
        for (int bar = 0; bar < n.bars(); bar++) {
            sb.append("  ").append(chordBar(n, bar)).append(" |  % ").append(bar + 1).append('\n');
        }
        sb.append("}\n\n");

        for (int i = 0; i < n.staves().size(); i++) {
            Notation.Staff staff = n.staves().get(i);
            sb.append(variable(i)).append(" = {\n");
            sb.append("  \\clef ").append(staff.clef().lilyPond).append('\n');
            sb.append("  \\key c \\major\n");
            sb.append("  ").append(time).append('\n');
            if (i == 0) {
                sb.append("  \\tempo 4 = ").append(Math.max(1, Math.round(n.tempoBpm()))).append('\n');
            }
            for (int bar = 0; bar < n.bars(); bar++) {
                sb.append("  ").append(bar(staff.measures().get(bar), n)).append(" |  % ").append(bar + 1).append('\n');
            }
            sb.append("  \\bar \"|.\"\n");
            sb.append("}\n\n");
        }

        sb.append("\\score {\n");
        sb.append("  <<\n");
        sb.append("    \\new ChordNames \\harmonies\n");
        for (int i = 0; i < n.staves().size(); i++) {
            sb.append("    \\new Staff \\with { instrumentName = ").append(string(n.staves().get(i).name()))
                    .append(" } \\").append(variable(i)).append('\n');
        }
        sb.append("  >>\n");
        sb.append("  \\layout { }\n");
        sb.append("}\n");
        return sb.toString();
    }

    private static String variable(int staff) {
        return staff == 0 ? "melody" : "chordStaff";
    }

    /** One bar of chord names: each chord at its position, spacers before the first and where one holds. */
    private static String chordBar(Notation n, int bar) {
        List<Notation.Harmony> hs = n.harmoniesIn(bar);
        long barStart = (long) bar * n.unitsPerBar();
        StringBuilder sb = new StringBuilder();
        int pos = 0;
        for (int i = 0; i <= hs.size(); i++) {
            int next = i < hs.size() ? (int) (hs.get(i).position() - barStart) : n.unitsPerBar();
            if (next > pos) {
                // before this bar's first chord: the previous chord holds on (or nothing sounds yet)
                spacers(sb, pos, next - pos, null, n.unitsPerBar());
            }
            if (i < hs.size()) {
                int end = i + 1 < hs.size() ? (int) (hs.get(i + 1).position() - barStart) : n.unitsPerBar();
                spacers(sb, next, end - next, hs.get(i).chord(), n.unitsPerBar());
                pos = end;
            }
        }
        return sb.toString();
    }

    /** The chord (or a spacer when null) on its first value, spacers on the rest of the span. */
    private static void spacers(StringBuilder sb, int position, int units, ChordName chord, int barUnits) {
        boolean first = true;
        for (NoteValue v : NoteValue.split(position, units, barUnits)) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(first && chord != null ? chord(chord, v.lilyPond()) : "s" + v.lilyPond());
            first = false;
        }
    }

    /** The chordmode modifiers LilyPond names as bebop writes these kinds ("g:m7" prints Gm7). */
    private static final Map<ChordKind, String> PLAIN = new EnumMap<>(Map.ofEntries(
            Map.entry(ChordKind.MAJOR, ""), Map.entry(ChordKind.MINOR, ":m"), Map.entry(ChordKind.DOMINANT, ":7"),
            Map.entry(ChordKind.MINOR_SEVENTH, ":m7"), Map.entry(ChordKind.MAJOR_SEVENTH, ":maj7"),
            Map.entry(ChordKind.HALF_DIMINISHED, ":m7.5-"), Map.entry(ChordKind.DIMINISHED, ":dim"),
            Map.entry(ChordKind.DIMINISHED_SEVENTH, ":dim7"), Map.entry(ChordKind.AUGMENTED, ":aug"),
            Map.entry(ChordKind.MAJOR_SIXTH, ":6"), Map.entry(ChordKind.MINOR_SIXTH, ":m6"),
            Map.entry(ChordKind.DOMINANT_NINTH, ":9"), Map.entry(ChordKind.MINOR_NINTH, ":m9"),
            Map.entry(ChordKind.MAJOR_NINTH, ":maj9"), Map.entry(ChordKind.SUSPENDED_FOURTH, ":sus4"),
            Map.entry(ChordKind.SUSPENDED_SECOND, ":sus2")));

    /**
     * One chord in chordmode with its duration. A chord of one of the kinds above, written with the
     * kind's own suffix and no degrees, is entered so that LilyPond names it ("f4:7", "g2:m7", "c2/e");
     * any other symbol (F13, C7alt, Bb-7, Gm7/C) is printed as written: its root (with the plain
     * kind's modifier when there is one) under {@code \once \override ChordName.text = \markup "..."}.
     * No chord is a rest.
     */
    static String chord(ChordName c, String duration) {
        if (c.isNoChord()) {
            return "r" + duration;
        }
        String plain = PLAIN.get(c.kind());
        String root = lilyRoot(c.root());
        if (plain != null && c.degrees().isEmpty() && c.text().equals(c.kind().suffix())) {
            return root + duration + plain + (c.bass() == null ? "" : "/" + lilyRoot(c.bass()));
        }
        return "\\once \\override ChordName.text = \\markup " + string(c.symbol()) + " " + root + duration
                + (plain == null ? "" : plain);
    }

    private static String lilyRoot(NoteName n) {
        String accidental = n.alter() > 0 ? "is".repeat(n.alter()) : "es".repeat(-n.alter());
        return Character.toString(n.step()).toLowerCase(Locale.ROOT) + accidental;
    }

    private static String bar(List<Notation.Event> events, Notation n) {
        StringBuilder sb = new StringBuilder();
        for (Notation.Event e : events) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            if (e.measureRest()) {
                sb.append("R1");
                int num = n.timeSignature().numerator();
                int den = n.timeSignature().denominator();
                if (num != den) {
                    sb.append('*').append(num).append('/').append(den);
                }
                continue;
            }
            if (e.isRest()) {
                sb.append('r').append(e.value().lilyPond());
                continue;
            }
            // a tie after the chord ties all its notes; a tie inside it, only that note (a piano score's held note)
            boolean all = e.tiedOn().size() == e.pitches().size();
            if (e.pitches().size() == 1) {
                sb.append(Spelling.of(e.pitches().get(0)).lilyPond());
            } else {
                sb.append('<');
                for (int i = 0; i < e.pitches().size(); i++) {
                    int pitch = e.pitches().get(i);
                    sb.append(i == 0 ? "" : " ").append(Spelling.of(pitch).lilyPond())
                            .append(!all && e.tiedOn().contains(pitch) ? "~" : "");
                }
                sb.append('>');
            }
            sb.append(e.value().lilyPond());
            if (all) {
                sb.append('~');
            }
        }
        return sb.toString();
    }

    /** A LilyPond string literal. */
    static String string(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c < 0x20 ? ' ' : c);
        }
        return out.append('"').toString();
    }
}
