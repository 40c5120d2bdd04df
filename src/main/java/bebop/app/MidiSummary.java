package bebop.app;

import bebop.data.corpus.Key;
import bebop.data.corpus.KeyEstimator;
import bebop.io.midi.MidiFile;
import bebop.io.midi.MidiReader;
import bebop.music.Note;
import bebop.music.Part;
import bebop.music.Pitch;
import bebop.music.Score;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;

/** What a MIDI file holds, as bebop reads it: {@code inspect}. */
public record MidiSummary(Path file, MidiFile midi) {
    public static MidiSummary of(Path file) {
        return new MidiSummary(file, MidiReader.readFile(file));
    }

    /** Length in bars. */
    public double bars() {
        Score s = midi.score();
        return s.length() / (double) s.ticksPerBar();
    }

    /** MIDI channel 10 (0-based 9): General MIDI's drums, whose note numbers are instruments, not pitches. */
    private static final int DRUMS = 9;

    /**
     * The key its notes suggest (Krumhansl-Schmuckler: the pitch classes weighted by how long they sound,
     * drums left out, against the Krumhansl-Kessler profiles: the estimate {@code bebop import --transpose C}
     * makes, there of the notes on its grid); null for a file without pitched notes.
     */
    public Key key() {
        double[] histogram = new double[12];
        boolean any = false;
        for (Part p : midi.score().parts()) {
            if (p.channel() == DRUMS) {
                continue;
            }
            for (Note n : p.notes()) {
                histogram[n.pitch() % 12] += n.duration();
                any = true;
            }
        }
        return any ? KeyEstimator.estimate(histogram) : null;
    }

    /** The lowest and highest pitch of a part, or null for a part without notes. */
    public static int[] range(Part p) {
        if (p.notes().isEmpty()) {
            return null;
        }
        int lo = 127;
        int hi = 0;
        for (Note n : p.notes()) {
            lo = Math.min(lo, n.pitch());
            hi = Math.max(hi, n.pitch());
        }
        return new int[] {lo, hi};
    }

    /** The summary as one JSON object ({@code inspect --json}). */
    public ObjectNode json() {
        Score s = midi.score();
        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("file", file.toString());
        o.put("format", midi.format());
        o.put("tracks", midi.tracks());
        o.put("resolution", midi.resolution());
        o.put("title", s.title());
        o.put("tempo_bpm", s.tempoBpm());
        o.put("tempo_events", midi.tempoEvents());
        o.put("time_signature", s.timeSignature().toString());
        o.put("length_ticks", s.length());
        o.put("bars", BigDecimal.valueOf(bars()).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros().doubleValue());
        o.put("seconds", Math.round(midi.seconds() * 1000) / 1000.0);
        o.put("chord_symbols", s.chordSymbols().size());
        Key key = key();
        o.put("key", key == null ? null : key.name());
        o.put("key_correlation", key == null ? null : Math.round(key.correlation() * 1000) / 1000.0);
        ArrayNode parts = o.putArray("parts");
        for (Part p : s.parts()) {
            ObjectNode j = parts.addObject();
            j.put("name", p.name());
            j.put("channel", p.channel() + 1);
            j.put("program", p.program());
            j.put("notes", p.notes().size());
            int[] range = range(p);
            if (range == null) {
                j.putNull("lowest");
                j.putNull("highest");
            } else {
                j.put("lowest", range[0]);
                j.put("highest", range[1]);
                j.put("lowest_name", Pitch.name(range[0]));
                j.put("highest_name", Pitch.name(range[1]));
            }
        }
        return o;
    }
}
