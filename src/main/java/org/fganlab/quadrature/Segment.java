package org.fganlab.quadrature;

import java.util.function.DoubleUnaryOperator;

/**
 * One piece of an integration domain for {@link AdaptiveQuadrature#integrate(java.util.List)}:
 * the integrand f of its own argument y, and how y is reached from the segment's variable
 * t ∈ [lo, hi]. Segments let a caller give every part of the domain its own coordinates: for
 * a component far from the origin, f may take the offset from the component's location, so
 * that a scale far below the location's ulp is still resolved.
 *
 * <table><caption>Maps</caption>
 * <tr><th>map</th><th>y(t)</th><th>dy/dt</th><th>t range</th><th>for</th></tr>
 * <tr><td>LINEAR</td><td>t</td><td>1</td><td>finite</td><td>panels of ordinary width</td></tr>
 * <tr><td>RIGHT_TAIL / LEFT_TAIL</td><td>origin ± s·t/(1 − t)</td><td>s/(1 − t)²</td>
 *     <td>[0, 1]</td><td>light (exponential or Gaussian) tails to ±∞</td></tr>
 * <tr><td>RIGHT_LOG / LEFT_LOG</td><td>origin ± s·(eᵗ − 1)</td><td>s·eᵗ</td>
 *     <td>[0, T], s·eᵀ finite</td><td>wide gaps and algebraic tails, smooth in log|y|</td></tr>
 * </table>
 *
 * @param f the integrand of y, evaluated a panel at a time; must not return NaN
 * @param map how y follows from t
 * @param origin the point y = origin at t = 0 (unused by LINEAR), finite
 * @param scale the length s of the map (unused by LINEAR), positive and finite
 * @param lo lower end of t
 * @param hi upper end of t, ≥ lo
 */
public record Segment(Integrand f, Map map, double origin, double scale, double lo,
        double hi) {

    /** The change of variables of a segment. */
    public enum Map { LINEAR, RIGHT_TAIL, LEFT_TAIL, RIGHT_LOG, LEFT_LOG }

    /**
     * @throws IllegalArgumentException if f or map is null, origin or an end is not finite,
     *     scale is not in (0, ∞), hi &lt; lo, a tail's t range leaves [0, 1], or a log range
     *     starts below 0
     */
    public Segment {
        if (f == null || map == null) {
            throw new IllegalArgumentException("f and map must not be null");
        }
        if (!Double.isFinite(origin) || !(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("origin must be finite and scale in (0, inf), got "
                    + origin + " and " + scale);
        }
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || hi < lo) {
            throw new IllegalArgumentException("need finite lo <= hi, got [" + lo + ", " + hi + "]");
        }
        boolean tail = map == Map.RIGHT_TAIL || map == Map.LEFT_TAIL;
        boolean log = map == Map.RIGHT_LOG || map == Map.LEFT_LOG;
        if ((tail && (lo < 0 || hi > 1)) || (log && lo < 0)) {
            throw new IllegalArgumentException("t range [" + lo + ", " + hi + "] does not fit map "
                    + map);
        }
    }

    /**
     * The argument y(t) of f at the segment variable t, computed as the integrator computes it
     * (so that a caller can see exactly where a log-mapped range ends).
     */
    public double y(double t) {
        switch (map) {
            case LINEAR:
                return t;
            case RIGHT_TAIL:
                return origin + scale * (1.0 / (1.0 - t)) * t;
            case LEFT_TAIL:
                return origin - scale * (1.0 / (1.0 - t)) * t;
            default:
                double offset = t < 1 ? scale * Math.expm1(t) : Math.exp(t + Math.log(scale)) - scale;
                return map == Map.RIGHT_LOG ? origin + offset : origin - offset;
        }
    }

    /** A segment of a pointwise integrand; otherwise as the canonical constructor. */
    public Segment(DoubleUnaryOperator f, Map map, double origin, double scale, double lo,
            double hi) {
        this(f == null ? null : Integrand.of(f), map, origin, scale, lo, hi);
    }

    /** A plain panel: f integrated over y = t ∈ [a, b]. */
    public static Segment linear(Integrand f, double a, double b) {
        return new Segment(f, Map.LINEAR, 0.0, 1.0, a, b);
    }

    /** A plain panel of a pointwise integrand. */
    public static Segment linear(DoubleUnaryOperator f, double a, double b) {
        return linear(f == null ? null : Integrand.of(f), a, b);
    }
}
