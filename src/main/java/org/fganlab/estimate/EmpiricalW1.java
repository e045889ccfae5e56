package org.fganlab.estimate;

import java.util.Arrays;

/**
 * W1 between the empirical distributions of two 1-D samples, exactly:
 * W1(P̂, Q̂) = ∫ |F̂_P(x) − F̂_Q(x)| dx (Vallender 1973), a sum over the merged sorted points of
 * |F̂_P − F̂_Q| times the gap to the next point, with compensated summation. The same quantity as
 * SciPy's {@code wasserstein_distance}; for equal n it equals the mean |x_(i) − y_(i)| of the
 * sorted samples.
 *
 * <p><b>Properties.</b> Exact for the empirical distributions; as an estimate of W1(P, Q) it is
 * consistent (rate n^{−1/2} in 1-D for distributions with finite moments of order &gt; 2) and
 * biased upward in expectation: W1 is jointly convex and E P̂ = P, so E W1(P̂, Q̂) ≥ W1(P, Q)
 * (Jensen); for P = Q it is O(n^{−1/2}) rather than 0. Not a bound for a single sample.
 */
public final class EmpiricalW1 {

    /** What this estimator is, for {@link Estimate#properties()}. */
    public static final String PROPERTIES = "exact for the empirical CDFs; consistent, biased"
            + " upward in expectation (Jensen); not a bound";

    private EmpiricalW1() {
    }

    /**
     * @param p n ≥ 1 points from P, dimension 1
     * @param q m ≥ 1 points from Q, dimension 1
     * @return W1(P̂, Q̂) ≥ 0, in units of x
     * @throws IllegalArgumentException if a sample is not one-dimensional
     */
    public static double distance(Samples p, Samples q) {
        if (p.dimension() != 1 || q.dimension() != 1) {
            throw new IllegalArgumentException("empirical W1 needs 1-D samples, got dimensions "
                    + p.dimension() + " and " + q.dimension());
        }
        double[] a = p.column(0);
        double[] b = q.column(0);
        Arrays.sort(a);
        Arrays.sort(b);
        int n = a.length;
        int m = b.length;
        int i = 0;
        int j = 0;
        double s = 0;
        double c = 0;
        double x = Math.min(a[0], b[0]);
        while (i < n || j < m) {
            // advance past every point equal to x, then integrate |F_P − F_Q| up to the next point
            while (i < n && a[i] == x) {
                i++;
            }
            while (j < m && b[j] == x) {
                j++;
            }
            if (i == n && j == m) {
                break;
            }
            double next = Math.min(i < n ? a[i] : Double.POSITIVE_INFINITY,
                    j < m ? b[j] : Double.POSITIVE_INFINITY);
            double term = Math.abs((double) i / n - (double) j / m) * (next - x);
            double t = s + term;
            c += Math.abs(s) >= Math.abs(term) ? (s - t) + term : (term - t) + s;
            s = t;
            x = next;
        }
        return s + c;
    }
}
