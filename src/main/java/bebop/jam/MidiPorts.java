package bebop.jam;

import bebop.UserError;
import bebop.io.audio.SoundFonts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sound.midi.MidiDevice;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.Sequencer;
import javax.sound.midi.Synthesizer;
import javax.sound.midi.Transmitter;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;

/**
 * The MIDI devices of this computer ({@code javax.sound.midi}): listing them, and opening a
 * keyboard's transmitter or a device's receiver by name, or the JDK's synthesizer with the SoundFont
 * rules of compose ({@link SoundFonts}). Everything opened is closed by {@link Port#close()}.
 */
public final class MidiPorts {
    /** The name that picks the JDK's synthesizer as the output. */
    public static final String SYNTH = "synth";

    /** A device: its name, description and vendor, and whether it takes notes in (from a keyboard) or plays them. */
    public record Device(String name, String description, String vendor, boolean input, boolean output) {
        /** One line for a listing: in, out or in/out, the name, the description and the vendor. */
        public String line() {
            String kind = (input ? "in" : "") + (input && output ? "/" : "") + (output ? "out" : "");
            return String.format(Locale.ROOT, "%-6s %-40s %s%s", kind, name, description, vendor.isBlank() ? "" : " (" + vendor + ")");
        }
    }

    /** An opened port; {@code what} says what it is for the user. */
    public interface Port extends AutoCloseable {
        String what();

        @Override
        void close();
    }

    /** An output: the receiver bebop sends to. */
    public interface Output extends Port {
        Receiver receiver();
    }

    private MidiPorts() {}

    /** The devices, sequencers left out (they are players of files, not ports). */
    public static List<Device> list() {
        List<Device> out = new ArrayList<>();
        for (MidiDevice.Info info : MidiSystem.getMidiDeviceInfo()) {
            try {
                MidiDevice d = MidiSystem.getMidiDevice(info);
                if (d instanceof Sequencer) {
                    continue;
                }
                out.add(new Device(info.getName(), info.getDescription(), info.getVendor(), d.getMaxTransmitters() != 0,
                        d.getMaxReceivers() != 0));
            } catch (MidiUnavailableException e) {
                // a device that vanished while listing is not there
            }
        }
        return out;
    }

