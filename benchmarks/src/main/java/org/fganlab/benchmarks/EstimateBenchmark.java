package org.fganlab.benchmarks;

import java.util.concurrent.TimeUnit;
import org.fganlab.divergence.Divergences;
import org.fganlab.divergence.FDivergence;
import org.fganlab.estimate.KdePlugin;
import org.fganlab.estimate.KnnKl;
import org.fganlab.estimate.Samples;
import org.fganlab.quadrature.QuadratureResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sample-based estimators against their SciPy peers (benchmarks/peers/estimate_peer.py):
 * <ul>
 *   <li>{@code knnKl}: the k-NN KL estimate (k = 3) on the n = 10⁵ 2-D samples of
 *       {@link EstimateSamples}, k-d trees built inside the call (peer: two {@code cKDTree}s and
 *       their queries, {@code workers=-1}; here the queries run on the common fork-join pool).</li>
 *   <li>{@code kdeKl}: the 1-D KDE plug-in KL (Scott's bandwidth, quadrature) between the first
 *       coordinates of the first 2,000 points of each sample (peer: {@code gaussian_kde} and
 *       {@code quad}).</li>
 * </ul>
 * Average time per call in milliseconds.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1)
public class EstimateBenchmark {

    /** Points per 1-D sample of the KDE case. */
    public static final int KDE_N = 2_000;

    Samples p;
    Samples q;
    Samples p1;
    Samples q1;
    FDivergence kl;

    @Setup
    public void setUp() {
        Samples[] s = EstimateSamples.pair();
        p = s[0];
        q = s[1];
        p1 = firstCoordinates(p, KDE_N);
        q1 = firstCoordinates(q, KDE_N);
        kl = Divergences.byName("kl");
    }

    /** The first coordinate of the first n points, as 1-D samples. */
    public static Samples firstCoordinates(Samples s, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = s.get(i, 0);
        }
        return Samples.of(x);
    }

    @Benchmark
    public double knnKl() {
        return KnnKl.estimate(p, q, KnnKl.defaultK());
    }

    @Benchmark
    public QuadratureResult kdeKl() {
        return KdePlugin.estimate(p1, q1, kl);
    }
}
