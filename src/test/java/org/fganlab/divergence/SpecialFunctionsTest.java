package org.fganlab.divergence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpecialFunctionsTest {

    /** Ω = W(1), the omega constant (50 digits, OEIS A030178). */
    private static final double OMEGA = 0.56714329040978387299996866221035554975381578718651;

    @Test
    void lambertWKnownValues() {
        assertEquals(OMEGA, SpecialFunctions.lambertWOfExp(0.0), Math.ulp(OMEGA));
        assertEquals(1.0, SpecialFunctions.lambertWOfExp(1.0), Math.ulp(1.0));
        // W(e^x) from mpmath 1.3 (mp.dps = 50): lambertw(exp(x)), or findroot(w + log w − x) for x ≥ 700
        double[][] table = {
            {-20.0, 2.0611536181902035858e-9},
            {-5.0, 0.0066930004977309932744},
            {10.0, 7.9294200950196973486},
            {700.0, 693.45830887902549834},
            {1e5, 99988.487189669760823},
            {1e300, 1.0000000000000000525e+300},
        };
        for (double[] row : table) {
            assertEquals(row[1], SpecialFunctions.lambertWOfExp(row[0]), 4 * Math.ulp(row[1]), "x = " + row[0]);
        }
    }

    @Test
    void lambertWSatisfiesDefiningIdentities() {
        for (double x = -700.0; x <= 700.0; x += 0.37) {
            double w = SpecialFunctions.lambertWOfExp(x);
            assertTrue(w > 0.0, "W(e^" + x + ") = " + w);
            // w + log w = x  (log form, valid for all x)
            assertEquals(x, w + Math.log(w), 4 * Math.ulp(Math.max(Math.abs(x), 1.0)), "x = " + x);
            if (Math.abs(x) < 700) {
                // w·e^w = e^x, compared in log-space to stay representable
                assertEquals(x, Math.log(w) + w, 1e-12 * Math.max(1.0, Math.abs(x)));
            }
        }
        for (double x : new double[] {1e3, 1e6, 1e12, 1e100, 1e300, Double.MAX_VALUE}) {
            double w = SpecialFunctions.lambertWOfExp(x);
            assertEquals(x, w + Math.log(w), 2 * Math.ulp(x), "x = " + x);
        }
        for (double x = -3.0; x <= 3.0; x += 0.125) {
            double w = SpecialFunctions.lambertWOfExp(x);
            assertEquals(Math.exp(x), w * Math.exp(w), 4 * Math.ulp(Math.exp(x)), "x = " + x);
        }
    }

    @Test
    void lambertWLimits() {
        assertEquals(0.0, SpecialFunctions.lambertWOfExp(Double.NEGATIVE_INFINITY), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, SpecialFunctions.lambertWOfExp(Double.POSITIVE_INFINITY));
        assertTrue(Double.isNaN(SpecialFunctions.lambertWOfExp(Double.NaN)));
        assertEquals(Math.exp(-50.0), SpecialFunctions.lambertWOfExp(-50.0), 0.0);
        assertEquals(0.0, SpecialFunctions.lambertWOfExp(-1e4), 0.0);
        // continuous across the switch between the two starting points
        double w = SpecialFunctions.lambertWOfExp(1.5);
        assertEquals(w, SpecialFunctions.lambertWOfExp(Math.nextUp(1.5)), 4 * Math.ulp(w));
        assertEquals(w, SpecialFunctions.lambertWOfExp(Math.nextDown(1.5)), 4 * Math.ulp(w));
    }

    @Test
    void softplusAndLogSigmoid() {
        assertEquals(Math.log(2.0), SpecialFunctions.softplus(0.0), 0.0);
        assertEquals(1000.0, SpecialFunctions.softplus(1000.0), 0.0);
        assertEquals(Math.exp(-1000.0 / 2) * Math.exp(-1000.0 / 2), SpecialFunctions.softplus(-1000.0), 0.0);
        assertEquals(Math.exp(-700.0), SpecialFunctions.softplus(-700.0), Math.ulp(Math.exp(-700.0)));
        assertEquals(Math.log1p(Math.exp(3.0)), SpecialFunctions.softplus(3.0), 1e-15);
        assertEquals(0.0, SpecialFunctions.softplus(Double.NEGATIVE_INFINITY), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, SpecialFunctions.softplus(Double.POSITIVE_INFINITY));
        // log σ(2) from mpmath (mp.dps = 40)
        assertEquals(-0.1269280110429724964437268, SpecialFunctions.logSigmoid(2.0), Math.ulp(0.127));
        assertEquals(-800.0, SpecialFunctions.logSigmoid(-800.0), 0.0);
        assertTrue(Double.isNaN(SpecialFunctions.softplus(Double.NaN)));
    }

    @Test
    void logSoftplusStaysFiniteWhereSoftplusUnderflows() {
        assertEquals(-1000.0, SpecialFunctions.logSoftplus(-1000.0), 0.0);
        // log(log(1 + e^−5)) from mpmath (mp.dps = 40)
        assertEquals(-5.003359553239908338758683, SpecialFunctions.logSoftplus(-5.0), 2 * Math.ulp(5.0));
        // continuity across the switch at −37: log(log1p(e^x)) = x − e^x/2 + …
        assertEquals(-37.0 - Math.exp(-37.0) / 2, SpecialFunctions.logSoftplus(Math.nextUp(-37.0)), 1e-14);
        assertEquals(Math.log(50.0), SpecialFunctions.logSoftplus(50.0), 1e-15);
    }

    @Test
    void log1mexpBothBranches() {
        // log(1 − e^t) from mpmath 1.3 (mp.dps = 40), on both sides of the switch at −log 2
        double[][] table = {
            {-1e-10, -23.0258509299904568037473},
            {-0.1, -2.352168461044090756137652},
            {-0.5, -0.932752129567188571894641},
            {-0.69, -0.6963042971440567057400346},
            {-0.7, -0.6863410028083851534992153},
            {-1.0, -0.4586751453870818910216436},
            {-5.0, -0.006760749449488557825921134},
            {-40.0, -4.24835425529158900435349e-18},
        };
        for (double[] row : table) {
            assertEquals(row[1], SpecialFunctions.log1mexp(row[0]), 2 * Math.ulp(row[1]), "t = " + row[0]);
        }
        assertEquals(Math.log(1e-20), SpecialFunctions.log1mexp(-1e-20), 1e-14);
        assertEquals(-Math.exp(-800.0), SpecialFunctions.log1mexp(-800.0), 0.0);
        assertEquals(Double.NEGATIVE_INFINITY, SpecialFunctions.log1mexp(0.0));
        assertEquals(0.0, SpecialFunctions.log1mexp(Double.NEGATIVE_INFINITY), 0.0);
        assertTrue(Double.isNaN(SpecialFunctions.log1mexp(0.5)));
        assertTrue(Double.isNaN(SpecialFunctions.log1mexp(Double.NaN)));
    }

    @Test
    void expm1MinusXIsAccurateNearZeroAndContinuous() {
        // x²/2 + x³/6 + x⁴/24 dominates for tiny x
        double x = 1e-5;
        assertEquals(x * x / 2 + x * x * x / 6 + x * x * x * x / 24, SpecialFunctions.expm1MinusX(x), 1e-26);
        assertEquals(x * x / 2 - x * x * x / 6 + x * x * x * x / 24, SpecialFunctions.expm1MinusX(-x), 1e-26);
        // at the switch |x| = ½ both forms agree
        assertEquals(Math.expm1(0.5) - 0.5, SpecialFunctions.expm1MinusX(0.5), 1e-16);
        assertEquals(Math.expm1(-0.5) + 0.5, SpecialFunctions.expm1MinusX(-0.5), 1e-16);
        // e − 2 (value 0.71828182845904523536…)
        assertEquals(0.71828182845904523536, SpecialFunctions.expm1MinusX(1.0), 2 * Math.ulp(0.718));
        assertEquals(Double.POSITIVE_INFINITY, SpecialFunctions.expm1MinusX(Double.POSITIVE_INFINITY));
        assertEquals(Double.POSITIVE_INFINITY, SpecialFunctions.expm1MinusX(Double.NEGATIVE_INFINITY));
        assertEquals(999.0, SpecialFunctions.expm1MinusX(-1000.0), 0.0);
    }
}
