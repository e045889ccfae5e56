package org.fganlab.benchmarks;

import java.util.concurrent.TimeUnit;
import org.fganlab.density.Density;
import org.fganlab.density.DensitySpec;
import org.fganlab.divergence.Divergences;
import org.fganlab.divergence.FDivergence;
import org.fganlab.quadrature.QuadratureResult;
import org.fganlab.theory.ExactDivergence;
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
 * Exact divergences by quadrature (issue targets: KL and JSD between N(0,1) and N(1,1.5²) in
 * ≤ 20 µs each; between 0.5·N(−2,0.5²)+0.5·N(2,0.5²) and N(0,2²) in ≤ 50 µs each).
 * Average time per exact divergence, in microseconds.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class QuadratureBenchmark {

    /** Which pair: "gauss" = N(0,1)‖N(1,1.5²), "mixture" = bimodal‖N(0,2²). */
    @Param({"gauss", "mixture"})
    public String pair;

    @Param({"kl", "js", "tv", "pearson"})
    public String divergence;

    Density p;
    Density q;
    FDivergence f;
    ExactDivergence exact;

    @Setup
    public void setUp() {
        if (pair.equals("gauss")) {
            p = DensitySpec.parse("normal(0,1)");
            q = DensitySpec.parse("normal(1,1.5)");
        } else {
            p = DensitySpec.parse("0.5*normal(-2,0.5) + 0.5*normal(2,0.5)");
            q = DensitySpec.parse("normal(0,2)");
        }
        f = Divergences.byName(divergence);
        exact = ExactDivergence.standard();
    }

    @Benchmark
    public QuadratureResult exactDivergence() {
        return exact.divergence(f, p, q);
    }
}
