package bebop.train;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongFunction;

/**
 * Runs one task per seed on a fixed number of threads: the parallelism that is real for small
 * recurrent nets, whose single steps are too short to share between cores. Each task is
 * single-threaded and owns everything it touches (network, random numbers), so its result is the
 * same whatever the number of threads; results come back in the order of the seeds.
 */
public final class SeedSweep {
    private SeedSweep() {
    }

    /** {@code task.apply(seed)} for each seed, at most {@code threads} at a time; the first failure is rethrown. */
    public static <R> List<R> run(List<Long> seeds, int threads, LongFunction<R> task) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, seeds.size())), r -> {
            Thread t = new Thread(r, "bebop-seed");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (long seed : seeds) {
                futures.add(pool.submit(() -> task.apply(seed)));
            }
            List<R> results = new ArrayList<>();
            for (Future<R> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
