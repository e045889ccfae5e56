package org.fganlab.divergence;

/**
 * Reverse Kullback–Leibler divergence: f(u) = −log u, D_f(P‖Q) = ∫ q log(q/p) = KL(Q‖P) in nats.
 * Not symmetric (its reverse is {@link KullbackLeibler}).
 *
 * <table>
 *   <caption>Reverse Kullback–Leibler at a glance</caption>
 *   <tr><td>f*(t)</td><td>−1 − log(−t)</td></tr>
 *   <tr><td>dom f*</td><td>t &lt; 0</td></tr>
 *   <tr><td>g_f(v)</td><td>−e^v (−e^−v has the same range and is equally valid, {@code docs/math.md} trap 5)</td></tr>
 *   <tr><td>f'(u)</td><td>−1/u</td></tr>
 *   <tr><td>f'(1)</td><td>−1</td></tr>
 *   <tr><td>f''(1)</td><td>1</td></tr>
 *   <tr><td>f(0+)</td><td>+∞</td></tr>
 *   <tr><td>lim f(u)/u</td><td>0</td></tr>
 * </table>
 *
 * <p>Integrand q·(log q − log p); negative where p &gt; q (f'(1) = −1 ≠ 0), although the integral
 * is ≥ 0. Edge cases: p = q = 0 gives 0; q = 0 &lt; p gives 0 (slope 0: P-mass outside the
 * support of Q costs nothing); p = 0 &lt; q gives +∞; NaN gives NaN.
 *
 * <p>Reference: Nowozin, Cseke &amp; Tomioka, f-GAN (NIPS 2016), Tables 1 and 6.
 */
public record ReverseKullbackLeibler() implements FDivergence {

    @Override
    public String name() {
        return "reverse-kl";
    }

    @Override
    public String displayName() {
        return "reverse Kullback–Leibler";
    }

    @Override
    public double generator(double u) {
        if (!(u >= 0.0)) {
            return Double.NaN;
        }
        return -Math.log(u);
    }

    @Override
    public double optimalCritic(double u) {
        if (!(u >= 0.0)) {
            return Double.NaN;
        }
        return -1.0 / u;
    }

    /** −d: g_f(−d) = −e^{−d} = −1/u. */
    @Override
    public double optimalCriticPreactivation(double logRatio) {
        return -logRatio;
    }


    /** −e^−d. */
    @Override
    public double optimalCriticFromLogRatio(double logRatio) {
        return -Math.exp(-logRatio);
    }

    @Override
    public double secondDerivativeAtOne() {
        return 1.0;
    }

    /** −1 − log(−t) for t &lt; 0 (−∞ at t = −∞), +∞ for t ≥ 0. */
    @Override
    public double conjugate(double t) {
        if (Double.isNaN(t)) {
            return t;
        }
        return t < 0.0 ? -1.0 - Math.log(-t) : Double.POSITIVE_INFINITY;
    }

    @Override
    public double conjugateDomainLower() {
        return Double.NEGATIVE_INFINITY;
    }

    @Override
    public double conjugateDomainUpper() {
        return 0.0;
    }

    /** Open: −∞ &lt; t &lt; 0. */
    @Override
    public boolean inConjugateDomain(double t) {
        return t < 0.0 && t > Double.NEGATIVE_INFINITY;
    }

    /**
     * −e^v, clamped to [−{@link Double#MAX_VALUE}, −{@link Double#MIN_VALUE}] so that it stays
     * inside the open domain −∞ &lt; t &lt; 0 where e^v underflows (v &lt; −745) or overflows (v &gt; 709).
     */
    @Override
    public double outputActivation(double v) {
        return -Math.min(Math.max(Math.exp(v), Double.MIN_VALUE), Double.MAX_VALUE);
    }

    /** f*(−e^v) = −1 − v, exact for every v. */
    @Override
    public double conjugateOfActivation(double v) {
        return -1.0 - v;
    }

    /** g_f'(v) = −e^v. */
    @Override
    public double outputActivationDerivative(double v) {
        return -Math.exp(v);
    }

    /** the derivative of −1 − v: −1. */
    @Override
    public double conjugateOfActivationDerivative(double v) {
        return Double.isNaN(v) ? v : -1.0;
    }

    @Override
    public double valueAtZero() {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public double slopeAtInfinity() {
        return 0.0;
    }

    @Override
    public double integrand(double logP, double logQ) {
        double d = logP - logQ;
        if (!Integrands.isRegular(d)) {
            return Integrands.edge(this, logP, logQ);
        }
        return Integrands.times(logQ, -d);
    }

    /**
     * q·(u − 1 − log u) = q·(e^d − 1 − d), d = log(p/q), via expm1MinusX for d ≤ 1 and as
     * p·(1 − e^−d(1 + d)) for d &gt; 1 (no overflow of e^d, and no ∞ − ∞ where p and q both
     * overflow). Edge cases: q = 0 &lt; p gives p, p = 0 &lt; q gives +∞.
     */
    @Override
    public double normalisedIntegrand(double logP, double logQ) {
        double d = logP - logQ;
        if (!Integrands.isRegular(d)) {
            if (Double.isNaN(d) || logP == logQ) {
                return Double.isNaN(logP) || Double.isNaN(logQ) ? Double.NaN : 0.0;
            }
            return logP > logQ ? Math.exp(logP) : Double.POSITIVE_INFINITY;
        }
        if (d > 1.0) {
            return Integrands.times(logP, -Math.expm1(-d) - d * Math.exp(-d));
        }
        return Integrands.times(logQ, SpecialFunctions.expm1MinusX(d));
    }

    /** q·log(q/p) → −q·|log(p/q)|: {@code (0, 1)}. */
    @Override
    public Asymptote asymptoteAsRatioToInfinity() {
        return new Asymptote(0, 1);
    }

    /** q·log(q/p): {@code (0, 1)}. */
    @Override
    public Asymptote asymptoteAsRatioToZero() {
        return new Asymptote(0, 1);
    }
}
