package bebop.io.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Digests of training data for a model's provenance: "sha256:" and 64 hex digits. Two data sets
 * have the same fingerprint only if they have the same number of frames, the same frame lengths
 * and bit-identical values (a float[] and a double[] version of the same data differ).
 */
public final class Fingerprint {
    private Fingerprint() {}

    /** The fingerprint of a sequence of frames (row count, then per row its length and values). */
    public static String of(double[][] frames) {
        MessageDigest md = sha256();
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        md.update(b.putLong(0, frames.length).array());
        for (double[] row : frames) {
            ByteBuffer r = ByteBuffer.allocate(8 + 8 * row.length).order(ByteOrder.LITTLE_ENDIAN);
            r.putLong(row.length);
            for (double v : row) {
                r.putLong(Double.doubleToRawLongBits(v));
            }
            md.update(r.array());
        }
        return format(md.digest());
    }

    /** The fingerprint of a sequence of float frames. */
    public static String of(float[][] frames) {
        MessageDigest md = sha256();
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        md.update(b.putLong(0, frames.length).array());
        for (float[] row : frames) {
            ByteBuffer r = ByteBuffer.allocate(8 + 4 * row.length).order(ByteOrder.LITTLE_ENDIAN);
            r.putLong(row.length);
            for (float v : row) {
                r.putInt(Float.floatToRawIntBits(v));
            }
            md.update(r.array());
        }
        return format(md.digest());
    }

    /** The fingerprint of raw bytes (for example a data set file). */
    public static String of(byte[] bytes) {
        return format(sha256().digest(bytes));
    }

    private static String format(byte[] digest) {
        return "sha256:" + HexFormat.of().formatHex(digest);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
