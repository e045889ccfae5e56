package org.fganlab.divergence;

/**
 * Total variation distance: f(u) = ½|u − 1|, D_f(P‖Q) = ½∫|p − q| ∈ [0, 1] (nats are not a unit
 * here: TV is a probability). Symmetric: D_f(P‖Q) = D_f(Q‖P).
 *
 * <table>
 *   <caption>Total variation at a glance</caption>
 *   <tr><td>f*(t)</td><td>t</td></tr>
 *   <tr><td>dom f*</td><td>|t| ≤ ½, closed (as tabulated; see below)</td></tr>
 *   <tr><td>g_f(v)</td><td>½ tanh v</td></tr>
 *   <tr><td>f'(u)</td><td>½ sign(u − 1) (the subgradient 0 at u = 1)</td></tr>
 *   <tr><td>f'(1)</td><td>0</td></tr>
 *   <tr><td>f''(1)</td><td>+∞: f has a kink at 1; (f(1+h) − 2f(1) + f(1−h))/h² = 1/h diverges,
 *       and D_TV(P_{θ+δ}‖P_θ) is of order |δ|, not δ²</td></tr>
 *   <tr><td>f(0+)</td><td>½</td></tr>
 *   <tr><td>lim f(u)/u</td><td>½</td></tr>
 * </table>
 *
 * <p>Conjugate domain: the sup over u ≥ 0 of ut − ½|u − 1| is t on [−½, ½], +∞ for t &gt; ½, but
 * −½ (attained at u = 0) for t &lt; −½. This class follows the table of {@code docs/math.md} and treats
 * t &lt; −½ as outside dom f* ({@link #conjugate} gives +∞ there); the activation ½ tanh v never
 * leaves (−½, ½), where both readings agree.
 *
 * <p>Integrand ½|p − q| = ½·max(p, q)·(1 − e^−|log p − log q|), computed with expm1; edge cases:
 * p = q = 0 gives 0, q = 0 &lt; p gives p/2, p = 0 &lt; q gives q/2, NaN gives NaN.
 *
 * <p>Reference: Nowozin, Cseke &amp; Tomioka, f-GAN (NIPS 2016), Tables 1 and 6.
 */
public record TotalVariation() implements FDivergence {

    @Override
    public String name() {
        return "tv";
    }

    @Override
    public String displayName() {
        return "total variation";
    }

    @Override
    public double generator(double u) {
        if (!(u >= 0.0)) {
            return Double.NaN;
        }
        return 0.5 * Math.abs(u - 1.0);
    }

    @Override
    public double optimalCritic(double u) {
        if (!(u >= 0.0)) {
            return Double.NaN;
        }
        return 0.5 * Math.signum(u - 1.0);
    }

    /** ±∞ by the sign of d (0 at d = 0): T* = ±½ lies on the boundary of the closed dom f*. */
    @Override
    public double optimalCriticPreactivation(double logRatio) {
        return logRatio > 0 ? Double.POSITIVE_INFINITY : logRatio < 0 ? Double.NEGATIVE_INFINITY : logRatio;
    }


    @Override
    public double optimalCriticFromLogRatio(double logRatio) {
        return 0.5 * Math.signum(logRatio);
    }

    /** +∞: the kink at u = 1 (see the class comment). */
    @Override
    public double secondDerivativeAtOne() {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public double conjugate(double t) {
        if (Double.isNaN(t)) {
            return t;
        }
        return Math.abs(t) <= 0.5 ? t : Double.POSITIVE_INFINITY;
    }

    @Override
    public double conjugateDomainLower() {
        return -0.5;
    }

    @Override
    public double conjugateDomainUpper() {
        return 0.5;
    }

    /** Closed: −½ ≤ t ≤ ½. */
    @Override
    public boolean inConjugateDomain(double t) {
        return Math.abs(t) <= 0.5;
    }

    /** ½ tanh v ∈ [−½, ½] (reaches ±½ in floating point for |v| ≥ 19). */
    @Override
    public double outputActivation(double v) {
        return 0.5 * Math.tanh(v);
    }

    /** f*(½ tanh v) = ½ tanh v. */
    @Override
    public double conjugateOfActivation(double v) {
        return 0.5 * Math.tanh(v);
    }

    /**
     * g_f'(v) = ½ sech² v = 2e/(1 + e)², e = e^(−2|v|), for both (g_f = f*∘g_f = ½ tanh v): the
     * form ½(1 − tanh² v) cancels, losing every digit beyond |v| ≈ 19.
     */
    @Override
    public double outputActivationDerivative(double v) {
        double e = Math.exp(-2.0 * Math.abs(v));
        double onePlus = 1.0 + e;
        return 2.0 * e / (onePlus * onePlus);
    }

    /** Same as g_f'(v). */
    @Override
    public double conjugateOfActivationDerivative(double v) {
        return outputActivationDerivative(v);
    }

    @Override
    public double valueAtZero() {
        return 0.5;
    }

    @Override
    public double slopeAtInfinity() {
        return 0.5;
    }

    @Override
    public boolean kinkAtOne() {
        return true;
    }

    @Override
    public double integrand(double logP, double logQ) {
        double d = logP - logQ;
        if (!Integrands.isRegular(d)) {
            return Integrands.edge(this, logP, logQ);
        }
        // ½|p − q| = ½·max·(1 − min/max); −expm1 keeps the digits of 1 − e^−|d| near p = q.
        return Integrands.times(Math.max(logP, logQ), -0.5 * Math.expm1(-Math.abs(d)));
    }

    /** ½|p − q| ~ p/2: {@code (1, 0)}. */
    @Override
    public Asymptote asymptoteAsRatioToInfinity() {
        return Asymptote.LIKE_P;
    }

    /** ½|p − q| ~ q/2: {@code (0, 0)}. */
    @Override
    public Asymptote asymptoteAsRatioToZero() {
        return Asymptote.LIKE_Q;
    }
}
