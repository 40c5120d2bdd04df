package bebop.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs the CLI in-process and keeps what it printed. */
record CliRun(int exitCode, String out, String err) {
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(code, out.toString(), err.toString());
    }

    /** A fresh folder under target/ for one test. */
    static Path scratch(String name) throws java.io.IOException {
        Path dir = Path.of("target", "test-work", name);
        if (java.nio.file.Files.exists(dir)) {
            try (var walk = java.nio.file.Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return java.nio.file.Files.createDirectories(dir);
    }

    /** Runs Debian's python3 (where python3-mido installs) and returns its exit code and output. */
    static CliRun python(String... args) throws java.io.IOException, InterruptedException {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "/usr/bin/python3";
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("python timed out");
        }
        return new CliRun(p.exitValue(), output, "");
    }

    /** True when Debian's python3 has mido; outside CI a test may skip without it, in CI it must be there. */
    static boolean midoOrCi() throws java.io.IOException, InterruptedException {
        return python("-c", "import mido").exitCode() == 0 || System.getenv("CI") != null;
    }
}
