package org.fganlab.theory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.fganlab.density.Density;
import org.fganlab.density.Laplace;
import org.fganlab.density.Logistic;
import org.fganlab.density.Mixture;
import org.fganlab.density.Normal;
import org.fganlab.density.StudentT;
import org.fganlab.density.Uniform;
import org.fganlab.divergence.FDivergence;
import org.fganlab.quadrature.AdaptiveQuadrature;
import org.fganlab.quadrature.QuadratureResult;
import org.fganlab.quadrature.QuadratureSettings;
import org.hipparchus.analysis.MultivariateFunction;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;

/**
 * The exact best Gaussian fit of a target density under an f-divergence: the minimiser
 * (μ*, σ*) over μ ∈ R, σ &gt; 0 of
 *
 * <pre>    F(μ, σ) = D_f(P‖Q_θ) = ∫ q_θ(x) f(p(x)/q_θ(x)) dx,   Q_θ = N(μ, σ²),</pre>
 *
 * with P the target (the data density, first argument as everywhere in this project) and every
 * value of F an exact divergence by quadrature ({@link ExactDivergence}, relative accuracy about
 * 1e-13). This is the population optimum that an f-GAN with the Gaussian generator μ + σz
 * approaches (Nowozin et al. 2016, Section 6.1 and Table 4). Values in nats.
 *
 * <p><b>Parametrisation.</b> The search runs in (μ, log σ), so σ &gt; 0 needs no constraint,
 * with steps measured in units of the current σ (μ/σ, log σ): the problem then looks the same at
 * every scale of the target, and for a nearly Gaussian target the Hessian of F is about
 * f''(1)·diag(1, 2), the Fisher information in these coordinates.
 *
 * <p><b>Start.</b> Moment matching: the target's mean and standard deviation, in closed form
 * from the family's parameters (mixtures combine their components' moments). Where the
 * variance is infinite (Student-t with ν ≤ 2, or a mixture with such a component) the start is
 * the median and IQR/1.349 (the σ of a normal with that IQR). For a mixture each component's
 * location and scale is an extra start, so that mode-seeking divergences (reverse KL, …) find
 * the mode with the lowest divergence and not only the local minimum nearest the overall mean.
 * If F is +∞ at a start (e.g. Pearson χ² with σ too small for the target's tails), σ is scanned
 * over σ_start·2^k, k = ±1, ±2, …, ±40, and the first finite point is used. If the scan from
 * the moment start finds no finite point, every fit is infinite: for the densities of this
 * project, whether D_f(P‖N(μ, σ²)) is finite depends on the tails and the support of P and on σ,
 * not on μ (μ enters the Gaussian tail only at lower order, which decides only at isolated
 * values of σ), so a scan in σ at one μ decides.
 *
 * <p><b>Optimiser.</b> (1) Hipparchus' {@link NelderMeadSimplex} from every start, in the
 * coordinates ((μ − μ_s)/σ_s, log(σ/σ_s)) with an initial simplex of edge ¼, until every vertex
 * is within 1e-2 of the best one in each coordinate. Nelder–Mead only compares values, so +∞ (a
 * divergent D_f) acts as a wall; so does the search box |μ − μ₀| ≤ 10⁶σ₀, |log(σ/σ₀)| ≤ 60
 * around the moment start (μ₀, σ₀). (2) Newton's method from the best vertex (and from the best
 * vertex of any other start whose value is within 1e-3·(1 + |F|) of it, since the simplex
 * values are only that accurate): gradient and Hessian of F in the local coordinates
 * (μ/σ, log σ) by central differences with step h: the five-point first and second differences
 * along each axis and the four-corner mixed difference (13 evaluations of F). An indefinite
 * Hessian is replaced by the one with the absolute values of its eigenvalues; steps longer than
 * 1 are shortened to 1 and, while longer than 1e-5, halved until F decreases. Newton iterates at
 * h = 1e-3 until a step is at most 1e-9 (in units of σ for μ, relative for σ), then refines at
 * h = 1e-4 until a step is at most 1e-9 again (usually the first). The five-point truncation
 * error h⁴F⁽⁵⁾/30 falls 10⁴-fold between the two, so the refined point is the stationary point
 * of F itself, up to the round-off of the differences, ≈ 1.5·δF/h for an objective accurate to
 * δF. Should no step decrease F (a stencil too wide for the curvature next to a wall of +∞),
 * h is divided by 10 (at most three divisions in all).
 *
 * <p><b>Accuracy.</b> Against independent optima (30-digit mpmath, Newton on the analytic
 * gradient; see {@code GaussianFitTest}), μ* and σ* agree to about 10⁻¹²·σ* on the f-GAN target
 * for every divergence, TV included; the tests require 1e-7 absolute. Round-off of F bounds the
 * accuracy at roughly 10⁻¹²·σ*·|F|/F'' in general; TV, whose quadrature splits at numerically
 * found crossings p = q, can carry sporadic errors near 1e-12 in F and then its optimum only to
 * about 1e-8·σ*. The reported value is F at the returned point (accurate to about 1e-13
 * relative). The result is the lowest local minimum reached from the starts above; that it is
 * the global minimum is not proved (for the f-GAN target an independent grid search agrees).
 * Where the minimum is attained twice (a symmetric two-mode target under a mode-seeking
 * divergence), one of the minimisers is returned, deterministically.
 *
 * <p><b>Cost.</b> A few hundred evaluations of F, each a few hundred integrand evaluations
 * (about 10⁵ integrand evaluations, 20–40 ms, for the two-component f-GAN target; TV costs more
 * for its crossing search); {@link Result#evaluations()} counts every integrand evaluation spent,
 * in the σ scan, the simplex and Newton. Thread-safe (no state is kept between calls).
 */
