package bebop.studio;

import bebop.app.ComposeRequest;
import bebop.app.ComposeService;
import bebop.music.Note;
import bebop.music.Part;
import bebop.music.Score;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The studio's load test, a client run by {@code scripts/studio-load.sh} against a server it started
 * (not part of the test run): {@code requests} compose requests of {@code choruses} choruses each, seeds
 * 1..requests, sent by {@code clients} concurrent clients, after {@code warmup} untimed ones; every answer
 * is checked against {@link ComposeService} with the same settings (status, bars, every note), and the
 * latencies' p50, p99 and maximum are printed. Bounded: each request may take {@code timeout} seconds,
 * the whole run twice that plus a minute; it ends with an exception (exit code 1) when any answer is
 * missing or wrong.
 *
 * <pre>java -cp target/bebop.jar:target/test-classes bebop.studio.StudioLoad URL [requests clients choruses warmup timeout]</pre>
 */
public final class StudioLoad {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Answer(long seed, int status, String body, long nanos) {}

    private StudioLoad() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: StudioLoad URL [requests clients choruses warmup timeout-seconds]");
        }
        String url = args[0].endsWith("/") ? args[0] : args[0] + "/";
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int choruses = args.length > 3 ? Integer.parseInt(args[3]) : 12;
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 20;
        int timeout = args.length > 5 ? Integer.parseInt(args[5]) : 60;
        if (run(url, requests, clients, choruses, warmup, timeout) != 0) {
            throw new IllegalStateException("the load test failed (above)"); // the JVM exits with 1
        }
    }

    static int run(String url, int requests, int clients, int choruses, int warmup, int timeout) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newFixedThreadPool(4, StudioLoad::daemon)).build();
        for (int i = 0; i < warmup; i++) {
            Answer a = send(http, url, 1000 + i, choruses, timeout);
            if (a.status() != 200) {
                System.err.println("warm-up request " + i + ": HTTP " + a.status() + " " + a.body());
                return 1;
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients, StudioLoad::daemon);
        AtomicInteger next = new AtomicInteger(1);
        List<Future<List<Answer>>> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                List<Answer> mine = new ArrayList<>();
                for (int seed = next.getAndIncrement(); seed <= requests; seed = next.getAndIncrement()) {
                    mine.add(send(http, url, seed, choruses, timeout));
                }
                return mine;
            }));
        }
        pool.shutdown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2L * timeout + 60);
        List<Answer> answers = new ArrayList<>();
        for (Future<List<Answer>> w : workers) {
            try {
                answers.addAll(w.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                pool.shutdownNow();
                System.err.println("the run took longer than " + (2L * timeout + 60) + " s; stopped");
                return 1;
            }
        }
        double wall = (System.nanoTime() - start) / 1e9;

        int wrong = 0;
        for (Answer a : answers) {
            String problem = check(a, choruses);
            if (problem != null) {
                wrong++;
                if (wrong <= 5) {
                    System.err.println("seed " + a.seed() + ": " + problem);
                }
            }
        }
        long[] ms = answers.stream().mapToLong(a -> a.nanos() / 1_000_000).sorted().toArray();
        System.out.printf(Locale.ROOT, "%d POST /api/compose (%d choruses) from %d clients in %.1f s (%.1f/s), "
                        + "after %d untimed warm-up requests%n",
                answers.size(), choruses, clients, wall, answers.size() / wall, warmup);
        System.out.printf(Locale.ROOT, "answered %d of %d, correct %d (the notes ComposeService composes), lost %d%n",
                answers.stream().filter(a -> a.status() == 200).count(), requests, answers.size() - wrong,
                requests - answers.size());
        if (ms.length > 0) {
            System.out.printf(Locale.ROOT, "latency ms: p50 %d, p99 %d, max %d, min %d%n",
                    percentile(ms, 50), percentile(ms, 99), ms[ms.length - 1], ms[0]);
        }
        return wrong == 0 && answers.size() == requests ? 0 : 1;
    }

    /** Threads that do not keep the JVM alive once main returns. */
    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r);
        t.setDaemon(true);
        return t;
    }

    /** The nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static Answer send(HttpClient http, String url, long seed, int choruses, int timeout) {
        String body = "{\"model\": \"bundled\", \"choruses\": " + choruses + ", \"seed\": " + seed + "}";
        HttpRequest r = HttpRequest.newBuilder(URI.create(url + "api/compose"))
                .timeout(Duration.ofSeconds(timeout))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(r, HttpResponse.BodyHandlers.ofString());
            return new Answer(seed, response.statusCode(), response.body(), System.nanoTime() - t0);
        } catch (Exception e) {
            return new Answer(seed, -1, e.toString(), System.nanoTime() - t0);
        }
    }

    /** Null when the answer is the piece {@code bebop compose --choruses N --seed S} composes, else what differs. */
    private static String check(Answer a, int choruses) {
        if (a.status() != 200) {
            return "HTTP " + a.status() + " " + a.body();
        }
        try {
            JsonNode piece = JSON.readTree(a.body());
            Score expected = ComposeService.compose(new ComposeRequest(null, choruses, a.seed(), 1.0, null, null, null, 120))
                    .score();
            if (piece.get("bars").asLong() != expected.bars()) {
                return piece.get("bars") + " bars, expected " + expected.bars();
            }
            for (Part p : expected.parts()) {
                JsonNode got = null;
                for (JsonNode part : piece.get("parts")) {
                    if (part.get("name").asText().equals(p.name())) {
                        got = part.get("notes");
                    }
                }
                if (got == null) {
                    return "no part " + p.name();
                }
                List<String> want = new ArrayList<>();
                for (Note n : p.notes()) {
                    want.add(Arrays.toString(new long[] {n.pitch(), n.start(), n.duration(), n.velocity()}));
                }
                List<String> have = new ArrayList<>();
                for (JsonNode n : got) {
                    have.add(Arrays.toString(new long[] {n.get(0).asLong(), n.get(1).asLong(), n.get(2).asLong(), n.get(3).asLong()}));
                }
                if (!want.equals(have)) {
                    return p.name() + ": " + have.size() + " notes differ from the " + want.size() + " ComposeService composes";
                }
            }
            return null;
        } catch (Exception e) {
            return "unreadable answer: " + e;
        }
    }
}
