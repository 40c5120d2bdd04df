package bebop.nn.modern;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed team of threads that share one computation by ranges: {@link #run} cuts {@code [0, n)}
 * into two contiguous chunks a thread ({@link #runOnePerThread}: one), which the threads (the
 * caller among them) take one at a time until none is left, and returns when every chunk is done.
 * The callers here only split work whose every output element is computed by the same arithmetic
 * whatever the chunk and whoever takes it, so the bits never depend on the number of threads.
 *
 * <p>Made for calls a few hundred microseconds apart (the phases of a training window) on a
 * machine that may be shared: chunks are taken, not assigned, so a thread the system has put
 * aside holds up at most the chunk it is in, never a share set aside for it. A waiting thread
 * spins for a while, then parks. {@link #close} stops the threads; a team of one has none.
 * One caller at a time.
 */
public final class Team implements AutoCloseable {
    /** Work on the range {@code [from, to)}; {@code worker} (0 = the caller) picks its own scratch. */
    @FunctionalInterface
    public interface Part {
        void run(int worker, int from, int to);
    }

    /**
     * Chunks a thread: two let the threads even out their speeds; more cut the lanes of a small
     * batch too fine (the JSB command: 1, 2 and 4 within 7 % of each other, 4 the slowest).
     */
    private static final int CHUNKS_PER_THREAD = 2;
    /**
     * How long a waiting thread spins before it parks: longer than the gaps between the phases of a
     * window, since waking a parked thread takes tens of microseconds (more in a virtual machine),
     * long enough for the caller to do the chunks alone.
     */
    private static final long SPIN_NANOS = 300_000;
    private final int threads;
    private final Thread[] workers;
    private volatile Job job;
    private volatile boolean closed;

    /** One call of {@link #run}: a worker that comes late finds its chunks taken, never another call's. */
    private static final class Job {
        final Part part;
        final int size;
        final int chunks;
        final Thread caller;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        volatile Throwable failure;

        Job(Part part, int size, int chunks, Thread caller) {
            this.part = part;
            this.size = size;
            this.chunks = chunks;
            this.caller = caller;
        }

        /** Takes chunks until none is left. */
        void work(int worker) {
            int k;
            while ((k = next.getAndIncrement()) < chunks) {
                try {
                    part.run(worker, (int) ((long) size * k / chunks), (int) ((long) size * (k + 1) / chunks));
                } catch (Throwable t) {
                    failure = t;
                }
                if (done.incrementAndGet() == chunks) {
                    LockSupport.unpark(caller);
                }
            }
        }
    }

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

    /** Runs {@code p} on the chunks of {@code [0, n)}; rethrows a chunk's failure. */
    public void run(int n, Part p) {
        run(n, threads * CHUNKS_PER_THREAD, p);
    }

    /**
     * {@link #run(int, Part)} in one chunk a thread, for parts whose every chunk adds work of its
     * own: a chunk of lanes makes its own pass over the recurrent weights at every step (the JSB
     * command's backward lanes took 10 % or more CPU in four single-lane chunks than in two).
     */
    public void runOnePerThread(int n, Part p) {
        run(n, threads, p);
    }

    private void run(int n, int maxChunks, Part p) {
        if (threads == 1 || n < 2) {
            if (n > 0) {
                p.run(0, 0, n);
            }
            return;
        }
        if (closed) {
            throw new IllegalStateException("the team is closed");
        }
        Job j = new Job(p, n, Math.min(n, maxChunks), Thread.currentThread());
        job = j;
        for (Thread t : workers) {
            LockSupport.unpark(t);
        }
        j.work(0);
        long spinEnd = System.nanoTime() + SPIN_NANOS;
        while (j.done.get() != j.chunks) {
            if (System.nanoTime() < spinEnd) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
        }
        Throwable f = j.failure;
        if (f instanceof RuntimeException e) {
            throw e;
        }
        if (f instanceof Error e) {
            throw e;
        }
    }

    private void work(int id) {
        Job seen = null;
        while (true) {
            Job j;
            long spinEnd = System.nanoTime() + SPIN_NANOS;
            while (true) {
                if (closed) {
                    return;
                }
                j = job;
                if (j != seen) {
                    break;
                }
                if (System.nanoTime() < spinEnd) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            seen = j;
            j.work(id);
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
