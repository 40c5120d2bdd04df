package bebop.io.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bebop.UserError;
import bebop.io.audio.TestScores;
import bebop.music.ChordSymbol;
import bebop.music.Note;
import bebop.music.Part;
import bebop.music.Score;
import bebop.music.TimeSignature;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PianoRollTest {
    static final Path DIR = Path.of("target", "test-out", "plot");
    static final Score TWO = TestScores.blues(2, 120);

    static BufferedImage decode(byte[] png) throws Exception {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(img, "not a readable PNG");
        return img;
    }

    static int rgb(BufferedImage img, double x, double y) {
        return img.getRGB((int) Math.floor(x), (int) Math.floor(y)) & 0xFFFFFF;
    }

    static int rgb(Color c) {
        return c.getRGB() & 0xFFFFFF;
    }

    static String hex(int rgb) {
        return String.format("#%06X", rgb);
    }

    @Test
    void twoChorusesMakeTwoRowsAtTheExpectedSize() throws Exception {
        Files.createDirectories(DIR);
        Path png = DIR.resolve("two-choruses.png");
        PianoRoll.write(png, TWO);
        BufferedImage img = decode(Files.readAllBytes(png));
        PianoRoll.Layout l = PianoRoll.Layout.of(TWO, PianoRoll.Options.defaults());
        assertEquals(2, l.rows());
        assertEquals(24, l.bars());
        assertEquals(1800, img.getWidth());
        assertEquals(l.height(), img.getHeight());
        // the paper's ranges C3..B3 and C4..C5, with 2 semitones to spare
        assertEquals(46, l.lowPitch());
        assertEquals(74, l.highPitch());
        try (Stream<Path> files = Files.list(DIR)) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    @Test
    void theSameScoreGivesTheSameBytes() {
        assertArrayEquals(PianoRoll.render(TWO, PianoRoll.Options.defaults()),
                PianoRoll.render(TWO, PianoRoll.Options.defaults()));
    }

    @Test
    void everyNoteIsFilledWithItsPartsColour() throws Exception {
        BufferedImage img = decode(PianoRoll.render(TWO, PianoRoll.Options.defaults()));
        PianoRoll.Layout l = PianoRoll.Layout.of(TWO, PianoRoll.Options.defaults());
        int lane = PianoRoll.Options.defaults().laneHeight();
        for (Part part : TWO.parts()) {
            int expected = rgb(part.name().equals(Part.MELODY) ? PianoRoll.MELODY : PianoRoll.CHORDS);
            assertTrue(!part.notes().isEmpty());
            for (Note n : part.notes()) {
                int row = l.rowOf(n.start());
                double x = (l.x(n.start(), row) + l.x(n.end(), row)) / 2;
                double y = l.y(n.pitch(), row) + lane / 2.0;
                assertEquals(hex(expected), hex(rgb(img, x, y)), part.name() + " " + n + " at " + x + "," + y);
            }
        }
        // and the legend shows both colours above the first row
        assertTrue(countColour(img, rgb(PianoRoll.MELODY), 0, 0, img.getWidth(), PianoRoll.TOP) >= 100);
        assertTrue(countColour(img, rgb(PianoRoll.CHORDS), 0, 0, img.getWidth(), PianoRoll.TOP) >= 100);
    }

    static int countColour(BufferedImage img, int rgb, int x0, int y0, int x1, int y1) {
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void barLinesStandWhereBarsBeginHeavierEveryFourBars() throws Exception {
        BufferedImage img = decode(PianoRoll.render(TWO, PianoRoll.Options.defaults()));
        PianoRoll.Layout l = PianoRoll.Layout.of(TWO, PianoRoll.Options.defaults());
        int lane = PianoRoll.Options.defaults().laneHeight();
        for (int row = 0; row < 2; row++) {
            // the top lane is margin: no note covers the lines there
            double y = l.y(l.highPitch(), row) + lane / 2.0;
            for (int bar = 1; bar < 12; bar++) {
                long tick = (row * 12L + bar) * TWO.ticksPerBar();
                double x = PianoRoll.barLineX(l, row * 12L + bar, row);
                Color line = bar % 4 == 0 ? PianoRoll.PHRASE_LINE : PianoRoll.BAR_LINE;
                assertEquals(hex(rgb(line)), hex(rgb(img, x, y)), "bar line " + (row * 12 + bar + 1));
                assertEquals(Math.floor(l.x(tick, row)), Math.floor(x), 0.0);
                // an eighth note later there is no line
                double between = l.x(tick + TWO.ticksPerQuarter() / 2, row);
                int bg = rgb(img, between, y);
                assertTrue(bg == rgb(PianoRoll.BACKGROUND) || bg == rgb(PianoRoll.BLACK_KEY_LANE), hex(bg));
            }
            // the chorus frame on both ends
            assertEquals(hex(rgb(PianoRoll.FRAME)), hex(rgb(img, PianoRoll.LEFT, y)));
        }
    }

    @Test
    void chordSymbolsAreWrittenAboveTheirBars() throws Exception {
        BufferedImage img = decode(PianoRoll.render(TWO, PianoRoll.Options.defaults()));
        PianoRoll.Layout l = PianoRoll.Layout.of(TWO, PianoRoll.Options.defaults());
        assertTrue(TWO.chordSymbols().size() >= 24, "a symbol at least every bar");
        for (ChordSymbol c : TWO.chordSymbols()) {
            int row = l.rowOf(c.start());
            int x = (int) l.x(c.start(), row);
            int top = l.gridTop(row);
            int ink = 0;
            for (int yy = top - 22; yy < top - 2; yy++) {
                for (int xx = x + 2; xx < x + 22; xx++) {
                    Color px = new Color(img.getRGB(xx, yy));
                    if (px.getRed() + px.getGreen() + px.getBlue() < 300) {
                        ink++;
                    }
                }
            }
            assertTrue(ink > 8, "no text for " + c + " above row " + row + ": " + ink + " dark pixels");
        }
    }

    @Test
    void twelveChorusesWrapIntoTwelveRows() throws Exception {
        Files.createDirectories(DIR);
        Score twelve = TestScores.blues(12, 120);
        assertEquals(144, twelve.bars());
        Path png = DIR.resolve("twelve-choruses.png");
        PianoRoll.write(png, twelve);
        BufferedImage img = decode(Files.readAllBytes(png));
        PianoRoll.Layout l = PianoRoll.Layout.of(twelve, PianoRoll.Options.defaults());
        assertEquals(12, l.rows());
        assertEquals(1800, img.getWidth());
        assertEquals(l.height(), img.getHeight());
        assertTrue(img.getHeight() < 6000, "readable when scrolled: " + img.getHeight());
        // the last note of the last chorus is drawn in the last row
        Note last = twelve.part(Part.MELODY).orElseThrow().notes().get(twelve.part(Part.MELODY).get().notes().size() - 1);
        assertEquals(11, l.rowOf(last.start()));
        double x = (l.x(last.start(), 11) + l.x(last.end(), 11)) / 2;
        assertEquals(hex(rgb(PianoRoll.MELODY)), hex(rgb(img, x, l.y(last.pitch(), 11) + 5)));
    }

    @Test
    void aNoteAcrossARowEndIsDrawnInBothRowsAndOtherPartsGetTheirOwnColour() throws Exception {
        int tpq = 480;
        long bar = 3L * tpq; // 3/4
        Part bass = new Part("Bass", 2, 32, List.of(new Note(40, 8L * tpq, 4L * tpq)));
        Part melody = new Part(Part.MELODY, 1, 65, List.of(new Note(67, 0, tpq)));
        Score s = new Score("across", tpq, 100, new TimeSignature(3, 4), List.of(melody, bass),
                List.of(new ChordSymbol(0, "Cmaj7")), 6 * bar);
        PianoRoll.Options o = PianoRoll.Options.defaults().withBarsPerRow(3).withWidth(900);
        BufferedImage img = decode(PianoRoll.render(s, o));
        PianoRoll.Layout l = PianoRoll.Layout.of(s, o);
        assertEquals(2, l.rows());
        Note n = bass.notes().get(0);
        // 3/4: a bar is 3 quarters, so the row ends at tick 9 quarters; the note runs 8..12 quarters
        long rowEnd = 3 * s.ticksPerBar();
        int bassColour = rgb(PianoRoll.colour(s, bass));
        assertTrue(bassColour != rgb(PianoRoll.MELODY) && bassColour != rgb(PianoRoll.CHORDS));
        assertEquals(hex(bassColour), hex(rgb(img, (l.x(n.start(), 0) + l.x(rowEnd, 0)) / 2, l.y(40, 0) + 5)));
        assertEquals(hex(bassColour), hex(rgb(img, (l.x(rowEnd, 1) + l.x(n.end(), 1)) / 2, l.y(40, 1) + 5)));
    }

    @Test
    void aScoreWithoutNotesStillDraws() throws Exception {
        Score empty = new Score("", 480, 120, TimeSignature.FOUR_FOUR, List.of(), List.of(), 0);
        BufferedImage img = decode(PianoRoll.render(empty, PianoRoll.Options.defaults()));
        assertEquals(1800, img.getWidth());
        assertEquals(1, PianoRoll.Layout.of(empty, PianoRoll.Options.defaults()).rows());
    }

    @Test
    void veryLongScoresAreCutAtMaxRowsWithANote() {
        Score five = TestScores.blues(5, 120); // 60 bars
        PianoRoll.Options oneBarRows = PianoRoll.Options.defaults().withBarsPerRow(1).withLaneHeight(3);
        PianoRoll.Layout l = PianoRoll.Layout.of(five, oneBarRows);
        assertEquals(PianoRoll.MAX_ROWS, l.rows());
        assertEquals(PianoRoll.MAX_ROWS, l.bars());
        BufferedImage img = PianoRoll.draw(five, oneBarRows);
        assertEquals(l.height(), img.getHeight());
    }

    @Test
    void badOptionsAndUnwritableTargets() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> PianoRoll.Options.defaults().withWidth(10));
        assertThrows(IllegalArgumentException.class, () -> PianoRoll.Options.defaults().withBarsPerRow(0));
        assertThrows(IllegalArgumentException.class, () -> PianoRoll.Options.defaults().withLaneHeight(100));
        Files.createDirectories(DIR);
        Path file = DIR.resolve("a-file");
        Files.writeString(file, "x");
        UserError e = assertThrows(UserError.class, () -> PianoRoll.write(file.resolve("roll.png"), TWO));
        assertTrue(e.getMessage().contains("roll.png"), e.getMessage());
    }
}
