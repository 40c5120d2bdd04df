package bebop.io.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bebop.UserError;
import bebop.io.plot.LearningCurve.Options;
import bebop.io.plot.LearningCurve.Series;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class LearningCurveTest {
    static final Path DIR = Path.of("target", "test-out", "plot");

    /** A curve like the paper's: cross-entropy falling over 200 epochs, validation every 10. */
    static List<Series> curves() {
        double[] train = new double[200];
        for (int i = 0; i < train.length; i++) {
            train[i] = 0.05 + 2.5 * Math.exp(-i / 30.0) + 0.02 * Math.sin(i);
        }
        double[] vEpochs = new double[20];
        double[] valid = new double[20];
        for (int i = 0; i < 20; i++) {
            vEpochs[i] = 10 * (i + 1);
            valid[i] = 0.12 + 2.4 * Math.exp(-vEpochs[i] / 35.0);
        }
        return List.of(Series.of("training cross-entropy", train),
                new Series("validation cross-entropy", vEpochs, valid));
    }

    static BufferedImage decode(byte[] png) throws Exception {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(img, "not a readable PNG");
        return img;
    }

    @Test
    void writesAPngOfTheRequestedSize() throws Exception {
        Files.createDirectories(DIR);
        Path p = DIR.resolve("curve.png");
        LearningCurve.write(p, curves(), Options.defaults().withTitle("Experiment 2: melody and chords"));
        byte[] bytes = Files.readAllBytes(p);
        BufferedImage img = decode(bytes);
        assertEquals(800, img.getWidth());
        assertEquals(500, img.getHeight());
        assertTrue(distinctColours(img) > 10, "the chart has lines and text, not one colour");
        try (Stream<Path> s = Files.list(DIR)) {
            assertTrue(s.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temp file left");
        }
    }

    @Test
    void logAxisAndOtherSize() throws Exception {
        Files.createDirectories(DIR);
        Path p = DIR.resolve("curve-log.png");
        LearningCurve.write(p, curves(), Options.defaults().withLogY(true).withSize(640, 400)
                .withLabels("epoch", "cross-entropy (log scale)"));
        BufferedImage img = decode(Files.readAllBytes(p));
        assertEquals(640, img.getWidth());
        assertEquals(400, img.getHeight());
    }

    @Test
    void sameDataGivesSameBytes() {
        byte[] a = LearningCurve.render(curves(), Options.defaults());
        byte[] b = LearningCurve.render(curves(), Options.defaults());
        assertArrayEquals(a, b);
        byte[] c = LearningCurve.render(curves(), Options.defaults().withLogY(true));
        assertArrayEquals(c, LearningCurve.render(curves(), Options.defaults().withLogY(true)));
    }

    @Test
    void pointsThatCannotBeDrawnAreLeftOut() throws Exception {
        List<Series> odd = List.of(
                Series.of("with gaps", 3, Double.NaN, 2, Double.POSITIVE_INFINITY, 0, -1, 0.5),
                Series.of("all NaN", Double.NaN),
                Series.of("single", 1.0),
                Series.of("empty"));
        for (boolean log : new boolean[] {false, true}) {
            BufferedImage img = decode(LearningCurve.render(odd, Options.defaults().withLogY(log)));
            assertEquals(800, img.getWidth());
        }
        // nothing to draw at all: still a chart
        BufferedImage empty = decode(LearningCurve.render(List.of(), Options.defaults()));
        assertEquals(500, empty.getHeight());
        decode(LearningCurve.render(List.of(Series.of("zeros", 0, 0)), Options.defaults().withLogY(true)));
    }

    @Test
    void badArguments() {
        assertThrows(IllegalArgumentException.class, () -> new Series("x", new double[2], new double[3]));
        assertThrows(IllegalArgumentException.class, () -> Series.of(" ", 1));
        assertThrows(IllegalArgumentException.class,
                () -> LearningCurve.render(List.of(Series.of("a", 1), Series.of("a", 2)), Options.defaults()));
        assertThrows(IllegalArgumentException.class, () -> Options.defaults().withSize(10, 10));
    }

    @Test
    void unwritableTargetIsAUserError() throws Exception {
        Files.createDirectories(DIR);
        Path file = DIR.resolve("not-a-dir");
        Files.write(file, new byte[] {1});
        Path target = file.resolve("curve.png");
        UserError e = assertThrows(UserError.class, () -> LearningCurve.write(target, curves(), Options.defaults()));
        assertTrue(e.getMessage().startsWith(target + ": cannot write: "), e.getMessage());
    }

    static int distinctColours(BufferedImage img) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                seen.add(img.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
