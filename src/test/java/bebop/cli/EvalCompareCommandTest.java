package bebop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code bebop eval --compare} at a small size: the report's shape, through the CLI. */
class EvalCompareCommandTest {
    @Test
    void compareWritesOneTableOfTheLstmAndTheBaselinesAsMarkdownAndJson() throws Exception {
        Path dir = CliRun.scratch("compare");
        Path report = dir.resolve("REPORT.md");
        CliRun run = CliRun.of("eval", "--compare", "--out", report.toString(), "--choruses", "2", "--elman-epochs", "1");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("wrote " + report + " and " + dir.resolve("REPORT.json")), run.out());

        JsonNode json = new ObjectMapper().readTree(dir.resolve("REPORT.json").toFile());
        List<String> models = new java.util.ArrayList<>();
        json.get("models").forEach(m -> models.add(m.get("model").asText()));
        assertEquals(List.of("LSTM", "Markov k=1", "Markov k=2", "Markov k=4", "Markov k=8", "Elman"), models);
        for (JsonNode m : json.get("models")) {
            for (String key : List.of("chord_accuracy", "in_scale", "novel_bars", "unique_choruses")) {
                double v = m.get(key).asDouble();
                assertTrue(v >= 0 && v <= 1, m.get("model") + " " + key + " = " + v);
            }
            assertTrue(m.get("nll").asDouble() > 0, m.toString());
            assertEquals(2, m.get("choruses").asInt());
        }
        assertTrue(json.get("verdict").asText().startsWith("The claim"), json.get("verdict").asText());

        List<String> lines = Files.readAllLines(report);
        assertEquals("# bebop: the LSTM against the baselines", lines.get(0));
        assertEquals(6, lines.stream().filter(l -> l.startsWith("| ") && !l.startsWith("| model")).count());
        assertTrue(lines.contains(json.get("verdict").asText()));
    }

    @Test
    void compareNeedsOutAndOutNeedsCompare() {
        CliRun noOut = CliRun.of("eval", "--compare");
        assertEquals(2, noOut.exitCode());
        assertEquals("bebop: --compare needs --out REPORT.md\n", noOut.err());
        CliRun noCompare = CliRun.of("eval", "--out", "target/x.md");
        assertEquals("bebop: --out goes with --compare\n", noCompare.err());
    }
}
