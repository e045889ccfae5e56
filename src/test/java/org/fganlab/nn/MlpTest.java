package org.fganlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;

class MlpTest {

    /** 2-3-1, tanh hidden and tanh output; fixed weights laid out as documented. */
    private static final Mlp TINY = new Mlp(new int[] {2, 3, 1}, Activation.TANH, Activation.TANH);
    private static final double[] TINY_PARAMS = {
        // layer 0: w[i*2 + j]
        0.1, -0.2,
        0.3, 0.4,
        -0.5, 0.6,
        // layer 0: b[i]
        0.01, -0.02, 0.03,
        // layer 1: w[0*3 + j]
        0.7, -0.8, 0.9,
        // layer 1: b[0]
        0.05,
    };

    @Test
    void layoutOfTheTinyNetwork() {
        assertEquals(13, TINY.parameterCount());
        assertEquals(2, TINY.layerCount());
        assertEquals(2, TINY.inputSize());
        assertEquals(1, TINY.outputSize());
        assertEquals(0, TINY.weightOffset(0));
        assertEquals(6, TINY.biasOffset(0));
        assertEquals(9, TINY.weightOffset(1));
        assertEquals(12, TINY.biasOffset(1));
        Mlp big = new Mlp(new int[] {1, 64, 64, 1}, Activation.TANH, Activation.LINEAR);
        assertEquals(64 * 2 + 64 * 65 + 65, big.parameterCount());
        assertEquals(128, big.weightOffset(1));
        assertEquals(128 + 64 * 64, big.biasOffset(1));
        assertEquals(128 + 64 * 65, big.weightOffset(2));
    }

    @Test
    void forwardMatchesHandComputation() {
        double[] x = {1.0, -2.0, 0.5, 0.25};
        // sample 0: z = W x + b
        double h00 = Math.tanh(0.1 * 1.0 + -0.2 * -2.0 + 0.01);   // tanh(0.51)
        double h01 = Math.tanh(0.3 * 1.0 + 0.4 * -2.0 - 0.02);    // tanh(-0.52)
        double h02 = Math.tanh(-0.5 * 1.0 + 0.6 * -2.0 + 0.03);   // tanh(-1.67)
        double y0 = Math.tanh(0.7 * h00 - 0.8 * h01 + 0.9 * h02 + 0.05);
        // sample 1
        double h10 = Math.tanh(0.1 * 0.5 + -0.2 * 0.25 + 0.01);   // tanh(0.01)
        double h11 = Math.tanh(0.3 * 0.5 + 0.4 * 0.25 - 0.02);    // tanh(0.23)
        double h12 = Math.tanh(-0.5 * 0.5 + 0.6 * 0.25 + 0.03);   // tanh(-0.07)
        double y1 = Math.tanh(0.7 * h10 - 0.8 * h11 + 0.9 * h12 + 0.05);
        assertEquals(-0.0771214, y0, 1e-7, "hand value of sample 0 (sanity of the expression)");

        double[] out = new double[2];
        TINY.forward(TINY_PARAMS, x, 2, TINY.workspace(2), out);
        assertEquals(y0, out[0], 1e-15);
        assertEquals(y1, out[1], 1e-15);
    }

    @Test
    void backwardOfTheTinyNetworkByHand() {
        double[] x = {1.0, -2.0};
        double h0 = Math.tanh(0.51);
        double h1 = Math.tanh(-0.52);
        double h2 = Math.tanh(-1.67);
        double y = Math.tanh(0.7 * h0 - 0.8 * h1 + 0.9 * h2 + 0.05);
        double dz = 1 - y * y;                     // L = out, so ∂L/∂z_out = 1 − y²
        double[] expected = new double[13];
        double[] v = {0.7, -0.8, 0.9};
        double[] h = {h0, h1, h2};
        double[] dzHidden = new double[3];
        for (int i = 0; i < 3; i++) {
            double dzi = dz * v[i] * (1 - h[i] * h[i]);
            dzHidden[i] = dzi;
            expected[2 * i] = dzi * x[0];
            expected[2 * i + 1] = dzi * x[1];
            expected[6 + i] = dzi;
            expected[9 + i] = dz * h[i];
        }
        expected[12] = dz;
        Mlp.Workspace ws = TINY.workspace(1);
        TINY.forward(TINY_PARAMS, x, 1, ws, new double[1]);
        double[] grad = new double[13];
        double[] gx = new double[2];
        TINY.backward(TINY_PARAMS, new double[] {1.0}, 1, ws, grad, gx);
        assertArrayEquals(expected, grad, 1e-15);
        // ∂L/∂x_j = Σ_i dz_i w_ij
        assertEquals(0.1 * dzHidden[0] + 0.3 * dzHidden[1] - 0.5 * dzHidden[2], gx[0], 1e-15);
        assertEquals(-0.2 * dzHidden[0] + 0.4 * dzHidden[1] + 0.6 * dzHidden[2], gx[1], 1e-15);
    }

