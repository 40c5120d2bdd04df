package bebop.spark;

import bebop.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** bebop's command line for the tests: in this JVM (the test class path holds the Spark part) or as a child JVM. */
final class Cli {
    /** What a command printed and returned. */
    record Result(int code, String out, String err) {}

    private Cli() {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    /** A JVM with this test's class path and Spark's flags running {@code mainClass args}, its output into {@code log}. */
    static Process start(Path log, List<String> jvmOptions, String mainClass, String... args) throws IOException {
        return start(log, Map.of(), System.getProperty("java.class.path"), jvmOptions, mainClass, args);
    }

    /** As {@link #start(Path, List, String, String...)} with this class path and these variables added to the environment. */
    static Process start(Path log, Map<String, String> env, String classPath, List<String> jvmOptions, String mainClass,
                         String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(Arrays.asList(System.getProperty("bebop.spark.jvm.flags").trim().split("\\s+")));
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-Duser.home=" + System.getProperty("user.home"));
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        return pb.start();
    }

}
