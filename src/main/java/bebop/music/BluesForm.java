package bebop.music;

import java.util.List;
import java.util.Locale;

/**
 * The paper's 12-bar blues form (Eck and Schmidhuber 2002, Figure 2): one chord per bar, or two
 * per bar where the figure splits the bar (bars 4, 8, 11 and 12), voiced exactly as printed.
 */
public record BluesForm(Variant variant, List<Bar> bars) {

    /** Which reading of the paper's bar 6. */
    public enum Variant {
        /** The notes as printed: 48 50 54 57 (C D F# A), labelled "Fdim" in the figure. */
        PAPER,
        /** Bar 6 as the diminished seventh the label means: 48 51 54 57 (C Eb F# A = F#dim7). */
        CORRECTED;

        /** Parses "paper" or "corrected" (as in {@code --form}). */
        public static Variant parse(String text) {
            for (Variant v : values()) {
                if (v.name().equalsIgnoreCase(text.trim())) {
                    return v;
                }
            }
            throw new IllegalArgumentException("unknown form '" + text + "' (use paper or corrected)");
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One bar: the chord of its first half and of its second half (the same chord for most bars). */
    public record Bar(Chord firstHalf, Chord secondHalf) {
        public boolean isSplit() {
            return !firstHalf.equals(secondHalf);
        }

        /** The chord sounding at an eighth-note step 0..7 of the bar. */
        public Chord chordAtStep(int step) {
            return step < 4 ? firstHalf : secondHalf;
        }

        public String symbol() {
            return isSplit() ? firstHalf.symbol() + " " + secondHalf.symbol() : firstHalf.symbol();
        }
    }

    public static final int BARS = 12;

    static final Chord C = Chord.of("C", 48, 52, 55);
    static final Chord F7 = Chord.of("F7", 48, 51, 53, 57);
    static final Chord GM7 = Chord.of("Gm7", 50, 53, 55, 58);
    static final Chord FDIM_AS_PRINTED = Chord.of("Fdim", 48, 50, 54, 57);
    static final Chord FSHARP_DIM7 = Chord.of("F#dim7", 48, 51, 54, 57);
    static final Chord EM = Chord.of("Em", 52, 55, 59);
    static final Chord A7 = Chord.of("A7", 49, 52, 55, 57);
    static final Chord DM7 = Chord.of("Dm7", 48, 50, 53, 57);
    static final Chord G7 = Chord.of("G7", 50, 53, 55, 59);
    static final Chord DM = Chord.of("Dm", 50, 53, 57);

    public BluesForm {
        bars = List.copyOf(bars);
        if (bars.size() != BARS) {
            throw new IllegalArgumentException("a 12-bar blues form needs 12 bars, got " + bars.size());
        }
    }

    public static BluesForm of(Variant variant) {
        Chord bar6 = variant == Variant.PAPER ? FDIM_AS_PRINTED : FSHARP_DIM7;
        return new BluesForm(variant, List.of(
                whole(C), whole(F7), whole(C), new Bar(GM7, C),
                whole(F7), whole(bar6), whole(C), new Bar(EM, A7),
                whole(DM7), whole(G7), new Bar(C, A7), new Bar(DM, G7)));
    }

    public static BluesForm paper() {
        return of(Variant.PAPER);
    }

    private static Bar whole(Chord chord) {
        return new Bar(chord, chord);
    }

    /** The bar with number 1..12. */
    public Bar bar(int number) {
        return bars.get(number - 1);
    }

    /** The chord sounding at eighth-note step {@code step} of the chorus (0..95, wrapping). */
    public Chord chordAtStep(int step) {
        int s = Math.floorMod(step, BARS * 8);
        return bars.get(s / 8).chordAtStep(s % 8);
    }

    /** The form as text, one bar per cell: "| C | F7 | C | Gm7 C | ...". */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("|");
        for (Bar bar : bars) {
            sb.append(' ').append(bar.symbol()).append(" |");
        }
        return sb.toString();
    }
}
