package bebop.compose;

import bebop.encoding.LocalEncoding;
import bebop.music.Score;
import java.util.Arrays;

/**
 * Primers for free-running generation. The paper starts the network with "a single note or series
 * of notes (up to 24) from the training set"; bebop's default is the first 8 frames (one bar) of a
 * training chorus. A primer can also be any score, in the paper's encoding.
 */
public final class Primers {
    /** The default primer length: one bar (PAPER_FACTS 7.11). */
    public static final int DEFAULT_STEPS = 8;

    private Primers() {}

    /** The first {@code steps} frames of {@code chorus}, cut to {@code units} units each. */
    public static double[][] firstSteps(double[][] chorus, int steps, int units) {
        if (steps < 1 || steps > chorus.length) {
            throw new IllegalArgumentException("a primer of " + steps + " steps from a chorus of " + chorus.length);
        }
        return cut(Arrays.copyOf(chorus, steps), units);
    }

    /**
     * The frames of a score (its "Chords" and "Melody" parts) in the paper's encoding, cut to
     * {@code units} units. The primer starts where the form starts (bar 1).
     *
     * @throws IllegalArgumentException if a note lies outside the encoding's range or the score is empty
     */
    public static double[][] fromScore(Score score, int units) {
        double[][] frames = LocalEncoding.encode(score);
        if (frames.length == 0) {
            throw new IllegalArgumentException("it holds no notes to start from");
        }
        return cut(frames, units);
    }

    /**
     * The first {@code steps} frames (at most) of each of the first {@code count} pieces of a piano
     * roll, each frame as its sounding keys (key k = MIDI 21 + k): primers a model file keeps.
     */
    public static java.util.List<int[][]> openings(java.util.List<bebop.data.poly.PolyPiece> pieces, int steps, int count) {
        java.util.List<int[][]> out = new java.util.ArrayList<>();
        for (bebop.data.poly.PolyPiece p : pieces.subList(0, Math.min(count, pieces.size()))) {
            int[][] on = new int[Math.min(steps, p.length())][];
            for (int t = 0; t < on.length; t++) {
                on[t] = p.pitches(t);
                for (int i = 0; i < on[t].length; i++) {
                    on[t][i] -= bebop.data.poly.PolyDataset.LOWEST;
                }
            }
            out.add(on);
        }
        return out;
    }

    private static double[][] cut(double[][] frames, int units) {
        double[][] out = new double[frames.length][];
        for (int t = 0; t < frames.length; t++) {
            if (frames[t].length < units) {
                throw new IllegalArgumentException("frame " + t + " has " + frames[t].length + " units, need " + units);
            }
            out[t] = Arrays.copyOf(frames[t], units);
        }
        return out;
    }
}
