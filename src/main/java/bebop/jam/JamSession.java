package bebop.jam;

import bebop.UserError;
import bebop.compose.ChordFrames;
import bebop.compose.NoteChooser;
import bebop.music.Chord;
import bebop.music.Progression;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;

/**
 * The real-time engine of a jam: a grid of steps at the tempo ({@link JamModel#stepsPerQuarter()} a
 * quarter note; eighth notes for the paper's models), the backing (the progression's chords, a
 * count-in and an optional metronome), and the roles: in a <b>call</b> the player plays and the
 * network hears it, in a <b>response</b> the network runs free over the same progression and its
 * melody is played.
 *
 * <p>Each step k has two moments on the clock: its start, {@code time(k)}, where what sounds at k is
 * sent (chords, clicks, bebop's note), and its middle, {@code time(k) + step/2}, where the frame of
 * step k is complete and fed to the network: its chord units from the progression, its melody unit
 * the player's note (call) or bebop's (response). A player's note-on is quantised to the nearest step
 * (up to half a step early or late), so by the middle of step k every note of step k is known. After
 * the feed, when step k+1 is a response step, bebop's note for k+1 is drawn from the network's
 * outputs (as {@link NoteChooser} draws in composing: the paper's rule at the temperature) and waits
 * for time(k+1). A call's last step is therefore answered half a step after it starts, with the
 * response's first note on the grid.
 *
 * <p>The player's notes are folded by octaves into the model's melody range before the network hears
 * them; while the player rests in a call, the network hears the last melody note held (the paper's
 * encoding has no rests: its melodies are held notes). Notes before bar 1 (in the count-in) are not
 * heard or recorded. Notes from the keyboard are also sent straight on to the output (channel 3), as
 * played.
 *
 * <p>Threads: the clock runs the steps; {@link #input()} may be called on any thread (it only queues
 * the note with the time it arrived); {@link #run} waits on the caller's thread and ends the session
 * when it is asked to stop, interrupted, or its time is up. No static state; bebop's note draws come
 * from the seed of the settings.
 */
public final class JamSession {
    /** Who plays the melody at a step. */
    public enum Role { CALL, RESPONSE }

    public static final int CHORD_CHANNEL = 0;
    public static final int BEBOP_CHANNEL = 1;
    public static final int PLAYER_CHANNEL = 2;
    public static final int CLICK_CHANNEL = 9;
    public static final int CHORD_PROGRAM = 0;
    public static final int BEBOP_PROGRAM = 65;
    public static final int PLAYER_PROGRAM = 0;
    static final int CHORD_VELOCITY = 72;
    static final int BEBOP_VELOCITY = 96;
    /** GM percussion: hi wood block on a bar's first beat, low wood block on the others. */
    static final int CLICK_ACCENT = 76;
    static final int CLICK = 77;
    /** How long after {@link #start()} the first step sounds. */
    static final long LEAD_NANOS = 100_000_000L;

    /** A note on the grid: steps from bar 1, end exclusive. */
    public record StepNote(int pitch, long start, long end, int velocity) {}

    private record Input(long nanos, boolean on, int pitch, int velocity) {}

    private final JamModel model;
    private final JamSettings settings;
    private final Progression progression;
    private final JamClock clock;
    private final Receiver out;
    private final JamListener listener;
    private final int stepsPerBar;
    private final long countInSteps;
    private final double stepNanos;
    private final NoteChooser chooser;
    private final double[] frame;
    private final double[] choice;
    private final double[][] chordFrames;
    private final ConcurrentLinkedQueue<Input> inbox = new ConcurrentLinkedQueue<>();
    private final Receiver input = new Receiver() {
        @Override
        public void send(MidiMessage message, long timeStamp) {
            heard(message);
        }

        @Override
        public void close() {}
    };

