package bebop.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * bebop sweep on a real Spark standalone cluster on loopback: a Master and two Workers started here as child
 * JVMs from the build's jars (a SPARK_HOME of links to them), the driver a child JVM with the class path
 * ./bebop gives it, so executors load bebop from the jars the driver ships. The same sweep gives the same
 * table as on local[2]; a worker killed mid-sweep costs only time.
 */
class ClusterIT {
    private static final Path CORE_JAR = Path.of(System.getProperty("bebop.core.jar"));
    private static final Path SPARK_JAR = Path.of(System.getProperty("bebop.spark.jar"));
    private final List<Process> processes = new ArrayList<>();
    private Path dir;

    @AfterEach
    void stopTheCluster() throws InterruptedException {
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void aSweepOnAStandaloneClusterGivesTheTableAndSurvivesALostWorker() throws Exception {
        dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "cluster");
        List<String> sparkJars = Files.readAllLines(Path.of(System.getProperty("bebop.spark.classpath")));
        Path home = sparkHome(String.join(File.pathSeparator, sparkJars));
        Map<String, String> env = Map.of("SPARK_HOME", home.toString(), "SPARK_SCALA_VERSION", "2.13",
                "SPARK_LOCAL_IP", "127.0.0.1", "SPARK_CONF_DIR", home.resolve("conf").toString());
        String sparkCp = String.join(File.pathSeparator, sparkJars);
        int port = freePort();
        String master = "spark://127.0.0.1:" + port;
        Path masterLog = dir.resolve("master.log");
        processes.add(Cli.start(masterLog, env, sparkCp, List.of("-Xmx256m"), "org.apache.spark.deploy.master.Master",
                "--host", "127.0.0.1", "--port", Integer.toString(port), "--webui-port", "0"));
        List<Process> workers = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            Process w = Cli.start(dir.resolve("worker" + i + ".log"), env, sparkCp, List.of("-Xmx256m"),
                    "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--port", "0", "--webui-port", "0",
                    "--cores", "1", "--memory", "1g", "--work-dir", dir.resolve("work" + i).toString(), master);
            processes.add(w);
            workers.add(w);
        }
        await(() -> count(masterLog, "Registering worker") == 2, 120, "two workers registered: " + read(masterLog));

        String[] grid = SweepTest.GRID;
        Path local = dir.resolve("local");
        Cli.Result l = Cli.run(SweepTest.concat(new String[] {"sweep", "--experiment", "chords", "--master", "local[2]",
            "--out", local.toString()}, grid));
        assertEquals(0, l.code(), l.err());
        Path onCluster = dir.resolve("cluster");
        Process d = driver(env, master, onCluster, grid);
        assertTrue(d.waitFor(5, TimeUnit.MINUTES), "the sweep on the cluster finished: " + read(onCluster.resolveSibling("cluster.log")));
        assertEquals(0, d.exitValue(), read(onCluster.resolveSibling("cluster.log")));
        assertEquals(Files.readString(local.resolve("summary.md")), Files.readString(onCluster.resolve("summary.md")));
        assertEquals(Files.readString(local.resolve("summary.json")), Files.readString(onCluster.resolve("summary.json")));

        // six runs of a few seconds each; one worker dies once the first has finished
        Path lost = dir.resolve("lost");
        String[] six = {"--grid", "learner=dekf", "--grid", "max-epochs=200", "--grid", "seed=1..6"};
        Process d2 = driver(env, master, lost, six);
        Path log = lost.resolveSibling("lost.log");
        await(() -> lines(lost.resolve("runs.jsonl")) >= 1 || !d2.isAlive(), 300, "a first run finished: " + read(log));
        assertTrue(d2.isAlive() && lines(lost.resolve("runs.jsonl")) < 6, "the sweep still running: " + read(log));
        workers.get(0).destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertTrue(d2.waitFor(5, TimeUnit.MINUTES), "the sweep finished after the worker was lost: " + read(log));
        assertEquals(0, d2.exitValue(), read(log));
        assertTrue(read(log).contains("Lost executor"), "a run was lost with the worker and run again: " + read(log));
        List<Map<String, Object>> rows = SweepTest.rows(lost.resolve("runs.jsonl"));
        assertEquals(6, rows.size(), rows.toString());
        assertEquals(6, new HashSet<>(rows.stream().map(r -> r.get("seed")).toList()).size(), rows.toString());
        long learned = rows.stream().filter(r -> Boolean.TRUE.equals(r.get("learned"))).count();
        assertTrue(Files.readString(lost.resolve("summary.md")).contains("| learner=dekf max-epochs=200 | " + learned + " of 6 |"),
                Files.readString(lost.resolve("summary.md")));
    }

    /** The sweep's driver as ./bebop starts it: the core jar, the Spark part's jar and Spark's jars. */
    private Process driver(Map<String, String> env, String master, Path out, String[] grid) throws IOException {
        String cp = String.join(File.pathSeparator, CORE_JAR.toString(), SPARK_JAR.toString(),
                Files.readString(Path.of(System.getProperty("bebop.spark.classpath"))).strip());
        Process p = Cli.start(out.resolveSibling(out.getFileName() + ".log"), env, cp,
                List.of("-Dspark.executor.memory=512m", "-Dspark.driver.host=127.0.0.1"), "bebop.cli.Main",
                SweepTest.concat(new String[] {"sweep", "--experiment", "chords", "--master", master, "--out", out.toString()}, grid));
        processes.add(p);
        return p;
    }

    /** A SPARK_HOME for the workers: jars/ links to Spark's jars (executors get their class path from it), an empty conf/. */
    private Path sparkHome(String classPath) throws IOException {
        Path home = dir.resolve("spark-home");
        Files.createDirectories(home.resolve("jars"));
        Files.createDirectories(home.resolve("conf"));
        for (String jar : classPath.split(File.pathSeparator)) {
            Path j = Path.of(jar.strip());
            if (j.toString().endsWith(".jar")) {
                Files.createSymbolicLink(home.resolve("jars").resolve(j.getFileName()), j);
            }
        }
        return home;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void await(BooleanSupplier condition, int seconds, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.sleep(100);
        }
    }

    private static int count(Path file, String text) {
        String s = read(file);
        int n = 0;
        for (int i = s.indexOf(text); i >= 0; i = s.indexOf(text, i + 1)) {
            n++;
        }
        return n;
    }

    private static int lines(Path file) {
        return count(file, "\n");
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "(" + e + ")";
        }
    }
}
