package org.fganlab.density;

import org.hipparchus.random.RandomGenerator;

/**
 * The logistic density: {@code p(x) = e^{−z} / (s(1 + e^{−z})²)}, z = (x − μ)/s, spec
 * {@code logistic(mu,s)}. Mean μ, variance s²π²/3.
 *
 * <p>A final class rather than a record so that it can cache log s. Equality, hash code and
 * accessors behave as for a record with components (mu, s); {@code toString} is the spec.
 *
 * <p>Edge cases: logDensity uses the symmetric form −|z| − 2·log1p(e^{−|z|}) − log s, which
 * never overflows (at x = μ ± 1000s it is −1000 − log s); x = ±∞ gives −∞; NaN in gives NaN
 * out.
 */
public final class Logistic implements Density {

    private final double mu;
    private final double s;
    /** log s. */
    private final double logS;

    /**
     * @param mu the location (mean and median), finite
     * @param s the scale, positive and finite
     * @throws IllegalArgumentException if mu is not finite or s is not in (0, ∞)
     */
    public Logistic(double mu, double s) {
        this.mu = Checks.finite("mu", mu);
        this.s = Checks.positive("s", s);
        this.logS = Math.log(s);
    }

    /** @return the location μ */
    public double mu() {
        return mu;
    }

    /** @return the scale s */
    public double s() {
        return s;
    }

    /** −|z| − 2·log1p(exp(−|z|)) − log s, z = (x − μ)/s. */
    @Override
    public double logDensity(double x) {
        double a = Math.abs((x - mu) / s);
        return -a - 2 * Math.log1p(Math.exp(-a)) - logS;
    }

    /** 1/(1 + e^{−z}); relative accuracy kept in the left tail. */
    @Override
    public double cdf(double x) {
        return 1 / (1 + Math.exp(-(x - mu) / s));
    }

    /** 1/(1 + e^{z}); relative accuracy kept in the right tail. */
    @Override
    public double survival(double x) {
        return 1 / (1 + Math.exp((x - mu) / s));
    }

    /** μ + s·(log p − log(1 − p)), with log1p(−p) below ½ and 1 − p exact above. */
    @Override
    public double quantile(double prob) {
        Checks.probability(prob);
        double logit = prob <= 0.5
                ? Math.log(prob) - Math.log1p(-prob)
                : Math.log(prob) - Math.log(1 - prob);
        return mu + s * logit;
    }

    /** Inversion: quantile(u) for u uniform in (0, 1). */
    @Override
    public double sample(RandomGenerator rng) {
        return quantile(Checks.openUniform(rng));
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

    /** @return s, the e-folding length of the tails (the standard deviation is sπ/√3) */
    @Override
    public double scale() {
        return s;
    }

    /** @return one bump, (mu, s) */
    @Override
    public java.util.List<Bump> bumps() {
        return java.util.List.of(new Bump(mu, s));
    }

    @Override
    public Density affine(double shift, double unit) {
        Checks.affine(shift, unit);
        return new Logistic((mu - shift) / unit, s / unit);
    }

    /**
     * r2 = 0, r1 = −1/s, logR = 0, r0 = side·μ/s − log s; the remainder is
     * −2·log1p(e^{−|z|}) → 0 exponentially fast.
     */
    @Override
    public LogTail tail(int side) {
        Checks.side(side);
        return new LogTail(0, -1 / s, 0, side * mu / s - logS);
    }

    /** @return {@code logistic(mu,s)} */
    @Override
    public String spec() {
        return "logistic(" + Numbers.format(mu) + "," + Numbers.format(s) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Logistic l
                && Double.compare(mu, l.mu) == 0 && Double.compare(s, l.s) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(mu) + Double.hashCode(s);
    }

    /** @return the spec */
    @Override
    public String toString() {
        return spec();
    }
}
