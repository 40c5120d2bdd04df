package bebop.io.midi;

import bebop.UserError;
import bebop.io.AtomicFiles;
import bebop.music.ChordSymbol;
import bebop.music.Note;
import bebop.music.Part;
import bebop.music.Score;
import bebop.music.TimeSignature;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

/**
 * Reads Standard MIDI Files of type 0 and 1, at any resolution, into a {@link Score} with the
 * file's own tick grid (no quantisation).
 *
 * <ul>
 *   <li>Tempo: the first set-tempo event (earliest tick, then lowest track); 120 bpm if none. The
 *       bpm is the shortest decimal that maps back to the file's microseconds per quarter, so a
 *       file written at 97.5 bpm reads as 97.5.
 *   <li>Time signature: the first one; 4/4 if none.
 *   <li>Title: the name of the first track (the conductor track of a type 1 file).
 *   <li>Parts: one per (track, channel) that has notes, in track then channel order. The name is
 *       the track's name; when a track has notes on several channels (always the case for a
 *       type 0 file with several instruments) each part is named "NAME (channel N)", and a type 0
 *       file's parts are named "Channel N" (N counted from 1). The program is the first program
 *       change on that channel in that track, else the first on that channel in any track, else 0.
 *       A track after the first one that has no notes but program changes on exactly one channel
 *       (how {@link MidiWriter} writes a part with no notes) is read as an empty part.
 *   <li>Notes: note-on and note-off (or note-on with velocity 0) are paired per channel and pitch,
 *       first on with first off; a note still on at the end of its track ends there; notes of
 *       length zero are dropped.
 *   <li>Chord symbols: the text events (meta type 1) of the track named "Chords"; when there is no
 *       such track, the text events of the first track that look like a chord symbol ("C", "F7",
 *       "Gm7", "F#dim7", "Bb7(#9)", "C/E", "N.C."), so comments and copyright lines are not taken
 *       for chords.
 *   <li>Length: the tick of the last event (the end-of-track of the longest track).
 * </ul>
 *
 * <p>Every problem with the file ends in one {@link UserError} whose message names the file and
 * the problem.
 */
public final class MidiReader {
    /** Files larger than this are refused before reading (MIDI files are rarely above a megabyte). */
    public static final long MAX_FILE_BYTES = 64L << 20;

    private static final int META_TEXT = 0x01;
    private static final int META_TRACK_NAME = 0x03;
    private static final int META_MARKER = 0x06;
    private static final int META_TEMPO = 0x51;
    private static final int META_TIME_SIGNATURE = 0x58;

    private static final Pattern CHORD_LIKE = Pattern.compile(
            "N\\.?C\\.?|[A-G][#b\u266F\u266D]?"
            + "(?:maj|min|mi|ma|m|M|dim|aug|sus|add|alt|o|\u00F8|\u0394|\\+|-|[0-9]|[#b\u266F\u266D]|\\(|\\)|,)*"
            + "(?:/[A-G][#b\u266F\u266D]?)?");

    private MidiReader() {}

    /** Reads a MIDI file into a score. */
    public static Score read(Path file) {
        return readFile(file).score();
    }

    /** Reads a MIDI file: its score and the facts about the file (type, resolution, tracks, tempo changes). */
    public static MidiFile readFile(Path file) {
        return parse(readBytes(file), file.toString());
    }

    /** Reads the bytes of a MIDI file; {@code name} is the file's name in error messages. */
    public static MidiFile parse(byte[] bytes, String name) {
        SmfStructure.Header header;
        try {
            header = SmfStructure.check(bytes);
        } catch (SmfStructure.Problem p) {
            throw new UserError(name + ": " + p.getMessage());
        }
        Sequence sequence;
        try {
            sequence = MidiSystem.getSequence(new ByteArrayInputStream(SmfStructure.clean(bytes, header)));
        } catch (InvalidMidiDataException | IOException | RuntimeException e) {
            throw new UserError(name + ": corrupt MIDI file (" + e.getMessage() + ")", e);
        }
        if (sequence.getDivisionType() != Sequence.PPQ || sequence.getTracks().length != header.tracks()) {
            throw new UserError(name + ": corrupt MIDI file (javax.sound.midi read "
                    + sequence.getTracks().length + " of " + header.tracks() + " tracks)");
        }
        return new Builder(name, header, sequence).build();
    }

