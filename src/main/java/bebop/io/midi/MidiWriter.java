package bebop.io.midi;

import bebop.io.AtomicFiles;
import bebop.music.ChordSymbol;
import bebop.music.Note;
import bebop.music.Part;
import bebop.music.Score;
import bebop.music.TimeSignature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

/**
 * Writes a {@link Score} as a Standard MIDI File of type 1 at {@value #RESOLUTION} ticks per quarter
 * note, with {@code javax.sound.midi}.
 *
 * <ul>
 *   <li>Track 1, the conductor track: track name = the score's title (omitted when empty), tempo,
 *       time signature.
 *   <li>Then one track per part, in the score's order: track name = the part's name (omitted when
 *       empty), a program change on the part's channel at tick 0, then the notes. A note ends
 *       with a note-off event (0x80, release velocity 64), never with a note-on of velocity 0.
 *   <li>Chord symbols are text events (meta type 1) on the track of the first part named
 *       "Chords"; when the score has no such part, on the conductor track. A symbol that says how it
 *       was voiced for the network has a marker (meta type 6) right after it: "F13 voiced core: C3 Eb3
 *       F3 A3".
 *   <li>Every track ends (end-of-track event) at the score's length, so trailing silence and whole
 *       bars survive.
 *   <li>Events at the same tick are in a fixed order: track name, tempo, time signature, program
 *       change, chord symbols, note-offs (by pitch), note-ons (by pitch). The same score always
 *       gives the same bytes.
 * </ul>
 *
 * <p>Ticks are scaled from the score's resolution to 480; a score whose ticks do not map exactly
 * (for example a note at tick 1 of a 960-tick grid) is refused with an
 * {@link IllegalArgumentException}, as is a tempo below {@value #MIN_BPM} bpm, the slowest MIDI
 * can state.
 */
public final class MidiWriter {
    /** Ticks per quarter note of every file written. */
    public static final int RESOLUTION = 480;
    /** The slowest tempo a set-tempo event can hold (0xFFFFFF microseconds per quarter). */
    public static final double MIN_BPM = 60_000_000.0 / 0xFFFFFF;
    /** Release velocity of note-off events (the MIDI default for "no release velocity"). */
    public static final int RELEASE_VELOCITY = 64;

    private static final int META_TEXT = 0x01;
    private static final int META_TRACK_NAME = 0x03;
    private static final int META_MARKER = 0x06;
    private static final int META_END_OF_TRACK = 0x2F;
    private static final int META_TEMPO = 0x51;
    private static final int META_TIME_SIGNATURE = 0x58;

    // order of events at the same tick
    private static final int ORDER_META = 0;
    private static final int ORDER_PROGRAM = 1;
    private static final int ORDER_TEXT = 2;
    private static final int ORDER_NOTE_OFF = 3;
    private static final int ORDER_NOTE_ON = 4;

    /** Between a symbol and its voicing in a chord track's marker. */
    public static final String VOICED = " voiced ";

    private MidiWriter() {}

    /** Writes the score to a file, atomically (temporary file, then move into place). */
    public static void write(Score score, Path file) {
        byte[] bytes = toBytes(score);
        AtomicFiles.write(file, bytes);
    }

