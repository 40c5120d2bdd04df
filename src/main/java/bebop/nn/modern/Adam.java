package bebop.nn.modern;

/**
 * Adam (Kingma & Ba 2015) over a flat float parameter array, with bias correction:
 * {@code m = b1 m + (1-b1) g; v = b2 v + (1-b2) g^2; p -= lr sqrt(1-b2^t)/(1-b1^t) * m / (sqrt(v) + eps)}.
 * Its state (moments and step count) is exposed for checkpoints and restored exactly. The float
 * side of {@link bebop.nn.Optimizer} (the paper network's double Adam is {@link bebop.nn.Adam}).
 */
public final class Adam implements bebop.nn.Optimizer {
    private final float beta1;
    private final float beta2;
    private final float eps;
    private final float[] m;
    private final float[] v;
    private long steps;

    public Adam(int size, double beta1, double beta2, double eps) {
        if (!(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1 && eps > 0)) {
            throw new IllegalArgumentException("Adam needs 0 <= beta < 1 and eps > 0");
        }
        this.beta1 = (float) beta1;
        this.beta2 = (float) beta2;
        this.eps = (float) eps;
        m = new float[size];
        v = new float[size];
    }

    /** The usual settings: beta1 0.9, beta2 0.999, eps 1e-8. */
    public static Adam standard(int size) {
        return new Adam(size, 0.9, 0.999, 1e-8);
    }

    /** One update of {@code params} with gradient {@code grad} and learning rate {@code lr}. */
    public void step(float[] params, float[] grad, double lr) {
        update(params, grad, rate(lr), 0, params.length);
    }

    /** {@link #step(float[], float[], double)} with the parameters shared by {@code team} (each one's arithmetic alone). */
    public void step(float[] params, float[] grad, double lr, Team team) {
        float a = rate(lr);
        team.run(params.length, (w, from, to) -> update(params, grad, a, from, to));
    }

    /** Counts the step; its bias-corrected step size. */
    private float rate(double lr) {
        steps++;
        double bc1 = 1 - StrictMath.pow(beta1, steps);
        double bc2 = 1 - StrictMath.pow(beta2, steps);
        return (float) (lr * Math.sqrt(bc2) / bc1);
    }

    private void update(float[] params, float[] grad, float a, int from, int to) {
        float b1 = beta1;
        float b2 = beta2;
        float c1 = 1 - b1;
        float c2 = 1 - b2;
        for (int i = from; i < to; i++) {
            float g = grad[i];
            float mi = b1 * m[i] + c1 * g;
            float vi = b2 * v[i] + c2 * g * g;
            m[i] = mi;
            v[i] = vi;
            params[i] = params[i] - a * mi / ((float) Math.sqrt(vi) + eps);
        }
    }

    /** Updates done so far. */
    @Override
    public long steps() {
        return steps;
    }

    /** A copy of the first moments. */
    public float[] firstMoments() {
        return m.clone();
    }

    /** A copy of the second moments. */
    public float[] secondMoments() {
        return v.clone();
    }

    /** Restores a saved state. */
    public void restore(float[] first, float[] second, long steps) {
        if (first.length != m.length || second.length != v.length || steps < 0) {
            throw new IllegalArgumentException("Adam state of the wrong size");
        }
        System.arraycopy(first, 0, m, 0, m.length);
        System.arraycopy(second, 0, v, 0, v.length);
        this.steps = steps;
    }

    /**
     * Scales {@code grad} so that its Euclidean norm is at most {@code maxNorm} (no change when
     * {@code maxNorm} is 0 or the norm is below it); returns the norm before clipping (summed in
     * index order when it clips, possibly in another order when it does not).
     */
    public static double clipNorm(float[] grad, double maxNorm) {
        return clipNorm(grad, maxNorm, new Team(1));
    }

    /**
     * {@link #clipNorm(float[], double)} shared by {@code team}, with the same bits whatever its
     * size: a clipped gradient's norm is summed by one thread in order (its rounding decides the
     * scale). The squares are first summed in any order (by chunks, four running sums each, about
     * four times faster than one chain of dependent adds); when that sum is clearly below
     * {@code maxNorm^2} (beyond any difference the order of a sum of squares can make) nothing is
     * clipped and that norm is returned.
     */
    public static double clipNorm(float[] grad, double maxNorm, Team team) {
        if (maxNorm > 0) {
            double[] part = new double[team.threads()];
            team.run(grad.length, (w, from, to) -> part[w] += sumOfSquaresAnyOrder(grad, from, to));
            double s = 0;
            for (double p : part) {
                s += p;
            }
            // each order's sum is within n * 2^-53 of the exact one, far below 1e-6 for any net here
            if (s * (1 + 1e-6) < maxNorm * maxNorm) {
                return Math.sqrt(s);
            }
        }
        double norm = Math.sqrt(sumOfSquares(grad, 0, grad.length));
        double clip = bebop.nn.Optimizer.clipScale(norm, maxNorm);
        if (clip != 1.0) {
            float scale = (float) clip;
            team.run(grad.length, (w, from, to) -> {
                for (int i = from; i < to; i++) {
                    grad[i] *= scale;
                }
            });
        }
        return norm;
    }

    /**
     * The sum of squares in four running sums, for the check alone (its order does not matter
     * there): about four times faster than one sum, whose every addition waits for the last.
     */
    private static double sumOfSquaresAnyOrder(float[] g, int from, int to) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = from;
        for (; i + 3 < to; i += 4) {
            s0 += (double) g[i] * g[i];
            s1 += (double) g[i + 1] * g[i + 1];
            s2 += (double) g[i + 2] * g[i + 2];
            s3 += (double) g[i + 3] * g[i + 3];
        }
        for (; i < to; i++) {
            s0 += (double) g[i] * g[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    private static double sumOfSquares(float[] g, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += (double) g[i] * g[i];
        }
        return s;
    }
}
