package bebop.jam;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;

/**
 * The jam's timing on the real clock (a benchmark, not a test): a scripted player plays quarter notes
 * in every call, up to 0.3 of a step off the grid, on a thread of its own; bebop plays into the
 * receiver given (the JDK synthesizer). Measured: when each of bebop's note-ons (chords, melody,
 * clicks) is handed to the receiver, against the ideal grid time of its step; and the time from the
 * middle of a call's last step (when it is complete) to bebop's first answer being drawn and waiting
 * for its step.
 */
public final class JamBench {
    /**
     * @param noteOns         bebop's note-ons measured
     * @param jitterP50Ms     median of |send time - grid time|, ms
     * @param jitterP99Ms     99th percentile, ms
     * @param jitterMaxMs     the largest, ms
     * @param firstP99Ms      the 99th percentile for the first note-on of each step alone (the clock's own
     *                        lateness, without the waits for the synthesizer behind the step's earlier notes)
     * @param responses       calls answered
     * @param latencyP50Ms    median time from a call's last step complete to the answer drawn, ms
     * @param latencyMaxMs    the longest, ms
     */
    public record Report(double seconds, double tempo, String output, int noteOns, double jitterP50Ms,
                         double jitterP99Ms, double jitterMaxMs, double firstP99Ms, int responses, double latencyP50Ms, double latencyMaxMs) {
        /** The figures in two lines, as {@code bebop jam --bench} prints them. */
        public String summary() {
            return String.format(Locale.ROOT, "note-ons sent by bebop: %d; jitter against the grid: median %.3f ms, p99 %.3f ms, "
                    + "max %.3f ms (p99 of each step's first note-on: %.3f ms)%ncalls answered: %d; from a call's last step "
                    + "complete to the answer drawn: median %.3f ms, max %.3f ms", noteOns, jitterP50Ms, jitterP99Ms,
                    jitterMaxMs, firstP99Ms, responses, latencyP50Ms, latencyMaxMs);
        }
    }

    private JamBench() {}

    /**
     * Runs the benchmark into {@code out}: {@link MidiPorts#SYNTH} (or null) for the JDK synthesizer
     * rendering silently, else a MIDI output's name; the output is closed at the end.
     */
    public static Report run(JamSetup setup, JamSettings settings, double seconds, String out, Optional<Path> soundfont) {
        MidiPorts.Output synth = out == null || out.equals(MidiPorts.SYNTH) ? MidiPorts.synth(soundfont, true)
                : MidiPorts.openOutput(out, soundfont);
        try {
            return run(setup, settings, seconds, synth.receiver(), synth.what());
        } finally {
            synth.close();
        }
    }

    public static Report run(JamSetup setup, JamSettings settings, double seconds, Receiver synth, String output) {
        setup.warmUp(20_000);
        RealClock clock = new RealClock("jam-bench-clock");
        long[] times = new long[(int) Math.min(50_000_000L, (long) (seconds * settings.tempo() * 8 * 12 / 60) + 1024)];
        boolean[] first = new boolean[times.length];
        long[] lastStep = {Long.MIN_VALUE};
        int[] count = new int[1];
        JamSession[] holder = new JamSession[1];
        Receiver timed = new Receiver() {
            @Override
            public void send(MidiMessage message, long timeStamp) {
                if (message instanceof ShortMessage m && m.getCommand() == ShortMessage.NOTE_ON && m.getData2() > 0
                        && m.getChannel() != JamSession.PLAYER_CHANNEL && count[0] < times.length) {
                    long now = System.nanoTime();
                    JamSession s = holder[0];
                    long step = s.stepAt(now);
                    first[count[0]] = step != lastStep[0];
                    lastStep[0] = step;
                    times[count[0]++] = now - s.time(step);
                }
                synth.send(message, timeStamp);
            }

            @Override
            public void close() {}
        };
        JamSession session = setup.session(settings, clock, timed);
        holder[0] = session;
        System.gc(); // the garbage of loading the model and the SoundFont, collected before the first beat rather than in it
        session.start();
        RealClock playerClock = new RealClock("jam-bench-player");
        try {
            schedulePlayer(session, playerClock, seconds);
            session.run((long) (seconds * 1e9));
        } finally {
            playerClock.close();
        }
        long[] jitter = new long[count[0]];
        int firsts = 0;
        for (int i = 0; i < jitter.length; i++) {
            jitter[i] = Math.abs(times[i]);
            firsts += first[i] ? 1 : 0;
        }
        long[] firstJitter = new long[firsts];
        for (int i = 0, j = 0; i < jitter.length; i++) {
            if (first[i]) {
                firstJitter[j++] = jitter[i];
            }
        }
        Arrays.sort(jitter);
        Arrays.sort(firstJitter);
        long[] lat = session.responseLatencies();
        Arrays.sort(lat);
        return new Report(seconds, settings.tempo(), output, jitter.length, ms(pct(jitter, 0.5)), ms(pct(jitter, 0.99)),
                ms(jitter.length == 0 ? 0 : jitter[jitter.length - 1]), ms(pct(firstJitter, 0.99)), lat.length, ms(pct(lat, 0.5)),
                ms(lat.length == 0 ? 0 : lat[lat.length - 1]));
    }

    /** Quarter notes of the C blues scale in every call bar, each up to 0.3 of a step early or late. */
    private static void schedulePlayer(JamSession s, RealClock clock, double seconds) {
        SplittableRandom rng = new SplittableRandom(1);
        int[] scale = {60, 63, 65, 66, 67, 70, 72};
        JamSettings st = s.settings();
        int spb = s.stepsPerBar();
        int spq = s.model().stepsPerQuarter();
        long steps = (long) (seconds * 1e9 / s.stepNanos());
        for (long f = 0; f < steps; f += spq) {
            long bar = f / spb;
            if (bar % (st.callBars() + st.responseBars()) >= st.callBars()) {
                continue;
            }
            int pitch = scale[rng.nextInt(scale.length)];
            long on = s.time(s.countInSteps() + f) + Math.round((rng.nextDouble() * 0.6 - 0.3) * s.stepNanos());
            long off = on + Math.round(1.5 * s.stepNanos());
            clock.at(on, () -> key(s.input(), ShortMessage.NOTE_ON, pitch, 80));
            clock.at(off, () -> key(s.input(), ShortMessage.NOTE_OFF, pitch, 64));
        }
    }

    private static void key(Receiver r, int command, int pitch, int velocity) {
        try {
            r.send(new ShortMessage(command, 0, pitch, velocity), -1);
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long pct(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
