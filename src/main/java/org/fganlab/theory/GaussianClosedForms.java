package org.fganlab.theory;

import org.hipparchus.special.Erf;

/**
 * Closed forms for P = N(μ1, σ1²), Q = N(μ2, σ2²): the test oracles of {@code docs/math.md},
 * "Closed forms for Gaussians". Values in nats.
 *
 * <p>Arguments are (μ1, σ1, μ2, σ2) for D(P‖Q); σ's must be positive and finite, μ's finite.
 */
public final class GaussianClosedForms {

    private GaussianClosedForms() {
    }

    /**
     * KL(P‖Q) = log(σ2/σ1) + (σ1² + (μ1 − μ2)²)/(2σ2²) − ½.
     *
     * @throws IllegalArgumentException if a parameter is out of range
     */
    public static double kl(double mu1, double sigma1, double mu2, double sigma2) {
        check(mu1, sigma1, mu2, sigma2);
        double r = sigma1 / sigma2;
        double dm = (mu1 - mu2) / sigma2;
        // log(σ2/σ1) + (r² − 1)/2 written with log1p/expm1-free terms that cancel at r = 1
        return -Math.log(r) + 0.5 * (r * r - 1) + 0.5 * dm * dm;
    }

    /**
     * Bhattacharyya coefficient BC = √(2σ1σ2/(σ1²+σ2²)) · exp(−(μ1−μ2)²/(4(σ1²+σ2²))).
     *
     * @throws IllegalArgumentException if a parameter is out of range
     */
    public static double bhattacharyya(double mu1, double sigma1, double mu2, double sigma2) {
        check(mu1, sigma1, mu2, sigma2);
        double s = sigma1 * sigma1 + sigma2 * sigma2;
        double dm = mu1 - mu2;
        return Math.sqrt(2 * sigma1 * sigma2 / s) * Math.exp(-dm * dm / (4 * s));
    }

    /**
     * Squared Hellinger in this project's convention ∫(√p − √q)² = 2(1 − BC).
     *
     * @throws IllegalArgumentException if a parameter is out of range
     */
    public static double squaredHellinger(double mu1, double sigma1, double mu2, double sigma2) {
        check(mu1, sigma1, mu2, sigma2);
        double s = sigma1 * sigma1 + sigma2 * sigma2;
        double dm = mu1 - mu2;
        // 1 − BC = −expm1(log BC): no cancellation when BC is close to 1
        double logBc = 0.5 * Math.log(2 * sigma1 * sigma2 / s) - dm * dm / (4 * s);
        return -2 * Math.expm1(logBc);
    }

    /**
     * Pearson χ²(P‖Q) = σ2²/(σ1√(2σ2² − σ1²)) · exp((μ1−μ2)²/(2σ2² − σ1²)) − 1 if 2σ2² &gt; σ1²,
     * else +∞.
     *
     * @throws IllegalArgumentException if a parameter is out of range
     */
    public static double pearson(double mu1, double sigma1, double mu2, double sigma2) {
        check(mu1, sigma1, mu2, sigma2);
        double denom = 2 * sigma2 * sigma2 - sigma1 * sigma1;
        if (!(denom > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        double dm = mu1 - mu2;
        double logTerm = 2 * Math.log(sigma2) - Math.log(sigma1) - 0.5 * Math.log(denom)
                + dm * dm / denom;
        return Math.expm1(logTerm);
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
        double v = alpha * sigma2 * sigma2 + (1 - alpha) * sigma1 * sigma1;
        if (!(v > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        double dm = mu1 - mu2;
        double logIntegral = (1 - alpha) * Math.log(sigma1) + alpha * Math.log(sigma2)
                - 0.5 * Math.log(v) - alpha * (1 - alpha) * dm * dm / (2 * v);
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
