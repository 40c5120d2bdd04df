package bebop.data.poly;

import java.util.Arrays;

/**
 * One piece of a polyphonic piano-roll data set: time steps in order, each the set of sounding
 * MIDI pitches ({@value PolyDataset#LOWEST}..{@value PolyDataset#HIGHEST}, ascending, no repeats;
 * an empty step is silence). Immutable.
 */
public final class PolyPiece {
    private final int[][] frames;

    /**
     * @param frames the pitches of each step; copied, sorted
     * @throws IllegalArgumentException if a pitch is outside 21..108 or repeated within a step,
     *     or the piece has no step
     */
    public PolyPiece(int[][] frames) {
        if (frames.length == 0) {
            throw new IllegalArgumentException("a piece needs at least one time step");
        }
        this.frames = new int[frames.length][];
        for (int t = 0; t < frames.length; t++) {
            int[] f = frames[t].clone();
            Arrays.sort(f);
            for (int i = 0; i < f.length; i++) {
                if (f[i] < PolyDataset.LOWEST || f[i] > PolyDataset.HIGHEST) {
                    throw new IllegalArgumentException("step " + t + ": pitch " + f[i] + " outside "
                            + PolyDataset.LOWEST + ".." + PolyDataset.HIGHEST);
                }
                if (i > 0 && f[i] == f[i - 1]) {
                    throw new IllegalArgumentException("step " + t + ": pitch " + f[i] + " twice");
                }
            }
            this.frames[t] = f;
        }
    }

    /** Number of time steps. */
    public int length() {
        return frames.length;
    }

    /** The pitches sounding at step {@code t}, ascending (a copy). */
    public int[] pitches(int t) {
        return frames[t].clone();
    }

    /** Number of pitches sounding at step {@code t}. */
    public int polyphony(int t) {
        return frames[t].length;
    }

    /**
     * Writes step {@code t} as 88 piano-roll units into {@code dst[off..off+88)}: 1 where a key
     * sounds (unit k is MIDI pitch k + 21), 0 elsewhere.
     */
    public void roll(int t, float[] dst, int off) {
        Arrays.fill(dst, off, off + PolyDataset.KEYS, 0f);
        for (int p : frames[t]) {
            dst[off + p - PolyDataset.LOWEST] = 1f;
        }
    }

    /** The same as {@link #roll(int, float[], int)} in double precision. */
    public void roll(int t, double[] dst, int off) {
        Arrays.fill(dst, off, off + PolyDataset.KEYS, 0.0);
        for (int p : frames[t]) {
            dst[off + p - PolyDataset.LOWEST] = 1.0;
        }
    }

    /** The whole piece as a dense row-major {@code length x 88} float piano roll. */
    public float[] roll() {
        float[] r = new float[frames.length * PolyDataset.KEYS];
        for (int t = 0; t < frames.length; t++) {
            roll(t, r, t * PolyDataset.KEYS);
        }
        return r;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PolyPiece p && Arrays.deepEquals(frames, p.frames);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(frames);
    }

    @Override
    public String toString() {
        return "PolyPiece[" + frames.length + " steps]";
    }
}
