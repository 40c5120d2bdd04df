package bebop.io.score;

import bebop.UserError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A program bebop runs to engrave or check scores (lilypond, musescore3): found on a search path,
 * run with a time limit, its output (stdout and stderr together) kept for the caller.
 */
public record ExternalProgram(String name, String installHint, String searchPath) {
    /** What a run printed and how it ended. */
    public record Result(int exitCode, String output) {}

    /** The program looked up on this process's PATH. */
    public static ExternalProgram onPath(String name, String installHint) {
        String path = System.getenv("PATH");
        return new ExternalProgram(name, installHint, path == null ? "" : path);
    }

    /** The executable, when installed. */
    public Optional<Path> find() {
        for (String dir : searchPath.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The executable, or a UserError naming the program and how to install it. */
    public Path require() {
        return find().orElseThrow(() -> new UserError(name + " is not installed (needed to " + installHint + ")"));
    }

    /**
     * Runs the program with {@code args} in {@code workDir}, with extra environment variables; gives
     * up after {@code timeoutSeconds} (the run is then killed and reported as a UserError).
     */
    public Result run(List<String> args, Path workDir, Map<String, String> env, long timeoutSeconds) {
        List<String> command = new ArrayList<>();
        command.add(require().toString());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UserError(name + ": cannot start: " + e.getMessage(), e);
        }
        try {
            process.getOutputStream().close();
            byte[][] output = new byte[1][];
            Thread reader = new Thread(() -> {
                try (InputStream in = process.getInputStream()) {
                    output[0] = in.readAllBytes();
                } catch (IOException e) {
                    output[0] = new byte[0];
                }
            }, name + "-output");
            reader.setDaemon(true);
            reader.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                throw new UserError(name + ": gave up after " + timeoutSeconds + " s");
            }
            reader.join(TimeUnit.SECONDS.toMillis(10));
            String text = output[0] == null ? "" : new String(output[0], StandardCharsets.UTF_8);
            return new Result(process.exitValue(), text);
        } catch (IOException e) {
            throw new UserError(name + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new UserError(name + ": interrupted", e);
        }
    }
}
