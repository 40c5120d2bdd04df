package bebop.music;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A chord symbol as lead sheets write it ("F13", "Bbm7b5", "D7b9", "C7alt", "F7/C", "N.C."), read
 * into what MusicXML's {@code <harmony>} holds: the root, the {@link ChordKind}, the degrees added,
 * altered or taken away, and the bass of a slash chord. {@code text} is the suffix as it was written
 * (between the root and the slash), so a symbol comes back as the user typed it; {@link #canonical()}
 * writes the same chord from its parts alone.
 *
 * <p>What {@link #parse} reads (the full list, with the chord tones, is in the README):
 * <ul>
 *   <li>root A..G with #, b, ♯ or ♭ (two at most); "N.C.", "NC", "N.C" for no chord;
 *   <li>qualities: none (major), m mi min - (minor), maj M ma Δ ^ (major seventh with 7, 9, 11, 13 or
 *       alone for Δ and ^; "maj" and "M" alone are the major triad), dim o ° (dim7, o7), aug + (aug7,
 *       +7, 7+, augmaj7, +maj7), ø Ø h and m7b5 -7b5 min7b5 m7(b5) (half-diminished; ø9, ø11), mMaj7
 *       mM7 m(maj7) -Δ7 m^7 (minor-major, with 9, 11, 13), 6, m6, 6/9 69 m6/9, 7, 9, 11, 13 and their
 *       minor and major forms, 5 (power), sus sus4 sus2 after any dominant or major chord (7sus4,
 *       9sus4, 13sus4, maj7sus4), alt (the altered dominant: b5 b9 #9 b13), ped / pedal, and the
 *       functional sixths N6, It+6, Fr+6, Ger+6 and Tristan;
 *   <li>alterations b5 #5 b9 #9 #11 b13 (also -5 +5 -9 +9 +11 -13, and written in parentheses, with
 *       commas: C7(b9,#11)), additions add2 add4 add6 add9 add11 add13 (with b or #), omissions
 *       omit3 omit5 no3 no5;
 *   <li>a slash and the bass note: F7/C, C/E, Bb/C.
 * </ul>
 */
public record ChordName(NoteName root, ChordKind kind, List<ChordDegree> degrees, NoteName bass, String text) {
    public ChordName {
        Objects.requireNonNull(kind, "kind");
        degrees = List.copyOf(degrees);
        if ((root == null) != (kind == ChordKind.NONE)) {
            throw new IllegalArgumentException(kind == ChordKind.NONE ? "no chord has no root" : "a chord needs a root");
        }
        text = text == null ? kind.suffix() : text;
    }

    /** No chord, written as {@code text} ("N.C." when null). */
    public static ChordName noChord(String text) {
        return new ChordName(null, ChordKind.NONE, List.of(), null, text == null ? "N.C." : text);
    }

    /**
     * The chord of a symbol.
     *
     * @throws IllegalArgumentException one line naming the symbol, what cannot be read and where:
     *     "'C7#' is not a chord symbol: '#' at character 3 needs a degree after it (b5, #5, b9, #9, #11, b13)"
     */
    public static ChordName parse(String symbol) {
        return new ChordSymbolParser(symbol == null ? "" : symbol.trim()).parse();
    }

    public boolean isNoChord() {
        return kind == ChordKind.NONE;
    }

    /** The symbol as written: root, the suffix as written, "/bass"; the text alone for no chord. */
    public String symbol() {
        if (isNoChord()) {
            return text;
        }
        return root + text + (bass == null ? "" : "/" + bass);
    }

    /** The same chord with the suffix written from its kind and degrees ({@link #canonicalSuffix()}). */
    public ChordName canonical() {
        return new ChordName(root, kind, degrees, bass, isNoChord() ? "N.C." : canonicalSuffix());
    }

    /** True when both name the same root, kind, degrees and bass, however they were written. */
    public boolean sameChord(ChordName other) {
        return Objects.equals(root, other.root) && kind == other.kind && degrees.equals(other.degrees)
                && Objects.equals(bass, other.bass);
    }

    /**
     * What a musician calls the chord's quality, the family it belongs to whatever its extensions:
     * major (triad, 6, maj7, maj9 ...), minor (m, m6, m7, m9, mMaj7 ...), dominant (7, 9, 13, alt,
     * aug7, and a suspended chord with a minor seventh), half-diminished, diminished (triad and
     * seventh), augmented, suspended (sus2, sus4 without a seventh), other (power, pedal, the
     * functional sixths, Tristan) and none (N.C.).
     */
    public enum Quality { MAJOR, MINOR, DOMINANT, HALF_DIMINISHED, DIMINISHED, AUGMENTED, SUSPENDED, OTHER, NONE }

    /** The chord's {@link Quality}. */
    public Quality quality() {
        return switch (kind) {
            case MAJOR, MAJOR_SEVENTH, MAJOR_SIXTH, MAJOR_NINTH, MAJOR_11TH, MAJOR_13TH -> Quality.MAJOR;
            case MINOR, MINOR_SEVENTH, MINOR_SIXTH, MINOR_NINTH, MINOR_11TH, MINOR_13TH, MAJOR_MINOR -> Quality.MINOR;
            case DOMINANT, DOMINANT_NINTH, DOMINANT_11TH, DOMINANT_13TH, AUGMENTED_SEVENTH -> Quality.DOMINANT;
            case HALF_DIMINISHED -> Quality.HALF_DIMINISHED;
            case DIMINISHED, DIMINISHED_SEVENTH -> Quality.DIMINISHED;
            case AUGMENTED -> Quality.AUGMENTED;
            case SUSPENDED_FOURTH, SUSPENDED_SECOND -> tones().stream().anyMatch(t -> t.degree() == 7 && t.alter() == -1)
                    ? Quality.DOMINANT : Quality.SUSPENDED;
            case NONE -> Quality.NONE;
            default -> Quality.OTHER;
        };
    }

    /** The chord's tones: the kind's, with the degrees applied, in the kind's order then the added ones. */
    public List<ChordKind.Tone> tones() {
        List<ChordKind.Tone> tones = new ArrayList<>(kind.tones());
        for (ChordDegree d : degrees) {
            switch (d.type()) {
                case ADD -> tones.add(new ChordKind.Tone(d.value(), d.addedAlterFromMajor()));
                case ALTER, SUBTRACT -> {
                    int i = indexOfSlot(tones, d.value());
                    if (i >= 0) {
                        ChordKind.Tone t = tones.get(i);
                        if (d.type() == ChordDegree.Type.SUBTRACT) {
                            tones.remove(i);
                        } else {
                            tones.set(i, new ChordKind.Tone(t.degree(), t.alter() + d.alter()));
                        }
                    }
                }
            }
        }
        return tones;
    }

    private static int indexOfSlot(List<ChordKind.Tone> tones, int degree) {
        for (int i = 0; i < tones.size(); i++) {
            if (tones.get(i).degree() == degree) {
                return i;
            }
        }
        for (int i = 0; i < tones.size(); i++) {
            if (ChordKind.slot(tones.get(i).degree()) == ChordKind.slot(degree)) {
                return i;
            }
        }
        return -1;
    }

    /** The pitch classes that sound (0 = C), bass included, sorted; empty for no chord. */
    public List<Integer> pitchClasses() {
        TreeSet<Integer> pcs = new TreeSet<>();
        if (isNoChord()) {
            return List.of();
        }
        for (ChordKind.Tone t : tones()) {
            pcs.add(Math.floorMod(root.pitchClass() + t.semitones(), 12));
        }
        if (bass != null) {
            pcs.add(bass.pitchClass());
        }
        return List.copyOf(pcs);
    }

    /**
     * The suffix written from the kind and degrees alone: the kind's suffix ({@link ChordKind#suffix})
     * with the degrees after it in their order (alterations as b9 #11, additions as add9, omissions as
     * omit3), and these shorter forms: 6/9 and m6/9; 7sus4, 9sus4, 13sus4, maj7sus4 (and sus2); a
     * suffix that would begin with # or b is put in parentheses ("C(#5)", not the root C#).
     */
    public String canonicalSuffix() {
        if (isNoChord()) {
            return "N.C.";
        }
        List<ChordDegree> rest = new ArrayList<>(degrees);
        StringBuilder sb = new StringBuilder();
        boolean sus = kind == ChordKind.SUSPENDED_FOURTH || kind == ChordKind.SUSPENDED_SECOND;
        if (sus && !rest.isEmpty() && (rest.get(0).equals(ChordDegree.add(7, 0)) || rest.get(0).equals(ChordDegree.add(7, 1)))) {
            boolean major = rest.remove(0).alter() == 1;
            String ext = major ? "maj7" : "7";
            if (!rest.isEmpty() && rest.get(0).equals(ChordDegree.add(9, 0))) {
                rest.remove(0);
                ext = major ? "maj9" : "9";
                if (!major && !rest.isEmpty() && rest.get(0).equals(ChordDegree.add(13, 0))) {
                    rest.remove(0);
                    ext = "13";
                }
            }
            sb.append(ext).append(kind.suffix());
        } else if ((kind == ChordKind.MAJOR_SIXTH || kind == ChordKind.MINOR_SIXTH) && !rest.isEmpty()
                && rest.get(0).equals(ChordDegree.add(9, 0))) {
            rest.remove(0);
            sb.append(kind.suffix()).append("/9");
        } else {
            sb.append(kind.suffix());
        }
        for (ChordDegree d : rest) {
            switch (d.type()) {
                case SUBTRACT -> sb.append("omit").append(d.value());
                case ADD -> {
                    boolean alteration = d.alter() != 0 && (d.value() == 5 || d.value() == 9 || d.value() == 11
                            || d.value() == 13);
                    sb.append(alteration ? "" : "add").append(accidental(d.alter())).append(d.value());
                }
                case ALTER -> {
                    ChordKind.Tone t = kind.tone(d.value());
                    int fromMajor = d.alter() + (t == null ? 0 : t.alter());
                    sb.append(accidental(fromMajor)).append(d.value());
                }
            }
        }
        String s = sb.toString();
        return s.startsWith("#") || s.startsWith("b") ? "(" + s + ")" : s;
    }

    static String accidental(int alter) {
        return alter > 0 ? "#".repeat(alter) : "b".repeat(-alter);
    }

    @Override
    public String toString() {
        return symbol();
    }
}