    // state of the clock's thread
    private long t0;
    private long played = -1;
    private long fed = -1;
    private Role role = Role.CALL;
    private Role nextRole = Role.CALL;
    private int bebopNext = -1;
    private int bebopSounding = -1;
    private long bebopSince;
    private Chord chordSounding;
    private long chordSince;
    private int lastMelody = -1;
    private long lastPlayerStep = Long.MIN_VALUE;
    private final Map<Integer, long[]> held = new HashMap<>();
    private final List<StepNote> playerNotes = new ArrayList<>();
    private final List<StepNote> bebopNotes = new ArrayList<>();
    private final List<StepNote> chordNotes = new ArrayList<>();
    /** Guards what other threads read while the clock's thread writes: the roles and the latencies (never held while waiting). */
    private final Object stats = new Object();
    private final List<Role> roles = new ArrayList<>();
    private long[] latencies = new long[16];
    private int latencyCount;
    private volatile boolean stopRequested;
    private boolean started;
    private boolean finished;

    /**
     * @param out where bebop plays: chords on channel 1, its melody on channel 2, the player's notes
     *            (thru) on channel 3, clicks on channel 10 (GM percussion)
     */
    public JamSession(JamModel model, Progression progression, JamSettings settings, JamClock clock, Receiver out) {
        this(model, progression, settings, clock, out, JamListener.NONE);
    }

    /**
     * @param out      where bebop plays (as above)
     * @param listener told of every step and note as well (for outputs that are not MIDI devices)
     */
    public JamSession(JamModel model, Progression progression, JamSettings settings, JamClock clock, Receiver out,
                      JamListener listener) {
        if (480 % model.stepsPerQuarter() != 0) {
            throw new UserError("--model: a grid of " + model.stepsPerQuarter() + " steps a quarter does not fit MIDI's 480 ticks");
        }
        this.model = model;
        this.settings = settings;
        this.progression = progression;
        this.clock = clock;
        this.out = out;
        this.listener = listener;
        this.stepsPerBar = progression.meter().numerator() * model.stepsPerQuarter();
        this.countInSteps = (long) settings.countInBars() * stepsPerBar;
        this.stepNanos = 60e9 / settings.tempo() / model.stepsPerQuarter();
        this.chooser = new NoteChooser(model.layout(), settings.temperature(), new SplittableRandom(settings.seed()));
        this.frame = new double[model.layout().units()];
        this.choice = new double[model.layout().units()];
        this.chordFrames = ChordFrames.of(progression, progression.bars().size() * stepsPerBar, stepsPerBar);
    }

    /** The receiver the player's keyboard sends to (connect a {@code Transmitter} to it). */
    public Receiver input() {
        return input;
    }

    public JamModel model() {
        return model;
    }

    public Progression progression() {
        return progression;
    }

    public JamSettings settings() {
        return settings;
    }

    public int stepsPerBar() {
        return stepsPerBar;
    }

    /** Steps before bar 1: the count-in. */
    public long countInSteps() {
        return countInSteps;
    }

    /** Nanoseconds a step lasts. */
    public double stepNanos() {
        return stepNanos;
    }

    /** When step {@code step} (counted from the count-in's first step) starts, on the clock. */
    public long time(long step) {
        return t0 + Math.round(step * stepNanos);
    }

    /** When bar {@code bar} (0 = bar 1 of the form) starts, on the clock. */
    public long barTime(long bar) {
        return time(countInSteps + bar * stepsPerBar);
    }

    /** The step nearest to a time (a note up to half a step early or late lands on it). */
    public long stepAt(long nanos) {
        return (long) Math.floor((nanos - t0) / stepNanos + 0.5);
    }

