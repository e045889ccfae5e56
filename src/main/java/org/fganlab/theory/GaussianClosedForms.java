package org.fganlab.theory;

import org.hipparchus.special.Erf;

/**
 * Closed forms for P = N(μ1, σ1²), Q = N(μ2, σ2²): the test oracles of {@code docs/math.md},
 * "Closed forms for Gaussians". Values in nats.
 *
 * <p>Arguments are (μ1, σ1, μ2, σ2) for D(P‖Q); σ's must be positive and finite, μ's finite.
 *
 * <p>Accuracy: every form is written so that no step cancels. Near P = Q the σ's enter through
 * t = σ1²/σ2² − 1 = (σ1 − σ2)(σ1 + σ2)/σ2², formed from the difference of the σ's, and through
 * x − log1p(x) by its series; near Pearson's borderline 2σ2² = σ1² the denominator 2σ2² − σ1²
 * is formed with {@link Math#fma} from σ's scaled by a power of two (exact), so it keeps its
 * relative accuracy however small it is. The {@code …Bounded} variants also return an error
 * bound: the form's own rounding plus its condition number times a relative perturbation of
 * {@value #PARAMETER_ROUNDING} units of roundoff in each of μ1, σ1, μ2, σ2 (the size of the
 * rounding with which a quadrature evaluates log p and log q, so that a correct quadrature value
 * agrees within its own error estimate plus this bound).
 */
public final class GaussianClosedForms {

    /** Relative perturbation, in units of roundoff, of each parameter in the condition term. */
    public static final int PARAMETER_ROUNDING = 8;

    private static final double EPS = Math.ulp(1.0);
    /** Below this |x|, x − log1p(x) is summed as a series in z = x/(2 + x). */
    private static final double SERIES_LIMIT = 0.5;
    /** Beyond this |σ2²/σ1² − 1|, {@link #amariAlpha} takes logs of the σ's one by one. */
    private static final double EXTREME_RATIO = 1e200;

    /**
     * A closed-form value with a bound on its error (absolute, nats; 0 for an infinite value).
     *
     * @param value the closed form, possibly +∞
     * @param error bound on |value − exact value at the given parameters| plus the effect of a
     *              relative perturbation of {@value #PARAMETER_ROUNDING} units of roundoff in
     *              each parameter
     */
    public record Bounded(double value, double error) {
    }

    private GaussianClosedForms() {
    }

    /**
     * KL(P‖Q) = log(σ2/σ1) + (σ1² + (μ1 − μ2)²)/(2σ2²) − ½.
     *
     * @throws IllegalArgumentException if a parameter is out of range
     */
    public static double kl(double mu1, double sigma1, double mu2, double sigma2) {
        return klBounded(mu1, sigma1, mu2, sigma2).value();
    }

    /**
     * {@link #kl} with its error bound: KL = ½(t − log1p t) + ½δ², t = σ1²/σ2² − 1,
     * δ = (μ1 − μ2)/σ2, whose condition term is |t| + |t + δ²| + |δ|(|μ1| + |μ2|)/σ2.
     *
     * @throws IllegalArgumentException if a parameter is out of range
     */
    public static Bounded klBounded(double mu1, double sigma1, double mu2, double sigma2) {
        check(mu1, sigma1, mu2, sigma2);
        double delta = scaledDifference(mu1, mu2, sigma2);
        double half2 = 0.5 * delta * delta;
        double t = ratioSquaredMinusOne(sigma1, sigma2);
        double value;
        double magnitude;
        if (Math.abs(t) < SERIES_LIMIT) {
            double h = 0.5 * xMinusLog1p(t);
            value = h + half2;
            magnitude = value;
        } else {
            double logA = logRatio(sigma1, sigma2);
            value = -logA + 0.5 * t + half2;
            magnitude = Math.abs(logA) + 0.5 * Math.abs(t) + half2;
        }
        if (!Double.isFinite(value)) {
            return new Bounded(Double.POSITIVE_INFINITY, 0);
        }
        double condition = Math.abs(t) + Math.abs(t + delta * delta)
                + Math.abs(delta) * (Math.abs(mu1) + Math.abs(mu2)) / sigma2;
        return new Bounded(value, 4 * EPS * magnitude + PARAMETER_ROUNDING * EPS * condition);
    }

