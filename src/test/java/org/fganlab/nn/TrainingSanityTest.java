package org.fganlab.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;

/** The pieces together: a 1-16-1 tanh network fits sin on 64 points with Adam. */
class TrainingSanityTest {

    @Test
    void fitsSineToSmallMeanSquaredError() {
        int n = 64;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = -Math.PI + 2 * Math.PI * k / (n - 1);
            y[k] = Math.sin(x[k]);
        }
        Mlp net = new Mlp(new int[] {1, 16, 1}, Activation.TANH, Activation.LINEAR);
        double[] params = new double[net.parameterCount()];
        net.initialize(params, new Well19937c(12345));
        Adam adam = new Adam(params.length, 0.01);
        Mlp.Workspace ws = net.workspace(n);
        double[] out = new double[n];
        double[] gradOut = new double[n];
        double[] grad = new double[params.length];

        double mse = Double.NaN;
        int steps = 0;
        double initial = Double.NaN;
        for (; steps < 5000; steps++) {
            net.forward(params, x, n, ws, out);
            mse = 0;
            for (int k = 0; k < n; k++) {
                double r = out[k] - y[k];
                mse += r * r / n;
                gradOut[k] = 2 * r / n; // ∂MSE/∂out_k
            }
            if (steps == 0) {
                initial = mse;
            }
            if (mse < 1e-3) {
                break;
            }
            Arrays.fill(grad, 0.0);
            net.backward(params, gradOut, n, ws, grad, null);
            adam.step(params, grad);
        }
        assertTrue(initial > 0.05, "the task is not trivial at the start: MSE " + initial);
        assertTrue(mse < 1e-3, "MSE " + mse + " after " + steps + " steps");
    }
}
