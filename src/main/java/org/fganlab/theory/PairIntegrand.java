package org.fganlab.theory;

/**
 * A pointwise integrand h(x, log p(x), log q(x)) of an integral ∫ h dx over a pair of densities.
 * Implementations must accept log-densities of −∞ (outside a support) and return the correct
 * limit there (0·log 0 = 0 and the like), never NaN for non-NaN input.
 */
@FunctionalInterface
public interface PairIntegrand {
    /**
     * @param x the point
     * @param logP log p(x) in [−∞, ∞)
     * @param logQ log q(x) in [−∞, ∞)
     * @return the integrand value, possibly ±∞
     */
    double value(double x, double logP, double logQ);
}
