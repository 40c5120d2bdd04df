package bebop.music;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads one chord symbol into a {@link ChordName} (the vocabulary is listed there): the root, a head
 * (quality and extension: "m7", "maj9", "6/9", "ø", "13"), then modifiers in any order (sus, alt,
 * alterations, additions, omissions, parentheses and commas around them), then an optional "/bass".
 * The head fixes the MusicXML kind; sus turns it into a suspended kind that adds the head's seventh
 * and extensions back as degrees; every other modifier becomes a degree, an alteration of a degree
 * the kind has or an addition of one it has not. Anything else is an error naming its character:
 * "'Cmaj77' is not a chord symbol: at character 6, cannot read '7'".
 */
final class ChordSymbolParser {
    private static final String ALTERATIONS = "(b5, #5, b9, #9, #11, b13)";

    private enum Third { MAJOR, MINOR, DIMINISHED, AUGMENTED, HALF_DIMINISHED }

    /** A modifier found after the head, applied once the head's kind is known. */
    private record Modifier(String what, int value, int alter, int position, int length) {}

    private final String s;
    private int i;

    ChordSymbolParser(String symbol) {
        this.s = symbol;
    }

    ChordName parse() {
        if (s.isEmpty()) {
            throw new IllegalArgumentException("an empty chord symbol is not a chord (write one such as C7, F13 or N.C.)");
        }
        if (s.matches("N\\.?C\\.?|n\\.?c\\.?")) {
            return ChordName.noChord(s);
        }
        NoteName root = noteName("a chord starts with its root, A to G (or N.C. for no chord)");
        int suffixStart = i;
        int slash = bassSlash();
        int end = slash < 0 ? s.length() : slash;
        ChordName chord = suffix(root, end);
        NoteName bass = null;
        if (slash >= 0) {
            i = slash + 1;
            bass = noteName("a slash chord ends with its bass note, A to G");
            if (i < s.length()) {
                throw error(i, "cannot read '" + s.substring(i) + "' after the bass note");
            }
        }
        return new ChordName(root, chord.kind(), chord.degrees(), bass, s.substring(suffixStart, end));
    }

    /** The index of the slash that starts the bass ("/" then a letter A..G), or -1. */
    private int bassSlash() {
        for (int k = i; k < s.length() - 1; k++) {
            if (s.charAt(k) == '/' && NoteName.isStep(s.charAt(k + 1))) {
                return k;
            }
        }
        return -1;
    }

    private NoteName noteName(String expected) {
        if (i >= s.length() || !NoteName.isStep(s.charAt(i))) {
            throw error(i, i >= s.length() ? "nothing to read: " + expected
                    : "cannot read '" + s.charAt(i) + "': " + expected);
        }
        char step = s.charAt(i++);
        int alter = 0;
        int count = 0;
        while (i < s.length() && count < 2 && accidentalOf(s.charAt(i), false) != 0
                && (alter == 0 || Integer.signum(alter) == accidentalOf(s.charAt(i), false))) {
            alter += accidentalOf(s.charAt(i), false);
            i++;
            count++;
        }
        return new NoteName(step, alter);
    }

    /** +1 for # and ♯, -1 for b and ♭ (and + and - when {@code signs}), else 0. */
    private static int accidentalOf(char c, boolean signs) {
        return switch (c) {
            case '#', '\u266F' -> 1;
            case 'b', '\u266D' -> -1;
            case '+' -> signs ? 1 : 0;
            case '-' -> signs ? -1 : 0;
            default -> 0;
        };
    }

    private boolean eat(String token, int end) {
        if (s.startsWith(token, i) && i + token.length() <= end) {
            i += token.length();
            return true;
        }
        return false;
    }

    private boolean eatAny(int end, String... tokens) {
        for (String t : tokens) {
            if (eat(t, end)) {
                return true;
            }
        }
        return false;
    }

    /** A number among {@code allowed} (longest first), or 0 with nothing read. */
    private int number(int end, int... allowed) {
        for (int n : allowed) {
            if (eat(String.valueOf(n), end)) {
                return n;
            }
        }
        return 0;
    }

