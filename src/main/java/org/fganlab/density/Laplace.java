package org.fganlab.density;

import org.hipparchus.random.RandomGenerator;

/**
 * The Laplace (double exponential) density: {@code p(x) = exp(−|x − μ|/b) / (2b)}, spec
 * {@code laplace(mu,b)}. Mean μ, variance 2b².
 *
 * <p>A final class rather than a record so that it can cache log(2b): the hot path
 * {@link #logDensity} then costs one division, no log or exp. Equality, hash code and
 * accessors behave as for a record with components (mu, b); {@code toString} is the spec.
 *
 * <p>Edge cases: x = ±∞ gives logDensity −∞, cdf 0 / 1; NaN in gives NaN out. cdf and
 * survival are closed forms, each exact in its own tail.
 */
public final class Laplace implements Density {

    private final double mu;
    private final double b;
    /** log(2b). */
    private final double log2b;

    /**
     * @param mu the location (mean and median), finite
     * @param b the scale, positive and finite
     * @throws IllegalArgumentException if mu is not finite or b is not in (0, ∞)
     */
    public Laplace(double mu, double b) {
        this.mu = Checks.finite("mu", mu);
        this.b = Checks.positive("b", b);
        this.log2b = Math.log(2 * b);
    }

    /** @return the location μ */
    public double mu() {
        return mu;
    }

    /** @return the scale b */
    public double b() {
        return b;
    }

    /** −|x − μ|/b − log(2b). */
    @Override
    public double logDensity(double x) {
        return -Math.abs(x - mu) / b - log2b;
    }

    /** ½exp((x−μ)/b) left of μ, 1 − ½exp(−(x−μ)/b) right of it. */
    @Override
    public double cdf(double x) {
        double z = (x - mu) / b;
        return z < 0 ? 0.5 * Math.exp(z) : 1 - 0.5 * Math.exp(-z);
    }

    /** ½exp(−(x−μ)/b) right of μ, 1 − ½exp((x−μ)/b) left of it. */
    @Override
    public double survival(double x) {
        double z = (x - mu) / b;
        return z > 0 ? 0.5 * Math.exp(-z) : 1 - 0.5 * Math.exp(z);
    }

    /** μ + b·log(2p) for p ≤ ½, μ − b·log(2(1 − p)) above (1 − p exact there). */
    @Override
    public double quantile(double prob) {
        Checks.probability(prob);
        if (prob <= 0.5) {
            return mu + b * Math.log(2 * prob);
        }
        return mu - b * Math.log(2 * (1 - prob));
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

    /** @return b, the e-folding length of the tails */
    @Override
    public double scale() {
        return b;
    }

    /** @return one bump, (mu, b) */
    @Override
    public java.util.List<Bump> bumps() {
        return java.util.List.of(new Bump(mu, b));
    }

    @Override
    public Density affine(double shift, double unit) {
        Checks.affine(shift, unit);
        return new Laplace((mu - shift) / unit, b / unit);
    }

    /** r2 = 0, r1 = −1/b, logR = 0, r0 = side·μ/b − log(2b); exact once r &gt; |μ|. */
    @Override
    public LogTail tail(int side) {
        Checks.side(side);
        return new LogTail(0, -1 / b, 0, side * mu / b - log2b);
    }

    /** @return {@code laplace(mu,b)} */
    @Override
    public String spec() {
        return "laplace(" + Numbers.format(mu) + "," + Numbers.format(b) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Laplace l
                && Double.compare(mu, l.mu) == 0 && Double.compare(b, l.b) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(mu) + Double.hashCode(b);
    }

    /** @return the spec */
    @Override
    public String toString() {
        return spec();
    }
}
