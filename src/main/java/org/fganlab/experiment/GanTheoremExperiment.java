package org.fganlab.experiment;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.fganlab.density.Density;
import org.fganlab.density.DensitySpec;
import org.fganlab.divergence.Divergences;
import org.fganlab.divergence.FDivergence;
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
 *
 * <p>This class is the compute part: {@link #compute} returns a {@link Result} and writes nothing;
 * {@link GanTheoremSection} renders it.
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

        /** V(G,D) over perturbed logits − V(G,D*), the Proposition 1 gap (negative: D* wins). */
        double prop1Gap() {
            return prop1.lhs() - prop1.rhs();
        }

        /** The identity checks passed on this pair. */
        long checksPassed() {
            return validation.checks().stream().filter(IdentityCheck::passed).count();
        }

        /** The identity checks run on this pair. */
        int checksTotal() {
            return validation.checks().size();
        }
    }

    /**
     * p, q and D* = p/(p+q) on a grid of x, for the plotted pair.
     *
     * @param pair the pair
     * @param x the grid
     * @param p p(x)
     * @param q q(x)
     * @param d D*(x)
     */
    record DiscriminatorCurve(Pair pair, double[] x, double[] p, double[] q, double[] d) {
    }

    /**
     * The result.
     *
     * @param divergences the divergences of every pair's values, in column order
     * @param pairs one result per pair, in catalogue order
     * @param curve the discriminator of {@link #PLOTTED}
     */
    record Result(List<FDivergence> divergences, List<PairResult> pairs, DiscriminatorCurve curve) {

        /** max |V(G,D*) − (−log 4 + 2·JSD)| over the pairs, nats. */
        double maxResidual() {
            return pairs.stream().mapToDouble(r -> Math.abs(r.thm1Residual())).reduce(0, Math::max);
        }

        /** Pairs on which Proposition 1 holds. */
        int prop1Passed() {
            return (int) pairs.stream().filter(r -> r.prop1().passed()).count();
        }

        /** Identity checks passed over every pair. */
        int checksPassed() {
            return pairs.stream().mapToInt(r -> (int) r.checksPassed()).sum();
        }

        /** Identity checks run over every pair. */
        int checksTotal() {
            return pairs.stream().mapToInt(PairResult::checksTotal).sum();
        }
    }

    @Override
    public Outcome run(Context ctx) {
        return GanTheoremSection.render(this, compute(ctx.size(), ctx.progress()), ctx.dir());
    }

    /**
     * Computes every pair of the catalogue (QUICK: the pairs of {@link #QUICK}; FULL is STANDARD).
     *
     * @param size the sizes
     * @param progress receives a line every five pairs
     * @return the pairs' values and checks
     */
    static Result compute(Size size, Consumer<String> progress) {
        List<Pair> pairs = size == Size.QUICK
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
                progress.accept(n + "/" + pairs.size() + " pairs");
            }
        });
        return new Result(fs, Arrays.asList(results), discriminatorCurve());
    }

    private static IdentityCheck find(Validation v, String name) {
        return v.checks().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("missing check " + name));
    }

    /** p, q and D* of {@link #PLOTTED} at 801 points of [−6, 6]. */
    private static DiscriminatorCurve discriminatorCurve() {
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
        return new DiscriminatorCurve(plotted, x, px, qx, dx);
    }
}
