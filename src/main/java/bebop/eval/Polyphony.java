package bebop.eval;

import bebop.data.poly.PolyPiece;
import java.util.List;

/**
 * How many notes sound at once: the share of frames of a piano roll with between {@link #LOW} and
 * {@link #HIGH} keys on (three- and four-note chords, what a chorale is made of), of a free run and
 * of the training set.
 *
 * @param frames generated frames counted (the primer left out)
 * @param generated the share of them with 3-4 keys on
 * @param training the share of the training pieces' frames with 3-4 keys on (NaN when not known)
 */
public record Polyphony(int frames, double generated, double training) {
    public static final int LOW = 3;
    public static final int HIGH = 4;

    /** The share of {@code frames[from..]} with {@link #LOW}..{@link #HIGH} units on (above 0.5). */
    public static double share(double[][] frames, int from) {
        int n = 0;
        int chords = 0;
        for (int t = from; t < frames.length; t++) {
            int on = 0;
            for (double v : frames[t]) {
                if (v > 0.5) {
                    on++;
                }
            }
            n++;
            if (on >= LOW && on <= HIGH) {
                chords++;
            }
        }
        return n == 0 ? Double.NaN : chords / (double) n;
    }

    /** The share of all frames of {@code pieces} with {@link #LOW}..{@link #HIGH} notes. */
    public static double share(List<PolyPiece> pieces) {
        long n = 0;
        long chords = 0;
        for (PolyPiece p : pieces) {
            for (int t = 0; t < p.length(); t++) {
                int on = p.polyphony(t);
                n++;
                if (on >= LOW && on <= HIGH) {
                    chords++;
                }
            }
        }
        return n == 0 ? Double.NaN : chords / (double) n;
    }
}
