package org.fganlab.benchmarks;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.fganlab.density.GaussianMixture2D;
import org.fganlab.divergence.Divergences;
import org.fganlab.gan.GeneratorLoss;
import org.fganlab.gan.Objective;
import org.fganlab.gan.Schedule;
import org.fganlab.gan.Target;
import org.fganlab.gan.Trainer;
import org.fganlab.gan.TrainingConfig;
import org.fganlab.nn.Activation;
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
 * One 2-D mode-coverage training step, the same work as the {@code 2d-*} cases of
 * {@code peers/torch_peer.py}: non-saturating GAN on {@code ring(8,2,0.02)}, generator
 * 2-W-…-W-2 and critic 2-W-…-W-1 with ReLU hidden layers, z ~ N(0, I₂), batch B; one critic
 * update on a real and a generated batch, then one generator update on a fresh latent batch
 * (alternating:1), Adam (1e-3, β = (0.5, 0.999)). {@code shape} is W-B-hidden layers; 128-256-3
 * is the mode-coverage protocol's. Average time per step in microseconds, on one thread like
 * the peer: the JVM runs with a common fork-join pool of no workers, so the trainer's forked
 * half runs on the calling thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Djava.util.concurrent.ForkJoinPool.common.parallelism=0")
public class ModeCoverageStepBenchmark {

    /** Width W, batch B and hidden layers, joined by dashes. */
    @Param({"64-64-2", "128-256-2", "256-512-2", "128-256-3"})
    public String shape;

    Trainer trainer;

    @Setup
    public void setUp() {
        int[] s = Arrays.stream(shape.split("-")).mapToInt(Integer::parseInt).toArray();
        int[] hidden = new int[s[2]];
        Arrays.fill(hidden, s[0]);
        TrainingConfig c = TrainingConfig.builder(Target.of(GaussianMixture2D.ring(8, 2, 0.02)),
                        new Objective.FGan(Divergences.byName("gan")))
                .loss(GeneratorLoss.NON_SATURATING)
                .networks(TrainingConfig.Networks.mlp(2, hidden, hidden).withCriticActivation(Activation.RELU))
                .schedule(new Schedule(1)).batchSize(s[1]).learningRate(1e-3)
                .steps(Integer.MAX_VALUE).build();
        trainer = new Trainer(c);
    }

    @Benchmark
    public double trainingStep() {
        return trainer.step();
    }
}
