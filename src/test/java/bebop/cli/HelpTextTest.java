package bebop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's help renders as written: picocli reads each description as a format string, so a
 * lone '%' (compose's "'%' the bar before") made it print a warning to the terminal and the raw text.
 */
class HelpTextTest {
    @Test
    void everyCommandsHelpRendersWithoutAFormatWarning() {
        PrintStream saved = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        int commands;
        try {
            System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
            commands = render(new CommandLine(new Main()));
        } finally {
            System.setErr(saved);
        }
        assertTrue(commands > 10, "commands rendered: " + commands);
        String printed = warnings.toString(StandardCharsets.UTF_8);
        assertFalse(printed.contains("Could not format"), printed);
        assertTrue(CliRun.of("help", "compose").out().contains("'%' the bar before"), "compose's help names '%'");
    }

    @Test
    void everyCommandAnswersHelpWithItsUsage() {
        int checked = 0;
        for (String name : new CommandLine(new Main()).getSubcommands().keySet()) {
            if (name.equals("help")) {
                continue;
            }
            for (String flag : new String[] {"--help", "-h"}) {
                CliRun r = CliRun.of(name, flag);
                assertEquals(0, r.exitCode(), name + " " + flag + ": " + r.err());
                assertTrue(r.out().contains("Usage: bebop " + name), name + " " + flag + ": " + r.out());
            }
            checked++;
        }
        assertTrue(checked > 10, "commands checked: " + checked);
        CliRun nested = CliRun.of("data", "blues", "--help");
        assertTrue(nested.out().contains("Usage: bebop data blues"), nested.out());
    }

    /**
     * A description's lines are paragraphs, which picocli wraps to the terminal: a line cut by hand in
     * the middle of a sentence is cut again at 80 columns, leaving a half-empty line. Lines that start
     * with spaces are laid out by hand (a table of examples) and must fit 80 columns themselves.
     */
    @Test
    void descriptionsAreParagraphsNotLinesCutByHand() {
        java.util.List<String> cut = new java.util.ArrayList<>();
        check(new CommandLine(new Main()), cut);
        assertTrue(cut.isEmpty(), String.join("\n", cut));
    }

    private static void check(CommandLine cl, java.util.List<String> cut) {
        check(cl.getCommandName(), cl.getCommandSpec().usageMessage().description(), cut);
        for (CommandLine.Model.OptionSpec o : cl.getCommandSpec().options()) {
            check(cl.getCommandName() + " " + o.longestName(), o.description(), cut);
        }
        for (CommandLine sub : cl.getSubcommands().values()) {
            check(sub, cut);
        }
    }

    private static void check(String where, String[] lines, java.util.List<String> cut) {
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith(" ")) {
                if (line.length() > 80) {
                    cut.add(where + ": a laid-out line over 80 columns: " + line);
                }
            } else if (i + 1 < lines.length && !line.isEmpty() && ".:;!?)".indexOf(line.charAt(line.length() - 1)) < 0
                    && !lines[i + 1].startsWith(" ")) {
                cut.add(where + ": a line cut in a sentence: " + line);
            }
        }
    }

    @Test
    void aTypoGetsTheCloseNamesOnly() {
        CliRun command = CliRun.of("compse", "--out", "x");
        assertEquals(2, command.exitCode());
        assertTrue(command.err().contains("\nDid you mean: compose?\nTry 'bebop --help' for the commands."), command.err());
        CliRun option = CliRun.of("compose", "--temprature", "2", "--out", "x");
        assertEquals(2, option.exitCode());
        assertTrue(option.err().contains("\nDid you mean: --temperature?\nTry 'bebop help compose' for usage."), option.err());
        CliRun nothingClose = CliRun.of("frobnicate");
        assertEquals(2, nothingClose.exitCode());
        assertFalse(nothingClose.err().contains("Did you mean"), nothingClose.err());
    }

    /** Renders the usage of {@code cl} and of every command under it; how many it rendered. */
    private static int render(CommandLine cl) {
        String usage = cl.getUsageMessage();
        assertFalse(usage.contains("%n"), cl.getCommandName() + "'s help shows a raw %n");
        int count = 1;
        for (CommandLine sub : cl.getSubcommands().values()) {
            count += render(sub);
        }
        return count;
    }
}
