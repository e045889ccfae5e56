package org.fganlab.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.fganlab.density.Normal;
import org.fganlab.divergence.Divergences;
import org.fganlab.quadrature.QuadratureResult;
import org.hipparchus.special.Erf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Issue 2: relative error ≤ 1e-12 against the Gaussian closed forms of docs/math.md. */
class ExactDivergenceGaussianTest {

    private static final ExactDivergence EXACT = ExactDivergence.standard();

    static Stream<Arguments> pairs() {
        return Stream.of(
                Arguments.of(0.0, 1.0, 1.0, 1.5),
                Arguments.of(0.0, 1.0, 0.1, 1.0),
                Arguments.of(0.0, 1.0, 3.0, 1.0),
                Arguments.of(-2.0, 0.5, 2.0, 0.7),
                Arguments.of(0.0, 1.0, 0.0, 0.8),
                Arguments.of(0.0, 0.8, 0.0, 1.0),
                Arguments.of(1.0, 2.0, -1.0, 1.9),
                Arguments.of(0.0, 0.1, 0.5, 0.12),
                Arguments.of(5.0, 3.0, 4.0, 4.0),
                Arguments.of(0.0, 1.0, 0.0, 0.1),
                Arguments.of(0.0, 1.0, 1e-3, 1.0));
    }

