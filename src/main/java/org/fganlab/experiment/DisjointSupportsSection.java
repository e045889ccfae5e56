package org.fganlab.experiment;

import static org.fganlab.experiment.DisjointSupportsExperiment.BATCH;
import static org.fganlab.experiment.DisjointSupportsExperiment.CLIP;
import static org.fganlab.experiment.DisjointSupportsExperiment.EVAL_POINTS;
import static org.fganlab.experiment.DisjointSupportsExperiment.EVERY;
import static org.fganlab.experiment.DisjointSupportsExperiment.LEARNING_RATE;
import static org.fganlab.experiment.DisjointSupportsExperiment.LOG2;
import static org.fganlab.experiment.DisjointSupportsExperiment.SEEDS;
import static org.fganlab.experiment.DisjointSupportsExperiment.SEGMENT_POINTS;
import static org.fganlab.experiment.DisjointSupportsExperiment.THETA_MAX;
import static org.fganlab.experiment.DisjointSupportsExperiment.THETA_TRAIN;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.fganlab.experiment.DisjointSupportsExperiment.Band;
import org.fganlab.experiment.DisjointSupportsExperiment.CriticRun;
import org.fganlab.experiment.DisjointSupportsExperiment.Line;
import org.fganlab.experiment.DisjointSupportsExperiment.Result;
import org.fganlab.experiment.DisjointSupportsExperiment.SegmentCheck;
import org.fganlab.experiment.DisjointSupportsExperiment.Segments;
import org.fganlab.report.AtomicFiles;
import org.fganlab.report.Json;
import org.fganlab.report.Plots;
import org.fganlab.report.Tables;

/** Renders a {@link DisjointSupportsExperiment.Result}: CSV, JSON summary, plots, Markdown. */
final class DisjointSupportsSection {

    private DisjointSupportsSection() {
    }

    private static final String HEADLINE = "1-D uniforms and WGAN Example 1 segments: JSD = log 2, "
            + "TV = 1, KL = +∞ for θ ≠ 0, W1 = |θ| (max deviation %s); trained critics at θ = %s (%d "
            + "seeds, %d steps): JS generator gradient %s → %s, Wasserstein %s (bound %s)";

    /**
     * Arguments: 1 title, 2 points, 3 1-D deviation, 4 1-D table, 5 KL statement, 6 segment
     * points, 7 exact brackets, 8 widest bracket, 9 2-D deviation, 10 prefix, 11 θ, 12 learning
     * rate, 13 batch, 14 iterations, 15 seeds, 16 every, 17 evaluation points, 18 clip, 19 JS
     * drop, 20 Wasserstein over bound, 21 critic table.
     */
    private static final String SECTION = """
            ## disjoint-supports: %1$s

            **1-D analogue.** P = U[0, 1], Q_θ = U[θ, θ + 1] on %2$d points θ ∈ [−3, 3], every value \
            by quadrature (`ExactDivergence`). On the overlap p = q; P has mass min(|θ|, 1) where \
            q = 0 and Q as much where p = 0, so JSD = min(|θ|, 1)·log 2, TV = min(|θ|, 1) and KL = +∞ \
            for every θ ≠ 0 (already while the supports overlap: P puts mass where q = 0), while \
            W1 = |θ| (the translation is an optimal coupling). Once |θ| ≥ 1 the supports are \
            disjoint and JSD, TV, KL no longer depend on θ. Largest absolute deviation from these \
            closed forms: **%3$s** (the +∞ of KL included: a finite value there would count as +∞).

            %4$s
            **WGAN Example 1.** P = law of (0, Z), Q_θ = law of (θ, Z), Z ~ U[0, 1] in R². Both \
            share the conditional law of y given x, so dP/dQ_θ depends on x alone and every \
            f-divergence equals that of the x-marginals δ_0 and δ_θ, computed as two-point \
            distributions by `DiscreteDivergences`: JSD = log 2, TV = 1 and KL = +∞ for θ ≠ 0 (%5$s). \
            W1: the projection (x, y) ↦ x is 1-Lipschitz, so W1 ≥ W1(δ_0, δ_θ) = |θ|, and the \
            coupling (0, z) ↦ (θ, z) costs |θ|, hence W1 = |θ|. The code checks this twice: the \
            histogram W1 of the x-marginals, and `PointSetWasserstein`, a certified bracket (lower: \
            the largest coordinate-wise 1-D W1; upper: the cost of an axis-sorted matching) on %6$d \
            midpoints per segment, which is exact on %7$d/%2$d grid points (widest bracket %8$s). \
            Largest deviation of JSD, TV and W1 from log 2, 1 and |θ|: **%9$s**.

            ![values](%10$svalues.png)

            **Critics on the segments.** The generator is held at θ = %11$s (disjoint from P) and a \
            critic V (MLP 2-64-64-1, tanh; Adam, step %12$s; batches of %13$d from P and from Q_θ) \
            is trained from its seeded initialisation for %14$d steps, %15$d seeds. Every %16$d \
            steps the generator gradient of the minimax loss L_G(θ) = −E_z[b(V(θ, z))] is measured, \
            ∂L_G/∂θ = −E_z[b'(V)·∂V/∂x₁] (∂G/∂θ = (1, 0); ∂V/∂x by backpropagation to the input; \
            E_z over %17$d midpoints), (a) for the JS f-GAN critic, b = f*∘g_f, and (b) for the \
            Wasserstein critic, b = identity, weights clipped to ±%18$s after every step (and at \
            initialisation). As the JS critic separates the supports, F → JSD = log 2 and b'(V) → 0 \
            on Q_θ: the gradient falls by a factor %19$s (Arjovsky & Bottou 2017, Thm 2.4 and \
            Fig. 2). The Wasserstein critic's slope grows to the largest a clipped network allows, \
            c³·64·64 (three weights ≤ c on each of the 64·64 paths from x₁ to the output, \
            tanh' ≤ 1): its final gradient is %20$s of that bound, and F ≈ c³·64·64·W1, a scaled W1 \
            that keeps pointing the generator towards P.

            %21$s
            ![gradient](%10$sgradient.png)

            Data: [`uniforms-1d.csv`](%10$suniforms-1d.csv), [`segments-2d.csv`](%10$ssegments-2d.csv), \
            [`critic.csv`](%10$scritic.csv) (every measurement of every run), \
            [`summary.json`](%10$ssummary.json).
            """;

