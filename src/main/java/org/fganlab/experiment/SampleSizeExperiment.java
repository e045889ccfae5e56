package org.fganlab.experiment;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.IntStream;
import org.fganlab.divergence.Discrepancy;
import org.fganlab.density.Density;
import org.fganlab.density.DensitySpec;
import org.fganlab.divergence.Divergences;
import org.fganlab.estimate.Estimate;
import org.fganlab.estimate.Estimation;
import org.fganlab.estimate.Estimator;
import org.fganlab.estimate.NetworkSettings;
import org.fganlab.estimate.Samples;
import org.fganlab.quadrature.AdaptiveQuadrature;
import org.fganlab.quadrature.QuadratureResult;
import org.fganlab.theory.ExactDivergence;
import org.fganlab.theory.PairQuadrature;
import org.hipparchus.special.Erf;

/**
 * {@code sample-size}: how many samples each estimator of the {@code estimate} package needs.
 * For overlapping, nearly disjoint, disjoint and heavy-tailed 1-D pairs and a 2-D Gaussian pair,
 * and KL, JS, TV, Pearson and W1, the bias, standard deviation, RMSE and interval coverage of
 * each estimator against the exact value (the lab's quadrature; for the 2-D product pair KL is
 * the sum of the coordinates' KLs) over a grid of n, with independent seeds per n.
 *
 * <p>This class is the compute part: {@link #compute} returns a {@link Result} of records and
 * writes nothing; {@link SampleSizeSection} renders it.
 */
public final class SampleSizeExperiment implements Experiment {

    /**
     * A pair of product densities on R^d: coordinate k of P has density p[k], of Q q[k].
     *
     * @param label the name in tables
     * @param p the coordinate densities of P (specs)
     * @param q the coordinate densities of Q (specs)
     */
    public record Pair(String label, List<String> p, List<String> q) {
        /** The dimension d. */
        public int dimension() {
            return p.size();
        }
    }

    /** The pairs: overlapping, nearly disjoint, disjoint, heavy-tailed (1-D), and 2-D Gaussians. */
    static final List<Pair> PAIRS = List.of(
            new Pair("overlapping", List.of("normal(0,1)"), List.of("normal(1,1.5)")),
            new Pair("nearly disjoint", List.of("normal(0,0.5)"), List.of("normal(2.5,0.5)")),
            new Pair("disjoint", List.of("uniform(0,1)"), List.of("uniform(2,3)")),
            new Pair("heavy-tailed", List.of("student(3,0,1)"), List.of("normal(0,1.5)")),
            new Pair("2-D Gaussians", List.of("normal(0,1)", "normal(0,1)"),
                    List.of("normal(1,1)", "normal(0,1.5)")));

    /** The divergences, W1 last. */
    static final List<String> DIVERGENCES = List.of("kl", "js", "tv", "pearson", "w1");

    /**
     * How much to run of one estimator.
     *
     * @param estimator the estimator
     * @param maxN the largest n it runs at
     * @param seeds independent repetitions per n
     * @param ciMaxN the largest n at which intervals are computed (and coverage measured)
     * @param divergences which divergences it estimates (a subset of {@link #DIVERGENCES})
     */
    public record Plan(Estimator estimator, int maxN, int seeds, int ciMaxN, List<String> divergences) {
    }

    /**
     * The sizes of a run.
     *
     * @param name {@code quick}, {@code default} or {@code full}
     * @param ns the grid of n (samples from each of P and Q)
     * @param pairs the pair labels run
     * @param plans one per estimator
     * @param bootstrap B of every interval
     * @param network the classifier's and critic's training
     */
    public record Budget(String name, int[] ns, List<String> pairs, List<Plan> plans, int bootstrap,
            NetworkSettings network) {
    }

    private static final List<String> ALL_PAIRS = PAIRS.stream().map(Pair::label).toList();
    private static final List<String> F_DIVS = List.of("kl", "js", "tv", "pearson");
    private static final NetworkSettings SMALL_NET = new NetworkSettings(new int[] {16, 16}, 1000,
            64, 5e-3, 50, 4);

