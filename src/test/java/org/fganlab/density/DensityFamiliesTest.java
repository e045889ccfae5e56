package org.fganlab.density;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.hipparchus.distribution.RealDistribution;
import org.hipparchus.distribution.continuous.LaplaceDistribution;
import org.hipparchus.distribution.continuous.LogisticDistribution;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.distribution.continuous.UniformRealDistribution;
import org.hipparchus.special.Gamma;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Log-density, CDF, survival, quantile, support and validation of every family. */
class DensityFamiliesTest {

    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

    /** A density, its Hipparchus oracle as a log-density and a CDF, and a bulk range. */
    record Oracle(Density d, DoubleUnaryOperator logPdf, DoubleUnaryOperator cdf, double lo,
                  double hi) {
        @Override
        public String toString() {
            return d.spec();
        }
    }

    static Oracle hipparchus(Density d, RealDistribution r, double lo, double hi) {
        return new Oracle(d, x -> Math.log(r.density(x)), r::cumulativeProbability, lo, hi);
    }

    static Oracle student(double nu, double mu, double sigma) {
        TDistribution t = new TDistribution(nu);
        return new Oracle(new StudentT(nu, mu, sigma),
                x -> Math.log(t.density((x - mu) / sigma) / sigma),
                x -> t.cumulativeProbability((x - mu) / sigma), mu - 6 * sigma, mu + 6 * sigma);
    }

    static Stream<Oracle> oracles() {
        return Stream.of(
                hipparchus(new Normal(0.3, 1.7), new NormalDistribution(0.3, 1.7), -8, 9),
                hipparchus(new Normal(-2, 0.01), new NormalDistribution(-2, 0.01), -2.05, -1.95),
                hipparchus(new Uniform(-1, 2.5), new UniformRealDistribution(-1, 2.5), -1, 2.5),
                hipparchus(new Laplace(-0.5, 0.8), new LaplaceDistribution(-0.5, 0.8), -5, 4),
                hipparchus(new Logistic(1, 0.6), new LogisticDistribution(1, 0.6), -3, 5),
                student(3, 0.5, 2),
                student(0.7, 0, 1),
                student(1, -1, 0.5),
                student(30, -1, 0.5));
    }

    static Stream<Density> all() {
        return Stream.of(new Normal(0.3, 1.7), new Uniform(-1, 2.5), new Laplace(-0.5, 0.8),
                new Logistic(1, 0.6), new StudentT(3, 0.5, 2), new StudentT(1, 0, 1),
                new StudentT(2, 0, 1), new StudentT(0.5, 0, 1),
                new Mixture(new double[] {0.3, 0.7},
                        new Density[] {new Normal(-2, 0.5), new Laplace(1, 0.7)}),
                new Mixture(new double[] {0.5, 0.5},
                        new Density[] {new Uniform(0, 1), new Uniform(2, 3)}));
    }