    /** Writes the three CSV files and two plots into dir; returns summary and section. */
    static Experiment.Outcome render(Experiment e, Result r, Path dir) {
        Band js = Band.of(r.js());
        Band w = Band.of(r.wasserstein());
        writeData(dir, r.line(), r.segments(), concat(r.js(), r.wasserstein()));
        writePlots(dir, r.line(), r.segments(), js, w, r.js().size());
        SegmentCheck check = r.segments().check();
        String headline = String.format(Locale.ROOT, HEADLINE,
                Tables.number(Math.max(r.worst1d(), check.maxDeviation())), Tables.number(THETA_TRAIN),
                SEEDS, r.iterations(), Tables.number(js.geomean()[0]), Tables.number(js.geomean()[js.last()]),
                Tables.number(w.geomean()[w.last()]), Tables.number(r.bound()));
        String lineTable = lineTable(r.line()).markdown();
        String criticTable = criticTable(r, js, w).markdown();
        int points = r.line().theta().length;
        return new Experiment.Outcome(summary(e, r, check, js, w), headline, prefix -> String.format(
                Locale.ROOT, SECTION, e.title(), points, Tables.number(r.worst1d()), lineTable,
                check.klInfinite() ? "KL is +∞ at every θ ≠ 0 of the grid" : "KL NOT +∞ everywhere",
                SEGMENT_POINTS, check.exactBrackets(), Tables.number(check.widestBracket()),
                Tables.number(check.maxDeviation()), prefix, Tables.number(THETA_TRAIN),
                Tables.number(LEARNING_RATE), BATCH, r.iterations(), SEEDS, EVERY, EVAL_POINTS,
                Tables.number(CLIP), Tables.number(js.geomean()[0] / js.geomean()[js.last()]),
                Tables.number(w.geomean()[w.last()] / r.bound()), criticTable));
    }

    private static Tables criticTable(Result r, Band js, Band w) {
        int last = js.last();
        Tables table = new Tables("critic", "gradient ∂L_G/∂θ (abs.) at step 0", "at step " + r.iterations()
                + " (geo. mean)", "range over seeds at step " + r.iterations(), "final F", "reference");
        table.row("JS f-GAN (minimax)", js.geomean()[0], js.geomean()[last],
                Tables.number(js.min()[last]) + " … " + Tables.number(js.max()[last]),
                Result.finalObjective(r.js()), "JSD = log 2 = " + Tables.number(LOG2));
        table.row("Wasserstein (clip " + Tables.number(CLIP) + ")", w.geomean()[0], w.geomean()[last],
                Tables.number(w.min()[last]) + " … " + Tables.number(w.max()[last]),
                Result.finalObjective(r.wasserstein()), "c³·64·64·θ = " + Tables.number(r.bound() * Math.abs(THETA_TRAIN)));
        return table;
    }

