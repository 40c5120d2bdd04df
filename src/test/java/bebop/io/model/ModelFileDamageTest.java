package bebop.io.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import bebop.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Damage of every kind ends in one clear UserError naming the file, never in a wrong model or
 * another exception.
 */
class ModelFileDamageTest {
    static final String NAME = "M.bebop";

    /** The outcome of reading damaged bytes: the UserError's message, or a failure. */
    static String readError(byte[] bytes, String what) {
        try {
            Model m = ModelFile.fromBytes(bytes, NAME);
            fail(what + ": read a model from a damaged file: " + m);
            return null;
        } catch (UserError e) {
            String msg = e.getMessage();
            assertTrue(msg.startsWith(NAME + ": "), what + ": " + msg);
            assertFalse(msg.contains("\n"), what + ": " + msg);
            return msg;
        } catch (RuntimeException | Error e) {
            throw new AssertionError(what + ": " + e, e);
        }
    }

    @Test
    void everySingleBitFlipIsDetected() {
        byte[] good = ModelFile.toBytes(Samples.tiny());
        assertTrue(good.length < 2000, "tiny model is " + good.length + " bytes");
        for (int pos = 0; pos < good.length; pos++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] bad = good.clone();
                bad[pos] ^= (byte) (1 << bit);
                String msg = readError(bad, "bit " + bit + " of byte " + pos);
                if (pos >= 20 || pos < 12) {
                    // outside the length field: reported as damage or as not a model
                    assertTrue(msg.equals(NAME + ": checksum mismatch: the file is damaged or was edited")
                            || msg.equals(NAME + ": not a bebop model file"), "byte " + pos + ": " + msg);
                }
            }
        }
    }

    @Test
    void everyByteValueAtEveryPositionIsDetected() {
        byte[] good = ModelFile.toBytes(Samples.tiny());
        SplittableRandom rnd = new SplittableRandom(1);
        for (int pos = 0; pos < good.length; pos++) {
            byte[] bad = good.clone();
            bad[pos] = (byte) (good[pos] + 1 + rnd.nextInt(255));
            readError(bad, "byte " + pos + " replaced");
        }
    }

    @Test
    void truncationAtEveryLengthIsDetected() {
        byte[] good = ModelFile.toBytes(Samples.tiny());
        for (int n = 0; n < good.length; n++) {
            String msg = readError(Arrays.copyOf(good, n), "first " + n + " bytes");
            if (n == 0) {
                assertEquals(NAME + ": empty file, not a model", msg);
            } else if (n < 20) {
                assertEquals(NAME + ": truncated model file (" + n + " bytes)", msg);
            } else {
                assertEquals(NAME + ": truncated model file (" + n + " of " + good.length + " bytes)", msg);
            }
        }
    }

    @Test
    void truncatedFileOnDiskNamesTheFile() throws Exception {
        Path dir = Path.of("target", "test-out", "model-damage");
        Files.createDirectories(dir);
        Path p = dir.resolve("cut.bebop");
        byte[] good = ModelFile.toBytes(Samples.tiny());
        Files.write(p, Arrays.copyOf(good, good.length / 2));
        UserError e = org.junit.jupiter.api.Assertions.assertThrows(UserError.class, () -> ModelFile.read(p));
        assertEquals(p + ": truncated model file (" + good.length / 2 + " of " + good.length + " bytes)",
                e.getMessage());
    }

    /**
     * A deliberate editor who recomputes the checksum gets past the frame check: the parser must
     * still answer every edit with a UserError or a model, never another exception.
     */
    @Test
    void resealedEditsGiveUserErrorOrAModel() {
        byte[] good = ModelFile.toBytes(Samples.tiny());
        SplittableRandom rnd = new SplittableRandom(7);
        int models = 0;
        int errors = 0;
        for (int trial = 0; trial < 3000; trial++) {
            byte[] bad = good.clone();
            int edits = 1 + rnd.nextInt(3);
            for (int k = 0; k < edits; k++) {
                // keep magic and version, damage the rest (the length field is resealed)
                int pos = 20 + rnd.nextInt(bad.length - 20 - 32);
                bad[pos] = rnd.nextBoolean() ? (byte) (bad[pos] ^ (1 << rnd.nextInt(8))) : (byte) rnd.nextInt(256);
            }
            Damage.reseal(bad);
            try {
                ModelFile.fromBytes(bad, NAME);
                models++;
            } catch (UserError e) {
                assertTrue(e.getMessage().startsWith(NAME + ": malformed model "), e.getMessage());
                assertFalse(e.getMessage().contains("\n"), e.getMessage());
                errors++;
            } catch (RuntimeException | Error e) {
                throw new AssertionError("trial " + trial + ": " + e, e);
            }
        }
        assertTrue(errors > 100, "errors " + errors + ", models " + models);
    }
}
