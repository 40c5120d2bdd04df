package bebop.app;

import bebop.compose.Composer;
import bebop.compose.FrameLayout;
import bebop.nn.LstmNetwork;
import bebop.nn.Normalizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * A server's compose requests, the free runs of those that wait at the same time composed in one pass
 * ({@link Composer#composeBatch}) when they share a network, a length and a temperature; each piece is
 * the one {@link ComposeService#compose(ComposeRequest, ModelCache)} composes alone, to the byte.
 *
 * <p>A request waits in a queue; while any wait, up to one task per thread of the executor takes its
 * share of them (all of them over the threads, so that every thread stays busy), composes them, and
 * takes the next share: the requests that arrive while the threads are busy are composed together by
 * the next free one, with no timer. A task per request would leave tasks in the executor's queue
 * whose requests another task composed (they filled it). Owned by its server, with its {@link ModelCache}.
 */
public final class ComposeBatcher {
    /** The most pieces a task composes: a pass of 32 runs is about as fast a run as passes of more. */
    static final int MAX_BATCH = 32;

    private record Job(ComposeRequest request, CompletableFuture<Composition> result) {}

    /** What free runs must share to run in one pass. */
    private record Batch(LstmNetwork network, Normalizer normalizer, int steps, double temperature) {}

    private record Run(Job job, ComposeService.FreeRun run) {}

    private final ModelCache cache;
    private final Executor executor;
    private final int threads;
    private final int capacity;
    /** Guarded by itself, as {@link #tasks}. */
    private final ArrayDeque<Job> waiting = new ArrayDeque<>();
    /** Tasks handed to the executor and not finished: at most {@link #threads}. */
    private int tasks;

    /**
     * Composes with the models of {@code cache} on {@code executor}, which runs tasks on {@code threads}
     * threads; at most {@code capacity} requests wait.
     */
    public ComposeBatcher(ModelCache cache, Executor executor, int threads, int capacity) {
        if (threads < 1 || capacity < 1) {
            throw new IllegalArgumentException("need a thread and room for a request, not " + threads + " and " + capacity);
        }
        this.cache = cache;
        this.executor = executor;
        this.threads = threads;
        this.capacity = capacity;
    }

    /**
     * The piece {@code r} asks for, as {@link ComposeService#compose(ComposeRequest, ModelCache)} composes
     * it (the future fails with what that throws).
     *
     * @throws RejectedExecutionException when {@code capacity} requests wait, or the executor refuses a task
     */
    public Future<Composition> submit(ComposeRequest r) {
        Job job = new Job(r, new CompletableFuture<>());
        boolean start;
        synchronized (waiting) {
            if (waiting.size() >= capacity) {
                throw new RejectedExecutionException(capacity + " compose requests wait");
            }
            waiting.add(job);
            start = tasks < threads;
            tasks += start ? 1 : 0;
        }
        if (start) {
            try {
                executor.execute(this::composeWaiting);
            } catch (RejectedExecutionException e) {
                synchronized (waiting) {
                    tasks--;
                    if (waiting.remove(job)) { // else a running task took it and composes it
                        throw e;
                    }
                }
            }
        }
        return job.result();
    }

    /** A task: shares of the waiting requests until none waits. */
    private void composeWaiting() {
        while (true) {
            List<Job> jobs = new ArrayList<>();
            synchronized (waiting) {
                if (waiting.isEmpty()) {
                    tasks--;
                    return;
                }
                int share = Math.min(MAX_BATCH, (waiting.size() + threads - 1) / threads);
                for (int i = 0; i < share; i++) {
                    jobs.add(waiting.poll());
                }
            }
            compose(jobs);
        }
    }

    /** Each job's piece, or what composing it alone throws; never throws. */
    private void compose(List<Job> jobs) {
        Map<Batch, List<Run>> batches = new LinkedHashMap<>();
        for (Job job : jobs) {
            ComposeService.Start start;
            try {
                start = ComposeService.start(job.request(), cache);
            } catch (RuntimeException | Error e) {
                job.result().completeExceptionally(e);
                continue;
            }
            if (start instanceof ComposeService.FreeRun run && run.primer().length < run.steps()) {
                var model = run.model().model();
                batches.computeIfAbsent(new Batch(model.network(), model.normalizer(), run.steps(), run.temperature()),
                        b -> new ArrayList<>()).add(new Run(job, run));
            } else if (start instanceof ComposeService.FreeRun run) { // refused as composing it alone refuses it
                complete(job, () -> run.finish(run.compose()));
            } else {
                job.result().complete(((ComposeService.Done) start).composition());
            }
        }
        batches.forEach(this::compose);
    }

    private void compose(Batch b, List<Run> runs) {
        if (runs.size() == 1) {
            ComposeService.FreeRun run = runs.get(0).run();
            complete(runs.get(0).job(), () -> run.finish(run.compose()));
            return;
        }
        double[][][] primers = new double[runs.size()][][];
        SplittableRandom[] notes = new SplittableRandom[runs.size()];
        for (int i = 0; i < primers.length; i++) {
            primers[i] = runs.get(i).run().primer();
            notes[i] = runs.get(i).run().notes();
        }
        double[][][] frames;
        try {
            frames = Composer.composeBatch(b.network(), b.normalizer(), FrameLayout.of(b.network().inputs()), primers,
                    b.steps(), b.temperature(), notes);
        } catch (RuntimeException | Error e) {
            runs.forEach(r -> r.job().result().completeExceptionally(e));
            return;
        }
        for (int i = 0; i < frames.length; i++) {
            double[][] piece = frames[i];
            ComposeService.FreeRun run = runs.get(i).run();
            complete(runs.get(i).job(), () -> run.finish(piece));
        }
    }

    private static void complete(Job job, Supplier<Composition> piece) {
        try {
            job.result().complete(piece.get());
        } catch (RuntimeException | Error e) {
            job.result().completeExceptionally(e);
        }
    }
}