    private static ObjectNode summary(Experiment e, Result r, SegmentCheck check, Band js, Band w) {
        ObjectNode summary = Json.object().put("experiment", e.name()).put("points", r.line().theta().length);
        ObjectNode dev = summary.putObject("uniforms_1d_max_abs_deviation_from_closed_form");
        for (int k = 0; k < Line.NAMES.size(); k++) {
            Json.put(dev, Line.NAMES.get(k), r.line().maxDeviation(k));
        }
        ObjectNode s2 = summary.putObject("segments_2d");
        Json.put(s2, "max_abs_deviation_js_tv_w1", check.maxDeviation());
        s2.put("kl_infinite_for_every_nonzero_theta", check.klInfinite());
        Json.put(s2, "widest_w1_bracket", check.widestBracket());
        s2.put("exact_w1_brackets", check.exactBrackets()).put("segment_points", SEGMENT_POINTS);
        int last = js.last();
        ObjectNode tr = summary.putObject("critic_training");
        tr.put("theta", THETA_TRAIN).put("iterations", r.iterations()).put("seeds", SEEDS)
                .put("batch", BATCH).put("eval_points", EVAL_POINTS);
        Json.put(tr, "learning_rate", LEARNING_RATE);
        Json.put(tr, "clip", CLIP);
        Json.put(tr, "clipped_slope_bound", r.bound());
        Json.put(tr, "js_gradient_start_geomean", js.geomean()[0]);
        Json.put(tr, "js_gradient_end_geomean", js.geomean()[last]);
        Json.put(tr, "js_gradient_end_max", js.max()[last]);
        Json.put(tr, "js_final_objective_mean", Result.finalObjective(r.js()));
        Json.put(tr, "wasserstein_gradient_start_geomean", w.geomean()[0]);
        Json.put(tr, "wasserstein_gradient_end_geomean", w.geomean()[last]);
        Json.put(tr, "wasserstein_gradient_end_min", w.min()[last]);
        Json.put(tr, "wasserstein_final_objective_mean", Result.finalObjective(r.wasserstein()));
        ArrayNode runsJson = tr.putArray("runs");
        for (CriticRun run : concat(r.js(), r.wasserstein())) {
            ObjectNode o = runsJson.addObject().put("objective", run.objective()).put("seed", run.seed());
            Json.put(o, "gradient_start", run.trace().gradient()[0]);
            Json.put(o, "gradient_end", run.trace().gradient()[last]);
            Json.put(o, "objective_end", run.trace().estimate()[last]);
        }
        return summary;
    }

    /** Geometric mean (line) and min/max (dashed) of |gradient| across seeds. */
    private static void addBand(List<Plots.Series> out, String name, Band band) {
        out.add(new Plots.Series(name + " (geometric mean)", band.steps(), band.geomean(), Plots.Style.LINE));
        out.add(new Plots.Series(name + " (min)", band.steps(), band.min(), Plots.Style.DASHED));
        out.add(new Plots.Series(name + " (max)", band.steps(), band.max(), Plots.Style.DASHED));
    }

    private static void writeData(Path dir, Line line, Segments seg, List<CriticRun> runs) {
        Tables t = new Tables("theta", "kl", "js", "tv", "w1", "kl_closed_form", "js_closed_form",
                "tv_closed_form", "w1_closed_form");
        for (int i = 0; i < line.theta().length; i++) {
            List<Object> row = new ArrayList<>(List.of(Tables.exact(line.theta()[i])));
            for (double[] v : line.values()) {
                row.add(Tables.exact(v[i]));
            }
            for (double[] c : line.closed()) {
                row.add(Tables.exact(c[i]));
            }
            t.row(row.toArray());
        }
        AtomicFiles.writeString(dir.resolve("uniforms-1d.csv"), t.csv());
        Tables s = new Tables("theta", "kl", "js", "tv", "w1_x_marginals", "w1_lower", "w1_upper");
        for (int i = 0; i < seg.theta().length; i++) {
            s.row(Tables.exact(seg.theta()[i]), Tables.exact(seg.kl()[i]), Tables.exact(seg.js()[i]),
                    Tables.exact(seg.tv()[i]), Tables.exact(seg.w1Marginal()[i]),
                    Tables.exact(seg.w1Lower()[i]), Tables.exact(seg.w1Upper()[i]));
        }
        AtomicFiles.writeString(dir.resolve("segments-2d.csv"), s.csv());
        Tables c = new Tables("objective", "seed", "critic_step", "generator_gradient", "critic_objective");
        for (CriticRun r : runs) {
            SegmentCritic.Trace tr = r.trace();
            for (int i = 0; i < tr.steps().length; i++) {
                c.row(r.objective(), r.seed(), tr.steps()[i], Tables.exact(tr.gradient()[i]),
                        Tables.exact(tr.estimate()[i]));
            }
        }
        AtomicFiles.writeString(dir.resolve("critic.csv"), c.csv());
    }

