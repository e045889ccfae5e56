package org.fganlab.theory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.DoubleUnaryOperator;
import org.fganlab.density.Density;
import org.fganlab.density.Normal;
import org.fganlab.divergence.Divergences;
import org.fganlab.divergence.FDivergence;
import org.fganlab.quadrature.QuadratureResult;

/**
 * Every identity check on a pair (P, Q), behind {@code fganlab validate}:
 * <ol>
 *   <li>Goodfellow et al. 2014, Prop. 1: D* = p/(p+q) maximises V(G,D); discriminators with
 *       perturbed logits give less (strictly, wherever the predicted gap exceeds the error);</li>
 *   <li>Theorem 1: V(G,D*) = −log 4 + 2·JSD = −log 4 + KL(P‖M) + KL(Q‖M);</li>
 *   <li>for every registered f: the variational bound at T* equals D_f, perturbed critics give
 *       at most D_f (Nowozin et al. 2016, eq. 4);</li>
 *   <li>D_gan = 2·JSD − log 4; Jeffrey = KL + reverse KL; JSD ≤ log 2; Pinsker TV ≤ √(KL/2);</li>
 *   <li>the Gaussian closed forms when both densities are normal;</li>
 *   <li>the generator-gradient identities when Q is normal (Arjovsky &amp; Bottou 2017, Thm 2.5).</li>
 * </ol>
 */
public final class IdentityChecks {

    /** Logit perturbations of Prop. 1: sizes. */
    private static final double[] LOGIT_EPSILONS = {0.5, -0.5, 0.05, -0.05};
    /** The smallest |ε| of LOGIT_EPSILONS, which bounds the predicted gap from below. */
    private static final double SMALLEST_LOGIT_EPSILON = 0.05;
    /**
     * Perturbation directions: bounded away from 0 (|φ| ≥ ½, so the predicted gap of Prop. 1
     * holds) and constant at ±∞ (an oscillating φ would never settle in the mapped tails).
     */
    private static final DoubleUnaryOperator[] DIRECTIONS = {
        x -> 1.0, x -> 1.0 + 0.5 * Math.tanh(x), x -> -1.0 + 0.5 * Math.tanh(0.5 * x - 1),
    };
    /** Critic perturbation sizes (pre-activation shifts; convex weights for TV). */
    private static final double[] CRITIC_EPSILONS = {0.2, 0.02};

    private final ExactDivergence exact;
    private final GanTheory gan;
    private final VariationalBound bound;
    private final GeneratorGradients gradients;

    /** With the default integrators. */
    public IdentityChecks() {
        this(ExactDivergence.standard());
    }

    /**
     * @param exact the divergence engine whose pair integrator all checks share (not null)
     */
    public IdentityChecks(ExactDivergence exact) {
        this.exact = exact;
        this.gan = new GanTheory(exact.pairs());
        this.bound = new VariationalBound(exact.pairs());
        this.gradients = new GeneratorGradients(exact);
    }

