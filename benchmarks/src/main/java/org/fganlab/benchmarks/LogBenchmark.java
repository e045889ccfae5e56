package org.fganlab.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
 * Throughput of the JDK logarithms over 4,096 values in (0.025, 40) (cache-resident), the floor
 * under the discrete KL and JS kernels: average time per 4,096 calls in microseconds (divide by
 * 4,096 for one call). Plain summation, so only the log and one add per element are timed.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LogBenchmark {

    static final int N = 4096;
    double[] x;
    double[] small;

    @Setup
    public void setUp() {
        SplittableRandom rng = new SplittableRandom(3);
        x = new double[N];
        small = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = Math.exp(rng.nextDouble(Math.log(0.025), Math.log(40)));
            small[i] = rng.nextDouble(-0.5, 1.0);
        }
    }

    @Benchmark
    public double mathLog() {
        double s = 0;
        for (double v : x) {
            s += Math.log(v);
        }
        return s;
    }

    @Benchmark
    public double mathLog1p() {
        double s = 0;
        for (double v : small) {
            s += Math.log1p(v);
        }
        return s;
    }

    @Benchmark
    public double division() {
        double s = 0;
        for (int i = 0; i < N; i++) {
            s += x[i] / small[i];
        }
        return s;
    }
}
