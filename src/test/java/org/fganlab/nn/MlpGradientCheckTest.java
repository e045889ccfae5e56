package org.fganlab.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Central finite differences against {@link Mlp#backward}, for every hidden × output activation,
 * on 1 and 2 hidden layers, multi-input and multi-output networks and batches &gt; 1, with the
 * random linear loss L = Σ_b Σ_i c_bi · out_bi (so gradOut = c).
 *
 * <p>Step h = 1e-5: the truncation error h²/6·|L'''| is ~1e-11 and the round-off ε|L|/h ~1e-10,
 * so a component is checked to relative error 1e-6 when its magnitude is ≥ 1e-4, and to absolute
 * error 1e-10 below (the relative error is taken against max(|fd|, |analytic|, 1e-4)).
 */
class MlpGradientCheckTest {

    private static final double H = 1e-5;
    /**
     * Relative tolerance of the central difference. Its rounding error is about a few ε·|L|/H
     * ≈ 1e-10 absolute for the losses here (|L| of order 1–10), i.e. 1e-6 relative at the
     * FLOOR: 1e-6 itself sat on that floor (a ReLU network with no truncation error at all
     * failed at 1.001e-6 once the kernels summed in another order), so 3e-6. A wrong chain rule
     * term is off by far more.
     */
    private static final double TOLERANCE = 3e-6;
    private static final double FLOOR = 1e-4;
    /** ReLU kinks: every pre-activation must be this far from 0, far beyond H·|input|. */
    private static final double KINK_MARGIN = 1e-3;

    static List<Arguments> cases() {
        int[][] architectures = {{2, 5, 3}, {1, 6, 1}, {3, 4, 4, 2}, {2, 3, 5, 4, 1}};
        int[] batches = {7, 1, 5, 70}; // 70 spans two full outer-product tiles and a partial one
        List<Arguments> cases = new ArrayList<>();
        for (int k = 0; k < architectures.length; k++) {
            for (Activation hidden : Activation.values()) {
                for (Activation output : Activation.values()) {
                    cases.add(Arguments.of(architectures[k], batches[k], hidden, output));
                }
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0} batch {1} hidden {2} output {3}")
    @MethodSource("cases")
    void gradientsMatchCentralDifferences(int[] widths, int batch, Activation hidden, Activation output) {
        Mlp net = new Mlp(widths, hidden, output);
        SplittableRandom rng = new SplittableRandom(31L * widths.length + batch + 7L * hidden.ordinal()
                + 101L * output.ordinal());
        Mlp.Workspace ws = net.workspace(batch);
        MlpTest.Draw draw = MlpTest.awayFromKinks(net, batch, KINK_MARGIN, rng, (p, in) -> { });
        double[] params = draw.params();
        double[] x = draw.x();
        double[] c = MlpTest.random(batch * net.outputSize(), rng);

        double[] gradParams = new double[net.parameterCount()];
        double[] gradInput = new double[batch * net.inputSize()];
        net.forward(params, x, batch, ws, new double[batch * net.outputSize()]);
        net.backward(params, c, batch, ws, gradParams, gradInput);

        double[] out = new double[batch * net.outputSize()];
        Mlp.Workspace scratch = net.workspace(batch);
        for (int k = 0; k < params.length; k++) {
            double saved = params[k];
            params[k] = saved + H;
            double plus = loss(net, params, x, batch, scratch, out, c);
            params[k] = saved - H;
            double minus = loss(net, params, x, batch, scratch, out, c);
            params[k] = saved;
            assertGradientClose("param " + k, (plus - minus) / (2 * H), gradParams[k]);
        }
        for (int k = 0; k < x.length; k++) {
            double saved = x[k];
            x[k] = saved + H;
            double plus = loss(net, params, x, batch, scratch, out, c);
            x[k] = saved - H;
            double minus = loss(net, params, x, batch, scratch, out, c);
            x[k] = saved;
            assertGradientClose("input " + k, (plus - minus) / (2 * H), gradInput[k]);
        }
    }

    private static void assertGradientClose(String what, double fd, double analytic) {
        double error = Math.abs(fd - analytic) / Math.max(FLOOR, Math.max(Math.abs(fd), Math.abs(analytic)));
        assertTrue(error <= TOLERANCE, what + ": finite difference " + fd + ", backward " + analytic
                + ", relative error " + error);
    }

    private static double loss(Mlp net, double[] params, double[] x, int batch, Mlp.Workspace ws,
            double[] out, double[] c) {
        net.forward(params, x, batch, ws, out);
        double sum = 0;
        for (int k = 0; k < batch * net.outputSize(); k++) {
            sum += c[k] * out[k];
        }
        return sum;
    }
}
