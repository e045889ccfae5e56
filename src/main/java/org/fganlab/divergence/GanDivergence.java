package org.fganlab.divergence;

/**
 * The original GAN divergence (Goodfellow et al. 2014): f(u) = u log u − (u + 1) log(u + 1),
 * D_f(P‖Q) = 2·JSD(P‖Q) − log 4 ∈ [−log 4, 0] nats. Symmetric. Not normalised: f(1) = −log 4.
 *
 * <table>
 *   <caption>GAN divergence at a glance</caption>
 *   <tr><td>f*(t)</td><td>−log(1 − e^t)</td></tr>
 *   <tr><td>dom f*</td><td>t &lt; 0</td></tr>
 *   <tr><td>g_f(v)</td><td>−log(1 + e^−v) = log σ(v)</td></tr>
 *   <tr><td>f'(u)</td><td>log(u/(u + 1))</td></tr>
 *   <tr><td>f'(1)</td><td>−log 2</td></tr>
 *   <tr><td>f''(1)</td><td>½</td></tr>
 *   <tr><td>f(0+)</td><td>0</td></tr>
 *   <tr><td>lim f(u)/u</td><td>0</td></tr>
 * </table>
 *
 * <p>With D = σ(V), the f-GAN objective E_P[g_f(V)] − E_Q[f*(g_f(V))] is exactly Goodfellow's
 * V(G, D) = E_P[log D] + E_Q[log(1 − D)] ({@code docs/math.md}, trap 3), whose maximum over D is
 * attained at D* = p/(p + q), i.e. V* = log(p/q) (Goodfellow et al. 2014, Prop. 1 and Thm 1).
 *
 * <p>Integrand p log(p/(p + q)) + q log(q/(p + q)) = −p·softplus(−d) − q·softplus(d) ≤ 0,
 * d = log(p/q), evaluated as −min(p, q)·[(1 + r)·log1p(r)/r + |d|], r = e^−|d|: both terms
 * have the same sign, so there is no cancellation. Edge cases: p = q = 0 gives 0;
 * q = 0 &lt; p and p = 0 &lt; q give 0; NaN gives NaN.
 *
 * <p>Reference: Goodfellow et al., "Generative Adversarial Nets" (NIPS 2014), Thm 1; Nowozin,
 * Cseke &amp; Tomioka, f-GAN (NIPS 2016), Tables 1 and 6.
 */
public record GanDivergence() implements FDivergence {

    private static final JensenShannon JS = new JensenShannon();

    @Override
    public String name() {
        return "gan";
    }

    @Override
    public String displayName() {
        return "GAN (Goodfellow)";
    }

    @Override
    public double generator(double u) {
        if (!(u >= 0.0)) {
            return Double.NaN;
        }
        if (u == 0.0) {
            return 0.0;
        }
        if (u == Double.POSITIVE_INFINITY) {
            return Double.NEGATIVE_INFINITY;
        }
        if (u < 1.0) {
            return u * Math.log(u) - (u + 1.0) * Math.log1p(u);
        }
        return -u * Math.log1p(1.0 / u) - Math.log1p(u);  // no cancellation of u log u terms
    }

    /** log(u/(u + 1)): −log1p(1/u) for u ≥ 1, log u − log1p(u) below (1/u overflows for subnormal u). */
    @Override
    public double optimalCritic(double u) {
        if (!(u >= 0.0)) {
            return Double.NaN;
        }
        return u >= 1.0 ? -Math.log1p(1.0 / u) : Math.log(u) - Math.log1p(u);
    }

    /** d: g_f(d) = −softplus(−d) = log(u/(u+1)). */
    @Override
    public double optimalCriticPreactivation(double logRatio) {
        return logRatio;
    }


    /** −softplus(−d) = log σ(d). */
    @Override
    public double optimalCriticFromLogRatio(double logRatio) {
        return -SpecialFunctions.softplus(-logRatio);
    }

    @Override
    public double secondDerivativeAtOne() {
        return 0.5;
    }

    /** −log(1 − e^t) for t &lt; 0 (0 at t = −∞), +∞ for t ≥ 0. */
    @Override
    public double conjugate(double t) {
        if (Double.isNaN(t)) {
            return t;
        }
        return t < 0.0 ? -SpecialFunctions.log1mexp(t) : Double.POSITIVE_INFINITY;
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
     * log σ(v) = −softplus(−v), clamped to at most −{@link Double#MIN_VALUE} (reached for
     * v ≳ 745, where softplus(−v) underflows) so that it stays inside the open domain.
     */
    @Override
    public double outputActivation(double v) {
        return -Math.max(SpecialFunctions.softplus(-v), Double.MIN_VALUE);
    }

    /** f*(log σ(v)) = −log(1 − σ(v)) = softplus(v): finite for every finite v. */
    @Override
    public double conjugateOfActivation(double v) {
        return SpecialFunctions.softplus(v);
    }

    /** g_f'(v) = σ(−v). */
    @Override
    public double outputActivationDerivative(double v) {
        return SpecialFunctions.sigmoid(-v);
    }

    /** d/dv softplus(v) = σ(v). */
    @Override
    public double conjugateOfActivationDerivative(double v) {
        return SpecialFunctions.sigmoid(v);
    }

    @Override
    public double valueAtZero() {
        return 0.0;
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
        double a = Math.abs(d);
        double r = Math.exp(-a);                          // min(p, q)/max(p, q)
        // −max·softplus(−a) − min·softplus(a) = −min·[(1 + r)·log1p(r)/r + a]: factoring out the
        // smaller density keeps the term min·a when r underflows (log1p(r)/r → 1).
        double log1pOverR = r == 0.0 ? 1.0 : Math.log1p(r) / r;
        double value = Integrands.times(Math.min(logP, logQ), (1.0 + r) * log1pOverR + a);
        return value == 0.0 ? 0.0 : -value;
    }

    /**
     * f(u) − f(1) − f'(1)(u − 1) = 2·f_JS(u) (f_GAN(u) = 2 f_JS(u) − (u + 1) log 2), so this is
     * twice the Jensen–Shannon integrand, and D_gan = ∫ this − log 4.
     */
    @Override
    public double normalisedIntegrand(double logP, double logQ) {
        return 2.0 * JS.integrand(logP, logQ);
    }

    /** −q·(log(p/q) + 1 + …): {@code (0, 1)}. */
    @Override
    public Asymptote asymptoteAsRatioToInfinity() {
        return new Asymptote(0, 1);
    }

    /** −p·(log(q/p) + 1 + …): {@code (1, 1)}. */
    @Override
    public Asymptote asymptoteAsRatioToZero() {
        return new Asymptote(1, 1);
    }
}
