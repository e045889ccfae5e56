package org.fganlab.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.hipparchus.random.Well19937c;
import org.hipparchus.special.Gamma;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** k-NN KL (Wang, Kulkarni &amp; Verdú 2009) against closed forms and a brute-force search. */
class KnnKlTest {

    /** n points of N(μ·1, σ²·I_d). */
    static Samples gaussian(int n, int d, double mu, double sigma, long seed) {
        Well19937c r = new Well19937c(seed);
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = mu + sigma * r.nextGaussian();
        }
        return new Samples(x, d);
    }

    /** KL(N(μ1·1, σ1²I) ‖ N(μ2·1, σ2²I)) in d dimensions: d times the 1-D closed form. */
    static double gaussianKl(int d, double mu1, double s1, double mu2, double s2) {
        double r = s1 * s1 / (s2 * s2);
        return d * 0.5 * (r + (mu2 - mu1) * (mu2 - mu1) / (s2 * s2) - 1 - Math.log(r));
    }

    /**
     * The estimate is within 4 standard errors (σ̂ of the per-point terms over √n) plus an
     * allowance for the estimator's finite-n bias, which falls roughly as n^(−1/2) and grows
     * with d (KnnKl's class comment): 5·√(d/n)·KL, i.e. 5.6%, 7.9% and 12.5% of KL at n = 8,000
     * for d = 1, 2, 5. A wrong constant or a missing factor d is far outside.
     */
    @ParameterizedTest
    @CsvSource({"1, 1.0, 1.2", "2, 1.0, 1.2", "5, 0.6, 1.2", "2, 1.0, 1.0"})
    void matchesGaussianClosedForm(int d, double mu, double sigma) {
        int n = 8000;
        Samples p = gaussian(n, d, 0, 1, 11);
        Samples q = gaussian(n, d, mu, sigma, 12);
        KnnKl.Terms t = KnnKl.terms(p, q, KnnKl.defaultK());
        double exact = gaussianKl(d, 0, 1, mu, sigma);
        double se = Bootstrap.standardError(t.terms());
        double tol = 4 * se + 5 * Math.sqrt((double) d / n) * exact;
        assertEquals(exact, t.value(), tol, "d = " + d + ", se = " + se);
        assertTrue(tol < 0.25 * exact, "tolerance " + tol + " too loose to test anything");
    }

    /** Brute force: every distance, sorted; the same tie policy. */
    static double bruteForce(Samples p, Samples q, int k) {
        int n = p.size();
        int m = q.size();
        int d = p.dimension();
        double s = 0;
        for (int i = 0; i < n; i++) {
            double[] dp = new double[n];
            double[] dq = new double[m];
            for (int j = 0; j < n; j++) {
                dp[j] = dist(p, i, p, j);
            }
            for (int j = 0; j < m; j++) {
                dq[j] = dist(p, i, q, j);
            }
            Arrays.sort(dp);
            Arrays.sort(dq);
            int zp = 0;
            while (dp[zp] == 0) {
                zp++;
            }
            int zq = 0;
            while (zq < m && dq[zq] == 0) {
                zq++;
            }
            double rho = dp[zp + k - 1];
            double nu = dq[zq + k - 1];
            s += d * Math.log(nu / rho) + Gamma.digamma(k + zp - 1) - Gamma.digamma(k + zq);
        }
        return s / n + Math.log((double) m / (n - 1));
    }

    private static double dist(Samples a, int i, Samples b, int j) {
        double s = 0;
        for (int c = 0; c < a.dimension(); c++) {
            double t = a.get(i, c) - b.get(j, c);
            s += t * t;
        }
        return Math.sqrt(s);
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "1, 4", "3, 1", "3, 5", "6, 2"})
    void kdTreeAgreesWithBruteForce(int d, int k) {
        Samples p = gaussian(700, d, 0, 1, 3);
        Samples q = gaussian(500, d, 0.7, 2, 4);
        assertEquals(bruteForce(p, q, k), KnnKl.estimate(p, q, k), 1e-12);
    }

    /** Points on a coarse grid: many duplicates within P, and P's points repeated in Q. */
    @Test
    void duplicatesGiveFiniteValuesAndFollowTheTiePolicy() {
        Well19937c r = new Well19937c(5);
        int n = 600;
        double[] a = new double[n * 2];
        double[] b = new double[n * 2];
        for (int i = 0; i < a.length; i++) {
            a[i] = Math.rint(2 * r.nextGaussian()) / 2;
            b[i] = Math.rint(2 * (0.5 + r.nextGaussian())) / 2;
        }
        Samples p = new Samples(a, 2);
        Samples q = new Samples(b, 2);
        for (int k : new int[] {1, 3}) {
            double v = KnnKl.estimate(p, q, k);
            assertTrue(Double.isFinite(v), "k = " + k + ": " + v);
            assertEquals(bruteForce(p, q, k), v, 1e-12);
        }
        // Q identical to P: every term is ψ(k_i) − ψ(k_i + 1) = −1/k_i, finite
        assertTrue(Double.isFinite(KnnKl.estimate(p, p, 2)));
    }

    @Test
    void fewerThanKDistinctNeighboursIsAnError() {
        Samples p = new Samples(new double[] {0, 0, 0, 1}, 1);
        Samples q = Samples.of(0, 1, 2, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KnnKl.estimate(p, q, 2));
        assertTrue(e.getMessage().contains("fewer than k = 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> KnnKl.estimate(Samples.of(1, 2), q, 2));
        assertThrows(IllegalArgumentException.class,
                () -> KnnKl.estimate(p, new Samples(new double[] {1, 2, 3, 4}, 2), 1));
    }

    @Test
    void defaultKFollowsTheRule() {
        assertEquals(3, KnnKl.defaultK());
    }

    @Test
    void invariantUnderTranslationAndRotationOfBothSamples() {
        Samples p = gaussian(400, 2, 0, 1, 7);
        Samples q = gaussian(400, 2, 0.5, 1.3, 8);
        double c = Math.cos(0.7);
        double s = Math.sin(0.7);
        double[] a = p.data();
        double[] b = q.data();
        for (double[] x : new double[][] {a, b}) {
            for (int i = 0; i < x.length; i += 2) {
                double u = x[i];
                double v = x[i + 1];
                x[i] = c * u - s * v + 3;
                x[i + 1] = s * u + c * v - 1;
            }
        }
        assertEquals(KnnKl.estimate(p, q, 3), KnnKl.estimate(new Samples(a, 2), new Samples(b, 2), 3), 1e-9);
    }
}
