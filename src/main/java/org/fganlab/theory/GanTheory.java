package org.fganlab.theory;

import static org.fganlab.divergence.SpecialFunctions.softplus;

import java.util.function.DoubleUnaryOperator;
import org.fganlab.density.Density;
import org.fganlab.divergence.Asymptote;
import org.fganlab.quadrature.QuadratureResult;

/**
 * The GAN value function and its optimum (Goodfellow et al., "Generative Adversarial Nets",
 * NIPS 2014): V(G,D) = E_P[log D(x)] + E_Q[log(1 − D(x))], the optimal discriminator
 * D*(x) = p(x)/(p(x) + q(x)) (Proposition 1) and C(G) = V(G,D*) = −log 4 + 2·JSD(P‖Q)
 * (Theorem 1). Values in nats.
 *
 * <p>Discriminators are handled through their logit a(x) = log D − log(1 − D), so that
 * log D = −softplus(−a) and log(1 − D) = −softplus(a) stay finite where D rounds to 0 or 1.
 * The logit of D* is log p − log q.
 */
public final class GanTheory {

    private final PairQuadrature pairs;

    /**
     * @param pairs the pair integrator (not null)
     */
    public GanTheory(PairQuadrature pairs) {
        if (pairs == null) {
            throw new IllegalArgumentException("pairs must not be null");
        }
        this.pairs = pairs;
    }

    /** With the default pair integrator. */
    public GanTheory() {
        this(new PairQuadrature());
    }

    /**
     * D*(x) = p/(p + q) = σ(log p − log q) (Goodfellow et al. 2014, Prop. 1); ½ where both
     * densities vanish (any value is optimal there).
     */
    public static double optimalDiscriminator(Density p, Density q, double x) {
        double lp = p.logDensity(x);
        double lq = q.logDensity(x);
        if (lp == Double.NEGATIVE_INFINITY && lq == Double.NEGATIVE_INFINITY) {
            return 0.5;
        }
        return Math.exp(-softplus(lq - lp));
    }

    /** C(G) = V(G, D*) = ∫ p log(p/(p+q)) + q log(q/(p+q)) dx. */
    public QuadratureResult valueAtOptimum(Density p, Density q) {
        return value(p, q, x -> 0.0);
    }

    /**
     * V(G, D) for the discriminator with logit log p − log q + φ(x).
     *
     * @param p the data density
     * @param q the generator's density
     * @param logitPerturbation φ, a bounded function of x (0 gives D*)
     * @return V in nats, in [−∞, 0]; finite when φ is bounded
     */
    public QuadratureResult value(Density p, Density q, DoubleUnaryOperator logitPerturbation) {
        PairIntegrand h = (x, lp, lq) -> {
            if (lp == Double.NEGATIVE_INFINITY || lq == Double.NEGATIVE_INFINITY) {
                return 0.0; // D = 0 where p = 0 and D = 1 where q = 0: both terms vanish
            }
            double a = lp - lq + logitPerturbation.applyAsDouble(x);
            return -Math.exp(lp) * softplus(-a) - Math.exp(lq) * softplus(a);
        };
        // |integrand| ≤ q + p·|φ| where p/q is large and p + q·|φ| where it is small
        return pairs.integrate(p, q, h, Asymptote.LIKE_P, Asymptote.LIKE_Q, 0, false);
    }

    /**
     * KL(P‖M) with M = (P + Q)/2, the first term of Theorem 1's decomposition (swap the
     * arguments for KL(Q‖M)); finite, at most log 2.
     */
    public QuadratureResult klToMidpoint(Density p, Density q) {
        PairIntegrand h = (x, lp, lq) -> {
            if (lp == Double.NEGATIVE_INFINITY) {
                return 0.0;
            }
            // log(p/m) = log 2 − softplus(lq − lp)
            return Math.exp(lp) * (Math.log(2) - softplus(lq - lp));
        };
        return pairs.integrate(p, q, h, Asymptote.LIKE_P, Asymptote.LIKE_P, 0, false);
    }

    /**
     * The harmonic overlap H = ∫ pq/(p + q), which sets the curvature of V in the logit
     * (V(D*) − V(D_ε) ≈ (ε²/2) ∫ pq/(p+q) φ²); 0 for disjoint supports, ½ for P = Q.
     */
    public QuadratureResult harmonicOverlap(Density p, Density q) {
        PairIntegrand h = (x, lp, lq) -> {
            if (lp == Double.NEGATIVE_INFINITY || lq == Double.NEGATIVE_INFINITY) {
                return 0.0;
            }
            return Math.exp(Math.min(lp, lq) - softplus(-Math.abs(lp - lq)));
        };
        return pairs.integrate(p, q, h, Asymptote.LIKE_Q, Asymptote.LIKE_P, 0, false);
    }
}
