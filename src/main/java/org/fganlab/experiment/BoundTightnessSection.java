package org.fganlab.experiment;

import static org.fganlab.experiment.BoundTightnessExperiment.BATCH;
import static org.fganlab.experiment.BoundTightnessExperiment.CRITIC_HIDDEN;
import static org.fganlab.experiment.BoundTightnessExperiment.DIVERGENCES;
import static org.fganlab.experiment.BoundTightnessExperiment.EVAL_BATCH;
import static org.fganlab.experiment.BoundTightnessExperiment.LEARNING_RATE;
import static org.fganlab.experiment.BoundTightnessExperiment.SCHEDULES;
import static org.fganlab.experiment.BoundTightnessExperiment.scheduleName;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.fganlab.experiment.BoundTightnessExperiment.Cell;
import org.fganlab.experiment.BoundTightnessExperiment.GapCurve;
import org.fganlab.experiment.BoundTightnessExperiment.LogPoint;
import org.fganlab.experiment.BoundTightnessExperiment.Result;
import org.fganlab.experiment.BoundTightnessExperiment.Run;
import org.fganlab.report.AtomicFiles;
import org.fganlab.report.Json;
import org.fganlab.report.Plots;
import org.fganlab.report.Tables;

/** Renders a {@link BoundTightnessExperiment.Result}: CSV, JSON summary, plots, Markdown. */
final class BoundTightnessSection {

    private BoundTightnessSection() {
    }

    private static final String HEADLINE = "final gap D_f − F with k = 1 → %d critic steps: %s; %d/%d "
            + "gaps negative, %d beyond 3 standard errors";

    /** Arguments: largest stale increase, its comparison, smallest final gap, positive rows, rows. */
    private static final String STALE = "Stale critic: the largest stale increase in absolute value "
            + "is %s nats, %s the smallest final gap, %s nats; it is positive in %d of %d rows. At the "
            + "optimal critic the envelope theorem gives ∇θ F(ω*, θ) = ∇θ D_f(P‖Q_θ), so a generator "
            + "step changes F and D_f alike to first order: the stale increase is of the order of "
            + "(critic error) × (step) plus (step)², and Adam's step 0.01 moves θ little per generator "
            + "step.";

    /**
     * Arguments: 1 title, 2 target, 3 and 4 critic widths, 5 batch, 6 learning rate, 7 steps,
     * 8 seeds, 9 log interval, 10 evaluation batch, 11 table, 12 violations, 13 largest k,
     * 14 trend, 15 gap plots, 16 prefix, 17 stale text.
     */
    private static final String SECTION = """
            ## bound-tightness: %1$s

            The f-GAN critic maximises F(ω, θ) = E_P[g_f(V_ω)] − E_Q[f*(g_f(V_ω))] ≤ D_f(P‖Q_θ) \
            (Nowozin et al. 2016, eq. 4–6), tight only at T* = f'(p/q). Training uses two \
            approximations: the critic takes finitely many steps per generator step, and after the \
            generator step it is stale. Setup: P = `%2$s`, Q_θ = μ + σz from N(0, 1); critic MLP \
            1-%3$d-%4$d-1 (tanh), T = g_f(V); minimax loss; batches of %5$d; Adam (step %6$s, \
            β1 = 0.5); %7$d generator steps for every schedule (so k critic steps per generator step \
            cost k times the critic updates); %8$d seed(s). Every %9$d steps, with the critic ω_s \
            just trained: F(ω_s, θ_{s−1}) (fresh critic, before the generator step) and F(ω_s, θ_s) \
            (stale critic, after it), both on the same %10$d fresh samples of P and of z, beside the \
            exact D_f(P‖Q_θ) by quadrature. Gap = D_f − F; "final" = mean over the last quarter of \
            the logged points and the seeds; "stale increase" = mean of gap after − gap before over \
            the same points.

            %11$s
            The bound holds for the expectation F; the estimate on %10$d samples carries Monte Carlo \
            error, so a gap can be negative without violating it: %12$s. Pearson χ²(P‖Q_θ) is +∞ \
            while 2σ² ≤ 1.415² (the wide component of P has heavier tails than Q), which includes \
            the start σ = 1, and enormous just above; such points (+∞ ones are counted in the last \
            column and left out) dominate early Pearson gaps, which is why the means use only the \
            last quarter of training.

            Final gap with k = 1 → %13$d critic steps: %14$s.

            Gap against training step, one plot per divergence (log scale; seed-mean gaps ≤ 0, from \
            sampling noise, are not drawn):

            %15$sThe final gap against k (the single-step rows of the table are the reference: one \
            joint update per step, like alternating:1):

            ![final gap](%16$sfinal-gap.png)

            %17$s

            ![stale critic](%16$sstale-critic.png)

            Data: [`history.csv`](%16$shistory.csv) (every logged point of every run), \
            [`summary.json`](%16$ssummary.json).
            """;

