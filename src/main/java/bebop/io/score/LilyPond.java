package bebop.io.score;

import bebop.UserError;
import bebop.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Engraves LilyPond files to PDF with the {@code lilypond} program, when it is installed. */
public final class LilyPond {
    /** Longest a single engraving may take. */
    public static final long TIMEOUT_SECONDS = 300;

    private final ExternalProgram program;

    public LilyPond(ExternalProgram program) {
        this.program = program;
    }

    /** lilypond on this process's PATH. */
    public static LilyPond onPath() {
        return new LilyPond(ExternalProgram.onPath("lilypond",
                "write PDF; install it with: apt-get install lilypond"));
    }

    public ExternalProgram program() {
        return program;
    }

    /**
     * Compiles {@code ly} (LilyPond source) into {@code pdf}: in a temporary folder beside the target,
     * then moved into place, so a failure leaves nothing half-written. A missing program or a failed
     * compile is a UserError (the latter quoting LilyPond's first error line).
     */
    public void writePdf(String ly, Path pdf) {
        program.require();
        Path dir = pdf.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempDirectory(dir, ".bebop-lilypond-");
            Path source = tmp.resolve("score.ly");
            Files.writeString(source, ly, StandardCharsets.UTF_8);
            ExternalProgram.Result r = compile(source, List.of("--pdf"));
            Path out = tmp.resolve("score.pdf");
            if (r.exitCode() != 0 || !Files.isRegularFile(out)) {
                throw new UserError(pdf + ": lilypond failed (exit code " + r.exitCode() + "): " + firstProblem(r.output()));
            }
            try {
                Files.move(out, pdf, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(out, pdf, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UserError(pdf + ": cannot write: " + AtomicFiles.describe(e), e);
        } finally {
            deleteTree(tmp);
        }
    }

    /**
     * Runs lilypond on a .ly file with extra arguments (for example --pdf or --png), writing next to
     * the source under the source's base name; returns its exit code and everything it printed.
     */
    public ExternalProgram.Result compile(Path source, List<String> args) {
        String base = source.getFileName().toString().replaceFirst("\\.ly$", "");
        Path dir = source.toAbsolutePath().getParent();
        List<String> all = new java.util.ArrayList<>(args);
        all.add("--output=" + dir.resolve(base));
        all.add(source.toAbsolutePath().toString());
        return program.run(all, dir, Map.of(), TIMEOUT_SECONDS);
    }

    /** The lines of LilyPond's output that report a problem ("warning:" or "error:"). */
    public static List<String> problems(String output) {
        return output.lines().filter(l -> l.contains("warning:") || l.contains("error:")).toList();
    }

    private static String firstProblem(String output) {
        List<String> p = problems(output);
        if (!p.isEmpty()) {
            return p.get(0).strip();
        }
        List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1).strip();
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary folder is not worth failing for
        }
    }
}
