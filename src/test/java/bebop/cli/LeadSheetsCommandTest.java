package bebop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bebop.io.midi.MidiReader;
import bebop.music.ChordSymbol;
import bebop.music.Note;
import bebop.music.Part;
import bebop.music.Score;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** compose over lead sheets in through the CLI: Impro-Visor .ls, iReal Pro links and playlists, --transpose-to. */
class LeadSheetsCommandTest {
    private static String link(String body) {
        return "irealbook://" + URLEncoder.encode(body, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static List<String> symbols(Path mid) {
        return MidiReader.read(mid).chordSymbols().stream().map(ChordSymbol::symbol).toList();
    }

    @Test
    void anImproVisorSheetGivesItsChordsAndItsMelodyAsThePrimer() throws Exception {
        Path dir = CliRun.scratch("leadsheet-ls");
        Path ls = dir.resolve("tune.ls");
        Files.writeString(ls, "(title Test Tune)\n(meter 4 4)\n(key -1)\n(part (type chords) (key -1))\n"
                + "F6 | Em7 A7 | Dm7 | Cm7 F7 |\n(part (type melody) (key -1))\nf+4 c+8 a8 e+4 c+8 a8\n");
        Path prefix = dir.resolve("out");
        CliRun run = CliRun.of("compose", "--leadsheet", ls.toString(), "--choruses", "3", "--seed", "2", "--out", prefix.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("primed with the lead sheet's melody (8 steps)"), run.out());
        assertTrue(run.out().contains("over your chords | F6 | Em7 A7 | Dm7 | Cm7 F7 |"), run.out());
        Score s = MidiReader.read(Path.of(prefix + ".mid"));
        // the first bar is the sheet's melody, moved by octaves into C4..C5: F4 (65) C5 A4 E5->E4 C5 A4
        List<Note> melody = s.part(Part.MELODY).orElseThrow().notes();
        assertEquals(List.of(65, 72, 69, 64, 72, 69), melody.stream().limit(6).map(Note::pitch).toList());
        assertEquals(List.of("F6", "Em7", "A7", "Dm7"), symbols(Path.of(prefix + ".mid")).subList(0, 4));
    }

    @Test
    void anIrealPlaylistTuneIsPickedAndMovedToAnotherKey() throws Exception {
        Path dir = CliRun.scratch("leadsheet-ireal");
        String playlist = link("Tune One=Doe John=Medium Swing=C=n=[T44C^7XyQ|A-7XyQ|D-7XyQ|G7XyQZ"
                + "=Tune Two=Roe Jane=Waltz=F=n=[T34F^7XyQ|G-7 C7XyQ|F6XyQ|C7susXyQZ");
        Path html = dir.resolve("playlist.html");
        Files.writeString(html, "<html><body><a href=\"" + playlist + "\">My tunes</a></body></html>");
        Path prefix = dir.resolve("two");
        CliRun run = CliRun.of("compose", "--leadsheet", html.toString(), "--tune", "tune two", "--transpose-to", "Eb",
                "--choruses", "2", "--seed", "5", "--out", prefix.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("over your chords 3/4 | Eb^7 | F-7 Bb7 | Eb6 | Bb7sus | (moved from F (its key) to Eb, "
                + "-2 semitones)"), run.out());
        Score s = MidiReader.read(Path.of(prefix + ".mid"));
        assertEquals(new bebop.music.TimeSignature(3, 4), s.timeSignature());
        assertEquals(List.of("Eb^7", "F-7", "Bb7", "Eb6", "Bb7sus"), symbols(Path.of(prefix + ".mid")).subList(0, 5));
        CliRun byNumber = CliRun.of("compose", "--leadsheet", html.toString(), "--tune", "2", "--transpose-to", "Eb",
                "--choruses", "2", "--seed", "5", "--out", dir.resolve("two-again").toString());
        assertEquals(0, byNumber.exitCode(), byNumber.err());
        assertEquals(java.util.Arrays.toString(Files.readAllBytes(Path.of(prefix + ".mid"))),
                java.util.Arrays.toString(Files.readAllBytes(dir.resolve("two-again.mid"))), "--tune 2 is --tune 'tune two'");
    }

    @Test
    void aLinkGivenToChordsAndAChartMovedToAnotherKey() throws Exception {
        Path dir = CliRun.scratch("leadsheet-link");
        String one = link("Tune One=Doe John=Medium Swing=C=n=[T44C^7XyQ|A-7XyQ|D-7XyQ|G7XyQZ");
        Path prefix = dir.resolve("one");
        CliRun run = CliRun.of("compose", "--chords", one, "--transpose-to", "F", "--choruses", "2", "--seed", "4",
                "--out", prefix.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("over your chords | F^7 | D-7 | G-7 | C7 | (moved from C (its key) to F, +5 semitones)"),
                run.out());
        assertEquals(List.of("F^7", "D-7", "G-7", "C7"), symbols(Path.of(prefix + ".mid")).subList(0, 4));

        Path chart = dir.resolve("blues.txt");
        Files.writeString(chart, "# a blues in F\n| F7 | Bb7 | F7 | F7 |\n| Bb7 | Bb7 | F7 | D7 |\n| Gm7 | C7 | F7 D7 | Gm7 C7 |\n");
        CliRun moved = CliRun.of("compose", "--leadsheet", chart.toString(), "--transpose-to", "Bb", "--choruses", "1",
                "--out", dir.resolve("bb").toString());
        assertEquals(0, moved.exitCode(), moved.err());
        // a text chart names no key: it is estimated from the chords (F major)
        assertTrue(moved.out().contains("over your chords | Bb7 | Eb7 | Bb7 | Bb7 | Eb7 | Eb7 | Bb7 | G7 | Cm7 | F7 | Bb7 G7 | Cm7 F7 | "
                + "(moved from F (estimated from its chords) to Bb, +5 semitones)"), moved.out());
    }

    @Test
    void mistakesGetOneLine() {
        CliRun badKey = CliRun.of("compose", "--chords", "| C7 | F7 |", "--transpose-to", "H", "--out", "target/x");
        assertEquals(2, badKey.exitCode());
        assertEquals("bebop: --transpose-to H: 'H' is not a key (write a note and m for minor: F, Bb, F#, Ebm, C minor)\n",
                badKey.err().replace(System.lineSeparator(), "\n"));
        CliRun tune = CliRun.of("compose", "--chords", "| C7 | F7 |", "--tune", "2", "--out", "target/x");
        assertEquals(2, tune.exitCode());
        assertEquals("bebop: --tune 2: --chords is not an iReal Pro playlist\n", tune.err().replace(System.lineSeparator(), "\n"));
        String two = link("A=B=C=C=n=[C7XyQZ=Other=B=C=F=n=[F7XyQZ");
        CliRun pick = CliRun.of("compose", "--chords", two, "--out", "target/x");
        assertEquals(2, pick.exitCode());
        assertEquals("bebop: --chords: the playlist holds 2 tunes (1 A, 2 Other); pick one with --tune N or --tune NAME\n",
                pick.err().replace(System.lineSeparator(), "\n"));
    }
}
