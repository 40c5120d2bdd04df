package bebop.spark;

import bebop.UserError;
import bebop.cli.RunSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sweep's grid from its {@code --grid 'name=values'} flags: a training flag of {@code bebop seeds}
 * (or {@code seed}) and its values, a comma list whose items may be ranges of whole numbers (1..100).
 * Its points are every combination, the first flag's values varying slowest.
 */
record Grid(Map<String, List<String>> axes) {
    static final int MAX_RUNS = 100_000;
    private static final Pattern RANGE = Pattern.compile("(-?\\d+)\\.\\.(-?\\d+)");

    /** One grid point: the setting (every flag but the seed) and the seed (1, train's default, when the grid has none). */
    record Point(Map<String, String> setting, long seed) {}

    static Grid parse(List<String> flags) {
        Map<String, List<String>> axes = new LinkedHashMap<>();
        long runs = 1;
        for (String flag : flags) {
            String what = "--grid " + flag;
            int eq = flag.indexOf('=');
            String name = eq < 0 ? "" : flag.substring(0, eq).strip().replaceFirst("^--", "");
            if (name.isEmpty() || eq == flag.length() - 1) {
                throw new UserError(what + ": give name=values, such as seed=1..10 or learner=sgd,dekf");
            }
            if (axes.containsKey(name)) {
                throw new UserError(what + ": " + name + " is given twice");
            }
            List<String> values = values(flag.substring(eq + 1), what);
            if (name.equals("seed")) {
                for (String v : values) {
                    if (!v.matches("\\d{1,18}")) {
                        throw new UserError(what + ": seed " + v + " is not a whole number 0 or more");
                    }
                }
            } else {
                // refused here, before any run starts, as `seeds` refuses it
                RunSettings.arguments(Map.of(name, values.get(0)), what);
            }
            axes.put(name, values);
            runs *= values.size();
            if (runs > MAX_RUNS) {
                throw new UserError(what + ": the grid has more than " + MAX_RUNS + " runs");
            }
        }
        return new Grid(axes);
    }

    private static List<String> values(String text, String what) {
        List<String> values = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            String v = item.strip();
            Matcher m = RANGE.matcher(v);
            if (v.isEmpty()) {
                throw new UserError(what + ": an empty value");
            } else if (m.matches()) {
                long a = Long.parseLong(m.group(1));
                long b = Long.parseLong(m.group(2));
                if (b < a || b - a >= MAX_RUNS) {
                    throw new UserError(what + ": the range " + v + " needs A <= B and at most " + MAX_RUNS + " values");
                }
                for (long x = a; x <= b; x++) {
                    values.add(Long.toString(x));
                }
            } else {
                values.add(v);
            }
        }
        if (values.stream().distinct().count() < values.size()) {
            throw new UserError(what + ": a value is given twice");
        }
        return values;
    }

    /** Every point, the first axis varying slowest. */
    List<Point> points() {
        List<Map<String, String>> combos = new ArrayList<>(List.of(new LinkedHashMap<>()));
        axes.forEach((name, values) -> {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> c : combos) {
                for (String v : values) {
                    Map<String, String> m = new LinkedHashMap<>(c);
                    m.put(name, v);
                    next.add(m);
                }
            }
            combos.clear();
            combos.addAll(next);
        });
        List<Point> points = new ArrayList<>();
        for (Map<String, String> c : combos) {
            String seed = c.remove("seed");
            points.add(new Point(c, seed == null ? 1 : Long.parseLong(seed)));
        }
        return points;
    }

    /** The settings, in grid order (each point's setting without its seed), each once. */
    List<Map<String, String>> settings() {
        return points().stream().map(Point::setting).distinct().toList();
    }
}
