package bebop.data.corpus;

import java.util.Locale;

/**
 * Which chord of a half bar an imported data set trains on: the {@link #RECOGNISED} chord's pitch
 * classes (the default: the chord symbol {@link bebop.music.ChordRecognizer} names, voiced as a typed
 * symbol is in the core voicing, so a model of the corpus and a user's "C7" speak the same language;
 * a half bar with no chord recognised keeps its raw set), or the {@link #RAW} set of pitch classes
 * sounding, passing tones and bass walks included.
 */
public enum ChordSource {
    RECOGNISED("recognised"),
    RAW("raw");

    private final String label;

    ChordSource(String label) {
        this.label = label;
    }

    /** "recognised" or "raw", as on the command line. */
    public String label() {
        return label;
    }

    /** Parses "raw" or "recognised" (also "recognized"), case-insensitive. */
    public static ChordSource parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("recognized")) {
            return RECOGNISED;
        }
        for (ChordSource s : values()) {
            if (s.label.equals(v)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown chords '" + value + "' (use recognised or raw)");
    }
}