    // ---- EJML habits: outputs fully overwritten, inputs untouched, gradients accumulate ----

    @Test
    void outputsFullyOverwrittenAndInputsUnchanged() {
        Mlp net = new Mlp(new int[] {3, 7, 5, 2}, Activation.LEAKY_RELU, Activation.TANH);
        SplittableRandom rng = new SplittableRandom(7);
        double[] params = randomParams(net, rng);
        int batch = 37;
        double[] x = random(batch * 3 + 4, rng);   // longer than needed
        double[] gradOut = random(batch * 2, rng);
        double[] paramsCopy = params.clone();
        double[] xCopy = x.clone();
        double[] gradOutCopy = gradOut.clone();
        double[] out = new double[batch * 2 + 3];
        Arrays.fill(out, Double.NaN);
        double[] gradInput = new double[batch * 3 + 2];
        Arrays.fill(gradInput, Double.NaN);
        double[] gradParams = new double[net.parameterCount()];

        Mlp.Workspace ws = net.workspace(50);
        net.forward(params, x, batch, ws, out);
        net.backward(params, gradOut, batch, ws, gradParams, gradInput);

        for (int k = 0; k < batch * 2; k++) {
            assertFalse(Double.isNaN(out[k]), "out[" + k + "] not written");
        }
        for (int k = batch * 2; k < out.length; k++) {
            assertTrue(Double.isNaN(out[k]), "out[" + k + "] written beyond the batch");
        }
        for (int k = 0; k < batch * 3; k++) {
            assertFalse(Double.isNaN(gradInput[k]), "gradInput[" + k + "] not written");
        }
        for (int k = batch * 3; k < gradInput.length; k++) {
            assertTrue(Double.isNaN(gradInput[k]), "gradInput[" + k + "] written beyond the batch");
        }
        assertArrayEquals(paramsCopy, params, 0.0);
        assertArrayEquals(xCopy, x, 0.0);
        assertArrayEquals(gradOutCopy, gradOut, 0.0);
    }

    @Test
    void backwardAddsIntoGradParams() {
        Mlp net = new Mlp(new int[] {2, 5, 3}, Activation.TANH, Activation.LINEAR);
        SplittableRandom rng = new SplittableRandom(11);
        double[] params = randomParams(net, rng);
        double[] x = random(10, rng);
        double[] gradOut = random(15, rng);
        Mlp.Workspace ws = net.workspace(5);
        net.forward(params, x, 5, ws, new double[15]);
        double[] once = new double[net.parameterCount()];
        net.backward(params, gradOut, 5, ws, once, null);
        double[] twice = new double[net.parameterCount()];
        net.backward(params, gradOut, 5, ws, twice, null);
        net.backward(params, gradOut, 5, ws, twice, null);
        for (int k = 0; k < once.length; k++) {
            assertEquals(2 * once[k], twice[k], 1e-15 * Math.abs(once[k]), "index " + k);
        }
        double[] offset = new double[net.parameterCount()];
        Arrays.fill(offset, 3.0);
        net.backward(params, gradOut, 5, ws, offset, null);
        for (int k = 0; k < once.length; k++) {
            assertEquals(3.0 + once[k], offset[k], 1e-15, "index " + k);
        }
        assertTrue(Arrays.stream(once).anyMatch(g -> Math.abs(g) > 1e-3), "gradient is not trivial");
    }

    /**
     * Without gradParams the backward pass writes the same ∂L/∂x, bit for bit (the weight
     * gradient is skipped, the input-gradient path is the same arithmetic).
     */
    @Test
    void inputGradientOnlyBackwardEqualsTheFullOne() {
        Mlp net = new Mlp(new int[] {1, 64, 64, 1}, Activation.TANH, Activation.LINEAR);
        SplittableRandom rng = new SplittableRandom(13);
        double[] params = randomParams(net, rng);
        int batch = 300;
        double[] x = random(batch, rng);
        double[] gradOut = random(batch, rng);
        Mlp.Workspace ws = net.workspace(batch);
        net.forward(params, x, batch, ws, new double[batch]);
        double[] full = new double[batch];
        net.backward(params, gradOut, batch, ws, new double[net.parameterCount()], full);
        double[] only = new double[batch];
        Arrays.fill(only, Double.NaN);
        net.backward(params, gradOut, batch, ws, null, only);
        assertArrayEquals(full, only, 0.0);
        assertTrue(Arrays.stream(full).anyMatch(g -> Math.abs(g) > 1e-3), "input gradient is not trivial");
    }

