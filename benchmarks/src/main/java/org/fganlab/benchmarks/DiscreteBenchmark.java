package org.fganlab.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.TimeUnit;
import org.fganlab.divergence.DiscreteDivergences;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The discrete kernels of {@link DiscreteDivergences} (KL, JS, TV) over probability vectors of
 * length n = 10³, 10⁵, 10⁷ (target at n = 10⁷: each kernel ≥ 5× faster per element than its
 * NumPy/SciPy peer, {@code peers/discrete_peer.py}, run beside it by {@code benchmarks/run}).
 * Average time per call in microseconds; divide by n for the time per element (the report
 * generator does). The validation pass of the public methods is included: it is what a caller
 * pays.
 *
 * <p>Inputs: p_i ∝ U_i and q_i ∝ V_i with U, V uniform on (0.05, 1), SplittableRandom seeds 1 and
 * 2, each normalised by a compensated sum, so every term is finite and every ratio p_i/q_i lies
 * in (1/40, 40) as for two smooth histograms; the peer script {@code peers/discrete_peer.py}
 * builds the same family with NumPy.
 *
 * <p>{@link #readFloor} is the memory-read floor under all three: it reads p and q once, as each
 * kernel must, and does nothing else.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DiscreteBenchmark {

    /** The kernels' fork threshold: from 2²⁰ elements on they sum the second half on a common-pool worker. */
    private static final int PARALLEL_MIN = 1 << 20;

    @Param({"1000", "100000", "10000000"})
    public int n;

    double[] p;
    double[] q;

    @Setup
    public void setUp() {
        p = probabilities(n, 1);
        q = probabilities(n, 2);
    }

    /** A probability vector of length n with entries ∝ uniform(0.05, 1), seeded. */
    static double[] probabilities(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[n];
        double sum = 0.0;
        double c = 0.0;
        for (int i = 0; i < n; i++) {
            double x = rng.nextDouble(0.05, 1.0);
            v[i] = x;
            double t = sum + x;
            c += Math.abs(sum) >= Math.abs(x) ? (sum - t) + x : (x - t) + sum;
            sum = t;
        }
        double total = sum + c;
        for (int i = 0; i < n; i++) {
            v[i] /= total;
        }
        return v;
    }

    @Benchmark
    public double kl() {
        return DiscreteDivergences.kl(p, q);
    }

    @Benchmark
    public double js() {
        return DiscreteDivergences.js(p, q);
    }

    @Benchmark
    public double tv() {
        return DiscreteDivergences.tv(p, q);
    }

    /**
     * The memory-read floor: Σ (p_i + q_i), split over the same two threads as the kernels from
     * 2²⁰ elements on (the fork allocates a small task: this baseline is not judged for
     * allocation). Four partial sums, so the adds do not form one dependency chain.
     */
    @Benchmark
    public double readFloor() {
        int len = p.length;
        if (len < PARALLEL_MIN) {
            return sum(p, q, 0, len);
        }
        int mid = len / 2;
        ForkJoinTask<Double> second = ForkJoinTask.adapt(() -> sum(p, q, mid, len)).fork();
        double first = sum(p, q, 0, mid);
        return first + second.join();
    }

    private static double sum(double[] a, double[] b, int from, int to) {
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        int i = from;
        for (; i + 3 < to; i += 4) {
            s0 += a[i] + b[i];
            s1 += a[i + 1] + b[i + 1];
            s2 += a[i + 2] + b[i + 2];
            s3 += a[i + 3] + b[i + 3];
        }
        for (; i < to; i++) {
            s0 += a[i] + b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