    private static byte[] readBytes(Path file) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new UserError(name + ": is a directory");
        }
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new UserError(name + ": too large for a MIDI file (" + size + " bytes)");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UserError(name + ": no such file", e);
        } catch (IOException e) {
            throw new UserError(name + ": cannot read: " + AtomicFiles.describe(e), e);
        }
    }

    /** Turns a parsed sequence into a score. */
    private static final class Builder {
        private final String name;
        private final SmfStructure.Header header;
        private final Sequence sequence;
        private final Track[] tracks;

        Builder(String name, SmfStructure.Header header, Sequence sequence) {
            this.name = name;
            this.header = header;
            this.sequence = sequence;
            this.tracks = sequence.getTracks();
        }

        MidiFile build() {
            MetaMessage tempo = firstMeta(META_TEMPO);
            double bpm = tempo == null ? Score.DEFAULT_TEMPO : bpm(tempo);
            MetaMessage ts = firstMeta(META_TIME_SIGNATURE);
            TimeSignature timeSignature = ts == null ? TimeSignature.FOUR_FOUR : timeSignature(ts);
            String title = trackName(tracks[0]);

            List<Part> parts = new ArrayList<>();
            for (int t = 0; t < tracks.length; t++) {
                parts.addAll(parts(t));
            }
            List<ChordSymbol> chords = chordSymbols();
            long length = sequence.getTickLength();
            Score score;
            try {
                score = new Score(title, sequence.getResolution(), bpm, timeSignature, parts, chords, length);
            } catch (IllegalArgumentException e) {
                throw new UserError(name + ": unsupported MIDI file (" + e.getMessage() + ")", e);
            }
            int tempoEvents = 0;
            for (Track track : tracks) {
                for (int i = 0; i < track.size(); i++) {
                    if (isMeta(track.get(i), META_TEMPO)) {
                        tempoEvents++;
                    }
                }
            }
            double seconds = sequence.getMicrosecondLength() / 1e6;
            return new MidiFile(header.format(), sequence.getResolution(), tracks.length, tempoEvents, seconds, score);
        }

        /** The earliest meta event of a type (ties go to the lower track). */
        private MetaMessage firstMeta(int type) {
            MetaMessage best = null;
            long bestTick = Long.MAX_VALUE;
            for (Track track : tracks) {
                for (int i = 0; i < track.size(); i++) {
                    MidiEvent e = track.get(i);
                    if (isMeta(e, type) && e.getTick() < bestTick) {
                        best = (MetaMessage) e.getMessage();
                        bestTick = e.getTick();
                        break;
                    }
                }
            }
            return best;
        }

        private double bpm(MetaMessage tempo) {
            byte[] d = tempo.getData();
            if (d.length < 3) {
                throw new UserError(name + ": corrupt MIDI file (tempo event with " + d.length + " bytes)");
            }
            int mpq = ((d[0] & 0xFF) << 16) | ((d[1] & 0xFF) << 8) | (d[2] & 0xFF);
            if (mpq == 0) {
                throw new UserError(name + ": corrupt MIDI file (tempo of 0 microseconds per quarter note)");
            }
            double bpm = MidiWriter.bpmOf(mpq);
            if (bpm < 1 || bpm > 1000) {
                throw new UserError(String.format(java.util.Locale.ROOT,
                        "%s: unsupported MIDI file (tempo %.1f bpm is outside 1..1000)", name, bpm));
            }
            return bpm;
        }

        private TimeSignature timeSignature(MetaMessage ts) {
            byte[] d = ts.getData();
            if (d.length < 2) {
                throw new UserError(name + ": corrupt MIDI file (time signature event with " + d.length + " bytes)");
            }
            int numerator = d[0] & 0xFF;
            int power = d[1] & 0xFF;
            if (numerator < 1 || numerator > 64 || power > 6) {
                throw new UserError(name + ": unsupported MIDI file (time signature " + numerator + "/"
                        + (power > 30 ? "2^" + power : String.valueOf(1L << power)) + ")");
            }
            return new TimeSignature(numerator, 1 << power);
        }

        /** The parts of one track: one per channel with notes, or one empty part (see class comment). */
        private List<Part> parts(int t) {
            Track track = tracks[t];
            long end = track.ticks();
            // per channel: notes, FIFO of open notes per pitch, first program
            TreeMap<Integer, List<Note>> notes = new TreeMap<>();
            Map<Integer, ArrayDeque<long[]>> open = new HashMap<>();
            Map<Integer, Integer> programs = new HashMap<>();
            for (int i = 0; i < track.size(); i++) {
                MidiEvent e = track.get(i);
                if (!(e.getMessage() instanceof ShortMessage m)) {
                    continue;
                }
                int channel = m.getChannel();
                int command = m.getCommand();
                if (command == ShortMessage.PROGRAM_CHANGE) {
                    programs.putIfAbsent(channel, m.getData1());
                } else if (command == ShortMessage.NOTE_ON && m.getData2() > 0) {
                    notes.computeIfAbsent(channel, c -> new ArrayList<>());
                    open.computeIfAbsent(channel * 128 + m.getData1(), k -> new ArrayDeque<>())
                            .addLast(new long[] {e.getTick(), m.getData2()});
                } else if (command == ShortMessage.NOTE_OFF || command == ShortMessage.NOTE_ON) {
                    ArrayDeque<long[]> q = open.get(channel * 128 + m.getData1());
                    if (q != null && !q.isEmpty()) {
                        addNote(notes, channel, m.getData1(), q.pollFirst(), e.getTick());
                    }
                }
            }
            for (Map.Entry<Integer, ArrayDeque<long[]>> entry : open.entrySet()) {
                for (long[] on : entry.getValue()) {
                    addNote(notes, entry.getKey() / 128, entry.getKey() % 128, on, end);
                }
            }
            String trackName = trackName(track);
            List<Part> parts = new ArrayList<>();
            if (notes.isEmpty()) {
                if (t > 0 && programs.size() == 1) {
                    Map.Entry<Integer, Integer> only = programs.entrySet().iterator().next();
                    parts.add(new Part(trackName, only.getKey(), only.getValue(), List.of()));
                }
                return parts;
            }
            for (Map.Entry<Integer, List<Note>> entry : notes.entrySet()) {
                int channel = entry.getKey();
                String partName;
                if (header.format() == 0) {
                    partName = channelName(channel);
                } else if (notes.size() == 1) {
                    partName = trackName;
                } else {
                    partName = trackName.isBlank() ? channelName(channel) : trackName + " (channel " + (channel + 1) + ")";
                }
                Integer program = programs.get(channel);
                parts.add(new Part(partName, channel, program != null ? program : firstProgram(channel),
                        entry.getValue()));
            }
            return parts;
        }

        private static void addNote(Map<Integer, List<Note>> notes, int channel, int pitch, long[] on, long off) {
            long duration = off - on[0];
            if (duration > 0) {
                notes.get(channel).add(new Note(pitch, on[0], duration, (int) on[1]));
            }
        }

        private static String channelName(int channel) {
            return "Channel " + (channel + 1);
        }

        /** The earliest program change on a channel in any track; 0 when there is none. */
        private int firstProgram(int channel) {
            int program = 0;
            long bestTick = Long.MAX_VALUE;
            for (Track track : tracks) {
                for (int i = 0; i < track.size(); i++) {
                    MidiEvent e = track.get(i);
                    if (e.getMessage() instanceof ShortMessage m && m.getCommand() == ShortMessage.PROGRAM_CHANGE
                            && m.getChannel() == channel) {
                        if (e.getTick() < bestTick) {
                            bestTick = e.getTick();
                            program = m.getData1();
                        }
                        break;
                    }
                }
            }
            return program;
        }

        private List<ChordSymbol> chordSymbols() {
            Track source = null;
            for (Track track : tracks) {
                if (trackName(track).equals(Part.CHORDS)) {
                    source = track;
                    break;
                }
            }
            boolean filter = source == null;
            if (source == null) {
                source = tracks[0];
            }
            List<ChordSymbol> symbols = new ArrayList<>();
            for (int i = 0; i < source.size(); i++) {
                MidiEvent e = source.get(i);
                if (isMeta(e, META_TEXT)) {
                    String text = text((MetaMessage) e.getMessage());
                    if (!text.isBlank() && (!filter || CHORD_LIKE.matcher(text).matches())) {
                        symbols.add(new ChordSymbol(e.getTick(), text));
                    }
                } else if (isMeta(e, META_MARKER) && !symbols.isEmpty()) {
                    // bebop's "F13 voiced core: ..." right after its symbol, at the same tick
                    ChordSymbol last = symbols.get(symbols.size() - 1);
                    String text = text((MetaMessage) e.getMessage());
                    String prefix = last.symbol() + MidiWriter.VOICED;
                    if (last.start() == e.getTick() && last.voicing() == null && text.startsWith(prefix)
                            && text.length() > prefix.length()) {
                        symbols.set(symbols.size() - 1, new ChordSymbol(last.start(), last.symbol(), text.substring(prefix.length())));
                    }
                }
            }
            return symbols;
        }

        private static String trackName(Track track) {
            for (int i = 0; i < track.size(); i++) {
                MidiEvent e = track.get(i);
                if (isMeta(e, META_TRACK_NAME)) {
                    return text((MetaMessage) e.getMessage());
                }
            }
            return "";
        }
    }

    private static boolean isMeta(MidiEvent e, int type) {
        return e.getMessage() instanceof MetaMessage m && m.getType() == type;
    }

    /** Text of a meta event: UTF-8 when the bytes are valid UTF-8 (as MidiWriter writes), else Latin-1. */
    static String text(MetaMessage m) {
        byte[] data = m.getData();
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException e) {
            return new String(data, StandardCharsets.ISO_8859_1);
        }
    }
}
