package org.fganlab.experiment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fganlab.experiment.GanTheoremExperiment.DiscriminatorCurve;
import org.fganlab.experiment.GanTheoremExperiment.PairResult;
import org.fganlab.experiment.GanTheoremExperiment.Result;
import org.fganlab.report.AtomicFiles;
import org.fganlab.report.Json;
import org.fganlab.report.Plots;
import org.fganlab.report.Tables;
import org.fganlab.theory.IdentityCheck;

/** Renders a {@link GanTheoremExperiment.Result}: CSV, JSON summary, plots, Markdown. */
final class GanTheoremSection {

    private GanTheoremSection() {
    }

    private static final String HEADLINE = "%d pairs: max \\|V(G,D\\*) − (−log 4 + 2·JSD)\\| = %s nats; "
            + "Proposition 1 holds on %d/%d; %d/%d identity checks passed";

    /** Arguments: title, pairs, max residual, prop1 passed, pairs, checks passed, checks total, then prefixes. */
    private static final String SECTION = """
            ## gan-theorem: %1$s

            For every pair (P, Q) the exact divergences, the GAN value at the optimal discriminator \
            D* = p/(p+q) and every identity check of `fganlab validate` are computed by adaptive \
            quadrature. Theorem 1 says V(G,D*) = −log 4 + 2·JSD(P‖Q); the largest residual over the \
            %2$d pairs is **%3$s nats**. Proposition 1 (no perturbed discriminator beats D*) holds on \
            **%4$d/%2$d** pairs, and **%5$d/%6$d** identity checks pass.

            ![Theorem 1](%7$stheorem1.png)

            ![Optimal discriminator](%7$sdiscriminator.png)

            Values in nats (W1 in units of x); +inf marks a divergent integral. `prop1 gap` = max \
            V(G,D) over perturbed logits − V(G,D*) (negative: D* wins).

            %8$s
            Data: [`divergences.csv`](%7$sdivergences.csv) (full precision), [`checks.csv`](%7$schecks.csv) \
            (every identity check with its tolerance), [`summary.json`](%7$ssummary.json).
            """;

    /** Writes divergences.csv, checks.csv and the two plots into dir; returns summary and section. */
    static Experiment.Outcome render(Experiment e, Result r, Path dir) {
        writeData(r, dir);
        writePlots(r, dir);
        String headline = String.format(Locale.ROOT, HEADLINE, r.pairs().size(),
                Tables.number(r.maxResidual()), r.prop1Passed(), r.pairs().size(), r.checksPassed(),
                r.checksTotal());
        String table = table(r).markdown();
        return new Experiment.Outcome(summary(e, r), headline, prefix -> String.format(Locale.ROOT,
                SECTION, e.title(), r.pairs().size(), Tables.number(r.maxResidual()), r.prop1Passed(),
                r.checksPassed(), r.checksTotal(), prefix, table));
    }

    private static void writeData(Result r, Path dir) {
        List<String> header = new ArrayList<>(List.of("pair", "p", "q"));
        r.divergences().forEach(f -> header.add(f.name()));
        header.addAll(List.of("w1", "v_star", "thm1_residual", "prop1_gap"));
        Tables values = new Tables(header.toArray(String[]::new));
        Tables checkRows = new Tables("pair", "check", "relation", "lhs", "rhs", "abs_error",
                "tolerance", "passed");
        for (PairResult p : r.pairs()) {
            List<Object> row = new ArrayList<>(List.of(p.pair().label(), p.pair().p(), p.pair().q()));
            p.values().forEach(v -> row.add(Tables.exact(v.result().value())));
            row.add(Tables.exact(p.vStar()));
            row.add(Tables.exact(p.thm1Residual()));
            row.add(Tables.exact(p.prop1Gap()));
            values.row(row.toArray());
            for (IdentityCheck c : p.validation().checks()) {
                checkRows.row(p.pair().label(), c.name(), c.relation(), Tables.exact(c.lhs()),
                        Tables.exact(c.rhs()), Tables.exact(c.absError()), Tables.exact(c.tolerance()), c.passed());
            }
        }
        AtomicFiles.writeString(dir.resolve("divergences.csv"), values.csv());
        AtomicFiles.writeString(dir.resolve("checks.csv"), checkRows.csv());
    }

