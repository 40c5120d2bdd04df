package bebop.jam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bebop.app.Models;
import bebop.io.midi.MidiReader;
import bebop.music.Note;
import bebop.music.Part;
import bebop.music.Progression;
import bebop.music.Score;
import bebop.nn.Arithmetic;
import bebop.nn.LstmSequenceModel;
import bebop.nn.SequenceModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The jam's engine on a simulated clock, with in-process MIDI devices (a keyboard the test plays, a
 * module that keeps what bebop sends): no sound card, the same on every machine.
 */
class JamSessionTest {
    /** The bundled model, its frames kept as they are fed. */
    static final class Spy implements SequenceModel {
        final SequenceModel inner;
        final List<double[]> fed = new ArrayList<>();

        Spy(SequenceModel inner) {
            this.inner = inner;
        }

        public int units() {
            return inner.units();
        }

        public void reset() {
            inner.reset();
        }

        public double[] step(double[] frame) {
            fed.add(frame.clone());
            return inner.step(frame);
        }

        public String name() {
            return inner.name();
        }
    }

    final SimulatedClock clock = new SimulatedClock(1_000_000_000L);
    final InProcessMidi.Module module = new InProcessMidi.Module(clock);
    final InProcessMidi.Keyboard keyboard = new InProcessMidi.Keyboard();
    final JamModel bundled = JamModel.of(Models.bundled());
    final Spy spy = new Spy(bundled.network());
    final JamModel model = new JamModel(spy, bundled.layout(), bundled.melodyLow(), bundled.stepsPerQuarter(), bundled.form(),
            "spy");

    JamSession session(JamSettings settings) {
        JamSession s = new JamSession(model, model.form(), settings, clock, module);
        keyboard.setReceiver(s.input());
        s.start();
        return s;
    }

    /** The time of form step {@code f} plus {@code fraction} of a step. */
    static long at(JamSession s, long f, double fraction) {
        return s.time(s.countInSteps() + f) + Math.round(fraction * s.stepNanos());
    }

    /** Plays a note from form step f + offset for {@code steps} steps. */
    void play(JamSession s, int pitch, long f, double offset, double steps) {
        clock.advanceTo(at(s, f, offset));
        keyboard.press(pitch, 80);
        clock.advanceTo(at(s, f, offset + steps));
        keyboard.release(pitch);
    }

    /** The melody note of a frame fed, or -1. */
    int melodyOf(double[] frame) {
        for (int u = 12; u < frame.length; u++) {
            if (frame[u] > 0.5) {
                return model.melodyLow() + u - 12;
            }
        }
        return -1;
    }

    /** A jam plays in the plain arithmetic in any JVM, as `bebop jam` (whose JVM has no Vector API) does. */
    @Test
    void aJamPlaysThePlainArithmeticInAnyJvm() {
        assertEquals(Arithmetic.PLAIN, ((LstmSequenceModel) bundled.network()).arithmetic());
    }

    @Test
    void aPlayersNotesLandOnTheNearestStepEarlyOrLateAndTheNetworkHearsThemFolded() {
        JamSession s = session(JamSettings.defaults());
        play(s, 60, 0, 0.0, 0.9);     // on the step
        play(s, 62, 2, -0.4, 1.0);    // early by 0.4 step
        play(s, 64, 4, 0.45, 0.5);    // late by 0.45 step
        play(s, 65, 6, -0.3, 1.2);    // early
        play(s, 67, 9, 0.49, 0.8);    // late, almost half a step
        play(s, 55, 11, 0.51, 1.0);   // late by more than half a step: the next step, 12; below the range: heard as 67
        play(s, 86, 14, -0.05, 1.0);  // above the range (D6): folded down two octaves, heard as D4
        clock.advanceTo(at(s, 16, 0.0) - 1);
        JamRecording r = s.finish();
        List<Long> starts = r.player().stream().map(JamSession.StepNote::start).toList();
        assertEquals(List.of(0L, 2L, 4L, 6L, 9L, 12L, 14L), starts);
        assertEquals(List.of(60, 62, 64, 65, 67, 55, 86), r.player().stream().map(JamSession.StepNote::pitch).toList());
        // the frames fed, one per form step: steps 0..15
        assertEquals(16, spy.fed.size());
        int[] heard = new int[16];
        for (int f = 0; f < 16; f++) {
            heard[f] = melodyOf(spy.fed.get(f));
        }
        assertEquals(60, heard[0]);
        assertEquals(62, heard[2]);
        assertEquals(64, heard[4]);
        assertEquals(65, heard[6]);
        assertEquals(67, heard[9]);
        assertEquals(67, heard[12]);
        assertEquals(62, heard[14]);
        assertEquals(60, heard[1], "a rest holds the last note heard");
    }

