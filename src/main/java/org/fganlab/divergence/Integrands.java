package org.fganlab.divergence;

/**
 * Shared boundary handling for {@link FDivergence#integrand(double, double)}: every record
 * computes the regular case (both log-densities finite, finite difference) itself and delegates
 * the rest here, so the conventions of the interface are implemented once.
 */
final class Integrands {

    private Integrands() {
    }

    /**
     * Whether d = logP − logQ describes the regular case: both log-densities finite and their
     * difference finite (false for NaN, for −∞ or +∞ inputs, and for an overflowing difference).
     */
    static boolean isRegular(double d) {
        return Math.abs(d) < Double.POSITIVE_INFINITY;
    }

    /**
     * The integrand outside the regular case.
     * <ul>
     *   <li>NaN in: NaN;</li>
     *   <li>p = q = 0: 0;</li>
     *   <li>q = 0 &lt; p (or q negligible: logP − logQ overflows to +∞): p·slopeAtInfinity
     *       (0 if the slope is 0, ±∞ if it is infinite, whatever p);</li>
     *   <li>p = 0 &lt; q (or p negligible): q·f(0+) (same rules).</li>
     * </ul>
     *
     * @throws IllegalArgumentException if a log-density is +∞ (and the other is not NaN)
     */
    static double edge(FDivergence f, double logP, double logQ) {
        if (Double.isNaN(logP) || Double.isNaN(logQ)) {
            return Double.NaN;
        }
        if (logP == Double.POSITIVE_INFINITY || logQ == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("log-densities must be in [-Infinity, +Infinity), got logP = "
                    + logP + ", logQ = " + logQ + " (an infinite density has no f-divergence integrand)");
        }
        if (logP == Double.NEGATIVE_INFINITY && logQ == Double.NEGATIVE_INFINITY) {
            return 0.0;
        }
        if (logP > logQ) {
            return scaledConstant(logP, f.slopeAtInfinity());
        }
        return scaledConstant(logQ, f.valueAtZero());
    }

    /** exp(logFactor)·c for a limit constant c: 0 if c = 0, c itself if c is infinite. */
    private static double scaledConstant(double logFactor, double c) {
        if (c == 0.0 || Double.isInfinite(c)) {
            return c == 0.0 ? 0.0 : c;
        }
        return times(logFactor, c);
    }

    /** {@link SpecialFunctions#expTimes}. */
    static double times(double logFactor, double h) {
        return SpecialFunctions.expTimes(logFactor, h);
    }
}
