package org.fganlab.report;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A PNG chart of one quantity per category with an interval: the point estimate as a circle, the
 * interval's lower and upper ends as up and down triangles (intervals may be asymmetric, e.g.
 * bootstrap percentile intervals). Headless; written atomically.
 */
public final class IntervalPlots {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private IntervalPlots() {
    }

    /**
     * Writes the chart. Non-finite values (NaN: not available) are not drawn.
     *
     * @param target the .png path
     * @param title chart title
     * @param yLabel y axis title (with units)
     * @param categories category labels, one per point (at least one)
     * @param estimate the point estimates, same length
     * @param lower the intervals' lower ends, same length
     * @param upper the intervals' upper ends, same length
     * @throws IllegalArgumentException if the lengths differ or there are no categories
     */
    public static void write(Path target, String title, String yLabel, List<String> categories,
            double[] estimate, double[] lower, double[] upper) {
        int n = categories.size();
        if (n == 0 || estimate.length != n || lower.length != n || upper.length != n) {
            throw new IllegalArgumentException("need one estimate, lower and upper per category, got "
                    + n + " categories and " + estimate.length + ", " + lower.length + ", " + upper.length + " values");
        }
        CategoryChart chart = new CategoryChartBuilder().width(Math.max(700, 120 * n)).height(520)
                .title(title).yAxisTitle(yLabel).build();
        chart.getStyler().setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setOverlapped(true);      // the three series share each category's x
        int longest = categories.stream().mapToInt(String::length).max().orElse(0);
        chart.getStyler().setXAxisLabelRotation(longest * n > 90 ? 25 : 0);
        chart.getStyler().setAntiAlias(true);
        chart.getStyler().setMarkerSize(9);
        add(chart, "mean", categories, estimate).setMarker(SeriesMarkers.CIRCLE);
        add(chart, "95% interval, lower end", categories, lower).setMarker(SeriesMarkers.TRIANGLE_UP);
        add(chart, "95% interval, upper end", categories, upper).setMarker(SeriesMarkers.TRIANGLE_DOWN);
        AtomicFiles.write(target, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
    }

    private static CategorySeries add(CategoryChart chart, String name, List<String> categories, double[] y) {
        List<Double> values = new ArrayList<>();
        for (double v : y) {
            values.add(Double.isFinite(v) ? v : null);
        }
        return chart.addSeries(name, categories, values);
    }
}
