package org.fganlab.density;

import org.hipparchus.random.RandomGenerator;
import org.hipparchus.special.Erf;

/**
 * The normal density N(μ, σ²): {@code p(x) = exp(−(x−μ)²/(2σ²)) / (σ√(2π))}, spec
 * {@code normal(mu,sigma)} (alias {@code gaussian}).
 *
 * <p>A final class rather than a record so that it can cache −log σ − ½log 2π: the hot path
 * {@link #logDensity} then costs one division and two multiply-adds, no log or exp. Equality,
 * hash code and accessors behave as for a record with components (mu, sigma); {@code toString}
 * is the spec.
 *
 * <table><caption>Edge cases</caption>
 * <tr><td>x = ±∞</td><td>logDensity −∞, cdf 0 / 1</td></tr>
 * <tr><td>x = NaN</td><td>NaN from logDensity, cdf, survival</td></tr>
 * <tr><td>far tails</td><td>logDensity exact (N(0,1) at 40 is −800 − ½log 2π); survival via
 *     erfc, relative accuracy ~1e-14 until it underflows past z ≈ 38</td></tr>
 * </table>
 */
public final class Normal implements Density {

    /** ½ log(2π). */
    static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
    /** 1/√2. */
    private static final double SQRT_HALF = Math.sqrt(0.5);
    /** √2. */
    private static final double SQRT2 = Math.sqrt(2);

    private final double mu;
    private final double sigma;
    /** −log σ − ½ log 2π. */
    private final double logNorm;

    /**
     * @param mu the mean, finite
     * @param sigma the standard deviation, positive and finite
     * @throws IllegalArgumentException if mu is not finite or sigma is not in (0, ∞)
     */
    public Normal(double mu, double sigma) {
        this.mu = Checks.finite("mu", mu);
        this.sigma = Checks.positive("sigma", sigma);
        this.logNorm = -Math.log(sigma) - HALF_LOG_2PI;
    }

    /** @return the mean μ */
    public double mu() {
        return mu;
    }

    /** @return the standard deviation σ */
    public double sigma() {
        return sigma;
    }

    /** {@code −z²/2 − log σ − ½log 2π} with z = (x − μ)/σ. */
    @Override
    public double logDensity(double x) {
        double z = (x - mu) / sigma;
        return -0.5 * z * z + logNorm;
    }

    /** Φ(z) = ½ erfc(−z/√2). */
    @Override
    public double cdf(double x) {
        return 0.5 * Erf.erfc(-(x - mu) / sigma * SQRT_HALF);
    }

    /** 1 − Φ(z) = ½ erfc(z/√2), accurate far in the right tail. */
    @Override
    public double survival(double x) {
        return 0.5 * Erf.erfc((x - mu) / sigma * SQRT_HALF);
    }

    /**
     * μ + σ·Φ⁻¹(prob), accurate in both tails: Φ⁻¹ is evaluated on the smaller of prob and
     * 1 − prob (exact for prob ≥ ½) and polished by Newton steps on log Φ.
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
        double z = prob <= 0.5 ? lowerStandardQuantile(prob) : -lowerStandardQuantile(1 - prob);
        return mu + sigma * z;
    }

    /**
     * Φ⁻¹(p) for 0 &lt; p ≤ ½. The start is √2·erfinv(2p − 1) (Giles' approximation, via
     * Hipparchus) where 2p − 1 still carries p's digits, else Abramowitz &amp; Stegun 26.2.23
     * (absolute error below 4.5e-4); then Newton on f(z) = log Φ(z) − log p, which is concave
     * and increasing so the iteration cannot diverge, converges quadratically.
     */
    static double lowerStandardQuantile(double p) {
        if (p == 0.5) {
            return 0;
        }
        double z;
        if (p > 1e-10) {
            z = SQRT2 * Erf.erfInv(2 * p - 1);
        } else {
            double t = Math.sqrt(-2 * Math.log(p));
            z = -(t - (2.515517 + t * (0.802853 + t * 0.010328))
                    / (1 + t * (1.432788 + t * (0.189269 + t * 0.001308))));
        }
        double logP = Math.log(p);
        for (int i = 0; i < 20; i++) {
            double logPhi = Math.log(0.5 * Erf.erfc(-z * SQRT_HALF));
            double logpdf = -0.5 * z * z - HALF_LOG_2PI;
            double step = (logPhi - logP) * Math.exp(logPhi - logpdf);
            if (!Double.isFinite(step)) {
                break;
            }
            z -= step;
            if (Math.abs(step) <= 2 * Math.ulp(z)) {
                break;
            }
        }
        return z;
    }

    /** μ + σ·Z with Z from {@link StandardNormal#sample} (allocation-free). */
    @Override
    public double sample(RandomGenerator rng) {
        return mu + sigma * StandardNormal.sample(rng);
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

    /** @return σ */
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
        return new Normal((mu - shift) / unit, sigma / unit);
    }

    /**
     * r2 = −1/(2σ²), r1 = side·μ/σ², logR = 0, r0 = −μ²/(2σ²) − log(σ√(2π)); exact (no o(1)
     * remainder).
     */
    @Override
    public LogTail tail(int side) {
        Checks.side(side);
        // divided step by step so that no σ² or μ² underflows or overflows on its own
        double z0 = mu / sigma;
        // −1/(2σ²) stays negative and finite where it underflows or overflows (σ beyond about
        // 10^±154 after the caller's rescaling): a Gaussian tail must not read as an algebraic
        // one, and a comparison of two tails must see which is lighter
        double r2 = Math.max(Math.min(-0.5 / sigma / sigma, -Double.MIN_VALUE), -Double.MAX_VALUE);
        return new LogTail(r2, side * z0 / sigma, 0, -0.5 * z0 * z0 + logNorm);
    }

    /** @return {@code normal(mu,sigma)} */
    @Override
    public String spec() {
        return "normal(" + Numbers.format(mu) + "," + Numbers.format(sigma) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Normal n
                && Double.compare(mu, n.mu) == 0 && Double.compare(sigma, n.sigma) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(mu) + Double.hashCode(sigma);
    }

    /** @return the spec */
    @Override
    public String toString() {
        return spec();
    }
}