    /** CI pipeline check: two pairs, n ≤ 10³, 3 seeds. */
    public static final Budget QUICK = new Budget("quick", new int[] {100, 1000},
            List.of("overlapping", "disjoint"),
            List.of(new Plan(Estimator.KNN, 1000, 3, 1000, List.of("kl")),
                    new Plan(Estimator.KDE, 1000, 3, 100, List.of("kl", "js", "w1")),
                    new Plan(Estimator.CLASSIFIER, 100, 3, 100, List.of("kl", "js")),
                    new Plan(Estimator.CRITIC, 100, 3, 100, List.of("js"))),
            30, SMALL_NET);

    /**
     * The report's run: k-NN over n = 10² … 10⁵ with 20 seeds; the KDE plug-in and W1 to 10³
     * with 10 seeds; the classifier and the critic (KL and JS only) to 10³ with 5 seeds.
     */
    public static final Budget DEFAULT = new Budget("default", new int[] {100, 1000, 10_000, 100_000},
            ALL_PAIRS,
            List.of(new Plan(Estimator.KNN, 100_000, 20, 1000, List.of("kl")),
                    new Plan(Estimator.KDE, 1000, 10, 100, List.of("kl", "js", "tv", "pearson", "w1")),
                    new Plan(Estimator.CLASSIFIER, 1000, 5, 1000, F_DIVS),
                    new Plan(Estimator.CRITIC, 1000, 5, 1000, List.of("kl", "js"))),
            50, SMALL_NET);

    /** The full grid: every estimator to 10⁵ (trained ones to 10⁴) with 20 seeds. */
    public static final Budget FULL = new Budget("full", new int[] {100, 1000, 10_000, 100_000},
            ALL_PAIRS,
            List.of(new Plan(Estimator.KNN, 100_000, 20, 100_000, List.of("kl")),
                    new Plan(Estimator.KDE, 100_000, 20, 10_000, List.of("kl", "js", "tv", "pearson", "w1")),
                    new Plan(Estimator.CLASSIFIER, 10_000, 20, 10_000, F_DIVS),
                    new Plan(Estimator.CRITIC, 10_000, 20, 10_000, F_DIVS)),
            100, NetworkSettings.DEFAULT);

    /**
     * One cell of the grid: an estimator's errors for one pair, divergence and n.
     *
     * @param pair the pair label
     * @param divergence the divergence name
     * @param estimator the estimator name
     * @param lowerBound whether the estimator is a lower bound
     * @param n samples from each of P and Q
     * @param seeds repetitions
     * @param exact the exact value (+∞ allowed)
     * @param mean mean estimate
     * @param bias mean − exact (+∞ − finite is −∞: reported as such)
     * @param sd standard deviation of the estimates (divisor seeds − 1)
     * @param rmse √(bias² + sd²·(seeds − 1)/seeds), i.e. √(mean squared error)
     * @param coverage fraction of intervals containing the exact value, or NaN if not computed
     * @param meanSeconds mean wall time per estimate
     */
    public record Cell(String pair, String divergence, String estimator, boolean lowerBound, int n,
            int seeds, double exact, double mean, double bias, double sd, double rmse,
            double coverage, double meanSeconds) {
        /** RMSE relative to |exact|; NaN if exact is 0 or infinite. */
        public double relativeRmse() {
            return Double.isFinite(exact) && exact != 0 ? rmse / Math.abs(exact) : Double.NaN;
        }
    }

    /**
     * The result.
     *
     * @param budget the sizes run
     * @param pairs the pairs run
     * @param exact exact values, one list per pair in DIVERGENCES order (NaN where none applies)
     * @param cells every (pair, divergence, estimator, n) measured
     */
    public record Result(Budget budget, List<Pair> pairs, List<double[]> exact, List<Cell> cells) {
    }

    @Override
    public String name() {
        return "sample-size";
    }

    @Override
    public String title() {
        return "how many samples each divergence estimator needs";
    }

    @Override
    public Outcome run(Context ctx) {
        Result r = compute(budget(ctx.size()), ctx.seed(), ctx.progress());
        return SampleSizeSection.render(this, r, ctx.dir());
    }

    /** The budget of a size: QUICK, DEFAULT or FULL. */
    static Budget budget(Size size) {
        return switch (size) {
            case QUICK -> QUICK;
            case STANDARD -> DEFAULT;
            case FULL -> FULL;
        };
    }

