package org.fganlab.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;

class PointSetWassersteinTest {

    /** WGAN Example 1 discretised: (0, z_i) against (θ, z_i) has W1 = |θ| and the bracket is exact. */
    @Test
    void parallelSegmentsGiveExactlyTheirDistance() {
        int m = 50;
        for (double theta : new double[] {0.3, -1.7, 0}) {
            double[] a = new double[2 * m];
            double[] b = new double[2 * m];
            for (int j = 0; j < m; j++) {
                // b listed in reverse order: the bracket must not depend on the listing order
                a[2 * j + 1] = (j + 0.5) / m;
                b[2 * j] = theta;
                b[2 * j + 1] = (m - j - 0.5) / m;
            }
            PointSetWasserstein.Bracket br = PointSetWasserstein.w1(a, b, 2);
            // a sum of m equal terms: rounding up to about m·ε relative
            assertEquals(Math.abs(theta), br.lower(), 1e-14);
            assertEquals(Math.abs(theta), br.upper(), 1e-14);
            assertTrue(br.isExact(1e-12));
        }
    }

    @Test
    void singlePointsBracketTheEuclideanDistance() {
        // (0,0) vs (3,4): W1 = 5; the best coordinate projection gives 4
        PointSetWasserstein.Bracket br = PointSetWasserstein.w1(new double[] {0, 0}, new double[] {3, 4}, 2);
        assertEquals(4.0, br.lower(), 0);
        assertEquals(5.0, br.upper(), 0);
        assertFalse(br.isExact(1e-12));
    }

    @Test
    void oneDimensionalSetsAreExactBySorting() {
        // {0, 10} vs {2, 1}: sorted matching 0↔1, 10↔2, W1 = (1 + 8)/2 = 4.5
        PointSetWasserstein.Bracket br = PointSetWasserstein.w1(new double[] {0, 10}, new double[] {2, 1}, 1);
        assertEquals(4.5, br.lower(), 0);
        assertEquals(4.5, br.upper(), 0);
        // the two rows of a unit square: W1 = 1
        PointSetWasserstein.Bracket sq = PointSetWasserstein.w1(new double[] {0, 0, 1, 0},
                new double[] {1, 1, 0, 1}, 2);
        assertEquals(1.0, sq.lower(), 0);
        assertEquals(1.0, sq.upper(), 0);
    }

    @Test
    void bracketContainsTheBruteForceOptimumOnRandomSets() {
        Well19937c rng = new Well19937c(7);
        int n = 5;
        for (int trial = 0; trial < 20; trial++) {
            double[] a = new double[2 * n];
            double[] b = new double[2 * n];
            for (int i = 0; i < 2 * n; i++) {
                a[i] = rng.nextGaussian();
                b[i] = rng.nextGaussian() + 0.5;
            }
            double best = bruteForce(a, b, n, new int[n], new boolean[n], 0);
            PointSetWasserstein.Bracket br = PointSetWasserstein.w1(a, b, 2);
            assertTrue(br.lower() <= best + 1e-12 && best <= br.upper() + 1e-12,
                    br + " vs brute force " + best);
        }
    }

    private static double bruteForce(double[] a, double[] b, int n, int[] perm, boolean[] used, int k) {
        if (k == n) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += Math.hypot(a[2 * i] - b[2 * perm[i]], a[2 * i + 1] - b[2 * perm[i] + 1]);
            }
            return s / n;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            if (!used[j]) {
                used[j] = true;
                perm[k] = j;
                best = Math.min(best, bruteForce(a, b, n, perm, used, k + 1));
                used[j] = false;
            }
        }
        return best;
    }

    @Test
    void badInputIsRejectedWithTheOffendingValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PointSetWasserstein.w1(new double[] {0, 1}, new double[] {0, 1, 2, 3}, 2));
        assertTrue(e.getMessage().contains("2 and 4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PointSetWasserstein.w1(new double[] {0, 1, 2}, new double[] {0, 1, 2}, 2));
        assertThrows(IllegalArgumentException.class, () -> PointSetWasserstein.w1(new double[] {0}, new double[] {0}, 0));
        e = assertThrows(IllegalArgumentException.class,
                () -> PointSetWasserstein.w1(new double[] {0, Double.NaN}, new double[] {0, 1}, 2));
        assertTrue(e.getMessage().contains("a[1]"), e.getMessage());
    }
}
