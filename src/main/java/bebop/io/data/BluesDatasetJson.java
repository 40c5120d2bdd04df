package bebop.io.data;

import bebop.Version;
import bebop.data.BluesDataset;
import bebop.encoding.LocalEncoding;
import bebop.io.AtomicFiles;
import bebop.music.BluesForm;
import bebop.music.Chord;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Writes the blues data set as {@code blues.json}: the form, the encoding, provenance, and every
 * chorus as its melody (quarter-note pitches) and its frames. A frame is the sorted list of MIDI
 * pitches sounding in that eighth-note step, as in the Boulanger-Lewandowski piano-roll files.
 * No date is written: the same data set gives the same bytes.
 */
public final class BluesDatasetJson {
    public static final String FORMAT = "bebop-blues-dataset";
    public static final int FORMAT_VERSION = 1;

    private BluesDatasetJson() {}

    /**
     * Writes the file atomically. {@code midiName} gives each chorus's MIDI file name relative to the
     * JSON file (or null for none).
     */
    public static void write(Path file, BluesDataset data, double tempoBpm, IntFunction<String> midiName) {
        AtomicFiles.write(file, out -> {
            try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
                g.setPrettyPrinter(new DefaultPrettyPrinter());
                writeDataset(g, data, tempoBpm, midiName);
                g.writeRaw('\n');
            }
        });
    }

    private static void writeDataset(JsonGenerator g, BluesDataset data, double tempoBpm, IntFunction<String> midiName)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("format", FORMAT);
        g.writeNumberField("format_version", FORMAT_VERSION);
        g.writeObjectFieldStart("provenance");
        g.writeStringField("generator", "bebop " + Version.get() + " data blues");
        g.writeStringField("source", "Eck & Schmidhuber (2002): 12-bar blues form of Figure 2, melody segments "
                + "read from the sample in IDSIA-07-02 section 8.1; two alternatives per chord slot, bars 11-12 fixed");
        g.writeStringField("form_variant", data.form().variant().label());
        g.writeNumberField("tempo_bpm", tempoBpm);
        g.writeStringField("fingerprint_sha256", fingerprint(data));
        g.writeEndObject();

        g.writeObjectFieldStart("encoding");
        g.writeNumberField("steps_per_quarter", LocalEncoding.STEPS_PER_QUARTER);
        g.writeNumberField("steps_per_bar", LocalEncoding.STEPS_PER_BAR);
        g.writeNumberField("steps_per_chorus", LocalEncoding.STEPS_PER_CHORUS);
        g.writeNumberField("chord_low", LocalEncoding.CHORD_LOW);
        g.writeNumberField("chord_units", LocalEncoding.CHORD_UNITS);
        g.writeNumberField("melody_low", LocalEncoding.MELODY_LOW);
        g.writeNumberField("melody_units", LocalEncoding.MELODY_UNITS);
        g.writeEndObject();

        g.writeArrayFieldStart("form");
        int bar = 1;
        for (BluesForm.Bar b : data.form().bars()) {
            g.writeStartObject();
            g.writeNumberField("bar", bar++);
            g.writeArrayFieldStart("chords");
            List<Chord> chords = b.isSplit() ? List.of(b.firstHalf(), b.secondHalf()) : List.of(b.firstHalf());
            int steps = LocalEncoding.STEPS_PER_BAR / chords.size();
            for (Chord c : chords) {
                g.writeStartObject();
                g.writeStringField("symbol", c.symbol());
                g.writeFieldName("notes");
                writeInts(g, c.notes());
                g.writeNumberField("steps", steps);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();

        g.writeNumberField("count", data.choruses().size());
        g.writeArrayFieldStart("choruses");
        for (BluesDataset.Chorus c : data.choruses()) {
            g.writeStartObject();
            g.writeNumberField("index", c.index());
            if (midiName != null) {
                g.writeStringField("midi", midiName.apply(c.index()));
            }
            g.writeFieldName("melody");
            writeInts(g, c.melody());
            g.writeArrayFieldStart("frames");
            for (double[] frame : data.frames(c)) {
                writeInts(g, pitches(frame));
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static String fingerprint(BluesDataset data) {
        List<double[][]> all = new ArrayList<>();
        data.choruses().forEach(c -> all.add(data.frames(c)));
        return BluesDataset.fingerprint(all.toArray(new double[0][][]));
    }

    private static List<Integer> pitches(double[] frame) {
        List<Integer> on = new ArrayList<>(5);
        for (int u = 0; u < frame.length; u++) {
            if (frame[u] > 0.5) {
                on.add(LocalEncoding.unitPitch(u));
            }
        }
        return on;
    }

    private static void writeInts(JsonGenerator g, List<Integer> values) throws IOException {
        g.writeStartArray();
        for (int v : values) {
            g.writeNumber(v);
        }
        g.writeEndArray();
    }
}
