package org.fganlab.benchmarks;

import java.util.concurrent.TimeUnit;
import org.fganlab.density.DensitySpec;
import org.fganlab.divergence.Divergences;
import org.fganlab.gan.GeneratorLoss;
import org.fganlab.gan.Objective;
import org.fganlab.gan.Target;
import org.fganlab.gan.Trainer;
import org.fganlab.gan.TrainingConfig;
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
 * One full f-GAN training step of the f-GAN §4 protocol (target: no allocation per step): critic
 * 1-64-64-1 tanh, Gaussian generator, batches of 1,024 from P and from Q, single-step gradient:
 * sampling, two critic forward passes, two backward passes (with the input gradient), the
 * generator backward pass and two Adam updates. Average time per step in microseconds, on one
 * thread like the PyTorch peer: the JVM runs with a common fork-join pool of no workers, so the
 * trainer's forked half runs on the calling thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Djava.util.concurrent.ForkJoinPool.common.parallelism=0")
public class TrainingStepBenchmark {

    @Param({"kl", "gan"})
    public String divergence;

    @Param({"minimax", "non-saturating"})
    public String loss;

    Trainer trainer;

    @Setup
    public void setUp() {
        Target target = Target.of(DensitySpec.parse("0.33*normal(-1,0.25) + 0.67*normal(2,1.415)"));
        TrainingConfig c = TrainingConfig.builder(target, new Objective.FGan(Divergences.byName(divergence)))
                .loss(GeneratorLoss.parse(loss)).steps(Integer.MAX_VALUE).build();
        trainer = new Trainer(c);
    }

    @Benchmark
    public double trainingStep() {
        return trainer.step();
    }
}
