package bebop.jam;

import java.util.PriorityQueue;

/**
 * The real clock: {@link System#nanoTime()}, and one scheduler thread (daemon, maximum priority) that
 * runs the tasks. It waits for a task until {@value #SPIN_NANOS} ns before its time, then spins, so
 * that a task starts within microseconds of its time when the machine is not overloaded.
 */
public final class RealClock implements JamClock {
    /** How long before a task's time the scheduler stops waiting and spins. */
    static final long SPIN_NANOS = 1_000_000;

    private record Timed(long at, long seq, Runnable task) {}

    private final Object lock = new Object();
    private final PriorityQueue<Timed> queue = new PriorityQueue<>((a, b) -> a.at != b.at ? Long.compare(a.at, b.at)
            : Long.compare(a.seq, b.seq));
    private final Thread thread;
    private long seq;
    private volatile boolean closed;
    private volatile Throwable failure;

    public RealClock(String name) {
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
        thread.start();
    }

    @Override
    public long now() {
        return System.nanoTime();
    }

    @Override
    public void at(long nanos, Runnable task) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            queue.add(new Timed(nanos, seq++, task));
            lock.notifyAll();
        }
    }

    @Override
    public void sleepUntil(long nanos) throws InterruptedException {
        for (long left = nanos - System.nanoTime(); left > 0; left = nanos - System.nanoTime()) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
    }

    @Override
    public Throwable failure() {
        return failure;
    }

    private void loop() {
        while (true) {
            Timed next;
            synchronized (lock) {
                if (closed) {
                    return;
                }
                if (queue.isEmpty()) {
                    waitOn(0);
                    continue;
                }
                long wait = queue.peek().at() - System.nanoTime() - SPIN_NANOS;
                if (wait > 0) {
                    waitOn(wait);
                    continue;
                }
                next = queue.poll();
            }
            while (System.nanoTime() < next.at()) {
                Thread.onSpinWait();
            }
            try {
                next.task().run();
            } catch (RuntimeException | Error e) {
                failure = e;
                synchronized (lock) {
                    closed = true;
                    queue.clear();
                }
                return;
            }
        }
    }

    private void waitOn(long nanos) {
        try {
            if (nanos == 0) {
                lock.wait();
            } else {
                lock.wait(nanos / 1_000_000, (int) (nanos % 1_000_000));
            }
        } catch (InterruptedException e) {
            closed = true;
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            queue.clear();
            lock.notifyAll();
        }
        if (Thread.currentThread() != thread) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
