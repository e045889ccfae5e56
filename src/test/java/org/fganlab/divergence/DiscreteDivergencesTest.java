package org.fganlab.divergence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.ToDoubleBiFunction;
import org.fganlab.testing.Allocations;
import org.junit.jupiter.api.Test;

class DiscreteDivergencesTest {

    private static final double[] A_P = {0.1, 0.2, 0.3, 0.4};
    private static final double[] A_Q = {0.25, 0.25, 0.25, 0.25};
    private static final double[] B_P = {0.5, 0.5, 0.0};
    private static final double[] B_Q = {0.25, 0.25, 0.5};
    private static final double[] C_P = {0.0, 0.0, 0.6, 0.4};
    private static final double[] C_Q = {0.7, 0.3, 0.0, 0.0};
    private static final double[] D_P = {1e-12, 1 - 1e-12};
    private static final double[] D_Q = {2e-12, 1 - 2e-12};

    private static final List<ToDoubleBiFunction<double[], double[]>> KERNELS = List.of(
            DiscreteDivergences::kl, DiscreteDivergences::reverseKl, DiscreteDivergences::js,
            DiscreteDivergences::tv, DiscreteDivergences::hellinger, DiscreteDivergences::pearson,
            DiscreteDivergences::neyman, (p, q) -> DiscreteDivergences.w1(p, q, 0.5));

    private static void assertRelative(double expected, double actual, double rel, String what) {
        assertEquals(expected, actual, rel * Math.abs(expected), what);
    }

    /**
     * Cases A–C: SciPy 1.17.1 / NumPy 2.4.6: sum(rel_entr(p, q)), sum(rel_entr(q, p)),
     * jensenshannon(p, q)**2, 0.5*sum(|p − q|), sum((sqrt(p) − sqrt(q))**2), Pearson and Neyman by
     * the numpy formula with 0/0 = 0, and wasserstein_distance(x, x, p, q) with bin centres
     * x = 0.25 + 0.5·i (bin width 0.5).
     */
    @Test
    void matchesScipyOnSmallVectors() {
        double[][] a = {{0.10644013528622315, 0.12177727428716865, 0.02786561345727673, 0.2,
            0.05638054894436215, 0.2, 0.3020833333333333, 0.24999999999999994}};
        double inf = Double.POSITIVE_INFINITY;
        double[] b = {0.6931471805599453, inf, 0.21576155433883568, 0.5, 0.5857864376269051, 1.0, inf, 0.375};
        double[] c = {inf, inf, 0.6931471805599452, 1.0, 2.0, inf, inf, 1.05};
        double[][][] inputs = {{A_P, A_Q}, {B_P, B_Q}, {C_P, C_Q}};
        double[][] expected = {a[0], b, c};
        for (int k = 0; k < inputs.length; k++) {
            for (int j = 0; j < KERNELS.size(); j++) {
                double e = expected[k][j];
                double actual = KERNELS.get(j).applyAsDouble(inputs[k][0], inputs[k][1]);
                String what = "case " + (char) ('A' + k) + " kernel " + j;
                if (Double.isInfinite(e)) {
                    assertEquals(e, actual, what);
                } else {
                    assertRelative(e, actual, 1e-14, what);
                }
            }
        }
    }

    /**
     * Case D, p ≈ q with tiny mass moved: mpmath 1.3 at 50 digits from the exact double inputs
     * (SciPy's jensenshannon loses three digits here: 8.4894e-14).
     */
    @Test
    void accurateForNearlyEqualVectors() {
        double[] expected = {3.0683069772043317836e-13, 3.8631648284051207287e-13, 8.4949518397823729211e-14,
            9.9998893913993923792e-13, 1.7157287525405988788e-13, 5.000000000009999457e-13,
            1.0000000000009999356e-12};
        for (int j = 0; j < expected.length; j++) {
            assertRelative(expected[j], KERNELS.get(j).applyAsDouble(D_P, D_Q), 1e-6, "kernel " + j);
        }
        // the stable forms (JS, Hellinger, TV, χ²) are good to far better than 1e-6
        assertRelative(expected[2], DiscreteDivergences.js(D_P, D_Q), 1e-9, "js");
        assertRelative(expected[4], DiscreteDivergences.hellinger(D_P, D_Q), 1e-9, "hellinger");
    }

