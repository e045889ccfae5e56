package org.fganlab.density;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Mixture-specific behaviour: copying, flattening, log-sum-exp, quantile, validation. */
class MixtureTest {

    private static final Normal LEFT = new Normal(-2, 0.5);
    private static final Normal RIGHT = new Normal(2, 0.5);
    private static final Mixture BIMODAL =
            new Mixture(new double[] {0.3, 0.7}, new Density[] {LEFT, RIGHT});

    @Test
    void arraysAreCopiedInAndOut() {
        double[] w = {0.5, 0.5};
        Density[] c = {LEFT, RIGHT};
        Mixture m = new Mixture(w, c);
        w[0] = 0.9;
        c[0] = new Laplace(0, 1);
        assertArrayEquals(new double[] {0.5, 0.5}, m.weights());
        assertEquals(LEFT, m.components()[0]);
        m.weights()[0] = 7;
        m.components()[1] = null;
        assertArrayEquals(new double[] {0.5, 0.5}, m.weights());
        assertEquals(RIGHT, m.components()[1]);
        assertEquals(2, m.size());
    }

    @Test
    void nestedMixturesAreFlattened() {
        Mixture inner = new Mixture(new double[] {0.5, 0.5},
                new Density[] {new Normal(0, 1), new Normal(1, 1)});
        Mixture outer = new Mixture(new double[] {0.5, 0.5},
                new Density[] {inner, new Laplace(0, 1)});
        Mixture flat = new Mixture(new double[] {0.25, 0.25, 0.5},
                new Density[] {new Normal(0, 1), new Normal(1, 1), new Laplace(0, 1)});
        assertEquals(flat, outer);
        assertEquals(flat.hashCode(), outer.hashCode());
        assertEquals("0.25*normal(0,1) + 0.25*normal(1,1) + 0.5*laplace(0,1)", outer.spec());
        for (Density d : outer.components()) {
            assertTrue(!(d instanceof Mixture));
        }
    }

    @Test
    void logDensityIsTheLogOfTheWeightedSum() {
        for (double x = -5; x <= 5; x += 0.05) {
            double direct = Math.log(0.3 * LEFT.density(x) + 0.7 * RIGHT.density(x));
            assertEquals(direct, BIMODAL.logDensity(x), 1e-14 * Math.max(1, Math.abs(direct)),
                    "x=" + x);
        }
    }

    @Test
    void logDensityStaysFiniteWhereTheDensityUnderflows() {
        // at x = 40 both component densities underflow; log-sum-exp keeps the right one
        double x = 40;
        double expected = Math.log(0.7) + RIGHT.logDensity(x)
                + Math.log1p(0.3 / 0.7 * Math.exp(LEFT.logDensity(x) - RIGHT.logDensity(x)));
        assertEquals(0.0, BIMODAL.density(x), 0.0);
        assertEquals(expected, BIMODAL.logDensity(x), 1e-15 * Math.abs(expected));
        // symmetric and order-independent
        Mixture reversed = new Mixture(new double[] {0.7, 0.3}, new Density[] {RIGHT, LEFT});
        for (double y = -50; y <= 50; y += 0.5) {
            double a = BIMODAL.logDensity(y);
            assertEquals(a, reversed.logDensity(y), 1e-15 * Math.max(1, Math.abs(a)), "y=" + y);
        }
    }

    @Test
    void logDensityIsMinusInfinityWhereNoComponentLives() {
        Mixture gap = new Mixture(new double[] {0.5, 0.5},
                new Density[] {new Uniform(0, 1), new Uniform(2, 3)});
        assertEquals(Double.NEGATIVE_INFINITY, gap.logDensity(1.5));
        assertEquals(Double.NEGATIVE_INFINITY, gap.logDensity(-1));
        assertEquals(Math.log(0.5), gap.logDensity(0.5), 1e-16);
        assertEquals(Math.log(0.5), gap.logDensity(2.5), 1e-16);
    }

