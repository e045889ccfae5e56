package org.fganlab.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.fganlab.density.Normal;
import org.fganlab.divergence.Divergences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Amari α and total-variation closed forms added for the divergence-landscape experiment. */
class GaussianClosedFormsTest {

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
