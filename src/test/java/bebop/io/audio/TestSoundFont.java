package bebop.io.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a minimal SoundFont 2 file: one preset whose instrument loops a square wave, loud from
 * its first sample. Timing tests need a bank that is the same on every machine: the JDK's own
 * bank is not (Gervill synthesises it with random phases the first time it is asked for).
 */
final class TestSoundFont {
    /** The square wave's period in samples (441 Hz at 44.1 kHz). */
    static final int PERIOD = 100;
    static final int AMPLITUDE = 16_000;

    private TestSoundFont() {}

    /** Writes the font to {@code file}, its one preset at bank 0, program {@code program}. */
    static Path write(Path file, int program) throws IOException {
        int length = 10 * PERIOD;
        ByteBuffer samples = le(2 * (length + 46)); // the format asks for 46 zero samples after each sample
        for (int i = 0; i < length; i++) {
            samples.putShort((short) (i % PERIOD < PERIOD / 2 ? AMPLITUDE : -AMPLITUDE));
        }

        byte[] info = concat(chunk("ifil", le(4).putShort((short) 2).putShort((short) 1)),
                chunk("isng", text("EMU8000", 8)), chunk("INAM", text("bebop test square", 18)));

        ByteBuffer phdr = le(2 * 38);
        phdr.put(text("square", 20)).putShort((short) program).putShort((short) 0).putShort((short) 0)
                .putInt(0).putInt(0).putInt(0);
        phdr.put(text("EOP", 20)).putShort((short) 0).putShort((short) 0).putShort((short) 1)
                .putInt(0).putInt(0).putInt(0);
        ByteBuffer pbag = le(8).putShort((short) 0).putShort((short) 0).putShort((short) 1).putShort((short) 0);
        ByteBuffer pgen = le(8).putShort((short) 41).putShort((short) 0) // instrument 0
                .putShort((short) 0).putShort((short) 0);
        ByteBuffer inst = le(2 * 22);
        inst.put(text("square", 20)).putShort((short) 0);
        inst.put(text("EOI", 20)).putShort((short) 1);
        ByteBuffer ibag = le(8).putShort((short) 0).putShort((short) 0).putShort((short) 2).putShort((short) 0);
        ByteBuffer igen = le(12).putShort((short) 54).putShort((short) 1) // sampleModes: loop
                .putShort((short) 53).putShort((short) 0) // sampleID 0, last as the format asks
                .putShort((short) 0).putShort((short) 0);
        ByteBuffer shdr = le(2 * 46);
        shdr.put(text("square", 20)).putInt(0).putInt(length).putInt(0).putInt(length).putInt(44_100)
                .put((byte) 69).put((byte) 0).putShort((short) 0).putShort((short) 1); // A4, mono
        shdr.put(text("EOS", 20)).putInt(0).putInt(0).putInt(0).putInt(0).putInt(0)
                .put((byte) 0).put((byte) 0).putShort((short) 0).putShort((short) 0);
        byte[] pdta = concat(chunk("phdr", phdr), chunk("pbag", pbag), chunk("pmod", le(10)),
                chunk("pgen", pgen), chunk("inst", inst), chunk("ibag", ibag), chunk("imod", le(10)),
                chunk("igen", igen), chunk("shdr", shdr));

        byte[] body = concat(list("INFO", info), list("sdta", chunk("smpl", samples)), list("pdta", pdta));
        Files.write(file, concat("RIFF".getBytes(StandardCharsets.US_ASCII), le(4).putInt(4 + body.length).array(),
                "sfbk".getBytes(StandardCharsets.US_ASCII), body));
        return file;
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** {@code s} in a zero-padded field of {@code size} bytes. */
    private static byte[] text(String s, int size) {
        byte[] field = new byte[size];
        byte[] ascii = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(ascii, 0, field, 0, ascii.length);
        return field;
    }

    private static byte[] chunk(String id, ByteBuffer data) {
        return chunk(id, data.array());
    }

    private static byte[] chunk(String id, byte[] data) {
        return concat(id.getBytes(StandardCharsets.US_ASCII), le(4).putInt(data.length).array(), data);
    }

    private static byte[] list(String type, byte[] content) {
        return chunk("LIST", concat(type.getBytes(StandardCharsets.US_ASCII), content));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
