package org.fganlab.quadrature;

/**
 * Accuracy goals and budget of {@link AdaptiveQuadrature}.
 *
 * <p>Subdivision stops when the summed error estimate is at most
 * {@code max(absoluteTolerance, relativeTolerance·|value|)}, or when every panel's estimate is at
 * its round-off floor (50·ε·∫|f| over the panel, QUADPACK's floor), whichever comes first.
 *
 * @param relativeTolerance relative goal, in [0, 1)
 * @param absoluteTolerance absolute goal, ≥ 0
 * @param maxEvaluations budget of integrand evaluations, ≥ 21
 */
public record QuadratureSettings(double relativeTolerance, double absoluteTolerance,
        int maxEvaluations) {

    /** Defaults for exact divergences: relative 1e-13, absolute 0, 200,000 evaluations. */
    public static final QuadratureSettings DEFAULT = new QuadratureSettings(1e-13, 0.0, 200_000);

    /**
     * @throws IllegalArgumentException if a tolerance is NaN or outside its range, or the
     *     budget is below one 21-point rule
     */
    public QuadratureSettings {
        if (!(relativeTolerance >= 0 && relativeTolerance < 1)) {
            throw new IllegalArgumentException(
                    "relativeTolerance must be in [0, 1), got " + relativeTolerance);
        }
        if (!(absoluteTolerance >= 0) || Double.isInfinite(absoluteTolerance)) {
            throw new IllegalArgumentException(
                    "absoluteTolerance must be finite and >= 0, got " + absoluteTolerance);
        }
        if (maxEvaluations < 21) {
            throw new IllegalArgumentException("maxEvaluations must be >= 21, got " + maxEvaluations);
        }
    }
}