    /**
     * Squared Hellinger in this project's convention ∫(√p − √q)² = 2(1 − BC), BC the
     * Bhattacharyya coefficient √(2σ1σ2/(σ1² + σ2²))·exp(−(μ1 − μ2)²/(4(σ1² + σ2²))).
     *
     * @throws IllegalArgumentException if a parameter is out of range
     */
    public static double squaredHellinger(double mu1, double sigma1, double mu2, double sigma2) {
        return squaredHellingerBounded(mu1, sigma1, mu2, sigma2).value();
    }

    /**
     * {@link #squaredHellinger} with its error bound: log BC = ½ log1p(−(σ1 − σ2)²/S) − e,
     * S = σ1² + σ2², e = (μ1 − μ2)²/(4S), so that BC near 1 keeps its digits; the condition term
     * is 2BC·(|σ2² − σ1²|/S + 2e + |μ1 − μ2|(|μ1| + |μ2|)/(2S)).
     *
     * @throws IllegalArgumentException if a parameter is out of range
     */
    public static Bounded squaredHellingerBounded(double mu1, double sigma1, double mu2, double sigma2) {
        check(mu1, sigma1, mu2, sigma2);
        // scale both σ's (and the means' difference) by one power of two: exact, and no overflow
        int e2 = Math.getExponent(Math.max(sigma1, sigma2));
        double s1 = Math.scalb(sigma1, -e2);
        double s2 = Math.scalb(sigma2, -e2);
        double sum = s1 * s1 + s2 * s2;                 // S/2^(2·e2) in [1, 8)
        double dm = Math.scalb(mu1, -e2) - Math.scalb(mu2, -e2);
        double e = dm * dm / (4 * sum);
        double diff = s1 - s2;
        double k = diff * diff / sum;                   // 1 − 2σ1σ2/S
        double half = k < SERIES_LIMIT ? 0.5 * Math.log1p(-k)
                : 0.5 * (Math.log(2 * s1) + Math.log(s2) - Math.log(sum));
        double logBc = half - e;
        double value = -2 * Math.expm1(logBc);
        double bc = Math.exp(logBc);
        double magnitude = Math.abs(value) + 2 * bc * (Math.abs(half) + e);
        double condition = 2 * bc * (Math.abs((s2 - s1) * (s2 + s1)) / sum + 2 * e
                + Math.abs(dm) * (Math.abs(Math.scalb(mu1, -e2)) + Math.abs(Math.scalb(mu2, -e2))) / (2 * sum));
        return new Bounded(value, 4 * EPS * magnitude + PARAMETER_ROUNDING * EPS * condition);
    }

    /**
     * Pearson χ²(P‖Q) = σ2²/(σ1√(2σ2² − σ1²)) · exp((μ1−μ2)²/(2σ2² − σ1²)) − 1 if 2σ2² &gt; σ1²,
     * else +∞.
     *
     * @throws IllegalArgumentException if a parameter is out of range
     */
    public static double pearson(double mu1, double sigma1, double mu2, double sigma2) {
        return pearsonBounded(mu1, sigma1, mu2, sigma2).value();
    }

