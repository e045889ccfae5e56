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
        assertEquals(Math.tanh(0.3), Activation.TANH.apply(0.3), 1e-16);

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

    /** Math.tanh's own contract allows 2.5 ulp of the exact value; ours stays within 2 ulp of it. */
    @Test
    void tanhWithinTwoUlpOfMathTanh() {
        SplittableRandom rng = new SplittableRandom(20240611L);
        double worst = 0;
        double worstAt = 0;
        for (int k = 0; k < 1_000_000; k++) {
            double x;
            switch (k % 4) {
                case 0: x = rng.nextDouble(-0.6, 0.6); break;          // both branches near ln3/2
                case 1: x = rng.nextDouble(-4, 4); break;
                case 2: x = rng.nextDouble(-25, 25); break;            // saturation at ±19.06
                default: x = Math.scalb(rng.nextDouble(-1, 1), -rng.nextInt(1, 1000)); // tiny
            }
            double ref = Math.tanh(x);
            double ulps = Math.abs(Activation.tanh(x) - ref) / Math.ulp(ref);
            if (ulps > worst) {
                worst = ulps;
                worstAt = x;
            }
        }
        assertTrue(worst <= 2.0, "worst " + worst + " ulp at " + worstAt);
    }

    @Test
    void tanhSpecialValues() {
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(Activation.tanh(-0.0)));
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(Activation.tanh(0.0)));
        assertEquals(1.0, Activation.tanh(Double.POSITIVE_INFINITY));
        assertEquals(-1.0, Activation.tanh(Double.NEGATIVE_INFINITY));
        assertEquals(1.0, Activation.tanh(400.0));
        assertEquals(-1.0, Activation.tanh(-19.1));
        assertTrue(Double.isNaN(Activation.tanh(Double.NaN)));
        assertEquals(Double.MIN_VALUE, Activation.tanh(Double.MIN_VALUE));
        assertEquals(1e-300, Activation.tanh(1e-300));
        // the switch point ln(3)/2 itself: tanh = 1/2 up to rounding of the argument
        assertEquals(0.5, Activation.tanh(0.54930614433405484570), 1e-16);
        assertEquals(0.5, Activation.tanh(Math.nextUp(0.54930614433405484570)), 2e-16);
    }

    /** The row kernels used by Mlp agree with the scalar methods, element by element. */
    @ParameterizedTest
    @EnumSource(Activation.class)
    void rowKernelsMatchScalarMethods(Activation phi) {
        double[] z = {-2.0, -0.3, 0.0, 0.25, 1.5, Double.NaN, 7.0};
        double[] a = new double[z.length];
        java.util.Arrays.fill(a, Double.NaN);
        phi.applyRow(z, a, 0, 6); // the NaN at index 5 is excluded by the range
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