public final class GaussianFit {

    /** Finite-difference step, in units of σ for μ and absolute for log σ. */
    static final double FD_STEP = 1e-3;
    /**
     * The difference step is reduced tenfold at most this many times (to 1e-6, where the gradient
     * round-off ≈ 1e-16·|F|/h is still below 1e-10·|F|).
     */
    static final int MAX_STEP_REDUCTIONS = 3;
    /** Newton stops after a step at most this long (units as {@link #FD_STEP}). */
    static final double STEP_TOLERANCE = 1e-9;
    /** Steps longer than this are checked for decrease of F (below it ΔF is round-off). */
    static final double LINE_SEARCH_MIN_STEP = 1e-5;
    /** Nelder–Mead stops when every vertex is within this of the best (scaled coordinates). */
    static final double SIMPLEX_TOLERANCE = 1e-2;
    /** Edge of the initial simplex (scaled coordinates). */
    static final double SIMPLEX_EDGE = 0.25;
    /** Further starts are polished if their simplex value is within this of the best one. */
    static final double CANDIDATE_GAP = 1e-3;
    /** Iteration cap of each Nelder–Mead run. */
    static final int MAX_SIMPLEX_ITERATIONS = 2000;
    /** Iteration cap of each Newton run. */
    static final int MAX_NEWTON_ITERATIONS = 50;
    /** Octaves of the σ scan for a finite start: σ_start·2^k, |k| ≤ this. */
    static final int SCAN_OCTAVES = 40;
    /** Search box: |μ − μ₀| ≤ BOX_MU·σ₀. */
    static final double BOX_MU = 1e6;
    /** Search box: |log(σ/σ₀)| ≤ BOX_LOG_SIGMA. */
    static final double BOX_LOG_SIGMA = 60;
    /** σ of N(0, 1) per unit of interquartile range: 1/(2Φ⁻¹(¾)). */
    static final double SIGMA_PER_IQR = 1 / 1.3489795003921634;

    /**
     * Quadrature goals of the objective: relative 1e-13 as {@link ExactDivergence#standard()},
     * plus an absolute goal of 1e-18 nats, far below what the differences need (their round-off
     * is 1e-18/h ≤ 1e-12), so that a Gaussian within round-off of the target (F ≈ 1e-30, where
     * the rounding of log p − log q keeps the relative goal out of reach) ends the quadrature.
     */
    static final QuadratureSettings OBJECTIVE_SETTINGS = new QuadratureSettings(1e-13, 1e-18, 200_000);

    private static final GaussianFit DEFAULT = new GaussianFit(new ExactDivergence(
            new PairQuadrature(new AdaptiveQuadrature(OBJECTIVE_SETTINGS))));

    private final ExactDivergence exact;
    private final int maxSimplexIterations;
    private final int maxNewtonIterations;

    /**
     * The best fit.
     *
     * @param mu μ*, the mean of the best Gaussian
     * @param sigma σ* &gt; 0, its standard deviation
     * @param value D_f(P‖N(μ*, σ*²)) in nats (finite)
     * @param evaluations integrand evaluations spent by all quadratures of the fit (saturates at
     *     {@link Integer#MAX_VALUE})
     */
    public record Result(double mu, double sigma, double value, int evaluations) {
    }

