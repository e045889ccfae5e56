package org.fganlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ActivationTest {

    @Test
    void valuesFromTheTable() {
        assertEquals(0.0, Activation.RELU.apply(-3.0));
        assertEquals(2.5, Activation.RELU.apply(2.5));
        assertEquals(0.2 * -3.0, Activation.LEAKY_RELU.apply(-3.0), 0.0);
        assertEquals(2.5, Activation.LEAKY_RELU.apply(2.5));
        assertEquals(-7.25, Activation.LINEAR.apply(-7.25));
        assertEquals(Math.tanh(0.3), Activation.TANH.apply(0.3), 7e-16);

        assertEquals(0.0, Activation.RELU.derivative(-1.0, 0.0));
        assertEquals(1.0, Activation.RELU.derivative(1.0, 1.0));
        assertEquals(0.0, Activation.RELU.derivative(0.0, 0.0), "left derivative at the kink");
        assertEquals(0.2, Activation.LEAKY_RELU.derivative(-1.0, -0.2));
        assertEquals(0.2, Activation.LEAKY_RELU.derivative(0.0, 0.0), "left derivative at the kink");
        assertEquals(1.0, Activation.LEAKY_RELU.derivative(4.0, 4.0));
        assertEquals(1.0, Activation.LINEAR.derivative(-9.0, -9.0));
        double a = Math.tanh(0.7);
        assertEquals(1 - a * a, Activation.TANH.derivative(0.7, a), 0.0);
    }

    /** The derivative against a central difference of apply, away from the ReLU kink. */
    @ParameterizedTest
    @EnumSource(Activation.class)
    void derivativeMatchesCentralDifference(Activation phi) {
        double h = 1e-6;
        for (double z : new double[] {-3.1, -0.8, -0.05, 0.04, 0.6, 2.9}) {
            double fd = (phi.apply(z + h) - phi.apply(z - h)) / (2 * h);
            assertEquals(fd, phi.derivative(z, phi.apply(z)), 1e-9, phi + " at " + z);
        }
    }

    /**
     * φ'' against a central difference of φ', away from the ReLU kink: −2a(1 − a²) for TANH, 0 for
     * the others; and the closed form at one point.
     */
    @ParameterizedTest
    @EnumSource(Activation.class)
    void secondDerivativeMatchesCentralDifference(Activation phi) {
        double h = 1e-6;
        for (double z : new double[] {-3.1, -0.8, -0.05, 0.04, 0.6, 2.9}) {
            double fd = (phi.derivative(z + h, phi.apply(z + h)) - phi.derivative(z - h, phi.apply(z - h)))
                    / (2 * h);
            assertEquals(fd, phi.secondDerivative(z, phi.apply(z)), 1e-8, phi + " at " + z);
        }
        double a = Math.tanh(0.5);
        assertEquals(phi == Activation.TANH ? -2 * a * (1 - a * a) : 0.0, phi.secondDerivative(0.5, a), 1e-15);
    }

    /**
     * The stated accuracy: within 10 ulp and 7e-16 absolute of StrictMath.tanh (fdlibm, itself
     * within 2.5 ulp of the exact value) on a dense grid over [−25, 25] (step 1.25e-5, both
     * sides of the clamp at 19.1) and on 10⁶ random arguments, tiny ones included.
     */
    @Test
    void tanhWithinTenUlpOfStrictMathTanh() {
        double worst = 0;
        double worstAt = 0;
        double worstAbs = 0;
        SplittableRandom rng = new SplittableRandom(20240611L);
        for (int k = 0; k <= 5_000_000; k++) {
            double x;
            if (k < 4_000_000) {
                x = -25 + k * 1.25e-5;
            } else if (k % 2 == 0) {
                x = rng.nextDouble(-1, 1);
            } else {
                x = Math.scalb(rng.nextDouble(-1, 1), -rng.nextInt(1, 1000)); // tiny, not subnormal y
            }
            double ref = StrictMath.tanh(x);
            double err = Math.abs(Activation.tanh(x) - ref);
            worstAbs = Math.max(worstAbs, err);
            double ulps = err / Math.ulp(ref);
            if (ulps > worst) {
                worst = ulps;
                worstAt = x;
            }
        }
        assertTrue(worst <= 10.0, "worst " + worst + " ulp at " + worstAt);
        assertTrue(worstAbs <= 7e-16, "worst absolute error " + worstAbs);
        assertTrue(worst >= 1.0, "a bound this tight would mean the test compares tanh with itself");
    }

    @Test
    void tanhSpecialValues() {
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(Activation.tanh(-0.0)));
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(Activation.tanh(0.0)));
        assertEquals(1.0, Activation.tanh(Double.POSITIVE_INFINITY));
        assertEquals(-1.0, Activation.tanh(Double.NEGATIVE_INFINITY));
        assertEquals(1.0, Activation.tanh(400.0));
        assertEquals(-1.0, Activation.tanh(-19.1), "the clamp: the correctly rounded value");
        assertTrue(Activation.tanh(18.5) < 1.0, "below the clamp, tanh(18.5) = 1 − 1.7e-16 < 1");
        assertTrue(Double.isNaN(Activation.tanh(Double.NaN)));
        assertEquals(1e-300, Activation.tanh(1e-300));
        // |x| < 2^-1016: y = x/64 is subnormal; the stated absolute error bound 2^-1068
        assertEquals(0.0, Activation.tanh(Double.MIN_VALUE), 0x1p-1068);
        assertEquals(1e-310, Activation.tanh(1e-310), 0x1p-1068);
        // tanh(ln(3)/2) = 1/2
        assertEquals(0.5, Activation.tanh(0.54930614433405484570), 8 * Math.ulp(0.5));
    }

    /** The doublings keep the function odd bit for bit: tanh(−x) = −tanh(x). */
    @Test
    void tanhIsExactlyOdd() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int k = 0; k < 10_000; k++) {
            double x = rng.nextDouble(0, 25);
            assertEquals(-Activation.tanh(x), Activation.tanh(-x), 0.0, "at " + x);
        }
    }

    /**
     * The vectorised tanh row (three loops) gives the scalar tanh's values bit for bit, on a
     * long row (so that C2's vectorised loop bodies run) including the clamp, ±0 and NaN.
     */
    @Test
    void tanhRowMatchesScalarTanhBitForBit() {
        SplittableRandom rng = new SplittableRandom(11);
        int n = 4099;
        double[] z = new double[n];
        for (int b = 0; b < n; b++) {
            z[b] = b % 7 == 0 ? rng.nextDouble(-30, 30) : 1.5 * rng.nextGaussian();
        }
        z[5] = -0.0;
        z[6] = Double.NaN;
        z[7] = Double.NEGATIVE_INFINITY;
        double[] a = new double[n];
        double[] scratch = new double[n];
        for (int rep = 0; rep < 200; rep++) { // let C2 compile the row kernel
            Activation.TANH.applyRow(z, a, scratch, 0, n);
        }
        for (int b = 0; b < n; b++) {
            assertEquals(Double.doubleToRawLongBits(Activation.tanh(z[b])), Double.doubleToRawLongBits(a[b]),
                    "at " + z[b]);
        }
    }

    /** The row kernels used by Mlp agree with the scalar methods, element by element. */
    @ParameterizedTest
    @EnumSource(Activation.class)
    void rowKernelsMatchScalarMethods(Activation phi) {
        double[] z = {-2.0, -0.3, 0.0, 0.25, 1.5, Double.NaN, 7.0};
        double[] a = new double[z.length];
        java.util.Arrays.fill(a, Double.NaN);
        phi.applyRow(z, a, new double[z.length], 0, 6); // the NaN at index 5 is excluded by the range
        double[] d = {1.5, -2.0, 3.0, 0.5, -1.0, 9.0, 9.0};
        phi.multiplyDerivativeRow(z, a, d, 1, 5);
        double[] d0 = {1.5, -2.0, 3.0, 0.5, -1.0, 9.0, 9.0};
        for (int b = 0; b < 6; b++) {
            assertEquals(phi.apply(z[b]), a[b], 0.0, phi + " apply at " + b);
        }
        assertTrue(Double.isNaN(a[6]), "applyRow wrote outside its range");
        for (int b = 0; b < z.length; b++) {
            double expected = b >= 1 && b < 5 ? d0[b] * phi.derivative(z[b], a[b]) : d0[b];
            assertEquals(expected, d[b], 0.0, phi + " derivative at " + b);
        }
    }
}
