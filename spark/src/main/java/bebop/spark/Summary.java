package bebop.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A sweep's table: per setting, how many of its seeds learned (the paper's stop test), the median
 * steps and epochs of the runs that learned, the mean of the runs' measure (the free-run chord
 * accuracy; on a data set, the validation nll) and the best seed.
 * Seconds are left out: the table is the same on any machine and any number of executors.
 */
record Summary(String measure, List<Line> lines) {
    /** One setting's figures; medians are null when no seed learned. */
    record Line(Map<String, String> setting, int runs, int learned, Long medianSteps, Long medianEpochs,
                double meanMeasure, long bestSeed) {}

    /**
     * Which of two rows of one setting is the better run: learned, then the higher chord accuracy or
     * lower validation nll, fewer steps, lower seed.
     */
    static final Comparator<Map<String, Object>> BETTER = Comparator
            .comparing((Map<String, Object> r) -> !Boolean.TRUE.equals(r.get("learned")))
            .thenComparing(r -> -number(r, "chord_accuracy", 0))
            .thenComparing(r -> number(r, "valid_nll", 0))
            .thenComparing(r -> number(r, "steps", 0))
            .thenComparing(r -> number(r, "seed", 0));

    /** The table of {@code settings} (in that order) from the rows of their runs. */
    static Summary of(List<Map<String, String>> settings, List<Map<String, Object>> rows) {
        String measure = rows.stream().anyMatch(r -> r.containsKey("chord_accuracy")) ? "chord_accuracy" : "valid_nll";
        List<Line> lines = new ArrayList<>();
        for (Map<String, String> s : settings) {
            List<Map<String, Object>> mine = rows.stream()
                    .filter(r -> s.equals(r.get("settings"))).toList();
            List<Map<String, Object>> learned = mine.stream().filter(r -> Boolean.TRUE.equals(r.get("learned"))).toList();
            double mean = mine.stream().mapToDouble(r -> number(r, measure, Double.NaN)).average().orElse(Double.NaN);
            long best = mine.stream().min(BETTER).map(r -> (long) number(r, "seed", 0)).orElse(-1L);
            lines.add(new Line(s, mine.size(), learned.size(), median(learned, "steps"), median(learned, "epochs"),
                    mean, best));
        }
        return new Summary(measure, lines);
    }

    private static Long median(List<Map<String, Object>> rows, String key) {
        if (rows.isEmpty()) {
            return null;
        }
        long[] v = rows.stream().mapToLong(r -> (long) number(r, key, 0)).sorted().toArray();
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** A row's number, {@code absent} where the row has none (valid_nll is NaN, written as null, when nothing was held out). */
    private static double number(Map<String, Object> row, String key, double absent) {
        return row.get(key) instanceof Number n ? n.doubleValue() : absent;
    }

    /** A Markdown table (what the sweep prints and writes to summary.md). */
    String markdown() {
        StringBuilder b = new StringBuilder("| setting | learned | median steps | median epochs | mean " + measure
                + " | best seed |\n|---|---|---|---|---|---|\n");
        for (Line l : lines) {
            b.append(String.format(Locale.ROOT, "| %s | %d of %d | %s | %s | %.4f | %d |%n", name(l.setting()), l.learned(),
                    l.runs(), l.medianSteps() == null ? "-" : String.format(Locale.ROOT, "%,d", l.medianSteps()),
                    l.medianEpochs() == null ? "-" : String.format(Locale.ROOT, "%,d", l.medianEpochs()),
                    l.meanMeasure(), l.bestSeed()));
        }
        return b.toString();
    }

    /** summary.json: one object a setting. */
    String json() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Line l : lines) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("settings", l.setting());
            m.put("runs", l.runs());
            m.put("learned", l.learned());
            m.put("median_steps", l.medianSteps());
            m.put("median_epochs", l.medianEpochs());
            m.put("mean_" + measure, Double.isNaN(l.meanMeasure()) ? null : l.meanMeasure());
            m.put("best_seed", l.bestSeed());
            out.add(m);
        }
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "learner=dekf learning-rate=1e-3", or "(all)" for a grid of seeds only. */
    static String name(Map<String, String> setting) {
        return setting.isEmpty() ? "(all)" : setting.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }
}
