package org.fganlab.divergence;

/**
 * Squared Hellinger distance: f(u) = (√u − 1)², D_f(P‖Q) = ∫ (√p − √q)² = 2(1 − BC) ∈ [0, 2],
 * BC the Bhattacharyya coefficient (no ½ in front, as in f-GAN Table 1). Symmetric.
 *
 * <table>
 *   <caption>Squared Hellinger at a glance</caption>
 *   <tr><td>f*(t)</td><td>t/(1 − t)</td></tr>
 *   <tr><td>dom f*</td><td>t &lt; 1</td></tr>
 *   <tr><td>g_f(v)</td><td>1 − e^v</td></tr>
 *   <tr><td>f'(u)</td><td>1 − 1/√u</td></tr>
 *   <tr><td>f'(1)</td><td>0</td></tr>
 *   <tr><td>f''(1)</td><td>½</td></tr>
 *   <tr><td>f(0+)</td><td>1</td></tr>
 *   <tr><td>lim f(u)/u</td><td>1</td></tr>
 * </table>
 *
 * <p>Integrand (√p − √q)² = max(p, q)·(1 − e^−|d|/2)², d = log(p/q), with expm1. Edge cases:
 * p = q = 0 gives 0; q = 0 &lt; p gives p; p = 0 &lt; q gives q; NaN gives NaN.
 *
 * <p>Reference: Nowozin, Cseke &amp; Tomioka, f-GAN (NIPS 2016), Tables 1 and 6.
 */
public record SquaredHellinger() implements FDivergence {

    @Override
    public String name() {
        return "hellinger";
    }

    @Override
    public String displayName() {
        return "squared Hellinger";
    }

    @Override
    public double generator(double u) {
        if (!(u >= 0.0)) {
            return Double.NaN;
        }
        if (u == Double.POSITIVE_INFINITY) {
            return u;
        }
        double s = Math.sqrt(u);
        if (u > 4.0) {
            double r = 1.0 - 1.0 / s;                   // u(1 − 1/√u)²: no overflow at u = MAX_VALUE
            return u * (r * r);
        }
        double r = (u - 1.0) / (s + 1.0);               // √u − 1 without cancellation near 1
        return r * r;
    }

    @Override
    public double optimalCritic(double u) {
        if (!(u >= 0.0)) {
            return Double.NaN;
        }
        if (u == Double.POSITIVE_INFINITY) {
            return 1.0;
        }
        double s = Math.sqrt(u);
        return (u - 1.0) / ((s + 1.0) * s);            // 1 − 1/√u without cancellation near 1
    }

    /** −d/2: g_f(−d/2) = 1 − e^{−d/2} = 1 − 1/√u. */
    @Override
    public double optimalCriticPreactivation(double logRatio) {
        return -0.5 * logRatio;
    }


    /** 1 − e^−d/2 = −expm1(−d/2). */
    @Override
    public double optimalCriticFromLogRatio(double logRatio) {
        return -Math.expm1(-0.5 * logRatio);
    }

    @Override
    public double secondDerivativeAtOne() {
        return 0.5;
    }

    /** t/(1 − t) for t &lt; 1 (−1 at t = −∞), +∞ for t ≥ 1. */
    @Override
    public double conjugate(double t) {
        if (Double.isNaN(t)) {
            return t;
        }
        if (!(t < 1.0)) {
            return Double.POSITIVE_INFINITY;
        }
        return t == Double.NEGATIVE_INFINITY ? -1.0 : t / (1.0 - t);
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

    /** f*(1 − e^v) = e^−v − 1 = expm1(−v): finite for v ≥ −709. */
    @Override
    public double conjugateOfActivation(double v) {
        return Math.expm1(-v);
    }

    /** g_f'(v) = −e^v. */
    @Override
    public double outputActivationDerivative(double v) {
        return -Math.exp(v);
    }

    /** d/dv (e^−v − 1) = −e^−v. */
    @Override
    public double conjugateOfActivationDerivative(double v) {
        return -Math.exp(-v);
    }

    @Override
    public double valueAtZero() {
        return 1.0;
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
        double r = Math.expm1(-0.5 * Math.abs(d));      // √(min/max) − 1 ∈ (−1, 0]
        return Integrands.times(Math.max(logP, logQ), r * r);
    }

    /** (√p − √q)² ~ p: {@code (1, 0)}. */
    @Override
    public Asymptote asymptoteAsRatioToInfinity() {
        return Asymptote.LIKE_P;
    }

    /** (√p − √q)² ~ q: {@code (0, 0)}. */
    @Override
    public Asymptote asymptoteAsRatioToZero() {
        return Asymptote.LIKE_Q;
    }
}
