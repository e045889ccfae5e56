package org.fganlab.divergence;

/**
 * Neyman χ² divergence: f(u) = (1 − u)²/u, D_f(P‖Q) = ∫ (p − q)²/p (unitless). Not symmetric
 * (its reverse is {@link PearsonChiSquared}).
 *
 * <table>
 *   <caption>Neyman χ² at a glance</caption>
 *   <tr><td>f*(t)</td><td>2 − 2√(1 − t)</td></tr>
 *   <tr><td>dom f*</td><td>t &lt; 1 (as tabulated; see below)</td></tr>
 *   <tr><td>g_f(v)</td><td>1 − e^v</td></tr>
 *   <tr><td>f'(u)</td><td>1 − 1/u²</td></tr>
 *   <tr><td>f'(1)</td><td>0</td></tr>
 *   <tr><td>f''(1)</td><td>2</td></tr>
 *   <tr><td>f(0+)</td><td>+∞</td></tr>
 *   <tr><td>lim f(u)/u</td><td>1</td></tr>
 * </table>
 *
 * <p>Domain end: at t = 1 the sup over u ≥ 0 of ut − f(u) = 2 − 1/u is 2, finite but not
 * attained, so the effective domain of f* is strictly t ≤ 1. This class follows the reference
 * table (open, t &lt; 1; {@link #conjugate} gives +∞ at t = 1); the activation 1 − e^v never
 * reaches 1 (it is clamped below 1 where 1 − e^v rounds to 1).
 *
 * <p>Integrand (p − q)²/p: p·expm1(−d)² for d = log(p/q) ≥ 0, and for d &lt; 0, where q²/p may
 * overflow, exp(log q − d + 2·log(1 − e^d)). Edge cases: p = q = 0 gives 0; q = 0 &lt; p gives p;
 * p = 0 &lt; q gives +∞; NaN gives NaN.
 *
 * <p>Reference: Nowozin, Cseke &amp; Tomioka, f-GAN (NIPS 2016), Tables 1 and 6.
 */
public record NeymanChiSquared() implements FDivergence {

    @Override
    public String name() {
        return "neyman";
    }

    @Override
    public String displayName() {
        return "Neyman χ²";
    }

    @Override
    public double generator(double u) {
        if (!(u >= 0.0)) {
            return Double.NaN;
        }
        if (u == 0.0 || u == Double.POSITIVE_INFINITY) {
            return Double.POSITIVE_INFINITY;
        }
        double r = u - 1.0;
        return r * (r / u);                           // (u − 1)² would overflow first
    }

    @Override
    public double optimalCritic(double u) {
        if (!(u >= 0.0)) {
            return Double.NaN;
        }
        if (u == Double.POSITIVE_INFINITY) {
            return 1.0;
        }
        return ((u - 1.0) / u) * ((u + 1.0) / u);     // 1 − 1/u² without cancellation near 1
    }

    /** −2d: g_f(−2d) = 1 − e^{−2d} = 1 − 1/u². */
    @Override
    public double optimalCriticPreactivation(double logRatio) {
        return -2.0 * logRatio;
    }


    /** 1 − e^−2d = −expm1(−2d). */
    @Override
    public double optimalCriticFromLogRatio(double logRatio) {
        return -Math.expm1(-2.0 * logRatio);
    }

    @Override
    public double secondDerivativeAtOne() {
        return 2.0;
    }

    /**
     * 2 − 2√(1 − t) for t &lt; 1, written 2t/(1 + √(1 − t)) for t ≥ −1 to avoid cancellation near
     * 0; −∞ at t = −∞; +∞ for t ≥ 1.
     */
    @Override
    public double conjugate(double t) {
        if (Double.isNaN(t)) {
            return t;
        }
        if (!(t < 1.0)) {
            return Double.POSITIVE_INFINITY;
        }
        double s = Math.sqrt(1.0 - t);
        return t >= -1.0 ? 2.0 * t / (1.0 + s) : 2.0 - 2.0 * s;
    }

    @Override
    public double conjugateDomainLower() {
        return Double.NEGATIVE_INFINITY;
    }

    @Override
    public double conjugateDomainUpper() {
        return 1.0;
    }

    /** Open: −∞ &lt; t &lt; 1. */
    @Override
    public boolean inConjugateDomain(double t) {
        return t < 1.0 && t > Double.NEGATIVE_INFINITY;
    }

    /**
     * 1 − e^v = −expm1(v), clamped to [−{@link Double#MAX_VALUE}, largest double below 1] so that
     * it stays inside the open domain −∞ &lt; t &lt; 1 where 1 − e^v rounds to 1 (v &lt; −37) or
     * overflows (v &gt; 709).
     */
    @Override
    public double outputActivation(double v) {
        return SpecialFunctions.oneMinusExpInsideDomain(v);
    }

    /** f*(1 − e^v) = 2 − 2e^(v/2) = −2·expm1(v/2): finite for v ≤ 1418. */
    @Override
    public double conjugateOfActivation(double v) {
        return -2.0 * Math.expm1(0.5 * v);
    }

    /** g_f'(v) = −e^v. */
    @Override
    public double outputActivationDerivative(double v) {
        return -Math.exp(v);
    }

    /** d/dv (2 − 2e^(v/2)) = −e^(v/2). */
    @Override
    public double conjugateOfActivationDerivative(double v) {
        return -Math.exp(0.5 * v);
    }

    @Override
    public double valueAtZero() {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public double slopeAtInfinity() {
        return 1.0;
    }

    @Override
    public double integrand(double logP, double logQ) {
        double d = logP - logQ;
        if (!Integrands.isRegular(d)) {
            return Integrands.edge(this, logP, logQ);
        }
        if (d >= 0.0) {
            double r = Math.expm1(-d);                // 1/u − 1 ∈ (−1, 0]
            return Integrands.times(logP, r * r);
        }
        // (p − q)²/p = q·e^−d·(1 − e^d)²; q²/p may overflow or q may underflow, the log may not.
        return Math.exp(logQ - d + 2.0 * SpecialFunctions.log1mexp(d));
    }

    /** (p − q)²/p ~ p: {@code (1, 0)}. */
    @Override
    public Asymptote asymptoteAsRatioToInfinity() {
        return Asymptote.LIKE_P;
    }

    /** q²/p: {@code (−1, 0)}. */
    @Override
    public Asymptote asymptoteAsRatioToZero() {
        return new Asymptote(-1, 0);
    }
}
