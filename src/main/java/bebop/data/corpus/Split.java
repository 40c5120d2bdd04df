package bebop.data.corpus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** The three parts of a data set. Pieces (source files), never frames, are split. */
public enum Split {
    TRAIN("train"),
    VALID("valid"),
    TEST("test");

    private final String label;

    Split(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * Splits {@code n} pieces 80/10/10, seeded: valid and test get round(n / 10) pieces each, but at
     * least one each once there are 3 pieces or more; train gets the rest. Which pieces go where is a
     * shuffle of 0..n-1 by {@code java.util.Random(seed)}, so the same n and seed give the same split.
     * Returns the split of each piece, by index.
     */
    public static Split[] assign(int n, long seed) {
        int held = n >= 3 ? Math.max(1, Math.round(n / 10f)) : 0;
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        Split[] splits = new Split[n];
        for (int k = 0; k < n; k++) {
            splits[order.get(k)] = k < held ? VALID : k < 2 * held ? TEST : TRAIN;
        }
        return splits;
    }
}