    @Test
    void theResponseStartsExactlyOnTheBarAfterTheCallEnds() {
        JamSession s = session(JamSettings.defaults()); // call 2 bars, response 2 bars
        for (int f = 0; f < 16; f += 2) {
            play(s, 60 + (f % 12), f, 0.1, 1.5);
        }
        clock.advanceTo(s.barTime(6) - 1);
        s.finish();
        List<InProcessMidi.Heard> bebop = module.on(JamSession.BEBOP_CHANNEL).stream()
                .filter(InProcessMidi.Heard::noteOn).toList();
        assertFalse(bebop.isEmpty());
        assertEquals(s.barTime(2), bebop.get(0).nanos(), "the first answer is on bar 3's downbeat");
        for (InProcessMidi.Heard h : bebop) {
            assertTrue(h.nanos() >= s.barTime(2) && h.nanos() < s.barTime(4), "bebop plays only in its bars: " + h);
            assertEquals(0, (h.nanos() - s.barTime(0)) % (long) s.stepNanos(), "on the grid");
        }
        List<InProcessMidi.Heard> offs = module.on(JamSession.BEBOP_CHANNEL).stream()
                .filter(InProcessMidi.Heard::noteOff).toList();
        assertEquals(s.barTime(4), offs.get(offs.size() - 1).nanos(), "bebop stops at the next call's downbeat");
        List<JamSession.Role> roles = s.roles();
        for (int f = 0; f < roles.size(); f++) {
            long bar = f / 8;
            assertEquals(bar % 4 < 2 ? JamSession.Role.CALL : JamSession.Role.RESPONSE, roles.get(f), "step " + f);
        }
        assertEquals(2, s.responseLatencies().length, "two calls answered: bars 1-2 and 5-6");
    }

    @Test
    void inAccompanyModeBebopAnswersWhenThePlayerRestsABarAndGivesWayWhenThePlayerComesIn() {
        JamSession s = session(JamSettings.defaults().withAccompany(true));
        play(s, 64, 1, 0.0, 2.0);     // bar 1: the player plays; bar 2 rests
        play(s, 67, 26, 0.0, 1.0);    // bar 4, step 2: the player comes in
        clock.advanceTo(s.barTime(5) - 1);
        s.finish();
        List<JamSession.Role> roles = s.roles();
        for (int f = 0; f < 16; f++) {
            assertEquals(JamSession.Role.CALL, roles.get(f), "step " + f);
        }
        for (int f = 16; f < 26; f++) {
            assertEquals(JamSession.Role.RESPONSE, roles.get(f), "step " + f);
        }
        for (int f = 26; f < 40; f++) {
            assertEquals(JamSession.Role.CALL, roles.get(f), "step " + f);
        }
        List<InProcessMidi.Heard> bebop = module.on(JamSession.BEBOP_CHANNEL).stream()
                .filter(h -> h.noteOn() || h.noteOff()).toList();
        assertEquals(s.barTime(2), bebop.stream().filter(InProcessMidi.Heard::noteOn).findFirst().orElseThrow().nanos());
        assertTrue(bebop.get(bebop.size() - 1).noteOff() && bebop.get(bebop.size() - 1).nanos() <= at(s, 26, 0.5));
    }

