package bebop.io.corpus;

import bebop.UserError;
import bebop.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The MIDI files of a folder: every regular file under it, at any depth, whose name ends in
 * {@code .mid} or {@code .midi} (any case), sorted by their path relative to the folder (with
 * {@code /} separators), so an import is the same whatever order the file system lists them in.
 * Symbolic links are not followed; hidden files count like any other.
 *
 * @param root the folder
 * @param files paths relative to the folder, {@code /}-separated, sorted
 * @param otherFiles regular files that are not MIDI by their name (ignored, but counted in the report)
 * @param unreadableFolders folders under the root that could not be listed, relative, with the reason
 */
public record CorpusFiles(Path root, List<String> files, int otherFiles, List<String> unreadableFolders) {
    public CorpusFiles {
        files = List.copyOf(files);
        unreadableFolders = List.copyOf(unreadableFolders);
    }

    /** True for a name ending in .mid or .midi, any case. */
    public static boolean isMidiName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".mid") || n.endsWith(".midi");
    }

    /** Lists a folder; a folder that does not exist, is a file or cannot be listed is a {@link UserError}. */
    public static CorpusFiles scan(Path root) {
        if (!Files.exists(root)) {
            throw new UserError(root + ": no such folder");
        }
        if (!Files.isDirectory(root)) {
            throw new UserError(root + ": is a file, not a folder (bebop import reads a folder of MIDI files)");
        }
        List<String> files = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        int[] other = new int[1];
        try {
            Path start = root.toRealPath(); // the folder itself may be a link; links inside it are not followed
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && isMidiName(file.getFileName().toString())) {
                        files.add(relative(start, file));
                    } else if (attrs.isRegularFile()) {
                        other[0]++;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    if (file.equals(start)) {
                        throw new UserError(root + ": cannot list: " + AtomicFiles.describe(e));
                    }
                    if (isMidiName(file.getFileName().toString())) {
                        files.add(relative(start, file)); // reading it will say why it fails
                    } else {
                        unreadable.add(relative(start, file) + ": " + AtomicFiles.describe(e));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UserError(root + ": cannot list: " + AtomicFiles.describe(e), e);
        }
        files.sort(Comparator.naturalOrder());
        unreadable.sort(Comparator.naturalOrder());
        return new CorpusFiles(root, files, other[0], unreadable);
    }

    private static String relative(Path root, Path file) {
        Path rel = root.relativize(file);
        StringBuilder sb = new StringBuilder();
        for (Path part : rel) {
            sb.append(sb.length() == 0 ? "" : "/").append(part);
        }
        return sb.toString();
    }
}
