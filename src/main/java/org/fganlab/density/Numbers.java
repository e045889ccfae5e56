package org.fganlab.density;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Number formatting for spec strings and error messages: the shortest decimal that parses back
 * to the same double, without a trailing {@code .0}.
 *
 * <p>Java 17's {@link Double#toString(double)} round-trips but is not always the shortest
 * (JDK-4511638, fixed in JDK 19), so the digits are found here by rounding the exact binary
 * value to 1, 2, … 17 significant digits and keeping the first that parses back.
 */
final class Numbers {

    private Numbers() {
    }

    /**
     * Shortest round-trip form: plain notation when the decimal exponent is in [−4, 16) (as
     * Python's {@code repr}), otherwise {@code d.ddde±x} without a {@code +} sign, e.g.
     * {@code 0.5}, {@code -2}, {@code 1e-5}, {@code 2.5e20}, {@code -0}, {@code NaN},
     * {@code Infinity}, {@code -Infinity}.
     */
    static String format(double x) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "Infinity" : "-Infinity";
        }
        if (x == 0) {
            return (Double.doubleToRawLongBits(x) < 0) ? "-0" : "0";
        }
        BigDecimal exact = new BigDecimal(x);
        BigDecimal shortest = exact;
        for (int digits = 1; digits <= 17; digits++) {
            BigDecimal r = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (Double.parseDouble(r.toString()) == x) {
                shortest = r;
                break;
            }
        }
        shortest = shortest.stripTrailingZeros();
        int exponent = shortest.precision() - shortest.scale() - 1;
        if (exponent >= -4 && exponent < 16) {
            return shortest.toPlainString();
        }
        String digits = shortest.unscaledValue().abs().toString();
        StringBuilder sb = new StringBuilder(digits.length() + 8);
        if (x < 0) {
            sb.append('-');
        }
        sb.append(digits.charAt(0));
        if (digits.length() > 1) {
            sb.append('.').append(digits, 1, digits.length());
        }
        return sb.append('e').append(exponent).toString();
    }
}
