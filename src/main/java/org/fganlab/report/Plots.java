package org.fganlab.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.function.DoubleUnaryOperator;
import javax.imageio.ImageIO;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * PNG line and scatter plots with XChart, written atomically. Headless: no window is opened.
 */
public final class Plots {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** A filled circle of 3 pixels whatever the chart's marker size: one generated sample. */
    private static final Marker DOT = new Marker() {
        @Override
        public void paint(Graphics2D g, double x, double y, int markerSize) {
            g.fill(new Ellipse2D.Double(x - 1.5, y - 1.5, 3, 3));
        }
    };

    /**
     * Series colours, in order (matplotlib's "tab10", then black and indigo): twelve colours that
     * stay apart on white, where XChart's default cycle has two yellows and two near-white ones.
     */
    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf), Color.BLACK, new Color(0x393b79)};

    /** x ticks at least this far apart, in pixels, so that three-digit labels stay apart. */
    private static final int X_TICK_SPACING = 100;

    /** A logarithmic x range narrower than this factor is drawn on a log₂ axis (see chart). */
    private static final double NARROW_LOG_RANGE = 100.0;

    private Plots() {
    }

    /**
     * The colour of the series at the given position of a series list when it names none.
     *
     * @param index position in the list, ≥ 0
     * @return the colour (the palette repeats after twelve)
     */
    public static Color colour(int index) {
        return PALETTE[index % PALETTE.length];
    }

    /** How a series is drawn: a line, circle markers, a dashed line, or small dots (for clouds of samples). */
    public enum Style { LINE, MARKERS, DASHED, POINTS }

    /**
     * One series.
     *
     * @param name legend entry
     * @param x abscissae (copied), same length as y
     * @param y ordinates (copied); non-finite points are dropped when drawing
     * @param style line, markers or dashed line
     * @param colour the colour, or null for {@link #colour(int)} of the series' position in its list
     */
    public record Series(String name, double[] x, double[] y, Style style, Color colour) {

        /** A series in the colour of its position in the list. */
        public Series(String name, double[] x, double[] y, Style style) {
            this(name, x, y, style, null);
        }

        public Series {
            if (x.length != y.length) {
                throw new IllegalArgumentException("series '" + name + "': x has " + x.length
                        + " points, y has " + y.length);
            }
            x = x.clone();
            y = y.clone();
        }
    }

    /**
     * Writes an XY chart as PNG.
     *
     * @param target the .png path
     * @param title chart title
     * @param xLabel x axis title (with units)
     * @param yLabel y axis title (with units)
     * @param series the series (at least one)
     * @param width pixels
     * @param height pixels
     */
    public static void xy(Path target, String title, String xLabel, String yLabel,
            List<Series> series, int width, int height) {
        xy(target, title, xLabel, yLabel, series, width, height, Options.DEFAULT);
    }

    /**
     * A vertical line across the plot at abscissa x, with a label near the top of the plot.
     *
     * @param x abscissa in data units (finite; &gt; 0 on a logarithmic x axis)
     * @param label drawn beside the line near the top ("" for none)
     */
    public record VerticalLine(double x, String label) {
    }

    /**
     * A text label centred at (x, y) in data units.
     *
     * @param text the label
     * @param x abscissa in data units
     * @param y ordinate in data units
     */
    public record Note(String text, double x, double y) {
    }

    /**
     * Axis scales, legend placement and annotations of a chart.
     *
     * @param logX logarithmic x axis (points with x &le; 0 are dropped)
     * @param logY logarithmic y axis (points with y &le; 0 are dropped)
     * @param legendOutside legend to the right of the plot instead of inside its top-left corner
     * @param verticalLines vertical lines (copied)
     * @param notes text labels (copied)
     */
    public record Options(boolean logX, boolean logY, boolean legendOutside,
            List<VerticalLine> verticalLines, List<Note> notes) {

        /** Linear axes, legend inside, no annotations. */
        public static final Options DEFAULT = new Options(false, false, false, List.of(), List.of());

        public Options {
            verticalLines = List.copyOf(verticalLines);
            notes = List.copyOf(notes);
        }
    }

    /**
     * Writes an XY chart as PNG with the given axis scales and annotations. Non-finite points,
     * and on a logarithmic axis non-positive ones, are dropped (say so in the series name or a
     * {@link Note} where it matters, e.g. a divergence that is +∞ over part of the range).
     *
     * @param target the .png path
     * @param title chart title
     * @param xLabel x axis title (with units)
     * @param yLabel y axis title (with units)
     * @param series the series (at least one with a drawable point)
     * @param width pixels
     * @param height pixels
     * @param options axis scales, legend placement, vertical lines and text labels
     */
    public static void xy(Path target, String title, String xLabel, String yLabel,
            List<Series> series, int width, int height, Options options) {
        XYChart chart = chart(title, xLabel, yLabel, series, width, height, options, null);
        AtomicFiles.write(target, out -> BitmapEncoder.saveBitmap(chart, out,
                BitmapEncoder.BitmapFormat.PNG));
    }

    /**
     * One chart of a {@link #panels} figure (linear axes, legend inside).
     *
     * @param title panel title
     * @param xLabel x axis title (with units)
     * @param yLabel y axis title (with units)
     * @param series the series (copied)
     * @param window fixed axes {xMin, xMax, yMin, yMax} (copied; points outside are not drawn), or
     *     null for axes fitted to the data
     */
    public record Panel(String title, String xLabel, String yLabel, List<Series> series, double[] window) {
        public Panel {
            series = List.copyOf(series);
            if (window != null && (window.length != 4 || !(window[0] < window[1]) || !(window[2] < window[3]))) {
                throw new IllegalArgumentException("panel '" + title + "': window must be {xMin, xMax, yMin, yMax}"
                        + " with xMin < xMax and yMin < yMax, got " + Arrays.toString(window));
            }
            window = window == null ? null : window.clone();
        }

        @Override
        public double[] window() {
            return window == null ? null : window.clone();
        }
    }

    /**
     * Writes several charts as one PNG: panels laid out row by row, {@code columns} per row, under
     * a common title.
     *
     * @param target the .png path
     * @param title figure title
     * @param panels the charts (at least one)
     * @param columns panels per row, ≥ 1
     * @param panelWidth pixels per panel
     * @param panelHeight pixels per panel
     * @throws IllegalArgumentException if panels is empty or columns &lt; 1
     */
    public static void panels(Path target, String title, List<Panel> panels, int columns,
            int panelWidth, int panelHeight) {
        if (panels.isEmpty() || columns < 1) {
            throw new IllegalArgumentException("need at least one panel and columns >= 1, got "
                    + panels.size() + " panels and " + columns + " columns");
        }
        int rows = (panels.size() + columns - 1) / columns;
        int titleHeight = 40;
        BufferedImage image = new BufferedImage(columns * panelWidth, titleHeight + rows * panelHeight,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        g.drawString(title, 12, 27);
        for (int i = 0; i < panels.size(); i++) {
            Panel p = panels.get(i);
            BufferedImage panel = BitmapEncoder.getBufferedImage(chart(p.title(), p.xLabel(), p.yLabel(),
                    p.series(), panelWidth, panelHeight, Options.DEFAULT, p.window()));
            g.drawImage(panel, (i % columns) * panelWidth, titleHeight + (i / columns) * panelHeight, null);
        }
        g.dispose();
        AtomicFiles.write(target, out -> ImageIO.write(image, "png", out));
    }

    /**
     * The chart of {@link #xy} and of a panel; window is {xMin, xMax, yMin, yMax} or null (points
     * outside it are dropped).
     *
     * <p>XChart labels a logarithmic axis at powers of ten only, so a range of less than two
     * decades would show one label or none. Such an x axis is drawn linear in log₂ x instead,
     * labelled with x itself (0.5, 0.707, 1, 1.41, 2, …); only the drawing changes.
     */
    private static XYChart chart(String title, String xLabel, String yLabel, List<Series> series,
            int width, int height, Options options, double[] window) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        chart.getStyler().setLegendPosition(options.legendOutside()
                ? Styler.LegendPosition.OutsideE : Styler.LegendPosition.InsideNW);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesVisible(true);
        chart.getStyler().setAntiAlias(true);
        chart.getStyler().setXAxisTickMarkSpacingHint(X_TICK_SPACING);
        boolean octaves = options.logX() && narrowRange(series, window);
        DoubleUnaryOperator tx = octaves ? x -> Math.log(x) / Math.log(2) : x -> x;
        if (octaves) {
            chart.setCustomXAxisTickLabelsFormatter(Plots::octaveLabel);
        }
        chart.getStyler().setXAxisLogarithmic(options.logX() && !octaves);
        chart.getStyler().setYAxisLogarithmic(options.logY());
        if (window != null) {
            chart.getStyler().setXAxisMin(tx.applyAsDouble(window[0])).setXAxisMax(tx.applyAsDouble(window[1]))
                    .setYAxisMin(window[2]).setYAxisMax(window[3]);
        }
        double yMax = Double.NEGATIVE_INFINITY;
        TreeSet<Double> abscissae = new TreeSet<>();
        double anyY = Double.NaN;
        for (int index = 0; index < series.size(); index++) {
            Series s = series.get(index);
            int n = 0;
            double[] xs = new double[s.x().length];
            double[] ys = new double[s.y().length];
            for (int i = 0; i < xs.length; i++) {
                double xi = s.x()[i];
                double yi = s.y()[i];
                boolean inside = window == null || (xi >= window[0] && xi <= window[1]
                        && yi >= window[2] && yi <= window[3]);
                if (Double.isFinite(xi) && Double.isFinite(yi) && (!options.logX() || xi > 0)
                        && (!options.logY() || yi > 0) && inside) {
                    xs[n] = tx.applyAsDouble(xi);
                    ys[n] = yi;
                    abscissae.add(xs[n]);
                    anyY = yi;
                    yMax = Math.max(yMax, yi);
                    n++;
                }
            }
            if (n == 0) {
                continue;
            }
            XYSeries xy = chart.addSeries(s.name(), Arrays.copyOf(xs, n),
                    Arrays.copyOf(ys, n));
            Color c = s.colour() != null ? s.colour() : colour(index);
            xy.setLineColor(c);
            xy.setMarkerColor(c);
            switch (s.style()) {
                case MARKERS -> {
                    xy.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                    xy.setMarker(SeriesMarkers.CIRCLE);
                }
                case POINTS -> {
                    xy.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                    xy.setMarker(DOT);
                }
                case DASHED -> {
                    xy.setMarker(SeriesMarkers.NONE);
                    xy.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                            BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
                }
                case LINE -> xy.setMarker(SeriesMarkers.NONE);
            }
        }
        if (!chart.getStyler().isXAxisLogarithmic() && equallySpaced(abscissae)) {
            // XChart 3.8 puts the x ticks on the data's own abscissae when these are equally
            // spaced (labels 1, 9, 17, … that run together); one invisible point off that grid
            // makes it choose round tick values. It lies inside the drawn ranges.
            double x = 0.5 * (abscissae.first() + abscissae.higher(abscissae.first()));
            XYSeries hidden = chart.addSeries("\u200b", new double[] {x}, new double[] {anyY});
            hidden.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            hidden.setMarker(SeriesMarkers.NONE);
            hidden.setShowInLegend(false);
        }
        for (VerticalLine v : options.verticalLines()) {
            double x = tx.applyAsDouble(v.x());
            chart.addAnnotation(new AnnotationLine(x, true, false));
            if (!v.label().isEmpty() && Double.isFinite(yMax)) {
                chart.addAnnotation(new AnnotationText(v.label(), x, yMax, false));
            }
        }
        for (Note note : options.notes()) {
            chart.addAnnotation(new AnnotationText(note.text(), tx.applyAsDouble(note.x()), note.y(), false));
        }
        return chart;
    }

    /** The label of position v on a log₂ axis: 2^v to three significant digits, trailing zeros dropped. */
    static String octaveLabel(double v) {
        String t = String.format(Locale.ROOT, "%.3g", Math.pow(2, v));
        return t.contains(".") && !t.contains("e") ? t.replaceFirst("0+$", "").replaceFirst("\\.$", "") : t;
    }

    /** Whether there are three or more values, all at the same distance from their neighbours. */
    private static boolean equallySpaced(NavigableSet<Double> values) {
        if (values.size() < 3) {
            return false;
        }
        double step = values.higher(values.first()) - values.first();
        double previous = values.first();
        for (double v : values.tailSet(values.first(), false)) {
            if (Math.abs(v - previous - step) > 1e-9 * Math.abs(step)) {
                return false;
            }
            previous = v;
        }
        return true;
    }

    /** Whether the positive finite abscissae (inside the window) span less than {@link #NARROW_LOG_RANGE}. */
    private static boolean narrowRange(List<Series> series, double[] window) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0.0;
        for (Series s : series) {
            for (double x : s.x()) {
                if (x > 0 && Double.isFinite(x) && (window == null || (x >= window[0] && x <= window[1]))) {
                    lo = Math.min(lo, x);
                    hi = Math.max(hi, x);
                }
            }
        }
        return hi > 0 && hi < NARROW_LOG_RANGE * lo;
    }
}
