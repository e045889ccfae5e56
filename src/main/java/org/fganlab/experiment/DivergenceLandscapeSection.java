package org.fganlab.experiment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fganlab.divergence.Discrepancy;
import org.fganlab.experiment.DivergenceLandscapeExperiment.Family;
import org.fganlab.experiment.DivergenceLandscapeExperiment.FamilyResult;
import org.fganlab.experiment.DivergenceLandscapeExperiment.InfiniteRegion;
import org.fganlab.experiment.DivergenceLandscapeExperiment.LocalRow;
import org.fganlab.experiment.DivergenceLandscapeExperiment.Result;
import org.fganlab.report.AtomicFiles;
import org.fganlab.report.Json;
import org.fganlab.report.Plots;
import org.fganlab.report.Tables;
import org.fganlab.theory.DivergenceValues;

/** Renders a {@link DivergenceLandscapeExperiment.Result}: CSV, JSON summary, plots, Markdown. */
final class DivergenceLandscapeSection {

    private DivergenceLandscapeSection() {
    }

    private static final String HEADLINE = "%d divergences + W1 on %d shift and %d scale points: max "
            + "relative deviation from the closed forms %s; +∞ regions (Pearson, α = 2 for s ≥ √2, Neyman "
            + "for s ≤ 1/√2) match theory with %d mismatches; (D_f − f(1))/(θ²/2) at θ = %s within %s of f''(1)";

    /**
     * Arguments: 1 title, 2 shift points, 3 scale points, 4 GAN min, 5 GAN max, 6 prefix,
     * 7 mismatches, 8 worst deviation, 9 closed-form table, 10 smallest θ, 11 worst local error,
     * 12 TV slope, 13 local table.
     */
    private static final String SECTION = """
            ## divergence-landscape: %1$s

            Every registered divergence and W1 by quadrature (`ExactDivergence`) for P = N(θ, 1) \
            against Q = N(0, 1) on %2$d points θ ∈ [−4, 4], and for P = N(0, s²) against Q = N(0, 1) \
            on %3$d log-spaced points s ∈ [¼, 4]. Both plots use a logarithmic y axis, so the zero at \
            θ = 0 (and s = 1) is not drawn. The GAN divergence is −log 4 + 2·JSD ∈ [−log 4, 0], \
            negative everywhere: it is drawn as gan + log 4 = 2·JSD (on the shift grid it runs from \
            %4$s to %5$s nats). W1 is dashed (units of x). In the shift family KL = reverse KL and \
            Pearson = Neyman (equal widths make P and Q exchangeable by reflection), so those curves \
            lie on top of each other; W1 = |θ| exactly.

            ![shift family](%6$sshift.png)

            In the scale family three divergences are +∞ over part of the range: Pearson χ² needs \
            2σ_Q² > σ_P² (s < √2), Amari α = 2 is Pearson/2, and Neyman χ²(P‖Q) = Pearson χ²(Q‖P) \
            needs s > 1/√2. Their curves stop at the last finite grid point (circle marker), the \
            vertical lines mark s = √2 and s = 1/√2, the legend states the +∞ region, and the CSV \
            holds `Infinity` there. The quadrature returns +∞ from its tail analysis, not from an \
            overflow; it agrees with the closed forms on which grid points are +∞ with **%7$d** \
            mismatches.

            ![scale family](%6$sscale.png)

            Closed forms (`docs/math.md` and `GaussianClosedForms`: KL, reverse KL, Jeffrey = KL + \
            reverse KL, Pearson, Neyman, squared Hellinger, Amari α via ∫p^α q^{1−α}, TV via the \
            crossings p = q; W1 = |θ| for the shift family and |s − 1|·√(2/π) for the scale family). \
            The largest relative deviation of the quadrature from a closed form over both families is \
            **%8$s**; JS and GAN have none.

            %9$s
            Local check: for small θ, D_f(N(θ,1)‖N(0,1)) − f(1) ≈ (f''(1)/2)·θ² (the Fisher \
            information of the location family is 1). The ratio (D_f − f(1))/(θ²/2) against f''(1) \
            from `FDivergence.secondDerivativeAtOne()`; at θ = %10$s the largest relative error is \
            **%11$s**. TV is the exception: its f has a kink at 1 (f''(1) = +∞), TV = 2Φ(θ/2) − 1 is \
            linear in θ, so the ratio grows like 2/(θ√(2π)); its slope TV/θ at θ = %10$s is %12$s \
            (1/√(2π) = 0.398942). Where the relative error falls about 100-fold from θ = 0.01 to \
            θ = 0.001 it is the O(θ²) next term of the expansion, not quadrature error; for KL, reverse \
            KL and Jeffrey the expansion is exact (D = θ²/2 and θ²) and what remains is rounding of the \
            input log p − log q.

            %13$s
            Data: [`shift.csv`](%6$sshift.csv), [`scale.csv`](%6$sscale.csv) (quadrature and closed \
            form per point, full precision, `Infinity` for +∞), [`local.csv`](%6$slocal.csv), \
            [`summary.json`](%6$ssummary.json).
            """;