    /**
     * Runs every check that applies to the pair.
     *
     * @param p data density
     * @param q model density
     * @return the checks and the skipped ones with reasons
     */
    public Validation run(Density p, Density q) {
        List<IdentityCheck> checks = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        // every registered divergence once; the checks below look them up
        Map<String, QuadratureResult> divergences = new HashMap<>();
        for (FDivergence f : Divergences.all()) {
            divergences.put(f.name(), exact.divergence(f, p, q));
        }
        QuadratureResult js = divergences.get("js");
        QuadratureResult kl = divergences.get("kl");
        QuadratureResult vStar = gan.valueAtOptimum(p, q);
        double log4 = Math.log(4);

        proposition1(p, q, vStar, checks);
        checks.add(IdentityCheck.equal("thm1-value",
                "V(G,D*) = -log 4 + 2 JSD(P||Q) (Goodfellow et al. 2014, Thm 1)",
                vStar.value(), -log4 + 2 * js.value(), vStar.errorEstimate() + 2 * js.errorEstimate()));
        QuadratureResult pm = gan.klToMidpoint(p, q);
        QuadratureResult qm = gan.klToMidpoint(q, p);
        checks.add(IdentityCheck.equal("thm1-mixture",
                "-log 4 + KL(P||M) + KL(Q||M) = -log 4 + 2 JSD(P||Q), M = (P+Q)/2 (Thm 1 proof)",
                -log4 + pm.value() + qm.value(), -log4 + 2 * js.value(),
                pm.errorEstimate() + qm.errorEstimate() + 2 * js.errorEstimate()));

        QuadratureResult ganDiv = divergences.get("gan");
        checks.add(IdentityCheck.equal("gan-identity", "D_gan(P||Q) = 2 JSD(P||Q) - log 4",
                ganDiv.value(), 2 * js.value() - log4, ganDiv.errorEstimate() + 2 * js.errorEstimate()));
        QuadratureResult rkl = divergences.get("reverse-kl");
        QuadratureResult jeffrey = divergences.get("jeffrey");
        checks.add(IdentityCheck.equal("jeffrey-identity", "Jeffrey(P||Q) = KL(P||Q) + KL(Q||P)",
                jeffrey.value(), kl.value() + rkl.value(),
                jeffrey.errorEstimate() + kl.errorEstimate() + rkl.errorEstimate()));
        checks.add(IdentityCheck.within("jsd-bound", "JSD(P||Q) <= log 2", js, 0.0, Math.log(2)));
        for (FDivergence f : Divergences.all()) {
            checks.add(IdentityCheck.within("range:" + f.name(), "f(1) <= D_" + f.name()
                    + "(P||Q) <= f(0) + f'(inf) (Csiszar)", divergences.get(f.name()),
                    f.generator(1.0), ExactDivergence.upperBound(f)));
        }
        QuadratureResult tv = divergences.get("tv");
        double pinsker = Math.sqrt(kl.value() / 2);
        checks.add(IdentityCheck.atMost("pinsker", "TV(P||Q) <= sqrt(KL(P||Q)/2) (Pinsker)",
                tv.value(), pinsker, tv.errorEstimate()
                        + (kl.value() > 0 ? kl.errorEstimate() / (4 * pinsker) : 0)));

        for (FDivergence f : Divergences.all()) {
            variationalBound(f, divergences.get(f.name()), p, q, checks, skipped);
        }
        if (p instanceof Normal np && q instanceof Normal nq) {
            closedForms(np, nq, divergences, checks);
        } else {
            skipped.add("closed-forms: P and Q are not both normal");
        }
        if (q instanceof Normal nq) {
            GeneratorGradients.Result g = gradients.at(p, nq);
            if (g == null) {
                skipped.add("gradient identities: KL(Q||P) is infinite");
            } else {
                checks.add(gradientCheck("nsgan-gradient",
                        "d/dmu E_Q[-log D*] = d/dmu [KL(Q||P) - 2 JSD(P||Q)] (Arjovsky & Bottou 2017, Thm 2.5)",
                        g.nonSaturating()));
                checks.add(gradientCheck("saturating-gradient",
                        "d/dmu E_Q[log(1 - D*)] = d/dmu 2 JSD(P||Q) (Arjovsky & Bottou 2017)",
                        g.saturating()));
            }
        } else {
            skipped.add("gradient identities: Q is not normal");
        }
        List<String> unverified = new ArrayList<>();
        for (FDivergence f : Divergences.all()) {
            QuadratureResult r = divergences.get(f.name());
            if (r.status() == QuadratureResult.Status.NOT_CONVERGED
                    || r.status() == QuadratureResult.Status.OVERFLOW) {
                unverified.add(f.name() + ": " + r.status().label());
            }
        }
        return new Validation(p.spec(), q.spec(), checks, skipped, unverified);
    }

