package org.fganlab.divergence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The vector chunk loops against the scalar ones in the same JVM, and the vector log against
 * {@code StrictMath.log}. Skipped when the vector path is off (no {@code jdk.incubator.vector}
 * module, {@code -Dfganlab.vector=off}, or vectors narrower than 256 bits).
 */
class VectorKernelsTest {

    @BeforeEach
    void vectorPathPresent() {
        assumeTrue(VectorSupport.ENABLED, "vector path disabled in this JVM");
    }

    /** |log x − StrictMath.log(x)| in ulps of the reference, for four arguments at once. */
    private static double worstUlps(double[] x) {
        double[] y = x.clone();
        VectorKernels.log(y, 0, 4);
        double worst = 0;
        for (int j = 0; j < 4; j++) {
            double ref = StrictMath.log(x[j]);
            worst = Math.max(worst, ref == 0.0 ? Math.abs(y[j]) / Double.MIN_VALUE : Math.abs(y[j] - ref) / Math.ulp(ref));
        }
        return worst;
    }

    @Test
    void vectorLogWithin1UlpOverTheWholeRangeAndNearOne() {
        SplittableRandom rng = new SplittableRandom(11);
        double[] x = new double[4];
        double worst = 0;
        for (int j = 0; j < 1_000_000; j++) {
            double v;
            switch (j % 4) {
                case 0 -> v = Math.exp(rng.nextDouble(-708, 709));            // every binade
                case 1 -> v = rng.nextDouble(0.5, 2.0);                      // around the √2 cut
                case 2 -> v = 1.0 + rng.nextDouble(-1, 1) * Math.pow(2, -rng.nextInt(1, 53)); // near 1
                default -> v = Double.longBitsToDouble(rng.nextLong(0x0010000000000000L, 0x7fefffffffffffffL));
            }
            x[j % 4] = v;
            if (j % 4 == 3) {
                worst = Math.max(worst, worstUlps(x));
            }
        }
        assertTrue(worst <= 1, "worst error " + worst + " ulp");
        // exact points and the ends of the normal range
        assertEquals(0.0, worstUlps(new double[] {1.0, 2.0, 0.5, Math.sqrt(2)}), 1.0);
        assertEquals(0.0, worstUlps(new double[] {Double.MIN_NORMAL, Double.MAX_VALUE, 1 + 0x1p-52, 1 - 0x1p-53}), 1.0);
    }

