package org.fganlab.divergence;

/**
 * Leading behaviour of a pointwise integrand in a regime where the density ratio
 * u = p/q tends to 0 or to +infinity: the integrand behaves like
 * {@code C · p^pExponent · q^(1 − pExponent) · |log(p/q)|^logPower}.
 *
 * <p>Used by the tail analysis of {@code theory} to decide, from the tail asymptotes of p and q,
 * whether an integral over an unbounded interval is finite before any quadrature is run. The
 * description may be conservative (a term at least as heavy as the true leading term), never
 * lighter.
 *
 * <p>Examples (Nowozin et al. 2016, Table 1 convention D_f = ∫ q f(p/q)): KL as u → ∞ behaves like
 * p·log u, so {@code new Asymptote(1, 1)}; Pearson χ² as u → ∞ behaves like p²/q, so
 * {@code new Asymptote(2, 0)}; any f with f(0) finite behaves like q·f(0) as u → 0, so
 * {@code new Asymptote(0, 0)}.
 *
 * @param pExponent the exponent e of p (the exponent of q is 1 − e); any finite real
 * @param logPower the power m ≥ 0 of |log(p/q)|
 */
public record Asymptote(double pExponent, int logPower) {
    /** Like q: {@code new Asymptote(0, 0)}. */
    public static final Asymptote LIKE_Q = new Asymptote(0, 0);
    /** Like p: {@code new Asymptote(1, 0)}. */
    public static final Asymptote LIKE_P = new Asymptote(1, 0);

    /**
     * @throws IllegalArgumentException if pExponent is not finite or logPower is negative
     */
    public Asymptote {
        if (!Double.isFinite(pExponent)) {
            throw new IllegalArgumentException("pExponent must be finite, got " + pExponent);
        }
        if (logPower < 0) {
            throw new IllegalArgumentException("logPower must be >= 0, got " + logPower);
        }
    }
}
