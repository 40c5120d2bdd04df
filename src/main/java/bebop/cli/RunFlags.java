package bebop.cli;

import bebop.UserError;
import java.util.ArrayList;
import java.util.List;

/** The flags of the commands that run many seeds at once ({@code seeds}, {@code ablate}, {@code anbncn}): parsed once. */
final class RunFlags {
    private RunFlags() {
    }

    /** {@code --threads}: the number given, or the number of cores; 1 to 256. */
    static int threads(Integer threads) {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1 || n > 256) {
            throw new UserError("--threads " + n + ": must be 1 to 256");
        }
        return n;
    }

    /** "1-10" or "1,4,7" (each 0 or more, at most 1000 seeds). */
    static List<Long> parseSeeds(String text) {
        List<Long> list = new ArrayList<>();
        try {
            String t = text.strip();
            int dash = t.indexOf('-', 1);
            if (dash > 0) {
                long a = Long.parseLong(t.substring(0, dash).strip());
                long b = Long.parseLong(t.substring(dash + 1).strip());
                if (a < 0 || b < a || b - a >= 1000) {
                    throw new UserError("--seeds " + text + ": a range A-B needs 0 <= A <= B and at most 1000 seeds");
                }
                for (long s = a; s <= b; s++) {
                    list.add(s);
                }
            } else {
                for (String part : t.split(",")) {
                    long s = Long.parseLong(part.strip());
                    if (s < 0 || list.contains(s)) {
                        throw new UserError("--seeds " + text + ": seeds must be 0 or more, each once");
                    }
                    list.add(s);
                }
            }
        } catch (NumberFormatException e) {
            throw new UserError("--seeds " + text + ": not a range (1-10) or a list (1,4,7) of whole numbers");
        }
        if (list.size() > 1000) {
            throw new UserError("--seeds " + text + ": at most 1000 seeds");
        }
        return list;
    }
}
