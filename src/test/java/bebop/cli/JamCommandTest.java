package bebop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code bebop jam} on the command line: the device list, and the mistakes a user can make, each one line and exit 2. */
class JamCommandTest {
    @Test
    void listsTheDevicesAndTheSynthesizer() {
        CliRun run = CliRun.of("jam", "--list");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("--out synth"), run.out());
    }

    @Test
    void aJamNeedsAKeyboardAndAnOutput() {
        CliRun run = CliRun.of("jam", "--out", "synth");
        assertEquals(2, run.exitCode());
        assertEquals("bebop: jam: give --in KEYBOARD and --out DEVICE or --out synth (bebop jam --list shows the devices)",
                run.err().trim());
    }

    @Test
    void anUnknownKeyboardIsNamed() {
        CliRun run = CliRun.of("jam", "--in", "no such keyboard", "--out", "synth");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("bebop: --in no such keyboard: no MIDI input of that name"), run.err());
        assertEquals(1, run.err().trim().lines().count(), run.err());
    }

    @Test
    void badSettingsAreNamedByTheirFlags() {
        CliRun calls = CliRun.of("jam", "--in", "x", "--out", "synth", "--call-bars", "0");
        assertEquals(2, calls.exitCode());
        assertEquals("bebop: --call-bars 0: must be between 1 and 64", calls.err().trim());
        CliRun chords = CliRun.of("jam", "--in", "x", "--out", "synth", "--chords", "C7 H7");
        assertEquals(2, chords.exitCode());
        assertTrue(chords.err().startsWith("bebop: --chords: "), chords.err());
        CliRun tempo = CliRun.of("jam", "--bench", "--tempo", "1000");
        assertEquals(2, tempo.exitCode());
        assertTrue(tempo.err().startsWith("bebop: --tempo 1000"), tempo.err());
        CliRun record = CliRun.of("jam", "--bench", "--record", "target/jam-bench");
        assertEquals(2, record.exitCode());
        assertEquals("bebop: --record goes with a live jam (--in KEYBOARD), not --bench: the benchmark's player is scripted",
                record.err().trim());
    }
}