    /**
     * A sample's output and gradient do not depend on the batch it is in: a batch of 150 through a
     * 300-wide layer (4 full outer-product tiles of 32 samples and a partial one; both
     * orientations of that kernel) must agree with 150 single-sample passes.
     */
    @Test
    void batchedPassAgreesWithSingleSamples() {
        Mlp net = new Mlp(new int[] {2, 300, 3}, Activation.TANH, Activation.LINEAR);
        SplittableRandom rng = new SplittableRandom(5);
        double[] params = randomParams(net, rng);
        int batch = 150;
        double[] x = random(batch * 2, rng);
        double[] gradOut = random(batch * 3, rng);
        Mlp.Workspace ws = net.workspace(batch);
        double[] out = new double[batch * 3];
        double[] gradParams = new double[net.parameterCount()];
        double[] gradInput = new double[batch * 2];
        net.forward(params, x, batch, ws, out);
        net.backward(params, gradOut, batch, ws, gradParams, gradInput);

        Mlp.Workspace one = net.workspace(1);
        double[] sumGrad = new double[net.parameterCount()];
        double[] o = new double[3];
        double[] gx = new double[2];
        for (int b = 0; b < batch; b++) {
            net.forward(params, Arrays.copyOfRange(x, 2 * b, 2 * b + 2), 1, one, o);
            assertArrayEquals(Arrays.copyOfRange(out, 3 * b, 3 * b + 3), o, 0.0, "sample " + b);
            net.backward(params, Arrays.copyOfRange(gradOut, 3 * b, 3 * b + 3), 1, one, sumGrad, gx);
            assertArrayEquals(Arrays.copyOfRange(gradInput, 2 * b, 2 * b + 2), gx, 1e-14, "sample " + b);
        }
        double scale = Arrays.stream(sumGrad).map(Math::abs).max().orElseThrow();
        assertArrayEquals(sumGrad, gradParams, 1e-13 * scale);
    }

    /** A workspace serves any batch up to its maximum, in any order. */
    @Test
    void workspaceReusedWithSmallerBatch() {
        Mlp net = new Mlp(new int[] {4, 6, 2}, Activation.RELU, Activation.LINEAR);
        SplittableRandom rng = new SplittableRandom(3);
        double[] params = randomParams(net, rng);
        double[] x = random(4 * 9, rng);
        Mlp.Workspace ws = net.workspace(9);
        double[] outBig = new double[18];
        net.forward(params, x, 9, ws, outBig);
        double[] outSmall = new double[6];
        net.forward(params, x, 3, ws, outSmall);
        assertArrayEquals(Arrays.copyOf(outBig, 6), outSmall, 0.0);
    }

    // ---- initialisation ----

    @Test
    void initializationIsDeterministicGivenTheSeed() {
        Mlp net = new Mlp(new int[] {3, 16, 16, 2}, Activation.TANH, Activation.LINEAR);
        double[] a = new double[net.parameterCount()];
        double[] b = new double[net.parameterCount()];
        double[] c = new double[net.parameterCount()];
        net.initialize(a, new Well19937c(42));
        net.initialize(b, new Well19937c(42));
        net.initialize(c, new Well19937c(43));
        assertArrayEquals(a, b, 0.0);
        assertFalse(Arrays.equals(a, c));
        long differing = 0;
        for (int k = 0; k < a.length; k++) {
            differing += a[k] != c[k] ? 1 : 0;
        }
        assertEquals(net.parameterCount() - (16 + 16 + 2), differing, "every weight differs, no bias");
    }

    @Test
    void initializationScaleIsGlorotOrHe() {
        checkScale(new Mlp(new int[] {30, 50, 20}, Activation.TANH, Activation.LINEAR),
                new double[] {Math.sqrt(6.0 / 80), Math.sqrt(6.0 / 70)});
        checkScale(new Mlp(new int[] {30, 50, 40, 20}, Activation.RELU, Activation.LINEAR),
                new double[] {Math.sqrt(6.0 / 30), Math.sqrt(6.0 / 50), Math.sqrt(6.0 / 60)});
        checkScale(new Mlp(new int[] {30, 50, 20}, Activation.LEAKY_RELU, Activation.RELU),
                new double[] {Math.sqrt(6.0 / 30), Math.sqrt(6.0 / 70)});
    }