    private static void writePlots(Result r, Path dir) {
        int n = r.pairs().size();
        double[] rhs = new double[n];
        double[] lhs = new double[n];
        for (int i = 0; i < n; i++) {
            lhs[i] = r.pairs().get(i).vStar();
            rhs[i] = r.pairs().get(i).vStar() - r.pairs().get(i).thm1Residual();
        }
        double log4 = Math.log(4);
        Plots.xy(dir.resolve("theorem1.png"),
                "Theorem 1: V(G,D*) against -log 4 + 2 JSD(P||Q), " + n + " pairs",
                "-log 4 + 2 JSD(P||Q)  [nats]", "V(G,D*) by quadrature  [nats]",
                List.of(new Plots.Series("y = x", new double[] {-log4, 0}, new double[] {-log4, 0},
                                Plots.Style.DASHED),
                        new Plots.Series("pairs", rhs, lhs, Plots.Style.MARKERS)),
                800, 600);
        DiscriminatorCurve c = r.curve();
        Plots.xy(dir.resolve("discriminator.png"),
                "Optimal discriminator D* = p/(p+q): P = " + c.pair().p() + ", Q = " + c.pair().q(),
                "x", "density / probability",
                List.of(new Plots.Series("p(x)", c.x(), c.p(), Plots.Style.LINE),
                        new Plots.Series("q(x)", c.x(), c.q(), Plots.Style.LINE),
                        new Plots.Series("D*(x)", c.x(), c.d(), Plots.Style.DASHED)),
                900, 550);
    }

    private static ObjectNode summary(Experiment e, Result r) {
        ObjectNode summary = Json.object();
        summary.put("experiment", e.name());
        ArrayNode arr = summary.putArray("pairs");
        for (PairResult p : r.pairs()) {
            ObjectNode o = arr.addObject().put("label", p.pair().label()).put("p", p.pair().p())
                    .put("q", p.pair().q());
            ObjectNode vals = o.putObject("divergences");
            p.values().forEach(v -> Json.put(vals, v.name(), v.result().value()));
            Json.put(o, "v_star", p.vStar());
            Json.put(o, "thm1_residual", p.thm1Residual());
            o.set("prop1", prop1(p.prop1()));
            o.put("checks_passed", p.checksPassed()).put("checks_total", p.checksTotal());
        }
        Json.put(summary, "max_abs_thm1_residual", r.maxResidual());
        summary.put("pair_count", r.pairs().size()).put("prop1_passed", r.prop1Passed())
                .put("checks_passed", r.checksPassed()).put("checks_total", r.checksTotal());
        return summary;
    }

    private static Tables table(Result r) {
        List<String> header = new ArrayList<>(List.of("pair", "P", "Q"));
        r.divergences().forEach(f -> header.add(f.name()));
        header.addAll(List.of("w1", "V(G,D*)", "Thm 1 residual", "prop1 gap", "checks"));
        Tables t = new Tables(header.toArray(String[]::new));
        for (PairResult p : r.pairs()) {
            List<Object> row = new ArrayList<>(List.of(p.pair().label(), "`" + p.pair().p() + "`",
                    "`" + p.pair().q() + "`"));
            p.values().forEach(v -> row.add(v.result().value()));
            row.add(p.vStar());
            row.add(p.thm1Residual());
            row.add(p.prop1Gap());
            row.add(p.checksPassed() + "/" + p.checksTotal());
            t.row(row.toArray());
        }
        return t;
    }

    /** Proposition 1's check with its numbers (the fields of {@code validate --json}'s checks). */
    private static ObjectNode prop1(IdentityCheck c) {
        ObjectNode o = Json.object().put("name", c.name());
        Json.put(o, "lhs", c.lhs());
        Json.put(o, "rhs", c.rhs());
        Json.put(o, "abs_error", c.absError());
        Json.put(o, "tolerance", c.tolerance());
        return o.put("passed", c.passed()).put("relation", c.relation())
                .put("description", c.description());
    }
}
