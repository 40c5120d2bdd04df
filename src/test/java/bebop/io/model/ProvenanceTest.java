package bebop.io.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bebop.UserError;
import bebop.nn.Arithmetic;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProvenanceTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-06T07:08:09.987Z"), ZoneOffset.UTC);

    @Test
    void createdIsTheClockToWholeSeconds() {
        assertEquals(Instant.parse("2026-05-06T07:08:09Z"), Provenance.createdNow(Map.of(), CLOCK));
        assertEquals(Instant.parse("2026-05-06T07:08:09Z"),
                Provenance.createdNow(Map.of("SOURCE_DATE_EPOCH", " "), CLOCK));
    }

    @Test
    void sourceDateEpochWins() {
        assertEquals(Instant.parse("2023-11-14T22:13:20Z"),
                Provenance.createdNow(Map.of("SOURCE_DATE_EPOCH", "1700000000"), CLOCK));
    }

    @Test
    void badSourceDateEpochIsAUserError() {
        UserError e = assertThrows(UserError.class,
                () -> Provenance.createdNow(Map.of("SOURCE_DATE_EPOCH", "yesterday"), CLOCK));
        assertEquals("SOURCE_DATE_EPOCH: not a whole number of seconds since 1970: 'yesterday'", e.getMessage());
    }

    @Test
    void ofFillsVersionsAndKeepsArguments() {
        Provenance p = Provenance.of(7, List.of("train"), null, Arithmetic.PLAIN);
        assertEquals(7, p.seed());
        assertEquals(List.of("train"), p.commandLine());
        assertEquals(System.getProperty("java.version"), p.javaVersion());
        Instant fixed = Instant.parse("2020-01-01T00:00:00Z");
        assertEquals(fixed, p.withCreated(fixed).created());
    }

    @Test
    void fingerprintsDependOnShapeAndValues() {
        String a = Fingerprint.of(new double[][] {{1, 2}, {3}});
        assertEquals(a, Fingerprint.of(new double[][] {{1, 2}, {3}}));
        assertEquals(71, a.length());
        assertEquals(true, a.startsWith("sha256:"));
        assertEquals(false, a.equals(Fingerprint.of(new double[][] {{1}, {2, 3}})));
        assertEquals(false, a.equals(Fingerprint.of(new float[][] {{1, 2}, {3}})));
        assertEquals("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                Fingerprint.of(new byte[0]));
    }
}
