package org.fganlab.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import org.fganlab.divergence.HighPrecision;

import org.fganlab.density.Normal;
import org.fganlab.divergence.Divergences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Gaussian closed forms: against 80-digit references near P = Q and near Pearson's and
 * Neyman's borderlines, their error bounds against the references, and the closed-form checks
 * of {@code validate} on a borderline pair.
 */
class GaussianClosedFormsTest {

    private static final MathContext MC = HighPrecision.digits(80);
    private static final BigDecimal HALF = new BigDecimal("0.5");

    /** χ²(P‖Q) = σ2²/(σ1√(2σ2² − σ1²))·exp(Δ²/(2σ2² − σ1²)) − 1 at 80 digits; null for +∞. */
    private static BigDecimal pearsonReference(double m1, double s1, double m2, double s2) {
        BigDecimal a = new BigDecimal(s1);
        BigDecimal b = new BigDecimal(s2);
        BigDecimal dm = new BigDecimal(m1).subtract(new BigDecimal(m2));
        BigDecimal den = b.multiply(b).multiply(BigDecimal.valueOf(2)).subtract(a.multiply(a));
        if (den.signum() <= 0) {
            return null;
        }
        BigDecimal prefactor = b.multiply(b).divide(a.multiply(den.sqrt(MC)), MC);
        return HighPrecision.expm1(HighPrecision.log(prefactor, MC).add(dm.multiply(dm).divide(den, MC)), MC);
    }

    /** KL = log(σ2/σ1) + (σ1² + Δ²)/(2σ2²) − ½ at 80 digits. */
    private static BigDecimal klReference(double m1, double s1, double m2, double s2) {
        BigDecimal a = new BigDecimal(s1);
        BigDecimal b = new BigDecimal(s2);
        BigDecimal dm = new BigDecimal(m1).subtract(new BigDecimal(m2));
        BigDecimal quadratic = a.multiply(a).add(dm.multiply(dm)).divide(b.multiply(b).multiply(BigDecimal.valueOf(2)), MC);
        return HighPrecision.log(b.divide(a, MC), MC).add(quadratic).subtract(HALF, MC);
    }

    /** 2(1 − BC), BC = √(2σ1σ2/S)·exp(−Δ²/(4S)), S = σ1² + σ2², at 80 digits. */
    private static BigDecimal hellingerReference(double m1, double s1, double m2, double s2) {
        BigDecimal a = new BigDecimal(s1);
        BigDecimal b = new BigDecimal(s2);
        BigDecimal dm = new BigDecimal(m1).subtract(new BigDecimal(m2));
        BigDecimal sum = a.multiply(a).add(b.multiply(b));
        BigDecimal logBc = HighPrecision.log(a.multiply(b).multiply(BigDecimal.valueOf(2)).divide(sum, MC), MC)
                .multiply(HALF).subtract(dm.multiply(dm).divide(sum.multiply(BigDecimal.valueOf(4)), MC));
        return HighPrecision.expm1(logBc, MC).multiply(BigDecimal.valueOf(-2));
    }

    private static void assertWithinBound(BigDecimal reference, GaussianClosedForms.Bounded b, double relative,
            String what) {
        if (reference == null || reference.doubleValue() == Double.POSITIVE_INFINITY) {
            assertEquals(Double.POSITIVE_INFINITY, b.value(), what);
            return;
        }
        double ref = reference.doubleValue();
        double err = new BigDecimal(b.value()).subtract(reference).abs().doubleValue();
        // 1e-70: the references' own rounding at 80 digits where the value is 0
        assertTrue(err <= relative * Math.abs(ref) + 1e-70, what + ": " + b.value() + " vs " + ref + ", relative error "
                + err / Math.abs(ref));
        assertTrue(err <= b.error() + 1e-70, what + ": error " + err + " above the bound " + b.error());
    }

