package org.fganlab.divergence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

/** The high-precision reference functions against java.lang.Math and exact identities. */
class HighPrecisionTest {

    private static final MathContext MC = HighPrecision.digits(60);

    @Test
    void agreesWithMathToRoundingAcrossTheRange() {
        for (double x : new double[] {-745.0, -700.5, -20, -1, -1e-10, 1e-300, 0.3, 1, 2.5, 36, 700.25, 709.7}) {
            BigDecimal bx = HighPrecision.of(x);
            double e = HighPrecision.exp(bx, MC).doubleValue();
            assertEquals(Math.exp(x), e, 1.5 * Math.ulp(Math.exp(x)), "exp " + x);
            assertEquals(Math.expm1(x), HighPrecision.expm1(bx, MC).doubleValue(), 1.5 * Math.ulp(Math.expm1(x)),
                    "expm1 " + x);
            if (x > -1) {
                assertEquals(Math.log1p(x), HighPrecision.log1p(bx, MC).doubleValue(), 1.5 * Math.ulp(Math.log1p(x)),
                        "log1p " + x);
            }
        }
        for (double x : new double[] {Double.MIN_VALUE, 1e-300, 0.5, 1 + 1e-15, 2, 1e5, 1e300, Double.MAX_VALUE}) {
            assertEquals(Math.log(x), HighPrecision.log(HighPrecision.of(x), MC).doubleValue(), 1.5 * Math.ulp(Math.log(x)),
                    "log " + x);
        }
    }

    @Test
    void identitiesHoldToWorkingPrecision() {
        BigDecimal tol = new BigDecimal("1e-55");
        BigDecimal x = new BigDecimal("123.456");
        // log(exp x) = x, exp(a + b) = exp a · exp b, log 2 and log 10 digits
        assertTrue(HighPrecision.log(HighPrecision.exp(x, MC), MC).subtract(x).abs().compareTo(tol.multiply(x)) <= 0);
        // 60 digits of log 2 and log 10 (published values)
        assertEquals(0, new BigDecimal("0.693147180559945309417232121458176568075500134360255254120680")
                .compareTo(HighPrecision.ln2(MC)));
        assertEquals(0, new BigDecimal("2.30258509299404568401799145468436420760110148862877297603333")
                .compareTo(HighPrecision.ln10(MC)));
        // W(e^1) = 1, W(e^0) = Ω
        assertEquals(1.0, HighPrecision.lambertWOfExp(BigDecimal.ONE, MC)[0].doubleValue(), 1e-16);
        assertEquals(0.5671432904097838, HighPrecision.lambertWOfExp(BigDecimal.ZERO, MC)[0].doubleValue(), 1e-16);
    }
}
