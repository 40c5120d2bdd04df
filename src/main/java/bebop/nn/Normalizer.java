package bebop.nn;

import java.util.Arrays;

/**
 * Per-unit z-score normalisation of input frames, fitted on the training stream: x' = (x - mean) / sd,
 * and x' = 0 for a unit whose SD is 0 (a unit that never changes carries no information).
 * Applied the same way to frames fed back during free-running generation. Stored with a model.
 *
 * @param means per-unit mean over the training stream
 * @param sds   per-unit population standard deviation (0 for a constant unit)
 */
public record Normalizer(double[] means, double[] sds) {
    public Normalizer {
        if (means.length != sds.length) {
            throw new IllegalArgumentException("means and sds differ in length: " + means.length + " vs " + sds.length);
        }
        for (int i = 0; i < sds.length; i++) {
            if (!Double.isFinite(means[i]) || !Double.isFinite(sds[i]) || sds[i] < 0) {
                throw new IllegalArgumentException("bad normalisation values for unit " + i);
            }
        }
        means = means.clone();
        sds = sds.clone();
    }

    /** Fits means and population SDs of each unit over {@code frames}. */
    public static Normalizer fit(double[][] frames) {
        if (frames.length == 0) {
            throw new IllegalArgumentException("cannot fit a normaliser on no frames");
        }
        int n = frames[0].length;
        double[] mean = new double[n];
        for (double[] f : frames) {
            for (int i = 0; i < n; i++) {
                mean[i] += f[i];
            }
        }
        for (int i = 0; i < n; i++) {
            mean[i] /= frames.length;
        }
        double[] sd = new double[n];
        for (double[] f : frames) {
            for (int i = 0; i < n; i++) {
                double d = f[i] - mean[i];
                sd[i] += d * d;
            }
        }
        for (int i = 0; i < n; i++) {
            sd[i] = Math.sqrt(sd[i] / frames.length);
            if (sd[i] < 1e-12) {
                sd[i] = 0;
            }
        }
        return new Normalizer(mean, sd);
    }

    /** The identity: mean 0, SD 1 for every unit. */
    public static Normalizer identity(int units) {
        double[] one = new double[units];
        Arrays.fill(one, 1.0);
        return new Normalizer(new double[units], one);
    }

    public int units() {
        return means.length;
    }

    @Override
    public double[] means() {
        return means.clone();
    }

    @Override
    public double[] sds() {
        return sds.clone();
    }

    /** Whether this is {@link #identity}: every mean 0 and SD 1, so that {@link #apply} copies ((x - 0) / 1 is x). */
    public boolean isIdentity() {
        for (int i = 0; i < means.length; i++) {
            if (Double.doubleToRawLongBits(means[i]) != 0 || sds[i] != 1.0) {
                return false;
            }
        }
        return true;
    }

    /** Writes the normalised {@code frame} into {@code out} (may be the same array). */
    public void apply(double[] frame, double[] out) {
        for (int i = 0; i < means.length; i++) {
            out[i] = sds[i] == 0 ? 0.0 : (frame[i] - means[i]) / sds[i];
        }
    }

    /** A normalised copy of {@code frame}. */
    public double[] apply(double[] frame) {
        double[] out = new double[frame.length];
        apply(frame, out);
        return out;
    }

    /** Normalised copies of all frames. */
    public double[][] applyAll(double[][] frames) {
        double[][] out = new double[frames.length][];
        for (int t = 0; t < frames.length; t++) {
            out[t] = apply(frames[t]);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Normalizer n && Arrays.equals(means, n.means) && Arrays.equals(sds, n.sds);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(means) + Arrays.hashCode(sds);
    }

    @Override
    public String toString() {
        return "Normalizer[means=" + Arrays.toString(means) + ", sds=" + Arrays.toString(sds) + "]";
    }
}
