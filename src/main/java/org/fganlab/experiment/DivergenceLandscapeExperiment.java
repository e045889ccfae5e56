package org.fganlab.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.fganlab.divergence.Discrepancy;
import org.fganlab.density.Normal;
import org.fganlab.divergence.AmariAlpha;
import org.fganlab.divergence.Divergences;
import org.fganlab.divergence.FDivergence;
import org.fganlab.theory.DivergenceValues;
import org.fganlab.theory.ExactDivergence;
import org.fganlab.theory.GaussianClosedForms;

/**
 * {@code divergence-landscape}: every registered divergence and W1 between P = N(θ, 1) and
 * Q = N(0, 1) for θ ∈ [−4, 4] (the shift family) and between P = N(0, s²) and Q = N(0, 1) for
 * s ∈ [¼, 4] (the scale family), by quadrature, beside the Gaussian closed forms; where a
 * divergence is +∞ (Pearson χ² and Amari α = 2 for s ≥ √2, Neyman χ² for s ≤ 1/√2) the value
 * is +∞ and the plot says so. The local check: for small θ every twice-differentiable
 * f-divergence behaves like D_f(θ) − f(1) ≈ (f''(1)/2)·θ² (the Fisher information of the
 * location family is 1; docs/math.md, "Local behaviour"; Nowozin et al. 2016, §2). Values in
 * nats, W1 in units of x. Deterministic; grid points run in parallel with results identical to a
 * serial run.
 *
 * <p>This class is the compute part: {@link #compute} returns a {@link Result} and writes nothing;
 * {@link DivergenceLandscapeSection} renders it.
 */
public final class DivergenceLandscapeExperiment implements Experiment {

    static final double THETA_MAX = 4;
    static final double S_MIN = 0.25;
    static final double S_MAX = 4;
    /** Shift grid points: θ_i = −4 + 8i/(n − 1), step 0.05 (1/3 with --quick); includes θ = 0. */
    static final int SHIFT_POINTS = 161;
    static final int QUICK_SHIFT_POINTS = 25;
    /**
     * Scale grid points, log-spaced. 160 and 24 keep every grid point at least 0.3% away from
     * the boundaries √2 and 1/√2, where a double cannot tell a finite χ² from +∞.
     */
    static final int SCALE_POINTS = 160;
    static final int QUICK_SCALE_POINTS = 24;
    /** The small θ of the local check. */
    static final double[] LOCAL_THETAS = {1e-2, 1e-3};

    private static final double SQRT2 = Math.sqrt(2);

    @Override
    public String name() {
        return "divergence-landscape";
    }

    @Override
    public String title() {
        return "every divergence and W1 along Gaussian shift and scale families, and the local "
                + "quadratic behaviour f''(1)·θ²/2";
    }

    /** A one-parameter family P_t against Q = N(0, 1). */
    enum Family {
        /** P = N(θ, 1). */
        SHIFT("shift", "theta"),
        /** P = N(0, s²). */
        SCALE("scale", "s");

        final String label;
        final String parameter;

        Family(String label, String parameter) {
            this.label = label;
            this.parameter = parameter;
        }

        /** P_t. */
        Normal p(double t) {
            return this == SHIFT ? new Normal(t, 1) : new Normal(0, t);
        }

        double mu(double t) {
            return this == SHIFT ? t : 0;
        }

        double sigma(double t) {
            return this == SHIFT ? 1 : t;
        }

        /** The grid: uniform in θ, log-uniform in s. */
        double[] grid(int n) {
            double[] g = new double[n];
            for (int i = 0; i < n; i++) {
                double u = (double) i / (n - 1);
                g[i] = this == SHIFT ? -THETA_MAX + 2 * THETA_MAX * u
                        : S_MIN * Math.pow(S_MAX / S_MIN, u);
            }
            if (this == SHIFT) {
                g[(n - 1) / 2] = 0.0; // exactly, not −4 + 8·½ rounded
            }
            return g;
        }
    }

