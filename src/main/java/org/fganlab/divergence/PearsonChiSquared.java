package org.fganlab.divergence;

/**
 * Pearson χ² divergence: f(u) = (u − 1)², D_f(P‖Q) = ∫ (p − q)²/q (unitless). Not symmetric
 * (its reverse is {@link NeymanChiSquared}).
 *
 * <table>
 *   <caption>Pearson χ² at a glance</caption>
 *   <tr><td>f*(t)</td><td>t²/4 + t for t ≥ −2, −1 for t &lt; −2 (the conjugate over u ≥ 0)</td></tr>
 *   <tr><td>dom f*</td><td>R</td></tr>
 *   <tr><td>g_f(v)</td><td>v</td></tr>
 *   <tr><td>f'(u)</td><td>2(u − 1)</td></tr>
 *   <tr><td>f'(1)</td><td>0</td></tr>
 *   <tr><td>f''(1)</td><td>2</td></tr>
 *   <tr><td>f(0+)</td><td>1</td></tr>
 *   <tr><td>lim f(u)/u</td><td>+∞</td></tr>
 * </table>
 *
 * <p>Conjugate ({@code docs/math.md}, trap 2): t²/4 + t is the conjugate of (u − 1)² over all of R;
 * this class uses the conjugate over u ≥ 0, the only ratios that occur, which equals t²/4 + t for
 * t ≥ −2 (maximiser u = 1 + t/2 ≥ 0) and −f(0) = −1 for t &lt; −2 (maximiser u = 0). It is the
 * tighter of the two valid lower bounds.
 *
 * <p>Integrand (p − q)²/q: q·expm1(d)² for d = log(p/q) ≤ 0, and for d &gt; 0, where p²/q may
 * overflow although the result does not, exp(log p + d + 2·log(1 − e^−d)). Edge cases:
 * p = q = 0 gives 0; p = 0 &lt; q gives q; q = 0 &lt; p gives +∞; NaN gives NaN.
 *
 * <p>Reference: Nowozin, Cseke &amp; Tomioka, f-GAN (NIPS 2016), Tables 1 and 6.
 */
public record PearsonChiSquared() implements FDivergence {

    @Override
    public String name() {
        return "pearson";
    }

    @Override
    public String displayName() {
        return "Pearson χ²";
    }

    @Override
    public double generator(double u) {
        if (!(u >= 0.0)) {
            return Double.NaN;
        }
        double r = u - 1.0;
        return r * r;
    }

    @Override
    public double optimalCritic(double u) {
        if (!(u >= 0.0)) {
            return Double.NaN;
        }
        return 2.0 * (u - 1.0);
    }

    /** 2·expm1(d) (g_f is the identity). */
    @Override
    public double optimalCriticPreactivation(double logRatio) {
        return 2.0 * Math.expm1(logRatio);
    }


    /** 2·expm1(d). */
    @Override
    public double optimalCriticFromLogRatio(double logRatio) {
        return 2.0 * Math.expm1(logRatio);
    }

    @Override
    public double secondDerivativeAtOne() {
        return 2.0;
    }

    /** t(t/4 + 1) for t ≥ −2, −1 for t &lt; −2 (including −∞). */
    @Override
    public double conjugate(double t) {
        if (Double.isNaN(t)) {
            return t;
        }
        return t >= -2.0 ? t * (0.25 * t + 1.0) : -1.0;
    }

    @Override
    public double conjugateDomainLower() {
        return Double.NEGATIVE_INFINITY;
    }

    @Override
    public double conjugateDomainUpper() {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public boolean inConjugateDomain(double t) {
        return Double.isFinite(t);
    }

    /** The identity. */
    @Override
    public double outputActivation(double v) {
        return v;
    }

    /** f*(v): finite for every finite v below about 2.7e154. */
    @Override
    public double conjugateOfActivation(double v) {
        return conjugate(v);
    }

    /** g_f'(v) = 1 (g_f is the identity). */
    @Override
    public double outputActivationDerivative(double v) {
        return Double.isNaN(v) ? v : 1.0;
    }

    /** f*'(v) = v/2 + 1 for v ≥ −2, 0 below (the u ≥ 0 conjugate). */
    @Override
    public double conjugateOfActivationDerivative(double v) {
        return v >= -2.0 ? 0.5 * v + 1.0 : Double.isNaN(v) ? v : 0.0;
    }

    @Override
    public double valueAtZero() {
        return 1.0;
    }

    @Override
    public double slopeAtInfinity() {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public double integrand(double logP, double logQ) {
        double d = logP - logQ;
        if (!Integrands.isRegular(d)) {
            return Integrands.edge(this, logP, logQ);
        }
        if (d <= 0.0) {
            double r = Math.expm1(d);                 // u − 1 ∈ (−1, 0]
            return Integrands.times(logQ, r * r);
        }
        // q(u − 1)² = p·e^d·(1 − e^−d)²; p²/q may overflow or p may underflow, the log may not.
        return Math.exp(logP + d + 2.0 * SpecialFunctions.log1mexp(-d));
    }

    /** p²/q: {@code (2, 0)}. */
    @Override
    public Asymptote asymptoteAsRatioToInfinity() {
        return new Asymptote(2, 0);
    }

    /** q·f(0) = q: {@code (0, 0)}. */
    @Override
    public Asymptote asymptoteAsRatioToZero() {
        return Asymptote.LIKE_Q;
    }
}
