package org.fganlab.divergence;

import java.math.BigDecimal;

/**
 * Amari α-divergence, α ∉ {0, 1}: f(u) = (u^α − 1 − α(u − 1)) / (α(α − 1)), so that for
 * probability densities D_f(P‖Q) = (∫ p^α q^(1−α) − 1) / (α(α − 1)) (nats for the limits).
 * Not symmetric except at α = ½; D_α(P‖Q) = D_{1−α}(Q‖P). Special cases: α = 2 is ½ Pearson χ²,
 * α = −1 is ½ Neyman χ², α = ½ is 2 × squared Hellinger; α → 1 gives KL, α → 0 reverse KL.
 *
 * <table>
 *   <caption>Amari α at a glance</caption>
 *   <tr><td>f*(t)</td><td>(1/α)(t(α − 1) + 1)^(α/(α−1)) − 1/α on dom f*; for α &gt; 1 the sup
 *       over u ≥ 0 is (1/α)(max(0, t(α − 1) + 1))^(α/(α−1)) − 1/α on all of R (the value −1/α
 *       for t ≤ −1/(α − 1) is attained at u = 0)</td></tr>
 *   <tr><td>dom f*</td><td>t &lt; 1/(1 − α) for α &lt; 1; R for α &gt; 1</td></tr>
 *   <tr><td>g_f(v)</td><td>1/(1 − α) − log(1 + e^−v) for α &lt; 1; v for α &gt; 1</td></tr>
 *   <tr><td>f'(u)</td><td>(u^(α−1) − 1)/(α − 1)</td></tr>
 *   <tr><td>f'(1)</td><td>0</td></tr>
 *   <tr><td>f''(1)</td><td>1</td></tr>
 *   <tr><td>f(0+)</td><td>1/α for α &gt; 0; +∞ for α &lt; 0</td></tr>
 *   <tr><td>lim f(u)/u</td><td>+∞ for α &gt; 1; 1/(1 − α) for α &lt; 1</td></tr>
 * </table>
 *
 * <p>Domain end for α &lt; 0: at t = 1/(1 − α) the sup over u ≥ 0 is −1/α, finite but not
 * attained; this class follows the table of {@code docs/math.md} (open domain, +∞ at the end).
 *
 * <p>Overflow of {@link #conjugateOfActivation}: for 0 &lt; α &lt; 1, f*(g_f(v)) grows like
 * e^(vα/(1−α)) as v → +∞ and overflows to +∞ once vα/(1 − α) exceeds about 709 (within
 * |v| ≤ 100 this happens only for α ≳ 0.876); the true value is then not representable. For α &lt; 0
 * and α &gt; 1 it is finite for all |v| ≤ 100.
 *
 * <p>Integrand q·f(p/q) via the duality u·f_α(1/u) = f_{1−α}(u): for d = log(p/q) &lt; 0 it is
 * q·f_α(e^d), for d ≥ 0 it is p·f_{1−α}(e^−d), so f_β is only ever evaluated on (0, 1] where it is
 * bounded by 1/β when β &gt; 0. With x = log of the ratio ≤ 0, f_β(e^x) = [φ(βx) − βφ(x)]/(β(β − 1)),
 * φ(x) = e^x − 1 − x ({@link SpecialFunctions#expm1MinusX}), removes the first-order cancellation
 * near p = q; for β &gt; 0 and x &lt; −2 the equivalent [expm1(βx) − β·expm1(x)]/(β(β − 1)) avoids
 * the cancellation of the linear terms instead; for β &lt; 0 (α &lt; 0 with q &gt; p, α &gt; 1 with
 * p &gt; q) and βx &gt; 30 the integrand e^(βx)-large term is taken in log-space, so p^α q^(1−α) is
 * never formed. Relative accuracy degrades like 1/|α(1 − α)| as α approaches 0 or 1 (the
 * divided difference behind the limits KL and reverse KL). Edge cases: p = q = 0 gives 0;
 * p = 0 &lt; q gives q·f(0+); q = 0 &lt; p gives p/(1 − α) for α &lt; 1 and +∞ for α &gt; 1; NaN gives
 * NaN.
 *
 * <p>Reference: Amari (1985, 2009); Nowozin, Cseke &amp; Tomioka, f-GAN (NIPS 2016), Table 6 (the
 * α-divergence row and its conjugate).
 *
 * @param alpha α, any finite real other than 0 and 1
 */
public record AmariAlpha(double alpha) implements FDivergence {

