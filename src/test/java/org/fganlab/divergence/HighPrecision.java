package org.fganlab.divergence;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.concurrent.ConcurrentHashMap;

/**
 * exp, log, expm1, log1p and friends on {@link BigDecimal} at a chosen number of significant
 * digits: the independent high-precision reference behind the accuracy tests of this package.
 * exp by splitting off multiples of log 2, a Taylor series of the rest scaled down by 2^s and s
 * squarings (guard digits cover them); log by Halley's iteration on exp from the double estimate, after splitting off
 * the decimal exponent; log1p by the atanh series for |y| ≤ 10⁻³, expm1 by its Taylor series for |x| ≤ 10⁻³,
 * so that neither loses the digits of a tiny argument. Tested against double's own values and
 * identities in {@code HighPrecisionTest}.
 */
public final class HighPrecision {

    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    /** Below this |y|, log1p sums its atanh series (fast); above, log uses Halley's iteration. */
    private static final BigDecimal LOG1P_SERIES_LIMIT = new BigDecimal("1e-3");
    private static final ConcurrentHashMap<Integer, BigDecimal> LN10 = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<Integer, BigDecimal> LN2 = new ConcurrentHashMap<>();

    private HighPrecision() {
    }

    public static MathContext digits(int n) {
        return new MathContext(n, RoundingMode.HALF_EVEN);
    }

    private static MathContext wider(MathContext mc, int extra) {
        return digits(mc.getPrecision() + extra);
    }

    /** The exact value of a finite double. */
    public static BigDecimal of(double x) {
        return new BigDecimal(x);
    }

    /** e^x. */
    public static BigDecimal exp(BigDecimal x, MathContext mc) {
        if (x.signum() == 0) {
            return BigDecimal.ONE;
        }
        if (x.signum() < 0) {
            MathContext w = wider(mc, 5);
            return BigDecimal.ONE.divide(exp(x.negate(), w), mc);
        }
        // x = k·log 2 + r0, 0 ≤ r0 < log 2, then r = r0/2^s with s ≈ √(3.3·digits) balancing series
        // terms against the s squarings; each squaring doubles the relative error (guard digits)
        int s = (int) Math.sqrt(3.3 * mc.getPrecision()) + 1;
        int integerDigits = Math.max(0, x.precision() - x.scale());
        MathContext w = wider(mc, 10 + s / 3 + integerDigits);
        BigDecimal ln2 = ln2(w);
        BigDecimal k = x.divideToIntegralValue(ln2);
        BigDecimal r = x.subtract(k.multiply(ln2), w).multiply(BigDecimal.ONE.divide(TWO.pow(s)));
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal term = BigDecimal.ONE;
        BigDecimal eps = BigDecimal.ONE.movePointLeft(w.getPrecision() + 2);
        for (int n = 1; n < 10_000; n++) {
            term = term.multiply(r, w).divide(BigDecimal.valueOf(n), w);
            sum = sum.add(term, w);
            if (term.abs().compareTo(eps) < 0) {
                break;
            }
        }
        for (int i = 0; i < s; i++) {
            sum = sum.multiply(sum, w);
        }
        return sum.multiply(TWO.pow(k.intValueExact()), mc);
    }

    /** e^x − 1 without losing the digits of a small x. */
    public static BigDecimal expm1(BigDecimal x, MathContext mc) {
        if (x.abs().compareTo(LOG1P_SERIES_LIMIT) > 0) {
            return exp(x, wider(mc, 10)).subtract(BigDecimal.ONE, mc);
        }
        MathContext w = wider(mc, 5);
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal term = BigDecimal.ONE;
        for (int n = 1; n < 10_000; n++) {
            term = term.multiply(x, w).divide(BigDecimal.valueOf(n), w);
            sum = sum.add(term, w);
            if (term.signum() == 0 || term.abs().compareTo(sum.abs().movePointLeft(w.getPrecision() + 2)) < 0) {
                break;
            }
        }
        return sum.round(mc);
    }

    /** log(1 + y) for y &gt; −1, as 2·atanh(y/(2 + y)) near 0. */
    public static BigDecimal log1p(BigDecimal y, MathContext mc) {
        if (y.abs().compareTo(LOG1P_SERIES_LIMIT) > 0) {
            return log(BigDecimal.ONE.add(y), mc);
        }
        MathContext w = wider(mc, 5);
        return atanhSeries(y.divide(TWO.add(y), w), w).multiply(TWO, mc);
    }

