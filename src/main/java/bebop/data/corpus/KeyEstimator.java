package bebop.data.corpus;

/**
 * The Krumhansl-Schmuckler key-finding algorithm: the pitch-class histogram of a piece (each note
 * weighted by its length) is correlated (Pearson) with the Krumhansl-Kessler probe-tone profiles of
 * the 24 major and minor keys, and the best-correlated key wins (ties: major before minor, then the
 * lower tonic).
 */
public final class KeyEstimator {
    /** Krumhansl & Kessler (1982) major-key profile, from the tonic up. */
    static final double[] MAJOR = {6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88};
    /** Krumhansl & Kessler (1982) minor-key profile, from the tonic up. */
    static final double[] MINOR = {6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17};

    private KeyEstimator() {}

    /** The key of a pitch-class histogram (12 weights, index 0 = C); C major when it is all zeros. */
    public static Key estimate(double[] histogram) {
        if (histogram.length != 12) {
            throw new IllegalArgumentException("a pitch-class histogram has 12 entries, not " + histogram.length);
        }
        Key best = new Key(0, false, 0);
        double bestR = Double.NEGATIVE_INFINITY;
        for (int mode = 0; mode < 2; mode++) {
            double[] profile = mode == 0 ? MAJOR : MINOR;
            for (int tonic = 0; tonic < 12; tonic++) {
                double r = correlation(histogram, profile, tonic);
                if (r > bestR + 1e-12) {
                    bestR = r;
                    best = new Key(tonic, mode == 1, r);
                }
            }
        }
        return bestR == Double.NEGATIVE_INFINITY || Double.isNaN(bestR) ? new Key(0, false, 0) : best;
    }

    /** Pearson correlation of the histogram with the profile rotated to start at {@code tonic}. */
    static double correlation(double[] h, double[] profile, int tonic) {
        double mh = 0;
        double mp = 0;
        for (int i = 0; i < 12; i++) {
            mh += h[i];
            mp += profile[i];
        }
        mh /= 12;
        mp /= 12;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int pc = 0; pc < 12; pc++) {
            double x = h[pc] - mh;
            double y = profile[Math.floorMod(pc - tonic, 12)] - mp;
            sxy += x * y;
            sxx += x * x;
            syy += y * y;
        }
        return sxx == 0 ? Double.NEGATIVE_INFINITY : sxy / Math.sqrt(sxx * syy);
    }
}