    private static void writePlots(Path dir, Line line, Segments seg, Band js, Band w, int seeds) {
        double[] th = line.theta();
        int stride = Math.max(1, th.length / 24);
        int m = (th.length + stride - 1) / stride;
        double[] sx = new double[m];
        double[] sjs = new double[m];
        double[] stv = new double[m];
        double[] sw1 = new double[m];
        for (int i = 0, j = 0; i < th.length; i += stride, j++) {
            sx[j] = th[i];
            sjs[j] = seg.js()[i];
            stv[j] = seg.tv()[i];
            sw1[j] = 0.5 * (seg.w1Lower()[i] + seg.w1Upper()[i]);
        }
        Plots.xy(dir.resolve("values.png"),
                "P = U[0,1] vs Q = U[theta,theta+1] (lines) and WGAN Example 1 segments (markers)",
                "theta", "nats (JSD), probability (TV), units of x (W1)",
                List.of(new Plots.Series("JSD, 1-D", th, line.values()[1], Plots.Style.LINE),
                        new Plots.Series("TV, 1-D", th, line.values()[2], Plots.Style.LINE),
                        new Plots.Series("W1, 1-D", th, line.values()[3], Plots.Style.LINE),
                        new Plots.Series("JSD, 2-D segments", sx, sjs, Plots.Style.MARKERS),
                        new Plots.Series("TV, 2-D segments", sx, stv, Plots.Style.MARKERS),
                        new Plots.Series("W1, 2-D segments", sx, sw1, Plots.Style.MARKERS),
                        new Plots.Series("log 2", new double[] {-THETA_MAX, THETA_MAX},
                                new double[] {LOG2, LOG2}, Plots.Style.DASHED)),
                1000, 600, new Plots.Options(false, false, true, List.of(),
                        List.of(new Plots.Note("KL = +inf for every theta != 0 (not drawn; 0 at theta = 0)",
                                0, 2.6))));
        List<Plots.Series> series = new ArrayList<>();
        addBand(series, "JS f-GAN, minimax", js);
        addBand(series, "Wasserstein, clip " + Tables.number(CLIP), w);
        double[] x = js.steps();
        double[] bound = new double[x.length];
        Arrays.fill(bound, SegmentCritic.clippedSlopeBound(CLIP));
        series.add(new Plots.Series("bound c^3*64*64 on the clipped critic's slope", x, bound,
                Plots.Style.DASHED));
        Plots.xy(dir.resolve("gradient.png"),
                "|dL_G/dtheta| at theta = " + Tables.number(THETA_TRAIN) + " while the critic trains ("
                        + seeds + " seeds: geometric mean, min and max)",
                "critic step", "|generator gradient| (log scale)", series, 1000, 600,
                new Plots.Options(false, true, true, List.of(), List.of()));
    }

    /** A few rows of the 1-D analogue: overlapping, touching and disjoint θ. */
    private static Tables lineTable(Line line) {
        Tables t = new Tables("θ", "KL", "JSD", "TV", "W1", "JSD closed form", "TV closed form");
        for (double want : new double[] {0, 0.25, 0.5, 1, 1.5, 3, -2}) {
            for (int i = 0; i < line.theta().length; i++) {
                if (line.theta()[i] == want) {
                    t.row(want, line.values()[0][i], line.values()[1][i], line.values()[2][i],
                            line.values()[3][i], line.closed()[1][i], line.closed()[2][i]);
                }
            }
        }
        return t;
    }

    static List<CriticRun> concat(List<CriticRun> a, List<CriticRun> b) {
        List<CriticRun> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
