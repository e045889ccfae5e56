package org.fganlab.density;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** tail(side): coefficients in closed form, and log p − asymptote → 0 as r grows. */
class LogTailTest {

    private static final double LOG_2PI_HALF = 0.5 * Math.log(2 * Math.PI);

    private static Mixture mix(double[] w, Density... c) {
        return new Mixture(w, c);
    }

    private static double asymptote(LogTail t, double r) {
        return t.r2() * r * r + t.r1() * r + t.logR() * Math.log(r) + t.r0();
    }

    /**
     * Densities with the bound C of the remainder: |log p − asymptote| ≤ C/r + rounding. C = 0
     * where the asymptote is exact for large r (normal, laplace, logistic up to e^{−r}).
     */
    static Stream<Arguments> unbounded() {
        return Stream.of(
                Arguments.of(new Normal(0, 1), 0.0),
                Arguments.of(new Normal(1.5, 2), 0.0),
                Arguments.of(new Laplace(-3, 0.5), 0.0),
                Arguments.of(new Logistic(2, 1.5), 0.0),
                Arguments.of(new StudentT(3, 0, 1), studentBound(3, 0, 1)),
                Arguments.of(new StudentT(1, 2, 0.5), studentBound(1, 2, 0.5)),
                Arguments.of(new StudentT(7.5, -4, 3), studentBound(7.5, -4, 3)),
                // heavier component wins, lighter ones vanish like exp(−r)
                Arguments.of(mix(new double[] {0.9, 0.1},
                        new Normal(0, 1), new Laplace(0, 2)), 0.0),
                Arguments.of(mix(new double[] {0.5, 0.5},
                        new Normal(0, 1), new Normal(0, 3)), 0.0),
                Arguments.of(mix(new double[] {0.5, 0.5},
                        new Normal(-1, 1), new Normal(1, 1)), 0.0),
                Arguments.of(mix(new double[] {0.7, 0.3},
                        new Normal(0, 1), new Uniform(-5, 5)), 0.0),
                // tied on (r2, r1, logR): r0 sums the tied terms
                Arguments.of(mix(new double[] {0.3, 0.7},
                        new Laplace(0, 1), new Laplace(2, 1)), 0.0),
                Arguments.of(mix(new double[] {0.5, 0.5},
                        new Laplace(0, 1), new Logistic(1, 1)), 0.0),
                Arguments.of(mix(new double[] {0.25, 0.75},
                        new Normal(1, 2), new Normal(1, 2)), 0.0),
                Arguments.of(mix(new double[] {0.4, 0.6}, new StudentT(3, 0, 1),
                        new StudentT(3, 1, 2)), studentBound(3, 1, 2)),
                Arguments.of(mix(new double[] {0.5, 0.2, 0.3}, new Normal(0, 1),
                        new StudentT(2, -1, 1), new StudentT(4, 0, 1)), studentBound(2, -1, 1)));
    }