    /** Beyond this, e^(βx) is formed in log-space in the β &lt; 0 branch of the integrand. */
    private static final double LOG_SPACE_THRESHOLD = 30.0;

    /**
     * @throws IllegalArgumentException if alpha is 0, 1, NaN or infinite
     */
    public AmariAlpha {
        if (!Double.isFinite(alpha) || alpha == 0.0 || alpha == 1.0) {
            throw new IllegalArgumentException(
                    "alpha must be a finite real other than 0 and 1 (alpha in (-inf, 0) ∪ (0, 1) ∪ (1, +inf)), got "
                            + alpha);
        }
    }

    /** {@code "alpha:"} followed by α without a trailing {@code .0}, e.g. {@code alpha:2}, {@code alpha:0.5}. */
    @Override
    public String name() {
        return "alpha:" + formatAlpha(alpha);
    }

    @Override
    public String displayName() {
        return "Amari α = " + formatAlpha(alpha);
    }

    /**
     * α as the shortest decimal that parses back to it, without exponent or trailing zeros where
     * that takes at most 20 characters (2.0 → "2", 0.5 → "0.5", 1.0E-5 → "0.00001"), otherwise
     * {@link Double#toString(double)}.
     */
    static String formatAlpha(double a) {
        String plain = BigDecimal.valueOf(a).stripTrailingZeros().toPlainString();
        return plain.length() <= 20 ? plain : Double.toString(a);
    }

    @Override
    public double generator(double u) {
        if (!(u >= 0.0)) {
            return Double.NaN;
        }
        if (u == 0.0) {
            return valueAtZero();
        }
        if (u == Double.POSITIVE_INFINITY) {
            return u;
        }
        double f = powMinusOne(u, alpha) / (alpha * (alpha - 1.0)) - (u - 1.0) / (alpha - 1.0);
        // NaN only as ∞ − ∞, when u^α and u both overflow their terms; f is then beyond MAX_VALUE
        return Double.isNaN(f) ? Double.POSITIVE_INFINITY : f;
    }

    /**
     * u^a − 1: {@link Math#pow} where |a log u| &gt; 1 (exp of the rounded product a·log u would carry
     * its absolute rounding, about 1e−13 relative at |a log u| = 700), expm1 nearer u = 1.
     */
    private static double powMinusOne(double u, double a) {
        double x = a * Math.log(u);
        return Math.abs(x) > 1.0 ? Math.pow(u, a) - 1.0 : Math.expm1(x);
    }

    /**
     * (u^(α−1) − 1)/(α − 1). Where |(α − 1) log u| &gt; 1, u^(α−1) is formed as u^α/u when u^α is a
     * normal double: α − 1 is rounded (α = −0.001 gives −1.001 with a relative error 2e−17, which
     * u^(α−1) magnifies by |log u|, to 4e−14 at u = 1e−150), α itself is not.
     */
    @Override
    public double optimalCritic(double u) {
        if (!(u >= 0.0)) {
            return Double.NaN;
        }
        if (Math.abs((alpha - 1.0) * Math.log(u)) > 1.0) {
            double ua = Math.pow(u, alpha);
            if (ua >= Double.MIN_NORMAL && ua <= Double.MAX_VALUE && u > 0.0 && u < Double.POSITIVE_INFINITY) {
                return (ua / u - 1.0) / (alpha - 1.0);
            }
        }
        return powMinusOne(u, alpha - 1.0) / (alpha - 1.0);
    }

    /**
     * For α &gt; 1 (g_f the identity) v* = T* = expm1((α − 1)d)/(α − 1). For α &lt; 1,
     * g_f(v) = 1/(1 − α) − softplus(−v), so softplus(−v*) = s with s = e^{(α−1)d}/(1 − α) and
     * v* = −log(expm1(s)): −log s where s &lt; e^{−30} (error below s/2), −s − log(1 − e^{−s}) where
     * s &gt; 20, the direct form between.
     */
    @Override
    public double optimalCriticPreactivation(double logRatio) {
        if (alpha > 1.0) {
            return optimalCriticFromLogRatio(logRatio);
        }
        double logS = (alpha - 1.0) * logRatio - Math.log1p(-alpha);
        if (logS < -30.0) {
            return -logS;
        }
        double s = Math.exp(logS);
        if (s > 20.0) {
            return -s - SpecialFunctions.log1mexp(-s);
        }
        return -Math.log(Math.expm1(s));
    }

