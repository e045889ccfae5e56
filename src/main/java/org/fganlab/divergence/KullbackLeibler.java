package org.fganlab.divergence;

/**
 * Kullback–Leibler divergence: f(u) = u log u, D_f(P‖Q) = ∫ p log(p/q) = KL(P‖Q) in nats.
 * Not symmetric (its reverse is {@link ReverseKullbackLeibler}).
 *
 * <table>
 *   <caption>Kullback–Leibler at a glance</caption>
 *   <tr><td>f*(t)</td><td>e^(t−1)</td></tr>
 *   <tr><td>dom f*</td><td>R</td></tr>
 *   <tr><td>g_f(v)</td><td>v</td></tr>
 *   <tr><td>f'(u)</td><td>1 + log u</td></tr>
 *   <tr><td>f'(1)</td><td>1</td></tr>
 *   <tr><td>f''(1)</td><td>1</td></tr>
 *   <tr><td>f(0+)</td><td>0 (0·log 0 = 0)</td></tr>
 *   <tr><td>lim f(u)/u</td><td>+∞</td></tr>
 * </table>
 *
 * <p>Integrand p·(log p − log q), the log-space form of SciPy's {@code rel_entr}; it is negative
 * where p &lt; q (f'(1) = 1 ≠ 0, so f is not ≥ 0), although the integral is ≥ 0. Edge cases:
 * p = q = 0 gives 0; p = 0 &lt; q gives 0 (0·log 0 = 0); q = 0 &lt; p gives +∞ (disjoint support);
 * NaN gives NaN.
 *
 * <p>Reference: Nowozin, Cseke &amp; Tomioka, f-GAN (NIPS 2016), Tables 1 and 6.
 */
public record KullbackLeibler() implements FDivergence {

    @Override
    public String name() {
        return "kl";
    }

    @Override
    public String displayName() {
        return "Kullback–Leibler";
    }

    @Override
    public double generator(double u) {
        if (!(u >= 0.0)) {
            return Double.NaN;
        }
        return u == 0.0 ? 0.0 : u * Math.log(u);
    }

    @Override
    public double optimalCritic(double u) {
        if (!(u >= 0.0)) {
            return Double.NaN;
        }
        return 1.0 + Math.log(u);
    }

    /** 1 + d (g_f is the identity). */
    @Override
    public double optimalCriticPreactivation(double logRatio) {
        return 1.0 + logRatio;
    }


    /** 1 + d. */
    @Override
    public double optimalCriticFromLogRatio(double logRatio) {
        return 1.0 + logRatio;
    }

    @Override
    public double secondDerivativeAtOne() {
        return 1.0;
    }

    /** e^(t−1), +∞ at t = +∞, 0 at t = −∞. */
    @Override
    public double conjugate(double t) {
        return Math.exp(t - 1.0);
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

    /** e^(v−1): finite for v ≤ 710. */
    @Override
    public double conjugateOfActivation(double v) {
        return Math.exp(v - 1.0);
    }

    /** g_f'(v) = 1 (g_f is the identity). */
    @Override
    public double outputActivationDerivative(double v) {
        return Double.isNaN(v) ? v : 1.0;
    }

    /** e^(v−1). */
    @Override
    public double conjugateOfActivationDerivative(double v) {
        return Math.exp(v - 1.0);
    }

    @Override
    public double valueAtZero() {
        return 0.0;
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
        return Integrands.times(logP, d);
    }

    /**
     * q·(u log u − u + 1) = q·φ(d), φ(d) = 1 + (d − 1)e^d, d = log(p/q): p(d − 1) + q for
     * d &gt; 1; fma(d − 1, e^d, 1) for ½ &lt; |d| ≤ 1 and d &lt; −1 (the product unrounded, so only
     * e^d's rounding is amplified, by at most |d − 1|e^d/φ(d) ≤ 11); for |d| ≤ ½, with
     * E = e^d − 1 − d from its Taylor polynomial, φ = d² + (d − 1)E (both terms second order, no
     * cancellation beyond a factor 2). No expm1: its library call costs more than the
     * rest of the integrand. Edge cases: q = 0 &lt; p gives +∞, p = 0 &lt; q gives q.
     */
    @Override
    public double normalisedIntegrand(double logP, double logQ) {
        double d = logP - logQ;
        if (!Integrands.isRegular(d)) {
            if (Double.isNaN(d) || logP == logQ) {
                return Double.isNaN(logP) || Double.isNaN(logQ) ? Double.NaN : 0.0;
            }
            return logP > logQ ? Double.POSITIVE_INFINITY : Math.exp(logQ);
        }
        if (d > 1.0) {
            return Integrands.times(logP, d - 1.0) + Math.exp(logQ);
        }
        double phi = Math.abs(d) <= 0.5
                ? Math.fma(d - 1.0, SpecialFunctions.expm1MinusX(d), d * d)
                : Math.fma(d - 1.0, Math.exp(d), 1.0);
        return Integrands.times(logQ, phi);
    }

    /** p·log(p/q): {@code (1, 1)}. */
    @Override
    public Asymptote asymptoteAsRatioToInfinity() {
        return new Asymptote(1, 1);
    }

    /** p·log(p/q) → −p·|log(p/q)|: {@code (1, 1)}. */
    @Override
    public Asymptote asymptoteAsRatioToZero() {
        return new Asymptote(1, 1);
    }
}
