package org.fganlab.density;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The spec grammar of docs/architecture.md: good inputs, round trips, and one test per bad input. */
class DensitySpecTest {

    private static Mixture mix(double[] w, Density... c) {
        return new Mixture(w, c);
    }

    static Stream<Arguments> goodSpecs() {
        return Stream.of(
                Arguments.of("normal(0,1)", new Normal(0, 1)),
                Arguments.of("gaussian(1.5, 2)", new Normal(1.5, 2)),
                Arguments.of("NORMAL(-1e-3, 2.5E+1)", new Normal(-0.001, 25)),
                Arguments.of("  uniform ( -1 , 2 )  ", new Uniform(-1, 2)),
                Arguments.of("\tUniform(0,1)\n", new Uniform(0, 1)),
                Arguments.of("laplace(0,.5)", new Laplace(0, 0.5)),
                Arguments.of("Logistic(+3,4.)", new Logistic(3, 4)),
                Arguments.of("student(3, 0, 1)", new StudentT(3, 0, 1)),
                Arguments.of("StUdEnT(0.5e1,-2,3e-2)", new StudentT(5, -2, 0.03)),
                Arguments.of("1*normal(0,1)", mix(new double[] {1}, new Normal(0, 1))),
                Arguments.of("0.5*normal(-2,0.5) + 0.5*normal(2,0.5)",
                        mix(new double[] {0.5, 0.5}, new Normal(-2, 0.5), new Normal(2, 0.5))),
                Arguments.of("0.2*normal(0,1)+0.3*laplace(1,2) + 0.5 * student(4,0,1)",
                        mix(new double[] {0.2, 0.3, 0.5}, new Normal(0, 1), new Laplace(1, 2),
                                new StudentT(4, 0, 1))),
                Arguments.of("0.25 * Gaussian( 0 , 1 ) + 0.25*uniform(-1,1)+0.5*logistic(0,1)",
                        mix(new double[] {0.25, 0.25, 0.5}, new Normal(0, 1), new Uniform(-1, 1),
                                new Logistic(0, 1))),
                // within the 1e-9 tolerance: weights are kept as written
                Arguments.of("0.333333333333*normal(0,1) + 0.333333333333*normal(1,1)"
                                + " + 0.333333333333*normal(2,1)",
                        mix(new double[] {0.333333333333, 0.333333333333, 0.333333333333},
                                new Normal(0, 1), new Normal(1, 1), new Normal(2, 1))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goodSpecs")
    void parsesGoodSpecs(String spec, Density expected) {
        assertEquals(expected, DensitySpec.parse(spec));
    }

    @Test
    void singleUnweightedTermIsTheDensityItself() {
        assertInstanceOf(Normal.class, DensitySpec.parse("normal(0,1)"));
        assertInstanceOf(Mixture.class, DensitySpec.parse("1*normal(0,1)"));
    }

    @Test
    void canonicalSpecStrings() {
        assertEquals("normal(0,1)", new Normal(0, 1).spec());
        assertEquals("normal(-2,0.5)", new Normal(-2, 0.5).spec());
        assertEquals("uniform(-1,2.5)", new Uniform(-1, 2.5).spec());
        assertEquals("laplace(0.1,3)", new Laplace(0.1, 3).spec());
        assertEquals("logistic(0,1e-5)", new Logistic(0, 1e-5).spec());
        assertEquals("student(3,0,1)", new StudentT(3, 0, 1).spec());
        assertEquals("0.5*normal(-2,0.5) + 0.5*normal(2,0.5)",
                mix(new double[] {0.5, 0.5}, new Normal(-2, 0.5), new Normal(2, 0.5)).spec());
    }

    @Test
    void numbersPrintInShortestRoundTripForm() {
        assertEquals("0", Numbers.format(0.0));
        assertEquals("-0", Numbers.format(-0.0));
        assertEquals("1", Numbers.format(1.0));
        assertEquals("-2", Numbers.format(-2.0));
        assertEquals("0.1", Numbers.format(0.1));
        assertEquals("0.30000000000000004", Numbers.format(0.1 + 0.2));
        assertEquals("0.0001", Numbers.format(1e-4));
        assertEquals("1e-5", Numbers.format(1e-5));
        assertEquals("123456.789", Numbers.format(123456.789));
        assertEquals("1000000000000000", Numbers.format(1e15));
        assertEquals("1e16", Numbers.format(1e16));
        assertEquals("-2.5e-300", Numbers.format(-2.5e-300));
        assertEquals("1.7976931348623157e308", Numbers.format(Double.MAX_VALUE));
        assertEquals("5e-324", Numbers.format(Double.MIN_VALUE));
        // JDK 17's Double.toString prints 2.82879384806159008E17 here (JDK-4511638)
        assertEquals("2.82879384806159e17", Numbers.format(2.82879384806159E17));
        assertEquals("NaN", Numbers.format(Double.NaN));
        assertEquals("-Infinity", Numbers.format(Double.NEGATIVE_INFINITY));
    }

    static Stream<Density> roundTrips() {
        return Stream.of(
                new Normal(0, 1), new Normal(0.1, 1.0 / 3), new Normal(-0.0, Double.MIN_VALUE),
                new Normal(Double.MAX_VALUE, Double.MAX_VALUE), new Normal(Math.PI, Math.E),
                new Uniform(-1e-300, 2e23), new Laplace(1e16, 1e-5),
                new Logistic(123456.789, 0.30000000000000004), new StudentT(1e12, -7, 0.25),
                mix(new double[] {1}, new Normal(0, 1)),
                mix(new double[] {0.1, 0.2, 0.7}, new Normal(0, 1), new Uniform(0, 1),
                        new StudentT(2.5, 1, 3)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("roundTrips")
    void specRoundTrips(Density d) {
        assertEquals(d, DensitySpec.parse(d.spec()), d.spec());
    }

    @Test
    void specRoundTripsForRandomBitPatterns() {
        Well19937c rng = new Well19937c(20240611L);
        int checked = 0;
        while (checked < 500) {
            double mu = Double.longBitsToDouble(rng.nextLong());
            double sigma = Math.abs(Double.longBitsToDouble(rng.nextLong()));
            if (Double.isFinite(mu) && Double.isFinite(sigma) && sigma > 0) {
                Density d = new Normal(mu, sigma);
                assertEquals(d, DensitySpec.parse(d.spec()), d.spec());
                Density l = new Laplace(rng.nextGaussian() * 1e3, rng.nextDouble() + 1e-3);
                assertEquals(l, DensitySpec.parse(l.spec()), l.spec());
                checked++;
            }
        }
    }

    // ---- bad inputs: one test each, asserting type, position and the named token ----

    private static SpecException assertBad(String spec, int position, String... fragments) {
        SpecException e = assertThrows(SpecException.class, () -> DensitySpec.parse(spec));
        assertInstanceOf(IllegalArgumentException.class, e);
        assertEquals(position, e.position(), e.getMessage());
        assertTrue(e.getMessage().startsWith("bad density spec at position " + position + ": "),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "'" + f + "' not in: " + e.getMessage());
        }
        return e;
    }

    @Test
    void unknownFamily() {
        SpecException e = assertBad("nromal(0,1)", 0, "unknown density 'nromal'");
        assertEquals("bad density spec at position 0: unknown density 'nromal' (expected normal,"
                + " gaussian, uniform, laplace, logistic, student)", e.getMessage());
        assertBad("0.5*normal(0,1) + 0.5*cauchy(0,1)", 22, "'cauchy'");
    }

    @Test
    void malformedNumberTokenWithItsPosition() {
        assertBad("normal(0,1.2.3)", 9, "malformed number '1.2.3'", "sigma");
        assertBad("normal(0,1e)", 9, "malformed number '1e'");
        assertBad("normal(- 1, 1)", 7, "malformed number '-'", "mu");
        assertBad("normal(0x10,1)", 7, "malformed number '0x10'");
        assertBad("0.5normal(0,1)", 0, "malformed number '0.5normal'");
    }

    @Test
    void nonPositiveScale() {
        SpecException e = assertBad("normal(0, -1)", 10, "sigma", "'-1'");
        assertEquals("bad density spec at position 10: sigma must be positive and finite,"
                + " got '-1'", e.getMessage());
        assertBad("normal(0,0)", 9, "sigma must be positive and finite, got '0'");
        assertBad("laplace(1, 0.0)", 11, "b must be positive and finite, got '0.0'");
        assertBad("logistic(1,-2e-3)", 11, "s must be positive and finite, got '-2e-3'");
        assertBad("student(0,0,1)", 8, "nu must be positive and finite, got '0'");
        assertBad("student(3,0,-1)", 12, "sigma must be positive and finite, got '-1'");
        assertBad("normal(0,1e-999)", 9, "sigma must be positive and finite, got '1e-999'");
    }

    @Test
    void weightsNotSummingToOne() {
        SpecException e = assertBad("0.5*normal(0,1) + 0.4*normal(1,1)", 0, "0.5 + 0.4");
        assertEquals("bad density spec at position 0: mixture weights 0.5 + 0.4 sum to 0.9,"
                + " expected 1 within 1e-9", e.getMessage());
        assertBad("  0.5*normal(0,1) + 0.5000001*normal(1,1)", 2, "sum to 1.0000000999999998");
    }

    @Test
    void nonPositiveWeight() {
        assertBad("-0.5*normal(0,1) + 1.5*normal(0,1)", 0,
                "mixture weight must be positive and finite, got '-0.5'");
        assertBad("1*normal(0,1) + 0*normal(1,1)", 16,
                "mixture weight must be positive and finite, got '0'");
    }

    @Test
    void nanAndInfiniteParameters() {
        assertBad("normal(NaN,1)", 7, "mu must be finite, got 'NaN'");
        assertBad("normal(0,Infinity)", 9, "sigma must be positive and finite, got 'Infinity'");
        assertBad("normal(0, -inf)", 10, "sigma must be positive and finite, got '-inf'");
        assertBad("normal(1e999,1)", 7, "mu must be finite, got '1e999'");
        assertBad("uniform(-1e400,1)", 8, "a must be finite, got '-1e400'");
        assertBad("nan*normal(0,1)", 0, "mixture weight must be positive and finite, got 'nan'");
    }

    @Test
    void uniformNeedsALessThanB() {
        SpecException e = assertBad("uniform(2,1)", 8, "a=2, b=1");
        assertEquals("bad density spec at position 8: uniform(a,b) needs a < b, got a=2, b=1",
                e.getMessage());
        assertBad("uniform( 1.0 , 1 )", 9, "a=1.0, b=1");
    }

    @Test
    void wrongArity() {
        assertBad("normal(0)", 8, "normal(mu,sigma) takes 2 parameters, got 1 before ')'");
        assertBad("normal()", 7, "normal(mu,sigma) takes 2 parameters, got 0 before ')'");
        assertBad("normal(0,1,2)", 11, "normal(mu,sigma) takes 2 parameters, got an extra '2'");
        assertBad("student(1,2)", 11, "student(nu,mu,sigma) takes 3 parameters, got 2");
        assertBad("gaussian(0,1,)", 12, "takes 2 parameters, got an extra ','");
        assertBad("normal(0,1,", 10, "takes 2 parameters, got an extra ','");
    }

    @Test
    void missingParenthesis() {
        assertBad("normal 0,1)", 7, "expected '(' after 'normal', got '0'");
        assertBad("normal", 6, "expected '(' after 'normal', got end of input");
        assertBad("normal(0,1", 10, "expected ')' after sigma", "got end of input");
        assertBad("normal(0 1)", 9, "expected ',' after mu", "got '1'");
    }

    @Test
    void trailingGarbage() {
        assertBad("normal(0,1) x", 12, "unexpected 'x'", "expected '+' or end of input");
        assertBad("normal(0,1))", 11, "unexpected ')'");
        assertBad("normal(0,1) +", 13, "after '+' at position 12, got end of input");
        assertBad("0.5*normal(0,1) + 0.5*normal(0,1) ; ", 34, "unexpected ';'");
    }

    @Test
    void emptyInput() {
        assertBad("", 0, "empty density spec");
        assertBad("   ", 3, "empty density spec");
        assertBad(null, 0, "density spec is null");
    }

    @Test
    void mixtureTermWithoutWeight() {
        assertBad("normal(0,1) + 0.5*normal(1,1)", 0, "mixture component 'normal' needs a weight");
        assertBad("0.5*normal(0,1) + gaussian(1,1)", 18, "'gaussian' needs a weight");
    }

    @Test
    void weightWithoutStarOrName() {
        assertBad("0.5 normal(0,1)", 4, "expected '*' after weight '0.5', got 'normal'");
        assertBad("0.5*(0,1)", 4, "expected a density name", "got '('");
        assertBad("0.5*", 4, "expected a density name", "got end of input");
        assertBad("(normal(0,1))", 0, "expected a density name", "got '('");
    }
}