    /**
     * {@link #pearson} with its error bound. With a = σ1/σ2, D = 2 − a² (formed with
     * {@link Math#fma}) and δ = (μ1 − μ2)/σ2, log(χ² + 1) = −½ log(a²D) + δ²/D, where
     * a²D = 1 − t², t = a² − 1, is taken as log1p(−t²) near P = Q; away from it, χ² + 1 is formed
     * as the product (σ2/σ1)·exp(δ²/D)/√D where that is at least 2. The condition term is
     * (χ² + 1)·(|a²/D + 2a²δ²/D² − 1| + |1 − a²/D − 2δ²/D − 2a²δ²/D²| + 2|δ|(|μ1| + |μ2|)/(σ2 D)),
     * which grows like 1/D towards the borderline 2σ2² = σ1² (about 10⁴ at σ1 = 1,
     * σ2 = 0.70718).
     *
     * @throws IllegalArgumentException if a parameter is out of range
     */
    public static Bounded pearsonBounded(double mu1, double sigma1, double mu2, double sigma2) {
        check(mu1, sigma1, mu2, sigma2);
        int e2 = Math.getExponent(sigma2);
        double s1 = Math.scalb(sigma1, -e2);
        double s2 = Math.scalb(sigma2, -e2);            // in [1, 2)
        // D = (2σ2² − σ1²)/σ2²: the numerator with one rounding (fma, plus the low part of s1²)
        double s1Squared = s1 * s1;
        double s1SquaredLow = Math.fma(s1, s1, -s1Squared);
        double numerator = Math.fma(2 * s2, s2, -s1Squared) - s1SquaredLow;
        double d = numerator / (s2 * s2);
        if (!(d > 0) || Double.isInfinite(s1Squared)) {
            return new Bounded(Double.POSITIVE_INFINITY, 0);
        }
        double delta = scaledDifference(mu1, mu2, sigma2);
        double t = ratioSquaredMinusOne(sigma1, sigma2);
        double a2 = t + 1;
        double exponent = delta * delta / d;
        double value;
        double rounding;
        double ratio = sigma2 / sigma1;
        double direct = ratio / Math.sqrt(d) * Math.exp(exponent);
        if (Math.abs(t) >= SERIES_LIMIT && ratio >= Double.MIN_NORMAL && direct >= 2 && direct <= Double.MAX_VALUE) {
            // χ² + 1 as a product: a log of a large prefactor would carry its absolute rounding
            value = direct - 1;
            rounding = 4 * EPS * direct * (2 + exponent);
        } else {
            double prefactor = Math.abs(t) < SERIES_LIMIT ? -0.5 * Math.log1p(-t * t)
                    : -logRatio(sigma1, sigma2) - 0.5 * Math.log(d);
            value = Math.expm1(prefactor + exponent);
            rounding = 4 * EPS * (Math.abs(value) + (value + 1) * (Math.abs(prefactor) + exponent));
        }
        if (!Double.isFinite(value)) {
            return new Bounded(Double.POSITIVE_INFINITY, 0);
        }
        double onePlus = value + 1;
        double dLog1 = a2 / d + 2 * a2 * delta * delta / (d * d) - 1;
        double dLog2 = 1 - a2 / d - 2 * delta * delta / d - 2 * a2 * delta * delta / (d * d);
        double dMeans = 2 * Math.abs(delta) * (Math.abs(mu1) + Math.abs(mu2)) / (sigma2 * d);
        double condition = onePlus * (Math.abs(dLog1) + Math.abs(dLog2) + dMeans);
        return new Bounded(value, rounding + PARAMETER_ROUNDING * EPS * condition);
    }

    /**
     * Neyman χ²(P‖Q) = Pearson χ²(Q‖P).
     *
     * @throws IllegalArgumentException if a parameter is out of range
     */
    public static double neyman(double mu1, double sigma1, double mu2, double sigma2) {
        return pearson(mu2, sigma2, mu1, sigma1);
    }

    /**
     * {@link #neyman} with its error bound ({@link #pearsonBounded} with P and Q exchanged).
     *
     * @throws IllegalArgumentException if a parameter is out of range
     */
    public static Bounded neymanBounded(double mu1, double sigma1, double mu2, double sigma2) {
        return pearsonBounded(mu2, sigma2, mu1, sigma1);
    }

