package org.fganlab.divergence;

/**
 * Jeffrey divergence: f(u) = (u − 1) log u, D_f(P‖Q) = ∫ (p − q) log(p/q) = KL(P‖Q) + KL(Q‖P) in
 * nats. Symmetric.
 *
 * <table>
 *   <caption>Jeffrey at a glance</caption>
 *   <tr><td>f*(t)</td><td>W(e^(1−t)) + 1/W(e^(1−t)) + t − 2, W the principal Lambert W</td></tr>
 *   <tr><td>dom f*</td><td>R</td></tr>
 *   <tr><td>g_f(v)</td><td>v</td></tr>
 *   <tr><td>f'(u)</td><td>log u + 1 − 1/u</td></tr>
 *   <tr><td>f'(1)</td><td>0</td></tr>
 *   <tr><td>f''(1)</td><td>2</td></tr>
 *   <tr><td>f(0+)</td><td>+∞</td></tr>
 *   <tr><td>lim f(u)/u</td><td>+∞</td></tr>
 * </table>
 *
 * <p>Conjugate: the maximiser of ut − f(u) is u* = 1/w with w = W(e^(1−t)), i.e.
 * w + log w = 1 − t ({@link SpecialFunctions#lambertWOfExp}); substituting t − 2 + w = −1 − log w
 * gives the form used here, f*(t) = 1/w − 1 − log w, which has no cancellation for t → −∞
 * (where w ≈ 1 − t is large).
 *
 * <p>Integrand (p − q)(log p − log q) = max(p, q)·|d|·(1 − e^−|d|), d = log(p/q). Edge cases:
 * p = q = 0 gives 0; p = 0 &lt; q and q = 0 &lt; p give +∞; NaN gives NaN.
 *
 * <p>Reference: Nowozin, Cseke &amp; Tomioka, f-GAN (NIPS 2016), Tables 1 and 6 (the conjugate in
 * terms of the Lambert W function).
 */
public record Jeffrey() implements FDivergence {

    @Override
    public String name() {
        return "jeffrey";
    }

    @Override
    public String displayName() {
        return "Jeffrey";
    }

    @Override
    public double generator(double u) {
        if (!(u >= 0.0)) {
            return Double.NaN;
        }
        if (u == 0.0 || u == Double.POSITIVE_INFINITY) {
            return Double.POSITIVE_INFINITY;
        }
        return (u - 1.0) * Math.log(u);
    }

    @Override
    public double optimalCritic(double u) {
        if (!(u >= 0.0)) {
            return Double.NaN;
        }
        if (u == Double.POSITIVE_INFINITY) {
            return u;
        }
        return Math.log(u) + (u - 1.0) / u;
    }

    /** d − expm1(−d) = d + 1 − e^{−d} (g_f is the identity). */
    @Override
    public double optimalCriticPreactivation(double logRatio) {
        return optimalCriticFromLogRatio(logRatio);
    }


    /** d + 1 − e^−d = d − expm1(−d). */
    @Override
    public double optimalCriticFromLogRatio(double logRatio) {
        return logRatio - Math.expm1(-logRatio);
    }

    @Override
    public double secondDerivativeAtOne() {
        return 2.0;
    }

    /**
     * 1/w − 1 − log w with w = W(e^(1−t)); −∞ at t = −∞, overflows to +∞ for t ≳ 710. For |t| &lt; 1
     * it solves δ + log1p(δ) = −t for δ = w − 1 directly and returns −δ/(1 + δ) − log1p(δ) (two
     * terms of the same sign), so that f*(t) ≈ t keeps its relative accuracy near t = 0, where
     * forming 1 − t and w ≈ 1 would leave only absolute accuracy.
     */
    @Override
    public double conjugate(double t) {
        if (Double.isNaN(t)) {
            return t;
        }
        if (Math.abs(t) < 1.0) {
            double delta = lambertWOfExpOneMinusTMinusOne(t);
            return -delta / (1.0 + delta) - Math.log1p(delta);
        }
        double w = SpecialFunctions.lambertWOfExp(1.0 - t);
        return 1.0 / w - 1.0 - Math.log(w);
    }

    /**
     * δ = W(e^(1−t)) − 1 for |t| &lt; 1, the root of h(δ) = δ + log1p(δ) + t, by Halley's iteration
     * from the second-order start −t/2 + t²/16 (δ ∈ (−0.44, 0.56) on this range).
     */
    private static double lambertWOfExpOneMinusTMinusOne(double t) {
        double delta = -0.5 * t + t * t / 16.0;
        for (int i = 0; i < 50; i++) {
            double h = delta + Math.log1p(delta) + t;
            double onePlus = 1.0 + delta;
            double dh = 1.0 + 1.0 / onePlus;
            double d2h = -1.0 / (onePlus * onePlus);
            double step = 2.0 * h * dh / (2.0 * dh * dh - h * d2h);
            delta -= step;
            if (Math.abs(step) <= 2.0 * Math.ulp(delta)) {
                break;
            }
        }
        return delta;
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

    /** f*(v): finite for v ≤ 709. */
    @Override
    public double conjugateOfActivation(double v) {
        return conjugate(v);
    }

    /** g_f'(v) = 1 (g_f is the identity). */
    @Override
    public double outputActivationDerivative(double v) {
        return Double.isNaN(v) ? v : 1.0;
    }

    /** f*'(v) = u*(v) = 1/W(e^(1−v)). */
    @Override
    public double conjugateOfActivationDerivative(double v) {
        return 1.0 / SpecialFunctions.lambertWOfExp(1.0 - v);
    }

    @Override
    public double valueAtZero() {
        return Double.POSITIVE_INFINITY;
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
        double a = Math.abs(d);
        return Integrands.times(Math.max(logP, logQ), -a * Math.expm1(-a));
    }

    /** (p − q)·log(p/q) ~ p·log(p/q): {@code (1, 1)}. */
    @Override
    public Asymptote asymptoteAsRatioToInfinity() {
        return new Asymptote(1, 1);
    }

    /** (p − q)·log(p/q) ~ q·log(q/p): {@code (0, 1)}. */
    @Override
    public Asymptote asymptoteAsRatioToZero() {
        return new Asymptote(0, 1);
    }
}
