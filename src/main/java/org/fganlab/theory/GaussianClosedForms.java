package org.fganlab.theory;

/**
 * Closed forms for P = N(μ1, σ1²), Q = N(μ2, σ2²): the test oracles of the reference sheet
 * (shared/reference/f-divergences.md, "Closed forms"). Values in nats.
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
