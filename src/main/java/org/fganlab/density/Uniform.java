package org.fganlab.density;

import org.hipparchus.random.RandomGenerator;

/**
 * The uniform density on [a, b]: {@code p(x) = 1/(b − a)} on the closed interval, 0 outside;
 * spec {@code uniform(a,b)}.
 *
 * <p>A final class rather than a record so that it can cache −log(b − a). Equality, hash code
 * and accessors behave as for a record with components (a, b); {@code toString} is the spec.
 *
 * <table><caption>Edge cases</caption>
 * <tr><td>x = a or x = b</td><td>inside: logDensity −log(b − a)</td></tr>
 * <tr><td>x outside [a, b], ±∞</td><td>logDensity −∞</td></tr>
 * <tr><td>x = NaN</td><td>NaN</td></tr>
 * <tr><td>b − a overflows</td><td>handled: the width is computed as 2·(b/2 − a/2)</td></tr>
 * </table>
 */
public final class Uniform implements Density {

    private final double a;
    private final double b;
    /** −log(b − a), computed without overflow. */
    private final double logDensityInside;

    /**
     * @param a lower end, finite
     * @param b upper end, finite, greater than a
     * @throws IllegalArgumentException if a or b is not finite or a ≥ b
     */
    public Uniform(double a, double b) {
        this.a = Checks.finite("a", a);
        this.b = Checks.finite("b", b);
        if (!(a < b)) {
            throw new IllegalArgumentException("uniform(a,b) needs a < b, got a="
                    + Numbers.format(a) + ", b=" + Numbers.format(b));
        }
        double width = b - a;
        this.logDensityInside = Double.isFinite(width)
                ? -Math.log(width)
                : -(Math.log(0.5 * b - 0.5 * a) + Math.log(2));
    }

    /** @return the lower end a */
    public double a() {
        return a;
    }

    /** @return the upper end b */
    public double b() {
        return b;
    }

    /** −log(b − a) on [a, b], −∞ outside. */
    @Override
    public double logDensity(double x) {
        if (x >= a && x <= b) {
            return logDensityInside;
        }
        return Double.isNaN(x) ? x : Double.NEGATIVE_INFINITY;
    }

    /** (x − a)/(b − a) clamped to [0, 1]. */
    @Override
    public double cdf(double x) {
        if (x <= a) {
            return 0;
        }
        if (x >= b) {
            return 1;
        }
        return Double.isNaN(x) ? x : fraction(x - a);
    }

    /** (b − x)/(b − a) clamped to [0, 1]. */
    @Override
    public double survival(double x) {
        if (x <= a) {
            return 1;
        }
        if (x >= b) {
            return 0;
        }
        return Double.isNaN(x) ? x : fraction(b - x);
    }

    private double fraction(double length) {
        double width = b - a;
        double f = Double.isFinite(width) ? length / width : (0.5 * length) / (0.5 * b - 0.5 * a);
        return Math.min(1, Math.max(0, f));
    }

    /** a + prob·(b − a), clamped to [a, b]; quantile(0) = a, quantile(1) = b. */
    @Override
    public double quantile(double prob) {
        Checks.probability(prob);
        if (prob == 1) {
            return b;
        }
        double width = b - a;
        double x = Double.isFinite(width) ? a + prob * width : a * (1 - prob) + b * prob;
        return Math.min(b, Math.max(a, x));
    }

    /** quantile(u) for u = {@code rng.nextDouble()} in [0, 1). */
    @Override
    public double sample(RandomGenerator rng) {
        return quantile(rng.nextDouble());
    }

    /** @return a */
    @Override
    public double supportLower() {
        return a;
    }

    /** @return b */
    @Override
    public double supportUpper() {
        return b;
    }

    /** @return {a, b} */
    @Override
    public double[] breakpoints() {
        return new double[] {a, b};
    }

    /** @return b − a, the length of the support (+∞ if that overflows) */
    @Override
    public double scale() {
        return b - a;
    }

    /** @return a bump at each end, with the width b − a as scale (half of it if that overflows) */
    @Override
    public java.util.List<Bump> bumps() {
        double width = b - a;
        double s = Double.isFinite(width) ? width : 0.5 * b - 0.5 * a;
        return java.util.List.of(new Bump(a, s), new Bump(b, s));
    }

    @Override
    public Density affine(double shift, double unit) {
        Checks.affine(shift, unit);
        return new Uniform((a - shift) / unit, (b - shift) / unit);
    }

    /** @return null on both sides: the support is bounded */
    @Override
    public LogTail tail(int side) {
        Checks.side(side);
        return null;
    }

    /** @return {@code uniform(a,b)} */
    @Override
    public String spec() {
        return "uniform(" + Numbers.format(a) + "," + Numbers.format(b) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Uniform u
                && Double.compare(a, u.a) == 0 && Double.compare(b, u.b) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(a) + Double.hashCode(b);
    }

    /** @return the spec */
    @Override
    public String toString() {
        return spec();
    }
}
