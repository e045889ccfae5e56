package org.fganlab.experiment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.fganlab.density.Density;
import org.fganlab.density.DensitySpec;
import org.fganlab.divergence.Divergences;
import org.fganlab.divergence.FDivergence;
import org.fganlab.report.AtomicFiles;
import org.fganlab.report.Json;
import org.fganlab.report.JsonDocuments;
import org.fganlab.report.Plots;
import org.fganlab.report.Tables;
import org.fganlab.theory.DivergenceValues;
import org.fganlab.theory.ExactDivergence;
import org.fganlab.theory.GanTheory;
import org.fganlab.theory.IdentityCheck;
import org.fganlab.theory.IdentityChecks;
import org.fganlab.theory.Validation;

/**
 * {@code gan-theorem}: Goodfellow et al. 2014, Proposition 1 and Theorem 1, checked on a
 * catalogue of pairs (location and scale shifts, mixtures, heavy tails, uniform against normal,
 * nearly disjoint supports): every divergence, the Theorem 1 residual
 * V(G,D*) − (−log 4 + 2·JSD), the Proposition 1 check and every other identity of
 * {@link IdentityChecks}. Deterministic (no sampling); pairs run in parallel with results
 * identical to a serial run.
 */
public final class GanTheoremExperiment implements Experiment {

    /** A named pair. */
    record Pair(String label, String p, String q) {
    }

    static final List<Pair> PAIRS = List.of(
            new Pair("identical", "normal(0,1)", "normal(0,1)"),
            new Pair("shift 0.1", "normal(0,1)", "normal(0.1,1)"),
            new Pair("shift 0.5", "normal(0,1)", "normal(0.5,1)"),
            new Pair("shift 1", "normal(0,1)", "normal(1,1)"),
            new Pair("shift 2", "normal(0,1)", "normal(2,1)"),
            new Pair("shift 4", "normal(0,1)", "normal(4,1)"),
            new Pair("scale 0.5", "normal(0,1)", "normal(0,0.5)"),
            new Pair("scale 2", "normal(0,1)", "normal(0,2)"),
            new Pair("scale 1.3 vs 0.8", "normal(0,1.3)", "normal(0,0.8)"),
            new Pair("shift and scale", "normal(0,1)", "normal(1,1.5)"),
            new Pair("bimodal vs wide normal", "0.5*normal(-2,0.5) + 0.5*normal(2,0.5)", "normal(0,2)"),
            new Pair("f-GAN target vs normal", "0.33*normal(-1,0.25) + 0.67*normal(2,1.415)", "normal(1,1.5)"),
            new Pair("mixture vs mixture", "0.3*normal(-1,1) + 0.7*normal(1,0.5)", "0.5*normal(0,1) + 0.5*normal(0.5,2)"),
            new Pair("mixture vs laplace", "0.5*normal(-2,0.5) + 0.5*normal(2,0.5)", "laplace(0,1.5)"),
            new Pair("three modes vs normal", "0.2*normal(-3,0.4) + 0.5*normal(0,0.6) + 0.3*normal(3,0.4)", "normal(0,2)"),
            new Pair("laplace shift", "laplace(0,1)", "laplace(1,1)"),
            new Pair("laplace scale", "laplace(0,1)", "laplace(0,2)"),
            new Pair("laplace vs normal", "laplace(0,1)", "normal(0,1)"),
            new Pair("normal vs laplace", "normal(0,1)", "laplace(0,1)"),
            new Pair("logistic shift", "logistic(0,1)", "logistic(1,1)"),
            new Pair("logistic vs normal", "logistic(0,1)", "normal(0,1.8)"),
            new Pair("student-3 vs normal", "student(3,0,1)", "normal(0,1)"),
            new Pair("normal vs student-3", "normal(0,1)", "student(3,0,1)"),
            new Pair("student-2 vs normal", "student(2,0,1)", "normal(0,1)"),
            new Pair("cauchy vs student-4", "student(1,0,1)", "student(4,0,2)"),
            new Pair("student-5 vs student-3", "student(5,1,2)", "student(3,0,1)"),
            new Pair("uniform vs normal", "uniform(-1,1)", "normal(0,1)"),
            new Pair("normal vs uniform", "normal(0,1)", "uniform(-3,3)"),
            new Pair("uniform overlap", "uniform(0,1)", "uniform(0.5,1.5)"),
            new Pair("uniform nested", "uniform(0,1)", "uniform(-1,2)"),
            new Pair("uniform disjoint", "uniform(0,1)", "uniform(2,3)"),
            new Pair("nearly disjoint normals", "normal(-5,0.3)", "normal(5,0.3)"),
            new Pair("narrow far normals", "normal(0,0.1)", "normal(3,0.1)"),
            new Pair("normal vs far mixture", "normal(0,0.5)", "0.5*normal(-6,0.5) + 0.5*normal(6,0.5)"));

    /** Labels of the pairs run with --quick. */
    static final List<String> QUICK = List.of("identical", "shift and scale",
            "bimodal vs wide normal", "student-3 vs normal", "uniform vs normal",
            "uniform disjoint", "nearly disjoint normals", "scale 1.3 vs 0.8");

