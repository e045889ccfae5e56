package org.fganlab.gan;

import java.util.Arrays;
import org.fganlab.nn.Activation;
import org.fganlab.nn.Mlp;

/**
 * Everything a training run depends on; the same config gives a bit-identical run. Built by
 * name with {@link #builder}, whose defaults are the f-GAN Gaussian-fit protocol
 * ({@link #gaussianFit}).
 *
 * @param target the data distribution P
 * @param objective f-GAN for a divergence, or Wasserstein with clipping
 * @param loss the generator loss
 * @param networks the generator G and the critic V
 * @param optimization optimiser, its step size and the batch size
 * @param plan generator steps, critic steps per generator step, history interval
 * @param seed the seed of every random draw (initialisation, data, latent samples)
 */
public record TrainingConfig(Target target, Objective objective, GeneratorLoss loss,
        Networks networks, Optimization optimization, Plan plan, long seed) {

    /** The generator families. */
    public enum GeneratorKind { GAUSSIAN, MLP }

    /**
     * @throws IllegalArgumentException if a part is missing, or the Gaussian generator is asked
     *     for a target of dimension other than 1
     */
    public TrainingConfig {
        if (target == null || objective == null || loss == null || networks == null
                || optimization == null || plan == null) {
            throw new IllegalArgumentException(
                    "target, objective, loss, networks, optimization and plan are required");
        }
        if (networks.generator() == GeneratorKind.GAUSSIAN && target.dimension() != 1) {
            throw new IllegalArgumentException("the gaussian generator is 1-D but the target '"
                    + target.describe() + "' has dimension " + target.dimension() + " (use --generator mlp)");
        }
    }

    /**
     * The f-GAN Gaussian-fit protocol (Nowozin et al. 2016, §4): Gaussian generator, critic with
     * two hidden layers of 64 tanh units, single-step gradient, batches of 1,024, step size 0.01
     * (Adam, β1 = 0.5), minimax loss, 5,000 steps, history every 50 steps.
     */
    public static TrainingConfig gaussianFit(Target target, Objective objective, long seed) {
        return builder(target, objective).seed(seed).build();
    }

    /** Hidden widths of both networks in the 2-D mode-coverage protocol. */
    public static final int[] MODE_COVERAGE_HIDDEN = {128, 128, 128};
    /** Batch size of the 2-D mode-coverage protocol. */
    public static final int MODE_COVERAGE_BATCH = 256;
    /** Generator steps of the 2-D mode-coverage protocol. */
    public static final int MODE_COVERAGE_STEPS = 30_000;
    /** Adam's step size for the f-GAN objectives in the 2-D mode-coverage protocol. */
    public static final double MODE_COVERAGE_LEARNING_RATE = 5e-4;
    /** The fraction of the run over which the 2-D protocol's step sizes decay linearly to 0. */
    public static final double MODE_COVERAGE_DECAY = 0.5;
    /** RMSProp's step size of the weight-clipped critic (Arjovsky et al. 2017, Algorithm 1). */
    public static final double WGAN_LEARNING_RATE = 5e-5;
    /** Critic steps per generator step of both Wasserstein critics (WGAN and WGAN-GP papers). */
    public static final int WGAN_CRITIC_STEPS = 5;
    /** Adam's step size of the gradient-penalty critic (Gulrajani et al. 2017, Algorithm 1). */
    public static final double WGAN_GP_LEARNING_RATE = 1e-4;

    /**
     * A builder with the lab's 2-D mode-coverage protocol for this objective (the protocol and
     * how it departs from each paper's: docs/mode-coverage-protocol.md). For every objective: an
     * MLP generator with latent z ~ N(0, I₂) and a critic, both with hidden layers
     * {@link #MODE_COVERAGE_HIDDEN} of ReLU units, batches of {@value #MODE_COVERAGE_BATCH},
     * {@value #MODE_COVERAGE_STEPS} generator steps whose last {@value #MODE_COVERAGE_DECAY} let
     * both step sizes fall linearly to 0, history every 100 steps, mode coverage every 1,000
     * steps (the steps-versus-quality curve), seed 1. Then by
     * objective:
     * <ul>
     *   <li>f-GAN: Adam at {@value #MODE_COVERAGE_LEARNING_RATE} with β = (0.5, 0.999), one critic
     *       step then one generator step; the non-saturating loss for {@code gan} (Goodfellow et
     *       al. 2014, §3), the minimax loss for the others (so that the generator descends the
     *       divergence's own estimate);</li>
     *   <li>weight-clipped Wasserstein: RMSProp at {@value #WGAN_LEARNING_RATE},
     *       {@value #WGAN_CRITIC_STEPS} critic steps per generator step (Arjovsky et al. 2017,
     *       Algorithm 1);</li>
     *   <li>gradient-penalty Wasserstein: Adam at {@value #WGAN_GP_LEARNING_RATE} with
     *       β = (0, 0.9), {@value #WGAN_CRITIC_STEPS} critic steps per generator step (Gulrajani
     *       et al. 2017, Algorithm 1).</li>
     * </ul>
     *
     * @param target the 2-D target (its dimension is checked by {@link Builder#build})
     * @param objective the objective
     * @return a builder whose unset parts keep these defaults
     */
    public static Builder modeCoverageBuilder(Target target, Objective objective) {
        Builder b = new Builder(target, objective)
                .networks(Networks.mlp(2, MODE_COVERAGE_HIDDEN, MODE_COVERAGE_HIDDEN)
                        .withCriticActivation(Activation.RELU))
                .batchSize(MODE_COVERAGE_BATCH).steps(MODE_COVERAGE_STEPS).logEvery(100)
                .coverageEvery(1000).decay(MODE_COVERAGE_DECAY);
        if (objective instanceof Objective.Wasserstein w) {
            b.loss(GeneratorLoss.MINIMAX).schedule(new Schedule(WGAN_CRITIC_STEPS));
            return w.gradientPenalty() > 0
                    ? b.optimizer(new Adam(0.0, 0.9, 1e-8)).learningRate(WGAN_GP_LEARNING_RATE)
                    : b.optimizer(RmsProp.WGAN).learningRate(WGAN_LEARNING_RATE);
        }
        boolean gan = objective.name().equals("gan");
        return b.loss(gan ? GeneratorLoss.NON_SATURATING : GeneratorLoss.MINIMAX).schedule(new Schedule(1))
                .optimizer(Adam.GAN).learningRate(MODE_COVERAGE_LEARNING_RATE);
    }

    /** A builder with the defaults of {@link #gaussianFit} (seed 1). */
    public static Builder builder(Target target, Objective objective) {
        return new Builder(target, objective);
    }

    /** A builder holding this config, to change some parts by name. */
    public Builder toBuilder() {
        Builder b = new Builder(target, objective);
        b.loss = loss;
        b.networks = networks;
        b.optimizer = optimization.optimizer();
        b.learningRate = optimization.learningRate();
        b.batchSize = optimization.batchSize();
        b.decay = optimization.decay();
        b.steps = plan.steps();
        b.schedule = plan.schedule();
        b.logEvery = plan.logEvery();
        b.coverageEvery = plan.coverageEvery();
        b.seed = seed;
        return b;
    }

    /**
     * The two networks. The critic V maps R^d to R with {@code criticActivation} hidden units
     * and a linear output; the MLP generator maps its latent N(0, I) to R^d with ReLU hidden
     * units.
     *
     * @param generator the generator family
     * @param latentDimension latent dimension k of the generator (≥ 1; the Gaussian's is 1)
     * @param generatorHidden hidden widths of the MLP generator (copied; empty for the Gaussian)
     * @param criticHidden hidden widths of the critic V (copied)
     * @param criticActivation the activation of the critic's hidden layers
     */
    public record Networks(GeneratorKind generator, int latentDimension, int[] generatorHidden,
            int[] criticHidden, Activation criticActivation) {

        /**
         * @throws IllegalArgumentException if the generator or the critic activation is null, the
         *     latent dimension is below 1, a width is outside [1, 100000], or a Gaussian generator
         *     is given a latent dimension other than 1 or hidden widths
         */
        public Networks {
            if (generator == null || criticActivation == null) {
                throw new IllegalArgumentException("the generator kind and the critic activation are required");
            }
            positive("latent dimension", latentDimension);
            generatorHidden = widths("generator hidden width", generatorHidden);
            criticHidden = widths("critic hidden width", criticHidden);
            if (generator == GeneratorKind.GAUSSIAN && (latentDimension != 1 || generatorHidden.length > 0)) {
                throw new IllegalArgumentException("the gaussian generator has latent dimension 1 and"
                        + " no hidden layers, got " + latentDimension + " and " + Arrays.toString(generatorHidden));
            }
        }

        /** The Gaussian generator μ + σz against a tanh critic with these hidden widths. */
        public static Networks gaussian(int... criticHidden) {
            return new Networks(GeneratorKind.GAUSSIAN, 1, new int[0], criticHidden, Activation.TANH);
        }

        /**
         * An MLP generator (latent dimension, hidden widths) against a tanh critic with these
         * hidden widths.
         */
        public static Networks mlp(int latentDimension, int[] generatorHidden, int[] criticHidden) {
            return new Networks(GeneratorKind.MLP, latentDimension, generatorHidden, criticHidden,
                    Activation.TANH);
        }

        /** These networks with another activation on the critic's hidden layers. */
        public Networks withCriticActivation(Activation a) {
            return new Networks(generator, latentDimension, generatorHidden, criticHidden, a);
        }

        @Override
        public int[] generatorHidden() {
            return generatorHidden.clone();
        }

        @Override
        public int[] criticHidden() {
            return criticHidden.clone();
        }

        /** A new generator into R^d with buffers for batches up to maxBatch. */
        Generator newGenerator(int d, int maxBatch) {
            return switch (generator) {
                case GAUSSIAN -> new GaussianGenerator();
                case MLP -> new MlpGenerator(latentDimension, generatorHidden, d, Activation.RELU, maxBatch);
            };
        }

        /** The critic V: d → criticHidden… → 1, criticActivation hidden units, linear output. */
        Mlp newCritic(int d) {
            int[] widths = new int[criticHidden.length + 2];
            widths[0] = d;
            System.arraycopy(criticHidden, 0, widths, 1, criticHidden.length);
            widths[widths.length - 1] = 1;
            return new Mlp(widths, criticActivation, Activation.LINEAR);
        }
    }

    /** The first-order method both players use; each player gets its own state. */
    public sealed interface Optimizer permits Adam, RmsProp {
        /** A fresh optimiser for n parameters with this step size. */
        org.fganlab.nn.Optimizer create(int n, double learningRate);

        /** Name and settings, e.g. {@code adam(beta1=0.5, beta2=0.999)}. */
        String describe();
    }

    /**
     * Adam (Kingma &amp; Ba 2015).
     *
     * @param beta1 first-moment decay in [0, 1)
     * @param beta2 second-moment decay in [0, 1)
     * @param epsilon added to √v̂, &gt; 0
     */
    public record Adam(double beta1, double beta2, double epsilon) implements Optimizer {
        /** β1 = 0.5, the usual GAN setting (Radford et al. 2016), β2 = 0.999, ε = 10⁻⁸. */
        public static final Adam GAN = new Adam(0.5, 0.999, 1e-8);

        @Override
        public org.fganlab.nn.Optimizer create(int n, double learningRate) {
            return new org.fganlab.nn.Adam(n, learningRate, beta1, beta2, epsilon);
        }

        @Override
        public String describe() {
            return "adam(beta1=" + beta1 + ", beta2=" + beta2 + ")";
        }
    }

    /**
     * RMSProp in PyTorch's form (Tieleman &amp; Hinton 2012), the critic optimiser of the WGAN
     * paper with weight clipping (Arjovsky et al. 2017, Algorithm 1: η = 5e-5).
     *
     * @param rho decay of the mean square in [0, 1)
     * @param epsilon added to √v, &gt; 0
     */
    public record RmsProp(double rho, double epsilon) implements Optimizer {
        /** PyTorch's defaults ρ = 0.99, ε = 10⁻⁸, as the WGAN code used them. */
        public static final RmsProp WGAN = new RmsProp(0.99, 1e-8);

        @Override
        public org.fganlab.nn.Optimizer create(int n, double learningRate) {
            return new org.fganlab.nn.RmsProp(n, learningRate, rho, epsilon);
        }

        @Override
        public String describe() {
            return "rmsprop(rho=" + rho + ")";
        }
    }

    /**
     * How the parameters move.
     *
     * @param optimizer the optimiser of critic and generator
     * @param learningRate its step size η, finite and &gt; 0
     * @param batchSize samples from P and from Q per step, ≥ 1
     * @param decay the fraction of the generator steps, at the end of the run, over which both
     *     step sizes fall linearly towards 0 (generator step s of S, with D = round(decay·S),
     *     uses η·min(1, (S − s + 1)/D)); 0 keeps η constant. In [0, 1].
     */
    public record Optimization(Optimizer optimizer, double learningRate, int batchSize, double decay) {
        /**
         * @throws IllegalArgumentException if the optimiser is null or a value is out of range
         */
        public Optimization {
            if (optimizer == null) {
                throw new IllegalArgumentException("the optimizer is required");
            }
            if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
                throw new IllegalArgumentException("learning rate must be finite and > 0, got " + learningRate);
            }
            positive("batch size", batchSize);
            if (!(decay >= 0 && decay <= 1)) {
                throw new IllegalArgumentException("learning-rate decay fraction must be in [0, 1], got " + decay);
            }
        }

        /**
         * The step-size factor of generator step s (1-based) of a run of the given length.
         *
         * @param step s in [1, steps]
         * @param steps S
         * @return min(1, (S − s + 1)/D), D = round(decay·S); 1 when D = 0
         */
        public double rateFactor(int step, int steps) {
            long d = Math.round(decay * steps);
            return d == 0 ? 1.0 : Math.min(1.0, (double) (steps - step + 1) / d);
        }
    }

    /**
     * How long the run is and when it logs.
     *
     * @param steps generator steps, ≥ 1
     * @param schedule single-step or alternating:k (k critic steps per generator step)
     * @param logEvery history interval in generator steps, ≥ 1
     * @param coverageEvery on a 2-D mixture target, the mode coverage is also measured every
     *     this many generator steps (0: only at the end), ≥ 0
     */
    public record Plan(int steps, Schedule schedule, int logEvery, int coverageEvery) {
        /**
         * @throws IllegalArgumentException if the schedule is null, steps or logEvery is below 1,
         *     or coverageEvery is negative
         */
        public Plan {
            if (schedule == null) {
                throw new IllegalArgumentException("the schedule is required");
            }
            positive("steps", steps);
            positive("log interval", logEvery);
            if (coverageEvery < 0) {
                throw new IllegalArgumentException("coverage interval must be >= 0, got " + coverageEvery);
            }
        }
    }

    /** Named construction of a {@link TrainingConfig}; unset parts keep the {@link #gaussianFit} defaults. */
    public static final class Builder {
        private final Target target;
        private final Objective objective;
        private GeneratorLoss loss = GeneratorLoss.MINIMAX;
        private Networks networks = Networks.gaussian(64, 64);
        private Optimizer optimizer = Adam.GAN;
        private double learningRate = 0.01;
        private double decay = 0.0;
        private int batchSize = 1024;
        private int steps = 5000;
        private Schedule schedule = Schedule.SINGLE_STEP;
        private int logEvery = 50;
        private int coverageEvery = 0;
        private long seed = 1;

        private Builder(Target target, Objective objective) {
            this.target = target;
            this.objective = objective;
        }

        public Builder loss(GeneratorLoss l) {
            loss = l;
            return this;
        }

        public Builder networks(Networks n) {
            networks = n;
            return this;
        }

        public Builder optimizer(Optimizer o) {
            optimizer = o;
            return this;
        }

        public Builder learningRate(double r) {
            learningRate = r;
            return this;
        }

        /** The fraction of the run over which the step sizes decay linearly ({@link Optimization#decay}). */
        public Builder decay(double fraction) {
            decay = fraction;
            return this;
        }

        public Builder batchSize(int b) {
            batchSize = b;
            return this;
        }

        public Builder steps(int s) {
            steps = s;
            return this;
        }

        public Builder schedule(Schedule s) {
            schedule = s;
            return this;
        }

        public Builder logEvery(int n) {
            logEvery = n;
            return this;
        }

        public Builder coverageEvery(int n) {
            coverageEvery = n;
            return this;
        }

        public Builder seed(long s) {
            seed = s;
            return this;
        }

        /**
         * @throws IllegalArgumentException naming the bad value and its accepted range
         */
        public TrainingConfig build() {
            return new TrainingConfig(target, objective, loss, networks,
                    new Optimization(optimizer, learningRate, batchSize, decay),
                    new Plan(steps, schedule, logEvery, coverageEvery), seed);
        }
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
