package org.fganlab.density;

/**
 * Asymptotic form of a log-density on one side of the real line: with r = |x| → ∞ on that side,
 * {@code log p(x) = r2·r² + r1·r + logR·log r + r0 + o(1)}.
 *
 * <p>Examples: N(μ, σ²) on side s ∈ {−1, +1}: r2 = −1/(2σ²), r1 = sμ/σ², logR = 0,
 * r0 = −μ²/(2σ²) − log(σ√(2π)). Laplace(μ, b): r2 = 0, r1 = −1/b, r0 = sμ/b − log(2b).
 * Student-t(ν, μ, σ): r2 = r1 = 0, logR = −(ν+1), r0 = log c_ν + ν log σ + ((ν+1)/2) log ν,
 * c_ν the t normalising constant (so p ~ C·r^{−(ν+1)}).
 *
 * <p>Used by {@code theory} to decide whether divergence integrals over unbounded intervals are
 * finite (e.g. Pearson χ² of N(0,1.3²) against N(0,0.8²) is +∞).
 *
 * @param r2 coefficient of r² (≤ 0 for a density)
 * @param r1 coefficient of r
 * @param logR coefficient of log r
 * @param r0 constant term
 */
public record LogTail(double r2, double r1, double logR, double r0) {

    /** Linear combination a·this + b·other (the log of p^a q^b). */
    public LogTail combine(double a, LogTail other, double b) {
        return new LogTail(a * r2 + b * other.r2, a * r1 + b * other.r1,
                a * logR + b * other.logR, a * r0 + b * other.r0);
    }

    /**
     * Compares the growth of two tails as r → ∞, lexicographically on (r2, r1, logR, r0).
     *
     * @return negative if this tail is lighter (decays faster) than other, 0 if equal, positive
     *         if heavier
     */
    public int compareGrowth(LogTail other) {
        int c = Double.compare(r2, other.r2);
        if (c != 0) return c;
        c = Double.compare(r1, other.r1);
        if (c != 0) return c;
        c = Double.compare(logR, other.logR);
        if (c != 0) return c;
        return Double.compare(r0, other.r0);
    }
}