    /**
     * Amari α-divergence (α ∉ {0, 1}, the registry's {@code alpha:A}, f(u) = (u^α − 1 − α(u − 1))
     * /(α(α − 1))): D_α = (∫p^α q^{1−α} − 1)/(α(α − 1)), with the Gaussian integral
     * ∫p^α q^{1−α} = σ1^{1−α}σ2^α/√v · exp(−α(1−α)(μ1−μ2)²/(2v)), v = ασ2² + (1−α)σ1², finite iff
     * v &gt; 0; +∞ otherwise (α = 2 gives Pearson χ²/2, α = ½ gives 2·squared Hellinger).
     *
     * @param alpha α, finite, not 0 or 1
     * @throws IllegalArgumentException if α is 0, 1 or not finite, or a parameter is out of range
     */
    public static double amariAlpha(double alpha, double mu1, double sigma1, double mu2,
            double sigma2) {
        check(mu1, sigma1, mu2, sigma2);
        if (!Double.isFinite(alpha) || alpha == 0 || alpha == 1) {
            throw new IllegalArgumentException("alpha must be finite and not 0 or 1, got " + alpha);
        }
        double w = ratioSquaredMinusOne(sigma2, sigma1);       // σ2²/σ1² − 1
        double logIntegral;
        if (Math.abs(w) <= EXTREME_RATIO) {
            // v = σ1²(1 + αw), and log ∫p^α q^{1−α} = ½[α log1p(w) − log1p(αw)] − α(1−α)δ²/(2(1 + αw))
            // with δ = (μ1 − μ2)/σ1; the bracket is φ(αw) − αφ(w), φ(x) = x − log1p(x), whose
            // linear terms have cancelled
            double onePlusAlphaW = Math.fma(alpha, w, 1);
            if (!(onePlusAlphaW > 0)) {
                return Double.POSITIVE_INFINITY;
            }
            double delta = scaledDifference(mu1, mu2, sigma1);
            logIntegral = 0.5 * (xMinusLog1p(alpha * w) - alpha * xMinusLog1p(w))
                    - alpha * (1 - alpha) * delta * delta / (2 * onePlusAlphaW);
        } else {
            double v = alpha * sigma2 * sigma2 + (1 - alpha) * sigma1 * sigma1;
            if (!(v > 0)) {
                return Double.POSITIVE_INFINITY;
            }
            double dm = mu1 - mu2;
            logIntegral = (1 - alpha) * Math.log(sigma1) + alpha * Math.log(sigma2)
                    - 0.5 * Math.log(v) - alpha * (1 - alpha) * dm * dm / (2 * v);
        }
        // ∫p^α q^{1−α} − 1 = expm1(log ∫…): no cancellation when P ≈ Q
        return Math.expm1(logIntegral) / (alpha * (alpha - 1));
    }

    /**
     * Total variation ½∫|p − q| = |P(A) − Q(A)| with A = {p &gt; q}: for σ1 = σ2 = σ,
     * 2Φ(|μ1 − μ2|/(2σ)) − 1; otherwise A or its complement is the interval between the two roots
     * of log p = log q (a quadratic in x).
     *
     * @throws IllegalArgumentException if a parameter is out of range
     */
    public static double totalVariation(double mu1, double sigma1, double mu2, double sigma2) {
        check(mu1, sigma1, mu2, sigma2);
        if (sigma1 == sigma2) {
            // 2Φ(d) − 1 = erf(d/√2), d = |μ1 − μ2|/(2σ)
            return Erf.erf(Math.abs(mu1 - mu2) / (2 * sigma1 * Math.sqrt(2)));
        }
        double s1 = sigma1 * sigma1;
        double s2 = sigma2 * sigma2;
        // 2σ1²σ2²(log p − log q) = −σ2²(x−μ1)² + σ1²(x−μ2)² + 2σ1²σ2² log(σ2/σ1) = a x² + b x + c
        double a = s1 - s2;
        double b = 2 * (s2 * mu1 - s1 * mu2);
        double c = s1 * mu2 * mu2 - s2 * mu1 * mu1 + 2 * s1 * s2 * Math.log(sigma2 / sigma1);
        double disc = Math.max(b * b - 4 * a * c, 0.0);
        // the two real roots (σ1 ≠ σ2 gives −4ac > 0 or b² > 0), in the cancellation-free form
        double q = -0.5 * (b + Math.copySign(Math.sqrt(disc), b));
        double r1 = q / a;
        double r2 = c / q;
        double lo = Math.min(r1, r2);
        double hi = Math.max(r1, r2);
        double massP = intervalMass(mu1, sigma1, lo, hi);
        double massQ = intervalMass(mu2, sigma2, lo, hi);
        return Math.abs(massP - massQ);
    }

