package bebop.music;

/**
 * Chord symbols typed by a user ("C", "F13", "Bbm7b5", "D7b9", "F7/C"; see {@link ChordName}) voiced as
 * the paper voices its chords: pitch classes once each in the chord range C3..B3 (MIDI 48..59),
 * sorted, chosen by a {@link Voicing}. The paper's own chords come out note for note
 * (F7 = 48 51 53 57, G7 = 50 53 55 59). The chord keeps the symbol as typed.
 */
public final class ChordSymbols {
    /** The lowest and highest chord notes: the paper's chord range C3..B3. */
    public static final int LOW = 48;
    public static final int HIGH = 59;

    /** The examples named when no chord is given. */
    public static final String EXAMPLES = "e.g. C7, F13, Bbm7b5, D7b9, C7alt, F7/C";

    private ChordSymbols() {}

    /** The chord of a symbol in the {@link Voicing#CORE} voicing. */
    public static Chord parse(String symbol) {
        return parse(symbol, Voicing.CORE);
    }

    /**
     * The chord of a symbol in a voicing; "N.C." is a chord of no notes.
     *
     * @throws IllegalArgumentException naming the symbol and the character that cannot be read
     */
    public static Chord parse(String symbol, Voicing voicing) {
        return voice(ChordName.parse(symbol), voicing);
    }

    /** A chord name in a voicing, under its symbol as written. */
    public static Chord voice(ChordName name, Voicing voicing) {
        return new Chord(name.symbol(), voicing.notes(name));
    }
}