    private void proposition1(Density p, Density q, QuadratureResult vStar,
            List<IdentityCheck> checks) {
        QuadratureResult best = largest(LOGIT_EPSILONS,
                (eps, phi) -> gan.value(p, q, x -> eps * phi.applyAsDouble(x)));
        // predicted gap ≥ (ε²/2)·(1/4)·H for |φ| ≥ ½ (second order in the logit)
        QuadratureResult overlap = gan.harmonicOverlap(p, q);
        double predictedGap = SMALLEST_LOGIT_EPSILON * SMALLEST_LOGIT_EPSILON / 8 * overlap.value();
        double err = vStar.errorEstimate() + best.errorEstimate();
        if (predictedGap > 100 * err) {
            checks.add(IdentityCheck.lessThan("prop1-optimal-discriminator",
                    "max V(G,D) over perturbed logits < V(G,D*), D* = p/(p+q) (Goodfellow et al. 2014, Prop 1)",
                    best.value(), vStar.value(), err));
        } else {
            checks.add(IdentityCheck.atMost("prop1-optimal-discriminator",
                    "max V(G,D) over perturbed logits <= V(G,D*) (supports barely overlap: gap below the error)",
                    best.value(), vStar.value(), err));
        }
    }

    private void variationalBound(FDivergence f, QuadratureResult d, Density p, Density q,
            List<IdentityCheck> checks, List<String> skipped) {
        QuadratureResult atStar = bound.atOptimalCritic(f, p, q);
        checks.add(IdentityCheck.equal("bound-tight:" + f.name(),
                "E_P[T*] - E_Q[f*(T*)] = D_f, T* = f'(p/q) (Nowozin et al. 2016, eq. 4)", atStar, d));
        if (!d.isFinite()) {
            skipped.add("bound-perturbed:" + f.name() + ": D_f is infinite");
            return;
        }
        QuadratureResult best = largest(CRITIC_EPSILONS, (eps, phi) -> bound.perturbed(f, p, q, eps, phi));
        checks.add(IdentityCheck.atMost("bound-perturbed:" + f.name(),
                "perturbed critics inside dom f* give at most D_f", best.value(), d.value(),
                best.errorEstimate() + d.errorEstimate()));
    }

    private static void closedForms(Normal p, Normal q, Map<String, QuadratureResult> divergences,
            List<IdentityCheck> checks) {
        double m1 = p.mu();
        double s1 = p.sigma();
        double m2 = q.mu();
        double s2 = q.sigma();
        closedForm("kl", GaussianClosedForms.klBounded(m1, s1, m2, s2), divergences, checks);
        closedForm("hellinger", GaussianClosedForms.squaredHellingerBounded(m1, s1, m2, s2), divergences, checks);
        closedForm("pearson", GaussianClosedForms.pearsonBounded(m1, s1, m2, s2), divergences, checks);
        closedForm("neyman", GaussianClosedForms.neymanBounded(m1, s1, m2, s2), divergences, checks);
    }

    /**
     * Quadrature against the closed form, within the quadrature's error estimate plus the closed
     * form's own error bound (its rounding and its condition number, which grows without bound
     * towards Pearson's and Neyman's borderlines 2σ_Q² = σ_P² and 2σ_P² = σ_Q²).
     */
    private static void closedForm(String name, GaussianClosedForms.Bounded exactValue,
            Map<String, QuadratureResult> divergences, List<IdentityCheck> checks) {
        QuadratureResult r = divergences.get(name);
        checks.add(IdentityCheck.equal("closed-form:" + name,
                name + " by quadrature = Gaussian closed form (docs/math.md)", r.value(),
                exactValue.value(), r.errorEstimate() + exactValue.error()));
    }

    private static IdentityCheck gradientCheck(String name, String description,
            GeneratorGradients.Sides s) {
        return IdentityCheck.equal(name, description, s.scoreGradient(), s.finiteDifference(),
                s.scoreError() + s.finiteDifferenceError());
    }

    /** The largest of the values over every size in epsilons and every direction. */
    private static QuadratureResult largest(double[] epsilons,
            BiFunction<Double, DoubleUnaryOperator, QuadratureResult> value) {
        QuadratureResult best = null;
        for (double eps : epsilons) {
            for (DoubleUnaryOperator phi : DIRECTIONS) {
                QuadratureResult v = value.apply(eps, phi);
                if (best == null || v.value() > best.value()) {
                    best = v;
                }
            }
        }
        return best;
    }
}