    private ChordName suffix(NoteName root, int end) {
        // Kinds named outright.
        ChordKind named = null;
        if (eat("Tristan", end)) {
            named = ChordKind.TRISTAN;
        } else if (eatAny(end, "Ger+6", "Ger6", "Gr+6")) {
            named = ChordKind.GERMAN;
        } else if (eatAny(end, "Fr+6", "Fr6")) {
            named = ChordKind.FRENCH;
        } else if (eatAny(end, "It+6", "It6")) {
            named = ChordKind.ITALIAN;
        } else if (eat("N6", end)) {
            named = ChordKind.NEAPOLITAN;
        } else if (eatAny(end, "pedal", "ped")) {
            named = ChordKind.PEDAL;
        }
        if (named != null) {
            if (i < end) {
                throw error(i, "cannot read '" + s.charAt(i) + "' after '" + named.suffix() + "'");
            }
            return new ChordName(root, named, List.of(), null, null);
        }

        Third third = Third.MAJOR;
        boolean majorSeventh = false;
        int ext = 0;
        boolean sixNine = false;
        boolean alt = false;
        int headStart = i;
        if (eatAny(end, "m7b5", "mi7b5", "min7b5", "-7b5", "m7(b5)", "mi7(b5)", "-7(b5)")) {
            third = Third.HALF_DIMINISHED;
            ext = 7;
        } else if (eatAny(end, "\u00F8", "\u00D8", "h")) {
            third = Third.HALF_DIMINISHED;
            ext = number(end, 11, 9, 7);
            ext = ext == 0 ? 7 : ext;
        } else if (!s.startsWith("madd", i) && eatAny(end, "maj", "Maj", "MAJ", "ma", "Ma", "M")) {
            majorSeventh = true;
        } else if (eatAny(end, "\u0394", "^")) {
            majorSeventh = true;
            ext = 7;
        } else if (eatAny(end, "min", "mi", "m", "-")) {
            third = Third.MINOR;
            if (eatAny(end, "(maj7)", "(Maj7)", "(M7)", "(\u03947)", "(\u0394)", "(^7)")) {
                majorSeventh = true;
                ext = 7;
            } else if (eatAny(end, "maj", "Maj", "M")) {
                majorSeventh = true;
            } else if (eatAny(end, "\u0394", "^")) {
                majorSeventh = true;
                ext = 7;
            }
        } else if (!s.startsWith("omit", i) && eatAny(end, "dim", "o", "\u00B0")) {
            third = Third.DIMINISHED;
        } else if (eat("aug", end) || (i < end && s.charAt(i) == '+' && !(i + 1 < end && s.charAt(i + 1) == '5')
                && eat("+", end))) {
            third = Third.AUGMENTED;
            if (eatAny(end, "maj", "Maj", "M")) {
                majorSeventh = true;
            } else if (eatAny(end, "\u0394", "^")) {
                majorSeventh = true;
                ext = 7;
            }
        } else if (eat("alt", end)) {
            alt = true;
            ext = 7;
        }
        int numberAt = i;
        if (ext == 0 || (majorSeventh && ext == 7 && i < end && Character.isDigit(s.charAt(i)))) {
            if (third == Third.MAJOR || third == Third.MINOR) {
                if (eatAny(end, "6/9", "69")) {
                    ext = 6;
                    sixNine = true;
                }
            }
            if (!sixNine) {
                int n = number(end, 13, 11, 9, 7, 6, 5);
                if (n != 0) {
                    ext = n;
                }
            }
        }
        if (ext == 7 && !majorSeventh && third == Third.MAJOR && i < end && s.charAt(i) == '+'
                && !(i + 1 < end && Character.isDigit(s.charAt(i + 1)))) {
            i++;
            third = Third.AUGMENTED; // 7+: the augmented seventh
        }
        List<ChordDegree> degrees = new ArrayList<>();
        ChordKind kind = kind(third, majorSeventh, ext, sixNine, degrees, headStart, numberAt);
        if (alt) {
            degrees.add(ChordDegree.alter(5, -1));
            degrees.add(ChordDegree.add(9, -1));
            degrees.add(ChordDegree.add(9, 1));
            degrees.add(ChordDegree.add(13, -1));
        }

        List<Modifier> mods = modifiers(end);
        // sus first: it changes the kind the other modifiers are read against.
        for (Modifier m : mods) {
            if (m.what().equals("sus")) {
                kind = suspend(kind, m, degrees, third, alt);
            }
        }
        for (Modifier m : mods) {
            switch (m.what()) {
                case "alt" -> {
                    if (kind != ChordKind.DOMINANT || alt || !degrees.isEmpty()) {
                        throw error(m.position(), "'alt' follows a plain dominant seventh (C7alt)");
                    }
                    alt = true;
                    degrees.add(ChordDegree.alter(5, -1));
                    degrees.add(ChordDegree.add(9, -1));
                    degrees.add(ChordDegree.add(9, 1));
                    degrees.add(ChordDegree.add(13, -1));
                }
                case "alteration" -> {
                    ChordKind.Tone t = kind.tone(m.value());
                    boolean altered = degrees.stream().anyMatch(d -> d.type() != ChordDegree.Type.ADD
                            && ChordKind.slot(d.value()) == ChordKind.slot(m.value()));
                    if (t != null && !altered) {
                        degrees.add(ChordDegree.alter(m.value(), m.alter() - t.alter()));
                    } else {
                        degrees.add(ChordDegree.add(m.value(), m.alter()));
                    }
                }
                case "add" -> degrees.add(ChordDegree.add(m.value(), m.alter()));
                case "omit" -> {
                    if (kind.tone(m.value()) == null) {
                        throw error(m.position(), "'" + s.substring(m.position(), m.position() + m.length())
                                + "' takes away a degree the chord does not have");
                    }
                    degrees.add(ChordDegree.subtract(m.value()));
                }
                default -> { }
            }
        }
        return new ChordName(root, kind, degrees, null, null);
    }

