package org.fganlab.experiment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fganlab.density.Density;
import org.fganlab.density.DensitySpec;
import org.fganlab.density.Normal;
import org.fganlab.divergence.FDivergence;
import org.fganlab.experiment.GaussianFitExperiment.OffDiagonal;
import org.fganlab.experiment.GaussianFitExperiment.Result;
import org.fganlab.experiment.GaussianFitExperiment.Row;
import org.fganlab.gan.HistoryPoint;
import org.fganlab.gan.TrainingResult;
import org.fganlab.report.AtomicFiles;
import org.fganlab.report.Json;
import org.fganlab.report.Plots;
import org.fganlab.report.Tables;

/** Renders a {@link GaussianFitExperiment.Result}: CSV, JSON summary, plots, Markdown. */
final class GaussianFitSection {

    private GaussianFitSection() {
    }

    private static final String HEADLINE = "%d divergences × %d seed(s) × %d steps: max |trained − exact "
            + "optimum| for kl, reverse-kl, js = %s; cross-table minimum on the diagonal in %d/%d columns";

    /** Arguments: title, target, steps, seeds, table, convergence text, cross table, off-diagonal text, prefix. */
    private static final String SECTION = """
            ## gaussian-fit: %1$s

            Target P = `%2$s`; model Q_θ = μ + σz; critic V: MLP 1-64-64-1 (tanh), T = g_f(V); \
            single-step gradient (f-GAN Algorithm 1); batches of 1,024 from P and Q; Adam (step 0.01, \
            β1 = 0.5, β2 = 0.999); %3$d steps; %4$d seed(s). The exact optimum (μ*, σ*) minimises \
            D_f(P‖N(μ,σ²)) by quadrature; μ̂, σ̂ are the trained model, the mean of the generator's \
            iterates over the last tenth of the steps (Polyak–Ruppert averaging: with a constant step \
            the iterates jitter around the optimum), F̂ the variational estimate (mean of the batch \
            estimates over the same steps) and D_f(P‖Q_θ̂) the exact divergence of N(μ̂, σ̂²).

            %5$s
            %6$s

            ![fits](%9$sfits.png)

            ![gap](%9$straining-gap.png)

            Cross table: D_g(P‖Q_θ̂_f), the exact divergence g (column) of the model trained with f \
            (row, seed-mean parameters). A model trained with f should be best under f, so each column \
            should have its minimum on the diagonal.

            %7$s
            %8$s

            Per-divergence training curves: `training-<divergence>.png`. Data: [`runs.csv`](%9$sruns.csv), \
            [`history.csv`](%9$shistory.csv), [`cross.csv`](%9$scross.csv), [`summary.json`](%9$ssummary.json).
            """;

    private static final String TV_NOTE = " TV does not train: its critic T = ½ tanh V saturates at ±½"
            + " on both batches, F̂ collapses to 0 and the generator gradient ∂T/∂x vanishes.";

    private static final String PEARSON_NOTE = " Pearson χ² (and α = 2, the same optimum) lands with σ̂"
            + " about two seed deviations above σ*: its f*(t) = t²/4 + t weights large critic values"
            + " quadratically, so the batch estimate of E_Q[f*(T)] is the noisiest of the table.";

    /** Writes runs.csv, history.csv, cross.csv and the plots into dir; returns summary and section. */
    static Experiment.Outcome render(Experiment e, Result r, Path dir) {
        Density p = DensitySpec.parse(GaussianFitExperiment.TARGET);
        writeData(dir, r.rows(), r.cross());
        writePlots(dir, p, r.rows());
        List<String> offDiagonal = offDiagonalTexts(r);
        String headline = String.format(Locale.ROOT, HEADLINE, r.rows().size(), r.seeds(), r.steps(),
                Tables.number(r.worstGaussianError()), r.rows().size() - offDiagonal.size(), r.rows().size());
        String offText = offDiagonal.isEmpty() ? "Every column has its minimum on the diagonal."
                : "Columns whose minimum is off the diagonal: " + String.join("; ", offDiagonal) + ".";
        String table = table(r).markdown();
        String cross = crossTable(r).markdown();
        String convergence = convergenceText(r.notConverged());
        return new Experiment.Outcome(summary(e, r, offDiagonal), headline, prefix -> String.format(
                Locale.ROOT, SECTION, e.title(), GaussianFitExperiment.TARGET, r.steps(), r.seeds(),
                table, convergence, cross, offText, prefix));
    }

    private static String convergenceText(List<String> notConverged) {
        if (notConverged.isEmpty()) {
            return "Every divergence trained to within 0.05 of its exact optimum.";
        }
        return "Not within 0.05 of the exact optimum: " + String.join(", ", notConverged) + "."
                + (notConverged.contains("tv") ? TV_NOTE : "")
                + (notConverged.contains("pearson") || notConverged.contains("alpha:2") ? PEARSON_NOTE : "");
    }

