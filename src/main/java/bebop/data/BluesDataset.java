package bebop.data;

import bebop.encoding.LocalEncoding;
import bebop.music.BluesForm;
import bebop.music.Chord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The paper's training set: the 4,096 12-bar blues choruses over one form, as frames of the
 * paper's local encoding (96 steps x 25 units each).
 */
public record BluesDataset(BluesForm form, List<Chorus> choruses) {

    /** One chorus: its index in the generator's order and its 48 quarter-note melody pitches. */
    public record Chorus(int index, List<Integer> melody) {
        public Chorus {
            melody = List.copyOf(melody);
        }
    }

    public BluesDataset {
        choruses = List.copyOf(choruses);
    }

    /** All 4,096 choruses in the generator's order, over the given form. */
    public static BluesDataset generate(BluesForm form) {
        List<Chorus> all = new ArrayList<>(BluesMelodies.CHORUSES);
        for (int i = 0; i < BluesMelodies.CHORUSES; i++) {
            all.add(new Chorus(i, BluesMelodies.melody(i)));
        }
        return new BluesDataset(form, all);
    }

    /** The frames of one chorus: 96 steps, chord units from the form, one melody unit each step. */
    public double[][] frames(Chorus chorus) {
        double[][] frames = new double[LocalEncoding.STEPS_PER_CHORUS][LocalEncoding.UNITS];
        for (int t = 0; t < frames.length; t++) {
            for (int note : form.chordAtStep(t).notes()) {
                frames[t][LocalEncoding.chordUnit(note)] = 1.0;
            }
            int quarter = t / LocalEncoding.STEPS_PER_QUARTER;
            frames[t][LocalEncoding.melodyUnit(chorus.melody().get(quarter))] = 1.0;
        }
        return frames;
    }

    /** The 96 chord-only frames of the form (12 units): Experiment 1's training sequence. */
    public static double[][] chordFrames(BluesForm form) {
        double[][] frames = new double[LocalEncoding.STEPS_PER_CHORUS][LocalEncoding.CHORD_UNITS];
        for (int t = 0; t < frames.length; t++) {
            Chord chord = form.chordAtStep(t);
            for (int note : chord.notes()) {
                frames[t][LocalEncoding.chordUnit(note)] = 1.0;
            }
        }
        return frames;
    }

    /** SHA-256 of a frame sequence's on-units, as hex: identifies the training data in a model's provenance. */
    public static String fingerprint(double[][]... sequences) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (double[][] frames : sequences) {
                for (double[] f : frames) {
                    StringBuilder sb = new StringBuilder();
                    for (int u = 0; u < f.length; u++) {
                        if (f[u] > 0.5) {
                            sb.append(u).append(',');
                        }
                    }
                    sha.update(sb.append(';').toString().getBytes(StandardCharsets.US_ASCII));
                }
                sha.update((byte) '|');
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