    /** Starts the grid: the first step sounds {@value #LEAD_NANOS} ns from now. */
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("the session has started");
        }
        started = true;
        model.network().reset();
        t0 = clock.now() + LEAD_NANOS;
        send(ShortMessage.PROGRAM_CHANGE, CHORD_CHANNEL, CHORD_PROGRAM, 0);
        send(ShortMessage.PROGRAM_CHANGE, BEBOP_CHANNEL, BEBOP_PROGRAM, 0);
        send(ShortMessage.PROGRAM_CHANGE, PLAYER_CHANNEL, PLAYER_PROGRAM, 0);
        long first = 0;
        clock.at(time(first), () -> play(first));
    }

    /** Asks {@link #run} to end the session (from any thread, such as a shutdown hook). */
    public void requestStop() {
        stopRequested = true;
    }

    /**
     * Starts the session (unless {@link #start()} has), waits until it is asked to stop, the thread is interrupted (the interrupt
     * stays set) or {@code maxNanos} have passed (0: no limit), then ends it: the clock is closed, every
     * sounding note is released, and the recording is returned, whole bars from bar 1.
     *
     * @throws IllegalStateException when a step failed (the recording is lost with it)
     */
    public JamRecording run(long maxNanos) {
        synchronized (this) {
            if (!started) {
                start();
            }
        }
        long end = maxNanos > 0 ? t0 - LEAD_NANOS + maxNanos : Long.MAX_VALUE;
        try {
            while (!stopRequested && clock.failure() == null) {
                long now = clock.now();
                if (now >= end) {
                    break;
                }
                clock.sleepUntil(Math.min(end, now + 20_000_000L));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return finish();
    }

    /** Closes the clock, releases every sounding note and returns the recording. */
    public synchronized JamRecording finish() {
        clock.close();
        if (clock.failure() != null) {
            allNotesOff();
            throw new IllegalStateException("the jam stopped: " + clock.failure(), clock.failure());
        }
        if (!finished) {
            finished = true;
            drain();
            long last = played - countInSteps; // the last step of the form that sounded
            long bars = Math.max(1, Math.floorDiv(last + stepsPerBar, stepsPerBar));
            long length = bars * stepsPerBar;
            long endStep = Math.max(0, last + 1);
            if (chordSounding != null) {
                for (int p : chordSounding.notes()) {
                    chordNotes.add(new StepNote(p, chordSince, endStep, CHORD_VELOCITY));
                }
            }
            if (bebopSounding >= 0) {
                bebopNotes.add(new StepNote(bebopSounding, bebopSince, endStep, BEBOP_VELOCITY));
            }
            for (Map.Entry<Integer, long[]> e : held.entrySet()) {
                long[] h = e.getValue();
                playerNotes.add(new StepNote(e.getKey(), h[0], Math.max(h[0] + 1, endStep), (int) h[1]));
            }
            allNotesOff();
            held.clear();
            chordSounding = null;
            bebopSounding = -1;
            recording = new JamRecording(progression, settings.tempo(), model.stepsPerQuarter(), stepsPerBar, length,
                    clip(chordNotes, length), clip(bebopNotes, length), clip(playerNotes, length));
        }
        return recording;
    }

    private JamRecording recording;

    /** The times (ns) from the middle of a call's last step (when it is complete) to bebop's first answer being drawn. */
    public long[] responseLatencies() {
        synchronized (stats) {
            return java.util.Arrays.copyOf(latencies, latencyCount);
        }
    }

    /** The role of every step of the form that sounded, in order (a copy). */
    public List<Role> roles() {
        synchronized (stats) {
            return List.copyOf(roles);
        }
    }

    private static List<StepNote> clip(List<StepNote> notes, long length) {
        List<StepNote> outNotes = new ArrayList<>();
        for (StepNote n : notes) {
            if (n.start() < length && n.end() > n.start()) {
                outNotes.add(new StepNote(n.pitch(), n.start(), Math.min(n.end(), length), n.velocity()));
            }
        }
        return outNotes;
    }

    // ---- the player's notes

    private void heard(MidiMessage message) {
        if (!(message instanceof ShortMessage m)) {
            return;
        }
        int cmd = m.getCommand();
        if (cmd != ShortMessage.NOTE_ON && cmd != ShortMessage.NOTE_OFF) {
            return;
        }
        long now = clock.now();
        boolean on = cmd == ShortMessage.NOTE_ON && m.getData2() > 0;
        inbox.add(new Input(now, on, m.getData1(), m.getData2()));
        send(on ? ShortMessage.NOTE_ON : ShortMessage.NOTE_OFF, PLAYER_CHANNEL, m.getData1(), on ? m.getData2() : 64);
        listener.note(JamListener.Part.PLAYER, on, m.getData1(), on ? m.getData2() : 0, stepAt(now) - countInSteps);
    }

    /** Takes the queued notes onto the grid. */
    private void drain() {
        for (Input in; (in = inbox.poll()) != null; ) {
            long q = Math.max(stepAt(in.nanos()), fed + 1) - countInSteps;
            if (in.on()) {
                long[] before = held.remove(in.pitch());
                if (before != null) {
                    playerNotes.add(new StepNote(in.pitch(), before[0], Math.max(before[0] + 1, q), (int) before[1]));
                }
                if (q >= 0) {
                    held.put(in.pitch(), new long[] {q, in.velocity()});
                }
            } else {
                long[] h = held.remove(in.pitch());
                if (h != null) {
                    playerNotes.add(new StepNote(in.pitch(), h[0], Math.max(h[0] + 1, q), (int) h[1]));
                }
            }
        }
    }

    /** The player's note sounding at form step {@code f} (the latest struck; on a tie the highest), or -1. */
    private int playerPitchAt(long f) {
        int best = -1;
        long bestStart = Long.MIN_VALUE;
        for (Map.Entry<Integer, long[]> e : held.entrySet()) {
            long s = e.getValue()[0];
            if (s <= f && (s > bestStart || (s == bestStart && e.getKey() > best))) {
                best = e.getKey();
                bestStart = s;
            }
        }
        for (int i = playerNotes.size() - 1; i >= 0 && i >= playerNotes.size() - 64; i--) {
            StepNote n = playerNotes.get(i);
            if (n.start() <= f && n.end() > f && (n.start() > bestStart || (n.start() == bestStart && n.pitch() > best))) {
                best = n.pitch();
                bestStart = n.start();
            }
        }
        return best;
    }

    // ---- the steps

    /** The start of step k: what sounds at k. */
    private void play(long k) {
        drain();
        played = k;
        long f = k - countInSteps;
        role = f < 0 ? Role.CALL : nextRole;
        listener.step(f, role);
        int spq = model.stepsPerQuarter();
        if ((f < 0 || settings.metronome()) && Math.floorMod(f, spq) == 0) {
            int click = Math.floorMod(f, stepsPerBar) == 0 ? CLICK_ACCENT : CLICK;
            send(ShortMessage.NOTE_ON, CLICK_CHANNEL, click, f < 0 ? 100 : 70);
            send(ShortMessage.NOTE_OFF, CLICK_CHANNEL, click, 64);
        }
        if (f >= 0) {
            synchronized (stats) {
                roles.add(role);
            }
            Chord chord = progression.changeAt((int) (f % chordFrames.length), stepsPerBar).chord();
            if (f % stepsPerBar == 0 || !chord.equals(chordSounding)) {
                if (chordSounding != null) {
                    for (int p : chordSounding.notes()) {
                        send(ShortMessage.NOTE_OFF, CHORD_CHANNEL, p, 64);
                        chordNotes.add(new StepNote(p, chordSince, f, CHORD_VELOCITY));
                    }
                }
                for (int p : chord.notes()) {
                    send(ShortMessage.NOTE_ON, CHORD_CHANNEL, p, CHORD_VELOCITY);
                }
                chordSounding = chord;
                chordSince = f;
            }
            if (role == Role.RESPONSE) {
                if (bebopNext != bebopSounding) {
                    releaseBebop(f);
                    send(ShortMessage.NOTE_ON, BEBOP_CHANNEL, bebopNext, BEBOP_VELOCITY);
                    bebopSounding = bebopNext;
                    bebopSince = f;
                }
            } else {
                releaseBebop(f);
            }
        }
        clock.at(middle(k), () -> feed(k));
    }

    private long middle(long k) {
        return t0 + Math.round((k + 0.5) * stepNanos);
    }

    private void releaseBebop(long f) {
        if (bebopSounding >= 0) {
            send(ShortMessage.NOTE_OFF, BEBOP_CHANNEL, bebopSounding, 64);
            bebopNotes.add(new StepNote(bebopSounding, bebopSince, f, BEBOP_VELOCITY));
            bebopSounding = -1;
        }
    }

    /** The middle of step k: its frame is complete; the network reads it and, for a response, draws the next note. */
    private void feed(long k) {
        drain();
        fed = k;
        long f = k - countInSteps;
        double[] predictions = null;
        if (f >= 0) {
            int player = playerPitchAt(f);
            if (settings.accompany() && role == Role.RESPONSE && player >= 0) {
                role = Role.CALL; // the player comes in: bebop gives way at once
                synchronized (stats) {
                    roles.set(roles.size() - 1, role);
                }
                releaseBebop(f);
            }
            int melody;
            if (role == Role.CALL) {
                if (player >= 0) {
                    lastPlayerStep = f;
                    melody = model.fold(player);
                } else {
                    melody = lastMelody;
                }
            } else {
                melody = bebopSounding;
            }
            java.util.Arrays.fill(frame, 0.0);
            System.arraycopy(chordFrames[(int) (f % chordFrames.length)], 0, frame, 0, 12);
            if (melody >= 0) {
                frame[12 + melody - model.melodyLow()] = 1.0;
                lastMelody = melody;
            }
            predictions = model.network().step(frame);
        }
        long fn = f + 1;
        if (fn < 0) {
            nextRole = Role.CALL;
        } else if (!settings.accompany()) {
            long bar = fn / stepsPerBar;
            nextRole = bar % (settings.callBars() + settings.responseBars()) < settings.callBars() ? Role.CALL : Role.RESPONSE;
        } else if (fn % stepsPerBar == 0) {
            boolean rested = fn > 0 && held.isEmpty() && lastPlayerStep < fn - stepsPerBar;
            nextRole = rested ? Role.RESPONSE : Role.CALL;
        } else {
            nextRole = role;
        }
        if (nextRole == Role.RESPONSE && predictions != null) {
            chooser.choose(predictions, choice);
            int unit = 12;
            while (unit < choice.length - 1 && choice[unit] < 0.5) {
                unit++;
            }
            bebopNext = model.melodyLow() + unit - 12;
            if (role == Role.CALL) {
                addLatency(clock.now() - middle(k));
            }
        }
        clock.at(time(k + 1), () -> play(k + 1));
    }

    private void addLatency(long nanos) {
        synchronized (stats) {
            if (latencyCount == latencies.length) {
                latencies = java.util.Arrays.copyOf(latencies, latencyCount * 2);
            }
            latencies[latencyCount++] = nanos;
        }
    }

    private void allNotesOff() {
        if (chordSounding != null) {
            for (int p : chordSounding.notes()) {
                send(ShortMessage.NOTE_OFF, CHORD_CHANNEL, p, 64);
            }
        }
        if (bebopSounding >= 0) {
            send(ShortMessage.NOTE_OFF, BEBOP_CHANNEL, bebopSounding, 64);
        }
        for (int ch : new int[] {CHORD_CHANNEL, BEBOP_CHANNEL, PLAYER_CHANNEL}) {
            send(ShortMessage.CONTROL_CHANGE, ch, 123, 0); // all notes off
        }
    }

    private void send(int command, int channel, int data1, int data2) {
        if ((command == ShortMessage.NOTE_ON || command == ShortMessage.NOTE_OFF) && channel != PLAYER_CHANNEL) {
            JamListener.Part part = channel == CHORD_CHANNEL ? JamListener.Part.CHORDS
                    : channel == BEBOP_CHANNEL ? JamListener.Part.BEBOP : JamListener.Part.CLICK;
            listener.note(part, command == ShortMessage.NOTE_ON, data1, command == ShortMessage.NOTE_ON ? data2 : 0,
                    played - countInSteps);
        }
        try {
            out.send(new ShortMessage(command, channel, data1, data2), -1);
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException(e);
        }
    }
}
