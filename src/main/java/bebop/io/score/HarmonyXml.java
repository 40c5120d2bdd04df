package bebop.io.score;

import bebop.music.ChordDegree;
import bebop.music.ChordKind;
import bebop.music.ChordName;
import bebop.music.NoteName;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A chord symbol as MusicXML 4.0's {@code <harmony>} holds it, both ways.
 *
 * <p>Written: {@code <root>} (step and alteration), {@code <kind text="...">} with the suffix as the
 * user wrote it (so readers show "F13", "C7alt", "Bb-7" as typed), {@code <bass>} for a slash chord,
 * then one {@code <degree print-object="no">} per added, altered or subtracted degree (not printed
 * again: the kind's text already shows them). No chord is kind {@code none} under a hidden root.
 *
 * <p>Read: the root, kind, degrees and bass (or {@code <inversion>}: the bass is that chord tone). The
 * kind's text is kept when root, text and bass read back as the same chord; otherwise the symbol is
 * written from the kind and degrees ({@link ChordName#canonicalSuffix}). A harmony with a
 * {@code <numeral>} or {@code <function>} instead of a root is not a chord symbol: null.
 */
public final class HarmonyXml {
    private HarmonyXml() {}

    /** The {@code <harmony>} element's lines, indented by {@code indent} levels of two spaces. */
    public static String write(ChordName c, int offset, int indent) {
        StringBuilder sb = new StringBuilder();
        Lines out = new Lines(sb, indent);
        out.open("harmony");
        out.open("root");
        if (c.isNoChord()) {
            out.line("<root-step text=\"\">C</root-step>");
        } else {
            out.text("root-step", String.valueOf(c.root().step()));
            if (c.root().alter() != 0) {
                out.text("root-alter", String.valueOf(c.root().alter()));
            }
        }
        out.close("root");
        out.line("<kind text=\"" + MusicXmlWriter.escape(c.text()) + "\">" + c.kind().musicXml() + "</kind>");
        if (c.bass() != null) {
            out.open("bass");
            out.text("bass-step", String.valueOf(c.bass().step()));
            if (c.bass().alter() != 0) {
                out.text("bass-alter", String.valueOf(c.bass().alter()));
            }
            out.close("bass");
        }
        for (ChordDegree d : c.degrees()) {
            out.open("degree print-object=\"no\"");
            out.text("degree-value", String.valueOf(d.value()));
            out.text("degree-alter", String.valueOf(d.alter()));
            out.text("degree-type", d.type().musicXml());
            out.close("degree");
        }
        if (offset != 0) {
            out.text("offset", String.valueOf(offset));
        }
        out.close("harmony");
        return sb.toString();
    }

    /**
     * The chord of a {@code <harmony>} element, or null when it names none by root.
     *
     * @throws IllegalArgumentException for a kind, step or degree MusicXML does not define
     */
    public static ChordName read(Element harmony) {
        Element kindElement = child(harmony, "kind");
        if (kindElement == null) {
            throw new IllegalArgumentException("a <harmony> without <kind>");
        }
        ChordKind kind = ChordKind.ofMusicXml(kindElement.getTextContent().trim());
        if (kind == null) {
            throw new IllegalArgumentException("unknown <kind> '" + kindElement.getTextContent().trim() + "'");
        }
        String text = kindElement.hasAttribute("text") ? kindElement.getAttribute("text") : null;
        if (kind == ChordKind.NONE) {
            return ChordName.noChord(text == null || text.isBlank() ? "N.C." : text);
        }
        Element root = child(harmony, "root");
        if (root == null) {
            return null;
        }
        NoteName rootName = name(child(root, "root-step"), child(root, "root-alter"));
        List<ChordDegree> degrees = new ArrayList<>();
        for (Element d : children(harmony, "degree")) {
            ChordDegree.Type type = ChordDegree.Type.ofMusicXml(textOf(child(d, "degree-type")));
            if (type == null) {
                throw new IllegalArgumentException("unknown <degree-type> '" + textOf(child(d, "degree-type")) + "'");
            }
            degrees.add(new ChordDegree(Integer.parseInt(textOf(child(d, "degree-value"))),
                    alter(textOf(child(d, "degree-alter"))), type));
        }
        NoteName bass = null;
        Element b = child(harmony, "bass");
        if (b != null) {
            bass = name(child(b, "bass-step"), child(b, "bass-alter"));
        }
        ChordName chord = new ChordName(rootName, kind, degrees, bass, null);
        Element inversion = child(harmony, "inversion");
        if (bass == null && inversion != null) {
            int n = Integer.parseInt(textOf(inversion));
            List<ChordKind.Tone> tones = chord.tones();
            if (n > 0 && n < tones.size()) {
                int pc = Math.floorMod(rootName.pitchClass() + tones.get(n).semitones(), 12);
                chord = new ChordName(rootName, kind, degrees, spell(pc, rootName), null);
            }
        }
        ChordName canonical = chord.canonical();
        if (text != null) {
            String typed = rootName + text + (chord.bass() == null ? "" : "/" + chord.bass());
            try {
                ChordName asTyped = ChordName.parse(typed);
                if (asTyped.sameChord(chord)) {
                    return asTyped;
                }
            } catch (IllegalArgumentException e) {
                // the text is not a symbol bebop reads: the kind and degrees name the chord
            }
        }
        return canonical;
    }

    /** A pitch class spelled with the root's kind of accidental (flats for flat roots and F). */
    private static NoteName spell(int pc, NoteName root) {
        boolean flats = root.alter() < 0 || root.step() == 'F';
        String[] names = flats ? new String[] {"C", "Db", "D", "Eb", "E", "F", "Gb", "G", "Ab", "A", "Bb", "B"}
                : new String[] {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};
        String n = names[pc];
        return new NoteName(n.charAt(0), n.length() == 1 ? 0 : n.charAt(1) == '#' ? 1 : -1);
    }

    private static NoteName name(Element step, Element alter) {
        String s = textOf(step);
        if (s.length() != 1 || !NoteName.isStep(s.charAt(0))) {
            throw new IllegalArgumentException("'" + s + "' is not a step (A to G)");
        }
        return new NoteName(s.charAt(0), alter == null ? 0 : alter(textOf(alter)));
    }

    private static int alter(String s) {
        double v = Double.parseDouble(s.trim());
        if (v != Math.rint(v)) {
            throw new IllegalArgumentException("alteration " + s + " is not a whole number of semitones");
        }
        return (int) v;
    }

    private static String textOf(Element e) {
        if (e == null) {
            throw new IllegalArgumentException("a required element is missing");
        }
        return e.getTextContent().trim();
    }

    static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int k = 0; k < nodes.getLength(); k++) {
            if (nodes.item(k) instanceof Element e && e.getTagName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    /** Indented lines, as {@link MusicXmlWriter} writes them. */
    private static final class Lines {
        private final StringBuilder sb;
        private int depth;

        Lines(StringBuilder sb, int depth) {
            this.sb = sb;
            this.depth = depth;
        }

        void open(String tag) {
            line("<" + tag + ">");
            depth++;
        }

        void close(String tag) {
            depth--;
            line("</" + tag + ">");
        }

        void text(String tag, String value) {
            line("<" + tag + ">" + MusicXmlWriter.escape(value) + "</" + tag + ">");
        }

        void line(String s) {
            sb.append("  ".repeat(depth)).append(s).append('\n');
        }
    }
}