    /** The kind of a head, adding to {@code degrees} what the kind lacks (6/9's ninth, mMaj9's ninth). */
    private ChordKind kind(Third third, boolean majorSeventh, int ext, boolean sixNine, List<ChordDegree> degrees,
                           int headStart, int numberAt) {
        if (sixNine) {
            degrees.add(ChordDegree.add(9, 0));
            return third == Third.MINOR ? ChordKind.MINOR_SIXTH : ChordKind.MAJOR_SIXTH;
        }
        switch (third) {
            case MAJOR -> {
                if (majorSeventh) {
                    return switch (ext) {
                        case 0 -> ChordKind.MAJOR;
                        case 6 -> ChordKind.MAJOR_SIXTH;
                        case 7 -> ChordKind.MAJOR_SEVENTH;
                        case 9 -> ChordKind.MAJOR_NINTH;
                        case 11 -> ChordKind.MAJOR_11TH;
                        case 13 -> ChordKind.MAJOR_13TH;
                        default -> throw error(numberAt, "cannot read '" + ext + "' after '"
                                + s.substring(headStart, numberAt) + "'");
                    };
                }
                return switch (ext) {
                    case 0 -> ChordKind.MAJOR;
                    case 5 -> ChordKind.POWER;
                    case 6 -> ChordKind.MAJOR_SIXTH;
                    case 7 -> ChordKind.DOMINANT;
                    case 9 -> ChordKind.DOMINANT_NINTH;
                    case 11 -> ChordKind.DOMINANT_11TH;
                    case 13 -> ChordKind.DOMINANT_13TH;
                    default -> throw error(numberAt, "cannot read '" + ext + "'");
                };
            }
            case MINOR -> {
                if (majorSeventh) {
                    switch (ext) {
                        case 0, 7 -> { }
                        case 9 -> degrees.add(ChordDegree.add(9, 0));
                        case 11 -> {
                            degrees.add(ChordDegree.add(9, 0));
                            degrees.add(ChordDegree.add(11, 0));
                        }
                        case 13 -> {
                            degrees.add(ChordDegree.add(9, 0));
                            degrees.add(ChordDegree.add(11, 0));
                            degrees.add(ChordDegree.add(13, 0));
                        }
                        default -> throw error(numberAt, "cannot read '" + ext + "' after '"
                                + s.substring(headStart, numberAt) + "'");
                    }
                    return ChordKind.MAJOR_MINOR;
                }
                return switch (ext) {
                    case 0 -> ChordKind.MINOR;
                    case 6 -> ChordKind.MINOR_SIXTH;
                    case 7 -> ChordKind.MINOR_SEVENTH;
                    case 9 -> ChordKind.MINOR_NINTH;
                    case 11 -> ChordKind.MINOR_11TH;
                    case 13 -> ChordKind.MINOR_13TH;
                    default -> throw error(numberAt, "cannot read '" + ext + "' after '"
                            + s.substring(headStart, numberAt) + "' (m, m6, m7, m9, m11, m13)");
                };
            }
            case DIMINISHED -> {
                return switch (ext) {
                    case 0 -> ChordKind.DIMINISHED;
                    case 7 -> ChordKind.DIMINISHED_SEVENTH;
                    default -> throw error(numberAt, "cannot read '" + ext + "' after '"
                            + s.substring(headStart, numberAt) + "' (dim or dim7)");
                };
            }
            case AUGMENTED -> {
                if (majorSeventh) {
                    ChordKind k = switch (ext) {
                        case 0, 7 -> ChordKind.MAJOR_SEVENTH;
                        case 9 -> ChordKind.MAJOR_NINTH;
                        default -> throw error(numberAt, "cannot read '" + ext + "' after '"
                                + s.substring(headStart, numberAt) + "'");
                    };
                    degrees.add(ChordDegree.alter(5, 1));
                    return k;
                }
                switch (ext) {
                    case 0 -> {
                        return ChordKind.AUGMENTED;
                    }
                    case 7 -> {
                        return ChordKind.AUGMENTED_SEVENTH;
                    }
                    case 9 -> {
                        degrees.add(ChordDegree.add(9, 0));
                        return ChordKind.AUGMENTED_SEVENTH;
                    }
                    default -> throw error(numberAt, "cannot read '" + ext + "' after '"
                            + s.substring(headStart, numberAt) + "' (aug, aug7, aug9)");
                }
            }
            case HALF_DIMINISHED -> {
                if (ext == 9 || ext == 11) {
                    degrees.add(ChordDegree.add(9, 0));
                }
                if (ext == 11) {
                    degrees.add(ChordDegree.add(11, 0));
                }
                if (ext != 7 && ext != 9 && ext != 11) {
                    throw error(numberAt, "cannot read '" + ext + "' after '" + s.substring(headStart, numberAt) + "'");
                }
                return ChordKind.HALF_DIMINISHED;
            }
            default -> throw new IllegalStateException();
        }
    }