    /** The bytes of the Standard MIDI File for a score. */
    public static byte[] toBytes(Score score) {
        Sequence sequence = toSequence(score);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            MidiSystem.write(sequence, 1, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The score as a {@code javax.sound.midi} sequence at 480 ticks per quarter (type 1 layout). */
    public static Sequence toSequence(Score score) {
        TickScale scale = new TickScale(score.ticksPerQuarter());
        long length = scale.ticks(score.length(), "score length");
        int chordsPart = -1;
        for (int i = 0; i < score.parts().size(); i++) {
            if (score.parts().get(i).name().equals(Part.CHORDS)) {
                chordsPart = i;
                break;
            }
        }
        try {
            Sequence sequence = new Sequence(Sequence.PPQ, RESOLUTION);
            List<Ev> conductor = new ArrayList<>();
            if (!score.title().isEmpty()) {
                conductor.add(new Ev(0, ORDER_META, 0, text(META_TRACK_NAME, score.title())));
            }
            conductor.add(new Ev(0, ORDER_META, 0, meta(META_TEMPO, tempoBytes(score.tempoBpm()))));
            conductor.add(new Ev(0, ORDER_META, 0, meta(META_TIME_SIGNATURE, timeSignatureBytes(score.timeSignature()))));
            if (chordsPart < 0) {
                addChordSymbols(conductor, score, scale);
            }
            fill(sequence.createTrack(), conductor, length);

            for (int i = 0; i < score.parts().size(); i++) {
                Part part = score.parts().get(i);
                List<Ev> events = new ArrayList<>();
                if (!part.name().isEmpty()) {
                    events.add(new Ev(0, ORDER_META, 0, text(META_TRACK_NAME, part.name())));
                }
                events.add(new Ev(0, ORDER_PROGRAM, 0,
                        new ShortMessage(ShortMessage.PROGRAM_CHANGE, part.channel(), part.program(), 0)));
                if (i == chordsPart) {
                    addChordSymbols(events, score, scale);
                }
                for (Note n : part.notes()) {
                    long on = scale.ticks(n.start(), "note start");
                    long off = scale.ticks(n.end(), "note end");
                    events.add(new Ev(on, ORDER_NOTE_ON, n.pitch(),
                            new ShortMessage(ShortMessage.NOTE_ON, part.channel(), n.pitch(), n.velocity())));
                    events.add(new Ev(off, ORDER_NOTE_OFF, n.pitch(),
                            new ShortMessage(ShortMessage.NOTE_OFF, part.channel(), n.pitch(), RELEASE_VELOCITY)));
                }
                fill(sequence.createTrack(), events, length);
            }
            return sequence;
        } catch (InvalidMidiDataException e) {
            // every value was checked by the music records; this is a bug, not bad input
            throw new IllegalStateException("cannot build MIDI event: " + e.getMessage(), e);
        }
    }

    /** Microseconds per quarter note for a tempo, as a set-tempo event stores it. */
    public static int microsecondsPerQuarter(double bpm) {
        if (!(bpm >= MIN_BPM)) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "tempo %s bpm is below %.3f bpm, the slowest a MIDI file can store", bpm, MIN_BPM));
        }
        return (int) Math.round(60_000_000.0 / bpm);
    }

    /**
     * The tempo in bpm for microseconds per quarter note: the shortest decimal (at most 6 places)
     * that {@link #microsecondsPerQuarter} maps back to the same value, so 615385 reads as 97.5.
     */
    public static double bpmOf(int microsecondsPerQuarter) {
        double exact = 60_000_000.0 / microsecondsPerQuarter;
        for (int places = 0; places <= 6; places++) {
            double candidate = BigDecimal.valueOf(exact).setScale(places, RoundingMode.HALF_EVEN).doubleValue();
            if (candidate > 0 && Math.round(60_000_000.0 / candidate) == microsecondsPerQuarter) {
                return candidate;
            }
        }
        return exact;
    }

    private static void addChordSymbols(List<Ev> events, Score score, TickScale scale) throws InvalidMidiDataException {
        for (ChordSymbol c : score.chordSymbols()) {
            long at = scale.ticks(c.start(), "chord symbol start");
            events.add(new Ev(at, ORDER_TEXT, 0, text(META_TEXT, c.symbol())));
            if (c.voicing() != null) {
                events.add(new Ev(at, ORDER_TEXT, 0, text(META_MARKER, c.symbol() + VOICED + c.voicing())));
            }
        }
    }

    /** Adds the events in their fixed order, then the end of track at {@code length}. */
    private static void fill(Track track, List<Ev> events, long length) throws InvalidMidiDataException {
        // stable sort: events with equal keys keep the order they were added in
        events.sort(Comparator.comparingLong(Ev::tick).thenComparingInt(Ev::order).thenComparingInt(Ev::pitch));
        for (Ev e : events) {
            track.add(new MidiEvent(e.message(), e.tick()));
        }
        track.add(new MidiEvent(new MetaMessage(META_END_OF_TRACK, new byte[0], 0), length));
    }

    private static byte[] tempoBytes(double bpm) {
        int mpq = microsecondsPerQuarter(bpm);
        return new byte[] {(byte) (mpq >> 16), (byte) (mpq >> 8), (byte) mpq};
    }

    private static byte[] timeSignatureBytes(TimeSignature ts) {
        int power = Integer.numberOfTrailingZeros(ts.denominator());
        int clocksPerClick = Math.max(1, 96 / ts.denominator()); // one click per beat (24 clocks = a quarter)
        return new byte[] {(byte) ts.numerator(), (byte) power, (byte) clocksPerClick, 8};
    }

    private static MetaMessage text(int type, String text) throws InvalidMidiDataException {
        return meta(type, text.getBytes(StandardCharsets.UTF_8));
    }

    private static MetaMessage meta(int type, byte[] data) throws InvalidMidiDataException {
        return new MetaMessage(type, data, data.length);
    }

    /** An event to write, with its sort key. */
    private record Ev(long tick, int order, int pitch, MidiMessage message) {}

    /** Exact conversion from the score's ticks to 480 per quarter. */
    private record TickScale(int from) {
        long ticks(long t, String what) {
            long scaled = t * RESOLUTION;
            if (scaled % from != 0) {
                throw new IllegalArgumentException(what + " at tick " + t + " of " + from
                        + " ticks per quarter does not fall on the " + RESOLUTION + "-ticks-per-quarter grid of a MIDI file");
            }
            return scaled / from;
        }
    }
}
