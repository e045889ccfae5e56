package org.fganlab.theory;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * A certified bracket on the Wasserstein-1 distance (Euclidean ground cost) between two empirical
 * distributions of n equally weighted points each in R^d, without an assignment solver:
 * W1 = min over permutations σ of (1/n) Σ_i ‖a_i − b_σ(i)‖ (Villani 2009, Def. 6.1; for equal
 * weights an optimal coupling is a permutation, Birkhoff–von Neumann).
 *
 * <ul>
 *   <li>Lower bound: the largest over the coordinate axes k of the 1-D W1 between the k-th
 *       coordinates, (1/n) Σ_i |a_(i),k − b_(i),k| with both sorted. Valid because the projection
 *       x ↦ x_k is 1-Lipschitz, so it cannot increase W1; exact in 1-D because the sorted
 *       (monotone) matching is optimal on the line.</li>
 *   <li>Upper bound: the smallest over the axes k of the cost of the matching that pairs the
 *       points of both sets in lexicographic order starting at coordinate k (every permutation is
 *       a coupling, so its cost is an upper bound).</li>
 * </ul>
 * When the two coincide the value is exact. Example: the parallel segments of Arjovsky, Chintala
 * &amp; Bottou 2017, Example 1, discretised as a_i = (0, z_i), b_i = (θ, z_i): lower = |θ| (the
 * x-coordinates), upper = |θ| (matching by z), so W1 = |θ| exactly.
 */
public final class PointSetWasserstein {

    private PointSetWasserstein() {
    }

    /**
     * A bracket lower ≤ W1 ≤ upper.
     *
     * @param lower the largest 1-D W1 of a coordinate
     * @param upper the cost of the best axis-sorted matching
     */
    public record Bracket(double lower, double upper) {
        /** Whether upper − lower ≤ tolerance·max(upper, 1e-300) (relative) or both are 0. */
        public boolean isExact(double tolerance) {
            return upper - lower <= tolerance * Math.max(upper, 1e-300);
        }
    }

    /**
     * The bracket on W1 between the point sets a and b.
     *
     * @param a n points of dimension d, row-major: point i's coordinate k at {@code a[i*d + k]}
     *     (not modified)
     * @param b n points of dimension d, same layout (not modified)
     * @param dimension d ≥ 1
     * @return lower and upper bounds, in the units of the coordinates
     * @throws IllegalArgumentException if d &lt; 1, an array is null or empty, the lengths differ
     *     or are not a multiple of d, or an entry is not finite
     */
    public static Bracket w1(double[] a, double[] b, int dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
        }
        if (a == null || b == null || a.length == 0 || a.length != b.length
                || a.length % dimension != 0) {
            throw new IllegalArgumentException("a and b must hold the same number (>= 1) of points"
                    + " of dimension " + dimension + ", got lengths "
                    + (a == null ? "null" : a.length) + " and " + (b == null ? "null" : b.length));
        }
        checkFinite("a", a);
        checkFinite("b", b);
        int n = a.length / dimension;
        double lower = 0;
        double upper = Double.POSITIVE_INFINITY;
        for (int k = 0; k < dimension; k++) {
            double[] ak = coordinate(a, n, dimension, k);
            double[] bk = coordinate(b, n, dimension, k);
            Arrays.sort(ak);
            Arrays.sort(bk);
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += Math.abs(ak[i] - bk[i]);
            }
            lower = Math.max(lower, s / n);
            int[] pa = lexicographicOrder(a, n, dimension, k);
            int[] pb = lexicographicOrder(b, n, dimension, k);
            double cost = 0;
            for (int i = 0; i < n; i++) {
                double d2 = 0;
                for (int j = 0; j < dimension; j++) {
                    double diff = a[pa[i] * dimension + j] - b[pb[i] * dimension + j];
                    d2 += diff * diff;
                }
                cost += Math.sqrt(d2);
            }
            upper = Math.min(upper, cost / n);
        }
        // rounding of the two sums may put lower a few ulps above upper when they are equal
        return new Bracket(Math.min(lower, upper), upper);
    }

    private static double[] coordinate(double[] x, int n, int d, int k) {
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = x[i * d + k];
        }
        return c;
    }

    /** Point indices sorted by coordinate k, then k+1, …, wrapping around (ties keep index order). */
    private static int[] lexicographicOrder(double[] x, int n, int d, int k) {
        Comparator<Integer> order = (i, j) -> {
            for (int m = 0; m < d; m++) {
                int c = Double.compare(x[i * d + (k + m) % d], x[j * d + (k + m) % d]);
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(i, j);
        };
        return IntStream.range(0, n).boxed().sorted(order).mapToInt(Integer::intValue).toArray();
    }

    private static void checkFinite(String name, double[] x) {
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] must be finite, got " + x[i]);
            }
        }
    }
}
