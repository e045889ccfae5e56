package org.fganlab.divergence;

import java.util.Arrays;
import java.util.concurrent.RecursiveAction;

/**
 * The hot loops of {@link DiscreteDivergences#kl}, {@code reverseKl}, {@code js} and {@code tv}:
 * one pass over p and q that sums the terms and, fused into the same pass, the two sums and the
 * sign checks of the input validation, so the arrays are read once.
 *
 * <p>Summation (blocked compensated): plain sums over blocks of {@value #BLOCK} elements, each
 * block sum added to a Knuth two-sum (compensated) total. The rounding error is at most about
 * {@value #BLOCK}·u·Σ|terms of a block| summed over blocks plus 2u·|total| (u = 2⁻⁵³), in
 * practice √{@value #BLOCK}·u, independent of n.
 *
 * <p>From {@value #PARALLEL_MIN} elements on (far beyond the histograms the experiments pass),
 * the second half, cut at a block boundary, is forked to the common fork-join pool while the
 * caller sums the first, and the two outputs are combined in the fixed order first + second:
 * the same bits whichever thread sums which half. Nothing is allocated per call: the output and
 * the forked task are per-thread objects, reused, and the caller waits for the other half by
 * spinning (a blocking join would park the thread, and a wake-up allocates).
 *
 * <p>The three loops repeat their block bookkeeping on purpose: one shared loop with a
 * per-element kernel switch or a lambda would depend on C2 unswitching or inlining it.
 *
 * <p>Output, 8 doubles: [term sum, its compensation, Σa, compensation, Σb, compensation, 1 if
 * some a_i or b_i &lt; 0 else 0, 1 if some term is +∞ else 0].
 */
final class FusedKernels {

    static final int KL = 0;
    static final int JS = 1;
    static final int TV = 2;

    private static final int BLOCK = 256;

    private static final double HALF_LOG_2 = 0.5 * SpecialFunctions.LOG_2;
    /** Below this, 4pq/m² in the JS term is too near the subnormals: 2⁻¹⁰⁰⁰. */
    private static final double TINY = 0x1p-1000;
    /** From this length on the second half of the arrays is summed on the common fork-join pool. */
    static final int PARALLEL_MIN = 1 << 20;
    private static final ThreadLocal<double[]> SCRATCH = ThreadLocal.withInitial(() -> new double[8]);
    private static final ThreadLocal<SecondHalf> SECOND_HALF = ThreadLocal.withInitial(SecondHalf::new);

    private FusedKernels() {
    }

    /**
     * Runs kernel over a and b (equal, non-zero lengths, not null: checked by the caller).
     *
     * @return the output (layout in the class comment) in a per-thread array valid until this
     *         thread's next call
     */
    static double[] run(int kernel, double[] a, double[] b) {
        double[] out = SCRATCH.get();
        int n = a.length;
        if (n < PARALLEL_MIN) {
            sums(kernel, a, b, 0, n, out);
            return out;
        }
        int mid = n / 2 / BLOCK * BLOCK;
        SecondHalf second = SECOND_HALF.get();
        second.set(kernel, a, b, mid, n);
        second.fork();
        sums(kernel, a, b, 0, mid, out);
        if (second.tryUnfork()) {
            second.invoke();                   // no worker took it
        } else {
            while (!second.isDone()) {
                Thread.onSpinWait();           // the halves take about equally long
            }
            second.join();                     // done: returns at once, or rethrows
        }
        second.set(kernel, null, null, 0, 0); // the arrays are not kept alive by the thread
        double[] last = second.out;
        for (int k = 0; k < 6; k += 2) {
            twoSum(out, k, last[k]);
            out[k + 1] += last[k + 1];
        }
        out[6] = Math.max(out[6], last[6]);
        out[7] = Math.max(out[7], last[7]);
        return out;
    }

    /** The forked half of {@link #run}: one reusable task per calling thread. */
    private static final class SecondHalf extends RecursiveAction {
        private static final long serialVersionUID = 1L;
        final double[] out = new double[8];
        private int kernel;
        private transient double[] a;
        private transient double[] b;
        private int from;
        private int to;

        void set(int kernel, double[] a, double[] b, int from, int to) {
            reinitialize();
            this.kernel = kernel;
            this.a = a;
            this.b = b;
            this.from = from;
            this.to = to;
        }

        @Override
        protected void compute() {
            sums(kernel, a, b, from, to, out);
        }
    }

    /** Clears out and sums kernel's terms over [from, to) into it. */
    private static double[] sums(int kernel, double[] a, double[] b, int from, int to, double[] out) {
        Arrays.fill(out, 0.0);
        switch (kernel) {
            case KL -> klSums(a, b, from, to, out);
            case JS -> jsSums(a, b, from, to, out);
            default -> tvSums(a, b, from, to, out);
        }
        return out;
    }

    /** Adds x to the compensated pair (out[k], out[k + 1]) (Knuth two-sum). */
    private static void twoSum(double[] out, int k, double x) {
        double s = out[k];
        double t = s + x;
        double bp = t - s;
        out[k + 1] += (s - (t - bp)) + (x - bp);
        out[k] = t;
    }

    /** Adds a block's sums to the totals and records its flags. */
    private static void finish(double[] out, double s, double sa, double sb, boolean negative, boolean infinite) {
        twoSum(out, 0, s);
        twoSum(out, 2, sa);
        twoSum(out, 4, sb);
        if (negative) {
            out[6] = 1.0;
        }
        if (infinite) {
            out[7] = 1.0;
        }
    }

