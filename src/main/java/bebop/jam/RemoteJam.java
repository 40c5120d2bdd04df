package bebop.jam;

import bebop.UserError;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;

/**
 * A jam on the real clock whose player and listener are elsewhere (the studio's page, over a
 * WebSocket): the player's notes come in by {@link #play}, and what the session does (each step, every
 * note of the chords, of bebop and of the player as it is heard) goes out as {@link Event}s to a sink,
 * in order, on a thread of their own, so that a slow sink never holds up the clock. Nothing is sent to
 * a MIDI device: the far end sounds the notes.
 */
public final class RemoteJam implements AutoCloseable {
    /** What the far end is told. */
    public sealed interface Event permits Step, Note {}

    /** Step {@code step} (from bar 1; the count-in's are negative) starts; {@code role} is "call" or "response". */
    public record Step(long step, long bar, String role) implements Event {}

    /** A note of {@code part} ("chords", "bebop", "player", "click") starts or ends on {@code step}. */
    public record Note(String part, boolean on, int pitch, int velocity, long step) implements Event {}

    private static final Event END = new Step(Long.MIN_VALUE, Long.MIN_VALUE, "end");
    private static final Receiver SILENT = new Receiver() {
        @Override
        public void send(MidiMessage message, long timeStamp) {}

        @Override
        public void close() {}
    };

    private final JamSession session;
    private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Thread deliverer;
    private boolean closed;

    private RemoteJam(JamSetup setup, JamSettings settings, Consumer<Event> sink) {
        int stepsPerBar = setup.progression().meter().numerator() * setup.model().stepsPerQuarter();
        JamListener listener = new JamListener() {
            @Override
            public void step(long step, JamSession.Role role) {
                events.add(new Step(step, Math.floorDiv(step, stepsPerBar), role == JamSession.Role.CALL ? "call" : "response"));
            }

            @Override
            public void note(Part part, boolean on, int pitch, int velocity, long step) {
                events.add(new Note(part.name().toLowerCase(java.util.Locale.ROOT), on, pitch, velocity, step));
            }
        };
        RealClock clock = new RealClock("jam-clock");
        this.session = setup.session(settings, clock, SILENT, listener);
        this.deliverer = new Thread(() -> deliver(sink), "jam-events");
        deliverer.setDaemon(true);
    }

    /** Warms the network up and starts the session: its first step sounds about 0.1 s later. */
    public static RemoteJam start(JamSetup setup, JamSettings settings, Consumer<Event> sink) {
        setup.warmUp(20_000);
        RemoteJam jam = new RemoteJam(setup, settings, sink);
        jam.deliverer.start();
        jam.session.start();
        return jam;
    }

    public JamSession session() {
        return session;
    }

    /**
     * The player strikes ({@code on}) or releases a key, now.
     *
     * @throws UserError when the pitch is not a MIDI note (0-127) or the velocity of a note-on not 1-127
     */
    public void play(boolean on, int pitch, int velocity) {
        if (pitch < 0 || pitch > 127) {
            throw new UserError("pitch " + pitch + ": a MIDI note is 0 to 127");
        }
        if (on && (velocity < 1 || velocity > 127)) {
            throw new UserError("velocity " + velocity + ": a note-on's velocity is 1 to 127");
        }
        try {
            session.input().send(new ShortMessage(on ? ShortMessage.NOTE_ON : ShortMessage.NOTE_OFF, 0, pitch, on ? velocity : 0), -1);
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException(e);
        }
    }

    private void deliver(Consumer<Event> sink) {
        try {
            for (Event e = events.take(); e != END; e = events.take()) {
                sink.accept(e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // the far end is gone (a socket's send may throw an IOException undeclared): nothing more is
            // delivered; the session is ended by whoever closes this jam
            session.requestStop();
        }
    }

    /** Ends the session (its clock stops, its notes are released and reported) and then the delivery. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            session.finish();
        } catch (IllegalStateException e) {
            // a failed step: the session is over all the same
        } finally {
            events.add(END);
        }
    }
}
