package bebop.jam;

import java.util.PriorityQueue;

/**
 * A clock for tests: time stands still until {@link #advanceTo} (or {@link #sleepUntil}) moves it,
 * running every task due on the way at its exact time, so a jam runs the same on every machine.
 */
public final class SimulatedClock implements JamClock {
    private record Timed(long at, long seq, Runnable task) {}

    private final PriorityQueue<Timed> queue = new PriorityQueue<>((a, b) -> a.at != b.at ? Long.compare(a.at, b.at)
            : Long.compare(a.seq, b.seq));
    private long now;
    private long seq;
    private boolean closed;
    private Throwable failure;

    /** A clock at time {@code start}. */
    public SimulatedClock(long start) {
        this.now = start;
    }

    @Override
    public long now() {
        return now;
    }

    @Override
    public void at(long nanos, Runnable task) {
        if (!closed) {
            queue.add(new Timed(nanos, seq++, task));
        }
    }

    /** Runs every task due up to {@code nanos}, each at its time, and leaves the clock at {@code nanos}. */
    public void advanceTo(long nanos) {
        while (!closed && failure == null && !queue.isEmpty() && queue.peek().at() <= nanos) {
            Timed t = queue.poll();
            now = Math.max(now, t.at());
            try {
                t.task().run();
            } catch (RuntimeException | Error e) {
                failure = e;
            }
        }
        now = Math.max(now, nanos);
    }

    /** Moves time on by {@code nanos}. */
    public void advanceBy(long nanos) {
        advanceTo(now + nanos);
    }

    @Override
    public void sleepUntil(long nanos) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        advanceTo(nanos);
    }

    @Override
    public Throwable failure() {
        return failure;
    }

    @Override
    public void close() {
        closed = true;
        queue.clear();
    }
}
