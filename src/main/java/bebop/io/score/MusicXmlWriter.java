package bebop.io.score;

import bebop.io.AtomicFiles;
import bebop.music.ChordName;
import bebop.music.Note;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link Notation} as a MusicXML 4.0 score-partwise file: one part per staff (the melody, then
 * the chords in bass clef when asked for), chord symbols as {@code <harmony>} over the first part,
 * title, part names, instruments, key (C, no sharps or flats), time, clef, tempo (metronome mark and
 * {@code <sound tempo>}), notes with ties, accidentals and rests, a final bar line. No DOCTYPE (so no
 * reader fetches the DTD) and no date: the same notation always gives the same bytes.
 */
public final class MusicXmlWriter {
    private final StringBuilder sb = new StringBuilder();
    private int depth;

    private MusicXmlWriter() {}

    public static void write(Notation notation, Path file) {
        AtomicFiles.write(file, toBytes(notation));
    }

    public static byte[] toBytes(Notation notation) {
        return toString(notation).getBytes(StandardCharsets.UTF_8);
    }

    public static String toString(Notation notation) {
        MusicXmlWriter w = new MusicXmlWriter();
        w.score(notation);
        return w.sb.toString();
    }

    private void score(Notation n) {
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        open("score-partwise version=\"4.0\"");
        if (!n.title().isEmpty()) {
            open("work");
            text("work-title", n.title());
            close("work");
        }
        open("identification");
        open("encoding");
        text("software", "bebop");
        close("encoding");
        close("identification");
        open("part-list");
        for (int i = 0; i < n.staves().size(); i++) {
            Notation.Staff s = n.staves().get(i);
            String id = "P" + (i + 1);
            open("score-part id=\"" + id + "\"");
            text("part-name", s.name());
            open("score-instrument id=\"" + id + "-I1\"");
            text("instrument-name", s.name());
            close("score-instrument");
            open("midi-instrument id=\"" + id + "-I1\"");
            text("midi-channel", String.valueOf(s.channel() + 1));
            text("midi-program", String.valueOf(s.program() + 1));
            close("midi-instrument");
            close("score-part");
        }
        close("part-list");
        for (int i = 0; i < n.staves().size(); i++) {
            part(n, i);
        }
        close("score-partwise");
    }

    private void part(Notation n, int index) {
        Notation.Staff staff = n.staves().get(index);
        open("part id=\"P" + (index + 1) + "\"");
        for (int bar = 0; bar < n.bars(); bar++) {
            open("measure number=\"" + (bar + 1) + "\"");
            if (bar == 0) {
                open("attributes");
                text("divisions", String.valueOf(Notation.UNITS_PER_QUARTER));
                open("key");
                text("fifths", "0");
                close("key");
                open("time");
                text("beats", String.valueOf(n.timeSignature().numerator()));
                text("beat-type", String.valueOf(n.timeSignature().denominator()));
                close("time");
                open("clef");
                text("sign", String.valueOf(staff.clef().sign));
                text("line", String.valueOf(staff.clef().line));
                close("clef");
                close("attributes");
                if (index == 0) {
                    tempo(n.tempoBpm());
                }
            }
            List<Notation.Harmony> harmonies = index == 0 ? n.harmoniesIn(bar) : List.of();
            long barStart = (long) bar * n.unitsPerBar();
            Map<String, Integer> accidentals = new HashMap<>();
            for (Notation.Event e : staff.measures().get(bar)) {
                for (Notation.Harmony h : harmonies) {
                    long at = h.position() - barStart;
                    if (at >= e.position() && at < e.position() + e.units()) {
                        harmony(h.chord(), (int) (at - e.position()));
                    }
                }
                event(e, accidentals);
            }
            if (bar == n.bars() - 1) {
                open("barline location=\"right\"");
                text("bar-style", "light-heavy");
                close("barline");
            }
            close("measure");
        }
        close("part");
    }

    private void tempo(double bpm) {
        String value = number(bpm);
        open("direction placement=\"above\"");
        open("direction-type");
        open("metronome");
        text("beat-unit", "quarter");
        text("per-minute", value);
        close("metronome");
        close("direction-type");
        line("<sound tempo=\"" + value + "\"/>");
        close("direction");
    }

    private void harmony(ChordName c, int offset) {
        sb.append(HarmonyXml.write(c, offset, depth));
    }

    private void event(Notation.Event e, Map<String, Integer> accidentals) {
        if (e.isRest()) {
            open("note");
            line(e.measureRest() ? "<rest measure=\"yes\"/>" : "<rest/>");
            text("duration", String.valueOf(e.units()));
            text("voice", "1");
            if (!e.measureRest()) {
                valueType(e.value());
            }
            close("note");
            return;
        }
        boolean chord = false;
        for (int pitch : e.pitches()) {
            Spelling sp = Spelling.of(pitch);
            open("note");
            if (chord) {
                line("<chord/>");
            }
            open("pitch");
            text("step", String.valueOf(sp.step()));
            if (sp.alter() != 0) {
                text("alter", String.valueOf(sp.alter()));
            }
            text("octave", String.valueOf(sp.octave()));
            close("pitch");
            text("duration", String.valueOf(e.units()));
            boolean tieStop = e.tiedFrom().contains(pitch);
            boolean tieStart = e.tiedOn().contains(pitch);
            if (tieStop) {
                line("<tie type=\"stop\"/>");
            }
            if (tieStart) {
                line("<tie type=\"start\"/>");
            }
            text("voice", "1");
            valueType(e.value());
            // An accidental where this letter and octave last sounded differently in the bar (C major).
            String key = sp.step() + "" + sp.octave();
            int current = accidentals.getOrDefault(key, 0);
            if (sp.alter() != current && !tieStop) {
                text("accidental", sp.alter() > 0 ? "sharp" : sp.alter() < 0 ? "flat" : "natural");
            }
            accidentals.put(key, sp.alter());
            if (tieStart || tieStop) {
                open("notations");
                if (tieStop) {
                    line("<tied type=\"stop\"/>");
                }
                if (tieStart) {
                    line("<tied type=\"start\"/>");
                }
                close("notations");
            }
            close("note");
            chord = true;
        }
    }

    private void valueType(NoteValue v) {
        text("type", v.musicXmlType());
        for (int i = 0; i < v.dots(); i++) {
            line("<dot/>");
        }
    }

    /** 120 for 120.0, 97.5 for 97.5: the shortest plain decimal. */
    static String number(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private void open(String tagWithAttributes) {
        line("<" + tagWithAttributes + ">");
        depth++;
    }

    private void close(String tag) {
        depth--;
        line("</" + tag + ">");
    }

    private void text(String tag, String value) {
        line("<" + tag + ">" + escape(value) + "</" + tag + ">");
    }

    private void line(String s) {
        sb.append("  ".repeat(depth)).append(s).append('\n');
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
