package org.fganlab.theory;

import org.fganlab.quadrature.QuadratureResult;

/**
 * One numerical check of an identity or inequality: lhs REL rhs within a tolerance that comes
 * from the quadrature error estimates of both sides plus the rounding of their sum.
 *
 * @param name short identifier, e.g. {@code thm1-value}, {@code bound-tight:kl}
 * @param description what is checked, with the source
 * @param relation {@code "="} (|lhs − rhs| ≤ tolerance), {@code "<="} (lhs ≤ rhs + tolerance) or
 *     {@code "<"} (lhs &lt; rhs − tolerance)
 * @param lhs left side (may be ±∞)
 * @param rhs right side (may be ±∞)
 * @param absError |lhs − rhs| (0 when both are the same infinity)
 * @param tolerance the allowed error, ≥ 0
 * @param passed whether the relation holds
 */
public record IdentityCheck(String name, String description, String relation, double lhs,
        double rhs, double absError, double tolerance, boolean passed) {

    /** Rounding allowance per unit of magnitude (a few ulps of the summed sides). */
    private static final double ROUNDING = 8 * Math.ulp(1.0);
    /** Largest tolerance of a bound check, relative to the bound's scale. */
    private static final double BOUND_SLACK = 1e-12;

    /** lhs = rhs within the combined error estimates. */
    public static IdentityCheck equal(String name, String description, QuadratureResult lhs,
            QuadratureResult rhs) {
        return equal(name, description, lhs.value(), rhs.value(),
                lhs.errorEstimate() + rhs.errorEstimate());
    }

    /** lhs = rhs within errorEstimate plus rounding. */
    public static IdentityCheck equal(String name, String description, double lhs, double rhs,
            double errorEstimate) {
        double tol = tolerance(lhs, rhs, errorEstimate);
        double err = absError(lhs, rhs);
        return new IdentityCheck(name, description, "=", lhs, rhs, err, tol, err <= tol);
    }

    /** lhs ≤ rhs within the combined error estimates. */
    public static IdentityCheck atMost(String name, String description, double lhs, double rhs,
            double errorEstimate) {
        double tol = tolerance(lhs, rhs, errorEstimate);
        return new IdentityCheck(name, description, "<=", lhs, rhs, absError(lhs, rhs), tol,
                lhs <= rhs + tol);
    }

    /**
     * lower ≤ value ≤ upper, a bound that holds by theorem. The tolerance is the value's error
     * estimate plus rounding, capped at {@value #BOUND_SLACK} of the range's scale, so that a
     * value whose error estimate exceeds the bound itself fails instead of passing (TV = 19786
     * "within" an error of 37493 of 1 is no evidence of anything). An infinite value passes only
     * an infinite upper bound. The check's lhs is the value, its rhs the bound it is nearest.
     *
     * @param value the exact value with its error estimate
     * @param lower the theorem's lower bound, finite
     * @param upper the theorem's upper bound, possibly +∞
     */
    public static IdentityCheck within(String name, String description, QuadratureResult value,
            double lower, double upper) {
        double v = value.value();
        double scale = Math.max(1.0, Math.max(Math.abs(lower),
                Double.isFinite(upper) ? Math.abs(upper) : 0.0));
        double tol = Math.min(value.errorEstimate() + ROUNDING * (Double.isFinite(v) ? Math.abs(v) : 0),
                BOUND_SLACK * scale);
        boolean below = Double.isFinite(upper) && (Double.isInfinite(v) || v > 0.5 * (lower + upper));
        double bound = below ? upper : lower;
        boolean ok = v >= lower - tol && (v <= upper + tol || (Double.isInfinite(v) && Double.isInfinite(upper)));
        return new IdentityCheck(name, description, below ? "<=" : ">=", v, bound,
                absError(v, bound), tol, ok);
    }

    /** lhs &lt; rhs by more than the combined error estimates. */
    public static IdentityCheck lessThan(String name, String description, double lhs, double rhs,
            double errorEstimate) {
        double tol = tolerance(lhs, rhs, errorEstimate);
        return new IdentityCheck(name, description, "<", lhs, rhs, absError(lhs, rhs), tol,
                lhs < rhs - tol);
    }

    private static double tolerance(double lhs, double rhs, double errorEstimate) {
        double mag = (Double.isFinite(lhs) ? Math.abs(lhs) : 0) + (Double.isFinite(rhs) ? Math.abs(rhs) : 0);
        return errorEstimate + ROUNDING * mag;
    }

    private static double absError(double lhs, double rhs) {
        return lhs == rhs ? 0.0 : Math.abs(lhs - rhs);
    }
}