    /** Each layer's weights lie in (−r, r) and look uniform there: max |w| near r, mean w² ≈ r²/3. */
    private static void checkScale(Mlp net, double[] bounds) {
        double[] p = new double[net.parameterCount()];
        Arrays.fill(p, Double.NaN);
        net.initialize(p, new Well19937c(2024));
        for (int l = 0; l < net.layerCount(); l++) {
            double r = bounds[l];
            double max = 0;
            double sumSq = 0;
            int n = net.biasOffset(l) - net.weightOffset(l);
            for (int k = net.weightOffset(l); k < net.biasOffset(l); k++) {
                max = Math.max(max, Math.abs(p[k]));
                sumSq += p[k] * p[k];
            }
            assertTrue(max < r && max > 0.97 * r, "layer " + l + ": max |w| " + max + ", bound " + r);
            double meanSq = sumSq / n;
            // Var of U(−r, r) is r²/3; the mean of n ≥ 1000 squares has relative sd ≈ 0.9/√n
            assertEquals(r * r / 3, meanSq, 0.1 * r * r / 3, "layer " + l);
            int nOut = net.widths()[l + 1];
            for (int i = 0; i < nOut; i++) {
                assertEquals(0.0, p[net.biasOffset(l) + i], 0.0, "bias " + i + " of layer " + l);
            }
        }
    }

    // ---- validation ----

