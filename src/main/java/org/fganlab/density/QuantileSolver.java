package org.fganlab.density;

import java.util.function.DoubleUnaryOperator;
import org.hipparchus.analysis.solvers.BrentSolver;
import org.hipparchus.exception.MathRuntimeException;

/**
 * Numerical inversion of a CDF by Hipparchus' {@link BrentSolver}, to full double precision.
 *
 * <p>Solves for the smallest x with F(x) ≥ p. For p ≤ ½ the function is F(x)/p − 1; above, it
 * is 1 − S(x)/(1 − p) with the survival function S, so that right-tail quantiles keep their
 * relative accuracy (1 − p is exact for p ≥ ½). An exact zero is counted as positive, which
 * makes the sign change sit at the left end of a flat stretch of F (a gap between uniform
 * components).
 *
 * <p>A new solver per call: Hipparchus solvers count evaluations in mutable state and cannot be
 * shared between threads.
 */
final class QuantileSolver {

    /** Relative accuracy: Brent's tolerance 2·eps·|x| is then about one ulp. */
    private static final double RELATIVE_ACCURACY = 0x1p-53;
    /** Evaluation budget; bisection alone needs at most ~2100 halvings from MAX_VALUE to 0. */
    private static final int MAX_EVALUATIONS = 5000;

    private QuantileSolver() {
    }

    /**
     * @param cdf the CDF F
     * @param survival the survival function S = 1 − F, accurate in the right tail
     * @param what the density, named in the error message
     * @param p the probability, 0 &lt; p &lt; 1
     * @param lo a point with F(lo) &lt; p (or F(lo) ≥ p, then lo is returned)
     * @param hi a point with F(hi) ≥ p (if not, hi is returned)
     * @param absoluteAccuracy absolute tolerance on x, for roots near 0
     * @return the quantile
     * @throws IllegalStateException if Brent's method does not converge within the budget
     */
    static double solve(DoubleUnaryOperator cdf, DoubleUnaryOperator survival, Object what,
                        double p, double lo, double hi, double absoluteAccuracy) {
        final boolean lower = p <= 0.5;
        final double q = 1 - p;
        // Relative residuals F/p − 1 and 1 − S/q: of order 1 even when p is 1e-300, because
        // BrentSolver tests the sign of a product of two residuals, which underflows to −0 for
        // absolute residuals that small (and the interpolation is better conditioned).
        final DoubleUnaryOperator h = x -> {
            double v = lower ? cdf.applyAsDouble(x) / p - 1 : 1 - survival.applyAsDouble(x) / q;
            return v == 0 ? Double.MIN_NORMAL : Math.min(v, 1e300);
        };
        if (h.applyAsDouble(lo) > 0) {
            return lo;
        }
        if (lo >= hi || h.applyAsDouble(hi) < 0) {
            return hi;
        }
        BrentSolver solver = new BrentSolver(RELATIVE_ACCURACY, absoluteAccuracy, 0.0);
        try {
            return solver.solve(MAX_EVALUATIONS, h::applyAsDouble, lo, hi);
        } catch (MathRuntimeException e) {
            throw new IllegalStateException("quantile of " + what + " at p="
                    + Numbers.format(p) + " did not converge: " + e.getMessage(), e);
        }
    }
}
