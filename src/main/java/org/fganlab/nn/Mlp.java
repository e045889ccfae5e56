package org.fganlab.nn;

import java.util.Arrays;
import java.util.concurrent.RecursiveAction;
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
 * lives in a caller-owned {@link Workspace}, one per thread. A batch runs as consecutive chunks
 * of at most 256 samples (the weight gradient of the chunks is added in chunk order, so the
 * result is a fixed function of the inputs). The workspace stores each chunk's activations
 * feature-major, one row {@code double[]} per unit holding that unit's value for every sample
 * of the chunk, so each hot loop runs over the samples with the weights in registers, indexes
 * every array by the same loop counter, and is vectorised by C2 (see the package comment for
 * the measurements).
 */
public final class Mlp {

    /**
     * Samples per chunk: a batch runs as consecutive chunks of at most this many samples, each
     * with its own rows, so that a layer's rows (64 × 256 doubles = 128 KiB) stay in the 512 KiB
     * L2 cache; whole rows of 1,024 samples made the kernels 20–35% slower (package comment).
     */
    static final int CHUNK = 256;

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
        return workspace(maxBatch, 1);
    }

    /**
     * A workspace whose passes split the batch's chunks of {@value #CHUNK} samples into up to
     * {@code threads} contiguous groups: the first runs on the calling thread, the others as
     * tasks of {@link java.util.concurrent.ForkJoinPool#commonPool()}. Only batches of more
     * than one chunk (&gt; {@value #CHUNK} samples) are split. The results are bit-identical to
     * a one-thread workspace: outputs and input gradients are per sample, and the weight
     * gradient of every chunk outside the first group is kept apart and added in chunk order
     * after the join, as the serial pass adds it (the extra memory: one parameter vector per
     * chunk after the first). Passes allocate nothing: the tasks are reused, and the caller
     * spins briefly before joining. Use it when nothing else runs in parallel (the trainer
     * already runs its two batches on two threads and uses one-thread workspaces).
     *
     * @param maxBatch the largest batch the workspace will serve, ≥ 1
     * @param threads the most threads a pass uses, in [1, 64]
     * @return fresh buffers for {@link #forward} and {@link #backward}
     * @throws IllegalArgumentException if maxBatch &lt; 1, threads is outside [1, 64], or the
     *     buffers would exceed an array
     */
    public Workspace workspace(int maxBatch, int threads) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be >= 1, got " + maxBatch);
        }
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException("threads must be in [1, 64], got " + threads);
        }
        return new Workspace(this, maxBatch, threads);
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
        runGroups(ws, batch, ChunkTask.FORWARD, params, x, out, null, null);
        ws.batch = batch;
        ws.lastForward = this;
    }

    /**
     * Runs a pass over the batch's chunks: in the calling thread if the workspace has one
     * thread or the batch one chunk, else group 0 here and groups 1… as forked tasks, joined in
     * order; then (backward with gradParams) adds the kept-apart chunk gradients in chunk order.
     */
    private void runGroups(Workspace ws, int batch, int pass, double[] params, double[] in,
            double[] out, double[] gradParams, double[] gradInput) {
        int used = (batch + CHUNK - 1) / CHUNK;
        int groups = Math.min(ws.threads, used);
        if (groups == 1) {
            runChunks(ws, 0, 0, used, batch, pass, params, in, out, gradParams, gradInput);
            return;
        }
        for (int g = 1; g < groups; g++) {
            ChunkTask task = ws.tasks[g - 1];
            task.set(this, ws, g, g * used / groups, (g + 1) * used / groups, batch, pass, params,
                    in, out, gradParams, gradInput);
            task.reinitialize();
            task.fork();
        }
        runChunks(ws, 0, 0, used / groups, batch, pass, params, in, out, gradParams, gradInput);
        for (int g = groups - 1; g >= 1; g--) {         // LIFO: the last fork is the first to unfork
            ForkedTasks.runOrAwait(ws.tasks[g - 1]);
        }
        for (int g = 1; g < groups; g++) {
            ws.tasks[g - 1].clear();
        }
        if (pass == ChunkTask.BACKWARD && gradParams != null) {
            for (int c = used / groups; c < used; c++) {
                double[] chunkGradient = ws.chunkGradients[c];
                for (int k = 0; k < gradParams.length; k++) {
                    gradParams[k] += chunkGradient[k];
                }
            }
        }
    }

    /**
     * Chunks [first, end) of a pass with the buffers of one lane (thread). In backward, group 0
     * adds its weight gradients into gradParams; other groups write each chunk's into its own
     * vector of ws.chunkGradients (assigned, not added).
     */
    private void runChunks(Workspace ws, int lane, int first, int end, int batch, int pass,
            double[] params, double[] in, double[] out, double[] gradParams, double[] gradInput) {
        Lane buffers = ws.lanes[lane];
        for (int c = first; c < end; c++) {
            int from = c * CHUNK;
            int n = Math.min(CHUNK, batch - from);
            if (pass == ChunkTask.FORWARD) {
                forwardChunk(params, in, from, n, ws.chunks[c], buffers.scratch, out);
            } else {
                boolean apart = lane > 0 && gradParams != null;
                backwardChunk(params, in, from, n, ws.chunks[c], buffers,
                        apart ? ws.chunkGradients[c] : gradParams, apart, gradInput);
            }
        }
    }

    /** Forward pass of samples [from, from + n) with the chunk's rows (sample b at row index b − from). */
    private void forwardChunk(double[] params, double[] x, int from, int n, Chunk ch, double[] scratch,
            double[] out) {
        int nIn0 = widths[0];
        double[][] input = ch.act[0];
        for (int j = 0; j < nIn0; j++) {
            double[] row = input[j];
            for (int b = 0; b < n; b++) {
                row[b] = x[(from + b) * nIn0 + j];
            }
        }
        for (int l = 0; l < layerCount(); l++) {
            int nIn = widths[l];
            int nOut = widths[l + 1];
            Activation phi = activation(l);
            double[][] z = ch.pre[l + 1];
            double[][] a = ch.act[l + 1];
            // z_i = b_i + Σ_j w_ij a_j, then a_i = φ(z_i)
            affine(params, weightOffsets[l], nIn, 1, weightOffsets[l] + nOut * nIn,
                    ch.act[l], nIn, z, nOut, n);
            for (int i = 0; i < nOut; i++) {
                phi.applyRow(z[i], a[i], scratch, 0, n);
            }
        }
        int nOutL = outputSize();
        double[][] last = ch.act[layerCount()];
        for (int i = 0; i < nOutL; i++) {
            double[] row = last[i];
            for (int b = 0; b < n; b++) {
                out[(from + b) * nOutL + i] = row[b];
            }
        }
    }

    private void backwardUnchecked(double[] params, double[] gradOut, int batch, Workspace ws,
            double[] gradParams, double[] gradInput) {
        runGroups(ws, batch, ChunkTask.BACKWARD, params, gradOut, null, gradParams, gradInput);
    }

    /**
     * Backward pass of samples [from, from + n); adds the chunk's weight gradient to gradParams,
     * or, if assign, writes it there.
     */
    private void backwardChunk(double[] params, double[] gradOut, int from, int n, Chunk ch,
            Lane lane, double[] gradParams, boolean assign, double[] gradInput) {
        int layers = layerCount();
        double[][] delta = ch.deltaA;
        double[][] deltaPrev = ch.deltaB;
        // δ_i = ∂L/∂z_i of the output layer = gradOut_i · φ'(z_i)
        int nOutL = outputSize();
        for (int i = 0; i < nOutL; i++) {
            double[] d = delta[i];
            for (int b = 0; b < n; b++) {
                d[b] = gradOut[(from + b) * nOutL + i];
            }
            output.multiplyDerivativeRow(ch.pre[layers][i], ch.act[layers][i], d, 0, n);
        }
        for (int l = layers - 1; l >= 0; l--) {
            int nIn = widths[l];
            int nOut = widths[l + 1];
            // ∂L/∂w_ij = Σ_b δ_i a_j, ∂L/∂b_i = Σ_b δ_i: bias = weight of the constant-1 input
            if (gradParams != null) {
                accumulateWeightGradient(lane, ch.actWithOne[l], l, delta, n, gradParams, assign);
            }
            if (l == 0 && gradInput == null) {
                break;
            }
            // ∂L/∂a_j = Σ_i w_ij δ_i (the transposed affine map), then ∂L/∂z_j = ∂L/∂a_j · φ'(z_j)
            affine(params, weightOffsets[l], 1, nIn, -1, delta, nOut, deltaPrev, nIn, n);
            if (l > 0) {
                for (int j = 0; j < nIn; j++) {
                    hidden.multiplyDerivativeRow(ch.pre[l][j], ch.act[l][j], deltaPrev[j], 0, n);
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
                for (int b = 0; b < n; b++) {
                    gradInput[(from + b) * nIn0 + j] = d[b];
                }
            }
        }
    }

    /**
     * Adds Σ_b δ_i[b]·a_j[b] to the weight gradient of layer l and Σ_b δ_i[b] to its bias
     * gradient (if assign, writes them instead). The sum runs as an outer-product accumulation
     * whose inner loop is over the longer of (inputs + 1) and outputs.
     */
    private void accumulateWeightGradient(Lane lane, double[][] inputs, int l, double[][] delta,
            int batch, double[] gradParams, boolean assign) {
        int nIn = widths[l];
        int nOut = widths[l + 1];
        int w = weightOffsets[l];
        int bias = w + nOut * nIn;
        // inputs: the nIn activation rows of layer l, then a row of ones
        double[][] acc = lane.acc;
        if (nIn + 1 >= nOut) {
            outer(delta, nOut, inputs, nIn + 1, batch, lane.tile, acc); // acc[i][j]
            for (int i = 0; i < nOut; i++) {
                double[] row = acc[i];
                for (int j = 0; j < nIn; j++) {
                    int k = w + i * nIn + j;
                    gradParams[k] = assign ? row[j] : gradParams[k] + row[j];
                }
                gradParams[bias + i] = assign ? row[nIn] : gradParams[bias + i] + row[nIn];
            }
        } else {
            outer(inputs, nIn + 1, delta, nOut, batch, lane.tile, acc); // acc[j][i]
            for (int j = 0; j < nIn; j++) {
                double[] row = acc[j];
                for (int i = 0; i < nOut; i++) {
                    int k = w + i * nIn + j;
                    gradParams[k] = assign ? row[i] : gradParams[k] + row[i];
                }
            }
            double[] ones = acc[nIn];
            for (int i = 0; i < nOut; i++) {
                gradParams[bias + i] = assign ? ones[i] : gradParams[bias + i] + ones[i];
            }
        }
    }

    /**
     * out_p[b] = c_p + Σ_q w[off + p·ps + q·qs]·in_q[b] for p &lt; np and b &lt; batch, with
     * c_p = w[biasOff + p], or 0 if biasOff &lt; 0. Forward uses (ps, qs) = (nIn, 1), backward
     * the transpose (1, nIn). Each output is c_p followed by fused multiply-adds over q in
     * increasing order (in the narrow case: plain multiply, then add, input by input). Two output
     * rows and two input rows per pass (a 2×2 register
     * block): every loaded input feeds two multiply-adds, and all arrays are indexed by the same
     * b, so C2 vectorises the loop. Measured
     * on rows of 256 samples (JDK 17, AVX2): 12.4 multiply-adds per ns against 9.9 for one output
     * row and four input rows per pass; 2×4, 1×6 or 1×8 blocks defeat C2's vectoriser (3–5 per ns).
     */
    static void affine(double[] w, int off, int ps, int qs, int biasOff, double[][] in, int nq,
            double[][] out, int np, int batch) {
        // Narrow layers (the critic's 1 → W input and W → 1 output layers) get their own method:
        // sharing one would feed C2 a profile of one-trip loops and slow the wide layers 3×.
        if (np < 4 || nq < 4) {
            affineNarrow(w, off, ps, qs, biasOff, in, nq, out, np, batch);
        } else {
            affineBlocked(w, off, ps, qs, biasOff, in, nq, out, np, batch);
        }
    }

    /** {@link #affine} with the 2×2 block. */
    private static void affineBlocked(double[] w, int off, int ps, int qs, int biasOff,
            double[][] in, int nq, double[][] out, int np, int batch) {
        // bounds as "p < even", not "p + 2 <= np": with the latter C2 does not vectorise the
        // inner loops (measured: 4.8 against 12 multiply-adds per ns)
        int evenP = np & ~1;
        int evenQ = nq & ~1;
        int p = 0;
        for (; p < evenP; p += 2) {
            double[] o0 = out[p];
            double[] o1 = out[p + 1];
            int w0p = off + p * ps;
            int w1p = w0p + ps;
            double c0 = biasOff < 0 ? 0.0 : w[biasOff + p];
            double c1 = biasOff < 0 ? 0.0 : w[biasOff + p + 1];
            Arrays.fill(o0, 0, batch, c0);
            Arrays.fill(o1, 0, batch, c1);
            int q = 0;
            for (; q < evenQ; q += 2) {
                double u0 = w[w0p + q * qs];
                double u1 = w[w0p + (q + 1) * qs];
                double v0 = w[w1p + q * qs];
                double v1 = w[w1p + (q + 1) * qs];
                block2x2(in[q], in[q + 1], u0, u1, v0, v1, o0, o1, batch);
            }
            if (q < nq) {
                double u0 = w[w0p + q * qs];
                double v0 = w[w1p + q * qs];
                double[] i0 = in[q];
                for (int b = 0; b < batch; b++) {
                    double x0 = i0[b];
                    o0[b] = Math.fma(u0, x0, o0[b]);
                    o1[b] = Math.fma(v0, x0, o1[b]);
                }
            }
        }
        if (p < np) {
            double[] o = out[p];
            int wp = off + p * ps;
            Arrays.fill(o, 0, batch, biasOff < 0 ? 0.0 : w[biasOff + p]);
            int q = 0;
            for (; q < evenQ; q += 2) {
                double u0 = w[wp + q * qs];
                double u1 = w[wp + (q + 1) * qs];
                double[] i0 = in[q];
                double[] i1 = in[q + 1];
                for (int b = 0; b < batch; b++) {
                    o[b] = Math.fma(u1, i1[b], Math.fma(u0, i0[b], o[b]));
                }
            }
            if (q < nq) {
                double u0 = w[wp + q * qs];
                double[] i0 = in[q];
                for (int b = 0; b < batch; b++) {
                    o[b] = Math.fma(u0, i0[b], o[b]);
                }
            }
        }
    }

    /**
     * o0[b] ← fma(u1, i1[b], fma(u0, i0[b], o0[b])), and o1[b] likewise with v0, v1, for
     * b &lt; n. Its own method so
     * that C2 compiles it from its own invocation profile (called W²/4 times per layer and chunk)
     * rather than as an on-stack replacement of a long-running caller, which measured 2× slower.
     */
    private static void block2x2(double[] i0, double[] i1, double u0, double u1, double v0,
            double v1, double[] o0, double[] o1, int n) {
        for (int b = 0; b < n; b++) {
            double x0 = i0[b];
            double x1 = i1[b];
            o0[b] = Math.fma(u1, x1, Math.fma(u0, x0, o0[b]));
            o1[b] = Math.fma(v1, x1, Math.fma(v0, x0, o1[b]));
        }
    }

    /** {@link #affine}, one output row and one input row per pass. */
    private static void affineNarrow(double[] w, int off, int ps, int qs, int biasOff,
            double[][] in, int nq, double[][] out, int np, int batch) {
        for (int p = 0; p < np; p++) {
            double[] o = out[p];
            int wp = off + p * ps;
            Arrays.fill(o, 0, batch, biasOff < 0 ? 0.0 : w[biasOff + p]);
            for (int q = 0; q < nq; q++) {
                double u0 = w[wp + q * qs];
                double[] i0 = in[q];
                for (int b = 0; b < batch; b++) {
                    o[b] += u0 * i0[b];
                }
            }
        }
    }

    /**
     * acc_p[q] = Σ_b left_p[b]·right_q[b] for p &lt; np, q &lt; nq, b &lt; batch (acc overwritten),
     * as a chain of fused multiply-adds over b in increasing order. Per tile of
     * {@value #OUTER_TILE} samples, right is transposed into tile[t][q], then each acc_p gets
     * four rank-one updates per pass, inner loop over q.
     */
    static void outer(double[][] left, int np, double[][] right, int nq, int batch,
            double[][] tile, double[][] acc) {
        for (int p = 0; p < np; p++) {
            Arrays.fill(acc[p], 0, nq, 0.0);
        }
        for (int from = 0; from < batch; from += OUTER_TILE) {
            int n = Math.min(OUTER_TILE, batch - from);
            transpose(right, nq, from, n, tile);
            outerTile(left, np, from, n, tile, nq, acc);
        }
    }

    /**
     * tile[t][q] = right[q][from + t] for t &lt; n, q &lt; nq, in 4 × 4 blocks: four rows of right
     * are read at four consecutive samples and written as four short rows of the tile (fewer
     * scattered stores than one sample of every row at a time).
     */
    private static void transpose(double[][] right, int nq, int from, int n, double[][] tile) {
        int q = 0;
        for (; q + 4 <= nq; q += 4) {
            double[] r0 = right[q];
            double[] r1 = right[q + 1];
            double[] r2 = right[q + 2];
            double[] r3 = right[q + 3];
            for (int t = 0; t < n; t++) {
                double[] row = tile[t];
                int b = from + t;
                row[q] = r0[b];
                row[q + 1] = r1[b];
                row[q + 2] = r2[b];
                row[q + 3] = r3[b];
            }
        }
        for (; q < nq; q++) {
            double[] r = right[q];
            for (int t = 0; t < n; t++) {
                tile[t][q] = r[from + t];
            }
        }
    }

    /** One tile of {@link #outer}: the rank-four passes over samples [from, from + n). */
    private static void outerTile(double[][] left, int np, int from, int n, double[][] tile, int nq,
            double[][] acc) {
        for (int p = 0; p < np; p++) {
            double[] lp = left[p];
            double[] ap = acc[p];
            int t = 0;
            for (; t + 4 <= n; t += 4) {
                double c0 = lp[from + t];
                double c1 = lp[from + t + 1];
                double c2 = lp[from + t + 2];
                double c3 = lp[from + t + 3];
                rank4(c0, c1, c2, c3, tile[t], tile[t + 1], tile[t + 2], tile[t + 3], ap, nq);
            }
            for (; t < n; t++) {
                double c0 = lp[from + t];
                double[] r0 = tile[t];
                for (int q = 0; q < nq; q++) {
                    ap[q] = Math.fma(c0, r0[q], ap[q]);
                }
            }
        }
    }

    /**
     * ap[q] ← fma(c3, r3[q], fma(c2, r2[q], fma(c1, r1[q], fma(c0, r0[q], ap[q])))) for q &lt; n;
     * own method, as block2x2.
     */
    private static void rank4(double c0, double c1, double c2, double c3, double[] r0, double[] r1,
            double[] r2, double[] r3, double[] ap, int n) {
        for (int q = 0; q < n; q++) {
            double s = Math.fma(c1, r1[q], Math.fma(c0, r0[q], ap[q]));
            ap[q] = Math.fma(c3, r3[q], Math.fma(c2, r2[q], s));
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
     * gradient buffers, and per thread of a pass the scratch of the weight-gradient kernel. Not
     * thread-safe: one per calling thread (a workspace made with several threads uses
     * fork-join workers inside a pass, never across calls). It remembers the batch and the
     * network of the last forward pass, which {@link Mlp#backward} checks.
     */
    public static final class Workspace {
        private final int[] widths;
        private final int maxBatch;
        /** One set of rows per chunk of {@value #CHUNK} samples: chunk c holds samples [c·CHUNK, …). */
        final Chunk[] chunks;
        /** The most threads a pass uses (1 for {@link Mlp#workspace(int)}). */
        final int threads;
        /** Per-thread scratch, one per thread. */
        final Lane[] lanes;
        /** Per chunk (threads &gt; 1 only): the weight gradient of a chunk outside group 0. */
        final double[][] chunkGradients;
        /** Reusable tasks for groups 1 … threads − 1 (no allocation per pass). */
        final ChunkTask[] tasks;
        int batch = -1;
        Mlp lastForward;

        private Workspace(Mlp mlp, int maxBatch, int threads) {
            this.widths = mlp.widths;
            this.maxBatch = maxBatch;
            int count = (maxBatch + CHUNK - 1) / CHUNK;
            int length = Math.min(maxBatch, CHUNK);
            chunks = new Chunk[count];
            for (int c = 0; c < count; c++) {
                chunks[c] = new Chunk(mlp, length);
            }
            this.threads = Math.min(threads, count);
            lanes = new Lane[this.threads];
            for (int t = 0; t < this.threads; t++) {
                lanes[t] = new Lane(mlp, length);
            }
            tasks = new ChunkTask[this.threads - 1];
            for (int t = 0; t < tasks.length; t++) {
                tasks[t] = new ChunkTask();
            }
            chunkGradients = new double[this.threads > 1 ? count : 0][];
            for (int c = 0; c < chunkGradients.length; c++) {
                // chunks of group 0 (the first ⌊used/groups⌋ ≥ 1) never use theirs: allocated on
                // demand would allocate in a pass, so all but chunk 0 get one
                chunkGradients[c] = c == 0 ? null : new double[mlp.parameterCount];
            }
        }

        /** @return the largest batch this workspace serves */
        public int maxBatch() {
            return maxBatch;
        }
    }

    /** One thread's scratch: the weight-gradient kernel's tile and accumulator, the activation's row. */
    static final class Lane {
        final double[][] tile;
        final double[][] acc;
        /** Scratch row of the activation ({@link Activation#applyRow}). */
        final double[] scratch;

        Lane(Mlp mlp, int length) {
            tile = new double[OUTER_TILE][mlp.maxWidth + 1];
            acc = new double[mlp.maxWidth + 1][mlp.maxWidth + 1];
            scratch = new double[length];
        }
    }

    /** A group of chunks of one pass, run as a fork-join task (reused: set, reinitialise, fork). */
    static final class ChunkTask extends RecursiveAction {
        static final int FORWARD = 0;
        static final int BACKWARD = 1;
        private static final long serialVersionUID = 1L;
        private transient Mlp mlp;
        private transient Workspace ws;
        private int lane;
        private int first;
        private int end;
        private int batch;
        private int pass;
        private transient double[] params;
        private transient double[] in;
        private transient double[] out;
        private transient double[] gradParams;
        private transient double[] gradInput;

        void set(Mlp mlp, Workspace ws, int lane, int first, int end, int batch, int pass,
                double[] params, double[] in, double[] out, double[] gradParams, double[] gradInput) {
            this.mlp = mlp;
            this.ws = ws;
            this.lane = lane;
            this.first = first;
            this.end = end;
            this.batch = batch;
            this.pass = pass;
            this.params = params;
            this.in = in;
            this.out = out;
            this.gradParams = gradParams;
            this.gradInput = gradInput;
        }

        /** Drops the references to the caller's arrays after the join. */
        void clear() {
            set(null, null, 0, 0, 0, 0, 0, null, null, null, null, null);
        }

        @Override
        protected void compute() {
            mlp.runChunks(ws, lane, first, end, batch, pass, params, in, out, gradParams, gradInput);
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
        }
    }
}
