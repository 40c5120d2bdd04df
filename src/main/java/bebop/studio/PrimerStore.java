package bebop.studio;

import bebop.UserError;
import bebop.app.ComposeService;
import bebop.music.Part;
import bebop.music.Score;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The MIDI files uploaded as primers, kept in the work folder's {@code primers} as {@code ID.mid}, the
 * id the first 16 hex digits of the file's SHA-256 (the same file, the same id). A compose request names
 * a primer by id only, so no path from a request reaches the file system; the newest {@link #KEPT} are
 * kept.
 */
final class PrimerStore {
    static final int KEPT = 200;
    private static final Pattern ID = Pattern.compile("[0-9a-f]{16}");
    private static final String SUFFIX = ".mid";

    private final Path folder;

    PrimerStore(Path folder) {
        this.folder = folder;
    }

    /**
     * Keeps an uploaded MIDI file, checked by reading it as {@code bebop compose --primer} does (a 400
     * with the reader's message when it is not one), and says what it holds.
     */
    synchronized Map<String, Object> upload(byte[] bytes) throws IOException {
        String id = idOf(bytes);
        Path target = folder.resolve(id + SUFFIX);
        Files.createDirectories(folder);
        Path tmp = Files.createTempFile(folder, ".upload-", ".tmp");
        Score score;
        try {
            Files.write(tmp, bytes);
            try {
                score = ComposeService.readPrimer(tmp);
            } catch (UserError e) {
                throw ApiError.badRequest(e.getMessage().replace(tmp.toString(), "the uploaded primer"));
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        Files.setLastModifiedTime(target, FileTime.fromMillis(System.currentTimeMillis()));
        forgetOldest();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("bars", score.bars());
        out.put("seconds", score.seconds());
        List<Map<String, Object>> parts = new ArrayList<>();
        for (Part p : score.parts()) {
            Map<String, Object> part = new LinkedHashMap<>();
            part.put("name", p.name());
            part.put("notes", p.notes().size());
            parts.add(part);
        }
        out.put("parts", parts);
        return out;
    }

    /** The file of a primer id: null for none; a 404 for an id this studio does not keep. */
    Path file(String id) {
        if (id == null) {
            return null;
        }
        Path file = folder.resolve(id + SUFFIX);
        if (!ID.matcher(id).matches() || !Files.isRegularFile(file)) {
            throw ApiError.notFound("primer '" + id + "': no such primer; upload the MIDI file with POST /api/primers");
        }
        return file;
    }

    /** A message from composing with a primer, its file named by the primer's id, not by the server's path. */
    static String hide(String message, Path file, String id) {
        return file == null ? message : message.replace(file.toString(), "primer " + id);
    }

    private void forgetOldest() throws IOException {
        List<Path> kept;
        try (Stream<Path> files = Files.list(folder)) {
            kept = files.filter(f -> ID.matcher(f.getFileName().toString().replace(SUFFIX, "")).matches())
                    .sorted(Comparator.comparing(PrimerStore::modified).reversed()).toList();
        }
        for (Path old : kept.subList(Math.min(KEPT, kept.size()), kept.size())) {
            Files.deleteIfExists(old);
        }
    }

    private static FileTime modified(Path f) {
        try {
            return Files.getLastModifiedTime(f);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static String idOf(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