    /**
     * Runs the grid. Repetitions run in parallel; each draws from its own seed, so the result is
     * the same as a serial run.
     *
     * @param budget the sizes
     * @param seed the base seed
     * @param progress receives a line per (pair, n)
     * @return the measured cells
     */
    public static Result compute(Budget budget, long seed, java.util.function.Consumer<String> progress) {
        ExactDivergence exactDivergence = ExactDivergence.standard();
        List<Pair> pairs = PAIRS.stream().filter(p -> budget.pairs().contains(p.label())).toList();
        List<double[]> exact = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        for (int pi = 0; pi < pairs.size(); pi++) {
            Pair pair = pairs.get(pi);
            double[] ex = exactValues(exactDivergence, pair);
            exact.add(ex);
            for (int ni = 0; ni < budget.ns().length; ni++) {
                int n = budget.ns()[ni];
                for (Plan plan : budget.plans()) {
                    if (n > plan.maxN()) {
                        continue;
                    }
                    List<String> divs = plan.divergences().stream()
                            .filter(d -> applies(plan.estimator(), d, pair) && !Double.isNaN(ex[DIVERGENCES.indexOf(d)]))
                            .toList();
                    if (divs.isEmpty()) {
                        continue;
                    }
                    int b = n <= plan.ciMaxN() ? budget.bootstrap() : 0;
                    Estimation.Request request = request(divs, plan.estimator(), b, budget.network());
                    Estimate[][] runs = new Estimate[plan.seeds()][];
                    long pairSeed = DerivedSeeds.mix(DerivedSeeds.mix(seed, 40, pi), 32, ni);
                    IntStream.range(0, plan.seeds()).parallel().forEach(s -> {
                        long runSeed = DerivedSeeds.mix(DerivedSeeds.mix(pairSeed, 20, s), 0, plan.estimator().ordinal());
                        Samples[] xy = draw(pair, n, DerivedSeeds.replicate(pairSeed, s));
                        Estimation.Request req = new Estimation.Request(request.divergences(),
                                request.w1(), request.estimators(), request.bootstrap(), runSeed,
                                0, request.network());
                        runs[s] = Estimation.run(xy[0], xy[1], req).toArray(Estimate[]::new);
                    });
                    for (int j = 0; j < runs[0].length; j++) {
                        Estimate e0 = runs[0][j];
                        double x = ex[DIVERGENCES.indexOf(e0.divergence())];
                        cells.add(cell(pair.label(), e0, n, x, runs, j, b > 0));
                    }
                }
                progress.accept(pair.label() + ", n = " + n);
            }
        }
        return new Result(budget, pairs, exact, cells);
    }

    private static boolean applies(Estimator e, String div, Pair pair) {
        if (pair.dimension() > 1 && (e == Estimator.KDE || !div.equals("kl"))) {
            return false;
        }
        return switch (e) {
            case KNN -> div.equals("kl");
            case KDE -> true;
            case CLASSIFIER, CRITIC -> Discrepancy.parse(div) instanceof Discrepancy.F;
        };
    }

    private static Estimation.Request request(List<String> divs, Estimator e, int b, NetworkSettings net) {
        return new Estimation.Request(divs.stream().map(Discrepancy::parse).toList(), EnumSet.of(e), b,
                0, 0, net);
    }

    /** Exact values in DIVERGENCES order: 1-D by quadrature; 2-D products: KL only (a sum). */
    private static double[] exactValues(ExactDivergence exact, Pair pair) {
        double[] out = new double[DIVERGENCES.size()];
        java.util.Arrays.fill(out, Double.NaN);
        double kl = 0;
        for (int k = 0; k < pair.dimension(); k++) {
            kl += exact.divergence(Divergences.byName("kl"), DensitySpec.parse(pair.p().get(k)),
                    DensitySpec.parse(pair.q().get(k))).value();
        }
        out[0] = kl;
        if (pair.dimension() == 1) {
            Density p = DensitySpec.parse(pair.p().get(0));
            Density q = DensitySpec.parse(pair.q().get(0));
            for (int i = 1; i < DIVERGENCES.size() - 1; i++) {
                out[i] = exact.divergence(Divergences.byName(DIVERGENCES.get(i)), p, q).value();
            }
            out[DIVERGENCES.size() - 1] = exact.wasserstein1(p, q).value();
        }
        return out;
    }

