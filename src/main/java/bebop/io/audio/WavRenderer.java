package bebop.io.audio;

import bebop.UserError;
import bebop.io.AtomicFiles;
import bebop.music.Note;
import bebop.music.Part;
import bebop.music.Score;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Synthesizer;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;

/**
 * Renders a {@link Score} to a WAV file offline (faster than real time, no sound card) through the
 * JDK's Gervill software synthesizer and a SoundFont: 44.1 kHz, 16-bit signed little-endian,
 * stereo PCM.
 *
 * <p><b>Duration.</b> The WAV lasts the score's length ({@link Score#seconds()}, which includes
 * trailing rests up to {@link Score#length()}) plus a release tail ({@link Options#tailSeconds()},
 * 1.5 s by default) in which the last notes and the reverb ring out:
 * {@code frames = round(length in seconds * 44100) + round(tail * 44100)}.
 *
 * <p><b>Timing.</b> Each part's program change is sent on its channel before the first sample;
 * each note-on starts at the exact sample {@code round(tick * 60 / (tempo * ticksPerQuarter) *
 * 44100)}: events go to the synthesizer with microsecond time stamps and Gervill starts a voice
 * at the sample offset inside its 300-sample control block; its fixed latency (600 frames) is
 * dropped from the start of the stream. (A SoundFont sample may itself start with a little
 * silence: TimGM6mb's piano speaks about 7 ms after its note-on.) Gervill applies note-offs at the start
 * of the control block their time falls in, so a note ends up to 6.8 ms early (inaudible; a limit of
 * the synthesizer). At one tick, note-offs go before note-ons, so a repeated pitch is struck again.
 *
 * <p><b>Mix.</b> The parts play at their velocities on their channels at GM default volume,
 * with Gervill's default reverb and chorus; a DC-blocking high-pass (about 10 Hz) removes the
 * offset some SoundFont samples carry.
 *
 * <p><b>Determinism.</b> The same score and SoundFont give the same bytes: nothing depends on the
 * clock or the sound card. (The JDK's built-in bank is not the same on every machine: see
 * {@link SoundFonts}.)
 *
 * <p>Calling Gervill's offline interface ({@code com.sun.media.sound.AudioSynthesizer}) needs the
 * JVM option {@code --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED}; the bebop
 * launcher and the tests pass it.
 */
public final class WavRenderer {
    public static final float SAMPLE_RATE = 44_100f;
    public static final int CHANNELS = 2;
    public static final int BITS = 16;
    /** The PCM format of the WAV files. */
    public static final AudioFormat FORMAT = new AudioFormat(SAMPLE_RATE, BITS, CHANNELS, true, false);
    public static final double DEFAULT_TAIL_SECONDS = 1.5;
    static final String FLAG = "--add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED";
    /** Voices Gervill may sound at once (its default is 64; chords with long releases add up). */
    static final int POLYPHONY = 128;
    /**
     * Gervill's output lags the time stamps it is given by two control blocks of 300 frames
     * (13.6 ms, measured: the same for every instrument and every phase within a block): the
     * renderer drops them, so that frame n of the WAV is time n / 44100 s of the score. A test
     * checks it.
     */
    static final int LATENCY_FRAMES = 600;
    /** Gervill's control rate (its default): 44100 / 147 = 300-frame control blocks. */
    static final float CONTROL_RATE = 147f;
    /** Frames read from the synthesizer at a time. */
    static final int BLOCK_FRAMES = 4096;

    private WavRenderer() {}

    /**
     * How to render.
     *
     * @param soundfont an SF2 file to play with; empty to use the first system SoundFont, else
     *     the JDK's built-in bank (see {@link SoundFonts})
     * @param tailSeconds silence after the score's end in which notes ring out, 0..60 s
     */
    public record Options(Optional<Path> soundfont, double tailSeconds) {
        public Options {
            Objects.requireNonNull(soundfont, "soundfont");
            if (!(tailSeconds >= 0 && tailSeconds <= 60)) {
                throw new IllegalArgumentException("release tail " + tailSeconds + " s is outside 0..60 s");
            }
        }

        /** The system SoundFont and a 1.5 s tail. */
        public static Options defaults() {
            return new Options(Optional.empty(), DEFAULT_TAIL_SECONDS);
        }

        public Options withSoundfont(Path sf2) {
            return new Options(Optional.ofNullable(sf2), tailSeconds);
        }

        public Options withTail(double seconds) {
            return new Options(soundfont, seconds);
        }
    }

    /**
     * What was written.
     *
     * @param file the WAV file
     * @param soundfont which SoundFont played it (file and name, or the JDK's built-in bank)
     * @param frames sample frames (one per channel pair)
     * @param seconds duration, {@code frames / 44100}
     * @param bytes size of the file
     */
    public record Result(Path file, String soundfont, long frames, double seconds, long bytes) {}

