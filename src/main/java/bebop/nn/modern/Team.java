package bebop.nn.modern;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed team of threads that share one computation by ranges: {@link #run} splits {@code [0, n)}
 * into one contiguous range a thread (the caller takes the first) and returns when every range is
 * done. The callers here only split work whose every output element is computed by the same
 * arithmetic whatever the range, so the bits never depend on the number of threads.
 *
 * <p>Made for calls a few hundred microseconds apart (the phases of a training window): a waiting
 * thread spins briefly, then parks. {@link #close} stops the threads; a team of one has none.
 * One caller at a time.
 */
public final class Team implements AutoCloseable {
    /** Work on the range {@code [from, to)}; {@code worker} (0 = the caller) picks its own scratch. */
    @FunctionalInterface
    public interface Part {
        void run(int worker, int from, int to);
    }

    private static final int SPINS = 4_000;
    private final int threads;
    private final Thread[] workers;
    private final AtomicInteger remaining = new AtomicInteger();
    private volatile int generation;
    private volatile boolean closed;
    private volatile Part part;
    private volatile int size;
    private volatile Thread caller;
    private volatile Throwable failure;

    /** A team of {@code threads} (the caller and {@code threads - 1} daemon threads). */
    public Team(int threads) {
        if (threads < 1 || threads > 1024) {
            throw new IllegalArgumentException("threads must be 1..1024: " + threads);
        }
        this.threads = threads;
        workers = new Thread[threads - 1];
        for (int w = 1; w < threads; w++) {
            int id = w;
            Thread t = new Thread(() -> work(id), "bebop-team-" + w);
            t.setDaemon(true);
            workers[w - 1] = t;
            t.start();
        }
    }

    public int threads() {
        return threads;
    }

    /** Runs {@code p} on the ranges of {@code [0, n)}, one a thread; rethrows a part's failure. */
    public void run(int n, Part p) {
        if (threads == 1 || n < 2) {
            if (n > 0) {
                p.run(0, 0, n);
            }
            return;
        }
        if (closed) {
            throw new IllegalStateException("the team is closed");
        }
        part = p;
        size = n;
        failure = null;
        caller = Thread.currentThread();
        remaining.set(threads - 1);
        generation++;
        for (Thread t : workers) {
            LockSupport.unpark(t);
        }
        try {
            p.run(0, 0, bound(n, 1));
        } finally {
            for (int spin = 0; remaining.get() != 0; spin++) {
                if (spin < SPINS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            part = null;
        }
        Throwable f = failure;
        if (f instanceof RuntimeException e) {
            throw e;
        }
        if (f instanceof Error e) {
            throw e;
        }
    }

    /** The start of range {@code w}: the ranges differ in length by at most one. */
    private int bound(int n, int w) {
        return (int) ((long) n * w / threads);
    }

    private void work(int id) {
        int seen = 0;
        while (true) {
            int g;
            for (int spin = 0; (g = generation) == seen; spin++) {
                if (closed) {
                    return;
                }
                if (spin < SPINS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            seen = g;
            try {
                int n = size;
                int from = bound(n, id);
                int to = bound(n, id + 1);
                if (from < to) {
                    part.run(id, from, to);
                }
            } catch (Throwable t) {
                failure = t;
            }
            if (remaining.decrementAndGet() == 0) {
                LockSupport.unpark(caller);
            }
        }
    }

    /** Stops the threads (waits for them). */
    @Override
    public void close() {
        closed = true;
        for (Thread t : workers) {
            LockSupport.unpark(t);
        }
        for (Thread t : workers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