    @Test
    void disjointSupports() {
        double[] p = {0.5, 0.5, 0.0, 0.0};
        double[] q = {0.0, 0.0, 0.25, 0.75};
        assertEquals(Double.POSITIVE_INFINITY, DiscreteDivergences.kl(p, q));
        assertEquals(Double.POSITIVE_INFINITY, DiscreteDivergences.reverseKl(p, q));
        assertEquals(Double.POSITIVE_INFINITY, DiscreteDivergences.pearson(p, q));
        assertEquals(Double.POSITIVE_INFINITY, DiscreteDivergences.neyman(p, q));
        assertEquals(Math.log(2.0), DiscreteDivergences.js(p, q), 1e-16);
        assertEquals(1.0, DiscreteDivergences.tv(p, q), 0.0);
        assertEquals(2.0, DiscreteDivergences.hellinger(p, q), 1e-15);
        // masses at bin centres 0.5, 1.5 vs 2.5, 3.5 (width 1): cumsum(p − q) = 0.5, 1, 0.75, 0,
        // W1 = 2.25 (SciPy's wasserstein_distance on the centres agrees)
        assertEquals(2.25, DiscreteDivergences.w1(p, q, 1.0), 1e-15);
    }

    @Test
    void zeroWhereBothVanishAndIdenticalInputs() {
        double[] p = {0.0, 0.3, 0.7};
        for (ToDoubleBiFunction<double[], double[]> kernel : KERNELS) {
            assertEquals(0.0, kernel.applyAsDouble(p, p), 0.0);
            assertEquals(0.0, kernel.applyAsDouble(p, p.clone()), 0.0);
        }
        // KL with p_i = 0 < q_i: the term is 0 (0 log 0), finite total
        assertEquals(0.5 * Math.log(0.5 / 0.25) * 2, DiscreteDivergences.kl(B_P, B_Q), 1e-15);
    }

    @Test
    void w1HandComputed() {
        // Dirac at bin 0 vs Dirac at bin 3, width 0.1: W1 = 0.3
        assertEquals(0.3, DiscreteDivergences.w1(new double[] {1, 0, 0, 0}, new double[] {0, 0, 0, 1}, 0.1), 1e-16);
        // symmetric in p, q
        assertEquals(DiscreteDivergences.w1(A_P, A_Q, 0.5), DiscreteDivergences.w1(A_Q, A_P, 0.5), 0.0);
        // single bin: always 0
        assertEquals(0.0, DiscreteDivergences.w1(new double[] {1}, new double[] {1}, 2.0), 0.0);
        // on a grid of spacing w, every unit of moved mass travels at least w: W1 ≥ w·TV
        assertTrue(DiscreteDivergences.w1(A_P, A_Q, 1.0) >= DiscreteDivergences.tv(A_P, A_Q));
        // linear in the bin width
        assertEquals(2 * DiscreteDivergences.w1(A_P, A_Q, 0.5), DiscreteDivergences.w1(A_P, A_Q, 1.0), 1e-16);
    }

    @Test
    void inputsAreNotModified() {
        double[] p = A_P.clone();
        double[] q = {0.4, 0.1, 0.2, 0.3};
        for (ToDoubleBiFunction<double[], double[]> kernel : KERNELS) {
            kernel.applyAsDouble(p, q);
            assertArrayEquals(A_P, p, 0.0);
            assertArrayEquals(new double[] {0.4, 0.1, 0.2, 0.3}, q, 0.0);
        }
    }