    private static double[] uniform(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextDouble(0.05, 1.0) / n;
        }
        return v;
    }

    /** Entries drawn from the special cases: zeros, subnormals, tiny and ordinary values. */
    private static double[] adversarial(int n, long seed) {
        double[] pool = {0.0, Double.MIN_VALUE, 1e-310, Double.MIN_NORMAL, 1e-300, 1e-17, 0.25, 0.5, 1.0};
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextInt(3) == 0 ? pool[rng.nextInt(pool.length)] : rng.nextDouble();
        }
        return v;
    }

    /** Σ|term_i| by the scalar per-element code: the scale of the summation error. */
    private static double absTermSum(int kernel, double[] a, double[] b, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            if (kernel == FusedKernels.KL) {
                s += a[i] > 0 && b[i] > 0 ? Math.abs(FusedKernels.xLogRatio(a[i], b[i])) : 0.0;
            } else {
                s += Math.abs(FusedKernels.jsEntry(a[i], b[i]));
            }
        }
        return s;
    }

    /**
     * Vector and scalar chunk outputs agree: the flags exactly; Σa, Σb and the term sum to
     * 1e-13 of their absolute scale (per-term logs differ by ≤ 1 + 4 ulp, then the blocked sums
     * add in a different order).
     */
    private static void assertChunksAgree(int kernel, double[] a, double[] b, int from, int to) {
        double[] scalar = new double[8];
        double[] vector = new double[8];
        if (kernel == FusedKernels.KL) {
            FusedKernels.klChunk(a, b, from, to, scalar, 0);
            VectorKernels.klChunk(a, b, from, to, vector, 0);
        } else {
            FusedKernels.jsChunk(a, b, from, to, scalar, 0);
            VectorKernels.jsChunk(a, b, from, to, vector, 0);
        }
        assertEquals(scalar[6], vector[6], 0.0, "negative flag");
        assertEquals(scalar[7], vector[7], 0.0, "infinite flag");
        double scale = absTermSum(kernel, a, b, from, to);
        assertEquals(scalar[0] + scalar[1], vector[0] + vector[1], 1e-13 * scale + Double.MIN_VALUE, "term sum");
        assertEquals(scalar[2] + scalar[3], vector[2] + vector[3], 1e-13 * Math.abs(scalar[2] + scalar[3]), "sum a");
        assertEquals(scalar[4] + scalar[5], vector[4] + vector[5], 1e-13 * Math.abs(scalar[4] + scalar[5]), "sum b");
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            # kernel (0 KL, 1 JS), n, from, to: whole blocks, a tail of 1–3, a chunk starting mid-array
            0, 1000, 0, 1000
            1, 1000, 0, 1000
            0, 1027, 0, 1027
            1, 1027, 0, 1027
            0, 5003, 2560, 5003
            1, 5003, 2560, 5003
            0, 3, 0, 3
            1, 3, 0, 3
            """)
    void vectorChunksMatchScalarChunksOnRandomAndAdversarialInputs(int kernel, int n, int from, int to) {
        assertChunksAgree(kernel, uniform(n, 1), uniform(n, 2), from, to);
        assertChunksAgree(kernel, adversarial(n, 3), adversarial(n, 4), from, to);
        assertChunksAgree(kernel, adversarial(n, 5), uniform(n, 6), from, to);
        // p ≈ q (JS's δ → 0 and KL's r → 1 cancellation-free forms), and p = q exactly
        double[] p = uniform(n, 7);
        double[] q = p.clone();
        for (int i = 0; i < n; i += 2) {
            q[i] = p[i] * (1 + 1e-9);
        }
        assertChunksAgree(kernel, p, q, from, to);
        assertChunksAgree(kernel, p, p, from, to);
        // a negative entry sets the negative flag on both paths
        q[to - 1] = -q[to - 1];
        assertChunksAgree(kernel, p, q, from, to);
        // −0.0 has its sign bit set but is not negative: the vector path's sign-bit test must
        // fall back to the scalar comparison and leave the flag clear, as the scalar path does
        q[to - 1] = -0.0;
        p[from] = -0.0;
        assertChunksAgree(kernel, p, q, from, to);
    }

    @Test
    void specialLanesGetTheScalarConventions() {
        // lanes: ordinary, a = 0 < b (term 0), a > 0 = b (KL +∞; JS ½ log 2·a), huge ratio
        double[] a = {0.25, 0.0, 0.5, 0.5, 0.1, 0.2, 0.3, 0.4};
        double[] b = {0.25, 0.3, 0.0, 1e-310, 0.1, 0.2, 0.3, 0.4};
        double[] out = new double[8];
        VectorKernels.klChunk(a, b, 0, 8, out, 0);
        assertEquals(1.0, out[7], 0.0, "KL: a > 0 = b flags +∞");
        b[2] = 0.5;                                   // now every term is finite
        VectorKernels.klChunk(a, b, 0, 8, out, 0);
        assertEquals(0.0, out[7], 0.0);
        double kl = 0.5 * (Math.log(0.5) - Math.log(1e-310));      // only the huge-ratio lane is non-zero
        assertEquals(kl, out[0] + out[1], 1e-14 * kl);
        b[2] = 0.0;
        VectorKernels.jsChunk(a, b, 0, 8, out, 0);
        // JS terms: 0 for equal lanes, ½ log 2·(a + b) for a zero entry; the 1e-310 lane ≈ ½ log 2·0.5
        double js = FusedKernels.HALF_LOG_2 * (0.3 + 0.5) + FusedKernels.jsTerm(0.5, 1e-310);
        assertEquals(js, out[0] + out[1], 1e-15);
        assertEquals(FusedKernels.HALF_LOG_2 * (0.5 + 1e-310), FusedKernels.jsTerm(0.5, 1e-310), 1e-16);
    }

    @Test
    void sameBitsBeforeAndAfterWarmUpAndOnBothThreadPaths() throws Exception {
        // a first call (interpreted or C1) against calls after C2 has compiled the loops
        double[] a = uniform(1 << 17, 8);
        double[] b = uniform(1 << 17, 9);
        double[] first = new double[8];
        VectorKernels.jsChunk(a, b, 0, 4096, first, 0);
        double[] later = new double[8];
        for (int k = 0; k < 300; k++) {
            VectorKernels.jsChunk(a, b, 0, 4096, later, 0);
        }
        assertArrayEquals(first, later, 0.0);
        // n ≥ 2^16: worker thread; a second concurrent caller sums both halves itself; same bits
        double kl = DiscreteDivergences.kl(normalised(a), normalised(b));
        double js = DiscreteDivergences.js(normalised(a), normalised(b));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.List<java.util.concurrent.Future<double[]>> runs = new java.util.ArrayList<>();
            for (int k = 0; k < 4; k++) {
                runs.add(pool.submit(() -> new double[] {DiscreteDivergences.kl(normalised(a), normalised(b)),
                    DiscreteDivergences.js(normalised(a), normalised(b))}));
            }
            for (java.util.concurrent.Future<double[]> f : runs) {
                assertArrayEquals(new double[] {kl, js}, f.get(), 0.0);
            }
        } finally {
            pool.shutdown();
        }
    }

    private static double[] normalised(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        double[] w = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            w[i] = v[i] / s;
        }
        return w;
    }
}
