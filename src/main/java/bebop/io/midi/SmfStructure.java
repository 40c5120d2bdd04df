package bebop.io.midi;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Checks the byte structure of a Standard MIDI File before {@code javax.sound.midi} parses it:
 * the MThd header, the declared length of every MTrk chunk against the bytes present, and every
 * event inside every track (delta times, status bytes, data lengths). {@code javax.sound.midi}
 * silently accepts some truncated or malformed files (zero tracks, short tracks) and reads type 2
 * files as if they were type 1, so this check is what turns a bad file into one clear message.
 *
 * <p>Problems are reported as {@link Problem} exceptions whose message describes the problem
 * without the file name; {@link MidiReader} adds the name.
 */
final class SmfStructure {
    /** A structural problem; the message is the problem, without the file name. */
    static final class Problem extends Exception {
        private static final long serialVersionUID = 1L;

        Problem(String message) {
            super(message);
        }
    }

    /** What the header says, after the whole file has been checked. */
    record Header(int format, int tracks, int division) {}

    /**
     * The file rebuilt with only what {@code javax.sound.midi} should see: a 6-byte header and the
     * MTrk chunks, without chunks of other types and without bytes after the last track.
     */
    static byte[] clean(byte[] b, Header header) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(b.length);
        out.writeBytes("MThd".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(new byte[] {0, 0, 0, 6,
            (byte) (header.format() >> 8), (byte) header.format(),
            (byte) (header.tracks() >> 8), (byte) header.tracks(),
            (byte) (header.division() >> 8), (byte) header.division()});
        long pos = 8 + u32(b, 4);
        int found = 0;
        while (found < header.tracks()) {
            long length = u32(b, (int) pos + 4);
            if (chunkType(b, (int) pos).equals("MTrk")) {
                out.write(b, (int) pos, (int) (8 + length));
                found++;
            }
            pos += 8 + length;
        }
        return out.toByteArray();
    }

    private static final int HEADER_MIN_LENGTH = 6;

    private SmfStructure() {}

    /** What a file that is no MIDI file looks like by its first bytes, for the message; null when it is none of these. */
    private static String looksLike(byte[] b) {
        String head = new String(b, 0, Math.min(b.length, 512), StandardCharsets.ISO_8859_1);
        if (head.contains("<score-partwise") || head.contains("<score-timewise")) {
            return "a MusicXML score";
        }
        if (head.startsWith("RIFF") && head.startsWith("WAVE", 8)) {
            return "a WAV file";
        }
        if (head.startsWith("%PDF")) {
            return "a PDF file";
        }
        if (head.startsWith("\u0089PNG")) {
            return "a PNG image";
        }
        if (head.startsWith("PK\u0003\u0004")) {
            return "a zip archive";
        }
        return null;
    }

    /** Checks the whole file and returns its header; throws {@link Problem} on the first problem found. */
    static Header check(byte[] b) throws Problem {
        if (b.length == 0) {
            throw new Problem("empty file (0 bytes)");
        }
        if (b.length < 4 || !chunkType(b, 0).equals("MThd")) {
            String looksLike = looksLike(b);
            throw new Problem("not a MIDI file (no MThd header" + (looksLike == null ? "" : "; it looks like " + looksLike) + ")");
        }
        if (b.length < 8) {
            throw new Problem("truncated MIDI file (header ends early)");
        }
        long headerLength = u32(b, 4);
        if (headerLength < HEADER_MIN_LENGTH) {
            throw new Problem("bad MIDI header (length " + headerLength + ", expected 6)");
        }
        if (b.length < 8 + headerLength) {
            throw new Problem("truncated MIDI file (header ends early)");
        }
        int format = u16(b, 8);
        int tracks = u16(b, 10);
        int division = u16(b, 12);
        if (format == 2) {
            throw new Problem("MIDI type 2 (independent sequences) is not supported");
        }
        if (format > 2) {
            throw new Problem("unknown MIDI file type " + format + " (expected 0 or 1)");
        }
        if ((division & 0x8000) != 0) {
            throw new Problem("SMPTE time division is not supported (only ticks per quarter note)");
        }
        if (division == 0) {
            throw new Problem("bad MIDI header (0 ticks per quarter note)");
        }
        if (tracks == 0) {
            throw new Problem("MIDI file has no tracks");
        }
        if (format == 0 && tracks != 1) {
            throw new Problem("bad MIDI header (type 0 with " + tracks + " tracks, expected 1)");
        }
        long pos = 8 + headerLength;
        int found = 0;
        while (found < tracks) {
            int number = found + 1;
            if (pos >= b.length) {
                throw new Problem(found == 0
                        ? "truncated MIDI file (header only, no tracks)"
                        : String.format(Locale.ROOT, "truncated MIDI file (track %d of %d missing)", number, tracks));
            }
            if (pos + 8 > b.length) {
                throw new Problem("truncated MIDI file (track " + number + " ends early)");
            }
            String type = chunkType(b, (int) pos);
            long length = u32(b, (int) pos + 4);
            long dataStart = pos + 8;
            if (type.equals("MTrk")) {
                if (dataStart + length > b.length) {
                    throw new Problem("truncated MIDI file (track " + number + " ends early)");
                }
                checkEvents(b, (int) dataStart, (int) (dataStart + length), number);
                found++;
            } else if (!isAlien(type)) {
                throw new Problem("corrupt MIDI file (expected track " + number + " (MTrk) at byte " + pos + ")");
            } else if (dataStart + length > b.length) {
                throw new Problem("truncated MIDI file (track " + number + " missing)");
            }
            pos = dataStart + length;
        }
        return new Header(format, tracks, division);
    }

