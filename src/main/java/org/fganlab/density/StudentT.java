package org.fganlab.density;

import org.hipparchus.random.RandomGenerator;
import org.hipparchus.special.Beta;

/**
 * Student's t density with ν degrees of freedom, location μ and scale σ:
 * {@code p(x) = (1 + z²/ν)^{−(ν+1)/2} / (σ√ν·B(ν/2, ½))}, z = (x − μ)/σ; spec
 * {@code student(nu,mu,sigma)}. ν = 1 is the Cauchy density; ν → ∞ tends to N(μ, σ²).
 *
 * <p>A final class rather than a record so that it can cache the normalising constant: the hot
 * path {@link #logDensity} then costs one division and one log1p. Equality, hash code and
 * accessors behave as for a record with components (nu, mu, sigma); {@code toString} is the
 * spec.
 *
 * <p>The constant is −log B(ν/2, ½) − ½log ν − log σ with Hipparchus {@link Beta#logBeta},
 * which equals logΓ((ν+1)/2) − logΓ(ν/2) − ½log(νπ) − log σ but does not lose digits to the
 * cancellation of two large log-gammas when ν is large.
 *
 * <table><caption>Edge cases</caption>
 * <tr><td>|z| so large that z² overflows</td><td>log1p(z²/ν) is replaced by 2·log|z| − log ν,
 *     so logDensity stays finite up to x = ±MAX_VALUE</td></tr>
 * <tr><td>x = ±∞</td><td>logDensity −∞, cdf 0 / 1</td></tr>
 * <tr><td>x = NaN</td><td>NaN</td></tr>
 * </table>
 */
public final class StudentT implements Density {

    /** Relative accuracy requested from the continued fraction of the incomplete beta. */
    private static final double BETA_EPSILON = 1e-16;
    /** Iteration cap of the continued fraction. */
    private static final int BETA_MAX_ITERATIONS = 100_000;
    /** Beyond this |z| the survival function uses its leading asymptotic term exactly. */
    private static final double ASYMPTOTIC_Z = 1e100;

    private final double nu;
    private final double mu;
    private final double sigma;
    /** log B(ν/2, ½). */
    private final double logBeta;
    /** log ν. */
    private final double logNu;
    /** (ν + 1)/2. */
    private final double halfNuPlusHalf;
    /** log of the normalising constant: −log B(ν/2, ½) − ½log ν − log σ. */
    private final double logC;
    /** log K with P(T &gt; t) ~ K·t^{−ν} for the standard t: −log B(ν/2, ½) + (ν/2 − 1)·log ν. */
    private final double logTailK;

    /**
     * @param nu degrees of freedom, positive and finite
     * @param mu the location (median; the mean if ν &gt; 1), finite
     * @param sigma the scale, positive and finite
     * @throws IllegalArgumentException if nu or sigma is not in (0, ∞) or mu is not finite
     */
    public StudentT(double nu, double mu, double sigma) {
        this.nu = Checks.positive("nu", nu);
        this.mu = Checks.finite("mu", mu);
        this.sigma = Checks.positive("sigma", sigma);
        this.logBeta = Beta.logBeta(0.5 * nu, 0.5);
        this.logNu = Math.log(nu);
        this.halfNuPlusHalf = 0.5 * (nu + 1);
        this.logC = -logBeta - 0.5 * logNu - Math.log(sigma);
        this.logTailK = -logBeta + (0.5 * nu - 1) * logNu;
    }

    /** @return the degrees of freedom ν */
    public double nu() {
        return nu;
    }

    /** @return the location μ */
    public double mu() {
        return mu;
    }

    /** @return the scale σ */
    public double sigma() {
        return sigma;
    }

    /** log C − ((ν+1)/2)·log1p(z²/ν). */
    @Override
    public double logDensity(double x) {
        double z = (x - mu) / sigma;
        double u = z * z / nu;
        // z² overflows beyond |z| ~ 1e154; there log1p(u) = log u to double precision.
        double l = u < Double.POSITIVE_INFINITY ? Math.log1p(u) : 2 * Math.log(Math.abs(z)) - logNu;
        return logC - halfNuPlusHalf * l;
    }

    @Override
    public double cdf(double x) {
        return standardCdf((x - mu) / sigma);
    }

    /** cdf(μ − (x − μ)) by symmetry, so the right tail keeps its relative accuracy. */
    @Override
    public double survival(double x) {
        return standardCdf((mu - x) / sigma);
    }

    /**
     * The standard t CDF through the regularized incomplete beta function I:
     * for t² &lt; ν, F(t) = ½ ± ½·I_y(½, ν/2) with y = t²/(ν + t²) (no loss near the median);
     * otherwise the tail ½·I_x(ν/2, ½) with x = ν/(ν + t²) (relative accuracy in the tail);
     * beyond |t| = 1e100 the tail's leading term K·|t|^{−ν}, exact there to double precision.
     */
    private double standardCdf(double t) {
        if (Double.isNaN(t)) {
            return t;
        }
        double a = Math.abs(t);
        double a2 = a * a;
        if (a2 < nu) {
            double c = 0.5 * Beta.regularizedBeta(a2 / (nu + a2), 0.5, 0.5 * nu,
                    BETA_EPSILON, BETA_MAX_ITERATIONS);
            return t < 0 ? 0.5 - c : 0.5 + c;
        }
        double tail;
        if (a > ASYMPTOTIC_Z) {
            tail = Math.exp(logTailK - nu * Math.log(a));
        } else {
            tail = 0.5 * Beta.regularizedBeta(nu / (nu + a2), 0.5 * nu, 0.5,
                    BETA_EPSILON, BETA_MAX_ITERATIONS);
        }
        return t < 0 ? tail : 1 - tail;
    }

