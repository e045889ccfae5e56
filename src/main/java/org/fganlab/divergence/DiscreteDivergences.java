package org.fganlab.divergence;

/**
 * Divergences between discrete probability vectors p and q (P is the data, Q the model, as
 * everywhere: D(P‖Q)), plus the Wasserstein-1 distance between two histograms on a common 1-D
 * grid. All results are in nats where a log is involved.
 *
 * <p>Conventions, those of SciPy's {@code rel_entr}: 0·log(0/q) = 0; a term with q_i = 0 &lt; p_i
 * makes KL(P‖Q) (and Pearson χ²) +∞, a term with p_i = 0 &lt; q_i makes reverse KL (and Neyman χ²)
 * +∞; terms with p_i = q_i = 0 contribute 0.
 *
 * <p>Every public method validates its arguments (a checked API) and allocates nothing. KL,
 * reverse KL, JS and TV fuse the validation into their one pass over the arrays and use a
 * table-driven logarithm within 4 ulp ({@link FusedKernels}); their sums are blocked
 * compensated sums, the others' Kahan–Neumaier sums. One thread and one code path: the same
 * input gives the same bits on every run. The input arrays are <em>not modified</em>
 * and may alias each other (p == q gives 0).
 *
 * <p>Validation: p and q must be non-null, non-empty, of equal length, with every entry finite and
 * ≥ 0, and each must sum to 1 within {@value #SUM_TOLERANCE}; otherwise an
 * {@link IllegalArgumentException} names the offending index, value or sum and the accepted range.
 */
public final class DiscreteDivergences {

    /** Accepted |Σ p_i − 1| (and the same for q). */
    public static final double SUM_TOLERANCE = 1e-9;

    private static final double LOG_2 = SpecialFunctions.LOG_2;

    private DiscreteDivergences() {
    }

    /**
     * KL(P‖Q) = Σ p_i log(p_i/q_i), i.e. SciPy's {@code sum(rel_entr(p, q))}.
     *
     * @param p probability vector (not modified)
     * @param q probability vector of the same length (not modified)
     * @return KL(P‖Q) ≥ 0 in nats; +∞ if some q_i = 0 &lt; p_i
     * @throws IllegalArgumentException if p or q is invalid (class comment)
     */
    public static double kl(double[] p, double[] q) {
        return fused(KL, p, q);
    }

    /**
     * Reverse KL, KL(Q‖P) = Σ q_i log(q_i/p_i).
     *
     * @param p probability vector (not modified)
     * @param q probability vector of the same length (not modified)
     * @return KL(Q‖P) ≥ 0 in nats; +∞ if some p_i = 0 &lt; q_i
     * @throws IllegalArgumentException if p or q is invalid (class comment)
     */
    public static double reverseKl(double[] p, double[] q) {
        return fused(REVERSE_KL, p, q);
    }

    /**
     * Jensen–Shannon divergence (the ½ version), JSD = ½ KL(P‖M) + ½ KL(Q‖M), M = (P + Q)/2;
     * equals the square of SciPy's {@code jensenshannon(p, q)} (natural log).
     *
     * @param p probability vector (not modified)
     * @param q probability vector of the same length (not modified)
     * @return JSD ∈ [0, log 2] in nats; log 2 exactly when the supports are disjoint
     * @throws IllegalArgumentException if p or q is invalid (class comment)
     */
    public static double js(double[] p, double[] q) {
        return fused(JS, p, q);
    }

    /**
     * Total variation ½ Σ |p_i − q_i|.
     *
     * @param p probability vector (not modified)
     * @param q probability vector of the same length (not modified)
     * @return TV ∈ [0, 1]
     * @throws IllegalArgumentException if p or q is invalid (class comment)
     */
    public static double tv(double[] p, double[] q) {
        return fused(TV, p, q);
    }

