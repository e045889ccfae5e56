package org.fganlab.theory;

import static org.fganlab.divergence.SpecialFunctions.softplus;

import java.util.function.DoubleFunction;
import java.util.function.DoubleUnaryOperator;
import org.fganlab.density.Density;
import org.fganlab.density.Normal;
import org.fganlab.divergence.Asymptote;
import org.fganlab.divergence.Divergences;
import org.fganlab.divergence.FDivergence;
import org.fganlab.quadrature.QuadratureResult;

/**
 * The generator-gradient identities of Arjovsky &amp; Bottou, "Towards Principled Methods for
 * Training GANs", ICLR 2017, Theorem 2.5 ({@code docs/math.md}, "GAN identities"), for a Gaussian
 * generator Q_μ = N(μ, σ²) differentiated in its mean μ, with D* = p/(p + q_{μ0}) held fixed:
 * <ul>
 *   <li>non-saturating: ∂/∂μ E_{Q_μ}[−log D*] = ∂/∂μ [KL(Q_μ‖P) − 2·JSD(P‖Q_μ)] at μ0;</li>
 *   <li>saturating (minimax): ∂/∂μ E_{Q_μ}[log(1 − D*)] = ∂/∂μ 2·JSD(P‖Q_μ) at μ0.</li>
 * </ul>
 * The left sides are computed exactly with the score function, ∂/∂μ ∫ q_μ h = ∫ q_μ·(x−μ)/σ²·h;
 * the right sides by a five-point central difference of exact divergences in μ, with step
 * 0.01σ. Units: nats per unit of μ. {@link #at(Density, Normal, Parameter)} does the same in σ,
 * with the score ∂/∂σ log q = ((x − μ)² − σ²)/σ³.
 */
public final class GeneratorGradients {

    /** Relative step of the finite differences (in units of σ). */
    static final double STEP = 0.01;

    private final ExactDivergence exact;

    /**
     * @param exact the divergence engine (not null)
     */
    public GeneratorGradients(ExactDivergence exact) {
        if (exact == null) {
            throw new IllegalArgumentException("exact must not be null");
        }
        this.exact = exact;
    }

    /**
     * The two sides of one identity, with error estimates.
     *
     * @param scoreGradient the left side by the score function
     * @param scoreError its quadrature error estimate
     * @param finiteDifference the right side by finite differences
     * @param finiteDifferenceError truncation (difference of the h and 2h stencils) plus the
     *     propagated quadrature errors
     */
    public record Sides(double scoreGradient, double scoreError, double finiteDifference,
            double finiteDifferenceError) {
    }

    /** Both identities at Q = N(μ0, σ²). */
    public record Result(Sides nonSaturating, Sides saturating) {
    }

    /** The generator parameter a gradient is taken in. */
    public enum Parameter {
        /** The mean μ: score (x − μ)/σ². */
        MU,
        /** The standard deviation σ: score ((x − μ)² − σ²)/σ³. */
        SIGMA
    }

    /**
     * Both identities differentiated in μ (nats per unit of μ).
     *
     * @param p the data density
     * @param q the Gaussian generator at μ0
     * @return both identities; {@code null} if KL(Q‖P) is infinite (the non-saturating loss is
     *     then infinite and the identity does not apply)
     */
    public Result at(Density p, Normal q) {
        return at(p, q, Parameter.MU);
    }

    /**
     * Both identities differentiated in μ or in σ at Q = N(μ0, σ0²), with D* = p/(p + q) held
     * fixed at (μ0, σ0). Units: nats per unit of the parameter. The finite differences move only
     * that parameter, with step 0.01·σ0 (so σ stays positive: σ0·(1 ± 0.04)).
     *
     * @param p the data density
     * @param q the Gaussian generator at (μ0, σ0)
     * @param parameter the parameter to differentiate in (not null)
     * @return both identities; {@code null} if KL(Q‖P) is infinite
     * @throws IllegalArgumentException if parameter is null
     */
    public Result at(Density p, Normal q, Parameter parameter) {
        if (parameter == null) {
            throw new IllegalArgumentException("parameter must be MU or SIGMA, got null");
        }
        FDivergence kl = Divergences.byName("kl");
        FDivergence js = Divergences.byName("js");
        if (!exact.divergence(kl, q, p).isFinite()) {
            return null;
        }
        double mu = q.mu();
        double sigma = q.sigma();
        boolean inMu = parameter == Parameter.MU;
        DoubleUnaryOperator score = inMu ? x -> (x - mu) / (sigma * sigma)
                : x -> ((x - mu) * (x - mu) - sigma * sigma) / (sigma * sigma * sigma);
        DoubleFunction<Normal> family = inMu ? m -> new Normal(m, sigma) : s -> new Normal(mu, s);
        double at = inMu ? mu : sigma;
        double xPower = inMu ? 1 : 2;     // the score's polynomial degree, for the tail check
        // −log D* = softplus(log q − log p); log(1 − D*) = −softplus(log p − log q)
        QuadratureResult ns = exact.pairs().integrate(p, q, (x, lp, lq) -> lq == Double.NEGATIVE_INFINITY
                        ? 0.0 : Math.exp(lq) * score.applyAsDouble(x) * softplus(lq - lp),
                new Asymptote(-1, 0), new Asymptote(0, 1), xPower, false);
        QuadratureResult sat = exact.pairs().integrate(p, q, (x, lp, lq) -> lq == Double.NEGATIVE_INFINITY
                        ? 0.0 : -Math.exp(lq) * score.applyAsDouble(x) * softplus(lp - lq),
                new Asymptote(0, 1), new Asymptote(1, 0), xPower, false);
        double[] klDiff = difference(t -> exact.divergence(kl, family.apply(t), p), at, sigma);
        double[] jsDiff = difference(t -> exact.divergence(js, p, family.apply(t)), at, sigma);
        Sides nonSaturating = new Sides(ns.value(), ns.errorEstimate(),
                klDiff[0] - 2 * jsDiff[0], klDiff[1] + 2 * jsDiff[1]);
        Sides saturating = new Sides(sat.value(), sat.errorEstimate(), 2 * jsDiff[0],
                2 * jsDiff[1]);
        return new Result(nonSaturating, saturating);
    }

    /**
     * Five-point central difference of g at the parameter value mu with steps h = STEP·σ and 2h.
     *
     * @return {derivative, error estimate}
     */
    private static double[] difference(DoubleFunction<QuadratureResult> g,
            double mu, double sigma) {
        double h = STEP * sigma;
        double[] v = new double[9];
        double err = 0;
        for (int k = -4; k <= 4; k++) {
            if (k == 0) {
                continue;
            }
            QuadratureResult r = g.apply(mu + k * h);
            v[k + 4] = r.value();
            err = Math.max(err, r.errorEstimate());
        }
        double d1 = fivePoint(v[3], v[2], v[5], v[6], h);   // steps ±h, ±2h
        double d2 = fivePoint(v[2], v[0], v[6], v[8], 2 * h); // steps ±2h, ±4h
        // propagated quadrature error: (1 + 8 + 8 + 1)/12 · err / h
        double propagated = 1.5 * err / h;
        return new double[] {d1, Math.abs(d1 - d2) + propagated};
    }

    private static double fivePoint(double minus1, double minus2, double plus1, double plus2,
            double h) {
        return (minus2 - 8 * minus1 + 8 * plus1 - plus2) / (12 * h);
    }
}
