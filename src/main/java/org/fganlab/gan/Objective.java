package org.fganlab.gan;

import org.fganlab.density.Density;
import org.fganlab.divergence.FDivergence;
import org.fganlab.quadrature.QuadratureResult;
import org.fganlab.theory.ExactDivergence;

/**
 * The saddle objective F(ω, θ) = E_P[a(V(x))] − E_Q[b(V(G(z)))] in terms of the critic's raw
 * output v = V(x): a is the "real term" and b the "fake term". The critic ascends F.
 */
public sealed interface Objective permits Objective.FGan, Objective.Wasserstein {

    /** Name: the divergence's registry name, or {@code wasserstein}. */
    String name();

    /** a(v), the term averaged over real samples. */
    double realTerm(double v);

    /** a'(v). */
    double realTermDerivative(double v);

    /** b(v), the term averaged over generated samples. */
    double fakeTerm(double v);

    /** b'(v). */
    double fakeTermDerivative(double v);

    /** Which batch a critic output comes from: samples of P, or generated samples G(z). */
    enum Side { REAL, GENERATED }

    /** a(v) for a real sample, b(v) for a generated one: the term of F that v enters. */
    default double term(double v, Side side) {
        return side == Side.REAL ? realTerm(v) : fakeTerm(v);
    }

    /**
     * The loss-layer gradient ∂F̂/∂v: the derivative of the batch objective
     * F̂ = w·Σ_real a(v) − w·Σ_generated b(v) with respect to one critic output v, +w·a'(v) on a
     * real sample and −w·b'(v) on a generated one (Nowozin et al. 2016, eq. 6; for the
     * {@code gan} row, Goodfellow et al. 2014, eq. 1). The sign is that of F, which the critic
     * ascends: the critic's loss −F̂ has the negated gradient, the minimax generator's loss is F̂
     * itself, and the non-saturating one is {@link GeneratorLoss#gradient}.
     *
     * @param v the critic's raw output V(x)
     * @param side the batch x comes from
     * @param weight w, the weight of one sample in its batch mean (1/B for a batch of B)
     * @return ∂F̂/∂v, formed as the product a'(v)·w (the same bits as a'(v)/B when B is a power of 2)
     */
    default double gradient(double v, Side side, double weight) {
        return side == Side.REAL ? realTermDerivative(v) * weight : -(fakeTermDerivative(v) * weight);
    }

    /** Weight clipping bound c for the critic after each critic step (0: none). */
    double clip();

    /**
     * Weight λ of the gradient penalty λ·E[(‖∇_x V(x̂)‖₂ − 1)²] added to the critic's loss
     * (Gulrajani et al. 2017, Algorithm 1), x̂ on random segments between real and generated
     * samples; 0: none.
     */
    default double gradientPenalty() {
        return 0.0;
    }

    /**
     * The exact quantity F estimates at the optimal critic, for tracking: D_f(P‖Q) or W1(P, Q).
     */
    QuadratureResult exact(ExactDivergence exact, Density p, Density q);

    /**
     * f-GAN: a = g_f, b = f*∘g_f (Nowozin et al. 2016, eq. 6), in the divergence's log-space
     * closed forms (finite for |v| ≤ 100).
     *
     * @param divergence the f-divergence
     */
    record FGan(FDivergence divergence) implements Objective {
        @Override
        public String name() {
            return divergence.name();
        }

        @Override
        public double realTerm(double v) {
            return divergence.outputActivation(v);
        }

        @Override
        public double realTermDerivative(double v) {
            return divergence.outputActivationDerivative(v);
        }

        @Override
        public double fakeTerm(double v) {
            return divergence.conjugateOfActivation(v);
        }

        @Override
        public double fakeTermDerivative(double v) {
            return divergence.conjugateOfActivationDerivative(v);
        }

        @Override
        public double clip() {
            return 0.0;
        }

        @Override
        public QuadratureResult exact(ExactDivergence exact, Density p, Density q) {
            return exact.divergence(divergence, p, q);
        }
    }

    /**
     * Wasserstein-1 (Arjovsky, Chintala &amp; Bottou 2017): a = b = identity, with the critic kept
     * near the 1-Lipschitz functions by one of two means. Weight clipping (WGAN, Algorithm 1):
     * every critic parameter clipped to [−c, c] after each critic step. Gradient penalty
     * (WGAN-GP, Gulrajani et al. 2017, Algorithm 1): the critic's loss gains
     * λ·mean_b (‖∇_x V(x̂_b)‖₂ − 1)² with x̂_b = ε_b x_b + (1 − ε_b) G(z_b), ε_b ~ U(0, 1).
     *
     * @param clip c ≥ 0 (0.01 in the WGAN paper; 0 with the penalty)
     * @param gradientPenalty λ ≥ 0 (10 in the WGAN-GP paper; 0 with clipping)
     */
    record Wasserstein(double clip, double gradientPenalty) implements Objective {
        /** λ of the WGAN-GP paper (Gulrajani et al. 2017, Algorithm 1). */
        public static final double WGAN_GP_LAMBDA = 10.0;

        /**
         * @throws IllegalArgumentException unless exactly one of clip and gradientPenalty is
         *     positive and both are finite and ≥ 0
         */
        public Wasserstein {
            if (!(clip >= 0) || Double.isInfinite(clip)) {
                throw new IllegalArgumentException("clip must be finite and > 0, got " + clip);
            }
            if (!(gradientPenalty >= 0) || Double.isInfinite(gradientPenalty)) {
                throw new IllegalArgumentException("gradient penalty must be finite and > 0, got " + gradientPenalty);
            }
            if ((clip > 0) == (gradientPenalty > 0)) {
                throw new IllegalArgumentException("the Wasserstein critic takes exactly one of weight"
                        + " clipping (> 0) and a gradient penalty (> 0), got clip " + clip
                        + " and penalty " + gradientPenalty);
            }
        }

        /** The weight-clipped critic, c &gt; 0. */
        public Wasserstein(double clip) {
            this(clip, 0.0);
        }

        /** The gradient-penalty critic, λ &gt; 0. */
        public static Wasserstein withGradientPenalty(double lambda) {
            return new Wasserstein(0.0, lambda);
        }

        @Override
        public String name() {
            return gradientPenalty > 0 ? "wasserstein-gp" : "wasserstein";
        }

        @Override
        public double realTerm(double v) {
            return v;
        }

        @Override
        public double realTermDerivative(double v) {
            return 1.0;
        }

        @Override
        public double fakeTerm(double v) {
            return v;
        }

        @Override
        public double fakeTermDerivative(double v) {
            return 1.0;
        }

        @Override
        public QuadratureResult exact(ExactDivergence exact, Density p, Density q) {
            return exact.wasserstein1(p, q);
        }
    }
}
