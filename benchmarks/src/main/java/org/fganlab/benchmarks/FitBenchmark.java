package org.fganlab.benchmarks;

import java.util.concurrent.TimeUnit;
import org.fganlab.density.Density;
import org.fganlab.density.DensitySpec;
import org.fganlab.divergence.Divergences;
import org.fganlab.divergence.FDivergence;
import org.fganlab.theory.GaussianFit;
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
 * One {@code fganlab fit}: the exact best Gaussian fit argmin over (μ, σ) of reverse
 * KL(P‖N(μ, σ²)) for the README's target P = 0.33·N(−1, 0.25²) + 0.67·N(2, 1.415²)
 * ({@link GaussianFit#fit}: Nelder–Mead from several starts, then Newton, every objective value an
 * exact divergence by quadrature). Average time per fit in milliseconds, JIT warm.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FitBenchmark {

    Density target;
    FDivergence f;
    GaussianFit fit;

    @Setup
    public void setUp() {
        target = DensitySpec.parse("0.33*normal(-1,0.25) + 0.67*normal(2,1.415)");
        f = Divergences.byName("reverse-kl");
        fit = GaussianFit.standard();
    }

    @Benchmark
    public GaussianFit.Result fit() {
        return fit.fit(f, target);
    }
}
