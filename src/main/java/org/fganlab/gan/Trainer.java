package org.fganlab.gan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.RecursiveAction;
import org.fganlab.density.Density;
import org.fganlab.density.Normal;
import org.fganlab.density.StandardNormal;
import org.fganlab.nn.Activation;
import org.fganlab.nn.Adam;
import org.fganlab.nn.ForkedTasks;
import org.fganlab.nn.Mlp;
import org.fganlab.theory.ExactDivergence;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * Trains a generator against a critic T = g_f(V_ω) on the objective
 * F(ω, θ) = E_P[a(V(x))] − E_Q[b(V(G_θ(z)))] ({@link Objective}); the critic ascends F, the
 * generator descends F (minimax) or ascends E_Q[a(V(G(z)))] (non-saturating). Both use Adam
 * (step size from the config, β1 = 0.5, β2 = 0.999).
 *
 * <p>Gradients: the critic's ∂F/∂v is a'(v)/B on real and −b'(v)/B on generated samples,
 * back-propagated through V; the generator's ∂L/∂x comes from the same critic backward pass
 * (input gradient), then through G. For the minimax loss in the single-step schedule one
 * backward pass on the generated batch serves both players (∂L_G/∂x = −∂(−F)/∂x).
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
 * the number of cores or on which thread ran which half.
 */
public final class Trainer {

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

    private final TrainingConfig config;
    private final Objective objective;
    private final Target target;
    private final Generator generator;
    private final Mlp critic;
    private final Mlp.Workspace wsReal;
    private final Mlp.Workspace wsFake;
    private final RandomGenerator rng;
    private final double[] theta;
    private final double[] omega;
    private final Adam criticOptimizer;
    private final Adam generatorOptimizer;
    private final int batch;
    private final double[] xReal;
    private final double[] xFake;
    private final double[] z;
    private final double[] vReal;
    private final double[] vFake;
    private final double[] gradOutReal;
    private final double[] gradOutFake;
    private final double[] gradOutGenerator;
    private final double[] gradXFake;
    private final double[] gradCritic;
    private final double[] gradCriticFake;
    private final GeneratedHalf generatedTask = new GeneratedHalf();
    /** What the halves compute: {@link #FORWARD}, {@link #CRITIC} or {@link #JOINT}. */
    private int halfMode;
    private double sumReal;
    private double sumFake;
    private final double[] gradGenerator;
    private final boolean gaussian;
    private boolean used;

    /**
     * @param config the run (validated by its constructor)
     */
    public Trainer(TrainingConfig config) {
        this.config = config;
        this.objective = config.objective();
        this.target = config.target();
        this.batch = config.batchSize();
        int d = target.dimension();
        this.gaussian = config.generator() == TrainingConfig.GeneratorKind.GAUSSIAN;
        this.generator = gaussian ? new GaussianGenerator()
                : new MlpGenerator(config.latentDimension(), config.generatorHidden(), d,
                        Activation.RELU, batch);
        int[] hidden = config.criticHidden();
        int[] widths = new int[hidden.length + 2];
        widths[0] = d;
        System.arraycopy(hidden, 0, widths, 1, hidden.length);
        widths[widths.length - 1] = 1;
        this.critic = new Mlp(widths, Activation.TANH, Activation.LINEAR);
        this.wsReal = critic.workspace(batch);
        this.wsFake = critic.workspace(batch);
        this.rng = new Well19937c(config.seed());
        this.theta = new double[generator.parameterCount()];
        this.omega = new double[critic.parameterCount()];
        generator.initialize(theta, rng);
        critic.initialize(omega, rng);
        this.criticOptimizer = new Adam(omega.length, config.learningRate(), TrainingConfig.BETA1,
                TrainingConfig.BETA2, 1e-8);
        this.generatorOptimizer = new Adam(theta.length, config.learningRate(),
                TrainingConfig.BETA1, TrainingConfig.BETA2, 1e-8);
        this.xReal = new double[batch * d];
        this.xFake = new double[batch * d];
        this.z = new double[batch * generator.latentDimension()];
        this.vReal = new double[batch];
        this.vFake = new double[batch];
        this.gradOutReal = new double[batch];
        this.gradOutFake = new double[batch];
        this.gradOutGenerator = new double[batch];
        this.gradXFake = new double[batch * d];
        this.gradCritic = new double[omega.length];
        this.gradCriticFake = new double[omega.length];
        this.gradGenerator = new double[theta.length];
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
        int steps = config.steps();
        int window = Math.max(1, Math.min(500, steps / 10));
        double windowSum = 0;
        double muSum = 0;
        double sigmaSum = 0;
        List<HistoryPoint> history = new ArrayList<>();
        history.add(point(0, Double.NaN));
        for (int s = 1; s <= steps; s++) {
            double estimate = step();
            if (!Double.isFinite(estimate) || !finite(theta)) {
                throw new IllegalStateException("training diverged at step " + s + ": F = "
                        + estimate + ", generator parameters " + Arrays.toString(theta));
            }
            if (s > steps - window) {
                windowSum += estimate;
                if (gaussian) {
                    muSum += GaussianGenerator.mu(theta);
                    sigmaSum += GaussianGenerator.sigma(theta);
                }
            }
            if (s % config.logEvery() == 0 || s == steps) {
                history.add(point(s, estimate));
            }
            if (progress != null) {
                progress.update(s, steps, estimate);
            }
        }
        HistoryPoint last = history.get(history.size() - 1);
        if (!gaussian) {
            return new TrainingResult(config, theta, omega, history, windowSum / window,
                    last.exact(), Double.NaN, Double.NaN);
        }
        // the trained model: Polyak–Ruppert average over the window of F̂ (the iterates of a
        // constant-step Adam jitter around the optimum by about the step size)
        double mu = muSum / window;
        double sigma = sigmaSum / window;
        Density p = target.density();
        double exact = p == null ? Double.NaN
                : objective.exact(ExactDivergence.standard(), p, new Normal(mu, sigma)).value();
        return new TrainingResult(config, theta, omega, history, windowSum / window, exact, mu, sigma);
    }

