package bebop.io.plot;

import bebop.io.AtomicFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A learning-curve PNG: one line per named series (training cross-entropy, validation, ...)
 * against the epoch. Headless, deterministic (the same data and options give the same bytes on
 * the same machine; fonts may differ between machines) and written atomically.
 *
 * <p>Points that cannot be drawn are left out: non-finite values, and values at or below zero
 * on a logarithmic axis. A series with no point left is left out; with no series left the chart
 * is drawn empty.
 */
public final class LearningCurve {
    /** Series with at most this many points get a marker at each point. */
    static final int MARKER_LIMIT = 40;

    private LearningCurve() {}

    /**
     * One named line.
     *
     * @param name the legend entry; unique within a chart
     * @param epochs the x values
     * @param values the y values, as many as epochs
     */
    public record Series(String name, double[] epochs, double[] values) {
        public Series {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("series name must not be empty");
            }
            if (epochs.length != values.length) {
                throw new IllegalArgumentException("series '" + name + "': " + epochs.length + " epochs but "
                        + values.length + " values");
            }
            epochs = epochs.clone();
            values = values.clone();
        }

        /** A series with one value per epoch, epochs 1, 2, 3, .... */
        public static Series of(String name, double... values) {
            double[] epochs = new double[values.length];
            for (int i = 0; i < epochs.length; i++) {
                epochs[i] = i + 1;
            }
            return new Series(name, epochs, values);
        }

        @Override
        public double[] epochs() {
            return epochs.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Series s && name.equals(s.name) && Arrays.equals(epochs, s.epochs)
                    && Arrays.equals(values, s.values);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, Arrays.hashCode(epochs), Arrays.hashCode(values));
        }

        @Override
        public String toString() {
            return "Series[" + name + ", " + values.length + " points]";
        }
    }

    /**
     * How the chart looks.
     *
     * @param title the chart title
     * @param xLabel the x axis title
     * @param yLabel the y axis title
     * @param logY a logarithmic y axis
     * @param width image width in pixels
     * @param height image height in pixels
     */
    public record Options(String title, String xLabel, String yLabel, boolean logY, int width, int height) {
        public Options {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(xLabel, "xLabel");
            Objects.requireNonNull(yLabel, "yLabel");
            if (width < 100 || height < 100 || width > 10_000 || height > 10_000) {
                throw new IllegalArgumentException("chart size must be 100..10000 pixels, not " + width + "x" + height);
            }
        }

        /** "Learning curve", epoch against cross-entropy, linear axis, 800x500. */
        public static Options defaults() {
            return new Options("Learning curve", "epoch", "cross-entropy", false, 800, 500);
        }

        public Options withTitle(String t) {
            return new Options(t, xLabel, yLabel, logY, width, height);
        }

        public Options withLabels(String x, String y) {
            return new Options(title, x, y, logY, width, height);
        }

        public Options withLogY(boolean log) {
            return new Options(title, xLabel, yLabel, log, width, height);
        }

        public Options withSize(int w, int h) {
            return new Options(title, xLabel, yLabel, logY, w, h);
        }
    }

    /**
     * Writes the chart as a PNG to {@code target}, atomically.
     *
     * @throws bebop.UserError if the file cannot be written
     */
    public static void write(Path target, List<Series> series, Options options) {
        AtomicFiles.write(target, render(series, options));
    }

    /** The PNG bytes of the chart. */
    public static byte[] render(List<Series> series, Options options) {
        XYChart chart = chart(series, options);
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding failed in memory", e);
        }
    }

    static XYChart chart(List<Series> series, Options o) {
        XYChart chart = new XYChartBuilder()
                .width(o.width())
                .height(o.height())
                .title(o.title())
                .xAxisTitle(o.xLabel())
                .yAxisTitle(o.yLabel())
                .build();
        var st = chart.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotGridLinesColor(new Color(0xDD, 0xDD, 0xDD));
        st.setPlotBorderColor(Color.GRAY);
        st.setLegendPosition(Styler.LegendPosition.InsideNE);
        st.setLegendBorderColor(Color.LIGHT_GRAY);
        st.setLegendVisible(!series.isEmpty());
        st.setAntiAlias(true);
        st.setYAxisLogarithmic(o.logY());
        st.setXAxisDecimalPattern("#,##0.##");
        if (!o.logY()) {
            st.setYAxisDecimalPattern("#,##0.####");
        }

        Set<String> names = new HashSet<>();
        int drawn = 0;
        double minX = Double.POSITIVE_INFINITY;
        for (Series s : series) {
            if (!names.add(s.name())) {
                throw new IllegalArgumentException("two series are called '" + s.name() + "'");
            }
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            double[] x = s.epochs;
            double[] y = s.values;
            for (int i = 0; i < x.length; i++) {
                if (Double.isFinite(x[i]) && Double.isFinite(y[i]) && (!o.logY() || y[i] > 0)) {
                    xs.add(x[i]);
                    minX = Math.min(minX, x[i]);
                    ys.add(y[i]);
                }
            }
            if (xs.isEmpty()) {
                continue;
            }
            XYSeries xy = chart.addSeries(s.name(), xs, ys);
            xy.setLineWidth(2f);
            if (xs.size() <= MARKER_LIMIT) {
                xy.setMarker(SeriesMarkers.CIRCLE);
            } else {
                xy.setMarker(SeriesMarkers.NONE);
            }
            drawn++;
        }
        st.setLegendVisible(drawn > 0);
        if (drawn > 0 && minX >= 0) {
            // ticks at round epochs (0, 20, 40, ...) rather than counted from the first epoch
            st.setXAxisMin(0.0);
        }
        st.setXAxisTickMarkSpacingHint(Math.max(80, o.width() / 10));
        st.setMarkerSize(6);
        st.setAxisTickMarksStroke(new BasicStroke(1f));
        return chart;
    }
}
