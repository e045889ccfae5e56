package org.fganlab.divergence;

/**
 * Jensen–Shannon divergence, the ½ version ({@code docs/math.md}, trap 1):
 * f(u) = ½[u log u − (u + 1) log((u + 1)/2)],
 * D_f(P‖Q) = JSD(P‖Q) = ½ KL(P‖M) + ½ KL(Q‖M), M = (P + Q)/2, in [0, log 2] nats. Symmetric.
 *
 * <table>
 *   <caption>Jensen–Shannon at a glance</caption>
 *   <tr><td>f*(t)</td><td>−½ log(2 − e^(2t))</td></tr>
 *   <tr><td>dom f*</td><td>t &lt; ½ log 2</td></tr>
 *   <tr><td>g_f(v)</td><td>½ log 2 − ½ log(1 + e^−v)</td></tr>
 *   <tr><td>f'(u)</td><td>½ log(2u/(u + 1))</td></tr>
 *   <tr><td>f'(1)</td><td>0</td></tr>
 *   <tr><td>f''(1)</td><td>¼</td></tr>
 *   <tr><td>f(0+)</td><td>½ log 2</td></tr>
 *   <tr><td>lim f(u)/u</td><td>½ log 2</td></tr>
 * </table>
 *
 * <p>Beware the scale: printings of the f-GAN table without the ½ give 2·JSD, with
 * f*(t) = −log(2 − e^t) and dom t &lt; log 2. This class is the ½ version throughout.
 *
 * <p>Integrand ½[p log(2p/(p + q)) + q log(2q/(p + q))] = ((p + q)/4)·g(δ) with
 * δ = (p − q)/(p + q) = tanh(d/2), d = log(p/q), and g(δ) = (1 + δ)log(1 + δ) + (1 − δ)log(1 − δ).
 * The two terms cancel to first order near p = q, so g is evaluated as |d|·|δ| + log1p(−δ²)
 * (the terms ≈ 2δ² and −δ² lose at most one bit) for |d| ≤ 1, and as
 * 2(log 2 − log1p(r)) − 2r|d|/(1 + r), r = e^−|d|, beyond. Edge cases: p = q = 0 gives 0;
 * q = 0 &lt; p gives ½ p log 2; p = 0 &lt; q gives ½ q log 2; NaN gives NaN.
 *
 * <p>Reference: Nowozin, Cseke &amp; Tomioka, f-GAN (NIPS 2016), Tables 1 and 6; Lin (1991).
 */
public record JensenShannon() implements FDivergence {

    private static final double HALF_LOG_2 = 0.5 * SpecialFunctions.LOG_2;

    @Override
    public String name() {
        return "js";
    }

    @Override
    public String displayName() {
        return "Jensen–Shannon";
    }

    @Override
    public double generator(double u) {
        if (!(u >= 0.0)) {
            return Double.NaN;
        }
        if (u == 0.0) {
            return HALF_LOG_2;
        }
        if (u == Double.POSITIVE_INFINITY) {
            return u;
        }
        if (u < 1.0 / 16) {
            return 0.5 * (u * Math.log(u) - (u + 1.0) * Math.log1p(0.5 * (u - 1.0)));
        }
        if (u > 16.0) {
            // ½[u log(2u/(u + 1)) − log((u + 1)/2)]: u log 2 dominates, and nothing overflows at MAX_VALUE
            return 0.5 * (u * (SpecialFunctions.LOG_2 - Math.log1p(1.0 / u)) - Math.log1p(0.5 * (u - 1.0)));
        }
        // near u = 1 the two terms cancel to second order: the integrand's series form at q = 1
        return integrand(Math.log(u), 0.0);
    }

    @Override
    public double optimalCritic(double u) {
        if (!(u >= 0.0)) {
            return Double.NaN;
        }
        if (u == Double.POSITIVE_INFINITY) {
            return HALF_LOG_2;
        }
        if (u < 0.5) {
            // (u − 1)/(u + 1) rounds to −1 for u < 1e−16 (log1p(−1) = −∞): split the log instead
            return 0.5 * (SpecialFunctions.LOG_2 + Math.log(u) - Math.log1p(u));
        }
        return 0.5 * Math.log1p((u - 1.0) / (u + 1.0));  // ½ log(2u/(u+1)), exact near u = 1
    }

    /** d: g_f(d) = ½(log 2 − softplus(−d)) = ½ log(2u/(u+1)). */
    @Override
    public double optimalCriticPreactivation(double logRatio) {
        return logRatio;
    }


    /** ½(log 2 − softplus(−d)) = g_f(d), as ½ log1p(tanh(d/2)) for |d| &lt; 1 (the difference cancels near 0). */
    @Override
    public double optimalCriticFromLogRatio(double logRatio) {
        if (Math.abs(logRatio) < 1.0) {
            return 0.5 * Math.log1p(Math.tanh(0.5 * logRatio));
        }
        return 0.5 * (SpecialFunctions.LOG_2 - SpecialFunctions.softplus(-logRatio));
    }

    @Override
    public double secondDerivativeAtOne() {
        return 0.25;
    }

