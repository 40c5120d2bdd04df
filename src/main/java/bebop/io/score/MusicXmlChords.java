package bebop.io.score;

import bebop.UserError;
import bebop.music.ChordName;
import bebop.music.Note;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The chord symbols of a MusicXML lead sheet ({@code .musicxml}, {@code .xml}, or compressed
 * {@code .mxl}) as bebop's progression text: the first part's measures, each as many slots as it has
 * beats, a {@code <harmony>} on the beat it falls in (its position from the notes, backups and
 * forwards before it plus its {@code <offset>}, rounded down to the beat), "/" where the chord before
 * holds on. "| F13 / / / | Bb9 / Bo7 / |" reads back as the same bars ({@link bebop.music.Progression}).
 * A first measure without a chord is N.C. The melody ({@link #melody}) is the first part's first voice.
 *
 * <p>Refused, each with one line naming the file: a score-timewise file, no measures, no chord
 * symbols, a time signature that is not n/4 or that changes, a pickup measure (implicit or shorter than
 * its meter: bebop's progressions are whole bars), a harmony bebop cannot read.
 */
public final class MusicXmlChords {
    private MusicXmlChords() {}

    /** True for the file names this reader takes. */
    public static boolean handles(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".musicxml") || n.endsWith(".xml") || n.endsWith(".mxl");
    }

    public static String read(Path file) {
        try {
            return progression(document(file));
        } catch (IllegalArgumentException e) {
            throw new UserError(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The melody of a MusicXML lead sheet: the notes of its first part's first voice (a chord's top
     * note; tied notes joined; grace notes and other voices left out), at {@link #TICKS_PER_QUARTER}
     * ticks a quarter from the start of the first measure; empty when it has none.
     */
    public static List<Note> melody(Path file) {
        try {
            return melody(document(file));
        } catch (IllegalArgumentException e) {
            throw new UserError(file + ": its melody: " + e.getMessage(), e);
        }
    }

    /** Ticks of a quarter note in the melody read: Impro-Visor's, so either sheet's melody primes alike. */
    public static final int TICKS_PER_QUARTER = ImproVisor.TICKS_PER_QUARTER;

    private static Document document(Path file) {
        byte[] bytes = SheetFile.bytes(file);
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".mxl")) {
            bytes = unzip(bytes);
        }
        return parse(bytes);
    }

    static List<Note> melody(Document doc) {
        Element part = HarmonyXml.child(doc.getDocumentElement(), "part");
        List<Note> out = new ArrayList<>();
        if (part == null) {
            return out;
        }
        long divisions = 1;
        long pos = 0; // ticks since the first measure
        long lastStart = 0;
        boolean tiedOn = false;
        for (Element measure : HarmonyXml.children(part, "measure")) {
            long start = pos;
            long end = pos;
            for (Node node = measure.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (!(node instanceof Element e)) {
                    continue;
                }
                switch (e.getTagName()) {
                    case "attributes" -> {
                        Element d = HarmonyXml.child(e, "divisions");
                        if (d != null) {
                            divisions = Long.parseLong(d.getTextContent().trim());
                        }
                    }
                    case "note" -> {
                        if (HarmonyXml.child(e, "grace") != null) {
                            continue;
                        }
                        Element d = HarmonyXml.child(e, "duration");
                        long len = d == null ? 0 : ticks(Long.parseLong(d.getTextContent().trim()), divisions);
                        boolean chord = HarmonyXml.child(e, "chord") != null;
                        Element voice = HarmonyXml.child(e, "voice");
                        Element pitch = HarmonyXml.child(e, "pitch");
                        if ((voice == null || voice.getTextContent().trim().equals("1")) && pitch != null) {
                            int midi = midi(pitch);
                            Note last = out.isEmpty() ? null : out.get(out.size() - 1);
                            if (chord) {
                                if (last != null && last.start() == lastStart && midi > last.pitch()) {
                                    out.set(out.size() - 1, new Note(midi, last.start(), last.duration()));
                                }
                            } else {
                                if (tiedOn && last != null && last.pitch() == midi && last.end() == pos) {
                                    out.set(out.size() - 1, new Note(midi, last.start(), last.duration() + len));
                                } else if (len > 0) {
                                    out.add(new Note(midi, pos, len));
                                }
                                tiedOn = tied(e);
                            }
                        }
                        if (!chord) {
                            lastStart = pos;
                            pos += len;
                        }
                    }
                    case "backup" -> pos -= ticks(Long.parseLong(text(e, "duration")), divisions);
                    case "forward" -> pos += ticks(Long.parseLong(text(e, "duration")), divisions);
                    default -> { }
                }
                end = Math.max(end, pos);
            }
            pos = Math.max(start, end);
        }
        return out;
    }

    private static long ticks(long duration, long divisions) {
        if (divisions < 1) {
            throw new IllegalArgumentException("<divisions>" + divisions + "</divisions> must be at least 1");
        }
        return Math.round((double) duration * TICKS_PER_QUARTER / divisions);
    }

    /** True when a note's sound goes on into the next note (a {@code <tie type="start"/>}). */
    private static boolean tied(Element note) {
        for (Element t : HarmonyXml.children(note, "tie")) {
            if (t.getAttribute("type").equals("start")) {
                return true;
            }
        }
        return false;
    }

    /** The MIDI number of a {@code <pitch>}: step, alter, octave (octave 4 holds middle C, 60). */
    private static int midi(Element pitch) {
        int step = switch (text(pitch, "step")) {
            case "C" -> 0;
            case "D" -> 2;
            case "E" -> 4;
            case "F" -> 5;
            case "G" -> 7;
            case "A" -> 9;
            case "B" -> 11;
            default -> throw new IllegalArgumentException("<step>" + text(pitch, "step") + "</step> is not a note name A-G");
        };
        Element alter = HarmonyXml.child(pitch, "alter");
        int a = alter == null ? 0 : (int) Math.round(Double.parseDouble(alter.getTextContent().trim()));
        int midi = 12 * (Integer.parseInt(text(pitch, "octave")) + 1) + step + a;
        if (midi < 0 || midi > 127) {
            throw new IllegalArgumentException("a note outside the MIDI range (" + midi + ")");
        }
        return midi;
    }

    /**
     * The key of a MusicXML lead sheet: its first {@code <key>}'s tonic ("Eb", or "C" with "m" after it
     * for a minor mode: "Cm"), or null when it writes none.
     */
    public static String key(Path file) {
        try {
            var keys = document(file).getElementsByTagName("key");
            if (keys.getLength() == 0) {
                return null;
            }
            Element k = (Element) keys.item(0);
            Element fifths = HarmonyXml.child(k, "fifths");
            if (fifths == null) {
                return null;
            }
            Element mode = HarmonyXml.child(k, "mode");
            boolean minor = mode != null && mode.getTextContent().trim().equals("minor");
            int f = Integer.parseInt(fifths.getTextContent().trim());
            return bebop.music.Pitch.className(Math.floorMod(7 * f + (minor ? 9 : 0), 12)) + (minor ? "m" : "");
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The score file inside a compressed MusicXML file: the container's root file, else the first .musicxml/.xml. */
    private static byte[] unzip(byte[] mxl) {
        List<String> names = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(mxl))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                names.add(e.getName());
                contents.add(zip.readAllBytes());
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not a compressed MusicXML file (" + e.getMessage() + ")", e);
        }
        int container = names.indexOf("META-INF/container.xml");
        if (container >= 0) {
            Element root = parse(contents.get(container)).getDocumentElement();
            var files = root.getElementsByTagName("rootfile");
            if (files.getLength() > 0) {
                int k = names.indexOf(((Element) files.item(0)).getAttribute("full-path"));
                if (k >= 0) {
                    return contents.get(k);
                }
            }
        }
        for (int k = 0; k < names.size(); k++) {
            if (!names.get(k).startsWith("META-INF/") && (names.get(k).endsWith(".xml") || names.get(k).endsWith(".musicxml"))) {
                return contents.get(k);
            }
        }
        throw new IllegalArgumentException("a compressed MusicXML file without a score in it");
    }

    private static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            try (InputStream in = new ByteArrayInputStream(xml)) {
                return b.parse(in);
            }
        } catch (Exception e) {
            throw new IllegalArgumentException("not an XML file (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
    }

    /** The progression text of a score-partwise document. */
    static String progression(Document doc) {
        Element score = doc.getDocumentElement();
        if (!score.getTagName().equals("score-partwise")) {
            throw new IllegalArgumentException("<" + score.getTagName() + "> is not a MusicXML score-partwise"
                    + " document (bebop reads partwise MusicXML; MuseScore, Finale, Sibelius and Dorico write it)");
        }
        Element part = HarmonyXml.child(score, "part");
        if (part == null || HarmonyXml.children(part, "measure").isEmpty()) {
            throw new IllegalArgumentException("no measures");
        }
        int divisions = 1;
        int beats = -1;
        List<String> bars = new ArrayList<>();
        String meter = null;
        boolean anyChord = false;
        boolean first = true;
        for (Element measure : HarmonyXml.children(part, "measure")) {
            long pos = 0;
            long length = 0;
            List<long[]> at = new ArrayList<>();
            List<ChordName> chords = new ArrayList<>();
            for (Node n = measure.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (!(n instanceof Element e)) {
                    continue;
                }
                switch (e.getTagName()) {
                    case "attributes" -> {
                        Element d = HarmonyXml.child(e, "divisions");
                        if (d != null) {
                            divisions = Integer.parseInt(d.getTextContent().trim());
                        }
                        Element time = HarmonyXml.child(e, "time");
                        if (time != null) {
                            String m = text(time, "beats") + "/" + text(time, "beat-type");
                            if (meter != null && !meter.equals(m)) {
                                throw new IllegalArgumentException("measure " + measure.getAttribute("number")
                                        + " changes the meter from " + meter + " to " + m + "; a progression keeps one meter");
                            }
                            if (!text(time, "beat-type").equals("4")) {
                                throw new IllegalArgumentException("the meter " + m + ": bebop reads bars of quarter-note"
                                        + " beats (2/4, 3/4, 4/4, ...)");
                            }
                            meter = m;
                            beats = Integer.parseInt(text(time, "beats"));
                        }
                    }
                    case "harmony" -> {
                        ChordName c = HarmonyXml.read(e);
                        if (c != null) {
                            Element offset = HarmonyXml.child(e, "offset");
                            long o = offset == null ? 0 : Math.round(Double.parseDouble(offset.getTextContent().trim()));
                            at.add(new long[] {Math.max(0, pos + o)});
                            chords.add(c);
                        }
                    }
                    case "note" -> {
                        if (HarmonyXml.child(e, "chord") == null && HarmonyXml.child(e, "grace") == null) {
                            Element d = HarmonyXml.child(e, "duration");
                            pos += d == null ? 0 : Long.parseLong(d.getTextContent().trim());
                        }
                    }
                    case "backup" -> pos -= Long.parseLong(text(e, "duration"));
                    case "forward" -> pos += Long.parseLong(text(e, "duration"));
                    default -> { }
                }
                length = Math.max(length, pos);
            }
            if (beats < 1) {
                throw new IllegalArgumentException("measure " + measure.getAttribute("number") + " comes before any time signature");
            }
            if (first && ("yes".equals(measure.getAttribute("implicit")) || length > 0 && length < (long) beats * divisions)) {
                throw new IllegalArgumentException("the first measure is a pickup (" + length + " of "
                        + (long) beats * divisions + " divisions); bebop's progressions are whole bars: "
                        + "remove the pickup or give it a whole bar");
            }
            String[] slots = new String[beats];
            java.util.Arrays.fill(slots, "/");
            for (int k = 0; k < chords.size(); k++) {
                int beat = (int) Math.min(beats - 1, at.get(k)[0] / divisions);
                slots[beat] = chords.get(k).symbol();
                anyChord = true;
            }
            if (first && slots[0].equals("/")) {
                slots[0] = "N.C.";
            }
            bars.add(String.join(" ", slots));
            first = false;
        }
        if (!anyChord) {
            throw new IllegalArgumentException("no chord symbols (<harmony>) in the first part");
        }
        StringBuilder sb = new StringBuilder(meter == null || meter.equals("4/4") ? "" : meter + " ").append('|');
        for (String b : bars) {
            sb.append(' ').append(b).append(" |");
        }
        return sb.toString();
    }

    private static String text(Element parent, String child) {
        Element c = HarmonyXml.child(parent, child);
        if (c == null) {
            throw new IllegalArgumentException("<" + parent.getTagName() + "> without <" + child + ">");
        }
        return c.getTextContent().trim();
    }

    /** For tests: the progression text of MusicXML text. */
    static String fromText(String xml) {
        return progression(parse(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