    @Test
    void theChordPartNeverLeavesTheProgressionOverFiftyChoruses() {
        Progression form = model.form();
        JamSession s = session(JamSettings.defaults().withCountIn(1, true));
        int steps = 50 * 96;
        // a player who plays a note now and then, a little off the grid
        java.util.SplittableRandom rng = new java.util.SplittableRandom(7);
        for (int f = 0; f < steps; f += 3) {
            play(s, 55 + rng.nextInt(30), f, rng.nextDouble() - 0.5, 1.0);
        }
        clock.advanceTo(at(s, steps, 0.0) - 1);
        JamRecording r = s.finish();
        assertEquals(600, r.bars());
        Set<Integer> sounding = new HashSet<>();
        List<InProcessMidi.Heard> chords = module.on(JamSession.CHORD_CHANNEL);
        int i = 0;
        for (int f = 0; f < steps; f++) {
            long t = at(s, f, 0.0);
            while (i < chords.size() && chords.get(i).nanos() <= t) {
                InProcessMidi.Heard h = chords.get(i++);
                if (h.noteOn()) {
                    sounding.add(h.data1());
                } else if (h.noteOff()) {
                    sounding.remove(h.data1());
                }
            }
            assertEquals(new TreeSet<>(form.changeAt(f % 96, 8).chord().notes()), new TreeSet<>(sounding), "form step " + f);
            double[] fed = spy.fed.get(f);
            for (int u = 0; u < 12; u++) {
                assertEquals(sounding.contains(48 + u) ? 1.0 : 0.0, fed[u], "chord unit " + u + " at step " + f);
            }
        }
        for (JamSession.StepNote n : r.chords()) {
            assertTrue(form.changeAt((int) (n.start() % 96), 8).chord().notes().contains(n.pitch()));
        }
    }

    @Test
    void theRecordingHoldsBothPartsOnTheirOwnTracksInWholeBars() throws Exception {
        JamSession s = session(JamSettings.defaults());
        for (int f = 0; f < 24 * 8; f++) {
            if (f / 16 % 2 == 0 && f % 2 == 0) {
                play(s, 60 + f % 13, f, 0.2, 1.0);
            }
        }
        clock.advanceTo(s.barTime(24) - 1);
        JamRecording r = s.finish();
        assertEquals(24, r.bars());
        Path dir = scratch("record");
        r.write(dir.resolve("jam"), Optional.empty());
        Score score = MidiReader.read(dir.resolve("jam.mid"));
        assertEquals(24, score.bars());
        assertEquals(List.of(Part.CHORDS, JamRecording.BEBOP, JamRecording.PLAYER), score.parts().stream().map(Part::name).toList());
        assertFalse(score.part(JamRecording.BEBOP).orElseThrow().notes().isEmpty());
        assertEquals(48, score.part(JamRecording.PLAYER).orElseThrow().notes().size());
        long bar = score.ticksPerBar();
        for (Note n : score.part(JamRecording.BEBOP).orElseThrow().notes()) {
            assertTrue(n.start() / bar % 4 >= 2, "bebop's notes are in its bars: " + n);
        }
        for (Note n : score.part(JamRecording.PLAYER).orElseThrow().notes()) {
            assertTrue(n.start() / bar % 4 < 2, "the player's notes are in the calls: " + n);
        }
        assertTrue(Files.readString(dir.resolve("jam.musicxml")).contains("<score-partwise"));
        assertTrue(Files.size(dir.resolve("jam.wav")) > 44);
        Mido.check(dir.resolve("jam.mid"), "time_signature 4/4, bars 24,", "tracks 4,");
    }

