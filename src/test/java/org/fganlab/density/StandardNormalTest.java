package org.fganlab.density;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.fganlab.testing.Allocations;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;

class StandardNormalTest {

    private static final int N = 200_000;

    private static double[] draws(long seed) {
        double[] x = new double[N];
        StandardNormal.fill(new Well19937c(seed), x, N);
        return x;
    }

    /** Kolmogorov–Smirnov distance to Φ, mean and variance, against their sampling error. */
    @Test
    void drawsAreStandardNormal() {
        double[] x = draws(11);
        double mean = Arrays.stream(x).sum() / N;
        double var = Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / (N - 1);
        assertEquals(0, mean, 4 / Math.sqrt(N), "mean (4 standard errors)");
        assertEquals(1, var, 4 * Math.sqrt(2.0 / N), "variance (4 standard errors)");
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        NormalDistribution phi = new NormalDistribution(0, 1);
        double d = 0;
        for (int i = 0; i < N; i++) {
            double f = phi.cumulativeProbability(sorted[i]);
            d = Math.max(d, Math.max((i + 1.0) / N - f, f - (double) i / N));
        }
        // the KS critical value at level 0.001 is 1.95/√n
        assertTrue(d < 1.95 / Math.sqrt(N), "KS distance " + d);
        // tail mass beyond ±3: 2·Φ(−3) = 0.0026998, binomial standard error √(p(1−p)/n)
        long tail = Arrays.stream(x).filter(v -> Math.abs(v) > 3).count();
        double p = 2 * phi.cumulativeProbability(-3);
        assertEquals(p, (double) tail / N, 4 * Math.sqrt(p * (1 - p) / N), "P(|Z| > 3)");
    }

    @Test
    void sameSeedSameDrawsAndSampleMatchesFill() {
        assertArrayEquals(draws(5), draws(5));
        Well19937c rng = new Well19937c(5L);
        double[] x = draws(5);
        for (int i = 0; i < 1000; i++) {
            assertEquals(x[i], StandardNormal.sample(rng));
        }
    }

    @Test
    void drawsAllocateNothing() {
        Well19937c rng = new Well19937c(3);
        double[] out = new double[4096];
        long bytes = Allocations.bytesAllocatedBy(50, 20, () -> StandardNormal.fill(rng, out, out.length));
        assertEquals(0, bytes, "bytes allocated by 81,920 draws");
    }

    @Test
    void badCountIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StandardNormal.fill(new Well19937c(1), new double[3], 4));
        assertTrue(e.getMessage().contains("[0, 3]") && e.getMessage().contains("got 4"), e.getMessage());
    }
}