    /**
     * Where a divergence of the scale family is +∞ by theory, and how the plot states it.
     *
     * @param name registry name
     * @param boundary the s at which it becomes +∞
     * @param above true: +∞ for s ≥ boundary; false: +∞ for s ≤ boundary
     * @param text the statement for legends and the section
     */
    record InfiniteRegion(String name, double boundary, boolean above, String text) {
        boolean contains(double s) {
            return above ? s >= boundary : s <= boundary;
        }
    }

    /**
     * The +∞ regions of the scale family P = N(0, s²), Q = N(0, 1) on s ∈ [¼, 4]: Pearson χ² needs
     * 2σ_Q² &gt; σ_P², i.e. s &lt; √2; Amari α = 2 is Pearson/2; Neyman χ²(P‖Q) = Pearson χ²(Q‖P)
     * needs 2s² &gt; 1, i.e. s &gt; 1/√2 (docs/math.md, "Closed forms for Gaussians"). Every other registered
     * divergence is finite on the whole family.
     */
    static final List<InfiniteRegion> SCALE_INFINITE = List.of(
            new InfiniteRegion("pearson", SQRT2, true, "+inf for s >= sqrt 2"),
            new InfiniteRegion("neyman", 1 / SQRT2, false, "+inf for s <= 1/sqrt 2"),
            new InfiniteRegion("alpha:2", SQRT2, true, "+inf for s >= sqrt 2"));

    /**
     * Values of one family.
     *
     * @param family the family
     * @param grid the parameter values
     * @param names the divergence names then {@code w1}
     * @param values values[k][i]: divergence k at grid[i] by quadrature (nats; W1 in units of x)
     * @param closed closed[k][i]: the closed form, NaN where there is none (JS, GAN)
     */
    record FamilyResult(Family family, double[] grid, List<String> names, double[][] values,
            double[][] closed) {

        /** max over the grid of |quadrature − closed form|/max(|closed form|, 1e-300) for row k;
         *  NaN if row k has no closed form; +∞ if exactly one of the two is infinite. */
        double maxRelativeDeviation(int k) {
            double worst = Double.NaN;
            for (int i = 0; i < grid.length; i++) {
                double c = closed[k][i];
                double v = values[k][i];
                if (Double.isNaN(c)) {
                    continue;
                }
                double d;
                if (Double.isInfinite(c) || Double.isInfinite(v)) {
                    d = c == v ? 0 : Double.POSITIVE_INFINITY;
                } else {
                    d = c == v ? 0 : Math.abs(v - c) / Math.max(Math.abs(c), 1e-300);
                }
                worst = Double.isNaN(worst) ? d : Math.max(worst, d);
            }
            return worst;
        }

        /** Number of grid points where row k is +∞. */
        int infiniteCount(int k) {
            int n = 0;
            for (double v : values[k]) {
                n += v == Double.POSITIVE_INFINITY ? 1 : 0;
            }
            return n;
        }
    }

    /**
     * One row of the local check.
     *
     * @param name registry name
     * @param secondDerivative f''(1) (+∞ for TV, whose f has a kink at 1)
     * @param ratios (D_f(θ) − f(1))/(θ²/2) at each of {@link #LOCAL_THETAS}
     * @param relativeErrors |ratio − f''(1)|/f''(1) at each θ (NaN for TV)
     */
    record LocalRow(String name, double secondDerivative, double[] ratios, double[] relativeErrors) {
    }

    /**
     * The result.
     *
     * @param shift the shift family
     * @param scale the scale family
     * @param local the local check, one row per registered divergence
     */
    record Result(FamilyResult shift, FamilyResult scale, List<LocalRow> local) {

        /** max relative deviation from a closed form over both families and every row; 0 if none. */
        double worstDeviation() {
            double worst = 0;
            for (FamilyResult r : List.of(shift, scale)) {
                for (int k = 0; k < r.names().size(); k++) {
                    double d = r.maxRelativeDeviation(k);
                    if (!Double.isNaN(d)) {
                        worst = Math.max(worst, d);
                    }
                }
            }
            return worst;
        }

        /** Rows of both families whose +∞ points differ from the theoretical regions. */
        int mismatches() {
            int n = 0;
            for (FamilyResult r : List.of(shift, scale)) {
                for (int k = 0; k < r.names().size(); k++) {
                    n += infinitiesMatchTheory(r, k) ? 0 : 1;
                }
            }
            return n;
        }

