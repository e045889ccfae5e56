package org.fganlab.divergence;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The KL and JS chunk loops of {@link FusedKernels} written with the JDK Vector API (incubator
 * module {@code jdk.incubator.vector}), four doubles a step ({@code DoubleVector.SPECIES_256}).
 * Loaded only when {@link VectorSupport#ENABLED}; the scalar loops stay the reference.
 *
 * <p>Same structure as the scalar loops: blocks of {@link FusedKernels#BLOCK} elements, a vector
 * accumulator per block whose four lanes are added in the fixed order (l0 + l1) + (l2 + l3), plus
 * the scalar sum of the lanes the vector form skipped and of the tail (n mod 4), the block sum then
 * into the two-sum total; Σa, Σb and the negative/infinite flags fused in. The chunk output layout
 * is that of {@link FusedKernels}, so the worker thread and the chunk combination are shared.
 *
 * <p>Per term the vector form does the scalar operations in the same order, with {@link #log} the
 * lane-wise copy of {@link FastLog#logUnchecked} (its three table reads are gathers): every term
 * is the same bits as the scalar one, only the order of the additions inside a block differs
 * (four lane sums instead of one), so a chunk agrees with the scalar chunk to the blocked
 * summation error (a few u·Σ|terms|). Lanes that need a special case — KL: a ratio a/b outside
 * the positive normal range (a zero, a subnormal or a huge ratio); JS: 4pq/m² below 2⁻¹⁰⁰⁰ (a
 * zero entry or a ratio beyond 2¹⁰⁰⁰) — are masked out of the vector sum, and, when a vector has
 * such a lane ({@code allTrue} fails), those lanes get the scalar term.
 *
 * <p>Not {@code lanewise(VectorOperators.LOG)}: on JDK 17/x86 C2 compiles it to Intel's SVML stub
 * while the interpreter and C1 use {@code Math.log} per lane, so the same call could give
 * different bits before and after JIT compilation; the gathers keep the results reproducible.
 * Nothing is allocated per call (a per-thread int[8] holds the gather indices).
 */
final class VectorKernels {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;
    private static final int L = 4;
    /** Bits of 1.5·2⁵²: adding a small integer j to them gives the double 1.5·2⁵² + j exactly. */
    private static final long MAGIC_BITS = 0x4338000000000000L;
    private static final double MAGIC = 0x1.8p52 + 1023;
    /** fdlibm e_log.c: log 2 = LN2_HI + LN2_LO, LN2_HI with 32 trailing zero bits (k·LN2_HI exact). */
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    private static final double LG1 = 6.666666666666735130e-01;
    private static final double LG2 = 3.999999999940941908e-01;
    private static final double LG3 = 2.857142874366239149e-01;
    private static final double LG4 = 2.222219843214978396e-01;
    private static final double LG5 = 1.818357216161805012e-01;
    private static final double LG6 = 1.531383769920937332e-01;
    private static final double LG7 = 1.479819860511658591e-01;
    /**
     * Per-thread scratch: [0, 12) the three block accumulators' lanes, added in a fixed order;
     * [12, 20) the two log arguments of a JS step.
     */
    private static final ThreadLocal<double[]> LANES = ThreadLocal.withInitial(() -> new double[5 * 4]);

    private VectorKernels() {
    }

    /**
     * v[i] ← ln v[i] for i in [from, to), four at a time ((to − from) a multiple of 4): within
     * 1 ulp of the exact value for positive normal v[i] (worst 1 ulp against
     * {@code StrictMath.log} over 10⁶ arguments in {@code VectorKernelsTest}); other entries get a
     * meaningless value, without exception.
     *
     * <p>Method of fdlibm's {@code e_log.c} (Sun Microsystems 1993, the algorithm behind
     * {@code StrictMath.log}) for normal arguments: x = 2^k·(1 + f) with 1 + f ∈ [√2/2, √2),
     * s = f/(2 + f), log(1 + f) = f − (f²/2 − s·(f²/2 + R(s²))) with R fdlibm's degree-14
     * minimax polynomial (|error| &lt; 2⁻⁵⁸·⁴⁵), k·log 2 in two parts. One division and no
     * table: FastLog's table would take three gathers per call, which on JDK 17 swell the
     * compiled loop past C2's inlining budget (then nothing is intrinsified and every vector
     * becomes an object).
     *
     * <p>Arrays in and out, and one loop for the two logs of a JS step, on purpose: a method
     * with vector arguments that C2 leaves un-inlined (its node budget is reached quickly by the
     * Vector API's inline trees) boxes every vector; with arrays a missed inlining costs a call.
     *
     * @param v the arguments, replaced by their logs (modified)
     */
    static void log(double[] v, int from, int to) {
        for (int h = from; h < to; h += L) {
            logStep(v, h);
        }
    }

    /** v[h..h+3] ← their logs: the body of {@link #log}, arrays in and out (see there why). */
    private static void logStep(double[] v, int h) {
        DoubleVector x = DoubleVector.fromArray(S, v, h);
        LongVector ix = x.reinterpretAsLongs();
        LongVector mantissa = ix.and(0x000fffffffffffffL);
        // carry = 2^52 when the mantissa is ≥ √2 − 1 (fdlibm's 0x95f64 test): then halve 1 + f
        LongVector carry = mantissa.add(0x00095f6400000000L).and(0x0010000000000000L);
        DoubleVector onePlusF = mantissa.or(carry.lanewise(VectorOperators.XOR, 0x3ff0000000000000L))
                .reinterpretAsDoubles();
        // k + 1023 = biased exponent + carry bit, as a double without a long → double conversion
        DoubleVector k = ix.lanewise(VectorOperators.LSHR, 52).add(carry.lanewise(VectorOperators.LSHR, 52))
                .add(MAGIC_BITS).reinterpretAsDoubles().sub(MAGIC);
        DoubleVector f = onePlusF.sub(1.0);
        DoubleVector s = f.div(f.add(2.0));
        DoubleVector z = s.mul(s);
        DoubleVector w = z.mul(z);
        DoubleVector t1 = w.mul(w.fma(LG6, LG4).fma(w, DoubleVector.broadcast(S, LG2)));
        DoubleVector t2 = z.mul(w.fma(LG7, LG5).fma(w, DoubleVector.broadcast(S, LG3))
                .fma(w, DoubleVector.broadcast(S, LG1)));
        DoubleVector halfF2 = f.mul(f).mul(0.5);
        DoubleVector inner = s.mul(halfF2.add(t2.add(t1))).add(k.mul(LN2_LO));
        k.mul(LN2_HI).sub(halfF2.sub(inner).sub(f)).intoArray(v, h);
    }

    /** lanes[k..k+3] added as (l0 + l1) + (l2 + l3): a fixed order, unlike {@code reduceLanes}. */
    private static double laneSum(double[] lanes, int k) {
        return (lanes[k] + lanes[k + 1]) + (lanes[k + 2] + lanes[k + 3]);
    }

    /** {@link FusedKernels#klChunk} with the vector form (class comment); same output layout. */
    static void klChunk(double[] a, double[] b, int from, int to, double[] out, int o) {
        double[] lanes = LANES.get();
        FusedKernels.clear(out, o);
        for (int start = from; start < to; start += FusedKernels.BLOCK) {
            DoubleVector zero = DoubleVector.zero(S);
            int end = Math.min(to, start + FusedKernels.BLOCK);
            int vectorEnd = start + S.loopBound(end - start);
            DoubleVector vs = zero;
            DoubleVector vsa = zero;
            DoubleVector vsb = zero;
            DoubleVector vmin = zero;
            double s = 0.0;
            boolean infinite = false;
            for (int i = start; i < vectorEnd; i += L) {
                DoubleVector va = DoubleVector.fromArray(S, a, i);
                DoubleVector vb = DoubleVector.fromArray(S, b, i);
                vsa = vsa.add(va);
                vsb = vsb.add(vb);
                vmin = vmin.min(va.min(vb));
                DoubleVector r = va.div(vb);
                VectorMask<Double> normal = r.compare(VectorOperators.GE, Double.MIN_NORMAL)
                        .and(r.compare(VectorOperators.LE, Double.MAX_VALUE));
                // a·log r + fma(−r, b, a), FusedKernels.xLogRatio lane-wise
                r.intoArray(lanes, 12);
                log(lanes, 12, 16);
                DoubleVector term = va.mul(DoubleVector.fromArray(S, lanes, 12)).add(r.neg().fma(vb, va));
                if (normal.allTrue()) {
                    vs = vs.add(term);
                } else {
                    vs = vs.add(zero.blend(term, normal));
                    for (int j = i; j < i + L; j++) {
                        double ai = a[j];
                        double bi = b[j];
                        double rj = ai / bi;
                        if (!(rj >= Double.MIN_NORMAL && rj <= Double.MAX_VALUE) && ai > 0.0) {
                            if (bi > 0.0) {
                                s += FusedKernels.xLogRatio(ai, bi);
                            } else {
                                infinite = true;
                            }
                        }
                    }
                }
            }
            double sa = 0.0;
            double sb = 0.0;
            for (int i = vectorEnd; i < end; i++) {
                double ai = a[i];
                double bi = b[i];
                sa += ai;
                sb += bi;
                vmin = vmin.min(Math.min(ai, bi));
                if (ai > 0.0) {
                    if (bi > 0.0) {
                        s += FusedKernels.xLogRatio(ai, bi);
                    } else {
                        infinite = true;
                    }
                }
            }
            boolean negative = vmin.compare(VectorOperators.LT, 0.0).anyTrue();
            vs.intoArray(lanes, 0);
            vsa.intoArray(lanes, 4);
            vsb.intoArray(lanes, 8);
            FusedKernels.finish(out, o, laneSum(lanes, 0) + s, laneSum(lanes, 4) + sa, laneSum(lanes, 8) + sb, negative, infinite);
        }
    }

    /** {@link FusedKernels#jsChunk} with the vector form (class comment); same output layout. */
    static void jsChunk(double[] a, double[] b, int from, int to, double[] out, int o) {
        double[] lanes = LANES.get();
        FusedKernels.clear(out, o);
        for (int start = from; start < to; start += FusedKernels.BLOCK) {
            DoubleVector zero = DoubleVector.zero(S);
            int end = Math.min(to, start + FusedKernels.BLOCK);
            int vectorEnd = start + S.loopBound(end - start);
            DoubleVector vs = zero;
            DoubleVector vsa = zero;
            DoubleVector vsb = zero;
            DoubleVector vmin = zero;
            double s = 0.0;
            for (int i = start; i < vectorEnd; i += L) {
                DoubleVector p = DoubleVector.fromArray(S, a, i);
                DoubleVector q = DoubleVector.fromArray(S, b, i);
                vsa = vsa.add(p);
                vsb = vsb.add(q);
                vmin = vmin.min(p.min(q));
                // FusedKernels.jsTerm lane-wise, same operations in the same order
                DoubleVector m = p.add(q);
                DoubleVector im = DoubleVector.broadcast(S, 1.0).div(m);
                DoubleVector delta = p.sub(q).mul(im);
                DoubleVector wFar = p.mul(4.0).mul(q).mul(im).mul(im);
                // with p, q ≥ 0 (validated), 4pq/m² ≥ 2^-1000 implies p, q > 0 and a normal ratio
                VectorMask<Double> regular = wFar.compare(VectorOperators.GE, FusedKernels.TINY);
                DoubleVector r = p.div(q);
                r.intoArray(lanes, 12);
                DoubleVector x = delta.neg().mul(delta);
                DoubleVector wNear = x.add(1.0);
                VectorMask<Double> near = delta.abs().compare(VectorOperators.LT, 0.5);
                wFar.blend(wNear, near).intoArray(lanes, 16);
                log(lanes, 12, 20);                    // log r and log w
                DoubleVector logRatio = DoubleVector.fromArray(S, lanes, 12)
                        .add(r.neg().fma(q, p).mul(im.mul(2.0).mul(delta.neg().add(1.0))));
                DoubleVector correction = x.sub(wNear.sub(1.0)).mul(wNear.neg().add(2.0));
                DoubleVector log1mDelta2 = DoubleVector.fromArray(S, lanes, 16).add(zero.blend(correction, near));
                DoubleVector term = m.mul(0.25).mul(delta.mul(logRatio).add(log1mDelta2).max(0.0));
                if (regular.allTrue()) {
                    vs = vs.add(term);
                } else {
                    vs = vs.add(zero.blend(term, regular));
                    for (int j = i; j < i + L; j++) {
                        s += skippedJsTerm(a[j], b[j]);
                    }
                }
            }
            double sa = 0.0;
            double sb = 0.0;
            for (int i = vectorEnd; i < end; i++) {
                double p = a[i];
                double q = b[i];
                sa += p;
                sb += q;
                vmin = vmin.min(Math.min(p, q));
                s += (p > 0.0 && q > 0.0) ? FusedKernels.jsTerm(p, q) : FusedKernels.HALF_LOG_2 * (p + q);
            }
            boolean negative = vmin.compare(VectorOperators.LT, 0.0).anyTrue();
            vs.intoArray(lanes, 0);
            vsa.intoArray(lanes, 4);
            vsb.intoArray(lanes, 8);
            FusedKernels.finish(out, o, laneSum(lanes, 0) + s, laneSum(lanes, 4) + sa, laneSum(lanes, 8) + sb, negative, false);
        }
    }

    /** The JS term of (p, q) if the vector form masked its lane out (4pq/m² &lt; 2⁻¹⁰⁰⁰ or NaN), else 0. */
    private static double skippedJsTerm(double p, double q) {
        double im = 1.0 / (p + q);
        if (4.0 * p * q * im * im >= FusedKernels.TINY) {
            return 0.0;
        }
        return (p > 0.0 && q > 0.0) ? FusedKernels.jsTerm(p, q) : FusedKernels.HALF_LOG_2 * (p + q);
    }
}
