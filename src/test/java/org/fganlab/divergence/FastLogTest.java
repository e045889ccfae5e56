package org.fganlab.divergence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FastLogTest {

    /** |FastLog.log(x) − StrictMath.log(x)| in units of the last place of the reference. */
    private static double ulps(double x) {
        double ref = StrictMath.log(x);
        return ref == 0.0 ? Math.abs(FastLog.log(x)) / Double.MIN_VALUE : Math.abs(FastLog.log(x) - ref) / Math.ulp(ref);
    }

    @Test
    void within4UlpOverTheWholeRangeAndNearOne() {
        SplittableRandom rng = new SplittableRandom(7);
        double worst = 0;
        for (int j = 0; j < 2_000_000; j++) {
            double x;
            switch (j % 4) {
                case 0 -> x = Math.exp(rng.nextDouble(-708, 709));            // every binade
                case 1 -> x = rng.nextDouble(0.5, 2.0);                      // the table's range
                case 2 -> x = 1.0 + rng.nextDouble(-1, 1) * Math.pow(2, -rng.nextInt(1, 53)); // near 1
                default -> x = Double.longBitsToDouble(rng.nextLong(0x0010000000000000L, 0x7fefffffffffffffL));
            }
            worst = Math.max(worst, ulps(x));
        }
        assertTrue(worst <= 4, "worst error " + worst + " ulp");
    }

    @Test
    void exactValuesAndSpecialInputs() {
        assertEquals(0.0, FastLog.log(1.0), 0.0);
        assertEquals(StrictMath.log(2.0), FastLog.log(2.0), Math.ulp(StrictMath.log(2.0)));
        // 1 ± 2^-40: log = ±2^-40 − 2^-81 (Taylor), relative accuracy kept next to 1
        double t = Math.pow(2, -40);
        assertEquals(t - t * t / 2, FastLog.log(1 + t), 2 * Math.ulp(t));
        assertEquals(-t - t * t / 2, FastLog.log(1 - t), 2 * Math.ulp(t));
        assertEquals(Double.NEGATIVE_INFINITY, FastLog.log(0.0));
        assertEquals(Double.POSITIVE_INFINITY, FastLog.log(Double.POSITIVE_INFINITY));
        assertTrue(Double.isNaN(FastLog.log(-1.0)));
        assertEquals(Math.log(Double.MIN_VALUE), FastLog.log(Double.MIN_VALUE), 0.0);
        assertEquals(StrictMath.log(Double.MAX_VALUE), FastLog.log(Double.MAX_VALUE), 4 * Math.ulp(709.0));
    }
}