    /** Φ((hi − μ)/σ) − Φ((lo − μ)/σ) via erf differences. */
    private static double intervalMass(double mu, double sigma, double lo, double hi) {
        double k = 1 / (sigma * Math.sqrt(2));
        return 0.5 * Erf.erf((lo - mu) * k, (hi - mu) * k);
    }

    /** (μ1 − μ2)/σ, also where μ1 − μ2 overflows. */
    private static double scaledDifference(double mu1, double mu2, double sigma) {
        double dm = mu1 - mu2;
        return Double.isFinite(dm) ? dm / sigma : mu1 / sigma - mu2 / sigma;
    }

    /**
     * σa²/σb² − 1 = (σa − σb)(σa + σb)/σb², the difference exact when the σ's are within a factor
     * 2 (Sterbenz), after scaling both by the same power of two so that nothing overflows.
     */
    private static double ratioSquaredMinusOne(double sigmaA, double sigmaB) {
        int e = Math.getExponent(sigmaB);
        double a = Math.scalb(sigmaA, -e);
        double b = Math.scalb(sigmaB, -e);
        return (a - b) * (a + b) / (b * b);
    }

    /** log(σa/σb), also where the ratio over- or underflows. */
    private static double logRatio(double sigmaA, double sigmaB) {
        double r = sigmaA / sigmaB;
        return r >= Double.MIN_NORMAL && r <= Double.MAX_VALUE ? Math.log(r) : Math.log(sigmaA) - Math.log(sigmaB);
    }

    /**
     * x − log1p(x) for x &gt; −1 without cancellation: for |x| &lt; ½, with z = x/(2 + x) and
     * log1p(x) = 2 atanh z, it is z·x − 2(z³/3 + z⁵/5 + …) (|z| ≤ ⅓, terms of one sign after the
     * first, summed to below 1e−17 relative); elsewhere the direct difference, which does not cancel.
     */
    static double xMinusLog1p(double x) {
        if (!(Math.abs(x) < SERIES_LIMIT)) {
            return x - Math.log1p(x);
        }
        double z = x / (2 + x);
        double z2 = z * z;
        double power = z2 * z;
        double series = 0;
        for (int n = 3; n < 80; n += 2) {
            double term = power / n;
            series += term;
            if (Math.abs(term) <= 1e-18 * Math.abs(series)) {
                break;
            }
            power *= z2;
        }
        return z * x - 2 * series;
    }

    private static void check(double mu1, double sigma1, double mu2, double sigma2) {
        if (!Double.isFinite(mu1) || !Double.isFinite(mu2)) {
            throw new IllegalArgumentException(
                    "means must be finite, got mu1=" + mu1 + ", mu2=" + mu2);
        }
        if (!(sigma1 > 0) || !(sigma2 > 0) || Double.isInfinite(sigma1)
                || Double.isInfinite(sigma2)) {
            throw new IllegalArgumentException("standard deviations must be positive and finite, "
                    + "got sigma1=" + sigma1 + ", sigma2=" + sigma2);
        }
    }
}
