package org.fganlab.nn;

import java.util.Arrays;

/**
 * The numeric kernels of {@link Mlp}: the affine map of a layer over feature-major rows and the
 * outer-product accumulation of its weight gradient. Rows are {@code double[]} of their own,
 * one per unit, indexed by the sample; every product-sum is a chain of {@code Math.fma} in a
 * fixed order, so the results are a fixed function of the inputs, and every hot loop indexes all
 * its arrays with one counter so that C2 vectorises it (measurements in
 * {@code docs/performance-notes.md}).
 */
final class MlpKernels {

    /** Samples per tile of the outer-product (weight-gradient) kernel. */
    static final int OUTER_TILE = 32;

    private MlpKernels() {
    }

    /**
     * Adds Σ_b δ_i[b]·a_j[b] to the weights w_ij and Σ_b δ_i[b] to the biases b_i of one layer
     * in the flat layout of {@link Mlp} (weights from {@code weightOffset}, row-major by output,
     * then the biases). The sum runs as an outer-product accumulation whose inner loop is over
     * the longer of (inputs + 1) and outputs.
     *
     * @param inputs the nIn activation rows of the layer's input followed by a row of ones
     * @param delta the nOut rows of δ = ∂L/∂z
     * @param tile scratch, ≥ {@value #OUTER_TILE} rows of ≥ max(nIn + 1, nOut)
     * @param acc scratch, ≥ max(nIn + 1, nOut) rows of as many entries
     */
    static void addWeightGradient(double[][] inputs, int nIn, double[][] delta, int nOut, int batch,
            double[][] tile, double[][] acc, double[] gradParams, int weightOffset) {
        addOuter(inputs, nIn, true, delta, nOut, batch, tile, acc, gradParams, weightOffset);
    }

    /**
     * Adds Σ_b δ_i[b]·a_j[b] to the weights w_ij of one layer and nothing to its biases: the
     * weight term δ ḡᵀ of the gradient penalty's reverse pass ({@link Mlp#gradientPenalty}),
     * where the input rows are adjoints, not activations, and carry no constant-1 row. The same
     * outer-product accumulation as {@link #addWeightGradient}, without the bias column.
     *
     * @param inputs the nIn input rows (no row of ones)
     * @param delta the nOut rows multiplying them
     * @param tile scratch, ≥ {@value #OUTER_TILE} rows of ≥ max(nIn + 1, nOut)
     * @param acc scratch, ≥ max(nIn + 1, nOut) rows of as many entries
     */
    static void addWeightOnlyGradient(double[][] inputs, int nIn, double[][] delta, int nOut,
            int batch, double[][] tile, double[][] acc, double[] gradParams, int weightOffset) {
        addOuter(inputs, nIn, false, delta, nOut, batch, tile, acc, gradParams, weightOffset);
    }

    /**
     * The two methods above: with bias, inputs has a row of ones after its nIn rows, whose
     * products with δ go to the biases.
     */
    private static void addOuter(double[][] inputs, int nIn, boolean bias, double[][] delta,
            int nOut, int batch, double[][] tile, double[][] acc, double[] gradParams,
            int weightOffset) {
        int w = weightOffset;
        int biasOff = w + nOut * nIn;
        int cols = bias ? nIn + 1 : nIn;
        if (nIn + 1 >= nOut) {
            outer(delta, nOut, inputs, cols, batch, tile, acc); // acc[i][j]
            for (int i = 0; i < nOut; i++) {
                double[] row = acc[i];
                for (int j = 0; j < nIn; j++) {
                    int k = w + i * nIn + j;
                    gradParams[k] += row[j];
                }
                if (bias) {
                    gradParams[biasOff + i] += row[nIn];
                }
            }
        } else {
            outer(inputs, cols, delta, nOut, batch, tile, acc); // acc[j][i]
            for (int j = 0; j < nIn; j++) {
                double[] row = acc[j];
                for (int i = 0; i < nOut; i++) {
                    int k = w + i * nIn + j;
                    gradParams[k] += row[i];
                }
            }
            if (bias) {
                double[] ones = acc[nIn];
                for (int i = 0; i < nOut; i++) {
                    gradParams[biasOff + i] += ones[i];
                }
            }
        }
    }

    /**
     * out_p[b] = c_p + Σ_q w[off + p·ps + q·qs]·in_q[b] for p &lt; np and b &lt; batch, with
     * c_p = w[biasOff + p], or 0 if biasOff &lt; 0. Forward uses (ps, qs) = (nIn, 1), backward
     * the transpose (1, nIn). Each output is c_p followed by fused multiply-adds over q in
     * increasing order (in the narrow case: plain multiply, then add, input by input). Two output
     * rows and two input rows per pass (a 2×2 register block): every loaded input feeds two
     * multiply-adds, and all arrays are indexed by the same b, so C2 vectorises the loop; wider
     * blocks defeat its vectoriser (performance notes).
     */
    static void affine(double[] w, int off, int ps, int qs, int biasOff, double[][] in, int nq,
            double[][] out, int np, int batch) {
        // Narrow layers (the critic's 1 → W input and W → 1 output layers) get their own method:
        // sharing one would feed C2 a profile of one-trip loops and slow the wide layers.
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
        // inner loops
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
     * b &lt; n. Its own method so that C2 compiles it from its own invocation profile (called
     * W²/4 times per layer and chunk) rather than as an on-stack replacement of a long-running
     * caller, which is slower.
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
}