    /** sus2 or sus4 in place of the third; the head's seventh, ninth and thirteenth come back as degrees. */
    private ChordKind suspend(ChordKind kind, Modifier m, List<ChordDegree> degrees, Third third, boolean alt) {
        if (third != Third.MAJOR || alt || kind == ChordKind.POWER || kind.tone(3) == null) {
            throw error(m.position(), "'" + s.substring(m.position(), m.position() + m.length())
                    + "' suspends the third of a major, dominant or major-seventh chord (Csus4, C7sus4, C9sus4)");
        }
        int fourth = m.value();
        List<ChordDegree> added = new ArrayList<>();
        for (ChordKind.Tone t : kind.tones()) {
            int slot = ChordKind.slot(t.degree());
            if (t.degree() == 1 || slot == 3 || slot == 5 || slot == ChordKind.slot(fourth)) {
                continue;
            }
            added.add(ChordDegree.add(t.degree(), slot == 7 ? t.alter() + 1 : t.alter()));
        }
        degrees.addAll(0, added);
        return fourth == 4 ? ChordKind.SUSPENDED_FOURTH : ChordKind.SUSPENDED_SECOND;
    }

    private List<Modifier> modifiers(int end) {
        List<Modifier> mods = new ArrayList<>();
        int depth = 0;
        int open = -1;
        while (i < end) {
            int at = i;
            char c = s.charAt(i);
            if (c == '(') {
                if (depth > 0) {
                    throw error(i, "a parenthesis inside another");
                }
                depth++;
                open = i;
                i++;
            } else if (c == ')') {
                if (depth == 0) {
                    throw error(i, "')' closes no '('");
                }
                depth--;
                i++;
            } else if (c == ',' && depth > 0) {
                i++;
            } else if (eat("sus2", end)) {
                mods.add(new Modifier("sus", 2, 0, at, i - at));
            } else if (eatAny(end, "sus4", "sus")) {
                mods.add(new Modifier("sus", 4, 0, at, i - at));
            } else if (eat("alt", end)) {
                mods.add(new Modifier("alt", 0, 0, at, 3));
            } else if (eat("add", end)) {
                int alter = i < end ? accidentalOf(s.charAt(i), true) : 0;
                if (alter != 0) {
                    i++;
                }
                int n = number(end, 13, 11, 9, 6, 4, 2);
                if (n == 0) {
                    throw error(i, "'add' needs a degree after it (add9, add2, add4, add11, add6, add13)");
                }
                mods.add(new Modifier("add", n, alter, at, i - at));
            } else if (eatAny(end, "omit", "no")) {
                int n = number(end, 3, 5);
                if (n == 0) {
                    throw error(i, "'" + s.substring(at, i) + "' needs the degree it takes away after it (omit3, omit5)");
                }
                mods.add(new Modifier("omit", n, 0, at, i - at));
            } else if (accidentalOf(c, true) != 0) {
                i++;
                int n = number(end, 13, 11, 9, 5);
                if (n == 0) {
                    throw error(at, "'" + c + "' needs a degree after it " + ALTERATIONS);
                }
                mods.add(new Modifier("alteration", n, accidentalOf(c, true), at, i - at));
            } else {
                throw error(i, "cannot read '" + c + "'");
            }
        }
        if (depth > 0) {
            throw error(open, "'(' is never closed");
        }
        return mods;
    }

    private IllegalArgumentException error(int index, String problem) {
        return new IllegalArgumentException("'" + s + "' is not a chord symbol: at character " + (index + 1) + ", "
                + problem);
    }
}
