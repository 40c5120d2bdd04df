package bebop.io.midi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds Standard MIDI File bytes by hand, for tests of files bebop itself never writes. */
public final class SmfBytes {
    private SmfBytes() {}

    /** The 14-byte MThd chunk. */
    public static byte[] header(int format, int tracks, int division) {
        return new byte[] {'M', 'T', 'h', 'd', 0, 0, 0, 6,
            (byte) (format >> 8), (byte) format, (byte) (tracks >> 8), (byte) tracks,
            (byte) (division >> 8), (byte) division};
    }

    /** A chunk of any type with its declared length. */
    public static byte[] chunk(String type, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(type.getBytes(StandardCharsets.ISO_8859_1));
        int n = data.length;
        out.writeBytes(new byte[] {(byte) (n >> 24), (byte) (n >> 16), (byte) (n >> 8), (byte) n});
        out.writeBytes(data);
        return out.toByteArray();
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** Events of one track, each written as delta time + bytes; {@link #track()} wraps them in an MTrk chunk. */
    public static final class Events {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        /** A delta time followed by raw bytes (running status: leave the status byte out). */
        public Events raw(int delta, int... bytes) {
            varLength(delta);
            for (int b : bytes) {
                out.write(b);
            }
            return this;
        }

        public Events noteOn(int delta, int channel, int pitch, int velocity) {
            return raw(delta, 0x90 | channel, pitch, velocity);
        }

        public Events noteOff(int delta, int channel, int pitch) {
            return raw(delta, 0x80 | channel, pitch, 0);
        }

        public Events program(int delta, int channel, int program) {
            return raw(delta, 0xC0 | channel, program);
        }

        public Events meta(int delta, int type, byte[] data) {
            varLength(delta);
            out.write(0xFF);
            out.write(type);
            varLength(data.length);
            out.writeBytes(data);
            return this;
        }

        public Events text(int delta, int type, String text) {
            return meta(delta, type, text.getBytes(StandardCharsets.UTF_8));
        }

        public Events tempo(int delta, int microsecondsPerQuarter) {
            int m = microsecondsPerQuarter;
            return meta(delta, 0x51, new byte[] {(byte) (m >> 16), (byte) (m >> 8), (byte) m});
        }

        public Events timeSignature(int delta, int numerator, int denominatorPower) {
            return meta(delta, 0x58, new byte[] {(byte) numerator, (byte) denominatorPower, 24, 8});
        }

        public Events end(int delta) {
            return meta(delta, 0x2F, new byte[0]);
        }

        public byte[] bytes() {
            return out.toByteArray();
        }

        public byte[] track() {
            return chunk("MTrk", bytes());
        }

        private void varLength(int value) {
            int buffer = value & 0x7F;
            while ((value >>= 7) > 0) {
                buffer <<= 8;
                buffer |= (value & 0x7F) | 0x80;
            }
            while (true) {
                out.write(buffer & 0xFF);
                if ((buffer & 0x80) != 0) {
                    buffer >>>= 8;
                } else {
                    break;
                }
            }
        }
    }
}