    /**
     * Near the borderline 2σ2² = σ1² the old form 2 log σ2 − log σ1 − ½ log(2σ2² − σ1²) lost
     * digits to the rounded difference (2e−8 relative at σ2 = 0.707106782); near P = Q the old
     * KL form lost all of them (σ2 = 1 + 10⁻⁹: 50%). Now each is within a few roundings.
     */
    @ParameterizedTest
    @CsvSource(textBlock = """
        0, 1, 0, 0.70718
        0, 1, 0, 0.7071068
        0, 1, 0, 0.707106782
        0, 1, 0, 0.7071067812
        0.3, 2, -0.1, 1.4142136
        0, 1, 0, 0.7071067811865475
        0, 1, 0, 1.000000001
        0, 1, 0, 0.9999
        0, 1, 1e-8, 1
        1e300, 1e300, 1e300, 1.0000001e300
        0, 1e-300, 0, 1e-300
        0, 1, 0, 1e200
        0, 3, 5, 2.5
        """)
    void closedFormsMatchHighPrecisionWithinTheirBounds(double m1, double s1, double m2, double s2) {
        String pair = "N(" + m1 + "," + s1 + ") vs N(" + m2 + "," + s2 + ")";
        assertWithinBound(pearsonReference(m1, s1, m2, s2), GaussianClosedForms.pearsonBounded(m1, s1, m2, s2), 4e-15,
                "pearson " + pair);
        assertWithinBound(pearsonReference(m2, s2, m1, s1), GaussianClosedForms.neymanBounded(m1, s1, m2, s2), 4e-15,
                "neyman " + pair);
        assertWithinBound(klReference(m1, s1, m2, s2), GaussianClosedForms.klBounded(m1, s1, m2, s2), 4e-15,
                "kl " + pair);
        assertWithinBound(hellingerReference(m1, s1, m2, s2),
                GaussianClosedForms.squaredHellingerBounded(m1, s1, m2, s2), 4e-15, "hellinger " + pair);
    }

    @Test
    void conditionTermGrowsTowardsPearsonsBorderline() {
        // σ2 = 0.70718: 2σ2² − σ1² = 2.06e-4, condition ≈ 2/D' ≈ 9.7e3 per σ, so ≈ 8ε·9.7e3·34.8 ≈ 6e-10
        GaussianClosedForms.Bounded b = GaussianClosedForms.pearsonBounded(0, 1, 0, 0.70718);
        assertTrue(b.error() > 3e-10 && b.error() < 1e-9, "bound " + b.error());
        GaussianClosedForms.Bounded far = GaussianClosedForms.pearsonBounded(0, 1, 0, 1.5);
        assertTrue(far.error() < 3e-14 * far.value(), "bound " + far.error());
    }

    /** On main, validate printed "1 of 35 checks FAILED" here (closed-form:pearson). */
    @Test
    void validatePassesTheClosedFormChecksOfABorderlinePair() {
        Validation v = new IdentityChecks().run(new Normal(0, 1), new Normal(0, 0.70718));
        int closedForms = 0;
        for (IdentityCheck c : v.checks()) {
            if (c.name().startsWith("closed-form:")) {
                closedForms++;
                assertTrue(c.passed(), c.toString());
            }
        }
        assertEquals(4, closedForms);
    }

    @Test
    void xMinusLog1pMatchesHighPrecision() {
        for (double x : new double[] {-0.9, -0.49, -0.1, -1e-5, -1e-300, 1e-300, 1e-9, 0.01, 0.3, 0.4999, 0.5, 3, 1e10}) {
            BigDecimal bx = new BigDecimal(x);
            double ref = bx.subtract(HighPrecision.log1p(bx, MC)).doubleValue();
            assertEquals(ref, GaussianClosedForms.xMinusLog1p(x), 4e-16 * ref, "x = " + x);
        }
    }

    private static final ExactDivergence EXACT = ExactDivergence.standard();

