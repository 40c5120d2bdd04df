package bebop.jam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Reads a MIDI file with Python's mido (a parser other than bebop's): skipped where mido is missing, required in CI. */
final class Mido {
    private Mido() {}

    static void check(Path midi, String... expected) throws Exception {
        if (run("-c", "import mido").exit != 0 && System.getenv("CI") == null) {
            return;
        }
        Result r = run("src/test/python/check_midi_bars.py", midi.toString());
        assertEquals(0, r.exit, r.out);
        for (String e : expected) {
            assertTrue(r.out.contains(e), "mido says: " + r.out + "; expected " + e);
        }
    }

    private record Result(int exit, String out) {}

    private static Result run(String... args) throws Exception {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "/usr/bin/python3";
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("python timed out");
        }
        return new Result(p.exitValue(), out);
    }
}
