package org.fganlab.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * PNG line and scatter plots with XChart, written atomically. Headless: no window is opened.
 */
public final class Plots {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Plots() {
    }

    /** How a series is drawn. */
    public enum Style { LINE, MARKERS, DASHED }

    /**
     * One series.
     *
     * @param name legend entry
     * @param x abscissae (copied), same length as y
     * @param y ordinates (copied); non-finite points are dropped when drawing
     * @param style line, markers or dashed line
     */
    public record Series(String name, double[] x, double[] y, Style style) {
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
        draw(target, title, xLabel, yLabel, series, width, height, false, false, true);
    }

    /**
     * Writes an XY chart as PNG, with optional logarithmic (base-10) axes and the legend right of the
     * plot area (so that it never hides data). On a logarithmic axis, points whose coordinate on
     * that axis is not &gt; 0 are dropped (like non-finite points).
     *
     * @param target the .png path
     * @param title chart title
     * @param xLabel x axis title (with units)
     * @param yLabel y axis title (with units)
     * @param series the series (at least one)
     * @param width pixels
     * @param height pixels
     * @param logX logarithmic x axis
     * @param logY logarithmic y axis
     */
    public static void xy(Path target, String title, String xLabel, String yLabel,
            List<Series> series, int width, int height, boolean logX, boolean logY) {
        draw(target, title, xLabel, yLabel, series, width, height, logX, logY, false);
    }

    private static void draw(Path target, String title, String xLabel, String yLabel,
            List<Series> series, int width, int height, boolean logX, boolean logY,
            boolean legendInside) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setLegendPosition(legendInside ? Styler.LegendPosition.InsideNW
                : Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesVisible(true);
        chart.getStyler().setAntiAlias(true);
        for (Series s : series) {
            int n = 0;
            double[] xs = new double[s.x().length];
            double[] ys = new double[s.y().length];
            for (int i = 0; i < xs.length; i++) {
                if (Double.isFinite(s.x()[i]) && Double.isFinite(s.y()[i])
                        && (!logX || s.x()[i] > 0) && (!logY || s.y()[i] > 0)) {
                    xs[n] = s.x()[i];
                    ys[n] = s.y()[i];
                    n++;
                }
            }
            if (n == 0) {
                continue;
            }
            XYSeries xy = chart.addSeries(s.name(), Arrays.copyOf(xs, n),
                    Arrays.copyOf(ys, n));
            switch (s.style()) {
                case MARKERS -> {
                    xy.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                    xy.setMarker(SeriesMarkers.CIRCLE);
                }
                case DASHED -> {
                    xy.setMarker(SeriesMarkers.NONE);
                    xy.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                            BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
                }
                case LINE -> xy.setMarker(SeriesMarkers.NONE);
            }
        }
        AtomicFiles.write(target, out -> BitmapEncoder.saveBitmap(chart, out,
                BitmapEncoder.BitmapFormat.PNG));
    }
}