    /** The pair whose p, q and D* are plotted. */
    static final String PLOTTED = "bimodal vs wide normal";

    @Override
    public String name() {
        return "gan-theorem";
    }

    @Override
    public String title() {
        return "the optimal discriminator and Theorem 1 of Goodfellow et al. (2014)";
    }

    /** Everything computed for one pair. */
    record PairResult(Pair pair, List<DivergenceValues.Entry> values, double vStar,
            double thm1Residual, IdentityCheck prop1, Validation validation) {
    }

    @Override
    public Outcome run(Context ctx) {
        List<Pair> pairs = ctx.quick()
                ? PAIRS.stream().filter(p -> QUICK.contains(p.label())).toList() : PAIRS;
        ExactDivergence exact = ExactDivergence.standard();
        GanTheory gan = new GanTheory(exact.pairs());
        IdentityChecks checks = new IdentityChecks(exact);
        List<FDivergence> fs = Divergences.all();
        AtomicInteger done = new AtomicInteger();
        PairResult[] results = new PairResult[pairs.size()];
        IntStream.range(0, pairs.size()).parallel().forEach(i -> {
            Pair pair = pairs.get(i);
            Density p = DensitySpec.parse(pair.p());
            Density q = DensitySpec.parse(pair.q());
            List<DivergenceValues.Entry> values = DivergenceValues.compute(exact, p, q, fs, true);
            double vStar = gan.valueAtOptimum(p, q).value();
            Validation v = checks.run(p, q);
            IdentityCheck thm1 = find(v, "thm1-value");
            IdentityCheck prop1 = find(v, "prop1-optimal-discriminator");
            results[i] = new PairResult(pair, values, vStar, thm1.lhs() - thm1.rhs(), prop1, v);
            int n = done.incrementAndGet();
            if (n % 5 == 0 || n == pairs.size()) {
                ctx.progress().accept(n + "/" + pairs.size() + " pairs");
            }
        });
        writeData(ctx, fs, results);
        writePlots(ctx, results);
        return outcome(fs, results);
    }

