package org.fganlab.gan;

import org.fganlab.density.GaussianMixture2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.RecursiveAction;
import org.fganlab.density.Density;
import org.fganlab.density.Normal;
import org.fganlab.density.StandardNormal;
import org.fganlab.nn.Mlp;
import org.fganlab.nn.Optimizer;
import org.fganlab.theory.ExactDivergence;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * Trains a generator against a critic T = g_f(V_ω) on the objective
 * F(ω, θ) = E_P[a(V(x))] − E_Q[b(V(G_θ(z)))] ({@link Objective}); the critic ascends F, the
 * generator descends F (minimax) or ascends E_Q[a(V(G(z)))] (non-saturating). Both use the
 * configured optimiser ({@link TrainingConfig.Optimization}; by default Adam with β1 = 0.5).
 *
 * <p>Gradients: the loss-layer gradient ∂F̂/∂v ({@link Objective#gradient}: a'(v)/B on real and
 * −b'(v)/B on generated samples), negated for the critic, is back-propagated through V; the
 * generator's ∂L/∂v ({@link GeneratorLoss#gradient}) is back-propagated to V's input, then
 * through G. For the minimax loss in the single-step schedule one
 * backward pass on the generated batch serves both players (∂L_G/∂x = −∂(−F)/∂x). With a
 * gradient penalty (WGAN-GP) the critic's gradient also gets ∂/∂ω of λ·mean(‖∇_x V(x̂)‖ − 1)² at
 * random interpolates x̂ of the real and generated batches ({@link Mlp#gradientPenalty}). With a
 * learning-rate decay ({@link TrainingConfig.Optimization#decay}) both optimisers' step sizes
 * are scaled before every generator step.
 *
 * <p>One instance runs once; all buffers are allocated in the constructor, and a step allocates
 * nothing (unless the caller has to block for the other half, below). Everything random comes
 * from one {@link Well19937c} seeded with the config's seed.
 *
 * <p>Two threads, deterministic: each critic evaluation splits into two fixed halves, the real
 * batch (forward, F̂'s real term, backward into ∂(−F)/∂ω) and the generated batch (the same,
 * plus ∂L_G/∂x), each with its own workspace and gradient buffer. The generated half is forked
 * into {@link java.util.concurrent.ForkJoinPool#commonPool()} while the calling thread computes
 * the real half; if no worker took it, the caller runs it too. The two parameter gradients are
 * then summed in the fixed order real + generated, which is the same sum, bit for bit, as one
 * thread accumulating real then generated into a zeroed buffer. So the results do not depend on
 * the number of cores or on which thread ran which half, nor on whether the half is forked at
 * all ({@link #Trainer(TrainingConfig, boolean)}).
 */
public final class Trainer {

    /** Samples scored for mode coverage (Lin et al. 2018, PacGAN, §5). */
    public static final int COVERAGE_SAMPLES = 2500;

    /** Added to the seed for the stream of the mode-coverage samples. */
    public static final long COVERAGE_SEED_OFFSET = 1_000_003L;

    /** Listener of progress, called after every step. */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param step steps done
         * @param steps total steps
         * @param estimate the last batch estimate F̂
         */
        void update(int step, int steps, double estimate);
    }

    /** What a critic evaluation computes besides the forward passes and F̂. */
    private enum Pass {
        /** Nothing more: V on both batches, F̂ and the output gradients ∂(−F̂)/∂v. */
        FORWARD,
        /** Also the critic's parameter gradient ∂(−F̂)/∂ω. */
        CRITIC,
        /** Also the generator's ∂L̂_G/∂x on the generated batch. */
        JOINT
    }

    private final TrainingConfig config;
    private final Objective objective;
    private final GeneratorLoss loss;
    private final Target target;
    private final int batch;
    private final RandomGenerator rng;
    private final Generator generator;
    private final Mlp critic;
    private final double[] theta;
    private final double[] omega;
    private final Optimizer criticOptimizer;
    private final Optimizer generatorOptimizer;
    /** The latent batch z, batch·k. */
    private final double[] z;
    private final CriticBatch real;
    private final CriticBatch generated;
    /** ∂L̂_G/∂x on the generated batch, batch·d. */
    private final double[] gradX;
    /** ∂L̂_G/∂θ. */
    private final double[] gradGenerator;
    private final GeneratedHalf generatedTask = new GeneratedHalf();
    /** Whether the generated half is forked to the common pool (else run on this thread). */
    private final boolean forkHalves;
    /** λ of the gradient penalty (0: none), and its buffers (null without it). */
    private final double penalty;
    /** The interpolates x̂_b = ε_b x_b + (1 − ε_b) G(z_b), batch·d. */
    private final double[] interpolates;
    private final Mlp.Workspace penaltyWorkspace;
    private final double[] penaltyOutput;
    private boolean used;

    /**
     * A trainer that forks the generated half of each critic evaluation (class comment).
     *
     * @param config the run (validated by its constructor)
     */
    public Trainer(TrainingConfig config) {
        this(config, true);
    }

    /**
     * @param config the run (validated by its constructor)
     * @param forkHalves whether each critic evaluation forks its generated half to the common
     *     fork-join pool (class comment); false runs the whole step on the calling thread, for
     *     callers that run many trainers side by side (sweep workers). The results are the same
     *     bits either way.
     */
    public Trainer(TrainingConfig config, boolean forkHalves) {
        this.config = config;
        this.forkHalves = forkHalves;
        this.objective = config.objective();
        this.loss = config.loss();
        this.target = config.target();
        this.batch = config.optimization().batchSize();
        int d = target.dimension();
        this.generator = config.networks().newGenerator(d, batch);
        this.critic = config.networks().newCritic(d);
        this.rng = new Well19937c(config.seed());
        this.theta = new double[generator.parameterCount()];
        this.omega = new double[critic.parameterCount()];
        generator.initialize(theta, rng);
        critic.initialize(omega, rng);
        TrainingConfig.Optimization o = config.optimization();
        this.criticOptimizer = o.optimizer().create(omega.length, o.learningRate());
        this.generatorOptimizer = o.optimizer().create(theta.length, o.learningRate());
        this.z = new double[batch * generator.latentDimension()];
        this.real = new CriticBatch(Objective.Side.REAL, d);
        this.generated = new CriticBatch(Objective.Side.GENERATED, d);
        this.gradX = new double[batch * d];
        this.gradGenerator = new double[theta.length];
        this.penalty = objective.gradientPenalty();
        this.interpolates = penalty > 0 ? new double[batch * d] : null;
        this.penaltyWorkspace = penalty > 0 ? critic.workspace(batch) : null;
        this.penaltyOutput = penalty > 0 ? new double[batch] : null;
    }

    /** The critic network (its parameter layout documents ω). */
    public Mlp critic() {
        return critic;
    }

    /** The generator. */
    public Generator generator() {
        return generator;
    }

    /**
     * Runs the configured number of steps.
     *
     * @param progress called after every step (may be null)
     * @return the history and final parameters
     * @throws IllegalStateException if the run was already made, or if F̂ or a parameter stops
     *     being finite (the message names the step)
     */
    public TrainingResult run(Progress progress) {
        if (used) {
            throw new IllegalStateException("a Trainer runs once; create a new one");
        }
        used = true;
        int steps = config.plan().steps();
        int window = Math.max(1, Math.min(500, steps / 10));
        double windowSum = 0;
        double muSum = 0;
        double sigmaSum = 0;
        List<HistoryPoint> history = new ArrayList<>();
        List<CoveragePoint> coverage = new ArrayList<>();
        int coverageEvery = config.plan().coverageEvery();
        history.add(point(0, Double.NaN));
        TrainingConfig.Optimization o = config.optimization();
        for (int s = 1; s <= steps; s++) {
            if (o.decay() > 0) {
                double factor = o.rateFactor(s, steps);
                criticOptimizer.scaleLearningRate(factor);
                generatorOptimizer.scaleLearningRate(factor);
            }
            double estimate = step();
            if (!Double.isFinite(estimate) || !finite(theta)) {
                throw new IllegalStateException("training diverged at step " + s + ": F = "
                        + estimate + ", generator parameters " + Arrays.toString(theta));
            }
            if (s > steps - window) {
                windowSum += estimate;
                if (generator instanceof GaussianGenerator) {
                    muSum += GaussianGenerator.mu(theta);
                    sigmaSum += GaussianGenerator.sigma(theta);
                }
            }
            if (s % config.plan().logEvery() == 0 || s == steps) {
                history.add(point(s, estimate));
            }
            if (coverageEvery > 0 && (s % coverageEvery == 0 || s == steps)) {
                ModeCoverage.Result m = modeCoverage();
                if (m != null) {
                    coverage.add(new CoveragePoint(s, m));
                }
            }
            if (progress != null) {
                progress.update(s, steps, estimate);
            }
        }
        HistoryPoint last = history.get(history.size() - 1);
        if (!(generator instanceof GaussianGenerator)) {
            ModeCoverage.Result m = coverage.isEmpty() || coverage.get(coverage.size() - 1).step() != steps
                    ? modeCoverage() : coverage.get(coverage.size() - 1).coverage();
            return new TrainingResult(config, theta, omega, history, windowSum / window,
                    last.exact(), Double.NaN, Double.NaN, m, coverage);
        }
        // the trained model: Polyak–Ruppert average over the window of F̂ (the iterates of a
        // constant-step Adam jitter around the optimum by about the step size)
        double mu = muSum / window;
        double sigma = sigmaSum / window;
        return new TrainingResult(config, theta, omega, history, windowSum / window,
                exact(mu, sigma), mu, sigma, modeCoverage(), coverage);
    }

    /**
     * The mode coverage of the final generator on a 2-D mixture target (PacGAN's protocol:
     * {@value #COVERAGE_SAMPLES} samples), or null; the samples come from their own stream, so
     * training is the same with or without it.
     */
    private ModeCoverage.Result modeCoverage() {
        GaussianMixture2D m = config.target().mixture();
        if (m == null) {
            return null;
        }
        double[] xy = coverageSamples();
        return finite(xy) ? ModeCoverage.evaluate(m, xy) : null;
    }

    /**
     * The {@value #COVERAGE_SAMPLES} samples that mode coverage scores, of the generator at its
     * current parameters: z from their own stream seeded with seed +
     * {@value #COVERAGE_SEED_OFFSET}, so training is the same with or without them and every
     * call on the same parameters gives the same samples.
     *
     * @return 2·{@value #COVERAGE_SAMPLES} values for a 2-D target (sample i at [2i, 2i + 2)),
     *     d·{@value #COVERAGE_SAMPLES} in general
     */
    public double[] coverageSamples() {
        return generator.sample(theta, COVERAGE_SAMPLES, config.optimization().batchSize(),
                new Well19937c(config.seed() + COVERAGE_SEED_OFFSET));
    }

    /**
     * One generator step (with its critic step or steps), without history or checks: what
     * {@link #run} repeats, exposed for benchmarks. Allocates nothing.
     *
     * @return the batch estimate F̂ of the (last) critic step
     */
    public double step() {
        Schedule schedule = config.plan().schedule();
        if (schedule.singleStep()) {
            return jointStep();
        }
        double estimate = Double.NaN;
        for (int k = 0; k < schedule.criticSteps(); k++) {
            estimate = criticStep();
        }
        generatorStep();
        return estimate;
    }

    /** f-GAN Algorithm 1: one gradient evaluation, ascent in ω and descent in θ together. */
    private double jointStep() {
        target.sample(rng, real.x, batch);
        fillLatent();
        double estimate = gradients();
        addGradientPenalty();
        criticOptimizer.step(omega, criticGradient());
        clipCritic();
        generatorOptimizer.step(theta, gradGenerator);
        return estimate;
    }

    private double criticStep() {
        target.sample(rng, real.x, batch);
        fillLatent();
        double estimate = evaluate(Pass.CRITIC);
        addGradientPenalty();
        criticOptimizer.step(omega, criticGradient());
        clipCritic();
        return estimate;
    }

    private void generatorStep() {
        fillLatent();
        generator.generate(theta, z, batch, generated.x);
        critic.forward(omega, generated.x, batch, generated.ws, generated.v);
        generatorInputGradient();
        Arrays.fill(gradGenerator, 0.0);
        generator.backward(theta, z, batch, gradX, gradGenerator);
        generatorOptimizer.step(theta, gradGenerator);
    }

    /**
     * F̂ and both players' gradients at the current (ω, θ) on the current real and latent
     * batches: {@link #criticGradient()} = ∂(−F̂)/∂ω (the critic minimises −F̂; the gradient
     * penalty, if any, is added by the step after this),
     * {@link #generatorGradient()} = ∂L̂_G/∂θ with L̂_G = F̂ (minimax) or −mean a(V(G(z)))
     * (non-saturating).
     *
     * @return F̂
     */
    double gradients() {
        double estimate = evaluate(Pass.JOINT);
        Arrays.fill(gradGenerator, 0.0);
        generator.backward(theta, z, batch, gradX, gradGenerator);
        return estimate;
    }

    /**
     * WGAN-GP (Gulrajani et al. 2017, Algorithm 1, lines 4–7), after a critic evaluation: draws
     * ε_b ~ U(0, 1) per sample, forms x̂_b = ε_b x_b + (1 − ε_b) G(z_b) from the evaluation's
     * real and generated batches, and adds ∂/∂ω of λ·mean_b (‖∇_x V(x̂_b)‖₂ − 1)² to the
     * critic's gradient ∂(−F̂)/∂ω. Nothing without a penalty (the random stream is then that of
     * the other objectives).
     */
    private void addGradientPenalty() {
        if (penalty > 0) {
            drawInterpolates();
            penaltyGradient(criticGradient());
        }
    }

    /** x̂ from fresh ε and the current real and generated batches. */
    void drawInterpolates() {
        int d = target.dimension();
        for (int b = 0; b < batch; b++) {
            double eps = rng.nextDouble();
            for (int k = b * d; k < (b + 1) * d; k++) {
                interpolates[k] = eps * real.x[k] + (1 - eps) * generated.x[k];
            }
        }
    }

    /** The penalty at the current ω and x̂; its ω-gradient is added into grad. */
    double penaltyGradient(double[] grad) {
        critic.forward(omega, interpolates, batch, penaltyWorkspace, penaltyOutput);
        return critic.gradientPenalty(omega, batch, penaltyWorkspace, penalty, grad);
    }

    /**
     * The critic's loss −F̂ (+ the gradient penalty at the current x̂, when there is one) at the
     * current parameters and batches (for tests: {@link #criticGradient()} is its ω-gradient).
     */
    double criticLoss() {
        double loss = -evaluate(Pass.FORWARD);
        return penalty > 0 ? loss + penaltyGradient(new double[omega.length]) : loss;
    }

    /** F̂ at the current parameters and batches (forward passes only; for tests). */
    double evaluate() {
        return evaluate(Pass.FORWARD);
    }

    /** L̂_G at the current parameters and batches (forward passes only; for tests). */
    double generatorLoss() {
        double estimate = evaluate(Pass.FORWARD);
        if (loss == GeneratorLoss.MINIMAX) {
            return estimate;
        }
        double sum = 0;
        for (int b = 0; b < batch; b++) {
            sum += objective.realTerm(generated.v[b]);
        }
        return -sum / batch;
    }

    /**
     * Generates the fake batch from the current latent batch, then runs the real batch on this
     * thread and the generated batch as a forked task (class comment); for passes with the
     * critic gradient, adds the generated batch's ∂(−F̂)/∂ω to the real one's.
     *
     * @return F̂
     */
    private double evaluate(Pass pass) {
        generator.generate(theta, z, batch, generated.x);
        boolean fork = forkHalves && ForkedTasks.worthForking();
        if (fork) {
            generatedTask.pass = pass;
            generatedTask.reinitialize();
            generatedTask.fork();
        }
        real.forward();
        if (pass != Pass.FORWARD) {
            real.backward(null);
        }
        if (fork) {
            ForkedTasks.runOrAwait(generatedTask);   // here if no worker took it, else a short spin
        } else {
            generatedHalf(pass);
        }
        if (pass != Pass.FORWARD) {
            double[] g = real.gradOmega;
            double[] f = generated.gradOmega;
            for (int k = 0; k < g.length; k++) {
                g[k] += f[k];
            }
        }
        return (real.termSum - generated.termSum) / batch;
    }

    /** The generated half of {@link #evaluate(Pass)}: forward, ∂(−F̂)/∂ω and (JOINT) ∂L̂_G/∂x. */
    private void generatedHalf(Pass pass) {
        generated.forward();
        if (pass == Pass.FORWARD) {
            return;
        }
        if (pass == Pass.JOINT && loss == GeneratorLoss.MINIMAX) {
            // L̂_G = F̂: one backward pass gives ∂(−F̂)/∂ω and ∂(−F̂)/∂x; negate the latter
            generated.backward(gradX);
            negate(gradX);
        } else {
            generated.backward(null);
            if (pass == Pass.JOINT) {
                generatorInputGradient();
            }
        }
    }

    /**
     * ∂L̂_G/∂x into gradX, from the generated batch's last forward pass: the loss gradient
     * {@link GeneratorLoss#gradient} back-propagated to the critic's input (no parameter
     * gradient: half the work of a backward pass). Overwrites the generated batch's gradOut.
     */
    private void generatorInputGradient() {
        double inv = 1.0 / batch;
        double[] gradOut = generated.gradOut;
        for (int b = 0; b < batch; b++) {
            gradOut[b] = loss.gradient(objective, generated.v[b], inv);
        }
        critic.backward(omega, gradOut, batch, generated.ws, null, gradX);
    }

    /**
     * One batch of a critic evaluation, real or generated, with its own workspace and gradient
     * buffers so that the two batches can run on two threads.
     */
    private final class CriticBatch {
        final Objective.Side side;
        /** The samples, batch·d. */
        final double[] x;
        final Mlp.Workspace ws;
        /** V(x). */
        final double[] v;
        /** The output gradient of the next backward pass; after {@link #forward}: ∂(−F̂)/∂v. */
        final double[] gradOut;
        /** ∂(−F̂)/∂ω from this batch (for the real batch after {@link #evaluate(Pass)}: the total). */
        final double[] gradOmega;
        /** Σ_b a(v_b) (real) or Σ_b b(v_b) (generated), of the last forward pass. */
        double termSum;

        CriticBatch(Objective.Side side, int d) {
            this.side = side;
            this.x = new double[batch * d];
            this.ws = critic.workspace(batch);
            this.v = new double[batch];
            this.gradOut = new double[batch];
            this.gradOmega = new double[omega.length];
        }

        /** V on this batch, its term sum of F̂, and gradOut = −∂F̂/∂v ({@link Objective#gradient}). */
        void forward() {
            critic.forward(omega, x, batch, ws, v);
            double inv = 1.0 / batch;
            double sum = 0;
            for (int b = 0; b < batch; b++) {
                sum += objective.term(v[b], side);
                gradOut[b] = -objective.gradient(v[b], side, inv);
            }
            termSum = sum;
        }

        /** ∂(−F̂)/∂ω of this batch into gradOmega (zeroed first) and, if non-null, ∂(−F̂)/∂x. */
        void backward(double[] inputGradient) {
            Arrays.fill(gradOmega, 0.0);
            critic.backward(omega, gradOut, batch, ws, gradOmega, inputGradient);
        }
    }

    /** The generated half as a reusable fork-join task (reinitialised every step: no allocation). */
    private final class GeneratedHalf extends RecursiveAction {
        private static final long serialVersionUID = 1L;
        private Pass pass;

        @Override
        protected void compute() {
            generatedHalf(pass);
        }
    }

    /** The live buffers, for tests in this package: real batch, latent batch, θ, ω, ∂(−F)/∂ω, ∂L_G/∂θ. */
    double[] realBatch() {
        return real.x;
    }

    double[] latentBatch() {
        return z;
    }

    double[] theta() {
        return theta;
    }

    double[] omega() {
        return omega;
    }

    double[] criticGradient() {
        return real.gradOmega;
    }

    double[] generatorGradient() {
        return gradGenerator;
    }

    private static void negate(double[] v) {
        for (int i = 0; i < v.length; i++) {
            v[i] = -v[i];
        }
    }

    private void fillLatent() {
        StandardNormal.fill(rng, z, z.length);
    }

    private void clipCritic() {
        double c = objective.clip();
        if (c > 0) {
            for (int i = 0; i < omega.length; i++) {
                omega[i] = Math.max(-c, Math.min(c, omega[i]));
            }
        }
    }

    /** The exact D_f(P‖N(μ, σ²)) (or W1) when P has a density, else NaN. */
    private double exact(double mu, double sigma) {
        Density p = target.density();
        return p == null ? Double.NaN
                : objective.exact(ExactDivergence.standard(), p, new Normal(mu, sigma)).value();
    }

    private HistoryPoint point(int step, double estimate) {
        double mu = Double.NaN;
        double sigma = Double.NaN;
        double exact = Double.NaN;
        if (generator instanceof GaussianGenerator) {
            mu = GaussianGenerator.mu(theta);
            sigma = GaussianGenerator.sigma(theta);
            exact = exact(mu, sigma);
        }
        return new HistoryPoint(step, estimate, mu, sigma, mean(real.v), mean(generated.v), exact);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static boolean finite(double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A copy of the current generator parameters θ (layout of {@link #generator()}), for probes
     * between {@link #step()} calls; the trainer's own array is not exposed.
     *
     * @return a new array of length {@code generator().parameterCount()}
     */
    public double[] generatorParameters() {
        return theta.clone();
    }

    /**
     * A copy of the current critic parameters ω (layout of {@link #critic()}), for probes between
     * {@link #step()} calls; the trainer's own array is not exposed.
     *
     * @return a new array of length {@code critic().parameterCount()}
     */
    public double[] criticParameters() {
        return omega.clone();
    }
}
