package bebop.jam;

/**
 * The time a jam runs on, in nanoseconds: the real one ({@link RealClock}, on {@link System#nanoTime()}
 * with a scheduler thread) or a simulated one for tests ({@link SimulatedClock}). Tasks run one at a
 * time, in the order of their times (equal times: in the order they were given), on the clock's own
 * thread (real) or on the thread that advances it (simulated).
 */
public interface JamClock extends AutoCloseable {
    /** Now, in nanoseconds (an arbitrary origin). */
    long now();

    /** Runs {@code task} at {@code nanos} (at once if that has passed). */
    void at(long nanos, Runnable task);

    /**
     * Returns at {@code nanos} (real: by waiting; simulated: by running every task due until then and
     * moving time on).
     *
     * @throws InterruptedException when the waiting thread is interrupted
     */
    void sleepUntil(long nanos) throws InterruptedException;

    /** The first error a task threw, or null. */
    Throwable failure();

    /** Stops running tasks; the tasks not yet run are dropped. Returns when no task is running. */
    @Override
    void close();
}
