package bebop.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * bebop's one notion of a data split: which items of a data set (by index: choruses, pieces) are
 * trained on and which are held out, drawn from a seed so that the same seed gives the same split.
 * A split of indices is this record ({@link #of}: the training / held-out split of Experiment 2's
 * choruses); the label a corpus import gives each piece of a three-way split is a {@link Part}
 * ({@link Part#assign}), kept with the piece because a corpus is written out part by part.
 *
 * @param seed     the split seed
 * @param training indices trained on, ascending
 * @param heldOut  indices held out, ascending
 */
public record Split(long seed, int[] training, int[] heldOut) {
    public Split {
        training = training.clone();
        heldOut = heldOut.clone();
    }

    /**
     * A seeded split of {@code n} items: round(fraction * n) held out, chosen by a Fisher-Yates
     * shuffle with a SplittableRandom of the seed; both lists ascending.
     */
    public static Split of(int n, long seed, double heldOutFraction) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        int held = (int) Math.round(heldOutFraction * n);
        int[] heldOut = Arrays.copyOf(order, held);
        int[] training = Arrays.copyOfRange(order, held, n);
        Arrays.sort(heldOut);
        Arrays.sort(training);
        return new Split(seed, training, heldOut);
    }

    @Override
    public int[] training() {
        return training.clone();
    }

    @Override
    public int[] heldOut() {
        return heldOut.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Split s && seed == s.seed && Arrays.equals(training, s.training)
                && Arrays.equals(heldOut, s.heldOut);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Long.hashCode(seed) + Arrays.hashCode(training)) + Arrays.hashCode(heldOut);
    }

    @Override
    public String toString() {
        return "Split[seed=" + seed + ", training=" + training.length + ", heldOut=" + heldOut.length + "]";
    }

    /** The three parts of a data set, the label of each piece. Pieces (source files), never frames, are split. */
    public enum Part {
        TRAIN("train"),
        VALID("valid"),
        TEST("test");

        private final String label;

        Part(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /**
         * Splits {@code n} pieces 80/10/10, seeded: valid and test get round(n / 10) pieces each, but at
         * least one each once there are 3 pieces or more; train gets the rest. Which pieces go where is a
         * shuffle of 0..n-1 by {@code java.util.Random(seed)}, so the same n and seed give the same split.
         * Returns the part of each piece, by index.
         */
        public static Part[] assign(int n, long seed) {
            int held = n >= 3 ? Math.max(1, Math.round(n / 10f)) : 0;
            List<Integer> order = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                order.add(i);
            }
            Collections.shuffle(order, new Random(seed));
            Part[] parts = new Part[n];
            for (int k = 0; k < n; k++) {
                parts[order.get(k)] = k < held ? VALID : k < 2 * held ? TEST : TRAIN;
            }
            return parts;
        }
    }
}
