package org.fganlab.quadrature;

/**
 * The outcome of a quadrature: the value of the integral, an estimate of its absolute error, the
 * number of integrand evaluations spent and whether the accuracy goal was reached.
 *
 * <p>An infinite {@code value} comes with an error estimate of 0 and says why it is infinite:
 * {@link Status#INFINITE} when the integral diverges (KL with disjoint supports),
 * {@link Status#OVERFLOW} when the true value is finite but beyond the double range (KL between
 * normals 10²⁰⁰ standard deviations apart is 5·10³⁹⁹).
 *
 * @param value the integral, possibly ±∞, never NaN
 * @param errorEstimate estimated absolute error, ≥ 0 (QUADPACK's Gauss–Kronrod estimate summed
 *     over panels; pessimistic for smooth integrands); when the status is
 *     {@link Status#NOT_CONVERGED} it is the error reached, larger than the goal
 * @param evaluations number of integrand evaluations, ≥ 0
 * @param status whether the goal was met, or why the value is infinite
 */
public record QuadratureResult(double value, double errorEstimate, int evaluations,
        Status status) {

    /** How a quadrature ended. */
    public enum Status {
        /** Finite value, error estimate within the goal. */
        CONVERGED("ok"),
        /** Finite value, but the error estimate stayed above the goal (budget or rounding). */
        NOT_CONVERGED("accuracy-not-reached"),
        /** The integral diverges: +∞ (or −∞) is the mathematical value. */
        INFINITE("infinite"),
        /** The value is finite but its magnitude exceeds the double range. */
        OVERFLOW("exceeds-double-range");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        /** The word used in tables and JSON ("ok", "accuracy-not-reached", …). */
        public String label() {
            return label;
        }
    }

    /**
     * @throws IllegalArgumentException if value is NaN, errorEstimate is negative or NaN,
     *     evaluations is negative, status is null, or the status does not fit the value (a
     *     finite value with an infinite status or the reverse)
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
        if (status == null) {
            throw new IllegalArgumentException("status must not be null");
        }
        boolean infiniteStatus = status == Status.INFINITE || status == Status.OVERFLOW;
        if (Double.isFinite(value) == infiniteStatus) {
            throw new IllegalArgumentException("status " + status + " does not fit value " + value);
        }
    }

    /**
     * A result whose status follows from the value: {@link Status#CONVERGED} if finite,
     * {@link Status#INFINITE} if not.
     */
    public QuadratureResult(double value, double errorEstimate, int evaluations) {
        this(value, errorEstimate, evaluations,
                Double.isInfinite(value) ? Status.INFINITE : Status.CONVERGED);
    }

    /** A divergent integral: value +∞ (or −∞ when {@code sign < 0}), error 0. */
    public static QuadratureResult infinite(int sign, int evaluations) {
        return new QuadratureResult(sign < 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY,
                0.0, evaluations, Status.INFINITE);
    }

    /** Whether the value is finite. */
    public boolean isFinite() {
        return Double.isFinite(value);
    }

    /** Whether the accuracy goal was met or the value is a decided infinity. */
    public boolean converged() {
        return status != Status.NOT_CONVERGED;
    }

    /** The same value with another status (and error estimate). */
    public QuadratureResult withStatus(double error, Status newStatus) {
        return new QuadratureResult(value, error, evaluations, newStatus);
    }

    /**
     * This result plus another: values and errors add, evaluations add; the status is the
     * less favourable one (an infinite sum keeps the status of its infinite part).
     */
    public QuadratureResult plus(QuadratureResult other) {
        double v = value + other.value;
        if (Double.isNaN(v)) {
            throw new IllegalArgumentException("+∞ plus −∞ is undefined");
        }
        int n = evaluations + other.evaluations;
        if (Double.isInfinite(v)) {
            Status s = Double.isInfinite(value) ? status : other.status;
            if (Double.isInfinite(value) && Double.isInfinite(other.value)) {
                s = status == Status.INFINITE || other.status == Status.INFINITE
                        ? Status.INFINITE : Status.OVERFLOW;
            } else if (!Double.isInfinite(value) && !Double.isInfinite(other.value)) {
                s = Status.OVERFLOW; // two finite parts whose sum overflows
            }
            return new QuadratureResult(v, 0.0, n, s);
        }
        Status s = converged() && other.converged() ? Status.CONVERGED : Status.NOT_CONVERGED;
        return new QuadratureResult(v, errorEstimate + other.errorEstimate, n, s);
    }

    /** This result scaled by a finite constant c (error scaled by |c|). */
    public QuadratureResult times(double c) {
        if (!Double.isFinite(c)) {
            throw new IllegalArgumentException("scale must be finite, got " + c);
        }
        if (c == 0) {
            return new QuadratureResult(0.0, 0.0, evaluations,
                    converged() ? Status.CONVERGED : Status.NOT_CONVERGED);
        }
        double v = value * c;
        if (Double.isFinite(value) && Double.isInfinite(v)) {
            return new QuadratureResult(v, 0.0, evaluations, Status.OVERFLOW);
        }
        return new QuadratureResult(v, errorEstimate * Math.abs(c), evaluations, status);
    }
}
