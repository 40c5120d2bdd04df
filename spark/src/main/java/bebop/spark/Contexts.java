package bebop.spark;

import bebop.UserError;
import bebop.nn.Arithmetic;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Spark contexts for bebop's jobs: the master the user names, no web UI, and on a cluster bebop's own
 * jars shipped to the executors (Spark's are in the workers' SPARK_HOME). Any other Spark setting
 * comes as a {@code -Dspark.NAME=VALUE} system property (BEBOP_JAVA_OPTS), which SparkConf reads.
 */
final class Contexts {
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
            conf.setJars(ourJars().toArray(String[]::new));
            // executors compute with the driver's arithmetic, so a run gives the bits it gives here (Spark 4
            // itself may add the Vector API module to executors: bebop.simd=false then keeps them plain)
            String arithmetic = Arithmetic.DEFAULT == Arithmetic.SIMD ? "--add-modules=jdk.incubator.vector "
                    : "-Dbebop.simd=false ";
            conf.set("spark.executor.extraJavaOptions",
                    (arithmetic + conf.get("spark.executor.extraJavaOptions", "")).strip());
        }
        try {
            return new JavaSparkContext(conf);
        } catch (RuntimeException e) {
            throw new UserError(flag + " " + master + ": Spark could not start there (" + e.getMessage() + ")", e);
        }
    }

    /** A master Spark can use, else a user error naming {@code flag}. */
    static void check(String master, String flag) {
        if (!MASTER.matcher(master).matches()) {
            throw new UserError(flag + " " + master + ": use local[*], local[N] or a cluster's URL, spark://HOST:PORT");
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