    private static IdentityCheck find(Validation v, String name) {
        return v.checks().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("missing check " + name));
    }

    private static void writeData(Context ctx, List<FDivergence> fs, PairResult[] results) {
        List<String> header = new ArrayList<>(List.of("pair", "p", "q"));
        fs.forEach(f -> header.add(f.name()));
        header.addAll(List.of("w1", "v_star", "thm1_residual", "prop1_gap"));
        Tables values = new Tables(header.toArray(String[]::new));
        Tables checkRows = new Tables("pair", "check", "relation", "lhs", "rhs", "abs_error",
                "tolerance", "passed");
        for (PairResult r : results) {
            List<Object> row = new ArrayList<>(List.of(r.pair().label(), r.pair().p(), r.pair().q()));
            r.values().forEach(e -> row.add(Tables.exact(e.result().value())));
            row.add(Tables.exact(r.vStar()));
            row.add(Tables.exact(r.thm1Residual()));
            row.add(Tables.exact(r.prop1().lhs() - r.prop1().rhs()));
            values.row(row.toArray());
            for (IdentityCheck c : r.validation().checks()) {
                checkRows.row(r.pair().label(), c.name(), c.relation(), Tables.exact(c.lhs()),
                        Tables.exact(c.rhs()), Tables.exact(c.absError()), Tables.exact(c.tolerance()), c.passed());
            }
        }
        AtomicFiles.writeString(ctx.dir().resolve("divergences.csv"), values.csv());
        AtomicFiles.writeString(ctx.dir().resolve("checks.csv"), checkRows.csv());
    }

    private static void writePlots(Context ctx, PairResult[] results) {
        int n = results.length;
        double[] rhs = new double[n];
        double[] lhs = new double[n];
        for (int i = 0; i < n; i++) {
            lhs[i] = results[i].vStar();
            rhs[i] = results[i].vStar() - results[i].thm1Residual();
        }
        double log4 = Math.log(4);
        Plots.xy(ctx.dir().resolve("theorem1.png"),
                "Theorem 1: V(G,D*) against -log 4 + 2 JSD(P||Q), " + n + " pairs",
                "-log 4 + 2 JSD(P||Q)  [nats]", "V(G,D*) by quadrature  [nats]",
                List.of(new Plots.Series("y = x", new double[] {-log4, 0}, new double[] {-log4, 0},
                                Plots.Style.DASHED),
                        new Plots.Series("pairs", rhs, lhs, Plots.Style.MARKERS)),
                800, 600);
        Pair plotted = PAIRS.stream().filter(p -> p.label().equals(PLOTTED)).findFirst().orElseThrow();
        Density p = DensitySpec.parse(plotted.p());
        Density q = DensitySpec.parse(plotted.q());
        int m = 801;
        double[] x = new double[m];
        double[] px = new double[m];
        double[] qx = new double[m];
        double[] dx = new double[m];
        for (int i = 0; i < m; i++) {
            x[i] = -6 + 12.0 * i / (m - 1);
            px[i] = p.density(x[i]);
            qx[i] = q.density(x[i]);
            dx[i] = GanTheory.optimalDiscriminator(p, q, x[i]);
        }
        Plots.xy(ctx.dir().resolve("discriminator.png"),
                "Optimal discriminator D* = p/(p+q): P = " + plotted.p() + ", Q = " + plotted.q(),
                "x", "density / probability",
                List.of(new Plots.Series("p(x)", x, px, Plots.Style.LINE),
                        new Plots.Series("q(x)", x, qx, Plots.Style.LINE),
                        new Plots.Series("D*(x)", x, dx, Plots.Style.DASHED)),
                900, 550);
    }

    private Outcome outcome(List<FDivergence> fs, PairResult[] results) {
        double maxResidual = 0;
        int prop1Passed = 0;
        int checksPassed = 0;
        int checksTotal = 0;
        ObjectNode summary = Json.object();
        summary.put("experiment", name());
        ArrayNode arr = summary.putArray("pairs");
        for (PairResult r : results) {
            maxResidual = Math.max(maxResidual, Math.abs(r.thm1Residual()));
            prop1Passed += r.prop1().passed() ? 1 : 0;
            long passed = r.validation().checks().stream().filter(IdentityCheck::passed).count();
            checksPassed += (int) passed;
            checksTotal += r.validation().checks().size();
            ObjectNode o = arr.addObject().put("label", r.pair().label()).put("p", r.pair().p())
                    .put("q", r.pair().q());
            ObjectNode vals = o.putObject("divergences");
            r.values().forEach(e -> Json.put(vals, e.name(), e.result().value()));
            Json.put(o, "v_star", r.vStar());
            Json.put(o, "thm1_residual", r.thm1Residual());
            o.set("prop1", JsonDocuments.check(r.prop1()));
            o.put("checks_passed", passed).put("checks_total", r.validation().checks().size());
        }
        Json.put(summary, "max_abs_thm1_residual", maxResidual);
        summary.put("pair_count", results.length).put("prop1_passed", prop1Passed)
                .put("checks_passed", checksPassed).put("checks_total", checksTotal);
        String headline = String.format(Locale.ROOT,
                "%d pairs: max \\|V(G,D\\*) − (−log 4 + 2·JSD)\\| = %s nats; Proposition 1 holds on "
                        + "%d/%d; %d/%d identity checks passed",
                results.length, Tables.number(maxResidual), prop1Passed, results.length,
                checksPassed, checksTotal);
        Tables table = table(fs, results);
        String fMaxResidual = Tables.number(maxResidual);
        int total = checksTotal;
        int passedAll = checksPassed;
        int prop1 = prop1Passed;
        return new Outcome(summary, headline, prefix -> "## gan-theorem: " + title() + "\n\n"
                + "For every pair (P, Q) the exact divergences, the GAN value at the optimal "
                + "discriminator D* = p/(p+q) and every identity check of `fganlab validate` are "
                + "computed by adaptive quadrature. Theorem 1 says V(G,D*) = −log 4 + 2·JSD(P‖Q); "
                + "the largest residual over the " + results.length + " pairs is **" + fMaxResidual
                + " nats**. Proposition 1 (no perturbed discriminator beats D*) holds on **" + prop1
                + "/" + results.length + "** pairs, and **" + passedAll + "/" + total
                + "** identity checks pass.\n\n"
                + "![Theorem 1](" + prefix + "theorem1.png)\n\n"
                + "![Optimal discriminator](" + prefix + "discriminator.png)\n\n"
                + "Values in nats (W1 in units of x); +inf marks a divergent integral. "
                + "`prop1 gap` = max V(G,D) over perturbed logits − V(G,D*) (negative: D* wins).\n\n"
                + table.markdown()
                + "\nData: [`divergences.csv`](" + prefix + "divergences.csv) (full precision), "
                + "[`checks.csv`](" + prefix + "checks.csv) (every identity check with its "
                + "tolerance), [`summary.json`](" + prefix + "summary.json).\n");
    }

    private static Tables table(List<FDivergence> fs, PairResult[] results) {
        List<String> header = new ArrayList<>(List.of("pair", "P", "Q"));
        fs.forEach(f -> header.add(f.name()));
        header.addAll(List.of("w1", "V(G,D*)", "Thm 1 residual", "prop1 gap", "checks"));
        Tables t = new Tables(header.toArray(String[]::new));
        for (PairResult r : results) {
            List<Object> row = new ArrayList<>(List.of(r.pair().label(), "`" + r.pair().p() + "`",
                    "`" + r.pair().q() + "`"));
            r.values().forEach(e -> row.add(e.result().value()));
            row.add(r.vStar());
            row.add(r.thm1Residual());
            row.add(r.prop1().lhs() - r.prop1().rhs());
            long passed = r.validation().checks().stream().filter(IdentityCheck::passed).count();
            row.add(passed + "/" + r.validation().checks().size());
            t.row(row.toArray());
        }
        return t;
    }
}
