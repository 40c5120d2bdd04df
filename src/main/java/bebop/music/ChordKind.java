package bebop.music;

import java.util.List;

/**
 * The kinds of chord MusicXML 4.0 names ({@code <kind>}), each with the chord tones it stands for and
 * the suffix bebop writes for it after the root. Tones are (degree, alteration) pairs: the degree 1..13
 * counted from the root in a major scale (3 = major third, 7 = major seventh) and the alteration in
 * semitones (3 -1 = minor third, 7 -1 = minor seventh, 7 -2 = diminished seventh), as MusicXML's
 * schema defines the kinds: the 11th chords hold the 9th, the 13th chords the 9th and the 11th.
 *
 * <p>The functional sixths take the key's tonic as their root, as music21 spells them (the Italian
 * sixth of C is Ab C F#): Neapolitan b2 4 b6, Italian 1 #4 b6, French 1 2 #4 b6, German 1 b3 #4 b6.
 * {@link #OTHER} is a chord made only of added degrees (its root alone here), {@link #NONE} no chord.
 */
public enum ChordKind {
    MAJOR("major", "", 1, 0, 3, 0, 5, 0),
    MINOR("minor", "m", 1, 0, 3, -1, 5, 0),
    AUGMENTED("augmented", "aug", 1, 0, 3, 0, 5, 1),
    DIMINISHED("diminished", "dim", 1, 0, 3, -1, 5, -1),
    DOMINANT("dominant", "7", 1, 0, 3, 0, 5, 0, 7, -1),
    MAJOR_SEVENTH("major-seventh", "maj7", 1, 0, 3, 0, 5, 0, 7, 0),
    MINOR_SEVENTH("minor-seventh", "m7", 1, 0, 3, -1, 5, 0, 7, -1),
    DIMINISHED_SEVENTH("diminished-seventh", "dim7", 1, 0, 3, -1, 5, -1, 7, -2),
    AUGMENTED_SEVENTH("augmented-seventh", "aug7", 1, 0, 3, 0, 5, 1, 7, -1),
    HALF_DIMINISHED("half-diminished", "m7b5", 1, 0, 3, -1, 5, -1, 7, -1),
    MAJOR_MINOR("major-minor", "mMaj7", 1, 0, 3, -1, 5, 0, 7, 0),
    MAJOR_SIXTH("major-sixth", "6", 1, 0, 3, 0, 5, 0, 6, 0),
    MINOR_SIXTH("minor-sixth", "m6", 1, 0, 3, -1, 5, 0, 6, 0),
    DOMINANT_NINTH("dominant-ninth", "9", 1, 0, 3, 0, 5, 0, 7, -1, 9, 0),
    MAJOR_NINTH("major-ninth", "maj9", 1, 0, 3, 0, 5, 0, 7, 0, 9, 0),
    MINOR_NINTH("minor-ninth", "m9", 1, 0, 3, -1, 5, 0, 7, -1, 9, 0),
    DOMINANT_11TH("dominant-11th", "11", 1, 0, 3, 0, 5, 0, 7, -1, 9, 0, 11, 0),
    MAJOR_11TH("major-11th", "maj11", 1, 0, 3, 0, 5, 0, 7, 0, 9, 0, 11, 0),
    MINOR_11TH("minor-11th", "m11", 1, 0, 3, -1, 5, 0, 7, -1, 9, 0, 11, 0),
    DOMINANT_13TH("dominant-13th", "13", 1, 0, 3, 0, 5, 0, 7, -1, 9, 0, 11, 0, 13, 0),
    MAJOR_13TH("major-13th", "maj13", 1, 0, 3, 0, 5, 0, 7, 0, 9, 0, 11, 0, 13, 0),
    MINOR_13TH("minor-13th", "m13", 1, 0, 3, -1, 5, 0, 7, -1, 9, 0, 11, 0, 13, 0),
    SUSPENDED_SECOND("suspended-second", "sus2", 1, 0, 2, 0, 5, 0),
    SUSPENDED_FOURTH("suspended-fourth", "sus4", 1, 0, 4, 0, 5, 0),
    NEAPOLITAN("Neapolitan", "N6", 2, -1, 4, 0, 6, -1),
    ITALIAN("Italian", "It+6", 1, 0, 4, 1, 6, -1),
    FRENCH("French", "Fr+6", 1, 0, 2, 0, 4, 1, 6, -1),
    GERMAN("German", "Ger+6", 1, 0, 3, -1, 4, 1, 6, -1),
    PEDAL("pedal", "ped", 1, 0),
    POWER("power", "5", 1, 0, 5, 0),
    TRISTAN("Tristan", "Tristan", 1, 0, 4, 1, 6, 1, 9, 1),
    OTHER("other", "", 1, 0),
    NONE("none", "N.C.");

    /** A chord tone: degree 1..13 from the root and its alteration from the major scale's degree. */
    public record Tone(int degree, int alter) {
        /** Semitones above the root, 0..11. */
        public int semitones() {
            return Math.floorMod(natural(degree) + alter, 12);
        }
    }

    private final String musicXml;
    private final String suffix;
    private final List<Tone> tones;

    ChordKind(String musicXml, String suffix, int... degreesAndAlters) {
        this.musicXml = musicXml;
        this.suffix = suffix;
        Tone[] t = new Tone[degreesAndAlters.length / 2];
        for (int i = 0; i < t.length; i++) {
            t[i] = new Tone(degreesAndAlters[2 * i], degreesAndAlters[2 * i + 1]);
        }
        this.tones = List.of(t);
    }

    /** The MusicXML {@code <kind>} value: "dominant", "minor-seventh", "Neapolitan". */
    public String musicXml() {
        return musicXml;
    }

    /** The suffix bebop writes after the root: "7", "m7", "maj7", "m7b5", "sus4". */
    public String suffix() {
        return suffix;
    }

    /** The chord tones, root first. */
    public List<Tone> tones() {
        return tones;
    }

    /** The tone of this kind standing on {@code degree} (9 stands for 2, 11 for 4, 13 for 6 and back), or null. */
    public Tone tone(int degree) {
        for (Tone t : tones) {
            if (t.degree() == degree) {
                return t;
            }
        }
        for (Tone t : tones) {
            if (slot(t.degree()) == slot(degree)) {
                return t;
            }
        }
        return null;
    }

    /** The kind of a MusicXML {@code <kind>} value, or null. */
    public static ChordKind ofMusicXml(String value) {
        for (ChordKind k : values()) {
            if (k.musicXml.equals(value)) {
                return k;
            }
        }
        return null;
    }

    /** Semitones of a degree in the major scale: 1 = 0, 3 = 4, 7 = 11, 9 = 14, 13 = 21. */
    public static int natural(int degree) {
        int[] scale = {0, 2, 4, 5, 7, 9, 11};
        int d = degree - 1;
        return 12 * Math.floorDiv(d, 7) + scale[Math.floorMod(d, 7)];
    }

    /** The degree within the octave: 9 and 2 are one slot, as are 11 and 4, 13 and 6. */
    static int slot(int degree) {
        return Math.floorMod(degree - 1, 7) + 1;
    }
}
