package bebop.nn.modern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class TeamTest {
    @Test
    void everyIndexRunsOnceWhateverTheSizes() {
        for (int threads = 1; threads <= 4; threads++) {
            try (Team team = new Team(threads)) {
                for (int n = 0; n <= 9; n++) {
                    AtomicIntegerArray seen = new AtomicIntegerArray(n);
                    for (int round = 0; round < 50; round++) {
                        team.run(n, (w, from, to) -> {
                            for (int i = from; i < to; i++) {
                                seen.incrementAndGet(i);
                            }
                        });
                    }
                    for (int i = 0; i < n; i++) {
                        assertEquals(50, seen.get(i), threads + " threads, n " + n + ", index " + i);
                    }
                }
            }
        }
    }

    @Test
    void eachWorkerHasItsOwnIndexAndRange() {
        try (Team team = new Team(3)) {
            int[] first = new int[3];
            team.run(9, (w, from, to) -> first[w] = from);
            assertEquals(0, first[0]);
            assertEquals(3, first[1]);
            assertEquals(6, first[2]);
        }
    }

    @Test
    void aPartsFailureReachesTheCallerAndTheTeamGoesOn() {
        try (Team team = new Team(2)) {
            IllegalStateException boom = new IllegalStateException("boom");
            assertSame(boom, assertThrows(IllegalStateException.class, () -> team.run(4, (w, from, to) -> {
                if (w == 1) {
                    throw boom;
                }
            })));
            int[] sum = new int[1];
            team.run(4, (w, from, to) -> {
                synchronized (sum) {
                    sum[0] += to - from;
                }
            });
            assertEquals(4, sum[0]);
        }
        assertThrows(IllegalArgumentException.class, () -> new Team(0));
    }
}
