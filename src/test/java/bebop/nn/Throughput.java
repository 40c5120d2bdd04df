package bebop.nn;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Steps per second of online training and of inference for the Experiment 1 and Experiment 2
 * networks (not a test; run by hand, single thread):
 * <pre>
 * java -cp "target/classes:target/test-classes:$(cat target/cp.txt)" bebop.nn.Throughput
 * </pre>
 */
public final class Throughput {
    private Throughput() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        for (int round = 0; round < 2; round++) {
            run("exp1", LstmConfig.experiment1(), seconds);
            run("exp2", LstmConfig.experiment2(), seconds);
        }
    }

    private static void run(String name, LstmConfig cfg, double seconds) {
        LstmNetwork net = LstmNetwork.create(cfg, new SplittableRandom(1));
        SplittableRandom rng = new SplittableRandom(2);
        int n = 96;
        double[][] in = new double[n][cfg.inputs()];
        double[][] tg = new double[n][cfg.outputs()];
        for (int t = 0; t < n; t++) {
            for (int i = 0; i < cfg.inputs(); i++) {
                in[t][i] = rng.nextDouble(-1, 1);
            }
            for (int k = 0; k < cfg.outputs(); k++) {
                tg[t][k] = rng.nextBoolean() ? 1 : 0;
            }
        }
        OnlineLearner l = net.newLearner(1e-5, 0.9);
        long steps = 0;
        long t0 = System.nanoTime();
        double sink = 0;
        while (System.nanoTime() - t0 < seconds * 1e9) {
            for (int t = 0; t < n; t++) {
                sink += l.step(in[t], tg[t])[0];
            }
            steps += n;
        }
        double train = steps / ((System.nanoTime() - t0) * 1e-9);
        LstmRunner r = net.newRunner();
        steps = 0;
        t0 = System.nanoTime();
        while (System.nanoTime() - t0 < seconds * 1e9) {
            for (int t = 0; t < n; t++) {
                sink += r.step(in[t])[0];
            }
            steps += n;
        }
        double infer = steps / ((System.nanoTime() - t0) * 1e-9);
        System.out.printf(Locale.ROOT, "%s: %d weights, online training %.0f steps/s, inference %.0f steps/s (%s)%n",
                name, net.parameterCount(), train, infer, sink > 0 ? "" : "-");
    }
}