    /** The device named {@code name} (exactly, else the one whose name contains it, case ignored) with inputs or outputs. */
    static MidiDevice find(String name, boolean input, String flag) {
        List<MidiDevice> exact = new ArrayList<>();
        List<MidiDevice> partial = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (MidiDevice.Info info : MidiSystem.getMidiDeviceInfo()) {
            MidiDevice d;
            try {
                d = MidiSystem.getMidiDevice(info);
            } catch (MidiUnavailableException e) {
                continue;
            }
            if (d instanceof Sequencer || (input ? d.getMaxTransmitters() == 0 : d.getMaxReceivers() == 0)) {
                continue;
            }
            names.add(info.getName());
            if (info.getName().equals(name)) {
                exact.add(d);
            } else if (info.getName().toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT))) {
                partial.add(d);
            }
        }
        List<MidiDevice> found = exact.isEmpty() ? partial : exact;
        String kind = input ? "MIDI input" : "MIDI output";
        if (found.isEmpty()) {
            throw new UserError(flag + " " + name + ": no " + kind + " of that name" + (names.isEmpty()
                    ? " (this computer has none; bebop jam --list)" : "; there are: " + String.join(", ", names)));
        }
        if (found.size() > 1) {
            throw new UserError(flag + " " + name + ": " + found.size() + " " + kind + "s match; give more of the name"
                    + " (bebop jam --list)");
        }
        return found.get(0);
    }

    /** Opens the keyboard {@code name} and sends its notes to {@code to}. */
    public static Port openInput(String name, Receiver to) {
        MidiDevice d = find(name, true, "--in");
        try {
            d.open();
            Transmitter t = d.getTransmitter();
            t.setReceiver(to);
            String what = d.getDeviceInfo().getName();
            return new Port() {
                public String what() {
                    return what;
                }

                public void close() {
                    t.close();
                    d.close();
                }
            };
        } catch (MidiUnavailableException e) {
            d.close();
            throw new UserError("--in " + name + ": cannot open: " + e.getMessage(), e);
        }
    }

    /** Opens the output {@code name}: a device, or {@value #SYNTH} for the JDK's synthesizer. */
    public static Output openOutput(String name, Optional<Path> soundfont) {
        if (name.equals(SYNTH)) {
            return synth(soundfont, false);
        }
        MidiDevice d = find(name, false, "--out");
        try {
            d.open();
            Receiver r = d.getReceiver();
            return output(d.getDeviceInfo().getName(), r, () -> {
                r.close();
                d.close();
            });
        } catch (MidiUnavailableException e) {
            d.close();
            throw new UserError("--out " + name + ": cannot open: " + e.getMessage(), e);
        }
    }

    /**
     * The JDK's synthesizer (Gervill) with the SoundFont compose would render with: on the sound card,
     * or, with {@code silent} (or when the sound card cannot be opened and {@code silent} is asked
     * for), rendering into a stream that a thread reads at the pace of real time and drops, so the
     * synthesizer does all its work without a sound card (benchmarks).
     */
    public static Output synth(Optional<Path> soundfont, boolean silent) {
        SoundFonts.Loaded font = SoundFonts.resolve(soundfont);
        Synthesizer synth;
        try {
            synth = MidiSystem.getSynthesizer();
        } catch (MidiUnavailableException e) {
            throw new UserError("--out synth: the Java MIDI synthesizer is unavailable: " + e.getMessage(), e);
        }
        Thread drain = null;
        String how;
        if (!silent) {
            try {
                synth.open();
            } catch (MidiUnavailableException | RuntimeException e) {
                throw new UserError("--out synth: the JDK synthesizer cannot play on this computer (no sound card?): "
                        + e.getMessage(), e);
            }
            how = "the JDK synthesizer on the sound card";
        } else {
            AudioInputStream pcm = openStream(synth);
            drain = new Thread(() -> drain(pcm), "jam-synth-audio");
            drain.setDaemon(true);
            drain.start();
            how = "the JDK synthesizer, rendering in real time to no sound card";
        }
        if (!synth.isSoundbankSupported(font.bank()) || !synth.loadAllInstruments(font.bank())) {
            synth.close();
            throw new UserError(font.description() + ": the synthesizer cannot play this sound bank");
        }
        Receiver r;
        try {
            r = synth.getReceiver();
        } catch (MidiUnavailableException e) {
            synth.close();
            throw new UserError("--out synth: " + e.getMessage(), e);
        }
        Thread audio = drain;
        return output(how + " (SoundFont: " + font.description() + ")", r, () -> {
            r.close();
            synth.close();
            if (audio != null) {
                audio.interrupt();
            }
        });
    }

    private static Output output(String what, Receiver r, Runnable close) {
        return new Output() {
            public String what() {
                return what;
            }

            public Receiver receiver() {
                return r;
            }

            public void close() {
                close.run();
            }
        };
    }

    private static AudioInputStream openStream(Synthesizer synth) {
        AudioFormat format = new AudioFormat(44_100f, 16, 2, true, false);
        try {
            Class<?> audioSynth = Class.forName("com.sun.media.sound.AudioSynthesizer");
            return (AudioInputStream) audioSynth.getMethod("openStream", AudioFormat.class, Map.class)
                    .invoke(synth, format, Map.of("load default soundbank", Boolean.FALSE));
        } catch (ReflectiveOperationException e) {
            throw new UserError("the JDK synthesizer cannot render without a sound card here (needs the JVM option "
                    + "--add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED, which the bebop launcher passes)", e);
        }
    }

    /** Reads the synthesizer's audio at the pace of real time, in 10 ms blocks, and drops it. */
    private static void drain(AudioInputStream pcm) {
        int frame = pcm.getFormat().getFrameSize();
        byte[] block = new byte[441 * frame];
        long start = System.nanoTime();
        try {
            for (long n = 1; !Thread.currentThread().isInterrupted(); n++) {
                if (pcm.readNBytes(block, 0, block.length) < block.length) {
                    return;
                }
                long wait = start + n * 10_000_000L - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
        } catch (java.io.IOException | InterruptedException e) {
            // closed: the jam is over
        }
    }

    /** A receiver that sends to nothing (for a session that only records). */
    public static Receiver nowhere() {
        return new Receiver() {
            public void send(MidiMessage message, long timeStamp) {}

            public void close() {}
        };
    }
}
