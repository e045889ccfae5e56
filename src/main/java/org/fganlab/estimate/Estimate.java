package org.fganlab.estimate;

/**
 * One estimate of a divergence (nats) or of W1 (units of x) from samples, with its interval.
 *
 * @param divergence the registry name ({@code kl}, {@code js}, …) or {@code w1}
 * @param estimator the estimator's name ({@link Estimator#label()})
 * @param value the point estimate; not NaN; +∞ only from the KDE plug-in, when the integral
 *     between the two KDEs exceeds the double range (Pearson between KDEs whose Gaussian tails
 *     differ can be far beyond 10³⁰⁸)
 * @param ciLow lower end of the 95% interval (a seeded percentile bootstrap, or value ± 1.96·SE
 *     when no bootstrap was asked for; equal to value when neither is available); for a lower
 *     bound ({@code lowerBound}) a one-sided 95% lower confidence limit
 * @param ciHigh upper end of the interval; +∞ for a lower bound (only the lower limit is claimed)
 * @param lowerBound whether the estimator's expectation is a lower bound on the true value
 *     (the variational critic), rather than a consistent estimate
 * @param properties one sentence: lower bound / consistent / biased, and how
 * @param seconds wall time of the estimate and its interval (for the classifier, its shared
 *     training included in every divergence's figure)
 * @param status {@code ok}, or for the KDE plug-in the label of its quadrature's
 *     {@link org.fganlab.quadrature.QuadratureResult.Status} when the quadrature of the estimate
 *     or of a bootstrap replicate did not converge ({@code accuracy-not-reached}; its error
 *     estimate is then added to both ends of the interval) or the value is beyond the double range
 */
public record Estimate(String divergence, String estimator, double value, double ciLow,
        double ciHigh, boolean lowerBound, String properties, double seconds, String status) {

    /** The status of an estimate without numerical caveats. */
    public static final String OK = "ok";

    /**
     * @throws IllegalArgumentException if value or an interval end is NaN, or ciLow &gt; ciHigh
     */
    public Estimate {
        if (Double.isNaN(value) || Double.isNaN(ciLow) || Double.isNaN(ciHigh) || ciLow > ciHigh) {
            throw new IllegalArgumentException("estimate of " + divergence + " by " + estimator
                    + " is not a number or has ciLow > ciHigh: " + value + " [" + ciLow + ", "
                    + ciHigh + "]");
        }
    }

    /** An estimate with status {@link #OK}. */
    public Estimate(String divergence, String estimator, double value, double ciLow,
            double ciHigh, boolean lowerBound, String properties, double seconds) {
        this(divergence, estimator, value, ciLow, ciHigh, lowerBound, properties, seconds, OK);
    }

    /** Whether the interval contains x. */
    public boolean covers(double x) {
        return ciLow <= x && x <= ciHigh;
    }
}