    /** atanh z = z + z³/3 + z⁵/5 + … for |z| &lt; 1 (fast for small |z|). */
    private static BigDecimal atanhSeries(BigDecimal z, MathContext w) {
        BigDecimal z2 = z.multiply(z, w);
        BigDecimal power = z;
        BigDecimal sum = z;
        for (int n = 3; n < 100_000; n += 2) {
            power = power.multiply(z2, w);
            BigDecimal term = power.divide(BigDecimal.valueOf(n), w);
            sum = sum.add(term, w);
            if (term.signum() == 0 || term.abs().compareTo(sum.abs().movePointLeft(w.getPrecision() + 2)) < 0) {
                break;
            }
        }
        return sum;
    }

    /** log x for x &gt; 0. */
    public static BigDecimal log(BigDecimal x, MathContext mc) {
        if (x.signum() <= 0) {
            throw new ArithmeticException("log of " + x);
        }
        BigDecimal y = x.subtract(BigDecimal.ONE);
        if (y.abs().compareTo(LOG1P_SERIES_LIMIT) <= 0) {
            return log1p(y, mc);
        }
        // x = m·10^e with m in [0.1, 1)
        int e = x.precision() - x.scale();
        BigDecimal m = x.movePointLeft(e);
        MathContext w = wider(mc, 15);
        BigDecimal lm = logNewton(m, w);
        if (e == 0) {
            return lm.round(mc);
        }
        return lm.add(ln10(w).multiply(BigDecimal.valueOf(e), w), mc);
    }

    private static BigDecimal logNewton(BigDecimal m, MathContext w) {
        BigDecimal y = new BigDecimal(Math.log(m.doubleValue()));
        BigDecimal tol = BigDecimal.ONE.movePointLeft(w.getPrecision());
        for (int i = 0; i < 100; i++) {
            BigDecimal ey = exp(y, w);
            // Halley: y += 2(m − e^y)/(m + e^y)
            BigDecimal step = TWO.multiply(m.subtract(ey, w), w).divide(m.add(ey, w), w);
            y = y.add(step, w);
            if (step.abs().compareTo(tol) < 0) {
                break;
            }
        }
        return y;
    }

    public static BigDecimal ln10(MathContext mc) {
        int p = mc.getPrecision();
        // log 10 = 3 log 2 + log 1.25
        return LN10.computeIfAbsent(p, k -> logNewton(BigDecimal.TEN, digits(k + 10))).round(mc);
    }

    public static BigDecimal ln2(MathContext mc) {
        int p = mc.getPrecision();
        return LN2.computeIfAbsent(p, k -> atanhSeries(BigDecimal.ONE.divide(BigDecimal.valueOf(3), digits(k + 10)),
                digits(k + 10)).multiply(TWO)).round(mc);
    }

    /** log(1 + e^x); for |x| &lt; 1 as log 2 + log1p(expm1(x)/2), a series without a full log. */
    public static BigDecimal softplus(BigDecimal x, MathContext mc) {
        MathContext w = wider(mc, 5);
        if (x.abs().compareTo(BigDecimal.ONE) < 0) {
            return ln2(w).add(log1p(expm1(x, w).multiply(HALF), w), mc);
        }
        if (x.signum() > 0) {
            return x.add(log1p(exp(x.negate(), w), w), mc);
        }
        return log1p(exp(x, w), mc);
    }


    /** tanh x = −expm1(−2x)/(1 + e^(−2x)) for x ≥ 0, odd. */
    public static BigDecimal tanh(BigDecimal x, MathContext mc) {
        if (x.signum() < 0) {
            return tanh(x.negate(), mc).negate();
        }
        MathContext w = wider(mc, 5);
        BigDecimal m = expm1(x.multiply(TWO).negate(), w);
        return m.negate().divide(TWO.add(m), mc);
    }

    /** The principal W(e^x): the root y = log w of y + e^y = x, returned as w = e^y, with y. */
    public static BigDecimal[] lambertWOfExp(BigDecimal x, MathContext mc) {
        MathContext w = wider(mc, 10);
        double xd = x.doubleValue();
        double y0 = xd > 1.5 ? Math.log(xd - Math.log(xd)) : xd < -30 ? xd : Math.log(Math.max(1e-300,
                Math.log1p(Math.exp(xd))));
        BigDecimal y = new BigDecimal(y0);
        BigDecimal tol = BigDecimal.ONE.movePointLeft(w.getPrecision() - 5);
        for (int i = 0; i < 200; i++) {
            BigDecimal ey = exp(y, w);
            BigDecimal step = y.add(ey, w).subtract(x, w).divide(BigDecimal.ONE.add(ey, w), w);
            y = y.subtract(step, w);
            if (step.abs().compareTo(tol.multiply(BigDecimal.ONE.max(y.abs()))) < 0) {
                break;
            }
        }
        return new BigDecimal[] {exp(y, mc), y.round(mc)};
    }
}