    /** Walks the events of one track, checking that each lies inside the track and is well formed. */
    private static void checkEvents(byte[] b, int start, int end, int track) throws Problem {
        int pos = start;
        int running = -1;
        while (pos < end) {
            pos = skipVarLength(b, pos, end, track);
            if (pos >= end) {
                throw endsEarly(track);
            }
            int status = b[pos] & 0xFF;
            if (status == 0xFF) {
                if (pos + 2 > end) {
                    throw endsEarly(track);
                }
                int metaType = b[pos + 1] & 0xFF;
                long[] len = readVarLength(b, pos + 2, end, track);
                pos = (int) len[1];
                if (pos + len[0] > end) {
                    throw endsEarly(track);
                }
                pos += (int) len[0];
                running = -1;
                if (metaType == 0x2F) {
                    return; // end of track: anything after it is ignored, as by javax.sound.midi
                }
            } else if (status == 0xF0 || status == 0xF7) {
                long[] len = readVarLength(b, pos + 1, end, track);
                pos = (int) len[1];
                if (pos + len[0] > end) {
                    throw endsEarly(track);
                }
                pos += (int) len[0];
                running = -1;
            } else {
                if (status >= 0xF0) {
                    throw new Problem(String.format(Locale.ROOT,
                            "corrupt MIDI file (track %d: unexpected status byte 0x%02X)", track, status));
                }
                if (status >= 0x80) {
                    running = status;
                    pos++;
                } else if (running < 0) {
                    throw new Problem("corrupt MIDI file (track " + track + ": data byte without a status byte)");
                }
                int command = running & 0xF0;
                int dataBytes = command == 0xC0 || command == 0xD0 ? 1 : 2;
                if (pos + dataBytes > end) {
                    throw endsEarly(track);
                }
                for (int i = 0; i < dataBytes; i++) {
                    if ((b[pos + i] & 0x80) != 0) {
                        throw new Problem("corrupt MIDI file (track " + track + ": event cut short by a status byte)");
                    }
                }
                pos += dataBytes;
            }
        }
    }

    private static Problem endsEarly(int track) {
        return new Problem("truncated MIDI file (track " + track + " ends early)");
    }

    private static int skipVarLength(byte[] b, int pos, int end, int track) throws Problem {
        return (int) readVarLength(b, pos, end, track)[1];
    }

    /** Reads a variable-length quantity: returns {value, position after it}. */
    private static long[] readVarLength(byte[] b, int pos, int end, int track) throws Problem {
        long value = 0;
        for (int i = 0; i < 4; i++) {
            if (pos >= end) {
                throw endsEarly(track);
            }
            int c = b[pos++] & 0xFF;
            value = (value << 7) | (c & 0x7F);
            if ((c & 0x80) == 0) {
                return new long[] {value, pos};
            }
        }
        throw new Problem("corrupt MIDI file (track " + track + ": variable-length number longer than 4 bytes)");
    }

    /** True for a chunk type other programs may add (four printable ASCII letters): skipped, as the standard says. */
    private static boolean isAlien(String type) {
        for (int i = 0; i < type.length(); i++) {
            char c = type.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return type.length() == 4;
    }

    private static String chunkType(byte[] b, int pos) {
        return new String(b, pos, 4, StandardCharsets.ISO_8859_1);
    }

    private static int u16(byte[] b, int pos) {
        return ((b[pos] & 0xFF) << 8) | (b[pos + 1] & 0xFF);
    }

    private static long u32(byte[] b, int pos) {
        return ((long) (b[pos] & 0xFF) << 24) | ((b[pos + 1] & 0xFF) << 16) | ((b[pos + 2] & 0xFF) << 8) | (b[pos + 3] & 0xFF);
    }
}