    private static void assertRejected(double[] p, double[] q, String... fragments) {
        for (ToDoubleBiFunction<double[], double[]> kernel : KERNELS) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> kernel.applyAsDouble(p, q));
            for (String fragment : fragments) {
                assertTrue(e.getMessage().contains(fragment), e.getMessage() + " lacks " + fragment);
            }
        }
    }

    @Test
    void invalidInputsAreRejectedNamingTheProblem() {
        assertRejected(new double[] {0.5, 0.5}, new double[] {1.0}, "2", "1", "equal lengths");
        assertRejected(new double[0], new double[0], "non-empty");
        assertRejected(new double[] {1.2, -0.2}, new double[] {0.5, 0.5}, "p[1] = -0.2", ">= 0");
        assertRejected(new double[] {0.5, 0.5}, new double[] {Double.NaN, 1.0}, "q[0] = NaN", "finite");
        assertRejected(new double[] {0.5, Double.POSITIVE_INFINITY}, new double[] {0.5, 0.5}, "p[1] = Infinity");
        assertRejected(new double[] {0.5, 0.4}, new double[] {0.5, 0.5}, "sum of p = 0.9", "within 1.0E-9");
        assertRejected(new double[] {0.5, 0.5}, new double[] {0.5, 0.5 + 2e-9}, "sum of q", "within 1.0E-9");
        // within tolerance is accepted
        assertEquals(0.0, DiscreteDivergences.tv(new double[] {0.5, 0.5}, new double[] {0.5, 0.5 + 5e-10}), 1e-9);
        assertThrows(NullPointerException.class, () -> DiscreteDivergences.kl(null, A_Q));
        assertThrows(NullPointerException.class, () -> DiscreteDivergences.kl(A_P, null));
        for (double w : new double[] {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> DiscreteDivergences.w1(A_P, A_Q, w));
            assertTrue(e.getMessage().contains(Double.toString(w)) && e.getMessage().contains("> 0"), e.getMessage());
        }
    }

    @Test
    void compensatedSumIsExactForManySmallTerms() {
        // 10^6 equal bins against a shifted copy: TV = ½·(2·10^-6·k) for k shifted bins
        int n = 1_000_000;
        double[] p = new double[n];
        double[] q = new double[n];
        java.util.Arrays.fill(p, 1.0 / n);
        java.util.Arrays.fill(q, 0, n / 2, 2.0 / n);
        assertEquals(0.5, DiscreteDivergences.tv(p, q), 1e-13);
        // KL(P‖Q) = Σ_{i < n/2} (1/n) log(1/2) + ∞ → ∞; KL(Q‖P) = (1/2)·2·log 2 = log 2
        assertEquals(Math.log(2.0), DiscreteDivergences.reverseKl(p, q), 1e-13);
        assertEquals(Double.POSITIVE_INFINITY, DiscreteDivergences.kl(p, q));
    }

    /** A probability vector ∝ uniform(lo, 1), seeded, normalised. */
    private static double[] vector(int n, long seed, double lo) {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextDouble(lo, 1.0);
        }
        double s = java.util.Arrays.stream(v).sum();
        for (int i = 0; i < n; i++) {
            v[i] /= s;
        }
        return v;
    }

    /** Neumaier sum of terms computed with StrictMath (the straightforward formulas). */
    private static double[] referenceSums(double[] p, double[] q) {
        double[][] acc = new double[3][2];
        for (int i = 0; i < p.length; i++) {
            double m = p[i] + q[i];
            double[] x = {p[i] * StrictMath.log(p[i] / q[i]),
                0.5 * (p[i] * StrictMath.log(2 * p[i] / m) + q[i] * StrictMath.log(2 * q[i] / m)),
                0.5 * Math.abs(p[i] - q[i])};
            for (int k = 0; k < 3; k++) {
                double t = acc[k][0] + x[k];
                acc[k][1] += Math.abs(acc[k][0]) >= Math.abs(x[k]) ? (acc[k][0] - t) + x[k] : (x[k] - t) + acc[k][0];
                acc[k][0] = t;
            }
        }
        return new double[] {acc[0][0] + acc[0][1], acc[1][0] + acc[1][1], acc[2][0] + acc[2][1]};
    }

    @Test
    void largeVectorsMatchStraightforwardSumsWhenSplitInTwo() throws Exception {
        // beyond FusedKernels.PARALLEL_MIN: two halves (the second on the common pool), an odd tail block
        int n = FusedKernels.PARALLEL_MIN + 1001;
        double[] p = vector(n, 1, 0.05);
        double[] q = vector(n, 2, 0.05);
        double[] ref = referenceSums(p, q);
        double kl = DiscreteDivergences.kl(p, q);
        double js = DiscreteDivergences.js(p, q);
        double tv = DiscreteDivergences.tv(p, q);
        assertRelative(ref[0], kl, 1e-13, "kl");
        assertRelative(ref[1], js, 1e-13, "js");
        assertRelative(ref[2], tv, 1e-13, "tv");
        // six callers at once on two threads: the halves run wherever the pool puts them; same bits
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<double[]>> runs = new java.util.ArrayList<>();
            for (int k = 0; k < 6; k++) {
                runs.add(pool.submit(() -> new double[] {DiscreteDivergences.kl(p, q), DiscreteDivergences.js(p, q),
                    DiscreteDivergences.tv(p, q)}));
            }
            for (java.util.concurrent.Future<double[]> f : runs) {
                assertArrayEquals(new double[] {kl, js, tv}, f.get(), 0.0);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void jsKeepsRelativeAccuracyForNearlyEqualLargeVectors() {
        // q = p·(1 + ε·s_i) renormalised, ε = 1e-6: JSD ≈ ε²/8·Var ≈ 1e-13; the straightforward
        // formula loses about half the digits there, so compare with the series m·δ²/4·(1 + δ²/6)
        int n = 100_000;
        double[] p = vector(n, 3, 0.05);
        double[] q = new double[n];
        java.util.SplittableRandom rng = new java.util.SplittableRandom(4);
        double s = 0;
        for (int i = 0; i < n; i++) {
            q[i] = p[i] * (1 + 1e-6 * rng.nextDouble(-1, 1));
            s += q[i];
        }
        double expected = 0;
        double c = 0;
        for (int i = 0; i < n; i++) {
            q[i] /= s;
            double m = p[i] + q[i];
            double d = (p[i] - q[i]) / m;
            double x = 0.25 * m * d * d * (1 + d * d / 6);
            double t = expected + x;
            c += (expected - t) + x;
            expected = t;
        }
        assertRelative(expected + c, DiscreteDivergences.js(p, q), 1e-9, "js");
    }

    @Test
    void extremeRatiosStayFiniteAndExact() {
        // ratios beyond the normal range and at the subnormals: KL by log p − log q, JS by the direct
        // form; hand values: KL = 0.5·log(0.5/1e-310) + (0.5 − 1e-310)·log((0.5 − 1e-310)/(1 − 1e-310))
        double tiny = 1e-310;
        double[] p = {0.5, 0.5};
        double[] q = {tiny, 1 - tiny};
        double kl = 0.5 * (Math.log(0.5) - Math.log(tiny)) + 0.5 * Math.log(0.5);
        assertRelative(kl, DiscreteDivergences.kl(p, q), 1e-14, "kl");
        // JS: the first term is ½[0.5·log(2·0.5/m) + tiny·log(2·tiny/m)] ≈ ½·0.5·log 2; the second
        // ½[0.5·log(1/(1.5)) + 1·log(2/1.5)] with m = 1.5 − tiny
        double js = 0.25 * Math.log(2) + 0.5 * (0.5 * Math.log(1 / 1.5) + Math.log(2 / 1.5));
        assertRelative(js, DiscreteDivergences.js(p, q), 1e-14, "js");
        assertEquals(Double.POSITIVE_INFINITY, DiscreteDivergences.kl(new double[] {1, 0}, new double[] {0, 1}));
    }

    @Test
    void callsAllocateNothingOnTheCallingThread() {
        // every length below FusedKernels.PARALLEL_MIN runs on the caller's thread alone
        for (int n : new int[] {25, 1000, 1 << 17}) {
            double[] p = vector(n, 5, 0.05);
            double[] q = vector(n, 6, 0.05);
            double[] sink = new double[1];
            // warm-up: the thread-local scratch array
            long allocated = Allocations.bytesAllocatedBy(30, 30, () -> sink[0] +=
                    DiscreteDivergences.kl(p, q) + DiscreteDivergences.js(p, q) + DiscreteDivergences.tv(p, q));
            assertTrue(allocated < 90, "n = " + n + ": " + allocated + " bytes for 90 calls");
            assertTrue(sink[0] > 0);
        }
    }

    /**
     * JS of two-entry vectors whose first entries have δ = (p − q)/(p + q) from 1e-12 (p → q,
     * where the kernel's two logarithms nearly cancel) to 0.7, both signs, against
     * Σ m_i/4·g(δ_i), g(δ) = (1+δ)log(1+δ) + (1−δ)log(1−δ) = Σ δ^(2k)/(k(2k−1)), summed in
     * 50-digit decimals from the exact doubles.
     */
    @Test
    void jsAgreesWithAFiftyDigitSeriesFromNearlyEqualEntriesOn() {
        java.math.MathContext mc = new java.math.MathContext(50);
        for (double target : new double[] {1e-12, 1e-8, 1e-4, 0.01, 0.1, 0.2, 0.2499, 0.25, 0.2501, 0.3, 0.5, 0.7}) {
            for (double sign : new double[] {1, -1}) {
                double p0 = 0.1;
                double q0 = p0 * (1 - sign * target) / (1 + sign * target);
                double[] p = {p0, 1 - p0};
                double[] q = {q0, 1 - q0};
                java.math.BigDecimal ref = java.math.BigDecimal.ZERO;
                for (int i = 0; i < 2; i++) {
                    java.math.BigDecimal a = new java.math.BigDecimal(p[i]);
                    java.math.BigDecimal b = new java.math.BigDecimal(q[i]);
                    java.math.BigDecimal m = a.add(b);
                    java.math.BigDecimal d = a.subtract(b).divide(m, mc);
                    java.math.BigDecimal y = d.multiply(d, mc);
                    java.math.BigDecimal g = java.math.BigDecimal.ZERO;
                    java.math.BigDecimal yk = y;
                    for (int k = 1; k < 400 && yk.compareTo(new java.math.BigDecimal("1e-60")) > 0; k++) {
                        g = g.add(yk.divide(java.math.BigDecimal.valueOf((long) k * (2 * k - 1)), mc), mc);
                        yk = yk.multiply(y, mc);
                    }
                    ref = ref.add(m.multiply(g, mc).divide(java.math.BigDecimal.valueOf(4), mc), mc);
                }
                double expected = ref.doubleValue();
                assertRelative(expected, DiscreteDivergences.js(p, q), 4e-15, "js at |δ| = " + target + ", sign " + sign);
            }
        }
    }
}
