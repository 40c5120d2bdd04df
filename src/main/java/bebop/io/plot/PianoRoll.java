package bebop.io.plot;

import bebop.io.AtomicFiles;
import bebop.music.ChordSymbol;
import bebop.music.Note;
import bebop.music.Part;
import bebop.music.Pitch;
import bebop.music.Score;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A piano-roll PNG of a score, for reading at a glance: time runs left to right, pitch upward,
 * one chorus (12 bars by default) per row, the rows stacked like the systems of a lead sheet.
 *
 * <p>Each row shows the bar numbers and chord symbols above its bars; bar lines (heavier every 4
 * bars), faint beat lines, shaded lanes for the black keys and the note names of the C's (and the
 * other white keys' names when the lanes are 10 pixels or taller). Only the pitch range the score uses is drawn, with 2
 * semitones to spare, the same for every row. The melody is orange and the chords blue (other
 * parts take further colours), drawn as rectangles with a darker edge so that repeated notes stay
 * apart; a legend under the title names them.
 *
 * <p>Headless and deterministic: the same score and options give the same bytes on one machine
 * (fonts may differ between machines). At most {@link #MAX_ROWS} rows are drawn; a note under
 * the last one says how many bars were left out.
 */
public final class PianoRoll {
    /** Rows drawn at most (48 choruses of the blues); later bars are left out, with a note. */
    public static final int MAX_ROWS = 48;

    static final Color BACKGROUND = Color.WHITE;
    static final Color BLACK_KEY_LANE = new Color(0xEE, 0xF0, 0xF3);
    static final Color OCTAVE_LINE = new Color(0xC9, 0xCE, 0xD4);
    static final Color BEAT_LINE = new Color(0xE3, 0xE6, 0xEA);
    static final Color BAR_LINE = new Color(0x9A, 0xA2, 0xAB);
    static final Color PHRASE_LINE = new Color(0x49, 0x50, 0x57);
    static final Color FRAME = new Color(0x21, 0x25, 0x29);
    static final Color TEXT = new Color(0x21, 0x25, 0x29);
    static final Color MUTED_TEXT = new Color(0x6C, 0x75, 0x7D);
    static final Color MELODY = new Color(0xE8, 0x59, 0x0C);
    static final Color CHORDS = new Color(0x5B, 0x9B, 0xDB);
    static final Color[] OTHERS = {
        new Color(0x2B, 0x8A, 0x3E), new Color(0x86, 0x2E, 0x9C), new Color(0xC9, 0x2A, 0x2A),
        new Color(0x0B, 0x72, 0x85), new Color(0xE6, 0x77, 0x00), new Color(0x5C, 0x5F, 0x66),
    };

    static final int LEFT = 78;
    static final int RIGHT = 20;
    static final int TOP = 78;
    static final int ROW_HEADER = 38;
    static final int ROW_GAP = 18;
    static final int BOTTOM = 24;
    static final int PITCH_MARGIN = 2;
    static final int MIN_SPAN = 12;

    private PianoRoll() {}

    /**
     * How the roll looks.
     *
     * @param width image width in pixels, 600..8000
     * @param barsPerRow bars in one row; 12 = one blues chorus, and rows are then labelled as choruses
     * @param laneHeight pixels per semitone, 3..40
     * @param phraseBars a heavier bar line every this many bars (4 for the blues), 1..64
     */
    public record Options(int width, int barsPerRow, int laneHeight, int phraseBars) {
        public Options {
            if (width < 600 || width > 8000) {
                throw new IllegalArgumentException("piano roll width " + width + " is outside 600..8000 pixels");
            }
            if (barsPerRow < 1 || barsPerRow > 64) {
                throw new IllegalArgumentException("bars per row " + barsPerRow + " is outside 1..64");
            }
            if (laneHeight < 3 || laneHeight > 40) {
                throw new IllegalArgumentException("lane height " + laneHeight + " is outside 3..40 pixels");
            }
            if (phraseBars < 1 || phraseBars > 64) {
                throw new IllegalArgumentException("phrase length " + phraseBars + " is outside 1..64 bars");
            }
        }

        /** 1800 pixels wide, one 12-bar chorus a row, 10 pixels a semitone, phrases of 4 bars. */
        public static Options defaults() {
            return new Options(1800, 12, 10, 4);
        }

        public Options withWidth(int w) {
            return new Options(w, barsPerRow, laneHeight, phraseBars);
        }

        public Options withBarsPerRow(int bars) {
            return new Options(width, bars, laneHeight, phraseBars);
        }

        public Options withLaneHeight(int h) {
            return new Options(width, barsPerRow, h, phraseBars);
        }

        public Options withPhraseBars(int bars) {
            return new Options(width, barsPerRow, laneHeight, bars);
        }
    }

    /**
     * Where things are drawn: the geometry shared by the drawing and the tests.
     *
     * @param lowPitch the lowest MIDI pitch with a lane
     * @param highPitch the highest MIDI pitch with a lane
     * @param rows rows drawn
     * @param bars bars drawn (all the score's bars, or those of the first {@link #MAX_ROWS} rows)
     */
    record Layout(Score score, Options options, int lowPitch, int highPitch, int rows, long bars, int height) {
        static Layout of(Score score, Options o) {
            int low = Integer.MAX_VALUE;
            int high = Integer.MIN_VALUE;
            for (Part p : score.parts()) {
                for (Note n : p.notes()) {
                    low = Math.min(low, n.pitch());
                    high = Math.max(high, n.pitch());
                }
            }
            if (low > high) {
                low = 60;
                high = 72;
            }
            low -= PITCH_MARGIN;
            high += PITCH_MARGIN;
            while (high - low + 1 < MIN_SPAN) {
                low--;
                high++;
            }
            low = Math.max(0, low);
            high = Math.min(127, high);
            long allBars = Math.max(1, score.bars());
            long allRows = (allBars + o.barsPerRow() - 1) / o.barsPerRow();
            int rows = (int) Math.min(MAX_ROWS, allRows);
            long bars = Math.min(allBars, (long) rows * o.barsPerRow());
            int lanes = high - low + 1;
            int height = TOP + rows * (ROW_HEADER + lanes * o.laneHeight() + ROW_GAP) + BOTTOM;
            return new Layout(score, o, low, high, rows, bars, height);
        }

        int lanes() {
            return highPitch - lowPitch + 1;
        }

        int gridHeight() {
            return lanes() * options.laneHeight();
        }

        long ticksPerRow() {
            return score.ticksPerBar() * options.barsPerRow();
        }

        /** The top of a row's grid (below its header). */
        int gridTop(int row) {
            return TOP + row * (ROW_HEADER + gridHeight() + ROW_GAP) + ROW_HEADER;
        }

        /** The row a tick falls in. */
        int rowOf(long tick) {
            return (int) (tick / ticksPerRow());
        }

        /** The x of a tick in its row ({@code tick} may be the row's end, which is its right edge). */
        double x(long tick, int row) {
            double plot = options.width() - LEFT - RIGHT;
            return LEFT + (tick - (double) row * ticksPerRow()) * plot / ticksPerRow();
        }

        /** The top y of a pitch's lane in a row. */
        int y(int pitch, int row) {
            return gridTop(row) + (highPitch - pitch) * options.laneHeight();
        }

        /** The tick at which a row's last drawn bar ends. */
        long rowEnd(int row) {
            long lastBar = Math.min(bars, (long) (row + 1) * options.barsPerRow());
            return lastBar * score.ticksPerBar();
        }
    }

    /** Writes the piano roll of a score as a PNG, atomically. */
    public static void write(Path target, Score score, Options options) {
        AtomicFiles.write(target, render(score, options));
    }

    /** {@link #write(Path, Score, Options)} with the default options. */
    public static void write(Path target, Score score) {
        write(target, score, Options.defaults());
    }

    /** The PNG bytes of a score's piano roll. */
    public static byte[] render(Score score, Options options) {
        BufferedImage img = draw(score, options);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, "png", out)) {
                throw new IllegalStateException("no PNG writer in this Java runtime");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding failed in memory", e);
        }
        return out.toByteArray();
    }

    /** The colour a part is drawn in: melody orange, chords blue, others in turn from a palette. */
    static Color colour(Score score, Part part) {
        if (part.name().equals(Part.MELODY)) {
            return MELODY;
        }
        if (part.name().equals(Part.CHORDS)) {
            return CHORDS;
        }
        int other = 0;
        for (Part p : score.parts()) {
            if (p == part) {
                break;
            }
            if (!p.name().equals(Part.MELODY) && !p.name().equals(Part.CHORDS)) {
                other++;
            }
        }
        return OTHERS[other % OTHERS.length];
    }

    static BufferedImage draw(Score score, Options o) {
        Layout l = Layout.of(score, o);
        BufferedImage img = new BufferedImage(o.width(), l.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, o.width(), l.height());
            drawTitle(g, l);
            for (int row = 0; row < l.rows(); row++) {
                drawRow(g, l, row);
            }
            if (l.bars() < score.bars()) {
                g.setFont(font(Font.ITALIC, 13));
                g.setColor(MUTED_TEXT);
                g.drawString(String.format(Locale.ROOT, "Bars %d-%d are not drawn (at most %d rows).",
                        l.bars() + 1, score.bars(), MAX_ROWS), LEFT, l.height() - 8);
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    private static Font font(int style, int size) {
        return new Font(Font.SANS_SERIF, style, size);
    }

    private static void drawTitle(Graphics2D g, Layout l) {
        Score s = l.score();
        g.setColor(TEXT);
        g.setFont(font(Font.BOLD, 20));
        String title = s.title().isBlank() ? "Untitled" : s.title();
        g.drawString(title, LEFT, 30);

        long secs = Math.round(s.seconds());
        String bars = s.bars() + (s.bars() == 1 ? " bar" : " bars");
        if (l.options().barsPerRow() == 12 && s.bars() % 12 == 0 && s.bars() > 0) {
            long ch = s.bars() / 12;
            bars += " (" + ch + (ch == 1 ? " chorus)" : " choruses)");
        }
        String info = String.format(Locale.ROOT, "%s   \u2022   %s bpm   \u2022   %s   \u2022   %d:%02d",
                s.timeSignature(), formatTempo(s.tempoBpm()), bars, secs / 60, secs % 60);
        g.setFont(font(Font.PLAIN, 13));
        g.setColor(MUTED_TEXT);
        g.drawString(info, LEFT, 52);

        // legend, right-aligned on the title line
        g.setFont(font(Font.PLAIN, 14));
        FontMetrics fm = g.getFontMetrics();
        int x = l.options().width() - RIGHT;
        List<Part> parts = new ArrayList<>(s.parts());
        for (int i = parts.size() - 1; i >= 0; i--) {
            Part p = parts.get(i);
            String name = p.name().isBlank() ? "Part " + (i + 1) : p.name();
            x -= fm.stringWidth(name);
            g.setColor(TEXT);
            g.drawString(name, x, 30);
            x -= 26;
            g.setColor(colour(s, p));
            g.fillRect(x, 19, 20, 12);
            g.setColor(colour(s, p).darker());
            g.drawRect(x, 19, 20, 12);
            x -= 22;
        }
    }

    private static String formatTempo(double bpm) {
        return bpm == Math.rint(bpm) ? Long.toString((long) bpm) : String.format(Locale.ROOT, "%.1f", bpm);
    }

    private static void drawRow(Graphics2D g, Layout l, int row) {
        Score s = l.score();
        Options o = l.options();
        int top = l.gridTop(row);
        int bottom = top + l.gridHeight();
        long rowStart = row * l.ticksPerRow();
        long rowEnd = l.rowEnd(row);
        double x0 = l.x(rowStart, row);
        double x1 = l.x(rowEnd, row);
        int lane = o.laneHeight();

        // lanes: black keys shaded, a line under every C
        for (int p = l.lowPitch(); p <= l.highPitch(); p++) {
            int y = l.y(p, row);
            if (isBlackKey(p)) {
                g.setColor(BLACK_KEY_LANE);
                g.fill(new Rectangle2D.Double(x0, y, x1 - x0, lane));
            }
            if (Pitch.pitchClass(p) == 0) {
                g.setColor(OCTAVE_LINE);
                g.setStroke(new BasicStroke(1f));
                g.draw(new java.awt.geom.Line2D.Double(x0, y + lane - 0.5, x1, y + lane - 0.5));
            }
        }
        drawPitchNames(g, l, row);

        // beats, then bars
        long perBeat = s.ticksPerBar() / s.timeSignature().numerator();
        g.setStroke(new BasicStroke(1f));
        g.setColor(BEAT_LINE);
        for (long t = rowStart; t < rowEnd && perBeat > 0; t += perBeat) {
            if ((t - rowStart) % s.ticksPerBar() != 0) {
                double x = Math.floor(l.x(t, row)) + 0.5;
                g.draw(new java.awt.geom.Line2D.Double(x, top, x, bottom));
            }
        }
        long firstBar = row * (long) o.barsPerRow();
        long lastBar = rowEnd / s.ticksPerBar();
        for (long bar = firstBar + 1; bar < lastBar; bar++) {
            double x = barLineX(l, bar, row);
            boolean phrase = bar % o.phraseBars() == 0;
            g.setColor(phrase ? PHRASE_LINE : BAR_LINE);
            g.setStroke(new BasicStroke(phrase ? 2f : 1f));
            g.draw(new java.awt.geom.Line2D.Double(x, top, x, bottom));
        }

        // notes: chords under melody, other parts between
        List<Part> order = new ArrayList<>();
        s.part(Part.CHORDS).ifPresent(order::add);
        for (Part p : s.parts()) {
            if (!p.name().equals(Part.CHORDS) && !p.name().equals(Part.MELODY)) {
                order.add(p);
            }
        }
        s.part(Part.MELODY).ifPresent(order::add);
        Shape clip = g.getClip();
        g.clip(new Rectangle2D.Double(x0, top, x1 - x0, bottom - top));
        for (Part p : order) {
            Color fill = colour(s, p);
            Color edge = fill.darker();
            for (Note n : p.notes()) {
                if (n.end() <= rowStart || n.start() >= rowEnd || n.pitch() < l.lowPitch() || n.pitch() > l.highPitch()) {
                    continue;
                }
                double nx0 = l.x(n.start(), row) + 0.5;
                double nx1 = l.x(n.end(), row) - 1.0;
                double w = Math.max(2.0, nx1 - nx0);
                double y = l.y(n.pitch(), row) + 0.5;
                Rectangle2D r = new Rectangle2D.Double(nx0, y, w, lane - 1.0);
                g.setColor(fill);
                g.fill(r);
                g.setColor(edge);
                g.setStroke(new BasicStroke(1f));
                g.draw(r);
            }
        }
        g.setClip(clip);

        // frame: the row's start and end are chorus lines
        g.setColor(FRAME);
        g.setStroke(new BasicStroke(2f));
        g.draw(new Rectangle2D.Double(x0, top, x1 - x0, bottom - top));

        drawHeader(g, l, row, firstBar, lastBar);
    }

    /** The x of the line at the start of bar {@code bar} (0-based), on the pixel grid. */
    static double barLineX(Layout l, long bar, int row) {
        return Math.floor(l.x(bar * l.score().ticksPerBar(), row)) + 0.5;
    }

    private static void drawHeader(Graphics2D g, Layout l, int row, long firstBar, long lastBar) {
        Score s = l.score();
        int top = l.gridTop(row);
        int numbersY = top - ROW_HEADER + 13;
        int chordsY = top - 7;

        if (l.options().barsPerRow() == 12) {
            g.setFont(font(Font.BOLD, 12));
            g.setColor(TEXT);
            g.drawString("Chorus " + (row + 1), 8, numbersY);
        }

        g.setFont(font(Font.PLAIN, 11));
        g.setColor(MUTED_TEXT);
        for (long bar = firstBar; bar < lastBar; bar++) {
            g.drawString(Long.toString(bar + 1), (float) (l.x(bar * s.ticksPerBar(), row) + 3), numbersY);
        }

        long rowStart = row * l.ticksPerRow();
        long rowEnd = l.rowEnd(row);
        g.setFont(font(Font.BOLD, 15));
        g.setColor(TEXT);
        FontMetrics fm = g.getFontMetrics();
        double lastRight = Double.NEGATIVE_INFINITY;
        for (ChordSymbol c : s.chordSymbols()) {
            if (c.start() < rowStart || c.start() >= rowEnd) {
                continue;
            }
            double x = Math.max(l.x(c.start(), row) + 3, lastRight + 6);
            g.drawString(c.symbol(), (float) x, chordsY);
            lastRight = x + fm.stringWidth(c.symbol());
        }
    }

    private static void drawPitchNames(Graphics2D g, Layout l, int row) {
        int lane = l.options().laneHeight();
        boolean whiteKeys = lane >= 10;
        for (int p = l.lowPitch(); p <= l.highPitch(); p++) {
            boolean c = Pitch.pitchClass(p) == 0;
            if (!c && (!whiteKeys || isBlackKey(p))) {
                continue;
            }
            g.setFont(c ? font(Font.BOLD, 12) : font(Font.PLAIN, Math.min(11, lane - 1)));
            g.setColor(c ? TEXT : MUTED_TEXT);
            String name = c ? Pitch.name(p) : Pitch.className(p);
            FontMetrics fm = g.getFontMetrics();
            double y = l.y(p, row) + lane / 2.0 + (fm.getAscent() - fm.getDescent()) / 2.0;
            g.drawString(name, (float) (LEFT - 6 - fm.stringWidth(name)), (float) y);
        }
    }

    static boolean isBlackKey(int midi) {
        int pc = Pitch.pitchClass(midi);
        return pc == 1 || pc == 3 || pc == 6 || pc == 8 || pc == 10;
    }
}
