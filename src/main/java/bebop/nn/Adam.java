package bebop.nn;

/**
 * Adam (Kingma and Ba 2015) in double precision on all of a paper network's parameters, in place,
 * with optional global norm clipping: {@code m = b1 m + (1-b1) g; v = b2 v + (1-b2) g^2;
 * w -= lr (m / (1-b1^t)) / (sqrt(v / (1-b2^t)) + eps)}. The BPTT recipes' optimiser (one step per
 * epoch on the gradient of {@link BpttGradient}); its moments are sized once for the network and a
 * step allocates nothing.
 */
public final class Adam implements Optimizer {
    private final LstmNetwork net;
    private final double lr;
    private final double beta1;
    private final double beta2;
    private final double eps;
    /** First and second moments, in the layout of the network's parameter arrays. */
    private final double[][] m;
    private final double[][] v;
    private long t;

    /** Adam on {@code net}'s weights with step size {@code lr}. */
    public Adam(LstmNetwork net, double lr, double beta1, double beta2, double eps) {
        this.net = net;
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        m = new double[net.params.length][];
        v = new double[net.params.length][];
        for (int p = 0; p < m.length; p++) {
            m[p] = new double[net.params[p].length];
            v[p] = new double[net.params[p].length];
        }
    }

    @Override
    public long steps() {
        return t;
    }

    /**
     * One step against {@code gradient} (in the layout of {@link BpttGradient#gradient()}), its global
     * L2 norm clipped to {@code clip} (0 = no clipping).
     */
    public void step(double[][] gradient, double clip) {
        if (gradient.length != m.length) {
            throw new IllegalArgumentException("gradient has " + gradient.length + " arrays, the network " + m.length);
        }
        double sq = 0;
        for (double[] g : gradient) {
            for (double x : g) {
                sq += x * x;
            }
        }
        double scale = Optimizer.clipScale(Math.sqrt(sq), clip);
        t++;
        double c1 = 1 - Math.pow(beta1, t);
        double c2 = 1 - Math.pow(beta2, t);
        net.sync();
        for (int p = 0; p < m.length; p++) {
            update(net.params[p], gradient[p], scale, m[p], v[p], c1, c2);
        }
        net.version++;
    }

    private void update(double[] w, double[] g, double scale, double[] mm, double[] vv, double c1, double c2) {
        for (int i = 0; i < w.length; i++) {
            double gi = g[i] * scale;
            mm[i] = beta1 * mm[i] + (1 - beta1) * gi;
            vv[i] = beta2 * vv[i] + (1 - beta2) * gi * gi;
            w[i] -= lr * (mm[i] / c1) / (Math.sqrt(vv[i] / c2) + eps);
        }
        for (double d : w) {
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("Adam: a weight became non-finite (the gradient diverged)");
            }
        }
    }
}