    /** |remainder| ≲ (ν+1)|μ|/r + (ν+1)νσ²/(2r²) + …; a safe C for r ≥ 1e3. */
    private static double studentBound(double nu, double mu, double sigma) {
        return 2 * (nu + 1) * (Math.abs(mu) + nu * sigma * sigma + 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unbounded")
    void logDensityApproachesItsAsymptote(Density d, double c) {
        for (int side : new int[] {-1, 1}) {
            LogTail t = d.tail(side);
            assertNotNull(t);
            double previous = Double.POSITIVE_INFINITY;
            for (double r : new double[] {1e3, 1e4}) {
                double lp = d.logDensity(side * r);
                double a = asymptote(t, r);
                double rounding = 1e-14 * (Math.abs(t.r2()) * r * r + Math.abs(t.r1()) * r
                        + Math.abs(t.logR() * Math.log(r)) + Math.abs(t.r0()) + 1);
                double diff = Math.abs(lp - a);
                assertTrue(diff <= c / r + rounding,
                        "side " + side + " r=" + r + ": log p=" + lp + " asymptote=" + a);
                if (c > 0) {
                    assertTrue(diff < previous, "remainder must shrink");
                }
                previous = diff;
            }
        }
    }

    @Test
    void closedFormCoefficients() {
        double log2 = Math.log(2);
        // normal(1, 2) on the right: −r²/8 + r/4 − 1/8 − log(2√(2π))
        assertEquals(new LogTail(-0.125, 0.25, 0, -0.125 - log2 - LOG_2PI_HALF),
                new Normal(1, 2).tail(1));
        assertEquals(new LogTail(-0.125, -0.25, 0, -0.125 - log2 - LOG_2PI_HALF),
                new Normal(1, 2).tail(-1));
        // laplace(1, 2) on the left: −r/2 − 1/2 − log 4
        LogTail l = new Laplace(1, 2).tail(-1);
        assertEquals(0, l.r2());
        assertEquals(-0.5, l.r1());
        assertEquals(0, l.logR());
        assertEquals(-0.5 - Math.log(4), l.r0(), 1e-15);
        // logistic(1, 2) on the right: −r/2 + 1/2 − log 2
        LogTail g = new Logistic(1, 2).tail(1);
        assertEquals(-0.5, g.r1());
        assertEquals(0.5 - log2, g.r0(), 1e-15);
        // student(3, 0, 1): p ~ (18/(π√3))·r^{−4}
        LogTail s = new StudentT(3, 0, 1).tail(1);
        assertEquals(0, s.r2());
        assertEquals(0, s.r1());
        assertEquals(-4, s.logR());
        assertEquals(Math.log(18 / (Math.PI * Math.sqrt(3))), s.r0(), 1e-14);
        // Cauchy(μ, σ): p ~ σ/(π r²), the same on both sides
        LogTail cauchy = new StudentT(1, 5, 3).tail(-1);
        assertEquals(-2, cauchy.logR());
        assertEquals(Math.log(3 / Math.PI), cauchy.r0(), 1e-14);
    }

    @Test
    void boundedSidesHaveNoTail() {
        assertNull(new Uniform(0, 1).tail(1));
        assertNull(new Uniform(0, 1).tail(-1));
        Mixture twoUniforms = mix(new double[] {0.5, 0.5}, new Uniform(0, 1), new Uniform(2, 3));
        assertNull(twoUniforms.tail(1));
        assertNull(twoUniforms.tail(-1));
    }

    @Test
    void mixtureTakesTheHeaviestTailAndIgnoresBoundedComponents() {
        Normal n = new Normal(0, 3);
        Mixture m = mix(new double[] {0.5, 0.2, 0.3}, new Normal(0, 1), n, new Uniform(-9, 9));
        LogTail expected = n.tail(1);
        LogTail t = m.tail(1);
        assertEquals(expected.r2(), t.r2());
        assertEquals(expected.r1(), t.r1());
        assertEquals(expected.logR(), t.logR());
        assertEquals(expected.r0() + Math.log(0.2), t.r0(), 1e-15);
        // a shifted normal: on the right N(1,1) (r1 = +1) beats N(−1,1) (r1 = −1), and
        // vice versa on the left
        Mixture shifted = mix(new double[] {0.4, 0.6}, new Normal(-1, 1), new Normal(1, 1));
        assertEquals(1.0, shifted.tail(1).r1());
        assertEquals(new Normal(1, 1).tail(1).r0() + Math.log(0.6), shifted.tail(1).r0(), 1e-15);
        assertEquals(1.0, shifted.tail(-1).r1());
        assertEquals(new Normal(-1, 1).tail(-1).r0() + Math.log(0.4), shifted.tail(-1).r0(),
                1e-15);
        // student beats everything exponential; the smaller ν is heavier
        Mixture heavy = mix(new double[] {0.8, 0.1, 0.1}, new Laplace(0, 100),
                new StudentT(5, 0, 1), new StudentT(2, 0, 1));
        assertEquals(-3, heavy.tail(1).logR());
        assertEquals(new StudentT(2, 0, 1).tail(1).r0() + Math.log(0.1), heavy.tail(1).r0(),
                1e-14);
    }

    @Test
    void tiedComponentsAddTheirConstants() {
        Mixture m = mix(new double[] {0.3, 0.7}, new Laplace(0, 1), new Laplace(2, 1));
        assertEquals(Math.log(0.3 * 0.5 + 0.7 * 0.5 * Math.exp(2)), m.tail(1).r0(), 1e-15);
        assertEquals(Math.log(0.3 * 0.5 + 0.7 * 0.5 * Math.exp(-2)), m.tail(-1).r0(), 1e-15);
        Mixture t = mix(new double[] {0.4, 0.6}, new StudentT(3, 0, 1), new StudentT(3, 1, 2));
        double c1 = Math.exp(new StudentT(3, 0, 1).tail(1).r0());
        double c2 = Math.exp(new StudentT(3, 1, 2).tail(1).r0());
        assertEquals(Math.log(0.4 * c1 + 0.6 * c2), t.tail(1).r0(), 1e-14);
        assertEquals(c2 / c1, 8.0, 1e-13, "C scales like σ^ν");
    }

    @Test
    void tailOfANormalWithSmallSigmaGivesTheRightGrowthOrder() {
        // the Pearson χ² example of LogTail's Javadoc: p²/q for p = N(0,1.3²), q = N(0,0.8²)
        // has r2 = 2·(−1/(2·1.69)) + 1/(2·0.64) > 0, hence an infinite integral
        LogTail p = new Normal(0, 1.3).tail(1);
        LogTail q = new Normal(0, 0.8).tail(1);
        assertTrue(p.combine(2, q, -1).r2() > 0);
        assertTrue(p.compareGrowth(q) > 0);
    }
}
