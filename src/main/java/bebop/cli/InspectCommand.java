package bebop.cli;

import bebop.io.midi.MidiFile;
import bebop.io.midi.MidiReader;
import bebop.music.Note;
import bebop.music.Part;
import bebop.music.Pitch;
import bebop.music.Score;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bebop inspect FILE.mid}: what a MIDI file holds, as bebop reads it. */
@Command(name = "inspect",
        header = "Show what a MIDI file holds: tempo, time signature, bars, and each part's notes.",
        description = "Show what a MIDI file holds as bebop reads it: file type, resolution, tempo, time signature, "
                + "length in bars and seconds, and per part (one per track and channel with notes) its name, "
                + "channel (1-16), General MIDI program (0-127), note count and pitch range.")
final class InspectCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE.mid", description = "The Standard MIDI File (type 0 or 1).")
    Path file;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        MidiFile midi = MidiReader.readFile(file);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(toJson(midi)));
        } else {
            printText(midi, out);
        }
        out.flush();
        return 0;
    }

    private void printText(MidiFile midi, PrintWriter out) {
        Score s = midi.score();
        row(out, "file", file.toString());
        row(out, "format", midi.format() + (midi.format() == 0 ? " (single track)" : " (multi-track)")
                + ", " + midi.tracks() + (midi.tracks() == 1 ? " track" : " tracks"));
        row(out, "resolution", midi.resolution() + " ticks per quarter note");
        row(out, "title", s.title().isEmpty() ? "(none)" : s.title());
        row(out, "tempo", number(s.tempoBpm(), 3) + " bpm"
                + (midi.tempoEvents() > 1 ? " (the first of " + midi.tempoEvents() + " tempo events)" : ""));
        row(out, "time signature", s.timeSignature().toString());
        row(out, "length", number(bars(s), 2) + " bars, " + number(midi.seconds(), 2) + " s (" + s.length() + " ticks)");
        row(out, "chord symbols", String.valueOf(s.chordSymbols().size()));
        row(out, "parts", String.valueOf(s.parts().size()));
        if (s.parts().isEmpty()) {
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"#", "name", "channel", "program", "notes", "range"});
        for (int i = 0; i < s.parts().size(); i++) {
            Part p = s.parts().get(i);
            int[] range = range(p);
            rows.add(new String[] {
                String.valueOf(i + 1), p.name().isEmpty() ? "(unnamed)" : p.name(), String.valueOf(p.channel() + 1),
                String.valueOf(p.program()), String.valueOf(p.notes().size()),
                range == null ? "-" : Pitch.name(range[0]) + " (" + range[0] + ") .. " + Pitch.name(range[1]) + " (" + range[1] + ")"});
        }
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

    private ObjectNode toJson(MidiFile midi) {
        Score s = midi.score();
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode o = mapper.createObjectNode();
        o.put("file", file.toString());
        o.put("format", midi.format());
        o.put("tracks", midi.tracks());
        o.put("resolution", midi.resolution());
        o.put("title", s.title());
        o.put("tempoBpm", s.tempoBpm());
        o.put("tempoEvents", midi.tempoEvents());
        o.put("timeSignature", s.timeSignature().toString());
        o.put("lengthTicks", s.length());
        o.put("bars", BigDecimal.valueOf(bars(s)).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros().doubleValue());
        o.put("seconds", Math.round(midi.seconds() * 1000) / 1000.0);
        o.put("chordSymbols", s.chordSymbols().size());
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
                j.put("lowestName", Pitch.name(range[0]));
                j.put("highestName", Pitch.name(range[1]));
            }
        }
        return o;
    }

    private static double bars(Score s) {
        return s.length() / (double) s.ticksPerBar();
    }

    private static int[] range(Part p) {
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

    private static void row(PrintWriter out, String label, String value) {
        out.println(pad(label + ":", 16) + value);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    /** A number with at most {@code places} decimals, without trailing zeros: 120, 97.5, 24.03. */
    private static String number(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }
}
