package org.fganlab.experiment;

import java.util.Arrays;
import org.fganlab.gan.GeneratorLoss;
import org.fganlab.gan.Objective;
import org.fganlab.nn.Activation;
import org.fganlab.nn.Adam;
import org.fganlab.nn.Mlp;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * A critic trained on WGAN Example 1 (Arjovsky, Chintala &amp; Bottou 2017) with the generator
 * held fixed: P = law of (0, Z), Q_θ = law of G_θ(Z) = (θ, Z), Z ~ U[0, 1], so ∂G/∂θ = (1, 0).
 * The critic V is an MLP 2-64-64-1 (tanh hidden, identity output), trained by Adam to ascend
 * F = E_P[a(V)] − E_Q[b(V)] of an {@link Objective} (f-GAN: a = g_f, b = f*∘g_f; Wasserstein:
 * a = b = identity with every weight clipped to [−c, c], also at initialisation). After every
 * few critic steps it measures the generator gradient of the minimax loss
 * L_G(θ) = −E_z[b(V(G_θ(z)))] (the only part of F that depends on θ):
 * ∂L_G/∂θ = −E_z[b'(V(G_θ(z)))·∂V/∂x₁(G_θ(z))], the setting of Arjovsky &amp; Bottou 2017, Fig. 2.
 * Expectations over z use the n midpoints z_i = (i + ½)/n.
 */
final class SegmentCritic {

    /** Hidden widths of the critic. */
    static final int HIDDEN = 64;

    /**
     * @param objective the critic objective (f-GAN or Wasserstein)
     * @param theta the fixed generator position θ (θ ≠ 0: disjoint supports)
     * @param iterations critic steps, ≥ 1
     * @param every record the gradient at steps 0, every, 2·every, …, ≥ 1
     * @param batch samples from P and from Q per critic step, ≥ 1
     * @param evalPoints number n of midpoints z_i for the expectations over z, ≥ 1
     * @param learningRate Adam step size (β1 = 0.9, β2 = 0.999)
     * @param seed seeds the initial critic and the training samples
     */
    record Config(Objective objective, double theta, int iterations, int every, int batch,
            int evalPoints, double learningRate, long seed) {
        Config {
            if (iterations < 1 || every < 1 || batch < 1 || evalPoints < 1) {
                throw new IllegalArgumentException("iterations, every, batch and evalPoints must be"
                        + " >= 1, got " + iterations + ", " + every + ", " + batch + ", " + evalPoints);
            }
            if (!Double.isFinite(theta)) {
                throw new IllegalArgumentException("theta must be finite, got " + theta);
            }
        }
    }

    /**
     * What a run recorded.
     *
     * @param steps critic steps at which the gradient was measured (0 = the initial critic)
     * @param gradient ∂L_G/∂θ at those steps
     * @param estimate the critic objective F on the midpoints at those steps (nats for f-GAN)
     */
    record Trace(int[] steps, double[] gradient, double[] estimate) {
    }

    private final Config config;
    private final Mlp mlp = new Mlp(new int[] {2, HIDDEN, HIDDEN, 1}, Activation.TANH, Activation.LINEAR);
    private final double[] params;

    /** A critic in its seeded initial state (clipped for the Wasserstein objective). */
    SegmentCritic(Config config) {
        this.config = config;
        this.params = new double[mlp.parameterCount()];
        mlp.initialize(params, new Well19937c(config.seed()));
        clip();
    }

    /** The critic's parameters (the live array). */
    double[] params() {
        return params;
    }

    /** The critic network. */
    Mlp mlp() {
        return mlp;
    }

    /** Trains for config.iterations() steps, measuring every config.every() steps. */
    Trace run() {
        Config c = config;
        RandomGenerator rng = new Well19937c(c.seed() ^ 0x5DEECE66DL);
        Adam adam = new Adam(params.length, c.learningRate());
        int records = c.iterations() / c.every() + 1;
        int[] steps = new int[records];
        double[] grad = new double[records];
        double[] est = new double[records];
        int b = c.batch();
        double[] x = new double[2 * b * 2];
        double[] v = new double[2 * b];
        double[] gOut = new double[2 * b];
        double[] gParams = new double[params.length];
        Mlp.Workspace ws = mlp.workspace(2 * b);
        Objective o = c.objective();
        int r = 0;
        for (int step = 0; step <= c.iterations(); step++) {
            if (step % c.every() == 0 && r < records) {
                steps[r] = step;
                grad[r] = generatorGradient();
                est[r] = estimate();
                r++;
            }
            if (step == c.iterations()) {
                break;
            }
            // rows 0..b-1 real (0, z), rows b..2b-1 generated (θ, z')
            for (int i = 0; i < b; i++) {
                x[2 * i] = 0;
                x[2 * i + 1] = rng.nextDouble();
                x[2 * (b + i)] = c.theta();
                x[2 * (b + i) + 1] = rng.nextDouble();
            }
            mlp.forward(params, x, 2 * b, ws, v);
            // the critic descends −F: its output gradient is −∂F̂/∂v
            double w = 1.0 / b;
            for (int i = 0; i < b; i++) {
                gOut[i] = -o.gradient(v[i], Objective.Side.REAL, w);
                gOut[b + i] = -o.gradient(v[b + i], Objective.Side.GENERATED, w);
            }
            Arrays.fill(gParams, 0);
            mlp.backward(params, gOut, 2 * b, ws, gParams, null);
            adam.step(params, gParams);
            clip();
        }
        return new Trace(Arrays.copyOf(steps, r), Arrays.copyOf(grad, r), Arrays.copyOf(est, r));
    }

    /** ∂L_G/∂θ = −(1/n) Σ_i b'(V(θ, z_i))·∂V/∂x₁(θ, z_i) by backpropagation to the input. */
    double generatorGradient() {
        int n = config.evalPoints();
        double[] x = generated(config.theta());
        double[] v = new double[n];
        Mlp.Workspace ws = mlp.workspace(n);
        mlp.forward(params, x, n, ws, v);
        double[] gOut = new double[n];
        for (int i = 0; i < n; i++) {
            gOut[i] = GeneratorLoss.MINIMAX.gradient(config.objective(), v[i], 1.0 / n);
        }
        double[] gInput = new double[2 * n];
        mlp.backward(params, gOut, n, ws, new double[params.length], gInput);
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += gInput[2 * i]; // ∂G/∂θ = (1, 0)
        }
        return s;
    }

    /** L_G(θ') = −(1/n) Σ_i b(V(θ', z_i)) for the current critic (for finite differences). */
    double generatorLoss(double thetaPrime) {
        return -mean(config.objective()::fakeTerm, forward(generated(thetaPrime)));
    }

    /** F = (1/n) Σ a(V(0, z_i)) − (1/n) Σ b(V(θ, z_i)) for the current critic. */
    double estimate() {
        Objective o = config.objective();
        return mean(o::realTerm, forward(generated(0))) - mean(o::fakeTerm, forward(generated(config.theta())));
    }

    private double[] forward(double[] x) {
        int n = x.length / 2;
        double[] v = new double[n];
        mlp.forward(params, x, n, mlp.workspace(n), v);
        return v;
    }

    /** The points (t, z_i), z_i = (i + ½)/n, row-major. */
    private double[] generated(double t) {
        int n = config.evalPoints();
        double[] x = new double[2 * n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = t;
            x[2 * i + 1] = (i + 0.5) / n;
        }
        return x;
    }

    private static double mean(java.util.function.DoubleUnaryOperator g, double[] v) {
        double s = 0;
        for (double e : v) {
            s += g.applyAsDouble(e);
        }
        return s / v.length;
    }

    private void clip() {
        double c = config.objective().clip();
        if (c > 0) {
            for (int i = 0; i < params.length; i++) {
                params[i] = Math.max(-c, Math.min(c, params[i]));
            }
        }
    }

    /**
     * The largest |∂V/∂x₁| a clipped critic can have: c³·64·64, since every path from x₁ to the
     * output crosses three weights of size ≤ c and tanh' ≤ 1 (64·64 paths). Also bounds the
     * Wasserstein generator gradient, and F_W ≤ c³·64·64·|θ|.
     */
    static double clippedSlopeBound(double clip) {
        return clip * clip * clip * HIDDEN * HIDDEN;
    }
}
