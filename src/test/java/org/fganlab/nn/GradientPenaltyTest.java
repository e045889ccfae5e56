package org.fganlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.fganlab.testing.Allocations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Mlp#gradientPenalty}, the WGAN-GP penalty P = (λ/B)·Σ_b (‖∂V/∂x(x_b)‖ − 1)²
 * (Gulrajani et al. 2017, Algorithm 1) and its parameter gradient, against: the penalty
 * evaluated from {@link Mlp#backward}'s input gradient, fourth-order central differences of that
 * P(ω) for every parameter, and closed forms of one- and two-layer networks.
 *
 * <p>Differences: the five-point stencil (−f(2h) + 8f(h) − 8f(−h) + f(−2h))/(12h) with h = 1e-5
 * has truncation error h⁴/30·|P⁽⁵⁾| ≈ 1e-21·|P⁽⁵⁾|, negligible, and rounding error about
 * 1.5·ε·|P|/h ≈ 3e-11·|P| (|P| ≲ 10 here); a component is checked to relative error 1e-6 when
 * its magnitude is ≥ 1e-3, and to absolute error 1e-9 below.
 */
class GradientPenaltyTest {

    private static final double H = 1e-5;
    private static final double TOLERANCE = 1e-6;
    private static final double FLOOR = 1e-3;
    /** ReLU kinks: every pre-activation this far from 0, far beyond 2H times any activation. */
    private static final double KINK_MARGIN = 1e-3;
    private static final int[] WIDTHS = {2, 5, 4, 1};

    static List<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Activation hidden : new Activation[] {Activation.TANH, Activation.LEAKY_RELU, Activation.RELU}) {
            for (int batch : new int[] {1, 7, 300}) {
                cases.add(Arguments.of(WIDTHS, batch, hidden, Activation.LINEAR));
            }
        }
        // a curved output layer (second-order source at the top) and a deeper network
        cases.add(Arguments.of(WIDTHS, 7, Activation.TANH, Activation.TANH));
        cases.add(Arguments.of(new int[] {3, 4, 6, 3, 1}, 9, Activation.TANH, Activation.LINEAR));
        cases.add(Arguments.of(new int[] {3, 4, 6, 3, 1}, 9, Activation.LEAKY_RELU, Activation.TANH));
        return cases;
    }

    @ParameterizedTest(name = "{0} batch {1} hidden {2} output {3}")
    @MethodSource("cases")
    void gradientMatchesFiniteDifferencesAndPenaltyMatchesBackward(int[] widths, int batch,
            Activation hidden, Activation output) {
        Mlp net = new Mlp(widths, hidden, output);
        SplittableRandom rng = new SplittableRandom(1000L * widths.length + batch + 17L * hidden.ordinal()
                + 131L * output.ordinal());
        MlpTest.Draw draw = MlpTest.awayFromKinks(net, batch, KINK_MARGIN, rng, (p, in) -> { });
        double[] params = draw.params();
        double[] x = draw.x();
        checkAgainstReferences(net, params, x, batch, 2.5);
    }

    /**
     * A ReLU network where sample 0 (x = 0, all first-layer biases negative) has every first-layer
     * unit off, so u_0 = 0: it adds λ/B to P and, with the zero subgradient, nothing to ∂P/∂ω,
     * which is then (B − 1)/B times the gradient of the batch without it.
     */
    @Test
    void sampleWithZeroInputGradientAddsOnlyToThePenalty() {
        Activation hidden = Activation.RELU;
        Mlp net = new Mlp(WIDTHS, hidden, Activation.LINEAR);
        SplittableRandom rng = new SplittableRandom(77);
        int batch = 9;
        double lambda = 3.0;
        MlpTest.Draw draw = MlpTest.awayFromKinks(net, batch, KINK_MARGIN, rng, (p, in) -> {
            for (int k = net.biasOffset(0); k < net.biasOffset(0) + WIDTHS[1]; k++) {
                p[k] = -rng.nextDouble(0.1, 0.5);   // negative first-layer biases: sample 0's units are off
            }
            in[0] = 0.0;
            in[1] = 0.0;
        });
        double[] params = draw.params();
        double[] x = draw.x();
        double[] u = inputGradient(net, params, x, batch);
        assertEquals(0.0, Math.hypot(u[0], u[1]), 0.0, "sample 0 has u = 0");

        Mlp.Workspace ws = net.workspace(batch);
        double[] grad = new double[net.parameterCount()];
        net.forward(params, x, batch, ws, new double[batch]);
        double p = net.gradientPenalty(params, batch, ws, lambda, grad);

        double[] rest = Arrays.copyOfRange(x, 2, x.length);
        Mlp.Workspace wsRest = net.workspace(batch - 1);
        double[] gradRest = new double[net.parameterCount()];
        net.forward(params, rest, batch - 1, wsRest, new double[batch - 1]);
        double pRest = net.gradientPenalty(params, batch - 1, wsRest, lambda, gradRest);

        assertEquals(lambda / batch + pRest * (batch - 1) / batch, p, 1e-13 * p);
        double largest = 0;
        for (int k = 0; k < grad.length; k++) {
            assertTrue(Double.isFinite(grad[k]), "finite at " + k);
            assertEquals(gradRest[k] * (batch - 1) / batch, grad[k], 1e-13 * Math.abs(grad[k]) + 1e-300,
                    "parameter " + k);
            largest = Math.max(largest, Math.abs(grad[k]));
        }
        assertTrue(largest > 1e-2, "the other samples give a gradient");
        checkAgainstReferences(net, params, x, batch, lambda);
    }

    /** All first-layer weights 0: u = 0 for every sample, P = λ, and the zero subgradient gives ∂P/∂ω = 0. */
    @Test
    void zeroInputGradientEverywhereGivesPenaltyLambdaAndZeroGradient() {
        Mlp net = new Mlp(WIDTHS, Activation.TANH, Activation.LINEAR);
        SplittableRandom rng = new SplittableRandom(5);
        double[] params = MlpTest.randomParams(net, rng);
        Arrays.fill(params, net.weightOffset(0), net.biasOffset(0), 0.0);
        int batch = 6;
        double[] x = MlpTest.random(batch * 2, rng);
        Mlp.Workspace ws = net.workspace(batch);
        net.forward(params, x, batch, ws, new double[batch]);
        double[] grad = new double[net.parameterCount()];
        assertEquals(10.0, net.gradientPenalty(params, batch, ws, 10.0, grad), 1e-14);
        for (double g : grad) {
            assertEquals(0.0, g, 0.0);
        }
    }

    /**
     * Closed form for widths {2, 1}, linear: V = w·x + b, so u = w for every sample,
     * P = λ(‖w‖ − 1)², ∂P/∂w = 2λ(‖w‖ − 1)·w/‖w‖ and ∂P/∂b = 0.
     */
    @Test
    void linearNetworkMatchesClosedForm() {
        Mlp net = new Mlp(new int[] {2, 1}, Activation.TANH, Activation.LINEAR);
        double[] params = {0.3, -2.0, 0.7};
        double lambda = 10.0;
        double[] x = {0.1, 0.2, -1.0, 3.0, 0.5, 0.5};
        Mlp.Workspace ws = net.workspace(3);
        net.forward(params, x, 3, ws, new double[3]);
        double[] grad = new double[3];
        double p = net.gradientPenalty(params, 3, ws, lambda, grad);
        double norm = Math.sqrt(0.3 * 0.3 + 2.0 * 2.0);
        assertEquals(lambda * (norm - 1) * (norm - 1), p, 1e-13 * p);
        assertEquals(2 * lambda * (norm - 1) * 0.3 / norm, grad[0], 1e-13);
        assertEquals(2 * lambda * (norm - 1) * -2.0 / norm, grad[1], 1e-13);
        assertEquals(0.0, grad[2], 0.0);
    }

    /**
     * Closed form for widths {1, 1, 1}, tanh hidden: V = w2·tanh(w1 x + b1) + b2, so with
     * a = tanh(w1 x + b1), s = 1 − a², u = w2 w1 s, and ∂s/∂z = −2as:
     * ∂u/∂w1 = w2 s + w2 w1 (−2as) x, ∂u/∂b1 = w2 w1 (−2as), ∂u/∂w2 = w1 s, ∂u/∂b2 = 0;
     * ∂P/∂θ = (λ/B) Σ_b 2(|u_b| − 1) sign(u_b) ∂u_b/∂θ.
     */
    @Test
    void oneHiddenUnitMatchesClosedForm() {
        Mlp net = new Mlp(new int[] {1, 1, 1}, Activation.TANH, Activation.LINEAR);
        double w1 = 1.3;
        double b1 = -0.4;
        double w2 = -0.9;
        double b2 = 0.25;
        double[] params = {w1, b1, w2, b2};
        double[] x = {0.7, -1.2, 0.05};
        double lambda = 4.0;
        int batch = x.length;
        double p = 0;
        double[] expected = new double[4];
        for (double xb : x) {
            double a = Math.tanh(w1 * xb + b1);
            double s = 1 - a * a;
            double u = w2 * w1 * s;
            p += (Math.abs(u) - 1) * (Math.abs(u) - 1);
            double c = lambda / batch * 2 * (Math.abs(u) - 1) * Math.signum(u);
            expected[0] += c * (w2 * s + w2 * w1 * (-2 * a * s) * xb);
            expected[1] += c * (w2 * w1 * (-2 * a * s));
            expected[2] += c * (w1 * s);
        }
        p *= lambda / batch;
        Mlp.Workspace ws = net.workspace(batch);
        net.forward(params, x, batch, ws, new double[batch]);
        double[] grad = new double[4];
        assertEquals(p, net.gradientPenalty(params, batch, ws, lambda, grad), 1e-13 * p);
        for (int k = 0; k < 4; k++) {
            assertEquals(expected[k], grad[k], 1e-13, "parameter " + k);
        }
        assertTrue(Math.abs(expected[1]) > 0.1, "the bias gradient (second-order term) is not trivial");
    }

    /**
     * Against PyTorch 1.13 autograd (torch.autograd.grad of V.sum() with create_graph=True, then
     * of P; float64) for widths {2, 5, 4, 1}, tanh hidden, linear output, B = 4, λ = 10, with
     * θ_k = 0.9 sin(1.3k + 0.4) in this class's flat layout and x_bj = 1.2 cos(0.7(2b + j) + 0.1).
     * The literals are the output of this script (torch is not a test dependency):
     * <pre>
     *   theta = torch.tensor([0.9*math.sin(1.3*k + 0.4) for k in range(44)], requires_grad=True)
     *   x = torch.tensor([[1.2*math.cos(0.7*(2*b + j) + 0.1) for j in range(2)] for b in range(4)],
     *                    requires_grad=True)
     *   # net: per layer W = theta[off:off+nOut*nIn].reshape(nOut, nIn), then b; z = a @ W.T + b;
     *   #      tanh on the hidden layers
     *   u, = torch.autograd.grad(net(theta, x).sum(), x, create_graph=True)
     *   P = 10*((u.norm(dim=1) - 1)**2).mean();  g, = torch.autograd.grad(P, theta)
     * </pre>
     * The tolerance covers this class's tanh (within 10 ulp of fdlibm's).
     */
    @Test
    void matchesTorchAutograd() {
        Mlp net = new Mlp(WIDTHS, Activation.TANH, Activation.LINEAR);
        double[] params = new double[net.parameterCount()];
        for (int k = 0; k < params.length; k++) {
            params[k] = 0.9 * Math.sin(1.3 * k + 0.4);
        }
        int batch = 4;
        double[] x = new double[batch * 2];
        for (int k = 0; k < x.length; k++) {
            x[k] = 1.2 * Math.cos(0.7 * k + 0.1);
        }
        double[] torchGrad = {
            0.3643703940733664, -1.1210133883456423, -0.6569806953386053, -0.3662330438550413,
            1.1064731674062627, -3.7629260333950523, 0.188801336478013, -0.09523715602078242,
            0.2769896686608536, 0.757196019849299, -1.6181991716925639, -0.7752061228220415,
            -0.18400269090692203, 0.4348548226181199, 0.10921521715703647, -0.16854687113646763,
            -0.05156862506157528, -0.039533481473621485, 0.22264898246630183, 0.11127090589169762,
            -0.6996778998140908, -0.00786056076806485, -0.49024400781845534, 1.2605521915043651,
            0.4343186828306701, -0.033996738891491685, -1.1206942605116677, 0.9006560244743703,
            -0.09274389652116316, -0.21303104184119254, 0.26272886624782643, -2.0623770780236805,
            2.249374427237853, -1.4726916584993894, -0.455055665898104, -0.555665259610909,
            -2.8536888933365416, 0.3602825573656333, 3.144138350452139, 0.4335700007014222,
            2.473149479525074, 5.784776880820456, 4.473616355726639, 0.0,
        };
        Mlp.Workspace ws = net.workspace(batch);
        net.forward(params, x, batch, ws, new double[batch]);
        double[] grad = new double[net.parameterCount()];
        assertEquals(6.11573754351172, net.gradientPenalty(params, batch, ws, 10.0, grad), 1e-13);
        for (int k = 0; k < grad.length; k++) {
            assertEquals(torchGrad[k], grad[k], 1e-13, "parameter " + k);
        }
    }

    @Test
    void lambdaZeroGivesZeroAndAddsNothing() {
        Mlp net = new Mlp(WIDTHS, Activation.TANH, Activation.LINEAR);
        SplittableRandom rng = new SplittableRandom(3);
        double[] params = MlpTest.randomParams(net, rng);
        double[] x = MlpTest.random(14, rng);
        Mlp.Workspace ws = net.workspace(7);
        net.forward(params, x, 7, ws, new double[7]);
        double[] grad = MlpTest.random(net.parameterCount(), rng);
        double[] before = grad.clone();
        assertEquals(0.0, net.gradientPenalty(params, 7, ws, 0.0, grad), 0.0);
        assertArrayEquals(before, grad, 0.0);
    }

    /**
     * The penalty reads only the forward pass's rows: backward gives the same bits before and
     * after it, and two penalty calls add the same bits.
     */
    @Test
    void leavesBackwardUnchangedAndIsRepeatable() {
        Mlp net = new Mlp(new int[] {2, 8, 8, 1}, Activation.TANH, Activation.LINEAR);
        SplittableRandom rng = new SplittableRandom(8);
        double[] params = MlpTest.randomParams(net, rng);
        int batch = 270;
        double[] x = MlpTest.random(batch * 2, rng);
        double[] gradOut = MlpTest.random(batch, rng);
        Mlp.Workspace ws = net.workspace(batch);
        net.forward(params, x, batch, ws, new double[batch]);
        double[] g1 = new double[net.parameterCount()];
        double[] in1 = new double[batch * 2];
        net.backward(params, gradOut, batch, ws, g1, in1);
        double[] p1 = new double[net.parameterCount()];
        double v1 = net.gradientPenalty(params, batch, ws, 10.0, p1);
        double[] g2 = new double[net.parameterCount()];
        double[] in2 = new double[batch * 2];
        net.backward(params, gradOut, batch, ws, g2, in2);
        double[] p2 = new double[net.parameterCount()];
        double v2 = net.gradientPenalty(params, batch, ws, 10.0, p2);
        assertArrayEquals(g1, g2, 0.0);
        assertArrayEquals(in1, in2, 0.0);
        assertArrayEquals(p1, p2, 0.0);
        assertEquals(v1, v2, 0.0);
    }

    @Test
    void rejectsInvalidCalls() {
        Mlp net = new Mlp(WIDTHS, Activation.TANH, Activation.LINEAR);
        SplittableRandom rng = new SplittableRandom(4);
        double[] params = MlpTest.randomParams(net, rng);
        double[] x = MlpTest.random(10, rng);
        double[] grad = new double[net.parameterCount()];
        Mlp.Workspace ws = net.workspace(5);
        assertThrows(IllegalArgumentException.class,
                () -> net.gradientPenalty(params, 5, ws, 1.0, grad), "no forward pass yet");
        net.forward(params, x, 5, ws, new double[5]);
        assertThrows(IllegalArgumentException.class, () -> net.gradientPenalty(params, 4, ws, 1.0, grad));
        assertThrows(IllegalArgumentException.class, () -> net.gradientPenalty(params, 0, ws, 1.0, grad));
        assertThrows(IllegalArgumentException.class, () -> net.gradientPenalty(params, 6, ws, 1.0, grad));
        for (double lambda : new double[] {-1.0, -0.0 - 1e-300, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class,
                    () -> net.gradientPenalty(params, 5, ws, lambda, grad), "lambda " + lambda);
        }
        assertThrows(IllegalArgumentException.class, () -> net.gradientPenalty(params, 5, ws, 1.0, null));
        assertThrows(IllegalArgumentException.class,
                () -> net.gradientPenalty(params, 5, ws, 1.0, new double[grad.length + 1]));
        assertThrows(IllegalArgumentException.class, () -> net.gradientPenalty(params, 5, ws, 1.0, params));
        assertThrows(IllegalArgumentException.class,
                () -> net.gradientPenalty(new double[3], 5, ws, 1.0, grad));
        assertThrows(IllegalArgumentException.class, () -> net.gradientPenalty(params, 5, null, 1.0, grad));
        Mlp twin = new Mlp(WIDTHS, Activation.TANH, Activation.LINEAR);
        assertThrows(IllegalArgumentException.class,
                () -> twin.gradientPenalty(params, 5, ws, 1.0, grad), "forward pass of another network");
        Mlp other = new Mlp(new int[] {2, 3, 1}, Activation.TANH, Activation.LINEAR);
        assertThrows(IllegalArgumentException.class,
                () -> other.gradientPenalty(new double[other.parameterCount()], 5, ws, 1.0,
                        new double[other.parameterCount()]), "workspace of another architecture");
        Mlp twoOutputs = new Mlp(new int[] {2, 3, 2}, Activation.TANH, Activation.LINEAR);
        Mlp.Workspace ws2 = twoOutputs.workspace(5);
        double[] params2 = MlpTest.randomParams(twoOutputs, rng);
        twoOutputs.forward(params2, x, 5, ws2, new double[10]);
        assertThrows(IllegalArgumentException.class, () -> twoOutputs.gradientPenalty(params2, 5, ws2, 1.0,
                new double[twoOutputs.parameterCount()]));
        // the accepted call, for contrast
        assertTrue(net.gradientPenalty(params, 5, ws, 1.0, grad) > 0);
    }

    @Test
    void allocatesNothingPerCall() {
        Mlp net = new Mlp(new int[] {1, 64, 64, 1}, Activation.TANH, Activation.LINEAR);
        SplittableRandom rng = new SplittableRandom(9);
        double[] params = MlpTest.randomParams(net, rng);
        int batch = 300;
        double[] x = MlpTest.random(batch, rng);
        double[] out = new double[batch];
        double[] grad = new double[net.parameterCount()];
        Mlp.Workspace ws = net.workspace(batch);
        Runnable step = () -> {
            net.forward(params, x, batch, ws, out);
            net.gradientPenalty(params, batch, ws, 10.0, grad);
        };
        assertEquals(0, Allocations.bytesAllocatedBy(200, 100, step), "bytes allocated by 100 penalty calls");
    }

    /**
     * P against the value computed from backward's input gradient, and every component of ∂P/∂ω
     * against the five-point difference of P(ω).
     */
    private static void checkAgainstReferences(Mlp net, double[] params, double[] x, int batch,
            double lambda) {
        Mlp.Workspace ws = net.workspace(batch);
        double[] out = new double[batch];
        double[] grad = new double[net.parameterCount()];
        net.forward(params, x, batch, ws, out);
        double p = net.gradientPenalty(params, batch, ws, lambda, grad);

        double expected = penaltyFromBackward(net, params, x, batch, lambda);
        assertEquals(expected, p, 1e-13 * expected, "P against backward's input gradient");

        double[] dummy = new double[net.parameterCount()];
        double largest = 0;
        for (int k = 0; k < params.length; k++) {
            double saved = params[k];
            double[] f = new double[4];
            double[] steps = {2 * H, H, -H, -2 * H};
            for (int s = 0; s < 4; s++) {
                params[k] = saved + steps[s];
                net.forward(params, x, batch, ws, out);
                f[s] = net.gradientPenalty(params, batch, ws, lambda, dummy);
            }
            params[k] = saved;
            double fd = (-f[0] + 8 * f[1] - 8 * f[2] + f[3]) / (12 * H);
            double error = Math.abs(fd - grad[k]) / Math.max(FLOOR, Math.max(Math.abs(fd), Math.abs(grad[k])));
            assertTrue(error <= TOLERANCE, "parameter " + k + ": finite difference " + fd
                    + ", gradientPenalty " + grad[k] + ", relative error " + error);
            largest = Math.max(largest, Math.abs(grad[k]));
        }
        assertTrue(largest > 1e-2, "a non-trivial gradient, largest component " + largest);
    }

    /** (λ/B)·Σ_b (‖u_b‖ − 1)² with u from backward's gradInput for gradOut = 1. */
    private static double penaltyFromBackward(Mlp net, double[] params, double[] x, int batch,
            double lambda) {
        double[] u = inputGradient(net, params, x, batch);
        int n = net.inputSize();
        double sum = 0;
        for (int b = 0; b < batch; b++) {
            double sq = 0;
            for (int j = 0; j < n; j++) {
                sq += u[b * n + j] * u[b * n + j];
            }
            double excess = Math.sqrt(sq) - 1;
            sum += excess * excess;
        }
        return lambda * sum / batch;
    }

    private static double[] inputGradient(Mlp net, double[] params, double[] x, int batch) {
        Mlp.Workspace ws = net.workspace(batch);
        net.forward(params, x, batch, ws, new double[batch]);
        double[] ones = new double[batch];
        Arrays.fill(ones, 1.0);
        double[] u = new double[batch * net.inputSize()];
        net.backward(params, ones, batch, ws, null, u);
        return u;
    }

}