    /**
     * Squared Hellinger distance with this package's f = (√u − 1)²: Σ (√p_i − √q_i)² = 2(1 − BC)
     * (no ½ in front).
     *
     * @param p probability vector (not modified)
     * @param q probability vector of the same length (not modified)
     * @return the squared Hellinger distance ∈ [0, 2]
     * @throws IllegalArgumentException if p or q is invalid (class comment)
     */
    public static double hellinger(double[] p, double[] q) {
        validate(p, q);
        return hellingerUnchecked(p, q);
    }

    /**
     * Pearson χ²(P‖Q) = Σ (p_i − q_i)²/q_i.
     *
     * @param p probability vector (not modified)
     * @param q probability vector of the same length (not modified)
     * @return χ² ≥ 0; +∞ if some q_i = 0 &lt; p_i
     * @throws IllegalArgumentException if p or q is invalid (class comment)
     */
    public static double pearson(double[] p, double[] q) {
        validate(p, q);
        return chiSquaredUnchecked(p, q);
    }

    /**
     * Neyman χ²(P‖Q) = Σ (p_i − q_i)²/p_i = Pearson χ²(Q‖P).
     *
     * @param p probability vector (not modified)
     * @param q probability vector of the same length (not modified)
     * @return χ² ≥ 0; +∞ if some p_i = 0 &lt; q_i
     * @throws IllegalArgumentException if p or q is invalid (class comment)
     */
    public static double neyman(double[] p, double[] q) {
        validate(p, q);
        return chiSquaredUnchecked(q, p);
    }

    /**
     * Wasserstein-1 distance between two histograms on a common 1-D grid of equal-width bins:
     * W1 = binWidth·Σ_k |Σ_{i ≤ k} (p_i − q_i)|.
     *
     * <p>Layout: bin i covers [x0 + i·binWidth, x0 + (i + 1)·binWidth) for some common origin x0
     * (which does not matter), and its mass sits at one common position within the bin, e.g. the
     * centre; then F_P − F_Q is constant between consecutive bins and W1 = ∫|F_P − F_Q| is the sum
     * above. The last partial sum Σ p − Σ q vanishes for probability vectors and is omitted, so
     * rounding in the inputs' sums (up to {@value #SUM_TOLERANCE}) does not leak into the result.
     *
     * @param p probability vector (not modified)
     * @param q probability vector of the same length on the same grid (not modified)
     * @param binWidth the bin width, finite and &gt; 0
     * @return W1 ≥ 0, in the units of the grid
     * @throws IllegalArgumentException if p or q is invalid (class comment) or binWidth is not
     *         finite and &gt; 0
     */
    public static double w1(double[] p, double[] q, double binWidth) {
        if (!(binWidth > 0.0) || binWidth == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("binWidth must be finite and > 0, got " + binWidth);
        }
        validate(p, q);
        return w1Unchecked(p, q, binWidth);
    }

    /** Σ (√p_i − √q_i)²; arrays already validated. */
    private static double hellingerUnchecked(double[] p, double[] q) {
        double sum = 0.0;
        double c = 0.0;
        for (int i = 0; i < p.length; i++) {
            double pi = p[i];
            double qi = q[i];
            double s = Math.sqrt(pi) + Math.sqrt(qi);
            // √p − √q = (p − q)/(√p + √q): no cancellation when p ≈ q
            double r = s == 0.0 ? 0.0 : (pi - qi) / s;
            double x = r * r;
            double t = sum + x;
            c += Math.abs(sum) >= Math.abs(x) ? (sum - t) + x : (x - t) + sum;
            sum = t;
        }
        return sum + c;
    }

    /** binWidth·Σ_{k &lt; n−1} |Σ_{i ≤ k} (p_i − q_i)|; arguments already validated. */
    private static double w1Unchecked(double[] p, double[] q, double binWidth) {
        double cdf = 0.0;
        double cdfC = 0.0;
        double sum = 0.0;
        double c = 0.0;
        for (int i = 0; i < p.length - 1; i++) {
            double x = p[i] - q[i];
            double t = cdf + x;
            cdfC += Math.abs(cdf) >= Math.abs(x) ? (cdf - t) + x : (x - t) + cdf;
            cdf = t;
            double y = Math.abs(cdf + cdfC);
            double s = sum + y;
            c += Math.abs(sum) >= Math.abs(y) ? (sum - s) + y : (y - s) + sum;
            sum = s;
        }
        return binWidth * (sum + c);
    }