    /** Writes shift.csv, scale.csv, local.csv and the two plots into dir; returns summary and section. */
    static Experiment.Outcome render(Experiment e, Result r, Path dir) {
        writeData(dir, r.shift(), r.scale(), r.local());
        writePlots(dir, r.shift(), r.scale());
        String headline = String.format(Locale.ROOT, HEADLINE, r.shift().names().size() - 1,
                r.shift().grid().length, r.scale().grid().length, Tables.number(r.worstDeviation()),
                r.mismatches(), Tables.number(r.thetaSmall()), Tables.number(r.worstLocal()));
        String closed = closedTable(r).markdown();
        String local = localTable(r).markdown();
        return new Experiment.Outcome(summary(e, r), headline, prefix -> String.format(Locale.ROOT,
                SECTION, e.title(), r.shift().grid().length, r.scale().grid().length,
                Tables.number(r.ganMin()), Tables.number(r.ganMax()), prefix, r.mismatches(),
                Tables.number(r.worstDeviation()), closed, Tables.number(r.thetaSmall()),
                Tables.number(r.worstLocal()), Tables.number(r.tvSlope()), local));
    }

    private static Tables closedTable(Result r) {
        Tables closedTable = new Tables("divergence", "max rel. deviation, shift",
                "max rel. deviation, scale", "+inf points (scale)", "+inf region (theory)", "matches theory");
        FamilyResult shift = r.shift();
        FamilyResult scale = r.scale();
        for (int k = 0; k < shift.names().size(); k++) {
            String n = shift.names().get(k);
            InfiniteRegion region = DivergenceLandscapeExperiment.scaleInfiniteRegion(n);
            double ds = shift.maxRelativeDeviation(k);
            double dc = scale.maxRelativeDeviation(k);
            closedTable.row(n, Double.isNaN(ds) ? "no closed form" : Tables.number(ds),
                    Double.isNaN(dc) ? "no closed form" : Tables.number(dc),
                    scale.infiniteCount(k) + "/" + scale.grid().length,
                    region == null ? "none" : region.text(),
                    DivergenceLandscapeExperiment.infinitiesMatchTheory(shift, k)
                            && DivergenceLandscapeExperiment.infinitiesMatchTheory(scale, k) ? "yes" : "no");
        }
        return closedTable;
    }

    private static Tables localTable(Result r) {
        double[] thetas = DivergenceLandscapeExperiment.LOCAL_THETAS;
        Tables localTable = new Tables("divergence", "f''(1)",
                "ratio at θ = " + Tables.number(thetas[0]), "rel. error",
                "ratio at θ = " + Tables.number(thetas[1]), "rel. error");
        for (LocalRow row : r.local()) {
            localTable.row(row.name(), row.secondDerivative(), row.ratios()[0],
                    cell(row.relativeErrors()[0]), row.ratios()[1], cell(row.relativeErrors()[1]));
        }
        return localTable;
    }

    private static ObjectNode summary(Experiment e, Result r) {
        ObjectNode summary = Json.object().put("experiment", e.name());
        ArrayNode families = summary.putArray("families");
        for (FamilyResult f : List.of(r.shift(), r.scale())) {
            ObjectNode o = families.addObject().put("family", f.family().label)
                    .put("parameter", f.family().parameter).put("points", f.grid().length);
            ObjectNode dev = o.putObject("max_relative_deviation_from_closed_form");
            ObjectNode inf = o.putObject("infinite_points");
            for (int k = 0; k < f.names().size(); k++) {
                SectionSupport.putIfNumber(dev, f.names().get(k), f.maxRelativeDeviation(k));
                inf.put(f.names().get(k), f.infiniteCount(k));
            }
        }
        Json.put(summary, "max_relative_deviation_from_closed_forms", r.worstDeviation());
        summary.put("infinity_mismatches", r.mismatches());
        ArrayNode localJson = summary.putArray("local_check");
        double[] thetas = DivergenceLandscapeExperiment.LOCAL_THETAS;
        for (LocalRow row : r.local()) {
            ObjectNode o = localJson.addObject().put("divergence", row.name());
            Json.put(o, "f2_at_1", row.secondDerivative());
            ArrayNode pts = o.putArray("points");
            for (int j = 0; j < thetas.length; j++) {
                ObjectNode pt = pts.addObject();
                Json.put(pt, "theta", thetas[j]);
                Json.put(pt, "ratio", row.ratios()[j]);
                SectionSupport.putIfNumber(pt, "relative_error", row.relativeErrors()[j]);
            }
        }
        Json.put(summary, "max_local_relative_error_at_smallest_theta", r.worstLocal());
        Json.put(summary, "tv_slope_at_smallest_theta", r.tvSlope());
        Json.put(summary, "gan_shift_min", r.ganMin());
        Json.put(summary, "gan_shift_max", r.ganMax());
        return summary;
    }

