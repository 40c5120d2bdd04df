package bebop.studio;

import bebop.app.TrainingJob;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The studio's trainings, by id: one runs at a time (on its own thread); the last few are kept so that
 * their progress can still be asked for. Each writes its model into the models folder of the catalog.
 */
final class Trainings implements AutoCloseable {
    /** Trainings remembered; the oldest finished one is forgotten first. */
    private static final int KEPT = 16;

    /** A training: its id, the id its model will have, and the job. */
    record Entry(String id, String model, TrainingJob job) {}

    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bebop-studio-training");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /**
     * Starts a job that writes {@code modelFile} (model id {@code model}); a 409 while another one runs.
     */
    synchronized Entry start(TrainingJob.Request request, String model, Path modelFile) {
        for (Entry e : entries.values()) {
            if (!e.job().state().over()) {
                throw new ApiError(409, "a training is running (" + e.id() + ": " + e.job().describe()
                        + "); the studio trains one at a time: stop it (DELETE /api/trainings/" + e.id() + ") or wait");
            }
        }
        TrainingJob job = new TrainingJob(request, modelFile);
        byte[] id = new byte[4];
        random.nextBytes(id);
        Entry entry = new Entry(HexFormat.of().formatHex(id), model, job);
        entries.put(entry.id(), entry);
        while (entries.size() > KEPT) {
            entries.remove(entries.keySet().iterator().next());
        }
        runner.execute(job::run);
        return entry;
    }

    /** The training of an id, or a 404. */
    synchronized Entry get(String id) {
        Entry e = entries.get(id);
        if (e == null) {
            throw ApiError.notFound("training '" + id + "': no such training on this server (GET /api/trainings lists them)");
        }
        return e;
    }

    synchronized List<Entry> all() {
        return new ArrayList<>(entries.values());
    }

    /** Stops a running training and waits a little for it to keep its model. */
    @Override
    public void close() {
        all().forEach(e -> e.job().stop());
        runner.shutdown();
        try {
            runner.awaitTermination(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
