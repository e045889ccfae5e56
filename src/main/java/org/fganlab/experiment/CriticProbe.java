package org.fganlab.experiment;

import java.util.Arrays;
import org.fganlab.gan.GaussianGenerator;
import org.fganlab.gan.GeneratorLoss;
import org.fganlab.gan.Objective;
import org.fganlab.nn.Mlp;

/**
 * Probes a critic V_ω (an {@link Mlp} with one input and one output) and the affine Gaussian
 * generator G_θ(z) = μ + σz, θ = (μ, log σ) ({@link GaussianGenerator}), between training steps,
 * from public pieces only: the variational estimate F̂(ω, θ) = mean a(V(x)) − mean b(V(G(z)))
 * on given samples (f-GAN eq. 6, Nowozin et al. 2016; a = g_f, b = f*∘g_f of the
 * {@link Objective}), and the gradient in θ of the generator's minimax or non-saturating loss
 * through the critic's input gradient ∂V/∂x (chain rule: ∂x/∂μ = 1, ∂x/∂log σ = σz).
 *
 * <p>Generator losses, as the trainer defines them ({@link GeneratorLoss}, whose
 * {@link GeneratorLoss#gradient} gives ∂L/∂v): minimax L = −mean b(V(G(z))) (the θ-dependent
 * part of F; for the GAN row E_Q[log(1 − D)], D = σ(V)); non-saturating L = −mean a(V(G(z)))
 * (for the GAN row −E_Q[log D]).
 *
 * <p>An instance owns its buffers (one workspace for batches up to {@code maxBatch}): not
 * thread-safe, one per run. Units: nats for F̂, nats per unit of θ for the gradients.
 */
final class CriticProbe {

    private final Objective objective;
    private final Mlp critic;
    private final int maxBatch;
    private final Mlp.Workspace ws;
    private final GaussianGenerator generator = new GaussianGenerator();
    private final double[] x;
    private final double[] v;
    private final double[] gradOut;
    private final double[] gradX;
    /** The critic's parameter gradient, which backward adds to and the probe does not use. */
    private final double[] gradOmega;

    /**
     * A batch estimate with its Monte Carlo standard error.
     *
     * @param value F̂ in nats
     * @param standardError √(s²_P/n_P + s²_Q/n_Q), s² the sample variances of a(V) on the real
     *     and b(V) on the generated samples
     */
    record Estimate(double value, double standardError) {
    }

    /**
     * A generator gradient ∂L/∂θ.
     *
     * @param mu ∂L/∂μ
     * @param logSigma ∂L/∂(log σ)
     */
    record Gradient(double mu, double logSigma) {
        /** The Euclidean norm |∂L/∂θ|. */
        double norm() {
            return Math.hypot(mu, logSigma);
        }
    }

    /**
     * @param objective the objective (its a, b and derivatives)
     * @param critic the critic architecture, 1 input and 1 output
     * @param maxBatch the largest batch of any call, ≥ 1
     * @throws IllegalArgumentException if the critic is not 1 → 1 or maxBatch &lt; 1
     */
    CriticProbe(Objective objective, Mlp critic, int maxBatch) {
        if (critic.inputSize() != 1 || critic.outputSize() != 1) {
            throw new IllegalArgumentException("the critic must map R to R, got " + critic);
        }
        this.objective = objective;
        this.critic = critic;
        this.maxBatch = maxBatch;
        this.ws = critic.workspace(maxBatch);
        this.x = new double[maxBatch];
        this.v = new double[maxBatch];
        this.gradOut = new double[maxBatch];
        this.gradX = new double[maxBatch];
        this.gradOmega = new double[critic.parameterCount()];
    }

    /**
     * F̂(ω, θ) = (1/n)Σ a(V(x_i)) − (1/m)Σ b(V(μ + σz_j)).
     *
     * @param omega critic parameters (not modified)
     * @param theta generator parameters (μ, log σ) (not modified)
     * @param real samples of P, length n in [1, maxBatch] (not modified)
     * @param z latent N(0,1) draws, length m in [1, maxBatch] (not modified)
     * @return the estimate and its standard error (0 when n = m = 1)
     */
    Estimate estimate(double[] omega, double[] theta, double[] real, double[] z) {
        double[] sReal = meanAndVariance(omega, real, Objective.Side.REAL);
        generate(theta, z);
        double[] sFake = meanAndVariance(omega, x, Objective.Side.GENERATED, z.length);
        return new Estimate(sReal[0] - sFake[0],
                Math.sqrt(sReal[1] / real.length + sFake[1] / z.length));
    }

    /**
     * The critic's raw outputs V(μ + σz_j) on generated samples.
     *
     * @param omega critic parameters (not modified)
     * @param theta generator parameters (not modified)
     * @param z latent draws, length m in [1, maxBatch] (not modified)
     * @return a new array of length m
     */
    double[] fakeOutputs(double[] omega, double[] theta, double[] z) {
        generate(theta, z);
        critic.forward(omega, x, z.length, ws, v);
        return Arrays.copyOf(v, z.length);
    }

    /**
     * ∂L/∂θ of the generator loss on the batch G_θ(z), the critic held fixed.
     *
     * @param omega critic parameters (not modified)
     * @param theta generator parameters (not modified)
     * @param z latent draws, length m in [1, maxBatch] (not modified)
     * @param loss minimax or non-saturating
     * @return the gradient
     */
    Gradient generatorGradient(double[] omega, double[] theta, double[] z, GeneratorLoss loss) {
        int m = z.length;
        check(m);
        generate(theta, z);
        critic.forward(omega, x, m, ws, v);
        for (int b = 0; b < m; b++) {
            gradOut[b] = loss.gradient(objective, v[b], 1.0 / m);
        }
        Arrays.fill(gradOmega, 0.0);
        critic.backward(omega, gradOut, m, ws, gradOmega, gradX);
        double[] g = new double[2];
        generator.backward(theta, z, m, gradX, g);
        return new Gradient(g[GaussianGenerator.MU], g[GaussianGenerator.LOG_SIGMA]);
    }

    private void generate(double[] theta, double[] z) {
        check(z.length);
        generator.generate(theta, z, z.length, x);
    }

    private double[] meanAndVariance(double[] omega, double[] samples, Objective.Side side) {
        check(samples.length);
        return meanAndVariance(omega, samples, side, samples.length);
    }

    /** {mean, unbiased variance} of a(V) (real side) or b(V) (generated) over the first n samples. */
    private double[] meanAndVariance(double[] omega, double[] samples, Objective.Side side, int n) {
        critic.forward(omega, samples, n, ws, v);
        double mean = 0;
        for (int b = 0; b < n; b++) {
            mean += objective.term(v[b], side);
        }
        mean /= n;
        double ss = 0;
        for (int b = 0; b < n; b++) {
            double d = objective.term(v[b], side) - mean;
            ss += d * d;
        }
        return new double[] {mean, n > 1 ? ss / (n - 1) : 0.0};
    }

    private void check(int n) {
        if (n < 1 || n > maxBatch) {
            throw new IllegalArgumentException("batch must be in [1, " + maxBatch + "], got " + n);
        }
    }
}
