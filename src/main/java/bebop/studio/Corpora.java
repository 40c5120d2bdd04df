package bebop.studio;

import bebop.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The corpora imported through the studio, each a data set folder (as {@code bebop import} writes one)
 * under the work folder's {@code imports}, named by an id the studio gives; a request names a corpus
 * by id only.
 */
final class Corpora {
    private static final Pattern ID = Pattern.compile("c[0-9a-f]{8}");

    private final Path folder;
    private final SecureRandom random = new SecureRandom();

    Corpora(Path folder) {
        this.folder = folder;
    }

    /** Where uploads are unpacked while they are imported (removed afterwards). */
    Path scratch() {
        return folder;
    }

    /** A fresh id whose folder does not exist yet. */
    synchronized String newId() {
        while (true) {
            byte[] b = new byte[4];
            random.nextBytes(b);
            String id = "c" + HexFormat.of().formatHex(b);
            if (!Files.exists(folder.resolve(id))) {
                return id;
            }
        }
    }

    Path target(String id) {
        return folder.resolve(id);
    }

    /** The folder of a corpus id, or a 404. */
    Path folder(String id) {
        if (id == null || !ID.matcher(id).matches() || !Files.isDirectory(folder.resolve(id))) {
            throw ApiError.notFound("corpus '" + id + "': no such imported corpus (GET /api/imports lists them)");
        }
        return folder.resolve(id);
    }

    /** The corpora imported so far, by id. */
    List<String> ids() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> ID.matcher(n).matches()).sorted().toList();
        } catch (IOException e) {
            throw new UserError("the imports folder " + folder + ": cannot list it: " + e.getMessage(), e);
        }
    }
}
