package bebop.spark;

import bebop.UserError;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A sweep's {@code runs.jsonl}: one JSON row per finished run, appended as each run finishes (one
 * write and a sync per row), so a driver killed at any point leaves whole rows, at most the last one
 * cut short, which the next sweep drops and runs again.
 */
final class RunsFile {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path path;
    private final List<Map<String, Object>> rows;

    private RunsFile(Path path, List<Map<String, Object>> rows) {
        this.path = path;
        this.rows = rows;
    }

    /** The file's rows; a last line without its newline (a row cut short) is cut off the file. */
    static RunsFile open(Path path) {
        List<Map<String, Object>> rows = new ArrayList<>();
        try {
            if (Files.exists(path)) {
                byte[] bytes = Files.readAllBytes(path);
                int end = bytes.length;
                while (end > 0 && bytes[end - 1] != '\n') {
                    end--;
                }
                if (end < bytes.length) {
                    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE)) {
                        ch.truncate(end);
                    }
                }
                for (String line : new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isBlank()) {
                        rows.add(JSON.readValue(line, new TypeReference<Map<String, Object>>() {}));
                    }
                }
            }
        } catch (IOException e) {
            throw new UserError(path + ": cannot read the sweep's runs (" + e.getMessage() + ")", e);
        }
        return new RunsFile(path, rows);
    }

    List<Map<String, Object>> rows() {
        return List.copyOf(rows);
    }

    /** Appends a row as one line, synced to the disk before this returns. */
    void append(Map<String, Object> row) {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer buf = ByteBuffer.wrap((JSON.writeValueAsString(row) + "\n").getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(false);
        } catch (IOException e) {
            throw new UserError(path + ": cannot write the sweep's runs (" + e.getMessage() + ")", e);
        }
        rows.add(row);
    }

    /** What identifies a run: its work ({@link Work#id}), setting (in name order, whatever the order of --grid) and seed. */
    static String key(String work, Map<String, ?> setting, long seed) {
        return work + " " + new TreeMap<>(setting) + " seed=" + seed;
    }

    @SuppressWarnings("unchecked")
    static String key(Map<String, Object> row) {
        return key(Work.id(row), (Map<String, Object>) row.get("settings"),
                ((Number) row.get("seed")).longValue());
    }
}