    /**
     * One generator step (with its critic step or steps), without history or checks: what
     * {@link #run} repeats, exposed for benchmarks. Allocates nothing.
     *
     * @return the batch estimate F̂ of the (last) critic step
     */
    public double step() {
        if (config.schedule().singleStep()) {
            return jointStep();
        }
        double estimate = Double.NaN;
        for (int k = 0; k < config.schedule().criticSteps(); k++) {
            estimate = criticStep();
        }
        generatorStep();
        return estimate;
    }

    /** f-GAN Algorithm 1: one gradient evaluation, ascent in ω and descent in θ together. */
    private double jointStep() {
        target.sample(rng, xReal, batch);
        fillLatent();
        double estimate = gradients();
        criticOptimizer.step(omega, gradCritic);
        clipCritic();
        generatorOptimizer.step(theta, gradGenerator);
        return estimate;
    }

    /**
     * F̂ and both players' gradients at the current (ω, θ) on the current real and latent
     * batches: gradCritic = ∂(−F̂)/∂ω (the critic minimises −F̂), gradGenerator = ∂L̂_G/∂θ with
     * L̂_G = F̂ (minimax) or −mean a(V(G(z))) (non-saturating).
     *
     * @return F̂
     */
    double gradients() {
        double estimate = criticHalves(JOINT);
        Arrays.fill(gradGenerator, 0.0);
        generator.backward(theta, z, batch, gradXFake, gradGenerator);
        return estimate;
    }

    /** L̂_G at the current parameters and batches (forward passes only; for tests). */
    double generatorLoss() {
        double estimate = evaluate();
        if (config.loss() == GeneratorLoss.MINIMAX) {
            return estimate;
        }
        double sum = 0;
        for (int b = 0; b < batch; b++) {
            sum += objective.realTerm(vFake[b]);
        }
        return -sum / batch;
    }

    private double criticStep() {
        target.sample(rng, xReal, batch);
        fillLatent();
        double estimate = criticHalves(CRITIC);
        criticOptimizer.step(omega, gradCritic);
        clipCritic();
        return estimate;
    }

    private void generatorStep() {
        fillLatent();
        generator.generate(theta, z, batch, xFake);
        critic.forward(omega, xFake, batch, wsFake, vFake);
        generatorInputGradient();
        Arrays.fill(gradGenerator, 0.0);
        generator.backward(theta, z, batch, gradXFake, gradGenerator);
        generatorOptimizer.step(theta, gradGenerator);
    }

    /**
     * Runs both forward passes on the current batches, fills the critic's output gradients of
     * −F (the critic minimises −F), and returns F̂.
     */
    double evaluate() {
        return criticHalves(FORWARD);
    }

    /** Forward passes and output gradients only. */
    private static final int FORWARD = 0;
    /** Also the critic's parameter gradient ∂(−F̂)/∂ω into gradCritic. */
    private static final int CRITIC = 1;
    /** Also the generator's ∂L̂_G/∂x on the generated batch into gradXFake. */
    private static final int JOINT = 2;

    /**
     * Generates the fake batch from the current latent batch, then runs the real half on this
     * thread and the generated half as a forked task (class comment), and returns F̂.
     */
    private double criticHalves(int mode) {
        generator.generate(theta, z, batch, xFake);
        halfMode = mode;
        generatedTask.reinitialize();
        generatedTask.fork();
        realHalf(mode);
        ForkedTasks.runOrAwait(generatedTask);   // here if no worker took it, else a short spin
        if (mode != FORWARD) {
            double[] g = gradCritic;
            double[] f = gradCriticFake;
            for (int k = 0; k < g.length; k++) {
                g[k] += f[k];
            }
        }
        return (sumReal - sumFake) / batch;
    }