    /** Σ a_i log(a_i/b_i) with the rel_entr conventions (0·log(0/b) = 0, a &gt; 0 = b gives +∞). */
    private static void klSums(double[] a, double[] b, int from, int to, double[] out) {
        for (int start = from; start < to; start += BLOCK) {
            int end = Math.min(to, start + BLOCK);
            double s = 0.0;
            double sa = 0.0;
            double sb = 0.0;
            boolean negative = false;
            boolean infinite = false;
            for (int i = start; i < end; i++) {
                double ai = a[i];
                double bi = b[i];
                sa += ai;
                sb += bi;
                negative |= (ai < 0.0) | (bi < 0.0);
                if (ai > 0.0) {
                    if (bi > 0.0) {
                        s += xLogRatio(ai, bi);
                    } else {
                        infinite = true;
                    }
                }
            }
            finish(out, s, sa, sb, negative, infinite);
        }
    }

    /**
     * a·log(a/b) for a, b &gt; 0: with r = a/b rounded and its exact residual e = a − r·b (one
     * fused multiply-add), a·log(a/b) = a·log r + a·log(1 + e/(r·b)) = a·log r + e up to a relative
     * 2⁻⁵³ of e, so no digit of a/b near 1 is lost (the job SciPy's rel_entr gives to log1p).
     * Ratios outside the normal range take log a − log b.
     */
    private static double xLogRatio(double a, double b) {
        double r = a / b;
        if (r >= Double.MIN_NORMAL && r <= Double.MAX_VALUE) {
            return a * FastLog.logUnchecked(r) + Math.fma(-r, b, a);
        }
        return a * (Math.log(a) - Math.log(b));
    }

    /**
     * The JS terms ½[p log(2p/m) + q log(2q/m)], m = p + q, in the form m/4·[δ·log(p/q) +
     * log(1 − δ²)], δ = (p − q)/m, stable as p → q (no cancellation). A zero entry gives
     * ½·log 2·(p + q).
     */
    private static void jsSums(double[] a, double[] b, int from, int to, double[] out) {
        for (int start = from; start < to; start += BLOCK) {
            int end = Math.min(to, start + BLOCK);
            double s = 0.0;
            double sa = 0.0;
            double sb = 0.0;
            boolean negative = false;
            for (int i = start; i < end; i++) {
                double p = a[i];
                double q = b[i];
                sa += p;
                sb += q;
                negative |= (p < 0.0) | (q < 0.0);
                s += jsEntry(p, q);
            }
            finish(out, s, sa, sb, negative, false);
        }
    }

    /**
     * The JS term of one entry pair: {@link #jsTerm} when both are positive, else ½·log 2·(p + q)
     * (the zero entry's term vanishes, 0·log 0 = 0).
     */
    private static double jsEntry(double p, double q) {
        return (p > 0.0 && q > 0.0) ? jsTerm(p, q) : HALF_LOG_2 * (p + q);
    }

    private static double jsTerm(double p, double q) {
        double m = p + q;
        double im = 1.0 / m;
        double delta = (p - q) * im;
        double wFar = 4.0 * p * q * im * im;         // 1 − δ² = 4pq/m², relative error ≤ 4u
        if (!(wFar >= TINY)) {
            // a ratio beyond 2^1000 (p or q near the subnormals): the direct form, Math.log
            return 0.5 * (p * Math.log(2.0 * p * im) + q * Math.log(2.0 * q * im));
        }
        // from here r = p/q and w below lie in [2^-1002, 2^1002]: normal, FastLog.logUnchecked applies
        // log(p/q) = log r + e/p (xLogRatio's residual), 1/p ≈ 2(1 − δ)/m: the approximation's
        // relative error δ² only scales a correction of ≤ 1 ulp of |log(p/q)| ≥ |2δ|
        double r = p / q;
        double logRatio = FastLog.logUnchecked(r) + Math.fma(-r, q, p) * (2.0 * im * (1.0 - delta));
        // log(1 − δ²): for |δ| ≤ ½ as log1p(x), x = −δ², = log w + (x − (w − 1))/w with w = 1 + x
        // and 1/w ≈ 2 − w (keeps the relative accuracy of δ² as p → q); for |δ| > ½ as log(4pq/m²).
        // The choice is a bit mask, not a branch: |δ| ≤ ½ is a coin flip on ordinary data.
        double x = -delta * delta;
        double wNear = 1.0 + x;
        double correction = (x - (wNear - 1.0)) * (2.0 - wNear);
        long near = Double.doubleToRawLongBits(Math.abs(delta) - 0.5) >> 63;   // all ones iff |δ| < ½
        double w = Double.longBitsToDouble((Double.doubleToRawLongBits(wNear) & near)
                | (Double.doubleToRawLongBits(wFar) & ~near));
        double log1mDelta2 = FastLog.logUnchecked(w) + Double.longBitsToDouble(Double.doubleToRawLongBits(correction) & near);
        return 0.25 * m * Math.max(delta * logRatio + log1mDelta2, 0.0);
    }

    /** Σ |a_i − b_i|. */
    private static void tvSums(double[] a, double[] b, int from, int to, double[] out) {
        for (int start = from; start < to; start += BLOCK) {
            int end = Math.min(to, start + BLOCK);
            double s = 0.0;
            double sa = 0.0;
            double sb = 0.0;
            boolean negative = false;
            for (int i = start; i < end; i++) {
                double ai = a[i];
                double bi = b[i];
                sa += ai;
                sb += bi;
                negative |= (ai < 0.0) | (bi < 0.0);
                s += Math.abs(ai - bi);
            }
            finish(out, s, sa, sb, negative, false);
        }
    }
}
