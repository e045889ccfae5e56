package org.fganlab.theory;

import java.util.function.DoubleUnaryOperator;
import org.fganlab.density.Density;
import org.fganlab.divergence.FDivergence;
import org.fganlab.divergence.SpecialFunctions;
import org.fganlab.quadrature.QuadratureResult;

/**
 * The f-GAN variational lower bound B(T) = E_P[T(x)] − E_Q[f*(T(x))] ≤ D_f(P‖Q) (Nguyen,
 * Wainwright &amp; Jordan 2010; Nowozin et al. 2016, eq. 4), tight at T* = f'(p/q). Values in nats.
 *
 * <p>Critics are written as T = g_f(v) with the pre-activation v, and f*(g_f(v)) is evaluated by
 * {@link FDivergence#conjugateOfActivation}, so no overflow occurs where p/q is extreme. The
 * perturbed critic is v* + ε·φ(x), which stays inside dom f* by construction of g_f. TV's
 * optimal critic ±½ sits on the boundary of its closed domain (v* = ±∞); there the perturbed
 * critic is the convex combination (1 − ε)T* + ε·g_f(φ(x)), also inside dom f*.
 *
 * <p>Where |log(p/q)| &gt; 600 (one density below e^{−600} times the other), where p or q
 * vanishes, or where T or f*(T) overflows a double (Pearson's f*(T*) ~ (p/q)² beyond
 * |log(p/q)| ≈ 354), the integrand is evaluated through the pointwise divergence integrand
 * q·f(p/q) (the Fenchel–Young equality) and the perturbation is switched off there; this only
 * makes a perturbed bound larger, so the check "perturbed ≤ D_f" stays conservative.
 */
public final class VariationalBound {

    /** Beyond this |log(p/q)| the Fenchel form is replaced by q·f(p/q). */
    static final double EXTREME_LOG_RATIO = 600.0;

    private final PairQuadrature pairs;

    /**
     * @param pairs the pair integrator (not null)
     */
    public VariationalBound(PairQuadrature pairs) {
        if (pairs == null) {
            throw new IllegalArgumentException("pairs must not be null");
        }
        this.pairs = pairs;
    }

    /** With the default pair integrator. */
    public VariationalBound() {
        this(new PairQuadrature());
    }

    /** B(T*) with T* = f'(p/q): equals D_f(P‖Q). */
    public QuadratureResult atOptimalCritic(FDivergence f, Density p, Density q) {
        return perturbed(f, p, q, 0.0, x -> 0.0);
    }

    /**
     * B(T_ε) for the perturbed critic described in the class comment.
     *
     * @param f the divergence
     * @param p data density
     * @param q model density
     * @param epsilon perturbation size, in [0, 1] (a convex weight for TV)
     * @param phi the perturbation direction, a bounded function of x
     * @return the bound in nats; ≤ D_f(P‖Q) up to quadrature error
     * @throws IllegalArgumentException if epsilon is outside [0, 1]
     */
    public QuadratureResult perturbed(FDivergence f, Density p, Density q, double epsilon,
            DoubleUnaryOperator phi) {
        if (!(epsilon >= 0 && epsilon <= 1)) {
            throw new IllegalArgumentException("epsilon must be in [0, 1], got " + epsilon);
        }
        PairIntegrand h = (x, lp, lq) -> {
            double d = lp - lq;
            if (lp == Double.NEGATIVE_INFINITY || lq == Double.NEGATIVE_INFINITY
                    || Math.abs(d) > EXTREME_LOG_RATIO) {
                return f.integrand(lp, lq);
            }
            double v = f.optimalCriticPreactivation(d);
            double t;
            double conj;
            if (Double.isFinite(v)) {
                v += epsilon == 0 ? 0.0 : epsilon * phi.applyAsDouble(x);
                t = f.outputActivation(v);
                conj = f.conjugateOfActivation(v);
            } else {
                t = f.optimalCriticFromLogRatio(d);
                if (epsilon != 0) {
                    t = (1 - epsilon) * t + epsilon * f.outputActivation(phi.applyAsDouble(x));
                }
                conj = f.conjugate(t);
            }
            if (!(Math.abs(t) < Double.MAX_VALUE) || !Double.isFinite(conj)) {
                // a Fenchel term overflows, or the activation was clamped to the double range
                // (Neyman's 1 − eᵛ past v ≈ 709) and no longer is T: q·f(p/q), the value at the
                // optimum, which bounds the perturbed term from above (Fenchel–Young)
                return f.integrand(lp, lq);
            }
            // in log-space where a density is subnormal and the critic large
            return SpecialFunctions.expTimes(lp, t) - SpecialFunctions.expTimes(lq, conj);
        };
        return pairs.integrate(p, q, h, f.asymptoteAsRatioToInfinity(),
                f.asymptoteAsRatioToZero(), 0, f.kinkAtOne());
    }
}