    /** "column (minimum under row, by gap nats: reason)" for each off-diagonal column. */
    private static List<String> offDiagonalTexts(Result r) {
        List<String> notConverged = r.notConverged();
        List<String> out = new ArrayList<>();
        for (OffDiagonal o : r.offDiagonal()) {
            String column = r.rows().get(o.column()).f().name();
            String reason = o.sameOptimum() ? "both have the same exact optimum, so the gap is training noise"
                    : notConverged.contains(column) ? "the model trained with " + column + " did not converge"
                    : "training noise: the gap is within the seed spread of the trained parameters";
            out.add(String.format(Locale.ROOT, "%s (minimum under %s, by %s nats: %s)", column,
                    r.rows().get(o.argmin()).f().name(), Tables.number(o.gap()), reason));
        }
        return out;
    }

    private static Tables table(Result r) {
        Tables table = new Tables("divergence", "μ*", "σ*", "D_f*", "μ̂ (mean ± std)", "σ̂ (mean ± std)",
                "F̂ (mean ± std)", "D_f(P‖Q_θ̂)", "|μ̂ − μ*|", "|σ̂ − σ*|", "within 0.05");
        for (Row row : r.rows()) {
            if (row.runs().isEmpty()) {
                table.row(row.f().name(), row.optimum().mu(), row.optimum().sigma(), row.optimum().value(),
                        "diverged", "", "", "", "", "", "no");
                continue;
            }
            table.row(row.f().name(), row.optimum().mu(), row.optimum().sigma(), row.optimum().value(),
                    SectionSupport.pm(row.mean(TrainingResult::mu), row.std(TrainingResult::mu)),
                    SectionSupport.pm(row.mean(TrainingResult::sigma), row.std(TrainingResult::sigma)),
                    SectionSupport.pm(row.mean(TrainingResult::finalEstimate), row.std(TrainingResult::finalEstimate)),
                    row.mean(TrainingResult::exact), row.muError(), row.sigmaError(),
                    row.converged() ? "yes" : "no");
        }
        return table;
    }

    private static Tables crossTable(Result r) {
        List<String> header = new ArrayList<>(List.of("trained with ↓ / measured by →"));
        r.rows().forEach(row -> header.add(row.f().name()));
        Tables crossTable = new Tables(header.toArray(String[]::new));
        for (int i = 0; i < r.rows().size(); i++) {
            List<Object> row = new ArrayList<>(List.of(r.rows().get(i).f().name()));
            for (double v : r.cross()[i]) {
                row.add(v);
            }
            crossTable.row(row.toArray());
        }
        return crossTable;
    }

    private static ObjectNode summary(Experiment e, Result r, List<String> offDiagonal) {
        ObjectNode summary = Json.object().put("experiment", e.name())
                .put("target", GaussianFitExperiment.TARGET).put("seeds", r.seeds()).put("steps", r.steps());
        ArrayNode arr = summary.putArray("divergences");
        for (Row row : r.rows()) {
            ObjectNode o = arr.addObject().put("divergence", row.f().name());
            Json.put(o, "mu_star", row.optimum().mu());
            Json.put(o, "sigma_star", row.optimum().sigma());
            Json.put(o, "d_star", row.optimum().value());
            o.put("runs", row.runs().size());
            if (row.failure() != null) {
                o.put("failure", row.failure());
            }
            if (!row.runs().isEmpty()) {
                putTrained(o, row);
            }
        }
        Json.put(summary, "max_abs_error_kl_rkl_js", r.worstGaussianError());
        ArrayNode crossJson = summary.putArray("cross");
        for (int i = 0; i < r.rows().size(); i++) {
            ObjectNode c = crossJson.addObject().put("trained_with", r.rows().get(i).f().name());
            for (int j = 0; j < r.rows().size(); j++) {
                if (!Double.isNaN(r.cross()[i][j])) {
                    Json.put(c, r.rows().get(j).f().name(), r.cross()[i][j]);
                }
            }
        }
        ArrayNode off = summary.putArray("columns_with_off_diagonal_minimum");
        offDiagonal.forEach(off::add);
        ArrayNode nc = summary.putArray("not_within_0_05");
        r.notConverged().forEach(nc::add);
        return summary;
    }

    /** The trained parameters of a row with at least one finished run. */
    private static void putTrained(ObjectNode o, Row row) {
        SectionSupport.putStats(o, "mu_hat", row.mean(TrainingResult::mu), row.std(TrainingResult::mu));
        SectionSupport.putStats(o, "sigma_hat", row.mean(TrainingResult::sigma), row.std(TrainingResult::sigma));
        SectionSupport.putStats(o, "final_estimate", row.mean(TrainingResult::finalEstimate),
                row.std(TrainingResult::finalEstimate));
        Json.put(o, "exact_divergence_of_trained", row.mean(TrainingResult::exact));
        Json.put(o, "abs_error_mu", row.muError());
        Json.put(o, "abs_error_sigma", row.sigmaError());
        o.put("within_0_05", row.converged());
    }

