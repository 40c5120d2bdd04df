package bebop.cli;

import bebop.app.DatasetSummary;
import bebop.app.MidiSummary;
import bebop.app.ModelSummary;
import bebop.data.corpus.Key;
import bebop.io.midi.MidiFile;
import bebop.music.Part;
import bebop.music.Pitch;
import bebop.music.Score;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How {@code inspect} shows a MIDI file, a model file or a data set as text ({@code --json} prints the summaries whole). */
final class InspectOutput {
    private InspectOutput() {}

    /** A MIDI file: its header, tempo, bars and a table of its parts. */
    static void midi(Path file, MidiSummary summary, PrintWriter out) {
        MidiFile midi = summary.midi();
        Score s = midi.score();
        row(out, "file", file.toString());
        row(out, "format", midi.format() + (midi.format() == 0 ? " (single track)" : " (multi-track)")
                + ", " + midi.tracks() + (midi.tracks() == 1 ? " track" : " tracks"));
        row(out, "resolution", midi.resolution() + " ticks per quarter note");
        row(out, "title", s.title().isEmpty() ? "(none)" : s.title());
        row(out, "tempo", number(s.tempoBpm(), 3) + " bpm"
                + (midi.tempoEvents() > 1 ? " (the first of " + midi.tempoEvents() + " tempo events)" : ""));
        row(out, "time signature", s.timeSignature().toString());
        row(out, "length", number(summary.bars(), 2) + " bars, " + number(midi.seconds(), 2) + " s (" + s.length() + " ticks)");
        row(out, "chord symbols", String.valueOf(s.chordSymbols().size()));
        Key key = summary.key();
        row(out, "key", key == null ? null : String.format(Locale.ROOT, "%s (estimated from the notes: correlation %.2f with "
                + "its Krumhansl-Kessler profile)", key.name(), key.correlation()));
        row(out, "parts", String.valueOf(s.parts().size()));
        if (s.parts().isEmpty()) {
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"#", "name", "channel", "program", "notes", "range"});
        for (int i = 0; i < s.parts().size(); i++) {
            Part p = s.parts().get(i);
            int[] range = MidiSummary.range(p);
            rows.add(new String[] {
                String.valueOf(i + 1), p.name().isEmpty() ? "(unnamed)" : p.name(), String.valueOf(p.channel() + 1),
                String.valueOf(p.program()), String.valueOf(p.notes().size()),
                range == null ? "-" : Pitch.name(range[0]) + " (" + range[0] + ") .. " + Pitch.name(range[1]) + " (" + range[1] + ")"});
        }
        table(rows, out);
    }

    /** A model file: what it is, how it learned, how it was trained and what it measured then. */
    static void model(Path file, ModelSummary m, PrintWriter out) {
        row(out, "file", file.toString());
        row(out, "model", m.kind() + ": " + m.about());
        row(out, "network", m.network());
        row(out, "frames", m.frames());
        row(out, "learning", m.learning());
        row(out, "training", m.training());
        JsonNode p = m.provenance();
        if (p != null) {
            row(out, "trained", "bebop " + p.path("bebop_version").asText("?") + ", " + p.path("created").asText("?")
                    + ", seed " + p.path("seed").asText("?") + ", Java " + p.path("java_version").asText("?"));
            List<String> command = new ArrayList<>();
            p.path("command_line").forEach(a -> command.add(a.asText()));
            if (!command.isEmpty()) {
                row(out, "command line", "bebop " + String.join(" ", command));
            }
        }
        JsonNode metrics = m.metrics();
        if (metrics != null && metrics.size() > 0) {
            out.println("measured at training:");
            // four decimals, as eval prints them (--json keeps the recorded values whole)
            metrics.fields().forEachRemaining(e -> out.println("  " + pad(e.getKey(), 18)
                    + (e.getValue().isNumber() ? number(e.getValue().asDouble(), 4) : e.getValue().asText())));
        }
    }

    /** A data set: what a frame holds, a table of its splits, and for an import folder what the import did. */
    static void dataset(DatasetSummary d, PrintWriter out) {
        row(out, "data set", d.name());
        row(out, "frames", d.frames());
        row(out, "imported", d.imported());
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"split", "pieces", "frames", "steps a piece", "notes a frame", "silent", "3-4 notes", "range"});
        for (DatasetSummary.Split s : d.splits()) {
            rows.add(new String[] {s.split(), String.format(Locale.ROOT, "%,d", s.pieces()),
                String.format(Locale.ROOT, "%,d", s.frames()),
                s.pieces() == 0 ? "-" : s.shortest() + ".." + s.longest(),
                s.frames() == 0 ? "-" : number(s.notesPerFrame(), 2), s.frames() == 0 ? "-" : number(s.silent(), 4),
                s.frames() == 0 ? "-" : number(s.threeToFour(), 4),
                s.lowest() < 0 ? "-" : Pitch.name(s.lowest()) + " (" + s.lowest() + ") .. " + Pitch.name(s.highest()) + " ("
                        + s.highest() + ")"});
        }
        table(rows, out);
    }

    /** Rows as columns padded to their widest cell, two spaces before each. */
    private static void table(List<String[]> rows, PrintWriter out) {
        int[] widths = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int c = 0; c < r.length; c++) {
                widths[c] = Math.max(widths[c], r[c].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < r.length; c++) {
                line.append("  ").append(c == r.length - 1 ? r[c] : pad(r[c], widths[c]));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** A line "label: value", none when the value is null (what the file does not say). */
    private static void row(PrintWriter out, String label, String value) {
        if (value != null) {
            out.println(pad(label + ":", 16) + value);
        }
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    /** A number with at most {@code places} decimals, without trailing zeros: 120, 97.5, 24.03. */
    private static String number(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }
}
