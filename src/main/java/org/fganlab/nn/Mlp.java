package org.fganlab.nn;

import java.util.Arrays;
import org.hipparchus.random.RandomGenerator;

/**
 * Multilayer perceptron: widths[0] inputs → widths[1] → … → widths[L] outputs, L =
 * {@link #layerCount()} dense layers; the {@code hidden} activation on layers 0 … L−2, the
 * {@code output} activation on layer L−1.
 *
 * <p>Layer l (0-based) with n = widths[l] inputs and m = widths[l+1] outputs maps a sample's
 * input a to z_i = b_i + Σ_j w_ij a_j and a'_i = φ(z_i). An instance holds only the
 * architecture: it is immutable and may be shared by threads. The parameters live in one flat
 * caller-owned {@code double[]} of length {@link #parameterCount()}, layers consecutive, each
 * layer's weights then biases:
 * <pre>
 *   params[weightOffset(l) + i*n + j] = w_ij   (output i, input j)
 *   params[biasOffset(l) + i]         = b_i    (biasOffset(l) = weightOffset(l) + m*n)
 * </pre>
 * Batches are row-major: sample b's input j is {@code x[b*inputSize() + j]}, its output i is
 * {@code out[b*outputSize() + i]}.
 *
 * <p>{@link #gradientPenalty} computes the WGAN-GP penalty on the input gradient of a scalar
 * output and adds its parameter gradient (a backward pass through the backward pass).
 *
 * <p>{@link #forward}, {@link #backward} and {@link #gradientPenalty} are the checked API (they
 * validate array lengths, the batch and aliasing) and allocate nothing: every intermediate lives
 * in a caller-owned {@link Workspace}, one per thread. A batch runs as consecutive chunks of at
 * most {@value #CHUNK} samples (the weight gradients of the chunks are added in chunk order, so the
 * result is a fixed function of the inputs). The workspace stores each chunk's activations
 * feature-major, one row {@code double[]} per unit holding that unit's value for every sample
 * of the chunk. This class holds the chain rule, one layer per method; the loops over the rows
 * are in {@link MlpKernels}.
 */
public final class Mlp {

    /**
     * Samples per chunk: a batch runs as consecutive chunks of at most this many samples, each
     * with its own rows, so that a layer's rows (64 × 256 doubles = 128 KiB) stay in the 512 KiB
     * L2 cache (docs/performance-notes.md).
     */
    static final int CHUNK = 256;

    private final int[] widths;
    private final Activation hidden;
    private final Activation output;
    private final int[] weightOffsets;
    private final int parameterCount;
    private final int maxWidth;

    /**
     * @param widths layer widths, inputs first (copied)
     * @param hidden activation of every hidden layer
     * @param output activation of the output layer
     * @throws IllegalArgumentException if widths has fewer than 2 entries or an entry below 1, if
     *     the parameter count exceeds {@code Integer.MAX_VALUE − 8}, or an activation is null
     */
    public Mlp(int[] widths, Activation hidden, Activation output) {
        if (widths == null || widths.length < 2) {
            throw new IllegalArgumentException("widths must have >= 2 entries (inputs, outputs), got "
                    + (widths == null ? "null" : Arrays.toString(widths)));
        }
        if (hidden == null || output == null) {
            throw new IllegalArgumentException("activations must be non-null, got hidden=" + hidden
                    + ", output=" + output);
        }
        this.widths = widths.clone();
        this.hidden = hidden;
        this.output = output;
        int layers = widths.length - 1;
        this.weightOffsets = new int[layers];
        long offset = 0;
        int widest = 0;
        for (int k = 0; k < this.widths.length; k++) {
            if (this.widths[k] < 1) {
                throw new IllegalArgumentException(
                        "widths[" + k + "] must be >= 1, got " + this.widths[k]);
            }
            widest = Math.max(widest, this.widths[k]);
        }
        for (int l = 0; l < layers; l++) {
            weightOffsets[l] = (int) Math.min(offset, Integer.MAX_VALUE);
            offset += (long) this.widths[l + 1] * (this.widths[l] + 1);
            if (offset > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("parameter count must be <= "
                        + (Integer.MAX_VALUE - 8) + ", got more for widths " + Arrays.toString(widths));
            }
        }
        this.parameterCount = (int) offset;
        this.maxWidth = widest;
    }

    /** @return widths[0] */
    public int inputSize() {
        return widths[0];
    }

