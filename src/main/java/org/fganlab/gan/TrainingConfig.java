package org.fganlab.gan;

import java.util.Arrays;

/**
 * Everything a training run depends on; the same config and seed give a bit-identical run.
 *
 * @param target the data distribution P
 * @param objective f-GAN for a divergence, or Wasserstein with clipping
 * @param loss the generator loss
 * @param generator {@code GAUSSIAN} (1-D targets only) or {@code MLP}
 * @param latentDimension latent dimension of the MLP generator (≥ 1; the Gaussian's is 1)
 * @param generatorHidden hidden widths of the MLP generator (copied)
 * @param criticHidden hidden widths of the critic V, tanh units (copied)
 * @param schedule single-step or alternating:k
 * @param steps generator steps, ≥ 1
 * @param batchSize samples from P and from Q per step, ≥ 1
 * @param learningRate Adam step size of critic and generator, finite and &gt; 0
 * @param seed the seed of every random draw (initialisation, data, latent samples)
 * @param logEvery history interval in steps, ≥ 1
 */
public record TrainingConfig(Target target, Objective objective, GeneratorLoss loss,
        GeneratorKind generator, int latentDimension, int[] generatorHidden, int[] criticHidden,
        Schedule schedule, int steps, int batchSize, double learningRate, long seed, int logEvery) {

    /** The generator families. */
    public enum GeneratorKind { GAUSSIAN, MLP }

    /** Adam's β1 for both players: 0.5, the usual GAN setting (Radford et al. 2016). */
    public static final double BETA1 = 0.5;
    /** Adam's β2. */
    public static final double BETA2 = 0.999;

    /**
     * @throws IllegalArgumentException naming the bad value and its accepted range
     */
    public TrainingConfig {
        if (target == null || objective == null || loss == null || generator == null
                || schedule == null) {
            throw new IllegalArgumentException("target, objective, loss, generator and schedule are required");
        }
        if (generator == GeneratorKind.GAUSSIAN && target.dimension() != 1) {
            throw new IllegalArgumentException("the gaussian generator is 1-D but the target '"
                    + target.describe() + "' has dimension " + target.dimension() + " (use --generator mlp)");
        }
        positive("steps", steps);
        positive("batch size", batchSize);
        positive("log interval", logEvery);
        positive("latent dimension", latentDimension);
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be finite and > 0, got " + learningRate);
        }
        generatorHidden = widths("generator hidden width", generatorHidden);
        criticHidden = widths("critic hidden width", criticHidden);
    }

    /**
     * The f-GAN Gaussian-fit protocol (Nowozin et al. 2016, §4): Gaussian generator, critic with
     * two hidden layers of 64 tanh units, single-step gradient, batches of 1,024, step size 0.01
     * (Adam), minimax loss, 5,000 steps, history every 50 steps.
     */
    public static TrainingConfig gaussianFit(Target target, Objective objective, long seed) {
        return new TrainingConfig(target, objective, GeneratorLoss.MINIMAX, GeneratorKind.GAUSSIAN,
                1, new int[0], new int[] {64, 64}, Schedule.SINGLE_STEP, 5000, 1024, 0.01, seed, 50);
    }

    /** A copy with other steps. */
    public TrainingConfig withSteps(int s) {
        return new TrainingConfig(target, objective, loss, generator, latentDimension,
                generatorHidden, criticHidden, schedule, s, batchSize, learningRate, seed, logEvery);
    }

    /** A copy with another loss and schedule. */
    public TrainingConfig with(GeneratorLoss l, Schedule s) {
        return new TrainingConfig(target, objective, l, generator, latentDimension,
                generatorHidden, criticHidden, s, steps, batchSize, learningRate, seed, logEvery);
    }

    /** A copy with another generator. */
    public TrainingConfig with(GeneratorKind g, int latent, int[] hidden) {
        return new TrainingConfig(target, objective, loss, g, latent, hidden, criticHidden,
                schedule, steps, batchSize, learningRate, seed, logEvery);
    }

    /** A copy with other batch size, learning rate and log interval. */
    public TrainingConfig with(int batch, double rate, int log) {
        return new TrainingConfig(target, objective, loss, generator, latentDimension,
                generatorHidden, criticHidden, schedule, steps, batch, rate, seed, log);
    }

    @Override
    public int[] generatorHidden() {
        return generatorHidden.clone();
    }

    @Override
    public int[] criticHidden() {
        return criticHidden.clone();
    }

    private static void positive(String what, int v) {
        if (v < 1) {
            throw new IllegalArgumentException(what + " must be >= 1, got " + v);
        }
    }

    private static int[] widths(String what, int[] w) {
        int[] c = w == null ? new int[0] : w.clone();
        for (int x : c) {
            if (x < 1 || x > 100_000) {
                throw new IllegalArgumentException(what + " must be in [1, 100000], got " + x
                        + " in " + Arrays.toString(c));
            }
        }
        return c;
    }
}