    @Test
    void askedToStopOrInterruptedTheSessionEndsWithCompleteFiles() throws Exception {
        Path dir = scratch("interrupt");
        // Ctrl-C: a shutdown hook asks the session to stop, in the middle of bar 6
        JamSession s = new JamSession(model, model.form(), JamSettings.defaults(), clock, module);
        clock.at(clock.now() + JamSession.LEAD_NANOS + 8 * 250_000_000L + 5 * 8 * 250_000_000L + 3 * 250_000_000L, s::requestStop);
        JamRecording r = s.run(0);
        assertEquals(6, r.bars());
        r.write(dir.resolve("stopped"), Optional.empty());
        assertEquals(6, MidiReader.read(dir.resolve("stopped.mid")).bars());

        // an interrupt of the thread that runs it, in the middle of bar 3
        SimulatedClock c2 = new SimulatedClock(0);
        JamSession s2 = new JamSession(model, model.form(), JamSettings.defaults(), c2, new InProcessMidi.Module(c2));
        c2.at(JamSession.LEAD_NANOS + 8 * 250_000_000L + 2 * 8 * 250_000_000L + 5 * 250_000_000L,
                () -> Thread.currentThread().interrupt());
        JamRecording r2 = s2.run(0);
        assertTrue(Thread.currentThread().isInterrupted(), "the interrupt stays set");
        r2.write(dir.resolve("interrupted"), Optional.empty());
        assertTrue(Thread.interrupted(), "and is still set after writing");
        assertEquals(3, MidiReader.read(dir.resolve("interrupted.mid")).bars());
        assertTrue(Files.size(dir.resolve("interrupted.wav")) > 44);
        assertTrue(Files.readString(dir.resolve("interrupted.musicxml")).trim().endsWith("</score-partwise>"));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList(), "no temporary files left");
        }
    }

    @Test
    void onTheRealClockAnInterruptedSessionWritesCompleteFiles() throws Exception {
        Path dir = scratch("real");
        RealClock real = new RealClock("jam-test");
        InProcessMidi.Module out = new InProcessMidi.Module(real);
        JamSession s = new JamSession(model, model.form(), JamSettings.defaults().withTempo(400).withCountIn(0, false), real, out);
        Throwable[] failed = new Throwable[1];
        Thread player = new Thread(() -> {
            try {
                s.run(0).write(dir.resolve("real"), Optional.empty());
            } catch (Throwable e) {
                failed[0] = e;
            }
        });
        player.start();
        while (s.roles().size() < 20) {
            Thread.sleep(10);
        }
        player.interrupt();
        player.join(60_000);
        assertFalse(player.isAlive());
        assertEquals(null, failed[0]);
        Score score = MidiReader.read(dir.resolve("real.mid"));
        assertTrue(score.bars() >= 3, "20 steps or more: at least 3 bars, whole");
        assertEquals(0, score.length() % score.ticksPerBar());
        assertTrue(Files.size(dir.resolve("real.wav")) > 44);
    }

    static Path scratch(String name) throws java.io.IOException {
        Path dir = Path.of("target", "test-work", "jam", name);
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return Files.createDirectories(dir);
    }
    @Test
    void aListenerIsToldEveryStepAndTheNotesAsTheRecordingHoldsThem() {
        List<String> events = new ArrayList<>();
        List<long[]> steps = new ArrayList<>();
        JamListener listener = new JamListener() {
            @Override
            public void step(long step, JamSession.Role role) {
                steps.add(new long[] {step, role.ordinal()});
            }

            @Override
            public void note(Part part, boolean on, int pitch, int velocity, long step) {
                if (part != Part.CLICK) {
                    events.add(part + (on ? " on " : " off ") + pitch + " @" + step);
                }
            }
        };
        JamSession s = new JamSession(model, model.form(), JamSettings.defaults(), clock, module, listener);
        keyboard.setReceiver(s.input());
        s.start();
        play(s, 60, 0, 0.2, 1.0);
        play(s, 64, 3, -0.3, 2.0);
        clock.advanceTo(at(s, 32, 0.0) - 1);   // two calls and two responses of 2 bars
        JamRecording r = s.finish();
        // every step from the count-in's first (-8) to the last that sounded (31), in order, with its role
        assertEquals(40, steps.size());
        for (int i = 0; i < steps.size(); i++) {
            long f = i - 8;
            assertEquals(f, steps.get(i)[0]);
            JamSession.Role role = f >= 0 && (f / 16) % 2 == 1 ? JamSession.Role.RESPONSE : JamSession.Role.CALL;
            assertEquals(role.ordinal(), steps.get(i)[1], "the role of step " + f);
        }
        assertTrue(events.contains("PLAYER on 60 @0"), events.toString());
        assertTrue(events.contains("PLAYER on 64 @3"), events.toString());
        // bebop's note-ons and note-offs are its recorded notes, on their steps
        List<String> bebop = events.stream().filter(e -> e.startsWith("BEBOP")).toList();
        List<String> expected = new ArrayList<>();
        for (JamSession.StepNote n : r.bebop()) {
            expected.add("BEBOP on " + n.pitch() + " @" + n.start());
            expected.add("BEBOP off " + n.pitch() + " @" + (n.end() == 32 ? 31 : n.end()));
        }
        assertFalse(expected.isEmpty());
        assertEquals(expected, bebop);
        assertEquals(r.chords().size(), events.stream().filter(e -> e.startsWith("CHORDS on")).count(), "every chord note recorded");
    }
}