    /** @return widths[L] */
    public int outputSize() {
        return widths[widths.length - 1];
    }

    /** @return a copy of the widths */
    public int[] widths() {
        return widths.clone();
    }

    /** @return the activation of the output layer */
    public Activation outputActivation() {
        return output;
    }

    /** @return Σ_l widths[l+1]·(widths[l] + 1), the length of a parameter array */
    public int parameterCount() {
        return parameterCount;
    }

    /** @return L = widths.length − 1, the number of dense layers */
    public int layerCount() {
        return widths.length - 1;
    }

    /**
     * @param layer 0-based layer index
     * @return the offset of w_00 of that layer in the flat parameter array
     * @throws IllegalArgumentException if layer is not in [0, layerCount())
     */
    public int weightOffset(int layer) {
        checkLayer(layer);
        return weightOffsets[layer];
    }

    /**
     * @param layer 0-based layer index
     * @return the offset of b_0 of that layer: {@code weightOffset(layer) + nOut*nIn}
     * @throws IllegalArgumentException if layer is not in [0, layerCount())
     */
    public int biasOffset(int layer) {
        checkLayer(layer);
        return weightOffsets[layer] + widths[layer + 1] * widths[layer];
    }

    /**
     * Glorot-uniform weights, w ~ U(−r, r) with r = √(6/(nIn + nOut)) (Glorot &amp; Bengio
     * 2010), except r = √(6/nIn) (He et al. 2015) on hidden layers whose activation is RELU or
     * LEAKY_RELU; zero biases. Draws one {@code rng.nextDouble()} per weight, layer by layer in
     * the flat order, so the result is a function of the generator's state.
     *
     * @param params written, length {@link #parameterCount()}
     * @param rng advanced by the number of weights
     * @throws IllegalArgumentException if params has the wrong length or rng is null
     */
    public void initialize(double[] params, RandomGenerator rng) {
        checkLength("params", params, parameterCount);
        if (rng == null) {
            throw new IllegalArgumentException("rng must be non-null");
        }
        for (int l = 0; l < layerCount(); l++) {
            int nIn = widths[l];
            int nOut = widths[l + 1];
            boolean reluHidden = l < layerCount() - 1
                    && (hidden == Activation.RELU || hidden == Activation.LEAKY_RELU);
            double r = reluHidden ? Math.sqrt(6.0 / nIn) : Math.sqrt(6.0 / (nIn + nOut));
            int w = weightOffsets[l];
            for (int k = 0; k < nOut * nIn; k++) {
                params[w + k] = r * (2.0 * rng.nextDouble() - 1.0);
            }
            Arrays.fill(params, w + nOut * nIn, w + nOut * (nIn + 1), 0.0);
        }
    }