    @Test
    void constructorRejectsBadWidths() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Mlp(new int[] {3}, Activation.TANH, Activation.LINEAR));
        assertTrue(e.getMessage().contains(">= 2 entries") && e.getMessage().contains("[3]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new Mlp(new int[] {2, 0, 1}, Activation.TANH, Activation.LINEAR));
        assertEquals("widths[1] must be >= 1, got 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Mlp(null, Activation.TANH, Activation.TANH));
        assertThrows(IllegalArgumentException.class, () -> new Mlp(new int[] {1, 1}, null, Activation.TANH));
        e = assertThrows(IllegalArgumentException.class,
                () -> new Mlp(new int[] {1, 100_000, 100_000, 1}, Activation.TANH, Activation.TANH));
        assertTrue(e.getMessage().contains("parameter count"), e.getMessage());
    }

    @Test
    void widthsAreCopied() {
        int[] w = {2, 3, 1};
        Mlp net = new Mlp(w, Activation.TANH, Activation.TANH);
        w[1] = 99;
        assertArrayEquals(new int[] {2, 3, 1}, net.widths());
        net.widths()[1] = 77;
        assertArrayEquals(new int[] {2, 3, 1}, net.widths());
        assertEquals(13, net.parameterCount());
    }

    @Test
    void layerIndexChecked() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TINY.weightOffset(2));
        assertEquals("layer must be in [0, 2), got 2", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TINY.biasOffset(-1));
    }

    @Test
    void forwardAndBackwardRejectBadArguments() {
        Mlp.Workspace ws = TINY.workspace(4);
        double[] p = TINY_PARAMS.clone();
        double[] x = new double[8];
        double[] out = new double[4];
        assertMessage("batch must be in [1, 4] (the workspace's maxBatch), got 5",
                () -> TINY.forward(p, new double[10], 5, ws, new double[5]));
        assertMessage("batch must be in [1, 4] (the workspace's maxBatch), got 0",
                () -> TINY.forward(p, x, 0, ws, out));
        assertMessage("x must have length >= 8, got 7", () -> TINY.forward(p, new double[7], 4, ws, out));
        assertMessage("out must have length >= 4, got 3", () -> TINY.forward(p, x, 4, ws, new double[3]));
        assertMessage("params must have length 13, got 12", () -> TINY.forward(new double[12], x, 4, ws, out));
        assertMessage("out may not alias x", () -> TINY.forward(p, x, 2, ws, x));
        assertMessage("workspace must be non-null", () -> TINY.forward(p, x, 4, null, out));
        Mlp other = new Mlp(new int[] {2, 4, 1}, Activation.TANH, Activation.TANH);
        assertMessage("workspace was made for widths [2, 4, 1], this network has [2, 3, 1]",
                () -> TINY.forward(p, x, 4, other.workspace(4), out));

        double[] g = new double[13];
        assertMessage("batch must equal the batch of the last forward pass with this workspace (-1), got 4",
                () -> TINY.backward(p, new double[4], 4, ws, g, null));
        TINY.forward(p, x, 3, ws, out);
        assertMessage("batch must equal the batch of the last forward pass with this workspace (3), got 4",
                () -> TINY.backward(p, new double[4], 4, ws, g, null));
        assertMessage("gradOut must have length >= 3, got 2", () -> TINY.backward(p, new double[2], 3, ws, g, null));
        assertMessage("gradParams must have length 13, got 14",
                () -> TINY.backward(p, new double[3], 3, ws, new double[14], null));
        assertMessage("gradParams may not alias params", () -> TINY.backward(p, new double[3], 3, ws, p, null));
        assertMessage("gradInput must have length >= 6, got 5",
                () -> TINY.backward(p, new double[3], 3, ws, g, new double[5]));
        double[] shared = new double[13];
        assertMessage("gradInput may not alias params, gradParams or gradOut",
                () -> TINY.backward(p, shared, 3, ws, g, shared));
        assertMessage("gradParams and gradInput are both null: nothing to compute",
                () -> TINY.backward(p, new double[3], 3, ws, null, null));
        Mlp sameWidths = new Mlp(new int[] {2, 3, 1}, Activation.RELU, Activation.TANH);
        assertMessage("the last forward pass with this workspace was made by another network,"
                + " Mlp[2, 3, 1](hidden=TANH, output=TANH)",
                () -> sameWidths.backward(p, new double[3], 3, ws, g, null));
        assertMessage("maxBatch must be >= 1, got 0", () -> TINY.workspace(0));
        assertMessage("params must have length 13, got 3", () -> TINY.initialize(new double[3], new Well19937c(1)));
        assertArrayEquals(TINY_PARAMS, p, 0.0);
    }

    private static void assertMessage(String message, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertEquals(message, e.getMessage());
    }

    // ---- helpers shared by the tests of this package ----

    /** Glorot weights and non-zero biases, so every parameter path is exercised. */
    static double[] randomParams(Mlp net, SplittableRandom rng) {
        double[] p = new double[net.parameterCount()];
        net.initialize(p, new Well19937c(rng.nextLong()));
        for (int l = 0; l < net.layerCount(); l++) {
            for (int k = net.biasOffset(l); k < net.biasOffset(l) + net.widths()[l + 1]; k++) {
                p[k] = rng.nextDouble(-0.5, 0.5);
            }
        }
        return p;
    }

    /** Parameters and a batch of inputs of a network. */
    record Draw(double[] params, double[] x) {
    }

    /**
     * Draws parameters ({@link #randomParams}) and a batch of inputs ({@link #random}), lets
     * adjust change them, and repeats until every pre-activation of every layer is at least
     * margin from 0, so that no finite difference of step h &lt; margin crosses a ReLU kink.
     * Seeded, so the same draw every run.
     *
     * @throws AssertionError after 1,000 draws
     */
    static Draw awayFromKinks(Mlp net, int batch, double margin, SplittableRandom rng,
            java.util.function.BiConsumer<double[], double[]> adjust) {
        Mlp.Workspace ws = net.workspace(batch);
        for (int tries = 0; tries < 1000; tries++) {
            double[] params = randomParams(net, rng);
            double[] x = random(batch * net.inputSize(), rng);
            adjust.accept(params, x);
            net.forward(params, x, batch, ws, new double[batch * net.outputSize()]);
            if (minAbsPreActivation(ws, net, batch) >= margin) {
                return new Draw(params, x);
            }
        }
        throw new AssertionError("no draw away from the kinks in 1,000 tries");
    }

    private static double minAbsPreActivation(Mlp.Workspace ws, Mlp net, int batch) {
        double min = Double.POSITIVE_INFINITY;
        for (int c = 0; c * Mlp.CHUNK < batch; c++) {
            int n = Math.min(Mlp.CHUNK, batch - c * Mlp.CHUNK);
            for (int l = 1; l <= net.layerCount(); l++) {
                for (double[] row : ws.chunks[c].pre[l]) {
                    for (int b = 0; b < n; b++) {
                        min = Math.min(min, Math.abs(row[b]));
                    }
                }
            }
        }
        return min;
    }

    static double[] random(int n, SplittableRandom rng) {
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = rng.nextDouble(-1.5, 1.5);
        }
        return v;
    }

    @Test
    void toStringNamesTheArchitecture() {
        assertEquals("Mlp[2, 3, 1](hidden=TANH, output=TANH)", TINY.toString());
        assertNotEquals(TINY.toString(), new Mlp(new int[] {2, 3, 1}, Activation.RELU, Activation.TANH).toString());
    }
}