    /** Writes history.csv and the plots into dir; returns summary and section. */
    static Experiment.Outcome render(Experiment e, Result r, Path dir) {
        writeData(dir, r.runs());
        writePlots(dir, r);
        String trend = DIVERGENCES.stream().map(name -> String.format(Locale.ROOT, "%s %s → %s", name,
                Tables.number(r.find(name, 1).finalGapBefore()),
                Tables.number(r.find(name, r.largestK()).finalGapBefore()))).collect(Collectors.joining("; "));
        String headline = String.format(Locale.ROOT, HEADLINE, r.largestK(), trend, r.negative(),
                r.points(), r.significantlyNegative());
        String violations = r.negative() + " of " + r.points() + " logged gaps are negative and "
                + r.significantlyNegative() + " lie more than 3 standard errors of F below 0";
        String stale = String.format(Locale.ROOT, STALE, Tables.number(r.maxStale()),
                r.maxStale() < r.minGap() ? "smaller than" : "not smaller than", Tables.number(r.minGap()),
                r.positiveStale(), r.cells().size());
        String table = table(r).markdown();
        return new Experiment.Outcome(summary(e, r), headline, prefix -> String.format(Locale.ROOT,
                SECTION, e.title(), GaussianFitExperiment.TARGET, CRITIC_HIDDEN[0], CRITIC_HIDDEN[1],
                BATCH, String.valueOf(LEARNING_RATE), r.steps(), r.seeds(), r.every(), EVAL_BATCH, table,
                violations, r.largestK(), trend, DIVERGENCES.stream().map(name -> "![gap " + name + "]("
                        + prefix + "gap-" + name + ".png)\n\n").collect(Collectors.joining()),
                prefix, stale));
    }

    private static Tables table(Result r) {
        Tables table = new Tables("divergence", "schedule", "final gap, fresh critic",
                "final gap, stale critic", "stale increase", "final D_f(P‖Q_θ)",
                "gaps < 0", "gaps < −3 s.e.", "D_f = +∞ (left out)");
        for (Cell c : r.cells()) {
            table.row(c.f().name(), scheduleName(c.criticSteps()), c.finalGapBefore(),
                    c.finalGapAfter(), c.staleIncrease(), c.finalExact(),
                    c.negative() + "/" + c.points(), c.significantlyNegative(), c.infinite());
        }
        return table;
    }

    private static ObjectNode summary(Experiment e, Result r) {
        ObjectNode summary = Json.object().put("experiment", e.name())
                .put("target", GaussianFitExperiment.TARGET).put("steps", r.steps())
                .put("log_every", r.every()).put("seeds", r.seeds()).put("batch", BATCH)
                .put("eval_batch", EVAL_BATCH).put("violation_threshold_standard_errors", 3);
        ArrayNode ks = summary.putArray("critic_steps");
        IntStream.of(SCHEDULES).forEach(ks::add);
        ArrayNode arr = summary.putArray("cells");
        for (Cell c : r.cells()) {
            ObjectNode o = arr.addObject().put("divergence", c.f().name())
                    .put("schedule", scheduleName(c.criticSteps()));
            SectionSupport.putIfNumber(o, "final_gap_before", c.finalGapBefore());
            SectionSupport.putIfNumber(o, "final_gap_after", c.finalGapAfter());
            SectionSupport.putIfNumber(o, "stale_increase", c.staleIncrease());
            SectionSupport.putIfNumber(o, "final_exact", c.finalExact());
            o.put("negative_gaps", c.negative()).put("significantly_negative_gaps",
                    c.significantlyNegative()).put("infinite_exact", c.infinite())
                    .put("points", c.points());
        }
        summary.put("negative_gaps", r.negative()).put("significantly_negative_gaps",
                r.significantlyNegative()).put("points", r.points());
        ObjectNode ratios = summary.putObject("final_gap_k1_over_k25");
        for (String name : DIVERGENCES) {
            SectionSupport.putIfNumber(ratios, name, r.finalGapRatio(name));
        }
        SectionSupport.putIfNumber(summary, "max_abs_stale_increase", r.maxStale());
        SectionSupport.putIfNumber(summary, "min_final_gap_before", r.minGap());
        summary.put("cells_with_positive_stale_increase", r.positiveStale());
        return summary;
    }