    /**
     * @param maxBatch the largest batch the workspace will serve, ≥ 1
     * @return fresh buffers for {@link #forward}, {@link #backward} and {@link #gradientPenalty}
     *     with batches up to maxBatch
     * @throws IllegalArgumentException if maxBatch &lt; 1 or the buffers would exceed an array
     */
    public Workspace workspace(int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be >= 1, got " + maxBatch);
        }
        return new Workspace(this, maxBatch);
    }

    /**
     * Forward pass over a batch. Keeps in ws what {@link #backward} and
     * {@link #gradientPenalty} need.
     *
     * @param params parameters (not modified), length {@link #parameterCount()}
     * @param x inputs (not modified), sample b's input j at {@code x[b*inputSize() + j]}; length
     *     ≥ batch·inputSize()
     * @param batch number of samples, in [1, ws.maxBatch()]
     * @param ws workspace of this network's architecture (modified)
     * @param out written: the first batch·outputSize() entries, row-major; may not be x
     * @throws IllegalArgumentException on a wrong length, batch, workspace, or out == x
     */
    public void forward(double[] params, double[] x, int batch, Workspace ws, double[] out) {
        checkLength("params", params, parameterCount);
        checkWorkspace(ws, batch);
        checkAtLeast("x", x, (long) batch * inputSize());
        checkAtLeast("out", out, (long) batch * outputSize());
        if (out == x) {
            throw new IllegalArgumentException("out may not alias x");
        }
        for (int from = 0; from < batch; from += CHUNK) {
            forwardChunk(params, x, from, Math.min(CHUNK, batch - from), ws, ws.chunks[from / CHUNK], out);
        }
        ws.batch = batch;
        ws.lastForward = this;
    }

    /**
     * Backward pass for the last {@link #forward} with the same ws, batch and params: given
     * gradOut = ∂L/∂out, adds ∂L/∂params into gradParams if it is non-null and, if gradInput is
     * non-null, writes ∂L/∂x into it. Without gradParams the weight-gradient products are skipped
     * (about half the work), e.g. when only the generator's ∂L/∂x is wanted.
     *
     * @param params the parameters of that forward pass (not modified)
     * @param gradOut ∂L/∂out (not modified), row-major like out; length ≥ batch·outputSize()
     * @param batch the batch of that forward pass
     * @param ws the workspace of that forward pass (its gradient buffers are modified)
     * @param gradParams null, or ∂L/∂params is <em>added</em> (the caller zeroes it when
     *     needed); length {@link #parameterCount()}; may not be params
     * @param gradInput null, or written: the first batch·inputSize() entries, row-major like x;
     *     may not be params, gradParams or gradOut
     * @throws IllegalArgumentException on a wrong length or aliasing, if both gradParams and
     *     gradInput are null, if ws has seen no forward pass, if that pass was made by another
     *     Mlp, or batch differs from that pass's
     */
    public void backward(double[] params, double[] gradOut, int batch, Workspace ws,
            double[] gradParams, double[] gradInput) {
        checkLength("params", params, parameterCount);
        checkLastForward(ws, batch);
        checkAtLeast("gradOut", gradOut, (long) batch * outputSize());
        if (gradParams == null && gradInput == null) {
            throw new IllegalArgumentException("gradParams and gradInput are both null: nothing to compute");
        }
        if (gradParams != null) {
            checkLength("gradParams", gradParams, parameterCount);
        }
        if (gradParams == params) {
            throw new IllegalArgumentException("gradParams may not alias params");
        }
        if (gradInput != null) {
            checkAtLeast("gradInput", gradInput, (long) batch * inputSize());
            if (gradInput == params || gradInput == gradParams || gradInput == gradOut) {
                throw new IllegalArgumentException(
                        "gradInput may not alias params, gradParams or gradOut");
            }
        }
        for (int from = 0; from < batch; from += CHUNK) {
            backwardChunk(params, gradOut, from, Math.min(CHUNK, batch - from), ws, ws.chunks[from / CHUNK],
                    gradParams, gradInput);
        }
    }

    /**
     * WGAN-GP gradient penalty (Gulrajani et al. 2017, "Improved Training of Wasserstein GANs",
     * Algorithm 1, line 7) at the inputs x̂_b of the last {@link #forward} with ws, and its
     * gradient with respect to the parameters ω ("double backpropagation"):
     * <pre>
     *   P = (λ/B)·Σ_b (‖u_b‖₂ − 1)²,   u_b = ∂V/∂x (x̂_b),   V the network's scalar output,
     * </pre>
     * returns P and adds ∂P/∂ω into gradParams. Where u_b = 0 the norm is not differentiable;
     * that sample's ∂/∂u_b is taken as 0 (as PyTorch's norm backward does), so it adds only to P.
     *
     * <p>Method, with levels k = 1 … L (layer k − 1 of this class), z^k = W^k a^(k−1) + b^k,
     * a^k = φ_k(z^k), a^0 = x: (1) the input gradient g^L = 1, δ^k = g^k ⊙ φ_k'(z^k),
     * g^(k−1) = W^kᵀ δ^k, u = g^0, with δ^k kept for every level; (2) ū = (2λ/B)(‖u‖ − 1)u/‖u‖;
     * (3) reverse through (1) upwards from ḡ^0 = ū: δ̄^k = W^k ḡ^(k−1), ∂P/∂W^k += δ^k ḡ^(k−1)ᵀ,
     * ḡ^k = δ̄^k ⊙ φ_k'(z^k), and the second-order source z̃^k = δ̄^k ⊙ g^k ⊙ φ_k''(z^k);
     * (4) an ordinary backward pass over the forward graph from the top, with the adjoint
     * z̄^k = ā^k ⊙ φ_k'(z^k) + z̃^k, ā^L = 0: ∂P/∂W^k += z̄^k a^(k−1)ᵀ, ∂P/∂b^k += z̄^k,
     * ā^(k−1) = W^kᵀ z̄^k. Since φ'' = 0 for RELU, LEAKY_RELU and LINEAR, (4) starts at the
     * highest TANH layer and is skipped for a network without one (there the biases get no
     * gradient). Counting matrix products, the cost is about 2.5 {@link #backward} passes with
     * gradParams for a TANH network and 1.5 for a piecewise-linear one (measured 2.2–2.5 and
     * 1.5–1.6 for widths {2, 128, 128, 128, 1}, batch 256). Sums run in a fixed order, chunk after chunk,
     * so the result is a fixed function of the inputs. Allocates nothing. Reads only what the
     * forward pass left in ws (and overwrites its gradient buffers), so {@link #backward} may be
     * called before or after it for the same forward pass.
     *
     * @param params the parameters of that forward pass (not modified), length
     *     {@link #parameterCount()}
     * @param batch B, the batch of that forward pass
     * @param ws the workspace of that forward pass (its gradient buffers are modified)
     * @param lambda λ ≥ 0, the penalty coefficient (the paper uses 10); for λ = 0 the method
     *     returns 0 and adds nothing
     * @param gradParams ∂P/∂ω is <em>added</em> (the caller zeroes it when needed); length
     *     {@link #parameterCount()}; may not be params
     * @return P ≥ 0
     * @throws IllegalArgumentException if {@link #outputSize()} ≠ 1, λ is negative, NaN or
     *     infinite, on a wrong length or aliasing, if ws has seen no forward pass, if that pass
     *     was made by another Mlp, or batch differs from that pass's
     */
    public double gradientPenalty(double[] params, int batch, Workspace ws, double lambda,
            double[] gradParams) {
        if (outputSize() != 1) {
            throw new IllegalArgumentException("the gradient penalty needs a scalar output, this"
                    + " network has " + outputSize() + " outputs");
        }
        if (!(lambda >= 0.0 && lambda < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("lambda must be finite and >= 0, got " + lambda);
        }
        checkLength("params", params, parameterCount);
        checkLastForward(ws, batch);
        checkLength("gradParams", gradParams, parameterCount);
        if (gradParams == params) {
            throw new IllegalArgumentException("gradParams may not alias params");
        }
        if (lambda == 0.0) {
            return 0.0;
        }
        double scale = 2.0 * lambda / batch;
        double sum = 0.0;
        for (int from = 0; from < batch; from += CHUNK) {
            sum += penaltyChunk(params, Math.min(CHUNK, batch - from), scale, ws,
                    ws.chunks[from / CHUNK], gradParams);
        }
        return lambda / batch * sum;
    }

    /**
     * Steps (1)–(4) of {@link #gradientPenalty} for one chunk of n samples, with ū scaled by
     * scale = 2λ/B: adds the chunk's ∂P/∂ω to gradParams and returns its Σ_b (‖u_b‖ − 1)², the
     * samples in order.
     */
    private double penaltyChunk(double[] params, int n, double scale, Workspace ws, Chunk ch,
            double[] gradParams) {
        int layers = layerCount();
        double[][][] delta = ch.penaltyDelta;
        // (1) δ^L = φ_L'(z^L) (g^L = 1), then δ^k for k = L−1 … 1 and u = g^0 into gBar
        double[] top = delta[layers][0];
        Arrays.fill(top, 0, n, 1.0);
        output.multiplyDerivativeRow(ch.pre[layers][0], ch.act[layers][0], top, 0, n);
        for (int l = layers - 1; l >= 1; l--) {
            int nIn = widths[l];
            MlpKernels.affine(params, weightOffsets[l], 1, nIn, -1, delta[l + 1], widths[l + 1],
                    delta[l], nIn, n);
            for (int j = 0; j < nIn; j++) {
                hidden.multiplyDerivativeRow(ch.pre[l][j], ch.act[l][j], delta[l][j], 0, n);
            }
        }
        double[][] gBar = ch.deltaA;
        int nx = widths[0];
        MlpKernels.affine(params, weightOffsets[0], 1, nx, -1, delta[1], widths[1], gBar, nx, n);
        // (2) ‖u_b‖, Σ (‖u_b‖ − 1)², and ū_b = scale·(‖u_b‖ − 1)/‖u_b‖ · u_b (0 where u_b = 0)
        double[] factor = ws.scratch;
        Arrays.fill(factor, 0, n, 0.0);
        for (int j = 0; j < nx; j++) {
            double[] u = gBar[j];
            for (int b = 0; b < n; b++) {
                factor[b] = Math.fma(u[b], u[b], factor[b]);
            }
        }
        double sum = 0.0;
        for (int b = 0; b < n; b++) {
            double norm = Math.sqrt(factor[b]);
            double excess = norm - 1.0;
            sum += excess * excess;
            factor[b] = norm > 0.0 ? scale * excess / norm : 0.0;
        }
        for (int j = 0; j < nx; j++) {
            double[] u = gBar[j];
            for (int b = 0; b < n; b++) {
                u[b] *= factor[b];
            }
        }
        // (3) upwards: δ̄^k = W^k ḡ^(k−1), ∂P/∂W^k += δ^k ḡ^(k−1)ᵀ, δ^k ← z̃^k, ḡ^k = δ̄^k ⊙ φ_k'
        double[][] dBar = ch.deltaB;
        for (int l = 0; l < layers; l++) {
            int nIn = widths[l];
            int nOut = widths[l + 1];
            double[][] d = delta[l + 1];
            MlpKernels.affine(params, weightOffsets[l], nIn, 1, -1, gBar, nIn, dBar, nOut, n);
            MlpKernels.addWeightOnlyGradient(gBar, nIn, d, nOut, n, ws.tile, ws.acc, gradParams,
                    weightOffsets[l]);
            Activation phi = activation(l);
            for (int i = 0; i < nOut; i++) {
                phi.secondOrderSourceRow(ch.act[l + 1][i], d[i], dBar[i], 0, n);
            }
            if (l < layers - 1) {
                for (int i = 0; i < nOut; i++) {
                    phi.multiplyDerivativeRow(ch.pre[l + 1][i], ch.act[l + 1][i], dBar[i], 0, n);
                }
                double[][] swap = gBar;
                gBar = dBar;
                dBar = swap;
            }
        }
        // (4) downwards from the highest level with a second-order source; above it z̄ = 0
        int curvedTop = output.curved() ? layers : hidden.curved() ? layers - 1 : 0;
        double[][] aBar = ch.deltaA;
        for (int l = curvedTop - 1; l >= 0; l--) {
            int nIn = widths[l];
            double[][] zBar = delta[l + 1];
            MlpKernels.addWeightGradient(ch.actWithOne[l], nIn, zBar, widths[l + 1], n, ws.tile,
                    ws.acc, gradParams, weightOffsets[l]);
            if (l > 0) {
                MlpKernels.affine(params, weightOffsets[l], 1, nIn, -1, zBar, widths[l + 1], aBar,
                        nIn, n);
                for (int j = 0; j < nIn; j++) {
                    double[] a = aBar[j];
                    double[] below = delta[l][j];
                    hidden.multiplyDerivativeRow(ch.pre[l][j], ch.act[l][j], a, 0, n);
                    for (int b = 0; b < n; b++) {
                        below[b] += a[b];
                    }
                }
            }
        }
        return sum;
    }

    private Activation activation(int layer) {
        return layer == layerCount() - 1 ? output : hidden;
    }

    /** Forward pass of samples [from, from + n) with the chunk's rows (sample b at row index b − from). */
    private void forwardChunk(double[] params, double[] x, int from, int n, Workspace ws, Chunk ch,
            double[] out) {
        toRows(x, from, n, ch.act[0], inputSize());
        for (int l = 0; l < layerCount(); l++) {
            layerForward(params, l, ch, n, ws.scratch);
        }
        fromRows(ch.act[layerCount()], outputSize(), n, out, from);
    }

    /** Layer l: z = W a + b, then a' = φ(z), on the chunk's rows act[l] → pre[l+1], act[l+1]. */
    private void layerForward(double[] params, int l, Chunk ch, int n, double[] scratch) {
        int nIn = widths[l];
        int nOut = widths[l + 1];
        double[][] z = ch.pre[l + 1];
        double[][] a = ch.act[l + 1];
        MlpKernels.affine(params, weightOffsets[l], nIn, 1, weightOffsets[l] + nOut * nIn,
                ch.act[l], nIn, z, nOut, n);
        Activation phi = activation(l);
        for (int i = 0; i < nOut; i++) {
            phi.applyRow(z[i], a[i], scratch, 0, n);
        }
    }

    /** Backward pass of samples [from, from + n); adds the chunk's weight gradient to gradParams. */
    private void backwardChunk(double[] params, double[] gradOut, int from, int n, Workspace ws,
            Chunk ch, double[] gradParams, double[] gradInput) {
        int layers = layerCount();
        // δ = ∂L/∂z of the output layer = gradOut ⊙ φ'(z)
        double[][] delta = ch.deltaA;
        toRows(gradOut, from, n, delta, outputSize());
        for (int i = 0; i < outputSize(); i++) {
            output.multiplyDerivativeRow(ch.pre[layers][i], ch.act[layers][i], delta[i], 0, n);
        }
        double[][] deltaPrev = ch.deltaB;
        for (int l = layers - 1; l >= 0; l--) {
            boolean wantInput = l > 0 || gradInput != null;
            layerBackward(params, l, ch, n, ws, delta, gradParams, wantInput ? deltaPrev : null);
            double[][] swap = delta;
            delta = deltaPrev;
            deltaPrev = swap;
        }
        if (gradInput != null) {
            fromRows(delta, inputSize(), n, gradInput, from);    // after the last swap: ∂L/∂x
        }
    }

    /**
     * Layer l, given δ = ∂L/∂z of its outputs: ∂L/∂w_ij += Σ_b δ_i a_j and ∂L/∂b_i += Σ_b δ_i
     * (if gradParams is non-null), then (if deltaPrev is non-null) ∂L/∂a_j = Σ_i w_ij δ_i, times
     * φ'(z_j) below the input layer: the δ of layer l − 1, or ∂L/∂x for l = 0.
     */
    private void layerBackward(double[] params, int l, Chunk ch, int n, Workspace ws, double[][] delta,
            double[] gradParams, double[][] deltaPrev) {
        int nIn = widths[l];
        int nOut = widths[l + 1];
        if (gradParams != null) {
            // the bias is the weight of a constant-1 input: actWithOne[l] = act[l] and a row of ones
            MlpKernels.addWeightGradient(ch.actWithOne[l], nIn, delta, nOut, n, ws.tile, ws.acc,
                    gradParams, weightOffsets[l]);
        }
        if (deltaPrev == null) {
            return;
        }
        MlpKernels.affine(params, weightOffsets[l], 1, nIn, -1, delta, nOut, deltaPrev, nIn, n);
        if (l > 0) {
            for (int j = 0; j < nIn; j++) {
                hidden.multiplyDerivativeRow(ch.pre[l][j], ch.act[l][j], deltaPrev[j], 0, n);
            }
        }
    }

    /** rows[j][b] = x[(from + b)·width + j] for b &lt; n, j &lt; width: row-major samples into rows. */
    private static void toRows(double[] x, int from, int n, double[][] rows, int width) {
        for (int j = 0; j < width; j++) {
            double[] row = rows[j];
            for (int b = 0; b < n; b++) {
                row[b] = x[(from + b) * width + j];
            }
        }
    }

    /** out[(from + b)·width + j] = rows[j][b] for b &lt; n, j &lt; width: rows back into samples. */
    private static void fromRows(double[][] rows, int width, int n, double[] out, int from) {
        for (int j = 0; j < width; j++) {
            double[] row = rows[j];
            for (int b = 0; b < n; b++) {
                out[(from + b) * width + j] = row[b];
            }
        }
    }

    /** ws is this architecture's, batch fits it, and the last forward pass with ws was this network's with this batch. */
    private void checkLastForward(Workspace ws, int batch) {
        checkWorkspace(ws, batch);
        if (ws.batch >= 0 && ws.lastForward != this) {
            throw new IllegalArgumentException("the last forward pass with this workspace was made"
                    + " by another network, " + ws.lastForward);
        }
        if (ws.batch != batch) {
            throw new IllegalArgumentException("batch must equal the batch of the last forward pass"
                    + " with this workspace (" + ws.batch + "), got " + batch);
        }
    }

    private void checkLayer(int layer) {
        if (layer < 0 || layer >= layerCount()) {
            throw new IllegalArgumentException(
                    "layer must be in [0, " + layerCount() + "), got " + layer);
        }
    }

    private void checkWorkspace(Workspace ws, int batch) {
        if (ws == null) {
            throw new IllegalArgumentException("workspace must be non-null");
        }
        if (!Arrays.equals(ws.widths, widths)) {
            throw new IllegalArgumentException("workspace was made for widths "
                    + Arrays.toString(ws.widths) + ", this network has " + Arrays.toString(widths));
        }
        if (batch < 1 || batch > ws.maxBatch) {
            throw new IllegalArgumentException(
                    "batch must be in [1, " + ws.maxBatch + "] (the workspace's maxBatch), got " + batch);
        }
    }

    private static void checkLength(String name, double[] array, int length) {
        if (array == null || array.length != length) {
            throw new IllegalArgumentException(name + " must have length " + length + ", got "
                    + (array == null ? "null" : String.valueOf(array.length)));
        }
    }

    private static void checkAtLeast(String name, double[] array, long length) {
        if (array == null || array.length < length) {
            throw new IllegalArgumentException(name + " must have length >= " + length + ", got "
                    + (array == null ? "null" : String.valueOf(array.length)));
        }
    }

    @Override
    public String toString() {
        return "Mlp" + Arrays.toString(widths) + "(hidden=" + hidden + ", output=" + output + ")";
    }

    /**
     * Caller-owned buffers of one {@link Mlp} architecture for batches up to {@link #maxBatch()}:
     * each chunk's pre-activations and activations (one row per unit, feature-major) and two
     * gradient buffers, the per-layer rows of {@link Mlp#gradientPenalty}, and the scratch of the
     * weight-gradient kernel and the activation. Not
     * thread-safe: one per calling thread. It remembers the batch and the network of the last
     * forward pass, which {@link Mlp#backward} checks.
     */
    public static final class Workspace {
        private final int[] widths;
        private final int maxBatch;
        /** One set of rows per chunk of {@value #CHUNK} samples: chunk c holds samples [c·CHUNK, …). */
        final Chunk[] chunks;
        /** The weight-gradient kernel's tile and accumulator. */
        final double[][] tile;
        final double[][] acc;
        /** Scratch row of the activation ({@link Activation#applyRow}). */
        final double[] scratch;
        int batch = -1;
        Mlp lastForward;

        private Workspace(Mlp mlp, int maxBatch) {
            this.widths = mlp.widths;
            this.maxBatch = maxBatch;
            int count = (maxBatch + CHUNK - 1) / CHUNK;
            int length = Math.min(maxBatch, CHUNK);
            chunks = new Chunk[count];
            for (int c = 0; c < count; c++) {
                chunks[c] = new Chunk(mlp, length);
            }
            tile = new double[MlpKernels.OUTER_TILE][mlp.maxWidth + 1];
            acc = new double[mlp.maxWidth + 1][mlp.maxWidth + 1];
            scratch = new double[length];
        }

        /** @return the largest batch this workspace serves */
        public int maxBatch() {
            return maxBatch;
        }
    }

    /** The rows of one chunk of samples, feature-major: one row per unit, one entry per sample. */
    static final class Chunk {
        /** act[l][j][b]: activation of unit j of layer l (act[0] = the input) for sample b. */
        final double[][][] act;
        /** pre[l][j][b]: pre-activation z (pre[0] unused). */
        final double[][][] pre;
        /** actWithOne[l]: the rows of act[l] followed by a row of ones (the bias input). */
        final double[][][] actWithOne;
        final double[][] deltaA;
        final double[][] deltaB;
        /**
         * penaltyDelta[k] (k ≥ 1; [0] unused): the rows of δ^k of the gradient penalty's
         * input-gradient pass, overwritten by the adjoint z̄^k ({@link Mlp#gradientPenalty}).
         */
        final double[][][] penaltyDelta;

        Chunk(Mlp mlp, int length) {
            int[] widths = mlp.widths;
            int levels = widths.length;
            act = new double[levels][][];
            pre = new double[levels][][];
            actWithOne = new double[levels][][];
            double[] ones = new double[length];
            Arrays.fill(ones, 1.0);
            for (int l = 0; l < levels; l++) {
                act[l] = new double[widths[l]][length];
                pre[l] = l == 0 ? null : new double[widths[l]][length];
                actWithOne[l] = Arrays.copyOf(act[l], widths[l] + 1);
                actWithOne[l][widths[l]] = ones;
            }
            deltaA = new double[mlp.maxWidth][length];
            deltaB = new double[mlp.maxWidth][length];
            penaltyDelta = new double[levels][][];
            for (int l = 1; l < levels; l++) {
                penaltyDelta[l] = new double[widths[l]][length];
            }
        }
    }
}
