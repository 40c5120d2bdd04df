package bebop.jam;

import java.util.PriorityQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The real clock: {@link System#nanoTime()}, and one scheduler thread (daemon, maximum priority) that
 * runs the tasks. It waits for a task until {@value #SPIN_NANOS} ns before its time, then spins, so
 * that a task starts within microseconds of its time when the machine is not overloaded.
 */
public final class RealClock implements JamClock {
    /** How long before a task's time the scheduler stops waiting and spins. */
    static final long SPIN_NANOS = 1_000_000;

    private record Timed(long at, long seq, Runnable task) {}

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
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
        lock.lock();
        try {
            if (closed) {
                return;
            }
            queue.add(new Timed(nanos, seq++, task));
            changed.signalAll();
        } finally {
            lock.unlock();
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
            lock.lock();
            try {
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
            } finally {
                lock.unlock();
            }
            while (System.nanoTime() < next.at()) {
                Thread.onSpinWait();
            }
            try {
                next.task().run();
            } catch (RuntimeException | Error e) {
                failure = e;
                lock.lock();
                try {
                    closed = true;
                    queue.clear();
                } finally {
                    lock.unlock();
                }
                return;
            }
        }
    }

    private void waitOn(long nanos) {
        try {
            if (nanos == 0) {
                changed.await();
            } else {
                changed.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            closed = true;
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            queue.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
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
