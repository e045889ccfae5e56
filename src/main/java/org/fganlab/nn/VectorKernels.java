package org.fganlab.nn;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The JDK Vector API forms of {@link Mlp}'s blocked affine map and weight-gradient tile, used
 * when {@link VectorSupport#ENABLED}. Each performs <em>the same fused multiply-adds in the same
 * order</em> as its scalar twin in {@code Mlp} (which uses {@code Math.fma} for that reason),
 * only with the partial sums held in registers instead of being stored and reloaded between
 * passes: the results are bit-identical to the scalar path (tested directly and end to end in a
 * second JVM), so the trainer's histories and the committed results do not depend on whether the
 * module is present.
 *
 * <p>Measured (JDK 17.0.15, 2-core AMD EPYC Zen 3, thread CPU time, minimum of 30 repeats, 256
 * samples): the 64 × 64 affine map 15 multiply-adds per ns against 12 for the scalar 2×2
 * kernel; the weight-gradient tile 11.5–12.5 against 7.5; the whole forward + backward pass
 * of the 1-64-64-1 critic at batch 1,024 only 6–10% faster (1.55 against 1.65 ms), because
 * tanh and the narrow layers do not change. The same blocks with separate multiplies and adds
 * (the former association) ran slower than scalar code (10 per ns): without fusing, the loop
 * is bound by instruction issue, not by the arithmetic units.
 *
 * <p>Species: {@link DoubleVector#SPECIES_256} (4 lanes), fixed so that the code is the same
 * on every AVX2 or AVX-512 machine. Only loaded when the module is in the boot layer (see
 * {@link VectorSupport}).
 */
final class VectorKernels {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;
    private static final int L = 4;

    private VectorKernels() {
    }

    /** @return true if 256-bit double vectors are native on this machine (not emulated) */
    static boolean nativeWidth() {
        return DoubleVector.SPECIES_PREFERRED.vectorBitSize() >= 256;
    }

    /**
     * {@link Mlp#affine}'s blocked case (np, nq ≥ 4), same contract and bits: out_p[b] = c_p +
     * Σ_q w[off + p·ps + q·qs]·in_q[b], each row summed as c_p, then + (u₀x₀ + u₁x₁) per pair of
     * inputs, then + u₀x₀ for an odd last input. Register block: 4 output rows × 8 samples (two
     * vectors), inputs in pairs; rows beyond a multiple of 4 run one at a time, samples beyond a
     * multiple of 8 in a scalar loop with the same association.
     */
    static void affineBlocked(double[] w, int off, int ps, int qs, int biasOff, double[][] in,
            int nq, double[][] out, int np, int batch) {
        int p = 0;
        for (; p + 4 <= np; p += 4) {
            rows4(w, off, ps, qs, biasOff, in, nq, out, p, batch);
        }
        for (; p < np; p++) {
            row1(w, off, ps, qs, biasOff, in, nq, out[p], p, batch);
        }
    }

    /** Per-thread weight pack of one 4-row block: pack[4q + r] = w of row p + r, input q. */
    private static final ThreadLocal<double[][]> PACK = ThreadLocal.withInitial(() -> new double[1][0]);

    private static double[] pack(int length) {
        double[][] holder = PACK.get();
        if (holder[0].length < length) {
            holder[0] = new double[length];
        }
        return holder[0];
    }

    private static void rows4(double[] w, int off, int ps, int qs, int biasOff, double[][] in,
            int nq, double[][] out, int p, int batch) {
        double[] o0 = out[p];
        double[] o1 = out[p + 1];
        double[] o2 = out[p + 2];
        double[] o3 = out[p + 3];
        double c0 = biasOff < 0 ? 0.0 : w[biasOff + p];
        double c1 = biasOff < 0 ? 0.0 : w[biasOff + p + 1];
        double c2 = biasOff < 0 ? 0.0 : w[biasOff + p + 2];
        double c3 = biasOff < 0 ? 0.0 : w[biasOff + p + 3];
        int w0 = off + p * ps;
        int w1 = w0 + ps;
        int w2 = w1 + ps;
        int w3 = w2 + ps;
        double[] pk = pack(4 * nq);
        for (int q = 0; q < nq; q++) {
            pk[4 * q] = w[w0 + q * qs];
            pk[4 * q + 1] = w[w1 + q * qs];
            pk[4 * q + 2] = w[w2 + q * qs];
            pk[4 * q + 3] = w[w3 + q * qs];
        }
        int evenQ = nq & ~1;
        int vecEnd = batch - batch % (2 * L);
        int b = 0;
        for (; b < vecEnd; b += 2 * L) {
            DoubleVector a00 = DoubleVector.broadcast(S, c0);
            DoubleVector a01 = a00;
            DoubleVector a10 = DoubleVector.broadcast(S, c1);
            DoubleVector a11 = a10;
            DoubleVector a20 = DoubleVector.broadcast(S, c2);
            DoubleVector a21 = a20;
            DoubleVector a30 = DoubleVector.broadcast(S, c3);
            DoubleVector a31 = a30;
            int q = 0;
            for (; q < evenQ; q += 2) {
                double[] i0 = in[q];
                double[] i1 = in[q + 1];
                DoubleVector x00 = DoubleVector.fromArray(S, i0, b);
                DoubleVector x01 = DoubleVector.fromArray(S, i0, b + L);
                DoubleVector x10 = DoubleVector.fromArray(S, i1, b);
                DoubleVector x11 = DoubleVector.fromArray(S, i1, b + L);
                int k = 4 * q;
                DoubleVector u = DoubleVector.broadcast(S, pk[k]);
                DoubleVector v = DoubleVector.broadcast(S, pk[k + 4]);
                a00 = x10.fma(v, x00.fma(u, a00));
                a01 = x11.fma(v, x01.fma(u, a01));
                u = DoubleVector.broadcast(S, pk[k + 1]);
                v = DoubleVector.broadcast(S, pk[k + 5]);
                a10 = x10.fma(v, x00.fma(u, a10));
                a11 = x11.fma(v, x01.fma(u, a11));
                u = DoubleVector.broadcast(S, pk[k + 2]);
                v = DoubleVector.broadcast(S, pk[k + 6]);
                a20 = x10.fma(v, x00.fma(u, a20));
                a21 = x11.fma(v, x01.fma(u, a21));
                u = DoubleVector.broadcast(S, pk[k + 3]);
                v = DoubleVector.broadcast(S, pk[k + 7]);
                a30 = x10.fma(v, x00.fma(u, a30));
                a31 = x11.fma(v, x01.fma(u, a31));
            }
            if (q < nq) {
                double[] i0 = in[q];
                DoubleVector x00 = DoubleVector.fromArray(S, i0, b);
                DoubleVector x01 = DoubleVector.fromArray(S, i0, b + L);
                int k = 4 * q;
                a00 = x00.fma(DoubleVector.broadcast(S, pk[k]), a00);
                a01 = x01.fma(DoubleVector.broadcast(S, pk[k]), a01);
                a10 = x00.fma(DoubleVector.broadcast(S, pk[k + 1]), a10);
                a11 = x01.fma(DoubleVector.broadcast(S, pk[k + 1]), a11);
                a20 = x00.fma(DoubleVector.broadcast(S, pk[k + 2]), a20);
                a21 = x01.fma(DoubleVector.broadcast(S, pk[k + 2]), a21);
                a30 = x00.fma(DoubleVector.broadcast(S, pk[k + 3]), a30);
                a31 = x01.fma(DoubleVector.broadcast(S, pk[k + 3]), a31);
            }
            a00.intoArray(o0, b);
            a01.intoArray(o0, b + L);
            a10.intoArray(o1, b);
            a11.intoArray(o1, b + L);
            a20.intoArray(o2, b);
            a21.intoArray(o2, b + L);
            a30.intoArray(o3, b);
            a31.intoArray(o3, b + L);
        }
        if (b < batch) {
            scalarRow(w, w0, qs, c0, in, nq, o0, b, batch);
            scalarRow(w, w1, qs, c1, in, nq, o1, b, batch);
            scalarRow(w, w2, qs, c2, in, nq, o2, b, batch);
            scalarRow(w, w3, qs, c3, in, nq, o3, b, batch);
        }
    }


    private static void row1(double[] w, int off, int ps, int qs, int biasOff, double[][] in,
            int nq, double[] o, int p, int batch) {
        double c = biasOff < 0 ? 0.0 : w[biasOff + p];
        int wp = off + p * ps;
        int evenQ = nq & ~1;
        int vecEnd = batch - batch % L;
        int b = 0;
        for (; b < vecEnd; b += L) {
            DoubleVector acc = DoubleVector.broadcast(S, c);
            int q = 0;
            for (; q < evenQ; q += 2) {
                DoubleVector x0 = DoubleVector.fromArray(S, in[q], b);
                DoubleVector x1 = DoubleVector.fromArray(S, in[q + 1], b);
                acc = x1.fma(DoubleVector.broadcast(S, w[wp + (q + 1) * qs]), x0.fma(DoubleVector.broadcast(S, w[wp + q * qs]), acc));
            }
            if (q < nq) {
                acc = DoubleVector.fromArray(S, in[q], b).fma(DoubleVector.broadcast(S, w[wp + q * qs]), acc);
            }
            acc.intoArray(o, b);
        }
        scalarRow(w, wp, qs, c, in, nq, o, b, batch);
    }

    /** o[b] for b in [from, to) with the association of the scalar kernel. */
    private static void scalarRow(double[] w, int wp, int qs, double c, double[][] in, int nq,
            double[] o, int from, int to) {
        int evenQ = nq & ~1;
        for (int b = from; b < to; b++) {
            double s = c;
            int q = 0;
            for (; q < evenQ; q += 2) {
                s = Math.fma(w[wp + (q + 1) * qs], in[q + 1][b], Math.fma(w[wp + q * qs], in[q][b], s));
            }
            if (q < nq) {
                s = Math.fma(w[wp + q * qs], in[q][b], s);
            }
            o[b] = s;
        }
    }

    /**
     * {@link Mlp#outer}'s pass over one tile, same bits: for p &lt; np, q &lt; nq and each sample
     * t &lt; n in order, acc_p[q] ← fma(left_p[from + t], tile[t][q], acc_p[q]). Register block:
     * 4 rows of acc × 8 columns (two vectors), held in registers over the whole tile; rows beyond
     * a multiple of 4 and columns beyond a multiple of 8 run in scalar loops, same order.
     *
     * @param n samples in the tile (≤ tile.length)
     */
    static void outerTile(double[][] left, int np, int from, int n, double[][] tile, int nq,
            double[][] acc) {
        int vecEnd = nq - nq % (2 * L);
        int p = 0;
        for (; p + 4 <= np; p += 4) {
            double[] l0 = left[p];
            double[] l1 = left[p + 1];
            double[] l2 = left[p + 2];
            double[] l3 = left[p + 3];
            double[] ap0 = acc[p];
            double[] ap1 = acc[p + 1];
            double[] ap2 = acc[p + 2];
            double[] ap3 = acc[p + 3];
            for (int q = 0; q < vecEnd; q += 2 * L) {
                DoubleVector a00 = DoubleVector.fromArray(S, ap0, q);
                DoubleVector a01 = DoubleVector.fromArray(S, ap0, q + L);
                DoubleVector a10 = DoubleVector.fromArray(S, ap1, q);
                DoubleVector a11 = DoubleVector.fromArray(S, ap1, q + L);
                DoubleVector a20 = DoubleVector.fromArray(S, ap2, q);
                DoubleVector a21 = DoubleVector.fromArray(S, ap2, q + L);
                DoubleVector a30 = DoubleVector.fromArray(S, ap3, q);
                DoubleVector a31 = DoubleVector.fromArray(S, ap3, q + L);
                for (int t = 0; t < n; t++) {
                    double[] r = tile[t];
                    DoubleVector r0 = DoubleVector.fromArray(S, r, q);
                    DoubleVector r1 = DoubleVector.fromArray(S, r, q + L);
                    int b = from + t;
                    double c = l0[b];
                    a00 = r0.fma(DoubleVector.broadcast(S, c), a00);
                    a01 = r1.fma(DoubleVector.broadcast(S, c), a01);
                    c = l1[b];
                    a10 = r0.fma(DoubleVector.broadcast(S, c), a10);
                    a11 = r1.fma(DoubleVector.broadcast(S, c), a11);
                    c = l2[b];
                    a20 = r0.fma(DoubleVector.broadcast(S, c), a20);
                    a21 = r1.fma(DoubleVector.broadcast(S, c), a21);
                    c = l3[b];
                    a30 = r0.fma(DoubleVector.broadcast(S, c), a30);
                    a31 = r1.fma(DoubleVector.broadcast(S, c), a31);
                }
                a00.intoArray(ap0, q);
                a01.intoArray(ap0, q + L);
                a10.intoArray(ap1, q);
                a11.intoArray(ap1, q + L);
                a20.intoArray(ap2, q);
                a21.intoArray(ap2, q + L);
                a30.intoArray(ap3, q);
                a31.intoArray(ap3, q + L);
            }
            if (vecEnd < nq) {
                scalarOuter(l0, from, n, tile, vecEnd, nq, ap0);
                scalarOuter(l1, from, n, tile, vecEnd, nq, ap1);
                scalarOuter(l2, from, n, tile, vecEnd, nq, ap2);
                scalarOuter(l3, from, n, tile, vecEnd, nq, ap3);
            }
        }
        for (; p < np; p++) {
            outerRow(left[p], from, n, tile, nq, acc[p]);
        }
    }

    /** One row of {@link #outerTile}: 16 columns (four vectors, four independent chains) per pass. */
    private static void outerRow(double[] lp, int from, int n, double[][] tile, int nq, double[] ap) {
        int vecEnd = nq - nq % (4 * L);
        for (int q = 0; q < vecEnd; q += 4 * L) {
            DoubleVector a0 = DoubleVector.fromArray(S, ap, q);
            DoubleVector a1 = DoubleVector.fromArray(S, ap, q + L);
            DoubleVector a2 = DoubleVector.fromArray(S, ap, q + 2 * L);
            DoubleVector a3 = DoubleVector.fromArray(S, ap, q + 3 * L);
            for (int t = 0; t < n; t++) {
                double[] r = tile[t];
                DoubleVector c = DoubleVector.broadcast(S, lp[from + t]);
                a0 = DoubleVector.fromArray(S, r, q).fma(c, a0);
                a1 = DoubleVector.fromArray(S, r, q + L).fma(c, a1);
                a2 = DoubleVector.fromArray(S, r, q + 2 * L).fma(c, a2);
                a3 = DoubleVector.fromArray(S, r, q + 3 * L).fma(c, a3);
            }
            a0.intoArray(ap, q);
            a1.intoArray(ap, q + L);
            a2.intoArray(ap, q + 2 * L);
            a3.intoArray(ap, q + 3 * L);
        }
        scalarOuter(lp, from, n, tile, vecEnd, nq, ap);
    }

    /** ap[q] for q in [qFrom, qTo), one tile, in the order of the scalar kernel. */
    private static void scalarOuter(double[] lp, int from, int n, double[][] tile, int qFrom,
            int qTo, double[] ap) {
        for (int q = qFrom; q < qTo; q++) {
            double s = ap[q];
            for (int t = 0; t < n; t++) {
                s = Math.fma(lp[from + t], tile[t][q], s);
            }
            ap[q] = s;
        }
    }
}
