package bebop.nn.modern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
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
    void onePerThreadCutsNoMoreChunksThanThreads() {
        for (int threads = 1; threads <= 3; threads++) {
            try (Team team = new Team(threads)) {
                for (int n = 0; n <= 9; n++) {
                    AtomicIntegerArray seen = new AtomicIntegerArray(n);
                    AtomicInteger chunks = new AtomicInteger();
                    team.runOnePerThread(n, (w, from, to) -> {
                        chunks.incrementAndGet();
                        for (int i = from; i < to; i++) {
                            seen.incrementAndGet(i);
                        }
                    });
                    for (int i = 0; i < n; i++) {
                        assertEquals(1, seen.get(i), threads + " threads, n " + n + ", index " + i);
                    }
                    assertEquals(Math.min(n, threads), chunks.get(), threads + " threads, n " + n);
                }
            }
        }
    }

    @Test
    void noTwoChunksAtOnceShareAWorkersScratch() {
        try (Team team = new Team(3)) {
            AtomicIntegerArray busy = new AtomicIntegerArray(3);
            AtomicIntegerArray clash = new AtomicIntegerArray(1);
            for (int round = 0; round < 200; round++) {
                team.run(50, (w, from, to) -> {
                    if (busy.getAndSet(w, 1) != 0) {
                        clash.set(0, 1);
                    }
                    Thread.onSpinWait();
                    busy.set(w, 0);
                });
            }
            assertEquals(0, clash.get(0));
        }
    }

    @Test
    void aPartsFailureReachesTheCallerAndTheTeamGoesOn() {
        try (Team team = new Team(2)) {
            IllegalStateException boom = new IllegalStateException("boom");
            assertSame(boom, assertThrows(IllegalStateException.class, () -> team.run(4, (w, from, to) -> {
                if (from <= 2 && 2 < to) {
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
