package bebop.io.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/** Crafting damaged model files: edits with a recomputed checksum (what a deliberate editor does). */
final class Damage {
    private Damage() {}

    /** Recomputes the length field and the trailing SHA-256 in place. */
    static void reseal(byte[] bytes) {
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(12, bytes.length);
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(bytes, 0, bytes.length - 32);
            System.arraycopy(md.digest(), 0, bytes, bytes.length - 32, 32);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] header(byte[] file) {
        int h = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getInt(20);
        return Arrays.copyOfRange(file, 24, 24 + h);
    }

    /** The file of {@code m} with its header replaced by {@code json}, resealed. */
    static byte[] withHeader(Model m, String json) {
        byte[] file = ModelFile.toBytes(m);
        int h = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getInt(20);
        byte[] newHeader = json.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[file.length - h + newHeader.length];
        System.arraycopy(file, 0, out, 0, 20);
        ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).putInt(20, newHeader.length);
        System.arraycopy(newHeader, 0, out, 24, newHeader.length);
        System.arraycopy(file, 24 + h, out, 24 + newHeader.length, file.length - 24 - h);
        reseal(out);
        return out;
    }
}