    /**
     * expm1((α − 1)d)/(α − 1); beyond (α − 1)d = 700 as e^((α−1)d − log|α − 1|) with the sign of
     * α − 1, so that a value below MAX_VALUE does not overflow in the numerator first.
     */
    @Override
    public double optimalCriticFromLogRatio(double logRatio) {
        double x = (alpha - 1.0) * logRatio;
        if (x > 700.0) {
            return Math.copySign(Math.exp(x - Math.log(Math.abs(alpha - 1.0))), alpha - 1.0);
        }
        return Math.expm1(x) / (alpha - 1.0);
    }

    @Override
    public double secondDerivativeAtOne() {
        return 1.0;
    }

    /**
     * expm1((α/(α − 1))·log1p(t(α − 1)))/α on dom f*; for α &gt; 1, −1/α where t(α − 1) ≤ −1
     * (including t = −∞); for α &lt; 1, +∞ for t ≥ 1/(1 − α) and the limit at t = −∞ (−1/α for
     * 0 &lt; α &lt; 1, −∞ for α &lt; 0).
     */
    @Override
    public double conjugate(double t) {
        if (Double.isNaN(t)) {
            return t;
        }
        if (alpha < 1.0 && !(t < conjugateDomainUpper())) {
            return Double.POSITIVE_INFINITY;
        }
        double x = t * (alpha - 1.0);
        if (!(x > -1.0)) {
            if (alpha > 1.0) {
                return -1.0 / alpha;                     // sup over u ≥ 0 attained at u = 0
            }
            x = -1.0;                                    // t rounded onto the domain end
        }
        return Math.expm1(alpha / (alpha - 1.0) * Math.log1p(x)) / alpha;
    }

    /** −∞. */
    @Override
    public double conjugateDomainLower() {
        return Double.NEGATIVE_INFINITY;
    }

    /** 1/(1 − α) for α &lt; 1, +∞ for α &gt; 1. */
    @Override
    public double conjugateDomainUpper() {
        return alpha < 1.0 ? 1.0 / (1.0 - alpha) : Double.POSITIVE_INFINITY;
    }

    /** α &lt; 1: −∞ &lt; t &lt; 1/(1 − α) (open); α &gt; 1: t finite. */
    @Override
    public boolean inConjugateDomain(double t) {
        if (alpha > 1.0) {
            return Double.isFinite(t);
        }
        return t < conjugateDomainUpper() && t > Double.NEGATIVE_INFINITY;
    }

    /**
     * α &gt; 1: v. α &lt; 1: 1/(1 − α) − softplus(−v), clamped to at most the largest double below
     * 1/(1 − α) (reached for large v, where the exact value rounds to the domain end) so that it
     * stays inside the open domain.
     */
    @Override
    public double outputActivation(double v) {
        if (alpha > 1.0) {
            return v;
        }
        double upper = conjugateDomainUpper();
        return Math.min(upper - SpecialFunctions.softplus(-v), Math.nextDown(upper));
    }

    /**
     * α &gt; 1: f*(v). α &lt; 1: with t = g_f(v), t(α − 1) + 1 = (1 − α)·softplus(−v), so
     * f*(g_f(v)) = expm1((α/(α − 1))·[log(1 − α) + log softplus(−v)])/α, which never forms the
     * rounded activation. Overflows to +∞ for 0 &lt; α &lt; 1 when vα/(1 − α) ≳ 709 (class comment).
     */
    @Override
    public double conjugateOfActivation(double v) {
        if (alpha > 1.0) {
            return conjugate(v);
        }
        double logBase = Math.log(1.0 - alpha) + SpecialFunctions.logSoftplus(-v);
        return Math.expm1(alpha / (alpha - 1.0) * logBase) / alpha;
    }

    /** g_f'(v) = 1 for α &gt; 1; σ(−v) for α &lt; 1 (g_f = 1/(1 − α) − softplus(−v)). */
    @Override
    public double outputActivationDerivative(double v) {
        if (alpha > 1.0) {
            return Double.isNaN(v) ? v : 1.0;
        }
        return SpecialFunctions.sigmoid(-v);
    }