    private static double[] grid(double lo, double hi, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = lo + (hi - lo) * i / (n - 1);
        }
        return x;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oracles")
    void logDensityMatchesHipparchusInTheBulk(Oracle o) {
        for (double x : grid(o.lo(), o.hi(), 201)) {
            double ref = o.logPdf().applyAsDouble(x);
            double got = o.d().logDensity(x);
            assertEquals(ref, got, 1e-14 * Math.max(1, Math.abs(ref)), "x=" + x);
            assertEquals(Math.exp(got), o.d().density(x), 0.0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oracles")
    void cdfMatchesHipparchusInTheBulk(Oracle o) {
        for (double x : grid(o.lo(), o.hi(), 201)) {
            assertEquals(o.cdf().applyAsDouble(x), o.d().cdf(x), 1e-14, "x=" + x);
        }
    }

    @Test
    void normalLogDensityIsExactFarInTheTail() {
        Normal n = new Normal(0, 1);
        double expected = -800 - 0.5 * Math.log(2 * Math.PI);
        assertEquals(expected, n.logDensity(40), 1e-15 * Math.abs(expected));
        assertEquals(expected, n.logDensity(-40), 1e-15 * Math.abs(expected));
        assertEquals(0.0, n.density(40), 0.0, "the density itself underflows there");
        // σ ≠ 1, μ ≠ 0: −(x−μ)²/(2σ²) − log σ − ½log 2π at z = 300
        Normal m = new Normal(5, 0.25);
        double e2 = -45000 - Math.log(0.25) - HALF_LOG_2PI;
        assertEquals(e2, m.logDensity(5 + 75), 1e-15 * Math.abs(e2));
    }

    @Test
    void laplaceAndLogisticLogDensityAreExactAtThousand() {
        assertEquals(-1000 - Math.log(2), new Laplace(0, 1).logDensity(1000), 1e-15 * 1000);
        assertEquals(-1001 / 2.0 - Math.log(4), new Laplace(1, 2).logDensity(-1000), 1e-15 * 500);
        assertEquals(-1000, new Logistic(0, 1).logDensity(1000), 1e-15 * 1000);
        assertEquals(-1000, new Logistic(0, 1).logDensity(-1000), 1e-15 * 1000);
        double e = -998 / 0.5 - Math.log(0.5);
        assertEquals(e, new Logistic(2, 0.5).logDensity(1000), 1e-15 * Math.abs(e));
    }

    @Test
    void studentLogDensityIsFiniteAtHugeArguments() {
        StudentT t = new StudentT(3, 0, 1);
        double logC = Gamma.logGamma(2) - Gamma.logGamma(1.5) - 0.5 * Math.log(3 * Math.PI);
        // log1p(z²/3) = log(z²/3) to double precision here
        double at1e100 = logC - 2 * (200 * Math.log(10) - Math.log(3));
        assertEquals(at1e100, t.logDensity(1e100), 1e-14 * Math.abs(at1e100));
        assertEquals(at1e100, t.logDensity(-1e100), 1e-14 * Math.abs(at1e100));
        // z² overflows at 1e300: the log form takes over and stays finite
        double at1e300 = logC - 2 * (600 * Math.log(10) - Math.log(3));
        assertEquals(at1e300, t.logDensity(1e300), 1e-14 * Math.abs(at1e300));
        assertEquals(Double.NEGATIVE_INFINITY, t.logDensity(Double.POSITIVE_INFINITY));
    }

    @Test
    void studentWithLargeNuApproachesTheNormalWithoutCancellation() {
        // logΓ((ν+1)/2) − logΓ(ν/2) loses ~5 digits at ν = 1e12; log B(ν/2, ½) does not.
        StudentT t = new StudentT(1e12, 0, 1);
        Normal n = new Normal(0, 1);
        for (double x : new double[] {0, 0.5, 1, 3}) {
            assertEquals(n.logDensity(x), t.logDensity(x), 1e-10, "x=" + x);
        }
    }

    @Test
    void uniformLogDensityIsConstantInsideAndMinusInfinityOutside() {
        Uniform u = new Uniform(-1, 3);
        assertEquals(-Math.log(4), u.logDensity(-1), 0.0);
        assertEquals(-Math.log(4), u.logDensity(3), 0.0);
        assertEquals(-Math.log(4), u.logDensity(0.7), 0.0);
        assertEquals(Double.NEGATIVE_INFINITY, u.logDensity(Math.nextDown(-1.0)));
        assertEquals(Double.NEGATIVE_INFINITY, u.logDensity(Math.nextUp(3.0)));
        assertEquals(0.0, u.density(4), 0.0);
        // a width that overflows b − a is still handled
        Uniform wide = new Uniform(-Double.MAX_VALUE, Double.MAX_VALUE);
        assertEquals(-Math.log(2) - Math.log(Double.MAX_VALUE), wide.logDensity(0), 1e-13);
        assertEquals(0.5, wide.cdf(0), 1e-15);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void nanInNanOutAndInfinitiesAreHandled(Density d) {
        assertTrue(Double.isNaN(d.logDensity(Double.NaN)));
        assertTrue(Double.isNaN(d.cdf(Double.NaN)));
        assertTrue(Double.isNaN(d.survival(Double.NaN)));
        assertEquals(Double.NEGATIVE_INFINITY, d.logDensity(Double.POSITIVE_INFINITY));
        assertEquals(Double.NEGATIVE_INFINITY, d.logDensity(Double.NEGATIVE_INFINITY));
        assertEquals(0.0, d.cdf(Double.NEGATIVE_INFINITY), 0.0);
        assertEquals(1.0, d.cdf(Double.POSITIVE_INFINITY), 0.0);
        assertEquals(1.0, d.survival(Double.NEGATIVE_INFINITY), 0.0);
        assertEquals(0.0, d.survival(Double.POSITIVE_INFINITY), 0.0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void cdfPlusSurvivalIsOne(Density d) {
        for (double x : grid(-10, 10, 401)) {
            double f = d.cdf(x);
            double s = d.survival(x);
            assertTrue(f >= 0 && f <= 1 && s >= 0 && s <= 1, "x=" + x);
            assertEquals(1.0, f + s, 4e-16, "x=" + x);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void cdfIsNondecreasing(Density d) {
        double prev = 0;
        for (double x : grid(-20, 20, 2001)) {
            double f = d.cdf(x);
            assertTrue(f >= prev, "x=" + x);
            prev = f;
        }
    }

    @Test
    void survivalIsAccurateInTheRightTail() {
        assertEquals(7.6198530241605260e-24, new Normal(0, 1).survival(10),
                1e-12 * 7.6198530241605260e-24);
        assertEquals(7.6198530241605260e-24, new Normal(0, 1).cdf(-10),
                1e-12 * 7.6198530241605260e-24);
        assertEquals(7.6198530241605260e-24, new Normal(3, 2).survival(23),
                1e-12 * 7.6198530241605260e-24);
        assertEquals(0.5 * Math.exp(-50), new Laplace(0, 1).survival(50), 1e-15 * Math.exp(-50));
        assertEquals(0.5 * Math.exp(-50), new Laplace(0, 1).cdf(-50), 1e-15 * Math.exp(-50));
        assertEquals(Math.exp(-60) / (1 + Math.exp(-60)), new Logistic(0, 1).survival(60),
                1e-15 * Math.exp(-60));
        // Cauchy: S(t) = atan(1/t)/π
        double s = Math.atan(1e-10) / Math.PI;
        assertEquals(s, new StudentT(1, 0, 1).survival(1e10), 1e-12 * s);
        // beyond |t| = 1e100 the asymptotic branch: S(t) = 1/(πt) to double precision
        double far = 1 / (Math.PI * 1e120);
        assertEquals(far, new StudentT(1, 0, 1).survival(1e120), 1e-13 * far);
        assertEquals(far, new StudentT(1, 0, 1).cdf(-1e120), 1e-13 * far);
        // ν = 3: S(t) = (atan(a) − a/(1 + a²))/π with a = √3/t, whose series
        // (2/3)a³ − (4/5)a⁵ + (6/7)a⁷ − … avoids the cancellation of the closed form
        double a = Math.sqrt(3) / 1e5;
        double s3 = (2.0 / 3 * Math.pow(a, 3) - 4.0 / 5 * Math.pow(a, 5)
                + 6.0 / 7 * Math.pow(a, 7)) / Math.PI;
        assertEquals(s3, new StudentT(3, 0, 1).survival(1e5), 1e-13 * s3);
        assertEquals(s3, new StudentT(3, 0, 1).cdf(-1e5), 1e-13 * s3);
    }

    @Test
    void studentCdfKeepsDigitsNearTheMedian() {
        // F(t) − ½ ≈ f(0)·t for tiny t; f(0) = 2/(π√3) for ν = 3. The naive
        // 1 − ½·I_{ν/(ν+t²)} formula returns exactly ½ here.
        StudentT t = new StudentT(3, 0, 1);
        double f0 = 2 / (Math.PI * Math.sqrt(3));
        assertEquals(0.5 + f0 * 1e-10, t.cdf(1e-10), Math.ulp(0.5));
        assertEquals(0.5 - f0 * 1e-10, t.cdf(-1e-10), Math.ulp(0.5));
        assertEquals(0.5 - f0 * 1e-10, t.survival(1e-10), Math.ulp(0.5));
        // and against the ν = 3 closed form in the bulk
        for (double x : grid(-5, 5, 101)) {
            double closed = 0.5 + (x / (Math.sqrt(3) * (1 + x * x / 3))
                    + Math.atan(x / Math.sqrt(3))) / Math.PI;
            assertEquals(closed, t.cdf(x), 1e-15, "x=" + x);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void quantileInvertsCdf(Density d) {
        for (double x : grid(-6, 6, 241)) {
            double pdf = d.density(x);
            if (pdf == 0 || d.density(x - 1e-6) == 0) {
                continue; // outside the support or at its left end, where F is flat
            }
            double p = d.cdf(x);
            if (p == 0 || p == 1) {
                continue;
            }
            // conditioning of the inverse: an error of one ulp in p moves x by ulp(p)/pdf
            double tol = 4 * Math.ulp(p) / pdf + 1e-14 * (1 + Math.abs(x));
            assertEquals(x, d.quantile(p), tol, "x=" + x + " p=" + p);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void quantileIsAccurateInBothTails(Density d) {
        for (double p : new double[] {1e-300, 1e-100, 1e-20, 1e-15, 1e-12, 1e-8, 1e-3}) {
            double lower = d.quantile(p);
            if (lower == Double.NEGATIVE_INFINITY) {
                // allowed only when the quantile lies beyond the double range
                assertTrue(d.cdf(-Double.MAX_VALUE) > p, "lower p=" + p);
            } else if (d.supportLower() == Double.NEGATIVE_INFINITY) {
                assertEquals(p, d.cdf(lower), 1e-12 * p, "lower p=" + p);
            }
            double upper = d.quantile(1 - p);
            if (1 - p == 1) {
                assertEquals(d.supportUpper(), upper, 0.0, "1 − p rounds to 1");
            } else if (upper == Double.POSITIVE_INFINITY) {
                assertTrue(d.survival(Double.MAX_VALUE) > 1 - (1 - p), "upper p=" + p);
            } else if (d.supportUpper() == Double.POSITIVE_INFINITY) {
                // 1 − (1 − p) is exact only up to the rounding of 1 − p
                double q = 1 - (1 - p);
                assertEquals(q, d.survival(upper), 1e-12 * q, "upper p=" + p);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void quantileEndsAndBadProbabilities(Density d) {
        assertEquals(d.supportLower(), d.quantile(0), 0.0);
        assertEquals(d.supportUpper(), d.quantile(1), 0.0);
        for (double bad : new double[] {-0.1, 1.5, Double.NaN}) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> d.quantile(bad));
            assertTrue(e.getMessage().contains("prob must be in [0, 1]"), e.getMessage());
        }
    }

    @Test
    void quantileKnownValues() {
        Normal n = new Normal(0, 1);
        assertEquals(1.959963984540054, n.quantile(0.975), 1e-15 * 2);
        assertEquals(-1.959963984540054, n.quantile(0.025), 1e-15 * 2);
        assertEquals(-3.090232306167813, n.quantile(0.001), 1e-15 * 3);
        assertEquals(0.0, n.quantile(0.5), 0.0);
        assertEquals(10 + 2 * 1.959963984540054, new Normal(10, 2).quantile(0.975), 1e-14);
        assertEquals(Math.log(0.5), new Laplace(0, 1).quantile(0.25), 1e-16);
        assertEquals(-Math.log(0.5), new Laplace(0, 1).quantile(0.75), 1e-16);
        assertEquals(Math.log(1.0 / 3), new Logistic(0, 1).quantile(0.25), 1e-15);
        assertEquals(2 + 3 * Math.log(3), new Logistic(2, 3).quantile(0.75), 1e-14);
        assertEquals(1.0, new StudentT(1, 0, 1).quantile(0.75), 1e-15);
        assertEquals(-1.0, new StudentT(1, 0, 1).quantile(0.25), 1e-15);
        assertEquals(0.95 / Math.sqrt(0.04875), new StudentT(2, 0, 1).quantile(0.975), 1e-14);
        assertEquals(2.5, new Uniform(2, 4).quantile(0.25), 0.0);
        // ν = 3 against its closed-form CDF
        StudentT t3 = new StudentT(3, 1, 2);
        double q = t3.quantile(0.975);
        double z = (q - 1) / 2;
        double closed = 0.5 + (z / (Math.sqrt(3) * (1 + z * z / 3))
                + Math.atan(z / Math.sqrt(3))) / Math.PI;
        assertEquals(0.975, closed, 1e-15);
        assertEquals(3.182446305284263, z, 1e-12);
    }

    @Test
    void supportBreakpointsAndScale() {
        assertEquals(Double.NEGATIVE_INFINITY, new Normal(0, 1).supportLower());
        assertEquals(Double.POSITIVE_INFINITY, new Laplace(0, 1).supportUpper());
        assertEquals(-1, new Uniform(-1, 2).supportLower());
        assertEquals(2, new Uniform(-1, 2).supportUpper());
        assertArrayEquals(new double[] {0.5}, new Normal(0.5, 2).breakpoints());
        assertArrayEquals(new double[] {-1, 2}, new Uniform(-1, 2).breakpoints());
        assertArrayEquals(new double[] {3}, new StudentT(2, 3, 1).breakpoints());
        assertEquals(2, new Normal(0.5, 2).scale());
        assertEquals(3, new Uniform(-1, 2).scale());
        assertEquals(0.7, new Laplace(0, 0.7).scale());
        assertEquals(0.6, new Logistic(0, 0.6).scale());
        assertEquals(1.5, new StudentT(3, 0, 1.5).scale());
        double[] b = new Normal(0.5, 2).breakpoints();
        b[0] = 99;
        assertArrayEquals(new double[] {0.5}, new Normal(0.5, 2).breakpoints());
    }

    @Test
    void equalityHashAndAccessorsBehaveLikeRecords() {
        assertEquals(new Normal(1, 2), new Normal(1, 2));
        assertEquals(new Normal(1, 2).hashCode(), new Normal(1, 2).hashCode());
        assertNotEquals(new Normal(1, 2), new Normal(1, 3));
        assertNotEquals(new Laplace(1, 2), new Logistic(1, 2));
        assertEquals(new StudentT(3, 1, 2), new StudentT(3, 1, 2));
        assertNotEquals(new StudentT(3, 1, 2), new StudentT(4, 1, 2));
        assertEquals(new Uniform(0, 1), new Uniform(0, 1));
        StudentT t = new StudentT(3, 1, 2);
        assertEquals(3, t.nu());
        assertEquals(1, t.mu());
        assertEquals(2, t.sigma());
        assertEquals(0.5, new Uniform(0.5, 1).a());
        assertEquals(0.7, new Logistic(0, 0.7).s());
        assertEquals(0.7, new Laplace(0, 0.7).b());
        assertEquals("normal(1,2)", new Normal(1, 2).toString());
    }

    static Stream<Arguments> badConstructors() {
        return Stream.of(
                Arguments.of((Runnable) () -> new Normal(0, -1),
                        "sigma must be positive and finite, got -1"),
                Arguments.of((Runnable) () -> new Normal(0, 0),
                        "sigma must be positive and finite, got 0"),
                Arguments.of((Runnable) () -> new Normal(Double.NaN, 1),
                        "mu must be finite, got NaN"),
                Arguments.of((Runnable) () -> new Normal(0, Double.POSITIVE_INFINITY),
                        "sigma must be positive and finite, got Infinity"),
                Arguments.of((Runnable) () -> new Uniform(2, 1),
                        "uniform(a,b) needs a < b, got a=2, b=1"),
                Arguments.of((Runnable) () -> new Uniform(1, 1),
                        "uniform(a,b) needs a < b, got a=1, b=1"),
                Arguments.of((Runnable) () -> new Uniform(Double.NEGATIVE_INFINITY, 1),
                        "a must be finite, got -Infinity"),
                Arguments.of((Runnable) () -> new Laplace(0, 0),
                        "b must be positive and finite, got 0"),
                Arguments.of((Runnable) () -> new Logistic(0, -2.5),
                        "s must be positive and finite, got -2.5"),
                Arguments.of((Runnable) () -> new Logistic(Double.POSITIVE_INFINITY, 1),
                        "mu must be finite, got Infinity"),
                Arguments.of((Runnable) () -> new StudentT(0, 0, 1),
                        "nu must be positive and finite, got 0"),
                Arguments.of((Runnable) () -> new StudentT(Double.NaN, 0, 1),
                        "nu must be positive and finite, got NaN"),
                Arguments.of((Runnable) () -> new StudentT(3, 0, -1e-5),
                        "sigma must be positive and finite, got -1e-5"));
    }

    @ParameterizedTest
    @MethodSource("badConstructors")
    void constructorsRejectBadParametersNamingThem(Runnable r, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void tailRejectsBadSides(Density d) {
        for (int side : List.of(0, 2, -2)) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> d.tail(side));
            assertEquals("side must be -1 or +1, got " + side, e.getMessage());
        }
    }
}
