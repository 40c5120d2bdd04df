package bebop.io.model;

import bebop.UserError;
import bebop.Version;
import bebop.nn.Arithmetic;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Where a model came from (Tribuo practice: every trained model carries its provenance).
 *
 * @param bebopVersion the bebop version that trained the model
 * @param created when the model was made, whole seconds, UTC
 * @param seed the seed of the training run's random generator
 * @param commandLine the command line arguments of the training run
 * @param dataFingerprint a digest of the training data, for example from {@link Fingerprint}; may be null
 * @param javaVersion the Java version that trained the model
 * @param engine the engine's arithmetic ({@link bebop.nn.Arithmetic#id()}: "plain" or "simd"),
 *     on which a training run's exact bits depend; null in files written before it was recorded
 */
public record Provenance(
        String bebopVersion,
        Instant created,
        long seed,
        List<String> commandLine,
        String dataFingerprint,
        String javaVersion,
        String engine) {

    /** The environment variable of the reproducible-builds convention: seconds since 1970 UTC. */
    public static final String SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH";

    public Provenance {
        if (bebopVersion == null || created == null || commandLine == null || javaVersion == null) {
            throw new IllegalArgumentException("provenance fields must not be null (except dataFingerprint)");
        }
        created = created.truncatedTo(ChronoUnit.SECONDS);
        commandLine = List.copyOf(commandLine);
    }

    /**
     * The provenance of a model trained now by this bebop on this Java in {@code engine}: the
     * creation date is {@link #createdNow()}.
     */
    public static Provenance of(long seed, List<String> commandLine, String dataFingerprint, Arithmetic engine) {
        return new Provenance(Version.get(), createdNow(), seed, commandLine, dataFingerprint,
                System.getProperty("java.version", "unknown"), engine.id());
    }

    /** The same provenance with another creation date (tests, reproducible builds). */
    public Provenance withCreated(Instant when) {
        return new Provenance(bebopVersion, when, seed, commandLine, dataFingerprint, javaVersion, engine);
    }

    /** Now, or the time in {@code SOURCE_DATE_EPOCH} if that environment variable is set. */
    public static Instant createdNow() {
        return createdNow(System.getenv(), Clock.systemUTC());
    }

    /**
     * The time in {@code env.get("SOURCE_DATE_EPOCH")} (seconds since 1970 UTC) if set and not
     * empty, else the clock's time, to whole seconds.
     *
     * @throws UserError if {@code SOURCE_DATE_EPOCH} is set but not a whole number of seconds
     */
    public static Instant createdNow(Map<String, String> env, Clock clock) {
        String epoch = env.get(SOURCE_DATE_EPOCH);
        if (epoch != null && !epoch.isBlank()) {
            try {
                return Instant.ofEpochSecond(Long.parseLong(epoch.trim()));
            } catch (NumberFormatException | java.time.DateTimeException e) {
                throw new UserError(SOURCE_DATE_EPOCH + ": not a whole number of seconds since 1970: '"
                        + epoch + "'");
            }
        }
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