    /**
     * −½ log(2 − e^(2t)) for t &lt; ½ log 2: written −½ log1p(−expm1(2t)) for t &lt; ¼ (relative
     * accuracy near the zero at t = 0) and −½[log 2 + log(1 − e^(2t − log 2))] beyond (accuracy up
     * to the domain end, where it tends to +∞); −½ log 2 at t = −∞; +∞ for t ≥ ½ log 2.
     */
    @Override
    public double conjugate(double t) {
        if (Double.isNaN(t)) {
            return t;
        }
        if (!(t < HALF_LOG_2)) {
            return Double.POSITIVE_INFINITY;
        }
        if (t < 0.25) {
            return -0.5 * Math.log1p(-Math.expm1(2.0 * t));
        }
        return -0.5 * (SpecialFunctions.LOG_2 + SpecialFunctions.log1mexp(2.0 * t - SpecialFunctions.LOG_2));
    }

    @Override
    public double conjugateDomainLower() {
        return Double.NEGATIVE_INFINITY;
    }

    @Override
    public double conjugateDomainUpper() {
        return HALF_LOG_2;
    }

    /** Open: −∞ &lt; t &lt; ½ log 2. */
    @Override
    public boolean inConjugateDomain(double t) {
        return t < HALF_LOG_2 && t > Double.NEGATIVE_INFINITY;
    }

    /**
     * ½ log 2 − ½ softplus(−v) = ½ log(2σ(v)), written ½ log1p(tanh(v/2)) for |v| &lt; 1 (relative
     * accuracy near the zero at v = 0, where the difference cancels) and clamped to at most the
     * largest double below ½ log 2 (reached for v ≳ 36, where the exact value rounds to ½ log 2) so
     * that it stays inside the open domain.
     */
    @Override
    public double outputActivation(double v) {
        if (Math.abs(v) < 1.0) {
            return 0.5 * Math.log1p(Math.tanh(0.5 * v));
        }
        double g = 0.5 * (SpecialFunctions.LOG_2 - SpecialFunctions.softplus(-v));
        return Math.min(g, Math.nextDown(HALF_LOG_2));
    }

    /**
     * f*(g_f(v)) = −½ log 2 + ½ softplus(v) = ½ log((1 + e^v)/2): evaluated as ½ log1p(expm1(v)/2)
     * for v &lt; 1 (relative accuracy near the zero at v = 0) and as ½(softplus(v) − log 2) beyond;
     * finite for every finite v.
     */
    @Override
    public double conjugateOfActivation(double v) {
        if (v < 1.0) {
            return 0.5 * Math.log1p(0.5 * Math.expm1(v));
        }
        return 0.5 * (SpecialFunctions.softplus(v) - SpecialFunctions.LOG_2);
    }

    /** g_f'(v) = ½σ(−v). */
    @Override
    public double outputActivationDerivative(double v) {
        return 0.5 * SpecialFunctions.sigmoid(-v);
    }

    /** d/dv (½ softplus(v) − ½ log 2) = ½σ(v). */
    @Override
    public double conjugateOfActivationDerivative(double v) {
        return 0.5 * SpecialFunctions.sigmoid(v);
    }

    @Override
    public double valueAtZero() {
        return HALF_LOG_2;
    }

    @Override
    public double slopeAtInfinity() {
        return HALF_LOG_2;
    }

    @Override
    public double integrand(double logP, double logQ) {
        double d = logP - logQ;
        if (!Integrands.isRegular(d)) {
            return Integrands.edge(this, logP, logQ);
        }
        double a = Math.abs(d);
        double r = Math.exp(-a);                         // min(p, q)/max(p, q)
        // g(a) = a·tanh(a/2) − 2 log cosh(a/2), the bracket of 2·JS per unit of (p + q)/2.
        // Only Math.exp and Math.log (JIT intrinsics) on the hot path; tanh and log1p are
        // fdlibm ports and cost several times more.
        double g;
        if (a <= 0.25) {
            // Taylor series in a² (coefficients from mpmath, 25 digits); the first omitted term
            // is below 4e-18 relative at a = 0.25. Exact near p = q, where the other form cancels.
            double a2 = a * a;
            g = a2 * (0.25 + a2 * (-0.03125 + a2 * (0.003472222222222222222222222
                    + a2 * (-0.0003689236111111111111111111 + a2 * (0.00003844246031746031746031746
                    + a2 * (-0.000003967105746619635508524397 + a2 * (4.071713211098131733052368e-7
                    + a2 * -4.165175591615633778332191e-8)))))));
        } else {
            // 2(log 2 − log(1 + r)) − 2ra/(1 + r): at most a factor 14 of cancellation at a = ¼
            double onePlusR = 1.0 + r;
            g = 2.0 * (SpecialFunctions.LOG_2 - Math.log(onePlusR)) - 2.0 * r * a / onePlusR;
        }
        // (p + q)/4 = max·(1 + r)/4
        return Integrands.times(Math.max(logP, logQ), 0.25 * (1.0 + r) * Math.max(g, 0.0));
    }

    /** ~ ½ log 2 · p: {@code (1, 0)}. */
    @Override
    public Asymptote asymptoteAsRatioToInfinity() {
        return Asymptote.LIKE_P;
    }

    /** ~ ½ log 2 · q: {@code (0, 0)}. */
    @Override
    public Asymptote asymptoteAsRatioToZero() {
        return Asymptote.LIKE_Q;
    }
}
