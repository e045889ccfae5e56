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
     * Wasserstein-1 with a weight-clipped critic (Arjovsky, Chintala &amp; Bottou 2017, Algorithm 1):
     * a = b = identity, every critic parameter clipped to [−c, c] after each critic step.
     *
     * @param clip c &gt; 0 (0.01 in the paper)
     */
    record Wasserstein(double clip) implements Objective {
        /**
         * @throws IllegalArgumentException if clip is not finite and positive
         */
        public Wasserstein {
            if (!(clip > 0) || Double.isInfinite(clip)) {
                throw new IllegalArgumentException("clip must be finite and > 0, got " + clip);
            }
        }

        @Override
        public String name() {
            return "wasserstein";
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