    @ParameterizedTest
    @CsvSource(textBlock = """
        0, 1, 1, 1.5
        0, 1, 0.5, 1
        0, 1.2, 0, 1
        1, 0.8, -1, 1.1
        """)
    void amariAlphaTwoIsHalfPearsonAndAlphaHalfIsTwiceHellinger(double m1, double s1, double m2, double s2) {
        assertEquals(GaussianClosedForms.pearson(m1, s1, m2, s2) / 2,
                GaussianClosedForms.amariAlpha(2, m1, s1, m2, s2), 1e-14);
        assertEquals(2 * GaussianClosedForms.squaredHellinger(m1, s1, m2, s2),
                GaussianClosedForms.amariAlpha(0.5, m1, s1, m2, s2), 1e-14);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
        3, 0, 1, 0.4, 1.2
        -1, 0, 1, 1, 1.3
        0.3, 0.5, 0.7, 0, 1
        """)
    void amariAlphaMatchesQuadrature(double alpha, double m1, double s1, double m2, double s2) {
        double q = EXACT.divergence(Divergences.byName("alpha:" + alpha), new Normal(m1, s1),
                new Normal(m2, s2)).value();
        double c = GaussianClosedForms.amariAlpha(alpha, m1, s1, m2, s2);
        assertEquals(q, c, 1e-11 * Math.abs(q));
    }

    /** Amari α near P = Q: the linear terms cancel inside φ(αw) − αφ(w), not in the sum of logs. */
    @Test
    void amariAlphaNearEqualWidthsMatchesItsSecondOrderLimit() {
        // D_α ≈ w²/4 (w = σ2²/σ1² − 1, equal means) to relative O(w), for every α; the old sum of
        // logs kept only about 7 digits of w² here
        double s2 = 1 + 1e-9;
        double w = (s2 - 1) * (s2 + 1);
        for (double alpha : new double[] {-3, 0.5, 2, 5}) {
            assertEquals(w * w / 4, GaussianClosedForms.amariAlpha(alpha, 0, 1, 0, s2), 1e-8 * w * w, "alpha " + alpha);
        }
    }

    @Test
    void amariAlphaIsInfiniteExactlyWhereTheGaussianIntegralDiverges() {
        // α = 2, Q = N(0,1): ∫p²/q finite iff s < √2
        assertEquals(Double.POSITIVE_INFINITY, GaussianClosedForms.amariAlpha(2, 0, 1.5, 0, 1));
        assertEquals(Double.POSITIVE_INFINITY, GaussianClosedForms.amariAlpha(2, 0, Math.sqrt(2), 0, 1));
        // α = 3: 3 − 2s² > 0 iff s < √1.5
        assertEquals(Double.POSITIVE_INFINITY, GaussianClosedForms.amariAlpha(3, 0, 1.23, 0, 1));
        assertEquals(true, Double.isFinite(GaussianClosedForms.amariAlpha(3, 0, 1.22, 0, 1)));
        assertThrows(IllegalArgumentException.class, () -> GaussianClosedForms.amariAlpha(1, 0, 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> GaussianClosedForms.amariAlpha(0, 0, 1, 0, 1));
    }

    @Test
    void totalVariationOfEqualWidthsIsTwoPhiMinusOne() {
        // hand value: 2Φ(1) − 1 = erf(1/√2) = 0.6826894921370859
        assertEquals(0.6826894921370859, GaussianClosedForms.totalVariation(0, 1, 2, 1), 1e-15);
        assertEquals(0.6826894921370859, GaussianClosedForms.totalVariation(5, 2, 1, 2), 1e-15);
        assertEquals(0.0, GaussianClosedForms.totalVariation(0.3, 0.7, 0.3, 0.7));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
        0, 1, 0, 2
        0, 2, 0, 1
        0, 1, 1, 1.5
        -2, 0.5, 2, 0.7
        0, 1, 0, 1.001
        5, 3, 4, 4
        """)
    void totalVariationMatchesQuadratureAndIsSymmetric(double m1, double s1, double m2, double s2) {
        double q = EXACT.divergence(Divergences.byName("tv"), new Normal(m1, s1), new Normal(m2, s2)).value();
        double c = GaussianClosedForms.totalVariation(m1, s1, m2, s2);
        assertEquals(q, c, 1e-12 * q);
        assertEquals(c, GaussianClosedForms.totalVariation(m2, s2, m1, s1), 1e-15);
    }
}