    /** n points from each product density, coordinate k of P from stream 2k, of Q from 2k + 1. */
    static Samples[] draw(Pair pair, int n, long seed) {
        int d = pair.dimension();
        double[] x = new double[n * d];
        double[] y = new double[n * d];
        for (int k = 0; k < d; k++) {
            double[] a = Samples.draw(DensitySpec.parse(pair.p().get(k)), n, seed, 2L * k).data();
            double[] b = Samples.draw(DensitySpec.parse(pair.q().get(k)), n, seed, 2L * k + 1).data();
            for (int i = 0; i < n; i++) {
                x[i * d + k] = a[i];
                y[i * d + k] = b[i];
            }
        }
        return new Samples[] {new Samples(x, d), new Samples(y, d)};
    }

    private static Cell cell(String pair, Estimate e0, int n, double exact, Estimate[][] runs,
            int j, boolean withCi) {
        int s = runs.length;
        double sum = 0;
        double seconds = 0;
        int covered = 0;
        for (Estimate[] r : runs) {
            sum += r[j].value();
            seconds += r[j].seconds();
            covered += r[j].covers(exact) ? 1 : 0;
        }
        double mean = sum / s;
        double ss = 0;
        double sq = 0;
        for (Estimate[] r : runs) {
            ss += (r[j].value() - mean) * (r[j].value() - mean);
            sq += (r[j].value() - exact) * (r[j].value() - exact);
        }
        // An estimate of +∞ (a KDE plug-in beyond the double range) makes the spread and the
        // error +∞, not NaN; a finite mean against an exact +∞ is a bias of −∞.
        boolean infinite = Double.isInfinite(mean);
        double sd = infinite ? Double.POSITIVE_INFINITY : s > 1 ? Math.sqrt(ss / (s - 1)) : 0;
        double rmse = Double.isFinite(exact) ? (infinite ? Double.POSITIVE_INFINITY : Math.sqrt(sq / s))
                : infinite ? 0.0 : Double.POSITIVE_INFINITY;
        double bias = Double.isFinite(exact) ? mean - exact : infinite ? 0.0 : Double.NEGATIVE_INFINITY;
        return new Cell(pair, e0.divergence(), e0.estimator(), e0.lowerBound(), n, s, exact, mean,
                bias, sd, rmse, withCi ? (double) covered / s : Double.NaN, seconds / s);
    }

    /**
     * How far n draws of Q reach, and the KL mass beyond: the part of KL(P‖Q) that a 1-D k-NN
     * estimate cannot see. The reach R(n) is the median of max_i |Y_i| over n draws of Q
     * (symmetric about 0): P(max |Y| ≤ R)^n = ½, i.e. 2·S_Q(R) = 1 − 2^(−1/n), S_Q the survival
     * function. The mass beyond is ∫_{|x|>R} p·log(p/q) dx: where no point of Q falls, the k-NN
     * distance ν_k to Q measures the distance to the sample's edge, which grows like |x|, not
     * like the e^(x²/2σ²) of 1/q, so the estimate misses most of that part. For a Student-t P
     * against a normal Q the integrand decays only like x^(−2) (p ~ x^(−4), log(p/q) ~ x²/2σ²),
     * so the mass beyond R falls like 1/R while R grows like √(2σ² ln n).
     *
     * @param n draws of Q, ≥ 1
     * @param reach R(n), in units of x
     * @param klBeyond ∫_{|x|>R} p·log(p/q) dx in nats with its error estimate (the lab's adaptive
     *     quadrature, both tails: {@link #klBeyondResult})
     */
    public record UnseenTail(int n, double reach, QuadratureResult klBeyond) {
    }

    /**
     * The reach of n draws of Q and the KL mass beyond it ({@link UnseenTail}).
     *
     * @param p the density of P
     * @param q the density of Q, symmetric about 0
     * @param n draws of Q, ≥ 1
     * @return R(n) and ∫_{|x|>R(n)} p·log(p/q) dx
     * @throws IllegalArgumentException if n &lt; 1
     */
    static UnseenTail unseenTail(Density p, Density q, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        // 1 − 2^(−1/n) = −expm1(−ln 2/n), without cancellation for large n
        double r = q.quantile(1 + 0.5 * Math.expm1(-Math.log(2) / n));
        return new UnseenTail(n, r, klBeyondResult(p, q, r));
    }