        /** The smallest θ of the local check. */
        double thetaSmall() {
            return LOCAL_THETAS[LOCAL_THETAS.length - 1];
        }

        /** max local relative error at the smallest θ over the divergences with finite f''(1). */
        double worstLocal() {
            double worst = 0;
            for (LocalRow row : local) {
                if (Double.isFinite(row.secondDerivative())) {
                    worst = Math.max(worst, row.relativeErrors()[LOCAL_THETAS.length - 1]);
                }
            }
            return worst;
        }

        /** TV/θ at the smallest θ (→ 1/√(2π) as θ → 0). */
        double tvSlope() {
            LocalRow tv = local.get(shift.names().indexOf("tv"));
            return tv.ratios()[LOCAL_THETAS.length - 1] * thetaSmall() / 2;
        }

        /** The smallest GAN value on the shift grid. */
        double ganMin() {
            return minFinite(shift.values()[shift.names().indexOf("gan")]);
        }

        /** The largest finite GAN value on the shift grid. */
        double ganMax() {
            return maxFinite(shift.values()[shift.names().indexOf("gan")]);
        }
    }

    @Override
    public Outcome run(Context ctx) {
        return DivergenceLandscapeSection.render(this, compute(ctx.size(), ctx.progress()), ctx.dir());
    }

    /**
     * Both families and the local check (QUICK: coarser grids; FULL is STANDARD).
     *
     * @param size the sizes
     * @param progress receives a line per family
     * @return the values
     */
    static Result compute(Size size, Consumer<String> progress) {
        List<FDivergence> fs = Divergences.all();
        ExactDivergence exact = ExactDivergence.standard();
        boolean quick = size == Size.QUICK;
        FamilyResult shift = evaluate(exact, fs, Family.SHIFT, quick ? QUICK_SHIFT_POINTS : SHIFT_POINTS);
        progress.accept("shift family: " + shift.grid().length + " points");
        FamilyResult scale = evaluate(exact, fs, Family.SCALE, quick ? QUICK_SCALE_POINTS : SCALE_POINTS);
        progress.accept("scale family: " + scale.grid().length + " points");
        List<LocalRow> local = fs.stream().map(f -> localRow(exact, f)).toList();
        return new Result(shift, scale, local);
    }

    /** Every divergence and W1 on the family's grid, grid points in parallel. */
    static FamilyResult evaluate(ExactDivergence exact, List<FDivergence> fs, Family family, int n) {
        double[] grid = family.grid(n);
        List<String> names = new ArrayList<>();
        fs.forEach(f -> names.add(f.name()));
        names.add(Discrepancy.W1.NAME);
        double[][] values = new double[names.size()][n];
        double[][] closed = new double[names.size()][n];
        Normal q = new Normal(0, 1);
        IntStream.range(0, n).parallel().forEach(i -> {
            Normal p = family.p(grid[i]);
            List<DivergenceValues.Entry> e = DivergenceValues.compute(exact, p, q, fs, true);
            for (int k = 0; k < names.size(); k++) {
                values[k][i] = e.get(k).result().value();
                closed[k][i] = closedForm(names.get(k), family.mu(grid[i]), family.sigma(grid[i]));
            }
        });
        return new FamilyResult(family, grid, names, values, closed);
    }