    /**
     * @param exact the divergence engine (not null)
     * @throws IllegalArgumentException if exact is null
     */
    public GaussianFit(ExactDivergence exact) {
        this(exact, MAX_SIMPLEX_ITERATIONS, MAX_NEWTON_ITERATIONS);
    }

    /** With iteration caps (package-private: tests provoke non-convergence with tiny caps). */
    GaussianFit(ExactDivergence exact, int maxSimplexIterations, int maxNewtonIterations) {
        if (exact == null) {
            throw new IllegalArgumentException("exact must not be null");
        }
        this.exact = exact;
        this.maxSimplexIterations = maxSimplexIterations;
        this.maxNewtonIterations = maxNewtonIterations;
    }

    /** The shared instance, on quadrature with {@link #OBJECTIVE_SETTINGS}. */
    public static GaussianFit standard() {
        return DEFAULT;
    }

    /**
     * The Gaussian N(μ*, σ*²) minimising D_f(P‖N(μ, σ²)) (see the class comment for the method
     * and its accuracy).
     *
     * @param f the divergence (not null)
     * @param target the density of P (not null)
     * @return μ*, σ*, the minimum value in nats and the integrand evaluations spent
     * @throws IllegalArgumentException if f or target is null, or if D_f(P‖N(μ, σ²)) is +∞ for
     *     every Gaussian (for every σ of the scan around the start; the message names the
     *     divergence, the target and the reason: P's support is bounded and f(0+) = +∞, or a
     *     tail of P is too heavy for every Gaussian tail)
     * @throws IllegalStateException if Nelder–Mead does not shrink its simplex within
     *     {@value #MAX_SIMPLEX_ITERATIONS} iterations, Newton does not converge within
     *     {@value #MAX_NEWTON_ITERATIONS}, no step decreases F, or every
     *     stencil point near the iterate is +∞; the message gives the last iterate
     */
    public Result fit(FDivergence f, Density target) {
        if (f == null || target == null) {
            throw new IllegalArgumentException("f and target must not be null, got "
                    + (f == null ? "f=null" : "target=null"));
        }
        double[] reference = location(target);
        Objective obj = new Objective(f, target, reference[0], reference[1]);
        List<double[]> starts = new ArrayList<>();
        starts.add(reference);
        if (target instanceof Mixture m) {
            for (Density c : m.components()) {
                double[] s = location(c);
                if (starts.stream().noneMatch(t -> t[0] == s[0] && t[1] == s[1])) {
                    starts.add(s);
                }
            }
        }
        List<PointValuePair> simplexMinima = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            double[] s = finiteStart(obj, starts.get(i));
            if (s == null) {
                if (i == 0) {
                    throw new IllegalArgumentException(allInfiniteMessage(f, target, reference));
                }
                continue;
            }
            simplexMinima.add(simplex(obj, s));
        }
        simplexMinima.sort(Comparator.comparingDouble(PointValuePair::getValue));
        double bestSimplex = simplexMinima.get(0).getValue();
        double[] best = null;
        List<double[]> polished = new ArrayList<>();
        for (PointValuePair c : simplexMinima) {
            if (c.getValue() > bestSimplex + CANDIDATE_GAP * (1 + Math.abs(bestSimplex))
                    || isNear(polished, c.getPoint())) {
                continue;
            }
            double[] r = newton(obj, c.getPoint()[0], c.getPoint()[1], c.getValue());
            polished.add(c.getPoint());
            if (best == null || r[2] < best[2]) {
                best = r;
            }
        }
        return new Result(best[0], Math.exp(best[1]), best[2],
                (int) Math.min(Integer.MAX_VALUE, obj.evaluations));
    }

    /**
     * A location and scale of a density: (mean, standard deviation) where the variance is
     * finite, else (median, IQR/1.349). Exact from the family's parameters.
     */
    static double[] location(Density d) {
        double[] m = moments(d);
        if (Double.isFinite(m[0]) && Double.isFinite(m[1]) && m[1] > 0) {
            return new double[] {m[0], Math.sqrt(m[1])};
        }
        double iqr = d.quantile(0.75) - d.quantile(0.25);
        return new double[] {d.quantile(0.5), iqr * SIGMA_PER_IQR};
    }

    /** {mean, variance}; NaN mean / +∞ variance where they do not exist. */
    private static double[] moments(Density d) {
        if (d instanceof Normal n) {
            return new double[] {n.mu(), n.sigma() * n.sigma()};
        }
        if (d instanceof Uniform u) {
            double w = u.b() - u.a();
            return new double[] {0.5 * (u.a() + u.b()), w * w / 12};
        }
        if (d instanceof Laplace l) {
            return new double[] {l.mu(), 2 * l.b() * l.b()};
        }
        if (d instanceof Logistic l) {
            return new double[] {l.mu(), l.s() * l.s() * Math.PI * Math.PI / 3};
        }
        if (d instanceof StudentT t) {
            double nu = t.nu();
            return new double[] {nu > 1 ? t.mu() : Double.NaN,
                nu > 2 ? t.sigma() * t.sigma() * nu / (nu - 2) : Double.POSITIVE_INFINITY};
        }
        Mixture m = (Mixture) d;
        double[] w = m.weights();
        Density[] c = m.components();
        double total = 0;
        for (double wi : w) {
            total += wi;
        }
        double[][] cm = new double[c.length][];
        double mean = 0;
        for (int i = 0; i < c.length; i++) {
            cm[i] = moments(c[i]);
            mean += w[i] / total * cm[i][0];
        }
        double var = 0;
        for (int i = 0; i < c.length; i++) {
            double dm = cm[i][0] - mean;
            var += w[i] / total * (cm[i][1] + dm * dm);
        }
        return new double[] {mean, var};
    }

    /** {μ, log σ} with F finite: the start itself or the nearest finite point of the σ scan. */
    private static double[] finiteStart(Objective obj, double[] start) {
        double mu = start[0];
        double logSigma = Math.log(start[1]);
        if (Double.isFinite(obj.raw(mu, logSigma))) {
            return new double[] {mu, logSigma, start[1]};
        }
        for (int k = 1; k <= SCAN_OCTAVES; k++) {
            for (int sign = 1; sign >= -1; sign -= 2) {
                double ls = logSigma + sign * k * Math.log(2);
                if (Double.isFinite(obj.raw(mu, ls))) {
                    return new double[] {mu, ls, Math.exp(ls)};
                }
            }
        }
        return null;
    }

    private static String allInfiniteMessage(FDivergence f, Density target, double[] start) {
        boolean bounded = Double.isFinite(target.supportLower()) || Double.isFinite(target.supportUpper());
        String why = bounded && f.valueAtZero() == Double.POSITIVE_INFINITY
                ? "P has bounded support and f(0+) = +inf, so the Gaussian's mass outside it makes"
                        + " the integral infinite"
                : "a tail of P is too heavy for every Gaussian tail (the integral diverges at"
                        + " infinity)";
        return String.format(Locale.ROOT, "no Gaussian fit of %s under %s is finite:"
                + " D_%s(P||N(mu, sigma^2)) = +inf at mu = %.6g for every sigma in [%.3g, %.3g]: %s",
                target.spec(), f.name(), f.name(), start[0], start[1] * Math.pow(2, -SCAN_OCTAVES),
                start[1] * Math.pow(2, SCAN_OCTAVES), why);
    }

    /**
     * Nelder–Mead from a finite start {μ, log σ, σ} in the scaled coordinates of that start.
     *
     * @return the best vertex as {μ, log σ} and its value
     */
    private PointValuePair simplex(Objective obj, double[] start) {
        double mu0 = start[0];
        double ls0 = start[1];
        double s0 = start[2];
        MultivariateFunction fn = x -> obj.value(mu0 + s0 * x[0], ls0 + x[1]);
        Comparator<PointValuePair> order = Comparator.comparingDouble(PointValuePair::getValue);
        NelderMeadSimplex simplex = new NelderMeadSimplex(new double[] {SIMPLEX_EDGE, SIMPLEX_EDGE});
        simplex.build(new double[] {0, 0});
        simplex.evaluate(fn, order);
        for (int it = 0; it < maxSimplexIterations; it++) {
            PointValuePair[] v = simplex.getPoints();
            double size = 0;
            for (PointValuePair p : v) {
                for (int j = 0; j < 2; j++) {
                    size = Math.max(size, Math.abs(p.getPoint()[j] - v[0].getPoint()[j]));
                }
            }
            if (size <= SIMPLEX_TOLERANCE && Double.isFinite(v[0].getValue())) {
                double[] x = v[0].getPoint();
                return new PointValuePair(new double[] {mu0 + s0 * x[0], ls0 + x[1]}, v[0].getValue());
            }
            simplex.iterate(fn, order);
        }
        double[] x = simplex.getPoint(0).getPoint();
        throw new IllegalStateException(String.format(Locale.ROOT,
                "Nelder-Mead did not converge in %d iterations for D_%s(%s||N(mu, sigma^2)):"
                        + " last best vertex mu = %.17g, sigma = %.17g, value %.17g",
                maxSimplexIterations, obj.f.name(), obj.p.spec(), mu0 + s0 * x[0],
                Math.exp(ls0 + x[1]), simplex.getPoint(0).getValue()));
    }

    /**
     * Newton's method on central differences from (μ, log σ) with F = value there, in two
     * stages: iterate at difference step h until a step is at most {@link #STEP_TOLERANCE}, then
     * refine at h/10 until a step is at most the tolerance again. The five-point truncation error
     * falls 10⁴-fold from h to h/10, so the refined point is the stationary point of F up to
     * round-off; usually the first step at h/10 is already below the tolerance. The step h also
     * shrinks tenfold (at most {@link #MAX_STEP_REDUCTIONS} times in all) when no step along the
     * Newton direction decreases F, which happens when the stencil is too wide for the curvature
     * (next to a wall of +∞).
     *
     * @return {μ*, log σ*, F(μ*, σ*)}
     */
    private double[] newton(Objective obj, double mu, double logSigma, double value) {
        double step = Double.NaN;
        int reductions = 0;
        double h = FD_STEP;
        boolean refining = false;
        for (int it = 0; it < maxNewtonIterations; it++) {
            double sigma = Math.exp(logSigma);
            double[] d = newtonStep(derivatives(obj, mu, logSigma, value, h));
            double len = Math.max(Math.abs(d[0]), Math.abs(d[1]));
            if (len > 1) {
                d[0] /= len;
                d[1] /= len;
                len = 1;
            }
            double alpha = 1;
            double next = Double.NaN;
            if (len > LINE_SEARCH_MIN_STEP) {
                while (!((next = obj.value(mu + alpha * d[0] * sigma, logSigma + alpha * d[1])) < value)) {
                    alpha /= 2;
                    if (alpha * len < LINE_SEARCH_MIN_STEP) {
                        break;
                    }
                }
                if (!(next < value)) {
                    // the difference stencil was too wide for the curvature (e.g. near a wall
                    // of +inf): retry from the same point with a tenfold smaller step
                    if (reductions == MAX_STEP_REDUCTIONS) {
                        throw new IllegalStateException(notConverged(obj,
                                "no decrease of F along the Newton direction", mu, logSigma, value, len));
                    }
                    h = FD_STEP * Math.pow(10, -++reductions);
                    continue;
                }
            }
            mu += alpha * d[0] * sigma;
            logSigma += alpha * d[1];
            step = alpha * len;
            value = Double.isNaN(next) ? obj.value(mu, logSigma) : next;
            if (!Double.isFinite(value)) {
                throw new IllegalStateException(notConverged(obj, "the iterate hit +inf", mu,
                        logSigma, value, step));
            }
            if (step <= STEP_TOLERANCE) {
                if (refining || reductions == MAX_STEP_REDUCTIONS) {
                    return new double[] {mu, logSigma, value};
                }
                refining = true;
                h = FD_STEP * Math.pow(10, -++reductions);
            }
        }
        throw new IllegalStateException(notConverged(obj, "Newton did not converge in "
                + maxNewtonIterations + " iterations", mu, logSigma, value, step));
    }

    private static String notConverged(Objective obj, String what, double mu, double logSigma,
            double value, double step) {
        return String.format(Locale.ROOT, "%s for D_%s(%s||N(mu, sigma^2)): last iterate mu = %.17g,"
                        + " sigma = %.17g, value %.17g, last step %.3g (tolerance %.1g)",
                what, obj.f.name(), obj.p.spec(), mu, Math.exp(logSigma), value, step, STEP_TOLERANCE);
    }

    /**
     * Gradient and Hessian of F in the local coordinates (μ/σ, log σ) at (μ, log σ) by central
     * differences with step h; h shrinks tenfold (at most twice) if a stencil point is +∞.
     *
     * @return {g0, g1, H00, H01, H11}
     */
    private static double[] derivatives(Objective obj, double mu, double logSigma, double f0,
            double step) {
        double sigma = Math.exp(logSigma);
        double h = step;
        for (int attempt = 0; attempt < 3; attempt++, h /= 10) {
            double[] g = new double[2];
            double[] hd = new double[2];
            boolean finite = true;
            for (int j = 0; j < 2 && finite; j++) {
                double[] v = new double[4];
                int[] k = {-2, -1, 1, 2};
                for (int i = 0; i < 4; i++) {
                    v[i] = j == 0 ? obj.value(mu + k[i] * h * sigma, logSigma)
                            : obj.value(mu, logSigma + k[i] * h);
                }
                finite = Double.isFinite(v[0] + v[1] + v[2] + v[3]);
                g[j] = (v[0] - 8 * v[1] + 8 * v[2] - v[3]) / (12 * h);
                hd[j] = (-v[0] + 16 * v[1] - 30 * f0 + 16 * v[2] - v[3]) / (12 * h * h);
            }
            if (!finite) {
                continue;
            }
            double pp = obj.value(mu + h * sigma, logSigma + h);
            double pm = obj.value(mu + h * sigma, logSigma - h);
            double mp = obj.value(mu - h * sigma, logSigma + h);
            double mm = obj.value(mu - h * sigma, logSigma - h);
            if (!Double.isFinite(pp + pm + mp + mm)) {
                continue;
            }
            return new double[] {g[0], g[1], hd[0], (pp - pm - mp + mm) / (4 * h * h), hd[1]};
        }
        throw new IllegalStateException(notConverged(obj,
                "F is +inf at every finite-difference stencil", mu, logSigma, f0, Double.NaN));
    }

    /**
     * −H⁻¹g, with H replaced by V|Λ|Vᵀ (floored at 1e-8 of the largest |eigenvalue|) where it is
     * not positive definite.
     */
    private static double[] newtonStep(double[] gh) {
        double a = gh[2];
        double b = gh[3];
        double c = gh[4];
        double mean = 0.5 * (a + c);
        double r = Math.hypot(0.5 * (a - c), b);
        double l1 = mean + r;
        double l2 = mean - r;
        if (!(l2 > 0)) {
            // eigenvectors of [[a, b], [b, c]]: angle φ with tan 2φ = 2b/(a − c)
            double phi = 0.5 * Math.atan2(2 * b, a - c);
            double cs = Math.cos(phi);
            double sn = Math.sin(phi);
            double floor = 1e-8 * Math.max(Math.abs(l1), Math.abs(l2));
            double m1 = Math.max(Math.abs(l1), floor);
            double m2 = Math.max(Math.abs(l2), floor);
            if (!(m1 > 0)) {
                m1 = 1;
                m2 = 1;
            }
            a = m1 * cs * cs + m2 * sn * sn;
            c = m1 * sn * sn + m2 * cs * cs;
            b = (m1 - m2) * cs * sn;
        }
        double det = a * c - b * b;
        return new double[] {-(c * gh[0] - b * gh[1]) / det, -(a * gh[1] - b * gh[0]) / det};
    }

    private static boolean isNear(List<double[]> points, double[] x) {
        for (double[] p : points) {
            if (Math.abs(p[0] - x[0]) <= 1e-2 * Math.exp(x[1]) && Math.abs(p[1] - x[1]) <= 1e-2) {
                return true;
            }
        }
        return false;
    }

    /** F(μ, log σ) for one fit, counting integrand evaluations (one instance per call). */
    private final class Objective {
        final FDivergence f;
        final Density p;
        final double mu0;
        final double sigma0;
        final double logSigma0;
        long evaluations;

        Objective(FDivergence f, Density p, double mu0, double sigma0) {
            this.f = f;
            this.p = p;
            this.mu0 = mu0;
            this.sigma0 = sigma0;
            this.logSigma0 = Math.log(sigma0);
        }

        /** F inside the search box, +∞ outside it. */
        double value(double mu, double logSigma) {
            if (!(Math.abs(mu - mu0) <= BOX_MU * sigma0)
                    || !(Math.abs(logSigma - logSigma0) <= BOX_LOG_SIGMA)) {
                return Double.POSITIVE_INFINITY;
            }
            return raw(mu, logSigma);
        }

        /** F without the box. */
        double raw(double mu, double logSigma) {
            double sigma = Math.exp(logSigma);
            if (!Double.isFinite(mu) || !(sigma > 0 && sigma < Double.POSITIVE_INFINITY)) {
                return Double.POSITIVE_INFINITY;
            }
            QuadratureResult r = exact.divergence(f, p, new Normal(mu, sigma));
            evaluations += r.evaluations();
            return r.value();
        }
    }
}
