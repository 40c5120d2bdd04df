package bebop.io.report;

import bebop.eval.Comparison;
import bebop.eval.MelodyEvaluation;
import bebop.io.AtomicFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Writes the comparison table as Markdown (REPORT.md) and as JSON (REPORT.json) beside it. */
public final class ComparisonReport {
    private ComparisonReport() {}

    /** The JSON file that goes with a Markdown report: REPORT.md → REPORT.json. */
    public static Path jsonBeside(Path markdown) {
        String name = markdown.getFileName().toString();
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".md") ? name.substring(0, name.length() - 3) : name;
        return markdown.resolveSibling(stem + ".json");
    }

    public static void write(Path markdown, String title, String setup, List<Comparison.Row> rows, String verdict) {
        AtomicFiles.write(markdown, markdown(title, setup, rows, verdict).getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(jsonBeside(markdown), json(setup, rows, verdict));
    }

    static String markdown(String title, String setup, List<Comparison.Row> rows, String verdict) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(title).append("\n\n").append(setup).append("\n\n");
        md.append("| model | size | chord_accuracy | in_scale | novel_bars | unique_choruses | pitch_class_kl | nll |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        for (Comparison.Row r : rows) {
            MelodyEvaluation e = r.evaluation();
            md.append(String.format(Locale.ROOT, "| %s | %s | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f |%n", r.model(), r.size(),
                    e.chordAccuracy(), e.inScale(), e.novelBars(), e.uniqueChoruses(), e.pitchClassKl(), e.nll()));
        }
        md.append("\n").append(verdict).append("\n");
        return md.toString();
    }

    static byte[] json(String setup, List<Comparison.Row> rows, String verdict) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("setup", setup);
        ArrayNode table = root.putArray("models");
        for (Comparison.Row r : rows) {
            MelodyEvaluation e = r.evaluation();
            ObjectNode o = table.addObject();
            o.put("model", r.model());
            o.put("size", r.size());
            o.put("chord_accuracy", e.chordAccuracy());
            o.put("in_scale", e.inScale());
            o.put("novel_bars", e.novelBars());
            o.put("unique_choruses", e.uniqueChoruses());
            o.put("pitch_class_kl", e.pitchClassKl());
            if (Double.isFinite(e.nll())) {
                o.put("nll", e.nll());
            } else {
                o.putNull("nll");
            }
            o.put("choruses", e.choruses());
        }
        root.put("verdict", verdict);
        try {
            return (mapper.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
