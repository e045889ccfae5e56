package org.fganlab.quadrature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import java.util.stream.IntStream;
import org.hipparchus.analysis.integration.IterativeLegendreGaussIntegrator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AdaptiveQuadratureTest {

    private final AdaptiveQuadrature quad = new AdaptiveQuadrature();

    static IntStream degreesUpTo31() {
        return IntStream.of(0, 1, 2, 5, 10, 19, 20, 25, 30, 31);
    }

    /** One K21 panel (loose goal, so no bisection) is exact for degree ≤ 31. */
    @ParameterizedTest
    @MethodSource("degreesUpTo31")
    void kronrodRuleIsExactUpToDegree31(int degree) {
        AdaptiveQuadrature onePanel = new AdaptiveQuadrature(new QuadratureSettings(0.0, 1.0, 21));
        QuadratureResult r = onePanel.integrate(x -> Math.pow(x, degree), -1.0, 1.0);
        double exact = degree % 2 == 1 ? 0.0 : 2.0 / (degree + 1);
        assertEquals(exact, r.value(), 2e-16);
        assertEquals(21, r.evaluations());
    }

    /** Degree 32 is beyond K21: a single panel is visibly inexact (so the test above has teeth). */
    @Test
    void kronrodRuleIsNotExactAtDegree32() {
        AdaptiveQuadrature onePanel = new AdaptiveQuadrature(new QuadratureSettings(0.0, 1.0, 21));
        QuadratureResult r = onePanel.integrate(x -> Math.pow(x, 32), -1.0, 1.0);
        assertTrue(Math.abs(r.value() - 2.0 / 33) > 1e-12, "error " + (r.value() - 2.0 / 33));
    }

    /** With the default goal, adaptivity recovers degree 40 to full precision. */
    @Test
    void adaptivityRecoversHighDegree() {
        QuadratureResult r = quad.integrate(x -> Math.pow(x, 40), -1.0, 1.0);
        assertEquals(2.0 / 41, r.value(), 1e-16);
        assertTrue(r.evaluations() > 21);
    }

    /** The embedded Gauss rule is not exact at degree 20, so the error estimate must see it. */
    @Test
    void errorEstimateSeesDegreeBeyondGaussRule() {
        QuadratureSettings loose = new QuadratureSettings(0.5, 0.0, 21);
        QuadratureResult r = new AdaptiveQuadrature(loose).integrate(x -> Math.pow(x, 20), -1, 1);
        assertTrue(r.errorEstimate() > 1e-6, "estimate " + r.errorEstimate());
        assertEquals(2.0 / 21, r.value(), 1e-15);
    }

    @Test
    void gaussianOverRealLineWithTailSubstitution() {
        QuadratureResult r = quad.integrate(x -> Math.exp(-0.5 * x * x),
                new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY}, 1.0);
        assertEquals(Math.sqrt(2 * Math.PI), r.value(), 1e-15 * Math.sqrt(2 * Math.PI));
        assertTrue(r.errorEstimate() <= 1e-13 * r.value());
    }

    @Test
    void cauchyKernelWithPolynomialTails() {
        QuadratureResult r = quad.integrate(x -> 1.0 / (1.0 + x * x),
                new double[] {Double.NEGATIVE_INFINITY, 0.0, Double.POSITIVE_INFINITY}, 1.0);
        assertEquals(Math.PI, r.value(), 1e-14 * Math.PI);
    }

    @Test
    void exponentialOnHalfLine() {
        QuadratureResult r = quad.integrate(x -> Math.exp(-x),
                new double[] {0.0, Double.POSITIVE_INFINITY}, 1.0);
        assertEquals(1.0, r.value(), 1e-15);
        QuadratureResult left = quad.integrate(x -> Math.exp(x),
                new double[] {Double.NEGATIVE_INFINITY, 0.0}, 1.0);
        assertEquals(1.0, left.value(), 1e-15);
    }

    @Test
    void kinkAtBreakpointCostsOnePanelEach() {
        QuadratureResult r = quad.integrate(Math::abs, new double[] {-1.0, 0.0, 2.0}, 1.0);
        assertEquals(2.5, r.value(), 1e-15);
        assertEquals(42, r.evaluations());
    }

    @Test
    void kinkWithoutBreakpointIsFoundAdaptively() {
        QuadratureResult r = quad.integrate(x -> Math.abs(x - 0.3), 0.0, 1.0);
        double exact = 0.5 * (0.09 + 0.49);
        assertEquals(exact, r.value(), 1e-13);
        assertTrue(Math.abs(r.value() - exact) <= r.errorEstimate() + 1e-16,
                "the error estimate must cover the actual error");
    }

    /** An independent reference: Hipparchus' iterative Gauss–Legendre integrator. */
    @Test
    void agreesWithHipparchusOnOscillatoryIntegrand() {
        DoubleUnaryOperator f = x -> Math.sin(7 * x) * Math.exp(-x * x / 3);
        QuadratureResult r = quad.integrate(f, -2.0, 5.0);
        double ref = new IterativeLegendreGaussIntegrator(16, 1e-15, 1e-15)
                .integrate(10_000_000, f::applyAsDouble, -2.0, 5.0);
        assertEquals(ref, r.value(), 1e-14);
    }

    @Test
    void infiniteIntegrandValueGivesInfiniteIntegral() {
        QuadratureResult r = quad.integrate(x -> x > 0.5 ? Double.POSITIVE_INFINITY : 1.0, 0, 1);
        assertEquals(Double.POSITIVE_INFINITY, r.value());
        assertEquals(0.0, r.errorEstimate());
        QuadratureResult neg = quad.integrate(x -> x > 0.5 ? Double.NEGATIVE_INFINITY : 1.0, 0, 1);
        assertEquals(Double.NEGATIVE_INFINITY, neg.value());
    }

    @Test
    void nanIntegrandIsAnError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> quad.integrate(x -> x > 0.5 ? Double.NaN : 1.0, 0, 1));
        assertTrue(e.getMessage().contains("NaN at x = "), e.getMessage());
    }

    @Test
    void exhaustedBudgetIsFlaggedWithAnHonestError() {
        // ∫_0^1 x^(-0.9) dx = 10: the endpoint singularity needs far more than 100 evaluations
        AdaptiveQuadrature tight = new AdaptiveQuadrature(new QuadratureSettings(1e-13, 0, 100));
        QuadratureResult r = tight.integrate(x -> Math.pow(x, -0.9), 0, 1);
        assertEquals(QuadratureResult.Status.NOT_CONVERGED, r.status());
        assertFalse(r.converged());
        assertTrue(r.evaluations() <= 100, "evaluations " + r.evaluations());
        assertTrue(r.errorEstimate() > 1e-13 * 10, "error " + r.errorEstimate());
        assertTrue(Math.abs(r.value() - 10) <= r.errorEstimate(),
                "true error " + Math.abs(r.value() - 10) + " > estimate " + r.errorEstimate());
    }

    @Test
    void invalidPointsAreRejectedWithTheBadValue() {
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
                () -> quad.integrate(x -> 1, new double[] {0, 2, 1}, 1));
        assertTrue(order.getMessage().contains("points[2] = 1.0"), order.getMessage());
        IllegalArgumentException interior = assertThrows(IllegalArgumentException.class,
                () -> quad.integrate(x -> 1, new double[] {0, Double.NaN, 1}, 1));
        assertTrue(interior.getMessage().contains("points[1] = NaN"), interior.getMessage());
        IllegalArgumentException scale = assertThrows(IllegalArgumentException.class,
                () -> quad.integrate(x -> 1, new double[] {0, 1}, 0));
        assertTrue(scale.getMessage().contains("tailScale"), scale.getMessage());
    }

    @Test
    void inputPointsAreNotModified() {
        double[] pts = {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
        quad.integrate(x -> Math.exp(-x * x), pts, 1);
        assertEquals(Double.NEGATIVE_INFINITY, pts[0]);
        assertEquals(Double.POSITIVE_INFINITY, pts[1]);
    }

    @Test
    void settingsRejectOutOfRangeValues() {
        assertThrows(IllegalArgumentException.class, () -> new QuadratureSettings(-1, 0, 100));
        assertThrows(IllegalArgumentException.class, () -> new QuadratureSettings(0.1, Double.NaN, 100));
        assertThrows(IllegalArgumentException.class, () -> new QuadratureSettings(0.1, 0, 20));
    }
}