    private static void writeData(Path dir, List<Run> runs) {
        Tables t = new Tables("divergence", "schedule", "seed", "step", "mu", "sigma",
                "batch_estimate", "exact_before", "estimate_before", "se_before", "exact_after",
                "estimate_after", "se_after", "gap_before", "gap_after");
        for (Run r : runs) {
            for (LogPoint pt : r.log()) {
                t.row(r.f().name(), scheduleName(r.criticSteps()), r.seed(), pt.step(),
                        Tables.exact(pt.mu()), Tables.exact(pt.sigma()),
                        Tables.exact(pt.batchEstimate()), Tables.exact(pt.exactBefore()),
                        Tables.exact(pt.estimateBefore().value()),
                        Tables.exact(pt.estimateBefore().standardError()),
                        Tables.exact(pt.exactAfter()), Tables.exact(pt.estimateAfter().value()),
                        Tables.exact(pt.estimateAfter().standardError()),
                        Tables.exact(pt.gapBefore()), Tables.exact(pt.gapAfter()));
            }
        }
        AtomicFiles.writeString(dir.resolve("history.csv"), t.csv());
    }

    private static void writePlots(Path dir, Result r) {
        for (String name : DIVERGENCES) {
            List<Plots.Series> series = new ArrayList<>();
            for (int k : SCHEDULES) {
                GapCurve curve = r.curve(name, k);
                series.add(new Plots.Series(scheduleName(k), curve.steps(), curve.gap(),
                        k == 0 ? Plots.Style.DASHED : Plots.Style.LINE));
            }
            Plots.xy(dir.resolve("gap-" + name + ".png"),
                    name + ": D_f(P||Q_theta) - F(omega, theta) with the freshly trained critic"
                            + " (seed mean)", "generator step", "gap (nats, log scale)", series,
                    900, 550, SectionSupport.axes(false, true));
        }
        List<Plots.Series> finalGap = new ArrayList<>();
        List<Plots.Series> stale = new ArrayList<>();
        double[] ks = IntStream.of(SCHEDULES).filter(k -> k > 0).asDoubleStream().toArray();
        for (String name : DIVERGENCES) {
            List<Cell> alt = r.cells().stream()
                    .filter(c -> c.f().name().equals(name) && c.criticSteps() > 0).toList();
            finalGap.add(new Plots.Series(name, ks,
                    alt.stream().mapToDouble(Cell::finalGapBefore).toArray(), Plots.Style.LINE));
            stale.add(new Plots.Series(name, ks,
                    alt.stream().mapToDouble(Cell::staleIncrease).toArray(), Plots.Style.LINE));
        }
        Plots.xy(dir.resolve("final-gap.png"),
                "Final gap D_f - F (last quarter of training, seed mean) against critic steps k",
                "critic steps per generator step k", "gap (nats, log scale)", finalGap, 800, 500,
                SectionSupport.axes(true, true));
        Plots.xy(dir.resolve("stale-critic.png"),
                "Stale critic: gap after the generator step minus gap before it (last quarter, seed mean)",
                "critic steps per generator step k", "increase of the gap (nats)", stale, 800, 500,
                SectionSupport.axes(true, false));
    }
}
