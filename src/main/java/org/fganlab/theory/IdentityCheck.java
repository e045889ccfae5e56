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