    /**
     * The closed form of divergence {@code name} between P = N(μ, σ²) and Q = N(0, 1), NaN if
     * there is none (JS, GAN). W1: |μ| for σ = 1, |σ − 1|·√(2/π) for μ = 0 (the quantile coupling
     * x ↦ σx moves each point by |σ − 1||x|, and E|Z| = √(2/π)); NaN otherwise.
     */
    static double closedForm(String name, double mu, double sigma) {
        return switch (name) {
            case "tv" -> GaussianClosedForms.totalVariation(mu, sigma, 0, 1);
            case "kl" -> GaussianClosedForms.kl(mu, sigma, 0, 1);
            case "reverse-kl" -> GaussianClosedForms.kl(0, 1, mu, sigma);
            case "pearson" -> GaussianClosedForms.pearson(mu, sigma, 0, 1);
            case "neyman" -> GaussianClosedForms.neyman(mu, sigma, 0, 1);
            case "hellinger" -> GaussianClosedForms.squaredHellinger(mu, sigma, 0, 1);
            case "jeffrey" -> GaussianClosedForms.kl(mu, sigma, 0, 1) + GaussianClosedForms.kl(0, 1, mu, sigma);
            case Discrepancy.W1.NAME -> sigma == 1 ? Math.abs(mu)
                    : mu == 0 ? Math.abs(sigma - 1) * Math.sqrt(2 / Math.PI) : Double.NaN;
            default -> {
                FDivergence f = Divergences.byName(name);
                yield f instanceof AmariAlpha a
                        ? GaussianClosedForms.amariAlpha(a.alpha(), mu, sigma, 0, 1) : Double.NaN;
            }
        };
    }

    /**
     * The local check of one divergence: (D_f(N(θ,1)‖N(0,1)) − f(1))/(θ²/2) → f''(1) as θ → 0.
     * For TV (f''(1) = +∞) the ratio grows like 2/(θ√(2π)): TV = 2Φ(θ/2) − 1 ≈ θ/√(2π).
     */
    static LocalRow localRow(ExactDivergence exact, FDivergence f) {
        double f2 = f.secondDerivativeAtOne();
        double[] ratios = new double[LOCAL_THETAS.length];
        double[] errors = new double[LOCAL_THETAS.length];
        for (int j = 0; j < LOCAL_THETAS.length; j++) {
            ratios[j] = localRatio(exact, f, LOCAL_THETAS[j]);
            errors[j] = Double.isFinite(f2) ? Math.abs(ratios[j] - f2) / f2 : Double.NaN;
        }
        return new LocalRow(f.name(), f2, ratios, errors);
    }

    /**
     * (D_f(N(θ,1)‖N(0,1)) − f(1))/(θ²/2): subtracting f(1) makes the GAN row (f(1) = −log 4)
     * comparable; for the normalised divergences f(1) = 0.
     *
     * @param theta the shift, finite and non-zero
     * @throws IllegalArgumentException if θ is zero or not finite
     */
    static double localRatio(ExactDivergence exact, FDivergence f, double theta) {
        if (theta == 0 || !Double.isFinite(theta)) {
            throw new IllegalArgumentException("theta must be finite and non-zero, got " + theta);
        }
        double d = exact.divergence(f, new Normal(theta, 1), new Normal(0, 1)).value();
        return (d - f.generator(1.0)) / (0.5 * theta * theta);
    }

    /** The theoretical +∞ region of a scale-family divergence, or null. */
    static InfiniteRegion scaleInfiniteRegion(String name) {
        return SCALE_INFINITE.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }

    /**
     * Whether the quadrature's +∞ points of row k are exactly the grid points of the theoretical
     * region (none for divergences without one).
     */
    static boolean infinitiesMatchTheory(FamilyResult r, int k) {
        InfiniteRegion region = r.family() == Family.SCALE ? scaleInfiniteRegion(r.names().get(k)) : null;
        for (int i = 0; i < r.grid().length; i++) {
            boolean expected = region != null && region.contains(r.grid()[i]);
            if ((r.values()[k][i] == Double.POSITIVE_INFINITY) != expected) {
                return false;
            }
        }
        return true;
    }

    /** Index of the finite point next to the first +∞ run (left of it, or right of a leading run). */
    static int lastFiniteBeforeInfinity(double[] v) {
        for (int i = 0; i < v.length; i++) {
            if (v[i] == Double.POSITIVE_INFINITY) {
                if (i > 0) {
                    return i - 1;
                }
                int j = i;
                while (j < v.length && v[j] == Double.POSITIVE_INFINITY) {
                    j++;
                }
                return j < v.length ? j : -1;
            }
        }
        return -1;
    }

    private static double minFinite(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) {
            m = Math.min(m, x);
        }
        return m;
    }

    private static double maxFinite(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            if (Double.isFinite(x)) {
                m = Math.max(m, x);
            }
        }
        return m;
    }
}
