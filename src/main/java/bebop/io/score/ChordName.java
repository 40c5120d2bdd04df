package bebop.io.score;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A chord symbol as both score formats need it: root letter and alteration, quality, optional bass
 * note. Parses bebop's symbols ("C", "F7", "Gm7", "Fdim", "F#dim7", "Em", "A7", "Dm7", "Bbmaj7",
 * "Bm7b5", "C6", "Caug", "Csus4", "C9", "C/E") and "N.C." (no chord).
 */
public record ChordName(char rootStep, int rootAlter, Quality quality, Optional<Character> bassStep, int bassAlter) {

    /** Chord qualities with their MusicXML {@code <kind>} and LilyPond chordmode modifier. */
    public enum Quality {
        MAJOR("", "major", ""),
        MINOR("m", "minor", ":m"),
        DOMINANT("7", "dominant", ":7"),
        MINOR_SEVENTH("m7", "minor-seventh", ":m7"),
        MAJOR_SEVENTH("maj7", "major-seventh", ":maj7"),
        HALF_DIMINISHED("m7b5", "half-diminished", ":m7.5-"),
        DIMINISHED("dim", "diminished", ":dim"),
        DIMINISHED_SEVENTH("dim7", "diminished-seventh", ":dim7"),
        AUGMENTED("aug", "augmented", ":aug"),
        MAJOR_SIXTH("6", "major-sixth", ":6"),
        MINOR_SIXTH("m6", "minor-sixth", ":m6"),
        DOMINANT_NINTH("9", "dominant-ninth", ":9"),
        MINOR_NINTH("m9", "minor-ninth", ":m9"),
        MAJOR_NINTH("maj9", "major-ninth", ":maj9"),
        SUSPENDED_FOURTH("sus4", "suspended-fourth", ":sus4"),
        SUSPENDED_SECOND("sus2", "suspended-second", ":sus2"),
        /** "N.C.": no chord. */
        NONE("N.C.", "none", "");

        private final String suffix;
        private final String musicXmlKind;
        private final String lilyPond;

        Quality(String suffix, String musicXmlKind, String lilyPond) {
            this.suffix = suffix;
            this.musicXmlKind = musicXmlKind;
            this.lilyPond = lilyPond;
        }

        /** The suffix as bebop writes it after the root ("m7"); shown as the MusicXML kind's text. */
        public String suffix() {
            return suffix;
        }

        public String musicXmlKind() {
            return musicXmlKind;
        }

        public String lilyPond() {
            return lilyPond;
        }
    }

    private static final Pattern SYMBOL = Pattern.compile("([A-G])([#b]?)([^/]*)(?:/([A-G])([#b]?))?");

    /** The chord of a symbol, or empty when bebop cannot write it (for example "?"). */
    public static Optional<ChordName> parse(String symbol) {
        String s = symbol.trim();
        if (s.matches("(?i)N\\.?C\\.?")) {
            return Optional.of(new ChordName('C', 0, Quality.NONE, Optional.empty(), 0));
        }
        Matcher m = SYMBOL.matcher(s);
        if (!m.matches()) {
            return Optional.empty();
        }
        Quality quality = quality(m.group(3));
        if (quality == null) {
            return Optional.empty();
        }
        Optional<Character> bass = m.group(4) == null ? Optional.empty() : Optional.of(m.group(4).charAt(0));
        return Optional.of(new ChordName(m.group(1).charAt(0), alter(m.group(2)), quality, bass, alter(m.group(5))));
    }

    private static Quality quality(String suffix) {
        String q = switch (suffix) {
            case "M", "maj", "Maj" -> "";
            case "min", "mi", "-" -> "m";
            case "min7", "mi7", "-7" -> "m7";
            case "M7", "Maj7", "\u0394", "\u03947" -> "maj7";
            case "o", "\u00B0" -> "dim";
            case "o7", "\u00B07" -> "dim7";
            case "\u00F8", "\u00F87", "min7b5", "-7b5" -> "m7b5";
            case "+" -> "aug";
            case "sus" -> "sus4";
            default -> suffix;
        };
        for (Quality k : Quality.values()) {
            if (k != Quality.NONE && k.suffix.equals(q)) {
                return k;
            }
        }
        return null;
    }

    private static int alter(String accidental) {
        return accidental == null || accidental.isEmpty() ? 0 : accidental.equals("#") ? 1 : -1;
    }

    /** The symbol as bebop writes it: root, suffix, "/bass"; "N.C." for no chord. */
    public String symbol() {
        if (quality == Quality.NONE) {
            return "N.C.";
        }
        return rootStep + accidental(rootAlter) + quality.suffix
                + bassStep.map(b -> "/" + b + accidental(bassAlter)).orElse("");
    }

    /** LilyPond chordmode without duration: "c", "f:7", "g:m7", "fis:dim7", "c/e"; "r" for no chord. */
    public String lilyPond(String duration) {
        if (quality == Quality.NONE) {
            return "r" + duration;
        }
        return lilyRoot(rootStep, rootAlter) + duration + quality.lilyPond
                + bassStep.map(b -> "/" + lilyRoot(b, bassAlter)).orElse("");
    }

    private static String accidental(int alter) {
        return alter > 0 ? "#" : alter < 0 ? "b" : "";
    }

    private static String lilyRoot(char step, int alter) {
        return Character.toString(step).toLowerCase(Locale.ROOT) + (alter > 0 ? "is" : alter < 0 ? "es" : "");
    }
}