    /**
     * Renders the score to a WAV file, written atomically (an old file stays whole on failure).
     *
     * @throws UserError when the SoundFont cannot be loaded (naming it), the file cannot be
     *     written, or the JVM lacks the option the synthesizer needs
     */
    public static Result write(Score score, Path target, Options options) {
        return write(score, target, SoundFonts.resolve(options.soundfont()), options.tailSeconds());
    }

    /**
     * Renders with a SoundFont already loaded (to render many scores with one font).
     *
     * @param tailSeconds the release tail, see {@link Options#tailSeconds()}
     */
    public static Result write(Score score, Path target, SoundFonts.Loaded font, double tailSeconds) {
        new Options(Optional.empty(), tailSeconds); // checks the tail
        long frames = frames(score, tailSeconds);
        AtomicFiles.write(target, out -> render(score, font, frames, out));
        long size;
        try {
            size = Files.size(target);
        } catch (IOException e) {
            throw new UserError(target + ": cannot read back: " + AtomicFiles.describe(e), e);
        }
        return new Result(target, font.description(), frames, frames / (double) SAMPLE_RATE, size);
    }

    /** {@link #write(Score, Path, Options)} with the default options. */
    public static Result write(Score score, Path target) {
        return write(score, target, Options.defaults());
    }

    /** The sample frame at which a tick of the score sounds. */
    public static long sampleOf(Score score, long tick) {
        return Math.round(tick * 60.0 * SAMPLE_RATE / (score.tempoBpm() * score.ticksPerQuarter()));
    }

    /** Sample frames of the WAV of a score: its length plus the tail. */
    public static long frames(Score score, double tailSeconds) {
        return sampleOf(score, score.length()) + Math.round(tailSeconds * SAMPLE_RATE);
    }

    /** Writes the whole WAV file (header and PCM) of a score to a stream. */
    static void render(Score score, SoundFonts.Loaded font, long frames, OutputStream out) throws IOException {
        Synthesizer synth = synthesizer();
        try {
            Map<String, Object> info = new HashMap<>();
            info.put("load default soundbank", Boolean.FALSE);
            info.put("max polyphony", POLYPHONY);
            info.put("control rate", CONTROL_RATE); // 300-frame blocks: LATENCY_FRAMES depends on it
            AudioInputStream pcm = openStream(synth, info);
            if (!synth.isSoundbankSupported(font.bank()) || !synth.loadAllInstruments(font.bank())) {
                throw new UserError(font.description() + ": the synthesizer cannot play this sound bank");
            }
            Receiver receiver = synth.getReceiver();
            for (TimedMessage m : events(score)) {
                receiver.send(m.message(), m.micros());
            }
            writeHeader(out, frames);
            byte[] block = new byte[BLOCK_FRAMES * FORMAT.getFrameSize()];
            int latency = LATENCY_FRAMES * FORMAT.getFrameSize();
            if (pcm.readNBytes(block, 0, latency) != latency) {
                throw new IOException("the synthesizer's audio stream ended early");
            }
            DcBlocker dc = new DcBlocker(CHANNELS);
            for (long left = frames; left > 0; ) {
                int n = (int) Math.min(BLOCK_FRAMES, left);
                int len = n * FORMAT.getFrameSize();
                if (pcm.readNBytes(block, 0, len) != len) {
                    throw new IOException("the synthesizer's audio stream ended early");
                }
                dc.filter(block, len);
                out.write(block, 0, len);
                left -= n;
            }
        } catch (MidiUnavailableException e) {
            throw new UserError("the Java MIDI synthesizer is unavailable: " + e.getMessage(), e);
        } finally {
            synth.close();
        }
    }

