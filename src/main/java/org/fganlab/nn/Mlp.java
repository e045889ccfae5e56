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
 * <p>{@link #forward} and {@link #backward} are the checked API (they validate array lengths,
 * the batch and aliasing, then call unchecked loops) and allocate nothing: every intermediate
 * lives in a caller-owned {@link Workspace}, one per thread. The workspace stores each layer's
 * activations feature-major, one row {@code double[]} per unit holding that unit's value for
 * every sample, so each hot loop runs over the batch with the weight in a register, indexes every
 * array by the same loop counter, and is vectorised by C2 (see the package comment for the
 * measurements).
 */
public final class Mlp {

    /** Samples per tile of the outer-product (weight-gradient) kernel. */
    private static final int OUTER_TILE = 32;

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

    /** @return the activation of the hidden layers */
    public Activation hiddenActivation() {
        return hidden;
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
     * @return fresh buffers for {@link #forward} and {@link #backward} with batches up to maxBatch
     * @throws IllegalArgumentException if maxBatch &lt; 1 or the buffers would exceed an array
     */
    public Workspace workspace(int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be >= 1, got " + maxBatch);
        }
        return new Workspace(this, maxBatch);
    }

    /**
     * Forward pass over a batch. Keeps in ws what {@link #backward} needs.
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
        forwardUnchecked(params, x, batch, ws, out);
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
        checkWorkspace(ws, batch);
        if (ws.batch >= 0 && ws.lastForward != this) {
            throw new IllegalArgumentException("the last forward pass with this workspace was made"
                    + " by another network, " + ws.lastForward);
        }
        if (ws.batch != batch) {
            throw new IllegalArgumentException("batch must equal the batch of the last forward pass"
                    + " with this workspace (" + ws.batch + "), got " + batch);
        }
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
        backwardUnchecked(params, gradOut, batch, ws, gradParams, gradInput);
    }

    private Activation activation(int layer) {
        return layer == layerCount() - 1 ? output : hidden;
    }

    private void forwardUnchecked(double[] params, double[] x, int batch, Workspace ws, double[] out) {
        int nIn0 = widths[0];
        double[][] input = ws.act[0];
        for (int j = 0; j < nIn0; j++) {
            double[] row = input[j];
            for (int b = 0; b < batch; b++) {
                row[b] = x[b * nIn0 + j];
            }
        }
        for (int l = 0; l < layerCount(); l++) {
            int nIn = widths[l];
            int nOut = widths[l + 1];
            Activation phi = activation(l);
            double[][] z = ws.pre[l + 1];
            double[][] a = ws.act[l + 1];
            // z_i = b_i + Σ_j w_ij a_j, then a_i = φ(z_i)
            affine(params, weightOffsets[l], nIn, 1, weightOffsets[l] + nOut * nIn,
                    ws.act[l], nIn, z, nOut, batch);
            for (int i = 0; i < nOut; i++) {
                phi.applyRow(z[i], a[i], ws.scratch, 0, batch);
            }
        }
        int nOutL = outputSize();
        double[][] last = ws.act[layerCount()];
        for (int i = 0; i < nOutL; i++) {
            double[] row = last[i];
            for (int b = 0; b < batch; b++) {
                out[b * nOutL + i] = row[b];
            }
        }
        ws.batch = batch;
        ws.lastForward = this;
    }

    private void backwardUnchecked(double[] params, double[] gradOut, int batch, Workspace ws,
            double[] gradParams, double[] gradInput) {
        int layers = layerCount();
        double[][] delta = ws.deltaA;
        double[][] deltaPrev = ws.deltaB;
        // δ_i = ∂L/∂z_i of the output layer = gradOut_i · φ'(z_i)
        int nOutL = outputSize();
        for (int i = 0; i < nOutL; i++) {
            double[] d = delta[i];
            for (int b = 0; b < batch; b++) {
                d[b] = gradOut[b * nOutL + i];
            }
            output.multiplyDerivativeRow(ws.pre[layers][i], ws.act[layers][i], d, 0, batch);
        }
        for (int l = layers - 1; l >= 0; l--) {
            int nIn = widths[l];
            int nOut = widths[l + 1];
            // ∂L/∂w_ij = Σ_b δ_i a_j, ∂L/∂b_i = Σ_b δ_i: bias = weight of the constant-1 input
            if (gradParams != null) {
                accumulateWeightGradient(ws, l, delta, batch, gradParams);
            }
            if (l == 0 && gradInput == null) {
                break;
            }
            // ∂L/∂a_j = Σ_i w_ij δ_i (the transposed affine map), then ∂L/∂z_j = ∂L/∂a_j · φ'(z_j)
            affine(params, weightOffsets[l], 1, nIn, -1, delta, nOut, deltaPrev, nIn, batch);
            if (l > 0) {
                for (int j = 0; j < nIn; j++) {
                    hidden.multiplyDerivativeRow(ws.pre[l][j], ws.act[l][j], deltaPrev[j], 0, batch);
                }
            }
            double[][] swap = delta;
            delta = deltaPrev;
            deltaPrev = swap;
        }
        if (gradInput != null) {
            // after the last swap, delta holds ∂L/∂x
            int nIn0 = widths[0];
            for (int j = 0; j < nIn0; j++) {
                double[] d = delta[j];
                for (int b = 0; b < batch; b++) {
                    gradInput[b * nIn0 + j] = d[b];
                }
            }
        }
    }

    /**
     * Adds Σ_b δ_i[b]·a_j[b] to the weight gradient of layer l and Σ_b δ_i[b] to its bias
     * gradient. The sum runs as an outer-product accumulation whose inner loop is over the longer
     * of (inputs + 1) and outputs.
     */
    private void accumulateWeightGradient(Workspace ws, int l, double[][] delta, int batch,
            double[] gradParams) {
        int nIn = widths[l];
        int nOut = widths[l + 1];
        int w = weightOffsets[l];
        int bias = w + nOut * nIn;
        double[][] inputs = ws.actWithOne[l]; // nIn rows, then a row of ones
        double[][] acc = ws.acc;
        if (nIn + 1 >= nOut) {
            outer(delta, nOut, inputs, nIn + 1, batch, ws.tile, acc); // acc[i][j]
            for (int i = 0; i < nOut; i++) {
                double[] row = acc[i];
                for (int j = 0; j < nIn; j++) {
                    gradParams[w + i * nIn + j] += row[j];
                }
                gradParams[bias + i] += row[nIn];
            }
        } else {
            outer(inputs, nIn + 1, delta, nOut, batch, ws.tile, acc); // acc[j][i]
            for (int j = 0; j < nIn; j++) {
                double[] row = acc[j];
                for (int i = 0; i < nOut; i++) {
                    gradParams[w + i * nIn + j] += row[i];
                }
            }
            double[] ones = acc[nIn];
            for (int i = 0; i < nOut; i++) {
                gradParams[bias + i] += ones[i];
            }
        }
    }

    /**
     * out_p[b] = c_p + Σ_q w[off + p·ps + q·qs]·in_q[b] for p &lt; np and b &lt; batch, with
     * c_p = w[biasOff + p], or 0 if biasOff &lt; 0. Forward uses (ps, qs) = (nIn, 1), backward
     * the transpose (1, nIn). Four input rows per pass: one load and store of out_p per four
     * multiply-adds; all arrays indexed by the same b so C2 vectorises the loop. (Measured:
     * 2 output rows per pass or 8 input rows per pass defeat C2's vectoriser, and tiling the
     * batch is no faster than streaming whole rows, up to 35% slower at 256 inputs.)
     */
    static void affine(double[] w, int off, int ps, int qs, int biasOff, double[][] in, int nq,
            double[][] out, int np, int batch) {
        for (int p = 0; p < np; p++) {
            double[] o = out[p];
            int wp = off + p * ps;
            Arrays.fill(o, 0, batch, biasOff < 0 ? 0.0 : w[biasOff + p]);
            int q = 0;
            for (; q + 4 <= nq; q += 4) {
                double w0 = w[wp + q * qs];
                double w1 = w[wp + (q + 1) * qs];
                double w2 = w[wp + (q + 2) * qs];
                double w3 = w[wp + (q + 3) * qs];
                double[] i0 = in[q];
                double[] i1 = in[q + 1];
                double[] i2 = in[q + 2];
                double[] i3 = in[q + 3];
                for (int b = 0; b < batch; b++) {
                    o[b] += w0 * i0[b] + w1 * i1[b] + w2 * i2[b] + w3 * i3[b];
                }
            }
            for (; q < nq; q++) {
                double w0 = w[wp + q * qs];
                double[] i0 = in[q];
                for (int b = 0; b < batch; b++) {
                    o[b] += w0 * i0[b];
                }
            }
        }
    }

    /**
     * acc_p[q] = Σ_b left_p[b]·right_q[b] for p &lt; np, q &lt; nq, b &lt; batch (acc overwritten).
     * Per tile of {@value #OUTER_TILE} samples, right is transposed into tile[t][q], then each
     * acc_p gets four rank-one updates per pass, inner loop over q.
     */
    static void outer(double[][] left, int np, double[][] right, int nq, int batch,
            double[][] tile, double[][] acc) {
        for (int p = 0; p < np; p++) {
            Arrays.fill(acc[p], 0, nq, 0.0);
        }
        for (int from = 0; from < batch; from += OUTER_TILE) {
            int n = Math.min(OUTER_TILE, batch - from);
            for (int q = 0; q < nq; q++) {
                double[] r = right[q];
                for (int t = 0; t < n; t++) {
                    tile[t][q] = r[from + t];
                }
            }
            for (int p = 0; p < np; p++) {
                double[] lp = left[p];
                double[] ap = acc[p];
                int t = 0;
                for (; t + 4 <= n; t += 4) {
                    double c0 = lp[from + t];
                    double c1 = lp[from + t + 1];
                    double c2 = lp[from + t + 2];
                    double c3 = lp[from + t + 3];
                    double[] r0 = tile[t];
                    double[] r1 = tile[t + 1];
                    double[] r2 = tile[t + 2];
                    double[] r3 = tile[t + 3];
                    for (int q = 0; q < nq; q++) {
                        ap[q] += c0 * r0[q] + c1 * r1[q] + c2 * r2[q] + c3 * r3[q];
                    }
                }
                for (; t < n; t++) {
                    double c0 = lp[from + t];
                    double[] r0 = tile[t];
                    for (int q = 0; q < nq; q++) {
                        ap[q] += c0 * r0[q];
                    }
                }
            }
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
     * each layer's pre-activations and activations (one row per unit, feature-major), two
     * gradient buffers, and the scratch of the weight-gradient kernel. Not thread-safe: one per
     * thread. It remembers the batch and the network of the last forward pass, which
     * {@link Mlp#backward} checks.
     */
    public static final class Workspace {
        private final int[] widths;
        private final int maxBatch;
        /** act[l][j][b]: activation of unit j of layer l (act[0] = the input) for sample b. */
        final double[][][] act;
        /** pre[l][j][b]: pre-activation z (pre[0] unused). */
        final double[][][] pre;
        /** actWithOne[l]: the rows of act[l] followed by a row of ones (the bias input). */
        final double[][][] actWithOne;
        final double[][] deltaA;
        final double[][] deltaB;
        final double[][] tile;
        final double[][] acc;
        /** Scratch row of the activation ({@link Activation#applyRow}). */
        final double[] scratch;
        int batch = -1;
        Mlp lastForward;

        private Workspace(Mlp mlp, int maxBatch) {
            this.widths = mlp.widths;
            this.maxBatch = maxBatch;
            int levels = widths.length;
            act = new double[levels][][];
            pre = new double[levels][][];
            actWithOne = new double[levels][][];
            double[] ones = new double[maxBatch];
            Arrays.fill(ones, 1.0);
            for (int l = 0; l < levels; l++) {
                act[l] = new double[widths[l]][maxBatch];
                pre[l] = l == 0 ? null : new double[widths[l]][maxBatch];
                actWithOne[l] = Arrays.copyOf(act[l], widths[l] + 1);
                actWithOne[l][widths[l]] = ones;
            }
            deltaA = new double[mlp.maxWidth][maxBatch];
            deltaB = new double[mlp.maxWidth][maxBatch];
            tile = new double[OUTER_TILE][mlp.maxWidth + 1];
            acc = new double[mlp.maxWidth + 1][mlp.maxWidth + 1];
            scratch = new double[maxBatch];
        }

        /** @return the largest batch this workspace serves */
        public int maxBatch() {
            return maxBatch;
        }
    }
}
