package org.fganlab.quadrature;

import java.util.function.DoubleUnaryOperator;

/**
 * An integrand evaluated at a batch of points: {@link AdaptiveQuadrature} asks for all 21
 * Kronrod nodes of a panel in one call, so that an integrand can keep its running state in
 * local variables and a caller pays one dispatch per panel instead of one per point.
 */
@FunctionalInterface
public interface Integrand {

    /**
     * Sets {@code out[i] = f(y[i])} for {@code i < n}.
     *
     * @param y the points; not modified
     * @param out where the values go (length ≥ n); a value must not be NaN
     * @param n how many points, 0 ≤ n ≤ y.length
     */
    void values(double[] y, double[] out, int n);

    /** The value at one point. */
    default double value(double y) {
        double[] out = new double[1];
        values(new double[] {y}, out, 1);
        return out[0];
    }

    /** A pointwise integrand as a batch one. */
    static Integrand of(DoubleUnaryOperator f) {
        return (y, out, n) -> {
            for (int i = 0; i < n; i++) {
                out[i] = f.applyAsDouble(y[i]);
            }
        };
    }
}
