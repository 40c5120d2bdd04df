package bebop.studio;

import bebop.UserError;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the studio listens and keeps its files: the host and port, the folder of {@code .bebop}
 * models it offers (null: the bundled model only), its own work folder (everything it writes goes
 * there), and the largest request body it accepts.
 */
public record StudioSettings(String host, int port, Path models, Path work, long maxUploadBytes) {
    /** Compose requests run on this many threads; more wait in a queue of {@link #QUEUE} and then are refused. */
    public static final int THREADS = 2;
    public static final int QUEUE = 32;
    /** The models compose keeps read between requests, the least recently used forgotten first. */
    public static final int MODELS_KEPT = 4;
    /** The most files one import takes (a zip's files counted one by one). */
    public static final int MAX_FILES = 500;
    /** The jams ({@code /api/jam}) played at once; one more is refused. */
    public static final int JAMS = 2;

    public StudioSettings {
        if (port < 0 || port > 65535) {
            throw new UserError("--port " + port + ": must be between 0 and 65535 (0: any free port)");
        }
        if (maxUploadBytes < 1024) {
            throw new UserError("--max-upload " + maxUploadBytes + ": must be at least 1024 bytes");
        }
        if (work == null) {
            throw new UserError("--work: the studio needs a work folder");
        }
        if (models != null && !Files.isDirectory(models)) {
            throw new UserError("--models " + models + (Files.exists(models) ? ": not a folder"
                    : ": no such folder"));
        }
    }

    public boolean loopbackOnly() {
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1");
    }
}
