package bebop.nn;

/**
 * The squashing functions of the paper's LSTM. Arguments are clamped to +-{@value #CLAMP}: far
 * beyond that, {@code exp} leaves its fast path and produces subnormals (slow), and the value of
 * the logistic is 1 or 0 to double precision anyway.
 */
final class Activations {
    static final double CLAMP = 30.0;

    private Activations() {
    }

    /** Logistic sigmoid 1 / (1 + e^-x), argument clamped to +-30. */
    static double sigmoid(double x) {
        double c = x > CLAMP ? CLAMP : (x < -CLAMP ? -CLAMP : x);
        return 1.0 / (1.0 + Math.exp(-c));
    }

    /** Cell input squashing g(x) = 4 sigma(x) - 2, range (-2, 2). */
    static double g(double x) {
        return 4.0 * sigmoid(x) - 2.0;
    }

    /** g'(x) from the value y = g(x): 4 sigma (1 - sigma) = (2 + y)(2 - y) / 4. */
    static double gPrimeFromValue(double y) {
        return (2.0 + y) * (2.0 - y) * 0.25;
    }

    /** Cell output squashing h(x) = 2 sigma(x) - 1, range (-1, 1). */
    static double h(double x) {
        return 2.0 * sigmoid(x) - 1.0;
    }

    /** h'(x) from the value y = h(x): 2 sigma (1 - sigma) = (1 + y)(1 - y) / 2. */
    static double hPrimeFromValue(double y) {
        return (1.0 + y) * (1.0 - y) * 0.5;
    }

    /** Cross-entropy of one binomial unit: -t ln y - (1 - t) ln (1 - y). */
    static double crossEntropy(double y, double t) {
        double e = 0;
        if (t != 0) {
            e -= t * Math.log(y);
        }
        if (t != 1) {
            e -= (1 - t) * Math.log(1 - y);
        }
        return e;
    }

    /** Cross-entropy summed over the first {@code n} units of {@code y} against {@code t}. */
    static double crossEntropy(double[] y, double[] t, int n) {
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += crossEntropy(y[k], t[k]);
        }
        return sum;
    }
}