    private static void assertRelative(double expected, QuadratureResult r, double rel, String what) {
        double err = Math.abs(r.value() - expected);
        assertTrue(err <= rel * Math.abs(expected),
                what + ": got " + r.value() + ", closed form " + expected + ", rel error "
                        + err / Math.abs(expected));
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void klMatchesClosedForm(double m1, double s1, double m2, double s2) {
        QuadratureResult r = EXACT.divergence(Divergences.byName("kl"), new Normal(m1, s1), new Normal(m2, s2));
        assertRelative(GaussianClosedForms.kl(m1, s1, m2, s2), r, 1e-12, "kl");
        QuadratureResult rev = EXACT.divergence(Divergences.byName("reverse-kl"), new Normal(m1, s1), new Normal(m2, s2));
        assertRelative(GaussianClosedForms.kl(m2, s2, m1, s1), rev, 1e-12, "reverse-kl");
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void squaredHellingerMatchesClosedForm(double m1, double s1, double m2, double s2) {
        QuadratureResult r = EXACT.divergence(Divergences.byName("hellinger"), new Normal(m1, s1), new Normal(m2, s2));
        assertRelative(GaussianClosedForms.squaredHellinger(m1, s1, m2, s2), r, 1e-12, "hellinger");
    }

    /** The closed form is +∞ exactly when the quadrature says so; otherwise relative error ≤ rel. */
    private static void assertClosedFormOrInfinite(double expected, QuadratureResult r, double rel, String what) {
        if (Double.isInfinite(expected)) {
            assertEquals(Double.POSITIVE_INFINITY, r.value(), what + " must be +inf");
        } else {
            assertRelative(expected, r, rel, what);
        }
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void pearsonAndNeymanMatchClosedFormOrAreInfinite(double m1, double s1, double m2, double s2) {
        Normal p = new Normal(m1, s1);
        Normal q = new Normal(m2, s2);
        assertClosedFormOrInfinite(GaussianClosedForms.pearson(m1, s1, m2, s2),
                EXACT.divergence(Divergences.byName("pearson"), p, q), 1e-12, "pearson");
        assertClosedFormOrInfinite(GaussianClosedForms.neyman(m1, s1, m2, s2),
                EXACT.divergence(Divergences.byName("neyman"), p, q), 1e-12, "neyman");
    }

    /** α = 2 is ½ Pearson χ² and α = ½ twice the squared Hellinger (Amari α identities). */
    @ParameterizedTest
    @MethodSource("pairs")
    void alphaTwoIsHalfPearsonAndAlphaHalfIsTwiceHellinger(double m1, double s1, double m2, double s2) {
        Normal p = new Normal(m1, s1);
        Normal q = new Normal(m2, s2);
        assertClosedFormOrInfinite(GaussianClosedForms.pearson(m1, s1, m2, s2) / 2,
                EXACT.divergence(Divergences.byName("alpha:2"), p, q), 1e-11, "alpha:2");
        QuadratureResult a05 = EXACT.divergence(Divergences.byName("alpha:0.5"), p, q);
        assertRelative(2 * GaussianClosedForms.squaredHellinger(m1, s1, m2, s2), a05, 1e-11, "alpha:0.5");
    }

    /** TV between equal-variance normals: erf(|Δμ|/(2√2 σ)). */
    @ParameterizedTest
    @MethodSource("pairs")
    void totalVariationForEqualVariances(double m1, double s1, double m2, double s2) {
        QuadratureResult r = EXACT.divergence(Divergences.byName("tv"), new Normal(m1, s1), new Normal(m2, s1));
        double expected = Erf.erf(Math.abs(m1 - m2) / (2 * Math.sqrt(2) * s1));
        assertRelative(expected, r, 1e-12, "tv");
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void wassersteinOfLocationAndScaleFamilies(double m1, double s1, double m2, double s2) {
        QuadratureResult shift = EXACT.wasserstein1(new Normal(m1, s1), new Normal(m2, s1));
        assertRelative(Math.abs(m1 - m2), shift, 1e-12, "w1 shift");
        QuadratureResult scale = EXACT.wasserstein1(new Normal(m1, s1), new Normal(m1, s2));
        assertRelative(Math.abs(s1 - s2) * Math.sqrt(2 / Math.PI), scale, 1e-12, "w1 scale");
    }

    /**
     * The error estimate must cover the actual error (an honest estimate). It bounds the
     * quadrature error, not the rounding of the integrand's input log p − log q, which dominates
     * for nearly equal densities (KL = 5e-7 at a shift of 1e-3: relative 1.6e-13); those pairs
     * are held to the 1e-12 accuracy of {@link #klMatchesClosedForm} instead.
     */
    @ParameterizedTest
    @MethodSource("pairs")
    void errorEstimateCoversActualError(double m1, double s1, double m2, double s2) {
        if (GaussianClosedForms.kl(m1, s1, m2, s2) < 1e-4) {
            return;
        }
        QuadratureResult r = EXACT.divergence(Divergences.byName("kl"), new Normal(m1, s1), new Normal(m2, s2));
        double actual = Math.abs(r.value() - GaussianClosedForms.kl(m1, s1, m2, s2));
        assertTrue(actual <= r.errorEstimate() + 4 * Math.ulp(r.value()),
                "actual " + actual + " > estimate " + r.errorEstimate());
    }

    /**
     * Regression (found by the Gaussian fit of issue 3): for nearly identical densities the
     * integrand is rounding noise relative to its size and the relative goal is out of reach;
     * the quadrature must still finish, with the value right to the precision the inputs allow.
     */
    @org.junit.jupiter.api.Test
    void nearlyIdenticalDensitiesFinishWithinTheBudget() {
        QuadratureResult kl = EXACT.divergence(Divergences.byName("kl"), new Normal(0, 1), new Normal(1e-9, 1));
        assertEquals(5e-19, kl.value(), 1e-6 * 5e-19);
        QuadratureResult tv = EXACT.divergence(Divergences.byName("tv"), new Normal(0, 1), new Normal(1e-9, 1));
        assertEquals(Erf.erf(1e-9 / (2 * Math.sqrt(2))), tv.value(), 1e-6 * tv.value());
        QuadratureResult js = EXACT.divergence(Divergences.byName("js"), new Normal(1000, 0.001),
                new Normal(1000, 0.0010000000001));
        // JSD ≈ (f''(1)/2)·δᵀIδ with f''(1) = 1/4 and I_σσ = 2/σ²: (1/8)·2·(1e-13/1e-3)²
        assertEquals(0.25 * 1e-20, js.value(), 1e-5 * 0.25e-20);
    }
}