    private static void writeData(Path dir, FamilyResult shift, FamilyResult scale,
            List<LocalRow> local) {
        for (FamilyResult r : List.of(shift, scale)) {
            List<String> header = new ArrayList<>(List.of(r.family().parameter));
            header.addAll(r.names());
            r.names().forEach(n -> header.add(n + "_closed_form"));
            Tables t = new Tables(header.toArray(String[]::new));
            for (int i = 0; i < r.grid().length; i++) {
                List<Object> row = new ArrayList<>(List.of(Tables.exact(r.grid()[i])));
                for (double[] v : r.values()) {
                    row.add(Tables.exact(v[i]));
                }
                for (double[] c : r.closed()) {
                    row.add(Tables.exact(c[i]));
                }
                t.row(row.toArray());
            }
            AtomicFiles.writeString(dir.resolve(r.family().label + ".csv"), t.csv());
        }
        Tables t = new Tables("divergence", "f2_at_1", "theta", "ratio", "relative_error");
        for (LocalRow row : local) {
            for (int j = 0; j < DivergenceLandscapeExperiment.LOCAL_THETAS.length; j++) {
                t.row(row.name(), Tables.exact(row.secondDerivative()), Tables.exact(DivergenceLandscapeExperiment.LOCAL_THETAS[j]),
                        Tables.exact(row.ratios()[j]), Tables.exact(row.relativeErrors()[j]));
            }
        }
        AtomicFiles.writeString(dir.resolve("local.csv"), t.csv());
    }

    /** Legend name of row k: the name, "+ log 4" for GAN (shifted to be positive on a log axis),
     *  and the +∞ region where there is one. */
    static String seriesName(FamilyResult r, int k) {
        String n = r.names().get(k);
        if (n.equals("gan")) {
            n = "gan + log 4 (= 2 JSD; gan itself is <= 0)";
        }
        InfiniteRegion region = r.family() == Family.SCALE ? DivergenceLandscapeExperiment.scaleInfiniteRegion(r.names().get(k)) : null;
        if (region != null && r.infiniteCount(k) > 0) {
            n += ": " + region.text();
        }
        return n;
    }

    private static void writePlots(Path dir, FamilyResult shift, FamilyResult scale) {
        for (FamilyResult r : List.of(shift, scale)) {
            List<Plots.Series> series = new ArrayList<>();
            List<Plots.VerticalLine> lines = new ArrayList<>();
            int w1 = r.names().indexOf(Discrepancy.W1.NAME);
            for (int k = 0; k < r.names().size(); k++) {
                double[] y = r.values()[k].clone();
                if (r.names().get(k).equals("gan")) {
                    for (int i = 0; i < y.length; i++) {
                        y[i] += Math.log(4);
                    }
                }
                series.add(new Plots.Series(seriesName(r, k), r.grid(), y,
                        k == w1 ? Plots.Style.DASHED : Plots.Style.LINE));
            }
            // the last finite point before each +∞ region, marked in its curve's colour (curve k is series k)
            for (int k = 0; k < r.names().size(); k++) {
                if (r.infiniteCount(k) == 0) {
                    continue;
                }
                InfiniteRegion region = DivergenceLandscapeExperiment.scaleInfiniteRegion(r.names().get(k));
                int edge = DivergenceLandscapeExperiment.lastFiniteBeforeInfinity(r.values()[k]);
                if (edge >= 0) {
                    series.add(new Plots.Series(r.names().get(k) + " -> +inf",
                            new double[] {r.grid()[edge]}, new double[] {r.values()[k][edge]},
                            Plots.Style.MARKERS, Plots.colour(k)));   // the colour of curve k
                }
                if (region != null && lines.stream().noneMatch(l -> l.x() == region.boundary())) {
                    lines.add(new Plots.VerticalLine(region.boundary(),
                            region.above() ? "s = sqrt 2" : "s = 1/sqrt 2"));
                }
            }
            boolean isShift = r.family() == Family.SHIFT;
            String title = isShift
                    ? "Shift family: D(N(theta,1) || N(0,1)) and W1 (log scale; 0 at theta = 0 not drawn)"
                    : "Scale family: D(N(0,s^2) || N(0,1)) and W1; Pearson, alpha:2 = +inf for s >= sqrt 2, "
                            + "Neyman = +inf for s <= 1/sqrt 2";
            Plots.xy(dir.resolve(r.family().label + ".png"), title,
                    isShift ? "theta" : "s (log scale)", "divergence [nats], W1 [units of x]", series,
                    1200, 700, new Plots.Options(!isShift, true, true, lines, List.of()));
        }
    }

    private static String cell(double v) {
        return Double.isNaN(v) ? "n/a (kink)" : Tables.number(v);
    }
}
