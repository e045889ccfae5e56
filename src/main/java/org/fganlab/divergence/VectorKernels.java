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
 * <p>Per term the vector form does the scalar operations in the same order (KL: a·log r +
 * fma(−r, b, a), r = a/b; JS: the δ form m/4·[δ·log(p/q) + log(1 − δ²)], stable as p → q), with
 * {@link #log} (within 1 ulp) in place of {@link FastLog} (within 4 ulp; measured worst 2): a term
 * differs from the scalar one by at most those ulps of its logs, and the additions inside a block
 * come in another order (four lane sums), so a chunk agrees with the scalar chunk to about
 * 10⁻¹⁵·Σ|terms| ({@code VectorKernelsTest} asserts 10⁻¹³). Lanes that need a special case — KL:
 * a ratio a/b outside the positive normal range (a zero, a subnormal or a huge ratio); JS:
 * 4pq/m² below 2⁻¹⁰⁰⁰ (a zero entry or a ratio beyond 2¹⁰⁰⁰) — are masked out of the vector sum,
 * and, when a vector has such a lane ({@code allTrue} fails), those lanes get the scalar term of
 * {@link FusedKernels}, with its rel_entr conventions (0·log(0/b) = 0, a &gt; 0 = b gives +∞).
 *
 * <p>Deterministic: only lane-wise IEEE operations (+, −, ×, ÷, fma, compare, blend) and bit
 * operations (and, or, xor, shifts), which give the same bits interpreted, in C1 and in C2, and
 * lanes reduced in a fixed order. Not
 * {@code lanewise(VectorOperators.LOG)}: on JDK 17/x86 C2 compiles it to Intel's SVML stub while
 * the interpreter and C1 use {@code Math.log} per lane, so a call could give other bits before
 * and after JIT compilation. Nothing is allocated per call once C2 has compiled the loops (a
 * per-thread scratch array holds the lanes); before that the Vector API allocates its vectors.
 *
 * <p>Layout for C2 (JDK 17): the vector loop of a block is a method of its own ({@code klBlock},
 * {@code jsBlock}) whose only call is {@link #log}, and no vector crosses a method boundary
 * (accumulators leave through the scratch array): a method with vector arguments that C2 does
 * not inline boxes every vector, and the Vector API's inline trees reach C2's inlining budget
 * quickly. For the same reason the two block loops repeat their accumulator set-up and stores
 * rather than share a helper, and the loops are branch-free (skipped lanes are counted, then
 * fixed up after the block by the scalar terms).
 *
 * <p>Measured and not kept (JS, one thread, n = 10⁵, this 2-core Zen 3 VM; the kept loop: about
 * 7 ns per element): a log taking and returning vectors, 14.5–16 ns (boxed vectors); one shared
 * division for the two logs of a step, s_i = f_i(2 + f_j)/((2 + f₁)(2 + f₂)), 8.5 ns (the larger
 * method compiles worse); all four divisions of a step replaced by products (wrong values, as a
 * bound), 6.3 ns: the loop is bound by its roughly 130 instructions per four elements, not by the
 * divider.
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
    private static final DoubleVector ONE = DoubleVector.broadcast(S, 1.0);
    /** Offsets in the per-thread scratch: the lanes of a block's accumulators, then of the logs. */
    private static final int TERMS = 0;
    private static final int SUM_A = 4;
    private static final int SUM_B = 8;
    private static final int SIGNS = 12;
    private static final int SKIPPED = 16;
    private static final int LOG = 20;
    private static final ThreadLocal<double[]> LANES = ThreadLocal.withInitial(() -> new double[LOG + 2 * L]);

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

    /**
     * True when an entry of a[start, vectorEnd) or b[start, vectorEnd) is &lt; 0, given in
     * lanes[k..k+3] the lanes of the OR of all their bit patterns: a clear sign bit in every lane
     * proves there is none; a set one (a negative entry, −0.0 or a NaN with its sign bit) is
     * settled by a scalar scan of the block (rare).
     */
    private static boolean anyNegative(double[] lanes, int k, double[] a, double[] b, int start,
            int vectorEnd) {
        long signs = Double.doubleToRawLongBits(lanes[k]) | Double.doubleToRawLongBits(lanes[k + 1])
                | Double.doubleToRawLongBits(lanes[k + 2]) | Double.doubleToRawLongBits(lanes[k + 3]);
        if (signs >= 0) {
            return false;
        }
        boolean negative = false;
        for (int i = start; i < vectorEnd; i++) {
            negative |= (a[i] < 0.0) | (b[i] < 0.0);
        }
        return negative;
    }

    /** {@link FusedKernels#klChunk} with the vector form (class comment); same output layout. */
    static void klChunk(double[] a, double[] b, int from, int to, double[] out, int o) {
        double[] lanes = LANES.get();
        FusedKernels.clear(out, o);
        for (int start = from; start < to; start += FusedKernels.BLOCK) {
            int end = Math.min(to, start + FusedKernels.BLOCK);
            int vectorEnd = start + S.loopBound(end - start);
            klBlock(a, b, start, vectorEnd, lanes);
            double s = 0.0;
            boolean infinite = false;
            // the skipped lanes (rare): the scalar terms; then the tail
            int from2 = laneSum(lanes, SKIPPED) != 0.0 ? start : vectorEnd;
            for (int i = from2; i < end; i++) {
                double ai = a[i];
                double bi = b[i];
                double r = ai / bi;
                if (ai > 0.0 && (i >= vectorEnd || !(r >= Double.MIN_NORMAL && r <= Double.MAX_VALUE))) {
                    if (bi > 0.0) {
                        s += FusedKernels.xLogRatio(ai, bi);
                    } else {
                        infinite = true;
                    }
                }
            }
            double sa = 0.0;
            double sb = 0.0;
            boolean negative = anyNegative(lanes, SIGNS, a, b, start, vectorEnd);
            for (int i = vectorEnd; i < end; i++) {
                sa += a[i];
                sb += b[i];
                negative |= (a[i] < 0.0) | (b[i] < 0.0);
            }
            FusedKernels.finish(out, o, laneSum(lanes, TERMS) + s, laneSum(lanes, SUM_A) + sa,
                    laneSum(lanes, SUM_B) + sb, negative, infinite);
        }
    }

    /**
     * The vector part of a KL block, [start, vectorEnd) (a multiple of 4 long): lanes of the term
     * sum, Σa, Σb, the OR of the bit patterns of a and b (its sign bits flag negative entries)
     * and the count of skipped lanes (ratio not positive normal) into
     * lanes[TERMS..], [SUM_A..], [SUM_B..], [SIGNS..], [SKIPPED..]. No branch in the loop, no vector
     * crosses a method boundary.
     */
    private static void klBlock(double[] a, double[] b, int start, int vectorEnd, double[] lanes) {
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector vs = zero;
        DoubleVector vsa = zero;
        DoubleVector vsb = zero;
        LongVector signs = LongVector.zero(LongVector.SPECIES_256);
        DoubleVector skipped = zero;
        for (int i = start; i < vectorEnd; i += L) {
            DoubleVector va = DoubleVector.fromArray(S, a, i);
            DoubleVector vb = DoubleVector.fromArray(S, b, i);
            vsa = vsa.add(va);
            vsb = vsb.add(vb);
            signs = signs.or(va.reinterpretAsLongs().or(vb.reinterpretAsLongs()));
            DoubleVector r = va.div(vb);
            VectorMask<Double> normal = r.compare(VectorOperators.GE, Double.MIN_NORMAL)
                    .and(r.compare(VectorOperators.LE, Double.MAX_VALUE));
            r.intoArray(lanes, LOG);
            log(lanes, LOG, LOG + L);
            // a·log r + fma(−r, b, a), FusedKernels.xLogRatio lane-wise
            DoubleVector term = va.mul(DoubleVector.fromArray(S, lanes, LOG)).add(r.neg().fma(vb, va));
            vs = vs.add(zero.blend(term, normal));
            skipped = skipped.add(ONE.blend(zero, normal));
        }
        vs.intoArray(lanes, TERMS);
        vsa.intoArray(lanes, SUM_A);
        vsb.intoArray(lanes, SUM_B);
        signs.reinterpretAsDoubles().intoArray(lanes, SIGNS);
        skipped.intoArray(lanes, SKIPPED);
    }

    /** {@link FusedKernels#jsChunk} with the vector form (class comment); same output layout. */
    static void jsChunk(double[] a, double[] b, int from, int to, double[] out, int o) {
        double[] lanes = LANES.get();
        FusedKernels.clear(out, o);
        for (int start = from; start < to; start += FusedKernels.BLOCK) {
            int end = Math.min(to, start + FusedKernels.BLOCK);
            int vectorEnd = start + S.loopBound(end - start);
            jsBlock(a, b, start, vectorEnd, lanes);
            double s = 0.0;
            if (laneSum(lanes, SKIPPED) != 0.0) {      // the skipped lanes (rare): the scalar terms
                for (int i = start; i < vectorEnd; i++) {
                    s += skippedJsTerm(a[i], b[i]);
                }
            }
            double sa = 0.0;
            double sb = 0.0;
            boolean negative = anyNegative(lanes, SIGNS, a, b, start, vectorEnd);
            for (int i = vectorEnd; i < end; i++) {
                double p = a[i];
                double q = b[i];
                sa += p;
                sb += q;
                negative |= (p < 0.0) | (q < 0.0);
                s += FusedKernels.jsEntry(p, q);
            }
            FusedKernels.finish(out, o, laneSum(lanes, TERMS) + s, laneSum(lanes, SUM_A) + sa,
                    laneSum(lanes, SUM_B) + sb, negative, false);
        }
    }

    /** The vector part of a JS block, as {@link #klBlock} (skipped: 4pq/m² &lt; 2⁻¹⁰⁰⁰ or NaN). */
    private static void jsBlock(double[] a, double[] b, int start, int vectorEnd, double[] lanes) {
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector vs = zero;
        DoubleVector vsa = zero;
        DoubleVector vsb = zero;
        LongVector signs = LongVector.zero(LongVector.SPECIES_256);
        DoubleVector skipped = zero;
        for (int i = start; i < vectorEnd; i += L) {
            DoubleVector p = DoubleVector.fromArray(S, a, i);
            DoubleVector q = DoubleVector.fromArray(S, b, i);
            vsa = vsa.add(p);
            vsb = vsb.add(q);
            signs = signs.or(p.reinterpretAsLongs().or(q.reinterpretAsLongs()));
            // FusedKernels.jsTerm lane-wise, same operations in the same order
            DoubleVector m = p.add(q);
            DoubleVector im = ONE.div(m);
            DoubleVector delta = p.sub(q).mul(im);
            DoubleVector wFar = p.mul(4.0).mul(q).mul(im).mul(im);
            // with p, q ≥ 0 (validated), 4pq/m² ≥ 2^-1000 implies p, q > 0 and a normal ratio
            VectorMask<Double> regular = wFar.compare(VectorOperators.GE, FusedKernels.TINY);
            DoubleVector r = p.div(q);
            r.intoArray(lanes, LOG);
            DoubleVector x = delta.neg().mul(delta);
            DoubleVector wNear = x.add(1.0);
            VectorMask<Double> near = delta.abs().compare(VectorOperators.LT, 0.5);
            wFar.blend(wNear, near).intoArray(lanes, LOG + L);
            log(lanes, LOG, LOG + 2 * L);              // log r and log w
            DoubleVector logRatio = DoubleVector.fromArray(S, lanes, LOG)
                    .add(r.neg().fma(q, p).mul(im.mul(2.0).mul(delta.neg().add(1.0))));
            DoubleVector correction = x.sub(wNear.sub(1.0)).mul(wNear.neg().add(2.0));
            DoubleVector log1mDelta2 = DoubleVector.fromArray(S, lanes, LOG + L).add(zero.blend(correction, near));
            DoubleVector term = m.mul(0.25).mul(delta.mul(logRatio).add(log1mDelta2).max(0.0));
            vs = vs.add(zero.blend(term, regular));
            skipped = skipped.add(ONE.blend(zero, regular));
        }
        vs.intoArray(lanes, TERMS);
        vsa.intoArray(lanes, SUM_A);
        vsb.intoArray(lanes, SUM_B);
        signs.reinterpretAsDoubles().intoArray(lanes, SIGNS);
        skipped.intoArray(lanes, SKIPPED);
    }

    /** The JS term of (p, q) if the vector form masked its lane out (4pq/m² &lt; 2⁻¹⁰⁰⁰ or NaN), else 0. */
    private static double skippedJsTerm(double p, double q) {
        double im = 1.0 / (p + q);
        if (4.0 * p * q * im * im >= FusedKernels.TINY) {
            return 0.0;
        }
        return FusedKernels.jsEntry(p, q);
    }
}