    private static void writeData(Path dir, List<Row> rows, double[][] cross) {
        Tables runs = new Tables("divergence", "seed", "mu_hat", "sigma_hat", "final_estimate", "exact_divergence");
        Tables history = new Tables("divergence", "seed", "step", "estimate", "mu", "sigma", "exact");
        for (Row r : rows) {
            for (TrainingResult t : r.runs()) {
                runs.row(r.f().name(), t.config().seed(), Tables.exact(t.mu()), Tables.exact(t.sigma()), Tables.exact(t.finalEstimate()), Tables.exact(t.exact()));
                for (HistoryPoint h : t.history()) {
                    history.row(r.f().name(), t.config().seed(), h.step(), Tables.exact(h.estimate()), Tables.exact(h.mu()),
                            Tables.exact(h.sigma()), Tables.exact(h.exact()));
                }
            }
        }
        List<String> header = new ArrayList<>(List.of("trained_with"));
        rows.forEach(r -> header.add(r.f().name()));
        Tables crossCsv = new Tables(header.toArray(String[]::new));
        for (int i = 0; i < rows.size(); i++) {
            List<Object> row = new ArrayList<>(List.of(rows.get(i).f().name()));
            for (double v : cross[i]) {
                row.add(Tables.exact(v));
            }
            crossCsv.row(row.toArray());
        }
        AtomicFiles.writeString(dir.resolve("runs.csv"), runs.csv());
        AtomicFiles.writeString(dir.resolve("history.csv"), history.csv());
        AtomicFiles.writeString(dir.resolve("cross.csv"), crossCsv.csv());
    }

    private static void writePlots(Path dir, Density p, List<Row> rows) {
        int m = 601;
        double[] x = new double[m];
        double[] px = new double[m];
        for (int i = 0; i < m; i++) {
            x[i] = -3 + 9.0 * i / (m - 1);
            px[i] = p.density(x[i]);
        }
        List<Plots.Series> fits = new ArrayList<>();
        fits.add(new Plots.Series("target P", x, px, Plots.Style.LINE));
        for (Row r : rows) {
            if (r.runs().isEmpty()) {
                continue;
            }
            Normal q = r.meanModel();
            double[] qx = new double[m];
            for (int i = 0; i < m; i++) {
                qx[i] = q.density(x[i]);
            }
            fits.add(new Plots.Series(r.f().name(), x, qx, Plots.Style.DASHED));
        }
        Plots.xy(dir.resolve("fits.png"), "Target and the trained Gaussian of every divergence",
                "x", "density", fits, 1000, 600);
        List<Plots.Series> curves = new ArrayList<>();
        for (Row r : rows) {
            if (r.runs().isEmpty()) {
                continue;
            }
            List<HistoryPoint> h = r.runs().get(0).history();
            double[] step = h.stream().mapToDouble(HistoryPoint::step).toArray();
            double[] gap = h.stream().mapToDouble(pt -> pt.exact() - pt.estimate()).toArray();
            curves.add(new Plots.Series(r.f().name(), step, gap, Plots.Style.LINE));
        }
        Plots.xy(dir.resolve("training-gap.png"),
                "Exact D_f(P||Q_theta) minus the variational estimate F (first seed)",
                "generator step", "nats", curves, 1000, 600);
        writeTrainingPlots(dir, rows);
    }

    /** One training-DIVERGENCE.png per divergence: its first seed's estimate against the exact values. */
    private static void writeTrainingPlots(Path dir, List<Row> rows) {
        for (Row r : rows) {
            if (r.runs().isEmpty()) {
                continue;
            }
            List<HistoryPoint> h = r.runs().get(0).history();
            double[] step = h.stream().mapToDouble(HistoryPoint::step).toArray();
            double[] est = h.stream().mapToDouble(HistoryPoint::estimate).toArray();
            double[] exact = h.stream().mapToDouble(HistoryPoint::exact).toArray();
            double[] optimum = h.stream().mapToDouble(pt -> r.optimum().value()).toArray();
            Plots.xy(dir.resolve("training-" + fileName(r.f()) + ".png"),
                    r.f().displayName() + ": variational estimate against the exact divergence",
                    "generator step", "nats",
                    List.of(new Plots.Series("F (batch estimate)", step, est, Plots.Style.LINE),
                            new Plots.Series("exact D_f(P||Q_theta)", step, exact, Plots.Style.LINE),
                            new Plots.Series("exact optimum D_f*", step, optimum, Plots.Style.DASHED)),
                    800, 450);
        }
    }


    /** The file-name form of a divergence name (alpha:2 becomes alpha-2). */
    static String fileName(FDivergence f) {
        return f.name().replace(':', '-');
    }
}
