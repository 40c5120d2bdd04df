package bebop.nn;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;

/**
 * Where the time of a step goes ({@code bebop bench --profile}): the online step of the packed
 * learner, or a free run's step, cut after each of its parts, each prefix timed on its own, the
 * share of a part the difference of two prefixes. No clock is read inside a step, so the step
 * timed is the one that trains or generates. Single thread; the figures move with the machine's
 * load, the shares less.
 */
public final class StepProfile {
    /** The parts of an online step, in order. */
    public static final String[] PARTS = {
        "forward pass (gate products, squashing)",
        "output layer (deltas, errors sent back, output weights)",
        "gate factors and peepholes (per block)",
        "gate and cell traces and updates (one pass)",
    };

    /** The parts of a free run's step, in order ({@link ForwardState#partialForward}). */
    public static final String[] GENERATE_PARTS = {
        "feedback (outputs thresholded into the next input, sources gathered)",
        "gate products",
        "cells (peepholes, squashing, cell states and outputs)",
        "output layer (products, squashing)",
    };

    private static final int ROUNDS = 3;
    /** Steps of a timed sequence, each from a reset. */
    private static final int SEQUENCE = 96;

    private StepProfile() {
    }

    /**
     * Nanoseconds a step of each part (in {@link #PARTS} order, then the whole step under
     * {@code "step"}) for online SGD on {@code cfg} (learning rate 1e-3, momentum 0.9), on random
     * binary frames, {@link #SEQUENCE}-step sequences: all prefixes in turn for {@code warmupSeconds}, then three
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
        double[][] f = new double[SEQUENCE + 1][cfg.inputs()];
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
        return shares(PARTS, parts -> time(learner, f, parts, seconds / ROUNDS));
    }

    /**
     * Nanoseconds a step of each part (in {@link #GENERATE_PARTS} order, then the whole step under
     * {@code "step"}) of a free run of {@code cfg} from a zero state, its outputs thresholded at 0.5
     * and fed back, on the packed weights where the net allows ({@link LstmRunner}'s path), as
     * {@link #online} times its parts.
     */
    public static Map<String, Double> generate(LstmConfig cfg, double warmupSeconds, double seconds) {
        ForwardState st = new ForwardState(LstmNetwork.create(cfg, 1), true);
        FeedbackRule rule = FeedbackRule.threshold(0.5);
        double[] frame = new double[cfg.inputs()];
        long warmEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        do {
            for (int parts = 1; parts <= GENERATE_PARTS.length; parts++) {
                time(st, rule, frame, parts, 0);
            }
        } while (System.nanoTime() < warmEnd);
        return shares(GENERATE_PARTS, parts -> time(st, rule, frame, parts, seconds / ROUNDS));
    }

    /**
     * {@link #ROUNDS} rounds of every prefix in turn, the fastest round of each (the machine's load
     * moves single rounds): each part's nanoseconds a step, then the whole step's.
     */
    private static Map<String, Double> shares(String[] names, IntToDoubleFunction prefixTime) {
        double[] prefix = new double[names.length + 1];
        Arrays.fill(prefix, 1, prefix.length, Double.MAX_VALUE);
        for (int round = 0; round < ROUNDS; round++) {
            for (int parts = 1; parts <= names.length; parts++) {
                prefix[parts] = Math.min(prefix[parts], prefixTime.applyAsDouble(parts));
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (int p = 0; p < names.length; p++) {
            out.put(names[p], Math.max(0, prefix[p + 1] - prefix[p]));
        }
        out.put("step", prefix[names.length]);
        return out;
    }

    /** Nanoseconds a free-run step of the first {@code parts} parts. */
    private static double time(ForwardState st, FeedbackRule rule, double[] frame, int parts, double seconds) {
        return nanosPerStep(seconds, () -> {
            st.reset();
            for (int t = 0; t < SEQUENCE; t++) {
                rule.next(st.y, frame);
                st.partialForward(frame, parts);
            }
        });
    }

    /** Nanoseconds an online step of the first {@code parts} parts. */
    private static double time(OnlineLearner learner, double[][] f, int parts, double seconds) {
        return nanosPerStep(seconds, () -> {
            learner.reset();
            for (int t = 0; t < SEQUENCE; t++) {
                learner.partialStep(f[t], f[t + 1], parts);
            }
        });
    }

    /** Runs {@code sequence} ({@link #SEQUENCE} steps from a reset) until {@code seconds} have passed: nanoseconds a step. */
    private static double nanosPerStep(double seconds, Runnable sequence) {
        long steps = 0;
        long budget = (long) (seconds * 1e9);
        long t0 = System.nanoTime();
        long elapsed;
        do {
            sequence.run();
            steps += SEQUENCE;
            elapsed = System.nanoTime() - t0;
        } while (elapsed < budget);
        return elapsed / (double) steps;
    }
}