    /**
     * Closed forms for ν = 1 (μ − σ·cot(πp), Cauchy) and ν = 2; otherwise Brent's method on
     * the standard CDF ({@link QuantileSolver}) to about one ulp. Evaluated on the smaller of p
     * and 1 − p and reflected, so both tails keep relative accuracy. Returns ∓∞ when the
     * quantile exceeds the double range (tiny p with small ν).
     *
     * @throws IllegalStateException if the root finder does not converge (not observed)
     */
    @Override
    public double quantile(double prob) {
        Checks.probability(prob);
        if (prob == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (prob == 1) {
            return Double.POSITIVE_INFINITY;
        }
        if (prob == 0.5) {
            return mu;
        }
        boolean lower = prob < 0.5;
        double p = lower ? prob : 1 - prob;
        double t = lowerStandardQuantile(p);
        return lower ? mu + sigma * t : mu - sigma * t;
    }

    /** The standard t quantile for 0 &lt; p &lt; ½ (negative). */
    private double lowerStandardQuantile(double p) {
        if (nu == 1) {
            return -1 / Math.tan(Math.PI * p);
        }
        if (nu == 2) {
            return (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
        }
        // Start from the tail asymptote P(T < −t) ~ K·t^{−ν}, then double until bracketed.
        double limit = Double.MAX_VALUE / 8;
        double t = -Math.min(limit, Math.max(1, Math.exp((logTailK - Math.log(p)) / nu)));
        double hi = 0;
        while (standardCdf(t) >= p) {
            hi = t;
            if (t < -limit / 2) {
                return Double.NEGATIVE_INFINITY;
            }
            t *= 2;
        }
        return QuantileSolver.solve(this::standardCdf, s -> standardCdf(-s), this, p, t, hi,
                1e-300);
    }

    /**
     * Bailey's polar method (Math. Comp. 62, 1994), exact for every ν &gt; 0: draw (U, V)
     * uniform on the unit disc, W = U² + V², and return μ + σ·U·√(ν(W^{−2/ν} − 1)/W).
     */
    @Override
    public double sample(RandomGenerator rng) {
        double u;
        double w;
        do {
            u = 2 * rng.nextDouble() - 1;
            double v = 2 * rng.nextDouble() - 1;
            w = u * u + v * v;
        } while (w >= 1 || w == 0);
        // W^{−2/ν} − 1 with expm1: no cancellation when ν is large.
        double r2 = nu * Math.expm1(-2 / nu * Math.log(w));
        return mu + sigma * u * Math.sqrt(r2 / w);
    }

    /** @return −∞ */
    @Override
    public double supportLower() {
        return Double.NEGATIVE_INFINITY;
    }

    /** @return +∞ */
    @Override
    public double supportUpper() {
        return Double.POSITIVE_INFINITY;
    }

    /** @return {μ} */
    @Override
    public double[] breakpoints() {
        return new double[] {mu};
    }

    /**
     * @return σ, the scale parameter (the standard deviation σ√(ν/(ν−2)) exists only for
     *         ν &gt; 2 and blows up as ν → 2, so it is not used)
     */
    @Override
    public double scale() {
        return sigma;
    }

    /** @return one bump, (mu, sigma) */
    @Override
    public java.util.List<Bump> bumps() {
        return java.util.List.of(new Bump(mu, sigma));
    }

    @Override
    public Density affine(double shift, double unit) {
        Checks.affine(shift, unit);
        return new StudentT(nu, (mu - shift) / unit, sigma / unit);
    }

    /**
     * r2 = r1 = 0, logR = −(ν+1), r0 = −log B(ν/2, ½) + (ν/2)·log ν + ν·log σ (the log of C in
     * p ~ C·r^{−(ν+1)}); the remainder is O(1/r) (about (ν+1)·side·μ/r).
     */
    @Override
    public LogTail tail(int side) {
        Checks.side(side);
        double r0 = -logBeta + 0.5 * nu * logNu + nu * Math.log(sigma);
        return new LogTail(0, 0, -(nu + 1), r0);
    }

    /** @return {@code student(nu,mu,sigma)} */
    @Override
    public String spec() {
        return "student(" + Numbers.format(nu) + "," + Numbers.format(mu) + ","
                + Numbers.format(sigma) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StudentT t && Double.compare(nu, t.nu) == 0
                && Double.compare(mu, t.mu) == 0 && Double.compare(sigma, t.sigma) == 0;
    }

    @Override
    public int hashCode() {
        return (31 * Double.hashCode(nu) + Double.hashCode(mu)) * 31 + Double.hashCode(sigma);
    }

    /** @return the spec */
    @Override
    public String toString() {
        return spec();
    }
}