    /** Real batch: V, the real term of F̂, ∂(−F)/∂v and (mode ≥ CRITIC) ∂(−F)/∂ω into gradCritic. */
    private void realHalf(int mode) {
        sumReal = forwardTerms(xReal, wsReal, vReal, gradOutReal, true);
        if (mode != FORWARD) {
            Arrays.fill(gradCritic, 0.0);
            critic.backward(omega, gradOutReal, batch, wsReal, gradCritic, null);
        }
    }

    /**
     * The critic's forward pass on one batch; writes V into v and the output gradient of −F
     * into gradOut (−a'(v)/B for real samples, +b'(v)/B for generated ones).
     *
     * @return Σ_b a(v_b) for real samples, Σ_b b(v_b) for generated ones
     */
    private double forwardTerms(double[] x, Mlp.Workspace ws, double[] v, double[] gradOut,
            boolean real) {
        critic.forward(omega, x, batch, ws, v);
        double inv = 1.0 / batch;
        double sum = 0;
        for (int b = 0; b < batch; b++) {
            if (real) {
                sum += objective.realTerm(v[b]);
                gradOut[b] = -objective.realTermDerivative(v[b]) * inv;
            } else {
                sum += objective.fakeTerm(v[b]);
                gradOut[b] = objective.fakeTermDerivative(v[b]) * inv;
            }
        }
        return sum;
    }

    /**
     * Generated batch: V, the fake term of F̂, ∂(−F)/∂v, (mode ≥ CRITIC) ∂(−F)/∂ω into
     * gradCriticFake and (mode = JOINT) ∂L_G/∂x into gradXFake.
     */
    private void generatedHalf(int mode) {
        sumFake = forwardTerms(xFake, wsFake, vFake, gradOutFake, false);
        if (mode == FORWARD) {
            return;
        }
        Arrays.fill(gradCriticFake, 0.0);
        if (mode == JOINT && config.loss() == GeneratorLoss.MINIMAX) {
            // ∂(−F)/∂x from the critic's own backward pass; the generator descends F: negate
            critic.backward(omega, gradOutFake, batch, wsFake, gradCriticFake, gradXFake);
            negate(gradXFake);
        } else {
            critic.backward(omega, gradOutFake, batch, wsFake, gradCriticFake, null);
            if (mode == JOINT) {
                generatorInputGradient();
            }
        }
    }

    /** The generated half as a reusable fork-join task (reinitialised every step: no allocation). */
    private final class GeneratedHalf extends RecursiveAction {
        private static final long serialVersionUID = 1L;

        @Override
        protected void compute() {
            generatedHalf(halfMode);
        }
    }

    /** The live buffers, for tests in this package: real batch, latent batch, θ, ω, ∂(−F)/∂ω, ∂L_G/∂θ. */
    double[] realBatch() {
        return xReal;
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
        return gradCritic;
    }

    double[] generatorGradient() {
        return gradGenerator;
    }

    /** ∂L_G/∂x on the generated batch of the last forward pass on wsFake, into gradXFake. */
    private void generatorInputGradient() {
        double inv = 1.0 / batch;
        for (int b = 0; b < batch; b++) {
            // minimax: L = F, ∂F/∂v = −b'(v)/B: back-propagate +b'(v)/B and negate below;
            // non-saturating: L = −mean a(v), ∂L/∂v = −a'(v)/B
            gradOutGenerator[b] = config.loss() == GeneratorLoss.MINIMAX
                    ? objective.fakeTermDerivative(vFake[b]) * inv
                    : -objective.realTermDerivative(vFake[b]) * inv;
        }
        // only ∂/∂x is wanted here: no parameter gradient (half the work of a backward pass)
        critic.backward(omega, gradOutGenerator, batch, wsFake, null, gradXFake);
        if (config.loss() == GeneratorLoss.MINIMAX) {
            negate(gradXFake);
        }
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

    private HistoryPoint point(int step, double estimate) {
        double meanReal = mean(vReal);
        double meanFake = mean(vFake);
        double mu = Double.NaN;
        double sigma = Double.NaN;
        double exact = Double.NaN;
        if (gaussian) {
            mu = GaussianGenerator.mu(theta);
            sigma = GaussianGenerator.sigma(theta);
            Density p = target.density();
            if (p != null) {
                exact = objective.exact(ExactDivergence.standard(), p, new Normal(mu, sigma)).value();
            }
        }
        return new HistoryPoint(step, estimate, mu, sigma, meanReal, meanFake, exact);
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
