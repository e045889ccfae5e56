package org.fganlab.divergence;

import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The hot loops of {@link DiscreteDivergences#kl}, {@code reverseKl}, {@code js} and {@code tv}:
 * one pass over p and q that sums the terms and, fused into the same pass, the two sums and the
 * sign checks of the input validation (so the arrays are read once).
 *
 * <p>Summation (blocked compensated): plain sums over blocks of {@value #BLOCK} elements, each
 * block sum added to a Knuth two-sum (compensated) total. The rounding error is at most about
 * {@value #BLOCK}·u·Σ|terms of a block| summed over blocks plus 2u·|total| (u = 2⁻⁵³), in
 * practice √{@value #BLOCK}·u; against per-element Kahan–Neumaier the blocked form keeps the
 * error independent of n (10⁷ terms give the same accuracy as 10³).
 *
 * <p>Threads: from {@value #PARALLEL_MIN} elements on, the arrays are cut at a fixed point (the
 * middle, rounded down to a block boundary) into two chunks; one daemon worker thread (started
 * on first use) sums the second while the caller sums the first, and the chunk totals are combined
 * in the fixed order first + second. When the worker is busy (another caller), the caller sums
 * both chunks itself, in the same order: the result is bit-identical either way. Nothing is
 * allocated per call (a per-thread scratch array holds the chunk results).
 *
 * <p>Vector path: when {@link VectorSupport#ENABLED} (the JVM has the module
 * {@code jdk.incubator.vector}, as {@code ./fganlab}, the tests and the JMH forks give it, and
 * 256-bit vectors), the KL and JS chunks run {@link VectorKernels}' loops instead (same blocks,
 * chunks, threads and output layout; four lanes a step; lanes with zeros, subnormal or huge
 * ratios take the scalar terms below). Results then differ from this scalar path by the order of
 * the additions inside a block and the vector log (within 1 ulp against FastLog's 4): in the tests
 * within 1e-13 of Σ|terms|. Either path alone is deterministic, serial or two-threaded. TV stays
 * scalar (it met its target already). Measured with JMH {@code DiscreteBenchmark} on the 2-core
 * Zen 3 (AVX2), JDK 17.0.15, n = 10⁷, shared and noisy machine, best of 4–5 forks: KL 5.4 → 2.1
 * ns per element, JS 8.4 → 4.4 ns per element, no allocation per call.
 *
 * <p>The three chunk loops repeat their block bookkeeping on purpose: one shared loop with a
 * per-element kernel switch or a lambda would depend on C2 unswitching or inlining it.
 *
 * <p>Output of a chunk, 8 doubles: [term sum, its compensation, Σa, compensation, Σb,
 * compensation, 1 if some a_i or b_i &lt; 0 else 0, 1 if some term is +∞ else 0].
 */
final class FusedKernels {

    static final int KL = 0;
    static final int JS = 1;
    static final int TV = 2;

    static final int BLOCK = 256;
    static final int PARALLEL_MIN = 1 << 16;
    static final int SLOT = 8;

    static final double HALF_LOG_2 = 0.5 * SpecialFunctions.LOG_2;
    /** Below this, 4pq/m² in the JS term is too near the subnormals: 2⁻¹⁰⁰⁰. */
    static final double TINY = 0x1p-1000;
    private static final ThreadLocal<double[]> SCRATCH = ThreadLocal.withInitial(() -> new double[2 * SLOT]);
    private static final ReentrantLock WORKER_LOCK = new ReentrantLock();
    private static volatile Worker worker;

    private FusedKernels() {
    }

    /**
     * Runs kernel over a and b (equal, non-zero lengths, not null: checked by the caller) and
     * returns the combined chunk output in {@code out[0..7]} (layout in the class comment).
     *
     * @return out, a per-thread array valid until this thread's next call
     */
    static double[] run(int kernel, double[] a, double[] b) {
        double[] out = SCRATCH.get();
        int n = a.length;
        if (n < PARALLEL_MIN) {
            chunk(kernel, a, b, 0, n, out, 0);
            clear(out, SLOT);
        } else {
            int mid = (n / 2) / BLOCK * BLOCK;
            if (WORKER_LOCK.tryLock()) {
                try {
                    Worker w = worker();
                    w.post(kernel, a, b, mid, n, Thread.currentThread());
                    chunk(kernel, a, b, 0, mid, out, 0);
                    w.await(out, SLOT);
                } finally {
                    WORKER_LOCK.unlock();
                }
            } else {
                chunk(kernel, a, b, 0, mid, out, 0);
                chunk(kernel, a, b, mid, n, out, SLOT);
            }
        }
        combine(out);
        return out;
    }

    static void clear(double[] out, int o) {
        for (int k = o; k < o + SLOT; k++) {
            out[k] = 0.0;
        }
    }

    /** out[0..7] ← chunk 0 + chunk 1, each compensated pair by two-sum, in that order. */
    private static void combine(double[] out) {
        for (int k = 0; k < 6; k += 2) {
            double x = out[k];
            double y = out[SLOT + k];
            double t = x + y;
            double bp = t - x;
            out[k + 1] = out[k + 1] + out[SLOT + k + 1] + ((x - (t - bp)) + (y - bp));
            out[k] = t;
        }
        out[6] = Math.max(out[6], out[SLOT + 6]);
        out[7] = Math.max(out[7], out[SLOT + 7]);
    }

    private static void chunk(int kernel, double[] a, double[] b, int from, int to, double[] out, int o) {
        if (VectorSupport.ENABLED && kernel != TV) {
            // VectorKernels is loaded only here, i.e. only with the module present
            if (kernel == KL) {
                VectorKernels.klChunk(a, b, from, to, out, o);
            } else {
                VectorKernels.jsChunk(a, b, from, to, out, o);
            }
            return;
        }
        switch (kernel) {
            case KL -> klChunk(a, b, from, to, out, o);
            case JS -> jsChunk(a, b, from, to, out, o);
            default -> tvChunk(a, b, from, to, out, o);
        }
    }

    /** Adds x to the compensated pair (out[k], out[k + 1]) (Knuth two-sum). */
    private static void twoSum(double[] out, int k, double x) {
        double s = out[k];
        double t = s + x;
        double bp = t - s;
        out[k + 1] += (s - (t - bp)) + (x - bp);
        out[k] = t;
    }

    static void finish(double[] out, int o, double s, double sa, double sb, boolean negative,
                               boolean infinite) {
        twoSum(out, o, s);
        twoSum(out, o + 2, sa);
        twoSum(out, o + 4, sb);
        if (negative) {
            out[o + 6] = 1.0;
        }
        if (infinite) {
            out[o + 7] = 1.0;
        }
    }

    /** Σ a_i log(a_i/b_i) with the rel_entr conventions (0·log(0/b) = 0, a &gt; 0 = b gives +∞). */
    static void klChunk(double[] a, double[] b, int from, int to, double[] out, int o) {
        clear(out, o);
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
            finish(out, o, s, sa, sb, negative, infinite);
        }
    }

    /**
     * a·log(a/b) for a, b &gt; 0: with r = a/b rounded and its exact residual e = a − r·b (one
     * fused multiply-add), a·log(a/b) = a·log r + a·log(1 + e/(r·b)) = a·log r + e up to a relative
     * 2⁻⁵³ of e, so no digit of a/b near 1 is lost (the job SciPy's rel_entr gives to log1p).
     * Ratios outside the normal range take log a − log b.
     */
    static double xLogRatio(double a, double b) {
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
    static void jsChunk(double[] a, double[] b, int from, int to, double[] out, int o) {
        clear(out, o);
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
            finish(out, o, s, sa, sb, negative, false);
        }
    }

    /**
     * The JS term of one entry pair: {@link #jsTerm} when both are positive, else ½·log 2·(p + q)
     * (the zero entry's term vanishes, 0·log 0 = 0).
     */
    static double jsEntry(double p, double q) {
        return (p > 0.0 && q > 0.0) ? jsTerm(p, q) : HALF_LOG_2 * (p + q);
    }

    static double jsTerm(double p, double q) {
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
    static void tvChunk(double[] a, double[] b, int from, int to, double[] out, int o) {
        clear(out, o);
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
            finish(out, o, s, sa, sb, negative, false);
        }
    }

    private static Worker worker() {
        Worker w = worker;
        if (w == null) {
            w = new Worker();
            w.start();
            worker = w;
        }
        return w;
    }

    /** The second thread: sums one posted chunk at a time (called only under WORKER_LOCK). */
    private static final class Worker extends Thread {
        private final double[] result = new double[SLOT];
        private volatile int state;                  // 0 idle, 1 posted, 2 done
        private int kernel;
        private double[] a;
        private double[] b;
        private int from;
        private int to;
        private Thread caller;

        Worker() {
            super("fganlab-discrete-kernels");
            setDaemon(true);
        }

        void post(int kernel, double[] a, double[] b, int from, int to, Thread caller) {
            this.kernel = kernel;
            this.a = a;
            this.b = b;
            this.from = from;
            this.to = to;
            this.caller = caller;
            state = 1;                               // volatile write publishes the fields
            LockSupport.unpark(this);
        }

        void await(double[] out, int o) {
            int spins = 0;
            while (state != 2) {
                if (++spins < 1 << 12) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.parkNanos(this, 50_000L);
                }
            }
            System.arraycopy(result, 0, out, o, SLOT);
            a = null;
            b = null;
            caller = null;
            state = 0;
        }

        @Override
        public void run() {
            while (true) {
                while (state != 1) {
                    LockSupport.park(this);
                }
                try {
                    chunk(kernel, a, b, from, to, result, 0);
                } catch (RuntimeException | Error e) {
                    clear(result, 0);
                    result[0] = Double.NaN;          // never expected: the caller's validation then fails loudly
                }
                Thread c = caller;
                state = 2;
                LockSupport.unpark(c);
            }
        }
    }
}