    /**
     * u*(g_f(v))·g_f'(v) with u*(t) = (t(α − 1) + 1)^(1/(α−1)): for α &gt; 1,
     * exp(log1p(v(α − 1))/(α − 1)) (0 where the base is ≤ 0); for α &lt; 1 the base is
     * (1 − α)·softplus(−v) and g_f'(v) = σ(−v), and the product is formed as one exponential,
     * exp(log base/(α − 1) − softplus(v)), so that neither factor overflows or underflows on its
     * own (u* ~ e^(v/(1−α)) and σ(−v) ~ e^(−v) for large v). Finite wherever the value is
     * representable; +∞ beyond.
     */
    @Override
    public double conjugateOfActivationDerivative(double v) {
        if (alpha > 1.0) {
            double x = v * (alpha - 1.0);
            return x > -1.0 ? Math.exp(Math.log1p(x) / (alpha - 1.0)) : Double.isNaN(v) ? v : 0.0;
        }
        if (v <= 0.0) {
            double logBase = Math.log1p(-alpha) + SpecialFunctions.logSoftplus(-v);
            return Math.exp(logBase / (alpha - 1.0) - SpecialFunctions.softplus(v));
        }
        // v > 0: log softplus(−v) = −v + c and softplus(v) = v + log1p(e^−v), c = log(log1p(y)/y),
        // y = e^−v; the two terms ±v/(1 − α) cancel into vα/(1 − α), which is formed directly so
        // that the exponent carries no absolute rounding of size v
        double y = Math.exp(-v);
        double c = y < 1e-8 ? -0.5 * y : Math.log(Math.log1p(y) / y);
        double exponent = v * (alpha / (1.0 - alpha)) + (Math.log1p(-alpha) + c) / (alpha - 1.0) - Math.log1p(y);
        return Math.exp(exponent);
    }

    /** 1/α for α &gt; 0, +∞ for α &lt; 0. */
    @Override
    public double valueAtZero() {
        return alpha > 0.0 ? 1.0 / alpha : Double.POSITIVE_INFINITY;
    }

    /** +∞ for α &gt; 1, 1/(1 − α) for α &lt; 1. */
    @Override
    public double slopeAtInfinity() {
        return alpha > 1.0 ? Double.POSITIVE_INFINITY : 1.0 / (1.0 - alpha);
    }

    @Override
    public double integrand(double logP, double logQ) {
        double d = logP - logQ;
        if (!Integrands.isRegular(d)) {
            return Integrands.edge(this, logP, logQ);
        }
        if (d < 0.0) {
            return scaledGenerator(alpha, d, logQ);       // q·f_α(e^d)
        }
        return scaledGenerator(1.0 - alpha, -d, logP);    // p·f_{1−α}(e^−d)
    }

    /**
     * exp(logFactor)·f_β(e^x) for x ≤ 0, f_β the α-generator with α = β (see the class comment).
     */
    private static double scaledGenerator(double beta, double x, double logFactor) {
        if (x == 0.0) {
            return 0.0;
        }
        double bx = beta * x;
        double denominator = beta * (beta - 1.0);
        double numerator;
        if (beta < 0.0) {
            if (bx > LOG_SPACE_THRESHOLD) {
                // N = e^(βx)·[1 − e^(−βx)·(1 + β·expm1(x))], the bracket in (0, 1]
                double logN = bx + Math.log1p(-Math.exp(-bx) * (1.0 + beta * Math.expm1(x)));
                return Math.exp(logFactor + logN - Math.log(denominator));
            }
            // both terms ≥ 0 when β < 0: no cancellation
            numerator = SpecialFunctions.expm1MinusX(bx) - beta * SpecialFunctions.expm1MinusX(x);
        } else if (x >= -2.0) {
            numerator = SpecialFunctions.expm1MinusX(bx) - beta * SpecialFunctions.expm1MinusX(x);
        } else {
            numerator = Math.expm1(bx) - beta * Math.expm1(x);
        }
        return Integrands.times(logFactor, Math.max(numerator / denominator, 0.0));
    }

    /** α &gt; 1: p^α q^(1−α)/(α(α − 1)), {@code (α, 0)}; α &lt; 1: p/(1 − α), {@code (1, 0)}. */
    @Override
    public Asymptote asymptoteAsRatioToInfinity() {
        return alpha > 1.0 ? new Asymptote(alpha, 0) : Asymptote.LIKE_P;
    }

    /** α &gt; 0: q/α, {@code (0, 0)}; α &lt; 0: p^α q^(1−α)/(α(α − 1)), {@code (α, 0)}. */
    @Override
    public Asymptote asymptoteAsRatioToZero() {
        return alpha > 0.0 ? Asymptote.LIKE_Q : new Asymptote(alpha, 0);
    }
}
