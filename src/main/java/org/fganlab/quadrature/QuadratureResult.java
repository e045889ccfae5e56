package org.fganlab.quadrature;

/**
 * The outcome of a quadrature: the value of the integral, an estimate of its absolute error and
 * the number of integrand evaluations spent.
 *
 * <p>An infinite {@code value} (the integral diverges, e.g. KL with disjoint support) comes with
 * an error estimate of 0.
 *
 * @param value the integral, possibly ±∞, never NaN
 * @param errorEstimate estimated absolute error, ≥ 0 (QUADPACK's Gauss–Kronrod estimate summed
 *     over panels; pessimistic for smooth integrands)
 * @param evaluations number of integrand evaluations, ≥ 0
 */
public record QuadratureResult(double value, double errorEstimate, int evaluations) {

    /**
     * @throws IllegalArgumentException if value is NaN, errorEstimate is negative or NaN, or
     *     evaluations is negative
     */
    public QuadratureResult {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("value must not be NaN");
        }
        if (!(errorEstimate >= 0)) {
            throw new IllegalArgumentException("errorEstimate must be >= 0, got " + errorEstimate);
        }
        if (evaluations < 0) {
            throw new IllegalArgumentException("evaluations must be >= 0, got " + evaluations);
        }
    }

    /** A divergent integral: value +∞ (or −∞ when {@code sign < 0}), error 0. */
    public static QuadratureResult infinite(int sign, int evaluations) {
        return new QuadratureResult(sign < 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY,
                0.0, evaluations);
    }

    /** Whether the value is finite. */
    public boolean isFinite() {
        return Double.isFinite(value);
    }

    /** This result plus another: values and errors add, evaluations add. */
    public QuadratureResult plus(QuadratureResult other) {
        double v = value + other.value;
        if (Double.isNaN(v)) {
            throw new IllegalArgumentException("+∞ plus −∞ is undefined");
        }
        double e = Double.isFinite(v) ? errorEstimate + other.errorEstimate : 0.0;
        return new QuadratureResult(v, e, evaluations + other.evaluations);
    }

    /** This result scaled by a finite constant c (error scaled by |c|). */
    public QuadratureResult times(double c) {
        if (!Double.isFinite(c)) {
            throw new IllegalArgumentException("scale must be finite, got " + c);
        }
        if (c == 0) {
            return new QuadratureResult(0.0, 0.0, evaluations);
        }
        return new QuadratureResult(value * c, errorEstimate * Math.abs(c), evaluations);
    }
}