    /** The value of {@link #klBeyondResult}. */
    static double klBeyond(Density p, Density q, double r) {
        return klBeyondResult(p, q, r).value();
    }

    /**
     * ∫_{|x|>r} p·log(p/q) dx for r ≥ 0: both tails by the lab's adaptive quadrature, their values,
     * error estimates and evaluations summed; the status is the upper tail's unless that one
     * converged, then the lower tail's.
     */
    static QuadratureResult klBeyondResult(Density p, Density q, double r) {
        AdaptiveQuadrature aq = new AdaptiveQuadrature(PairQuadrature.SETTINGS);
        java.util.function.DoubleUnaryOperator h = x -> {
            double lp = p.logDensity(x);
            return Math.exp(lp) * (lp - q.logDensity(x));
        };
        double scale = Math.max(p.scale(), q.scale());
        QuadratureResult upper = aq.integrate(h, new double[] {r, Double.POSITIVE_INFINITY}, scale);
        QuadratureResult lower = aq.integrate(h, new double[] {Double.NEGATIVE_INFINITY, -r}, scale);
        return new QuadratureResult(upper.value() + lower.value(),
                upper.errorEstimate() + lower.errorEstimate(), upper.evaluations() + lower.evaluations(),
                upper.status() == QuadratureResult.Status.CONVERGED ? lower.status() : upper.status());
    }

    /**
     * The R at which {@link #klBeyond} falls to the given mass (bisection to 10⁻⁶ relative; the
     * mass beyond R decreases in R where p·log(p/q) &gt; 0, i.e. beyond the last crossing).
     *
     * @param p the density of P
     * @param q the density of Q
     * @param target a mass in (0, klBeyond(start))
     * @param start an R beyond the last crossing p = q, with klBeyond(start) &gt; target
     * @return R with klBeyond(R) = target
     */
    static double reachForKlBeyond(Density p, Density q, double target, double start) {
        double lo = start;
        double hi = 2 * start;
        while (klBeyond(p, q, hi) > target) {
            lo = hi;
            hi *= 2;
        }
        while (hi - lo > 1e-6 * hi) {
            double mid = 0.5 * (lo + hi);
            if (klBeyond(p, q, mid) > target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /**
     * log₁₀ of the n at which n draws of N(0, σ²) reach r ({@link UnseenTail}): 2·Φ̄(r/σ) =
     * 1 − 2^(−1/n) ≈ ln 2 / n for large n. Φ̄(z) is ½ erfc(z/√2) for z &lt; 10, else its
     * asymptotic series φ(z)/z·(1 − z⁻² + 3z⁻⁴ − 15z⁻⁶) in logs (Abramowitz &amp; Stegun 26.2.12;
     * relative error below 10⁻⁶ there), so r far beyond the double range of Φ̄ still works.
     *
     * @param r the reach, &gt; 0
     * @param sigma σ &gt; 0
     * @return log₁₀ n
     */
    static double log10DrawsToReach(double r, double sigma) {
        double z = r / sigma;
        double logSurvival = z < 10 ? Math.log(0.5 * Erf.erfc(z / Math.sqrt(2)))
                : -0.5 * z * z - Math.log(z * Math.sqrt(2 * Math.PI))
                        + Math.log1p(-1 / (z * z) + 3 / Math.pow(z, 4) - 15 / Math.pow(z, 6));
        return (Math.log(Math.log(2) / 2) - logSurvival) / Math.log(10);
    }

    /**
     * The smallest n of the grid from which the estimator's RMSE stays within 10% of |exact|
     * (at that n and every larger n measured), or −1 if there is none.
     */
    static int withinTenPercentFrom(List<Cell> row) {
        int from = -1;
        for (int i = row.size() - 1; i >= 0; i--) {
            double rel = row.get(i).relativeRmse();
            if (rel <= 0.1) {
                from = row.get(i).n();
            } else {
                break;
            }
        }
        return from;
    }

}
