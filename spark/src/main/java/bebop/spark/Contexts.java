package bebop.spark;

import bebop.UserError;
import bebop.nn.Arithmetic;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Spark contexts for bebop's jobs: the master the user names, no web UI, and on a cluster bebop's own
 * jars shipped to the executors (Spark's are in the workers' SPARK_HOME). Any other Spark setting
 * comes as a {@code -Dspark.NAME=VALUE} system property (BEBOP_JAVA_OPTS), which SparkConf reads.
 */
final class Contexts {
    private static final Pattern HOST_PORT = Pattern.compile("spark://([^:,/]+):(\\d{1,5})");
    private static final Pattern MASTER = Pattern.compile("local(\\[(\\*|[1-9][0-9]*)(,[0-9]+)?])?|[a-z]+://.+");

    private Contexts() {
    }

    /** A context on {@code master}; a master Spark cannot use is a user error naming {@code flag}. */
    static JavaSparkContext open(String master, String appName, String flag) {
        check(master, flag);
        SparkConf conf = new SparkConf().setMaster(master).setAppName(appName)
                .setIfMissing("spark.ui.enabled", "false")
                .setIfMissing("spark.ui.showConsoleProgress", "false");
        if (!master.startsWith("local")) {
            answers(master, flag);
            conf.setJars(ourJars().toArray(String[]::new));
            // executors compute with the driver's arithmetic, so a run gives the bits it gives here (Spark 4
            // itself may add the Vector API module to executors: bebop.simd=false then keeps them plain)
            // (and the launcher's trap limit: the JIT keeps compiling the Vector API's calls to vectors)
            String arithmetic = Arithmetic.DEFAULT == Arithmetic.SIMD
                    ? "--add-modules=jdk.incubator.vector " + Arithmetic.TRAP_LIMIT_FLAG + " "
                    : "-Dbebop.simd=false ";
            conf.set("spark.executor.extraJavaOptions",
                    (arithmetic + conf.get("spark.executor.extraJavaOptions", "")).strip());
        }
        try {
            return new JavaSparkContext(conf);
        } catch (Exception e) { // Spark's own exceptions are checked ones it throws undeclared
            throw new UserError(flag + " " + master + ": Spark could not start there ("
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")", e);
        }
    }

    /** A master Spark can use, else a user error naming {@code flag}. */
    static void check(String master, String flag) {
        if (!MASTER.matcher(master).matches()) {
            throw new UserError(flag + " " + master + ": use local[*], local[N] or a cluster's URL, spark://HOST:PORT");
        }
    }

    /**
     * A user error unless a spark://HOST:PORT master accepts a connection: Spark itself would retry
     * for a minute and then fail every job with less to say.
     */
    private static void answers(String master, String flag) {
        Matcher m = HOST_PORT.matcher(master);
        if (!m.matches()) {
            return;
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(m.group(1), Integer.parseInt(m.group(2))), 10_000);
        } catch (IOException | IllegalArgumentException e) {
            throw new UserError(flag + " " + master + ": no Spark master answers there (" + e.getMessage() + ")", e);
        }
    }

    /** The jars of bebop's core and of this part, where this JVM loaded them from (class folders cannot be shipped). */
    private static List<String> ourJars() {
        List<String> jars = new ArrayList<>();
        for (Class<?> c : List.of(bebop.cli.SparkPart.class, Contexts.class)) {
            try {
                Path p = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (Files.isRegularFile(p)) {
                    jars.add(p.toString());
                }
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return jars;
    }
}
