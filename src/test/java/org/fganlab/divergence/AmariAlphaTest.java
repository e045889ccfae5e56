package org.fganlab.divergence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AmariAlphaTest {

    @Test
    void constructorRejectsExcludedValuesNamingThem() {
        for (double bad : new double[] {0.0, -0.0, 1.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AmariAlpha(bad));
            assertTrue(e.getMessage().contains(Double.toString(bad)), e.getMessage());
            assertTrue(e.getMessage().contains("other than 0 and 1"), e.getMessage());
        }
    }

    @Test
    void namesHaveNoTrailingZero() {
        assertEquals("alpha:2", new AmariAlpha(2.0).name());
        assertEquals("alpha:0.5", new AmariAlpha(0.5).name());
        assertEquals("alpha:-1", new AmariAlpha(-1.0).name());
        assertEquals("alpha:0.3", new AmariAlpha(0.3).name());
        assertEquals("alpha:1.0E300", new AmariAlpha(1e300).name());
        assertEquals(new AmariAlpha(0.1 + 0.2), Divergences.byName(new AmariAlpha(0.1 + 0.2).name()));
    }

    @Test
    void conjugateOfActivationOverflowsOnlyWhereDocumented() {
        // 0 < α < 1: f*(g_f(v)) ~ C e^(vα/(1−α)); α = 0.9 gives e^(9v), beyond double at v = 100
        AmariAlpha a = new AmariAlpha(0.9);
        assertEquals(Double.POSITIVE_INFINITY, a.conjugateOfActivation(100.0));
        assertTrue(Double.isFinite(a.conjugateOfActivation(70.0)));
        // α = 0.85: 100·0.85/0.15 ≈ 567 < 709, still finite
        assertTrue(Double.isFinite(new AmariAlpha(0.85).conjugateOfActivation(100.0)));
        for (double alpha : new double[] {-50.0, -1.0, -1e-3, 1.001, 1.5, 50.0}) {
            for (double v = -100.0; v <= 100.0; v += 1.0) {
                assertTrue(Double.isFinite(new AmariAlpha(alpha).conjugateOfActivation(v)), alpha + " at " + v);
            }
        }
    }

    @Test
    void generatorNeverNaN() {
        for (double alpha : new double[] {-3.0, 0.3, 1.0 + 1e-12, 3.0}) {
            AmariAlpha a = new AmariAlpha(alpha);
            for (double u : new double[] {0.0, Double.MIN_VALUE, 1e-300, 1.0, 1e300, Double.MAX_VALUE,
                Double.POSITIVE_INFINITY}) {
                double value = a.generator(u);
                assertTrue(value >= 0.0, alpha + " at " + u + " gave " + value);
            }
        }
    }

    @Test
    void integrandIsSymmetricUnderDuality() {
        // D_α(P‖Q) = D_{1−α}(Q‖P) pointwise
        for (double alpha : new double[] {-2.0, 0.3, 2.5}) {
            AmariAlpha a = new AmariAlpha(alpha);
            AmariAlpha dual = new AmariAlpha(1.0 - alpha);
            for (double logP = -20.0; logP <= 20.0; logP += 2.5) {
                for (double logQ = -20.0; logQ <= 20.0; logQ += 3.0) {
                    double x = a.integrand(logP, logQ);
                    assertEquals(x, dual.integrand(logQ, logP), 1e-14 * Math.abs(x) + 1e-300);
                }
            }
        }
    }
}