    /** Σ (a_i − b_i)²/b_i with 0/0 = 0 and (a &gt; 0)/0 = +∞; arrays already validated. */
    private static double chiSquaredUnchecked(double[] a, double[] b) {
        double sum = 0.0;
        double c = 0.0;
        for (int i = 0; i < a.length; i++) {
            double ai = a[i];
            double bi = b[i];
            if (bi == 0.0) {
                if (ai == 0.0) {
                    continue;
                }
                return Double.POSITIVE_INFINITY;
            }
            double r = ai - bi;
            double x = r * (r / bi);                 // r²/b without overflow of r² for tiny b
            double t = sum + x;
            c += Math.abs(sum) >= Math.abs(x) ? (sum - t) + x : (x - t) + sum;
            sum = t;
        }
        return sum + c;
    }

    private static final int KL = 0;
    private static final int REVERSE_KL = 1;
    private static final int JS = 2;
    private static final int TV = 3;

    /**
     * KL, reverse KL, JS and TV in one pass with the validation fused in ({@link FusedKernels});
     * when the fused sums or signs look wrong, {@link #validate} runs and throws its message.
     */
    private static double fused(int kind, double[] p, double[] q) {
        checkShape(p, q);
        double[] r = switch (kind) {
            case KL -> FusedKernels.run(FusedKernels.KL, p, q);
            case REVERSE_KL -> FusedKernels.run(FusedKernels.KL, q, p);
            case JS -> FusedKernels.run(FusedKernels.JS, p, q);
            default -> FusedKernels.run(FusedKernels.TV, p, q);
        };
        double total = r[0] + r[1];
        if (r[6] != 0.0 || !(Math.abs(r[2] + r[3] - 1.0) <= SUM_TOLERANCE)
                || !(Math.abs(r[4] + r[5] - 1.0) <= SUM_TOLERANCE)) {
            validate(p, q);                          // throws, naming the bad entry or sum
        }
        boolean infinite = r[7] != 0.0;
        return switch (kind) {
            case KL, REVERSE_KL -> infinite ? Double.POSITIVE_INFINITY : Math.max(total, 0.0); // Gibbs: ≥ 0
            case JS -> Math.min(Math.max(total, 0.0), LOG_2);
            default -> 0.5 * total;
        };
    }

    /** The checked part of every public method (class comment). */
    private static void validate(double[] p, double[] q) {
        checkShape(p, q);
        validateVector("p", p);
        validateVector("q", q);
    }

    private static void checkShape(double[] p, double[] q) {
        if (p == null || q == null) {
            throw new NullPointerException(p == null ? "p must not be null" : "q must not be null");
        }
        if (p.length != q.length) {
            throw new IllegalArgumentException(
                    "p and q must have equal lengths, got " + p.length + " and " + q.length);
        }
        if (p.length == 0) {
            throw new IllegalArgumentException("p and q must be non-empty, got length 0");
        }
    }

    private static void validateVector(String label, double[] v) {
        double sum = 0.0;
        double c = 0.0;
        for (int i = 0; i < v.length; i++) {
            double x = v[i];
            if (!(x >= 0.0) || x == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException(label + "[" + i + "] = " + x
                        + " is not a probability: entries must be finite and >= 0");
            }
            double t = sum + x;
            c += Math.abs(sum) >= Math.abs(x) ? (sum - t) + x : (x - t) + sum;
            sum = t;
        }
        double total = sum + c;
        if (!(Math.abs(total - 1.0) <= SUM_TOLERANCE)) {
            throw new IllegalArgumentException("sum of " + label + " = " + total + " differs from 1 by "
                    + Math.abs(total - 1.0) + "; entries must sum to 1 within " + SUM_TOLERANCE);
        }
    }
}
