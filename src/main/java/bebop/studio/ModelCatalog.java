package bebop.studio;

import bebop.UserError;
import bebop.app.ModelSummary;
import bebop.app.Models;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The models the studio offers, each by an id: "bundled", NAME for each NAME.bebop in the models
 * folder, and the models uploaded (kept in the work folder). A request names a model by id only, so
 * no path from a request ever reaches the file system.
 */
final class ModelCatalog {
    /** Configured once, never reconfigured: shared by every description (a mapper is costly to make). */
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String BUNDLED = "bundled";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final String SUFFIX = ".bebop";
    private static final String CHECKPOINT_SUFFIX = ".ckpt" + SUFFIX;

    private final Path folder;
    private final Path uploads;

    /** {@code folder}: the user's models (null: none), read only; {@code uploads}: where uploads are kept. */
    ModelCatalog(Path folder, Path uploads) {
        this.folder = folder;
        this.uploads = uploads;
    }

    /** The ids on offer: the bundled model first, then the folder's models and the uploads by name. */
    List<String> ids() {
        List<String> ids = new ArrayList<>(List.of(BUNDLED));
        ids.addAll(Stream.concat(names(folder, "--models").stream(), names(uploads, "the uploads folder").stream())
                .distinct().sorted().toList());
        return ids;
    }

    private static List<String> names(Path dir, String what) {
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString())
                    // train writes its checkpoint (M.ckpt.bebop) beside the model: a state to resume, not a model
                    .filter(n -> n.endsWith(SUFFIX) && !n.endsWith(CHECKPOINT_SUFFIX))
                    .map(n -> n.substring(0, n.length() - SUFFIX.length()))
                    .filter(n -> ID.matcher(n).matches() && !n.equals(BUNDLED))
                    .toList();
        } catch (IOException e) {
            throw new UserError(what + " " + dir + ": cannot list it: " + e.getMessage(), e);
        }
    }

    /** The file of a model id: null for the bundled model; a 404 for an id that is not on offer. */
    Path file(String id) {
        if (id == null || id.equals(BUNDLED)) {
            return null;
        }
        if (!ids().contains(id)) {
            throw ApiError.notFound("model '" + id + "': no such model (GET /api/models lists them)");
        }
        Path own = folder == null ? null : folder.resolve(id + SUFFIX);
        return own != null && Files.isRegularFile(own) ? own : uploads.resolve(id + SUFFIX);
    }

    /**
     * Keeps an uploaded model file as {@code name}: checked by reading it as {@code compose} does
     * (a 400 with the reader's message when it is not a model), then moved into place whole.
     */
    synchronized Map<String, Object> upload(String name, byte[] bytes) throws IOException {
        Path target = newModel(name);
        Files.createDirectories(uploads);
        Path tmp = Files.createTempFile(uploads, ".upload-", ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Models.load(tmp);
            } catch (UserError e) {
                throw ApiError.badRequest("model '" + name + "': " + e.getMessage().replace(tmp.toString(), name + SUFFIX));
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return describe(name);
    }

    /**
     * The file a new model named {@code name} will be written to (in the uploads folder): a 400 for a
     * name that is not one, a 409 for a name on offer already.
     */
    synchronized Path newModel(String name) {
        if (name == null || !ID.matcher(name).matches() || name.endsWith(SUFFIX)) {
            throw ApiError.badRequest("name '" + name + "': a model's name is letters, digits, '.', '_' or '-' "
                    + "(at most 100, no path, no .bebop suffix)");
        }
        if (ids().contains(name)) {
            throw new ApiError(409, "model '" + name + "' exists already; choose another name");
        }
        return uploads.resolve(name + SUFFIX);
    }

    /** The bytes of a model's file, as {@code bebop train} wrote it (its provenance inside). */
    byte[] bytes(String id) throws IOException {
        Path file = file(id);
        return file == null ? Models.bundledBytes() : Files.readAllBytes(file);
    }

    /**
     * The models on offer, described ({@code models}), and the files of the folder that cannot be read
     * as one ({@code unreadable}: id and why), so that one damaged file does not hide the others.
     */
    Map<String, Object> list() {
        List<Map<String, Object>> described = new ArrayList<>();
        List<Map<String, String>> unreadable = new ArrayList<>();
        for (String id : ids()) {
            try {
                described.add(describe(id));
            } catch (UserError e) {
                unreadable.add(Map.of("id", id, "error", e.getMessage()));
            }
        }
        return Map.of("models", described, "unreadable", unreadable);
    }

    /** What the page shows of a model. */
    Map<String, Object> describe(String id) {
        // a model compose can play (a checkpoint, renamed, is not one: it lands among the unreadable)
        ModelSummary summary = ModelSummary.of(Models.load(file(id)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("label", id.equals(BUNDLED) ? "the bundled model" : id + SUFFIX);
        // what inspect tells of it: kind, melody, description, network, frames, learning, training, metrics, provenance
        out.putAll(JSON.convertValue(summary, new TypeReference<Map<String, Object>>() {}));
        return out;
    }
}
