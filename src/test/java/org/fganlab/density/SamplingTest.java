package org.fganlab.density;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Stream;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sampling: reproducible for a seed, and the first two moments and three quantiles of 200,000
 * draws within 5 standard errors of the truth.
 */
class SamplingTest {

    private static final int N = 200_000;

    /** A density with its mean, variance and fourth central moment. */
    record Moments(Density d, double mean, double variance, double mu4) {
        @Override
        public String toString() {
            return d.spec();
        }
    }

    /** Raw moments E[X], E[X²], E[X³], E[X⁴] from mean m and central c2, c3, c4. */
    private static double[] raw(double m, double c2, double c3, double c4) {
        return new double[] {m, m * m + c2, m * m * m + 3 * m * c2 + c3,
            m * m * m * m + 6 * m * m * c2 + 4 * m * c3 + c4};
    }

    static Stream<Moments> families() {
        double pi2 = Math.PI * Math.PI;
        // mixture 0.3·N(−2, 0.5²) + 0.7·Laplace(1, 0.7): moments from the components' raw ones
        double[] a = raw(-2, 0.25, 0, 3 * 0.0625);
        double[] b = raw(1, 2 * 0.49, 0, 24 * 0.49 * 0.49);
        double[] e = new double[4];
        for (int k = 0; k < 4; k++) {
            e[k] = 0.3 * a[k] + 0.7 * b[k];
        }
        double m = e[0];
        double var = e[1] - m * m;
        double mu4 = e[3] - 4 * m * e[2] + 6 * m * m * e[1] - 3 * m * m * m * m;
        double tVar = 10.0 / 8;
        return Stream.of(
                new Moments(new Normal(1.5, 2), 1.5, 4, 3 * 16),
                new Moments(new Uniform(-1, 3), 1, 16.0 / 12, 256.0 / 80),
                new Moments(new Laplace(-0.5, 0.8), -0.5, 2 * 0.64, 24 * 0.64 * 0.64),
                new Moments(new Logistic(2, 0.6), 2, 0.36 * pi2 / 3, 7 * pi2 * pi2 * 0.1296 / 15),
                // ν = 10: variance ν/(ν−2), excess kurtosis 6/(ν−4) = 1
                new Moments(new StudentT(10, 1, 2), 1, 4 * tVar, 4 * 16 * tVar * tVar),
                new Moments(new Mixture(new double[] {0.3, 0.7},
                        new Density[] {new Normal(-2, 0.5), new Laplace(1, 0.7)}), m, var, mu4));
    }

    static Stream<Density> all() {
        return Stream.concat(families().map(Moments::d), Stream.of(new StudentT(1, 0, 1),
                new StudentT(0.5, 3, 2), new StudentT(2.5, 0, 1),
                new Mixture(new double[] {0.5, 0.5},
                        new Density[] {new Uniform(0, 1), new Uniform(2, 3)})));
    }

    private static double[] draw(Density d, RandomGenerator rng, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = d.sample(rng);
        }
        return x;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void sameSeedGivesTheSameSequence(Density d) {
        double[] first = draw(d, new Well19937c(42), 1000);
        double[] again = draw(d, new Well19937c(42), 1000);
        double[] other = draw(d, new Well19937c(43), 1000);
        assertArrayEquals(first, again, 0.0);
        assertFalse(Arrays.equals(first, other));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void meanAndVarianceWithinFiveStandardErrors(Moments t) {
        double[] x = draw(t.d(), new Well19937c(20240611), N);
        double mean = Arrays.stream(x).sum() / N;
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        double variance = ss / (N - 1);
        double seMean = Math.sqrt(t.variance() / N);
        double seVar = Math.sqrt((t.mu4() - t.variance() * t.variance()) / N);
        assertEquals(t.mean(), mean, 5 * seMean, "mean");
        assertEquals(t.variance(), variance, 5 * seVar, "variance");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void empiricalQuantilesWithinFiveStandardErrors(Density d) {
        double[] x = draw(d, new Well19937c(7), N);
        for (double p : new double[] {0.05, 0.3, 0.5, 0.9}) {
            double q = d.quantile(p);
            long below = Arrays.stream(x).filter(v -> v <= q).count();
            double f = d.cdf(q);
            assertEquals(f, (double) below / N, 5 * Math.sqrt(f * (1 - f) / N), "p=" + p);
        }
        for (double v : x) {
            assertTrue(v >= d.supportLower() && v <= d.supportUpper() && !Double.isNaN(v));
        }
    }
}
