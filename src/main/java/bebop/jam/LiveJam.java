package bebop.jam;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A jam with MIDI devices on the real clock: the keyboard {@code in} (its notes to the session) and
 * the output {@code out} (a device or the JDK synthesizer), opened together and closed when the
 * session ends.
 */
public final class LiveJam {
    private final JamSession session;
    private final MidiPorts.Output output;
    private final MidiPorts.Port input;

    private LiveJam(JamSession session, MidiPorts.Output output, MidiPorts.Port input) {
        this.session = session;
        this.output = output;
        this.input = input;
    }

    /** Opens the devices (a user error naming the flag when one cannot be found or opened). */
    public static LiveJam open(JamSetup setup, JamSettings settings, String in, String out, Optional<Path> soundfont) {
        MidiPorts.find(in, true, "--in");
        setup.warmUp(20_000);
        MidiPorts.Output o = MidiPorts.openOutput(out, soundfont);
        RealClock clock = new RealClock("jam-clock");
        JamSession s;
        MidiPorts.Port i;
        try {
            s = setup.session(settings, clock, o.receiver());
            i = MidiPorts.openInput(in, s.input());
        } catch (RuntimeException e) {
            clock.close();
            o.close();
            throw e;
        }
        System.gc(); // the garbage of loading the model and the SoundFont, collected before the first beat rather than in it
        return new LiveJam(s, o, i);
    }

    /** The keyboard's name. */
    public String input() {
        return input.what();
    }

    /** What plays bebop's part. */
    public String output() {
        return output.what();
    }

    public JamSession session() {
        return session;
    }

    /** Plays until asked to stop, interrupted, or {@code maxNanos} (0: no limit); closes the devices; returns the recording. */
    public JamRecording run(long maxNanos) {
        try {
            return session.run(maxNanos);
        } finally {
            input.close();
            output.close();
        }
    }

    public void requestStop() {
        session.requestStop();
    }
}
