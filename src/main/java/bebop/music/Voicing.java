package bebop.music;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * How a chord symbol becomes the notes the paper's network hears: pitch classes placed once each in
 * the chord range C3..B3 (MIDI 48..59), sorted, as the paper voices its chords.
 *
 * <ul>
 *   <li>{@link #CORE} (the default): the chord's frame, as the paper's triads and sevenths are: the
 *       root, the third, the fifth and the seventh, each as the symbol alters it (C7b5 keeps its b5,
 *       C7alt its b5). Rules for the chords without that frame: a suspended chord takes its fourth
 *       (sus4) or second (sus2) for the third; a sixth chord (C6, Cm6, C6/9) takes the sixth for the
 *       seventh; a chord whose third or fifth is omitted goes without it; a slash chord adds its bass
 *       (F7/C: F A C Eb; Bb/C: Bb D F and C); extensions and added notes (9, 11, 13, add9, the alt
 *       chord's b9 #9 b13) are left out. Chords with no such frame (power, pedal, the functional
 *       sixths, Tristan) sound every pitch class. The paper's own chords come out note for note.
 *   <li>{@link #FULL}: every pitch class of the chord (F13 is all seven of F A C Eb G Bb D).
 * </ul>
 * No chord (N.C.) sounds nothing.
 */
public enum Voicing {
    CORE("core (root, third, fifth, seventh)"),
    FULL("full (every pitch class)");

    /** The lowest chord note: the paper's chord range C3..B3. */
    public static final int LOW = 48;

    private final String description;

    Voicing(String description) {
        this.description = description;
    }

    /** "core (root, third, fifth, seventh)". */
    public String describe() {
        return description;
    }

    /** Parses "core" or "full". */
    public static Voicing parse(String text) {
        for (Voicing v : values()) {
            if (v.name().equalsIgnoreCase(text.trim())) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown voicing '" + text + "' (use core or full)");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The pitch classes this voicing sounds of a chord, sorted. */
    public List<Integer> pitchClasses(ChordName chord) {
        if (chord.isNoChord()) {
            return List.of();
        }
        if (this == FULL || !hasFrame(chord.kind())) {
            return chord.pitchClasses();
        }
        List<ChordKind.Tone> tones = chord.tones();
        int root = chord.root().pitchClass();
        TreeSet<Integer> pcs = new TreeSet<>();
        pcs.add(root);
        int thirdDegree = chord.kind() == ChordKind.SUSPENDED_FOURTH ? 4 : chord.kind() == ChordKind.SUSPENDED_SECOND ? 2 : 3;
        for (int degree : new int[] {thirdDegree, 5}) {
            ChordKind.Tone t = bySlot(tones, degree);
            if (t != null) {
                pcs.add(Math.floorMod(root + t.semitones(), 12));
            }
        }
        ChordKind.Tone seventh = bySlot(tones, 7);
        if (seventh == null) {
            seventh = byDegree(tones, 6);
        }
        if (seventh != null) {
            pcs.add(Math.floorMod(root + seventh.semitones(), 12));
        }
        if (chord.bass() != null) {
            pcs.add(chord.bass().pitchClass());
        }
        return List.copyOf(pcs);
    }

    /** The MIDI notes (48..59, sorted) this voicing sounds of a chord. */
    public List<Integer> notes(ChordName chord) {
        List<Integer> notes = new ArrayList<>();
        for (int pc : pitchClasses(chord)) {
            notes.add(LOW + pc);
        }
        return notes;
    }

    private static boolean hasFrame(ChordKind kind) {
        return switch (kind) {
            case PEDAL, POWER, NEAPOLITAN, ITALIAN, FRENCH, GERMAN, TRISTAN, OTHER -> false;
            default -> true;
        };
    }

    /** The first tone on degree {@code degree} in the octave (3, 5, 7), or null. */
    private static ChordKind.Tone bySlot(List<ChordKind.Tone> tones, int degree) {
        for (ChordKind.Tone t : tones) {
            if (t.degree() == degree) {
                return t;
            }
        }
        return null;
    }

    private static ChordKind.Tone byDegree(List<ChordKind.Tone> tones, int degree) {
        return bySlot(tones, degree);
    }
}
