package bebop.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Where the time of an online step goes ({@code bebop bench --profile}): the step of the packed
 * learner cut after each of its parts, each prefix timed on its own, the share of a part the
 * difference of two prefixes. No clock is read inside a step, so the step timed is the one that
 * trains. Single thread; the figures move with the machine's load, the shares less.
 */
public final class StepProfile {
    /** The parts of a step, in order. */
    public static final String[] PARTS = {
        "forward pass (gate products, squashing)",
        "output layer (deltas, errors sent back, output weights)",
        "gate factors and peepholes (per block)",
        "gate and cell traces and updates (one pass)",
    };

    private static final int ROUNDS = 3;

    private StepProfile() {
    }

    /**
     * Nanoseconds a step of each part (in {@link #PARTS} order, then the whole step under
     * {@code "step"}) for online SGD on {@code cfg} (learning rate 1e-3, momentum 0.9), on random
     * binary frames, 96-step sequences: all prefixes in turn for {@code warmupSeconds}, then three
     * rounds of all prefixes in turn for {@code seconds} in all, the fastest round of each prefix.
     *
     * @throws IllegalArgumentException when the net does not learn on the packed path
     */
    public static Map<String, Double> online(LstmConfig cfg, double warmupSeconds, double seconds) {
        LstmNetwork net = LstmNetwork.create(cfg, 1);
        OnlineLearner learner = net.newLearner(1e-3, 0.9);
        if (!learner.packed()) {
            throw new IllegalArgumentException("this net does not learn on the packed path");
        }
        SplittableRandom rng = new SplittableRandom(2);
        double[][] f = new double[97][cfg.inputs()];
        for (double[] row : f) {
            for (int i = 0; i < row.length; i++) {
                row[i] = rng.nextDouble() < 0.2 ? 1.0 : 0.0;
            }
        }
        // Warm-up: every prefix in turn, so that the JIT compiles the step with all its parts taken.
        long warmEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        do {
            for (int parts = 1; parts <= PARTS.length; parts++) {
                time(learner, f, parts, 0);
            }
        } while (System.nanoTime() < warmEnd);
        // Then ROUNDS rounds of every prefix in turn, the fastest round of each: the machine's load
        // moves single rounds.
        double[] prefix = new double[PARTS.length + 1];
        java.util.Arrays.fill(prefix, 1, prefix.length, Double.MAX_VALUE);
        for (int round = 0; round < ROUNDS; round++) {
            for (int parts = 1; parts <= PARTS.length; parts++) {
                prefix[parts] = Math.min(prefix[parts], time(learner, f, parts, seconds / ROUNDS));
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (int p = 0; p < PARTS.length; p++) {
            out.put(PARTS[p], Math.max(0, prefix[p + 1] - prefix[p]));
        }
        out.put("step", prefix[PARTS.length]);
        return out;
    }

    /** Nanoseconds a step of the first {@code parts} parts. */
    private static double time(OnlineLearner learner, double[][] f, int parts, double seconds) {
        long steps = 0;
        long budget = (long) (seconds * 1e9);
        long t0 = System.nanoTime();
        long elapsed;
        do {
            learner.reset();
            for (int t = 0; t < 96; t++) {
                learner.partialStep(f[t], f[t + 1], parts);
            }
            steps += 96;
            elapsed = System.nanoTime() - t0;
        } while (elapsed < budget);
        return elapsed / (double) steps;
    }
}