    /** Writes the 44-byte header of a canonical PCM WAV file of {@code frames} frames. */
    static void writeHeader(OutputStream out, long frames) throws IOException {
        long data = frames * FORMAT.getFrameSize();
        if (data > 0xFFFF_FFFFL - 36) {
            throw new UserError("the audio would last " + Math.round(frames / SAMPLE_RATE)
                    + " s, too long for a WAV file (at most about 6.7 hours)");
        }
        java.nio.ByteBuffer h = java.nio.ByteBuffer.allocate(44).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        h.put(ascii("RIFF")).putInt((int) (36 + data)).put(ascii("WAVE"));
        h.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) CHANNELS)
                .putInt((int) SAMPLE_RATE).putInt((int) SAMPLE_RATE * FORMAT.getFrameSize())
                .putShort((short) FORMAT.getFrameSize()).putShort((short) BITS);
        h.put(ascii("data")).putInt((int) data);
        out.write(h.array());
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /**
     * A one-pole high-pass at about 10 Hz on 16-bit little-endian interleaved PCM: removes the DC
     * offset some SoundFont samples carry (TimGM6mb's alto sax centres near +0.05 of full scale),
     * which would waste headroom and click where notes start and stop. Inaudible otherwise.
     */
    static final class DcBlocker {
        /** Pole radius: exp(-2 pi 10 Hz / 44100 Hz). */
        static final double R = Math.exp(-2 * Math.PI * 10.0 / SAMPLE_RATE);
        private final double[] lastIn;
        private final double[] lastOut;

        DcBlocker(int channels) {
            lastIn = new double[channels];
            lastOut = new double[channels];
        }

        void filter(byte[] pcm, int length) {
            int channels = lastIn.length;
            for (int i = 0, c = 0; i + 1 < length; i += 2, c = (c + 1) % channels) {
                double x = (short) ((pcm[i] & 0xFF) | (pcm[i + 1] << 8));
                double y = x - lastIn[c] + R * lastOut[c];
                lastIn[c] = x;
                lastOut[c] = y;
                long v = Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(y)));
                pcm[i] = (byte) v;
                pcm[i + 1] = (byte) (v >> 8);
            }
        }
    }

    /** A MIDI message and the microsecond time stamp Gervill gets it with. */
    record TimedMessage(ShortMessage message, long sample, long micros) {}

    /**
     * The score's MIDI events in sending order, with time stamps: program changes, then by sample
     * note-offs before note-ons. Time stamps are distinct and increasing (Gervill keys its queue by
     * time stamp and moves a taken one on by 1 µs; we do it ourselves to keep the order), and each
     * is the first microsecond at or after its sample, so Gervill rounds it back to that sample.
     */
    static List<TimedMessage> events(Score score) {
        record Event(long sample, int kind, int channel, int data1, int data2, long order) {}
        List<Event> events = new ArrayList<>();
        long order = 0;
        for (Part part : score.parts()) {
            events.add(new Event(0, 0, part.channel(), part.program(), 0, order++));
        }
        for (Part part : score.parts()) {
            for (Note n : part.notes()) {
                events.add(new Event(sampleOf(score, n.start()), 2, part.channel(), n.pitch(), n.velocity(), order++));
                events.add(new Event(sampleOf(score, n.end()), 1, part.channel(), n.pitch(), 0, order++));
            }
        }
        events.sort(Comparator.comparingLong(Event::sample).thenComparingInt(Event::kind)
                .thenComparingLong(Event::order));
        List<TimedMessage> out = new ArrayList<>(events.size());
        long last = -1;
        for (Event e : events) {
            long micros = Math.max(firstMicroAtOrAfter(e.sample()), last + 1);
            last = micros;
            int command = switch (e.kind()) {
                case 0 -> ShortMessage.PROGRAM_CHANGE;
                case 1 -> ShortMessage.NOTE_OFF;
                default -> ShortMessage.NOTE_ON;
            };
            try {
                out.add(new TimedMessage(new ShortMessage(command, e.channel(), e.data1(), e.data2()), e.sample(), micros));
            } catch (InvalidMidiDataException impossible) {
                throw new IllegalStateException("a score holds an unsendable event " + e, impossible);
            }
        }
        return out;
    }

    /** The smallest whole microsecond not before sample {@code s} (exact integer arithmetic). */
    static long firstMicroAtOrAfter(long s) {
        long rate = (long) SAMPLE_RATE;
        return Math.floorDiv(s * 1_000_000L + rate - 1, rate);
    }

    private static Synthesizer synthesizer() {
        try {
            return MidiSystem.getSynthesizer();
        } catch (MidiUnavailableException e) {
            throw new UserError("the Java MIDI synthesizer is unavailable: " + e.getMessage(), e);
        }
    }

    /**
     * Gervill's {@code AudioSynthesizer.openStream(format, info)}, called by reflection: the
     * interface lives in a package the JDK does not export, and javac's {@code --release 17} does
     * not let code name it.
     */
    private static AudioInputStream openStream(Synthesizer synth, Map<String, Object> info)
            throws MidiUnavailableException {
        Method open;
        try {
            Class<?> audioSynth = Class.forName("com.sun.media.sound.AudioSynthesizer");
            if (!audioSynth.isInstance(synth)) {
                throw new UserError("the Java MIDI synthesizer (" + synth.getClass().getName()
                        + ") cannot render offline; bebop needs the JDK's Gervill synthesizer");
            }
            open = audioSynth.getMethod("openStream", AudioFormat.class, Map.class);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            throw new UserError("this Java runtime has no offline synthesizer (com.sun.media.sound.AudioSynthesizer)", e);
        }
        try {
            return (AudioInputStream) open.invoke(synth, FORMAT, info);
        } catch (IllegalAccessException e) {
            throw new UserError("rendering audio needs the JVM option " + FLAG + " (the bebop launcher passes it)", e);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof MidiUnavailableException mu) {
                throw mu;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("opening the synthesizer failed", cause);
        }
    }
}
