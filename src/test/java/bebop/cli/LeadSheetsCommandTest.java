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

    /**
     * --transpose-to model: the bundled model (trained on the paper's blues in C) hears a tune in F moved
     * into C, and the piece comes back in F: every note a fourth above the same seed's piece composed with
     * --transpose-to C (the network saw the same frames), the chord symbols as the sheet writes them in F,
     * and the MIDI chord track naming each symbol's voicing.
     */
    @Test
    void aTuneIsComposedInTheModelsKeyAndMovedBack() throws Exception {
        Path dir = CliRun.scratch("leadsheet-model-key");
        Path ls = dir.resolve("blues.ls");
        Files.writeString(ls, "(title F Blues)\n(key -1)\nF7 | Bb7 | F7 | Cm7 F7 | Bb7 | Bo7 | F7 | D7 | Gm7 | C7 | F7 D7 | Gm7 C7 |\n"
                + "f4 a c+ d+ f2 a\n");
        Path home = dir.resolve("home");
        CliRun run = CliRun.of("compose", "--leadsheet", ls.toString(), "--transpose-to", "model", "--choruses", "2", "--seed", "4",
                "--out", home.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("over your chords | F7 | Bb7 | F7 | Cm7 F7 |"), run.out());
        assertTrue(run.out().contains("(moved from F (its key) to C, -5 semitones into the model's key (it was trained in "
                + "C (the paper's blues)), composed there and moved back to F)"), run.out());
        assertTrue(run.out().contains("voiced core (root, third, fifth, seventh), the model's voicing (the paper's triads "
                + "and sevenths): C7 (C3 E3 G3 Bb3) F7 (C3 Eb3 F3 A3)"), run.out());
        Path c = dir.resolve("c");
        assertEquals(0, CliRun.of("compose", "--leadsheet", ls.toString(), "--transpose-to", "C", "--choruses", "2", "--seed", "4",
                "--out", c.toString()).exitCode());
        Score inF = MidiReader.read(Path.of(home + ".mid"));
        Score inC = MidiReader.read(Path.of(c + ".mid"));
        for (String part : List.of(Part.MELODY, Part.CHORDS)) {
            List<Note> f = inF.part(part).orElseThrow().notes();
            List<Note> moved = inC.part(part).orElseThrow().notes().stream()
                    .map(n -> new Note(n.pitch() + 5, n.start(), n.duration(), n.velocity())).toList();
            assertEquals(moved, f, part);
        }
        // the sheet's melody, in F as written: F4 A4 C5 D5, then F4 A4
        assertEquals(List.of(65, 69, 72, 74, 65, 69), inF.part(Part.MELODY).orElseThrow().notes().stream().limit(6)
                .map(Note::pitch).toList());
        assertEquals(List.of("F7", "Bb7", "F7", "Cm7", "F7"), symbols(Path.of(home + ".mid")).subList(0, 5));
        assertEquals(List.of("C7", "F7", "C7", "Gm7", "C7"), symbols(Path.of(c + ".mid")).subList(0, 5));
        // the chord track names the voicing of every symbol at its time, read back by bebop and by mido
        List<ChordSymbol> read = inF.chordSymbols();
        assertEquals(new ChordSymbol(0, "F7", "core: C3 Eb3 F3 A3"), read.get(0));
        assertEquals(new ChordSymbol(3 * inF.ticksPerBar() + inF.ticksPerBar() / 2, "F7", "core: C3 Eb3 F3 A3"), read.get(4));
        assertEquals(new ChordSymbol(3 * inF.ticksPerBar(), "Cm7", "core: C3 Eb3 G3 Bb3"), read.get(3));
        if (CliRun.midoOrCi()) {
            CliRun mido = CliRun.python("src/test/python/check_voicing_markers.py", home + ".mid");
            assertEquals(0, mido.exitCode(), mido.out());
            assertTrue(mido.out().startsWith("Chords 0 F7 voiced core: C3 Eb3 F3 A3\nChords 1920 Bb7 voiced core: "), mido.out());
            assertEquals(read.size(), mido.out().lines().count(), mido.out());
        }
    }

    /** A mistake in a lead sheet file is named by the option the user wrote: --leadsheet FILE or --chords @FILE. */
    @Test
    void aMistakeInALeadSheetFileNamesTheOptionItCameWith() throws Exception {
        Path dir = CliRun.scratch("leadsheet-mistakes");
        Path chart = dir.resolve("bad.txt");
        Files.writeString(chart, "| C7 | Q9 |\n");
        String problem = ": 'Q9' is not a chord symbol: at character 1, cannot read 'Q': a chord starts with its root, "
                + "A to G (or N.C. for no chord)\n";
        CliRun leadsheet = CliRun.of("compose", "--leadsheet", chart.toString(), "--out", dir.resolve("x").toString());
        assertEquals(2, leadsheet.exitCode());
        assertEquals("bebop: --leadsheet " + chart + problem, leadsheet.err().replace(System.lineSeparator(), "\n"));
        CliRun chords = CliRun.of("compose", "--chords", "@" + chart, "--out", dir.resolve("x").toString());
        assertEquals(2, chords.exitCode());
        assertEquals("bebop: --chords @" + chart + problem, chords.err().replace(System.lineSeparator(), "\n"));

        Path blues = dir.resolve("blues.txt");
        Files.writeString(blues, "| C7 | F7 | C7 | C7 |\n");
        CliRun tune = CliRun.of("compose", "--leadsheet", blues.toString(), "--tune", "2", "--out", dir.resolve("x").toString());
        assertEquals(2, tune.exitCode());
        assertEquals("bebop: --tune 2: --leadsheet " + blues + " is not an iReal Pro playlist\n",
                tune.err().replace(System.lineSeparator(), "\n"));
        assertEquals("", tune.out());

        // a file that is no text is said to be none, not echoed byte by byte as a chord symbol
        Path midi = dir.resolve("song.mid");
        Files.write(midi, bebop.io.midi.MidiWriter.toBytes(bebop.io.midi.TestScores.blues(1)));
        CliRun fromMidi = CliRun.of("compose", "--leadsheet", midi.toString(), "--out", dir.resolve("x").toString());
        assertEquals(2, fromMidi.exitCode());
        assertEquals("bebop: --leadsheet " + midi + ": a MIDI file, not a lead sheet or chord chart (bebop render " + midi
                + " --to musicxml writes a MusicXML lead sheet of it, its chords recognised)\n",
                fromMidi.err().replace(System.lineSeparator(), "\n"));
        Path model = dir.resolve("m.bebop");
        Files.write(model, bebop.app.Models.bundledBytes());
        CliRun fromModel = CliRun.of("compose", "--chords", "@" + model, "--out", dir.resolve("x").toString());
        assertEquals(2, fromModel.exitCode());
        assertEquals("bebop: --chords @" + model + ": not a text file (a lead sheet is MusicXML, an Impro-Visor .ls "
                + "sheet, iReal Pro links or a text chart of chord symbols)\n", fromModel.err().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void mistakesGetOneLine() {
        CliRun badKey = CliRun.of("compose", "--chords", "| C7 | F7 |", "--transpose-to", "H", "--out", "target/x");
        assertEquals(2, badKey.exitCode());
        assertEquals("bebop: --transpose-to H: 'H' is not a key (write a note and m for minor: F, Bb, F#, Ebm, C minor), "
                + "or model (the key the model was trained in)\n",
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