    @Test
    void weightsWithinToleranceAreNormalisedInternally() {
        double w = 0.3333333333; // the three sum to 0.9999999999
        Normal n = new Normal(0, 1);
        Mixture m = new Mixture(new double[] {w, w, w}, new Density[] {n, n, n});
        assertArrayEquals(new double[] {w, w, w}, m.weights());
        for (double x : new double[] {-3, 0, 1.5}) {
            assertEquals(n.logDensity(x), m.logDensity(x), 1e-15);
            assertEquals(n.cdf(x), m.cdf(x), 1e-15);
        }
        assertEquals(n.quantile(0.9), m.quantile(0.9), 1e-14);
    }

    @Test
    void quantileMatchesBisectionOfTheCdf() {
        for (double p : new double[] {1e-12, 0.01, 0.2, 0.3, 0.31, 0.5, 0.9, 0.999}) {
            double lo = -20;
            double hi = 20;
            for (int i = 0; i < 200; i++) {
                double mid = 0.5 * (lo + hi);
                if (BIMODAL.cdf(mid) >= p) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            double q = BIMODAL.quantile(p);
            double tol = 4 * Math.ulp(p) / BIMODAL.density(q) + 4 * Math.ulp(q);
            assertEquals(hi, q, tol, "p=" + p);
        }
    }

    @Test
    void quantileIsTheSmallestXAcrossAGap() {
        Mixture gap = new Mixture(new double[] {0.5, 0.5},
                new Density[] {new Uniform(0, 1), new Uniform(2, 3)});
        assertEquals(1.0, gap.quantile(0.5), 1e-15);
        assertEquals(0.5, gap.quantile(0.25), 1e-15);
        assertEquals(2.5, gap.quantile(0.75), 1e-15);
        assertEquals(0.0, gap.quantile(0), 0.0);
        assertEquals(3.0, gap.quantile(1), 0.0);
    }

    @Test
    void singleComponentMixtureBehavesLikeItsComponent() {
        Laplace l = new Laplace(1, 2);
        Mixture m = new Mixture(new double[] {1}, new Density[] {l});
        for (double p : new double[] {1e-9, 0.1, 0.5, 0.7, 1 - 1e-9}) {
            assertEquals(l.quantile(p), m.quantile(p), 0.0);
        }
        for (double x : new double[] {-100, 0, 3}) {
            assertEquals(l.logDensity(x), m.logDensity(x), 0.0);
            assertEquals(l.survival(x), m.survival(x), 0.0);
        }
        assertNotEquals(l, m);
        assertEquals("1*laplace(1,2)", m.spec());
    }

    @Test
    void supportBreakpointsAndScale() {
        Mixture m = new Mixture(new double[] {0.25, 0.25, 0.25, 0.25}, new Density[] {
            new Normal(0, 1), new Uniform(0, 2), new Laplace(2, 1), new Normal(-1, 3)});
        assertArrayEquals(new double[] {-1, 0, 2}, m.breakpoints());
        assertEquals(3, m.scale());
        assertEquals(Double.NEGATIVE_INFINITY, m.supportLower());
        Mixture bounded = new Mixture(new double[] {0.5, 0.5},
                new Density[] {new Uniform(-4, 1), new Uniform(2, 3)});
        assertEquals(-4, bounded.supportLower());
        assertEquals(3, bounded.supportUpper());
        assertArrayEquals(new double[] {-4, 1, 2, 3}, bounded.breakpoints());
        assertEquals(5, bounded.scale());
    }

    private static void assertRejects(String message, double[] w, Density[] c) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new Mixture(w, c));
        assertEquals(message, e.getMessage());
    }

    @Test
    void constructorRejectsBadWeightsAndComponents() {
        Density[] two = {LEFT, RIGHT};
        assertRejects("weights must sum to 1 within 1e-9, got 0.9", new double[] {0.5, 0.4}, two);
        assertRejects("weights[1] must be positive and finite, got -0.5", new double[] {1.5, -0.5},
                two);
        assertRejects("weights[0] must be positive and finite, got NaN",
                new double[] {Double.NaN, 1}, two);
        assertRejects("weights and components must have the same length, got 1 and 2",
                new double[] {1}, two);
        assertRejects("a mixture needs at least one component, got 0", new double[0], new Density[0]);
        assertRejects("components[1] must not be null", new double[] {0.5, 0.5},
                new Density[] {LEFT, null});
        assertRejects("weights and components must not be null, got weights=null", null, two);
    }
}
