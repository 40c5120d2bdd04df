package bebop.io.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bebop.music.Score;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LilyPondWriterTest {
    @Test
    void chordNamesMelodyAndChordStaff() {
        String ly = LilyPondWriter.toString(Notation.of(LeadSheet.of(Fixtures.blues("Two \"choruses\"", 0, 4095)), true));
        assertTrue(ly.startsWith("\\version \"2.24.0\"\n"));
        assertTrue(ly.contains("title = \"Two \\\"choruses\\\"\""), ly);
        assertTrue(ly.contains("\\tempo 4 = 120"));
        assertTrue(ly.contains("  g2:m7 c2 |  % 4\n"), "bar 4 of the form: two chords");
        assertTrue(ly.contains("  f1:dim |  % 6\n"));
        assertTrue(ly.contains("\\new ChordNames \\harmonies"));
        assertTrue(ly.contains("\\new Staff \\with { instrumentName = \"Chords\" } \\chordStaff"));
        assertTrue(ly.contains("<c ees f a>1"), "F7 as the paper voices it, on the chord staff");
        String rests = LilyPondWriter.toString(Notation.of(LeadSheet.of(Fixtures.rests()), false));
        assertTrue(rests.contains("  R1 |  % 1\n"));
        assertTrue(rests.contains("\\tempo 4 = 98"), "97.5 bpm rounds to 98 in the mark");
        assertTrue(rests.contains("  s1 |  % 1\n  g2:m7 c2 |  % 2\n  s16 fis16:dim7 s8 s4 s2 |  % 3\n"), rests);
        String waltz = LilyPondWriter.toString(Notation.of(LeadSheet.of(Fixtures.waltz()), false));
        assertTrue(waltz.contains("  R1*3/4 |  % 4\n"), waltz);
        assertTrue(waltz.contains("  <e' g'>2. |  % 1\n"), waltz);
    }

    @Test
    void goldenChorusAndSameBytesEveryTime() throws Exception {
        Notation n = Notation.of(LeadSheet.of(Fixtures.blues("bebop blues chorus 0000", 0)), true);
        byte[] bytes = LilyPondWriter.toBytes(n);
        assertArrayEquals(bytes, LilyPondWriter.toBytes(Notation.of(LeadSheet.of(Fixtures.blues("bebop blues chorus 0000", 0)), true)));
        Golden.check("chorus-0000.ly", bytes);
    }

    @Test
    void pdfWithoutLilyPondSaysWhatToInstall() throws Exception {
        LilyPond none = new LilyPond(new ExternalProgram("lilypond", "write PDF; install it with: apt-get install lilypond", ""));
        Path pdf = Tools.scratch("no-lilypond").resolve("x.pdf");
        bebop.UserError e = org.junit.jupiter.api.Assertions.assertThrows(bebop.UserError.class,
                () -> none.writePdf("\\version \"2.24.0\"", pdf));
        assertEquals("lilypond is not installed (needed to write PDF; install it with: apt-get install lilypond)", e.getMessage());
        assertTrue(Files.notExists(pdf));
    }

    /** LilyPond 2.24 compiles every fixture without an error or a warning (one run for all files). */
    @Test
    void lilyPondCompilesEveryFixtureWithoutWarnings() throws Exception {
        ExternalProgram lilypond = Tools.lilypond();
        Path dir = Tools.scratch("lilypond").toAbsolutePath();
        List<String> args = new ArrayList<>(List.of("--pdf"));  // writes NAME.pdf into the working folder
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, Score> e : Fixtures.all().entrySet()) {
            for (boolean chordStaff : e.getKey().equals("blues-2") ? new boolean[] {false, true} : new boolean[] {true}) {
                String name = e.getKey() + (chordStaff ? "-chords" : "");
                Path ly = dir.resolve(name + ".ly");
                Files.writeString(ly, LilyPondWriter.toString(Notation.of(LeadSheet.of(e.getValue()), chordStaff)),
                        StandardCharsets.UTF_8);
                args.add(ly.getFileName().toString());
                names.add(name);
            }
        }
        Files.writeString(dir.resolve("piano.ly"), LilyPondWriter.toString(Notation.piano(Fixtures.piano())),
                StandardCharsets.UTF_8);
        args.add("piano.ly");
        names.add("piano");
        ExternalProgram.Result r = lilypond.run(args, dir, Tools.sandbox(dir), LilyPond.TIMEOUT_SECONDS);
        assertEquals(List.of(), LilyPond.problems(r.output()), r.output());
        assertEquals(0, r.exitCode(), r.output());
        for (String name : names) {
            byte[] pdf = Files.readAllBytes(dir.resolve(name + ".pdf"));
            assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII), name);
        }
    }
}
