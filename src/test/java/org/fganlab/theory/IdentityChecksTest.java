package org.fganlab.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.fganlab.density.Density;
import org.fganlab.density.DensitySpec;
import org.fganlab.density.Normal;
import org.fganlab.divergence.Divergences;
import org.fganlab.divergence.FDivergence;
import org.fganlab.quadrature.QuadratureResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 2, item 5: every identity check behind {@code fganlab validate}. */
class IdentityChecksTest {

    private static final IdentityChecks CHECKS = new IdentityChecks();

    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource(delimiter = ';', textBlock = """
        normal(0,1); normal(1,1.5)
        normal(0,1); normal(0,1)
        normal(0,1.3); normal(0,0.8)
        0.5*normal(-2,0.5) + 0.5*normal(2,0.5); normal(0,2)
        0.33*normal(-1,0.25) + 0.67*normal(2,1.415); normal(1,1.5)
        laplace(0,1); normal(0,1)
        logistic(0,1); logistic(1,1)
        student(3,0,1); normal(0,1)
        student(1,0,1); student(4,0,2)
        uniform(-1,1); normal(0,1)
        normal(0,1); uniform(-3,3)
        uniform(0,1); uniform(2,3)
        uniform(0,1); uniform(0.5,1.5)
        normal(-5,0.3); normal(5,0.3)
        normal(0,1); normal(0,0.70718)
        normal(0,0.70718); normal(0,1)
        """)
    void everyCheckPasses(String p, String q) {
        Validation v = CHECKS.run(DensitySpec.parse(p), DensitySpec.parse(q));
        String failed = v.checks().stream().filter(c -> !c.passed())
                .map(c -> c.name() + " lhs=" + c.lhs() + " rhs=" + c.rhs() + " tol=" + c.tolerance())
                .collect(Collectors.joining("; "));
        assertTrue(v.passed(), failed);
        // each registered divergence has a tightness check
        for (FDivergence f : Divergences.all()) {
            assertTrue(v.checks().stream().anyMatch(c -> c.name().equals("bound-tight:" + f.name())),
                    "missing bound-tight:" + f.name());
        }
        for (IdentityCheck c : v.checks()) {
            assertFalse(Double.isNaN(c.lhs()) || Double.isNaN(c.rhs()), c.name() + " has NaN");
        }
    }

    @Test
    void gaussianPairGetsClosedFormAndGradientChecks() {
        Validation v = CHECKS.run(new Normal(0, 1), new Normal(1, 1.5));
        List<String> names = v.checks().stream().map(IdentityCheck::name).toList();
        assertTrue(names.containsAll(List.of("closed-form:kl", "closed-form:hellinger",
                "closed-form:pearson", "closed-form:neyman", "nsgan-gradient", "saturating-gradient",
                "prop1-optimal-discriminator", "thm1-value", "thm1-mixture", "gan-identity",
                "jeffrey-identity", "jsd-bound", "pinsker")), names.toString());
        IdentityCheck thm1 = byName(v, "thm1-value");
        assertTrue(thm1.absError() <= 1e-14, "Theorem 1 residual " + thm1.absError());
        IdentityCheck ns = byName(v, "nsgan-gradient");
        assertTrue(Math.abs(ns.lhs()) > 0.01, "gradient must be non-trivial: " + ns.lhs());
        assertTrue(ns.tolerance() < 1e-6 * Math.abs(ns.lhs()), "tolerance " + ns.tolerance());
    }

    /** Where KL(Q‖P) is infinite the non-saturating identity does not apply: skipped with a reason. */
    @Test
    void gradientChecksSkippedWhenKlOfQToPIsInfinite() {
        Validation v = CHECKS.run(DensitySpec.parse("uniform(-1,1)"), new Normal(0, 1));
        assertTrue(v.skipped().stream().anyMatch(s -> s.contains("KL(Q||P) is infinite")), v.skipped().toString());
        assertTrue(v.passed());
    }

    /** Prop. 1 is checked strictly where the supports overlap. */
    @Test
    void perturbedDiscriminatorsAreStrictlyWorse() {
        Validation v = CHECKS.run(new Normal(0, 1), new Normal(0.5, 1));
        IdentityCheck prop1 = byName(v, "prop1-optimal-discriminator");
        assertEquals("<", prop1.relation());
        assertTrue(prop1.passed());
        assertTrue(prop1.rhs() - prop1.lhs() > 1e-4, "gap " + (prop1.rhs() - prop1.lhs()));
    }

    /** Perturbed critics give strictly less than D_f for an overlapping pair (every f). */
    @Test
    void perturbedCriticsAreStrictlyBelowTheDivergence() {
        Density p = new Normal(0, 1);
        Density q = new Normal(1, 1.5);
        VariationalBound bound = new VariationalBound();
        for (FDivergence f : Divergences.all()) {
            QuadratureResult d = ExactDivergence.standard().divergence(f, p, q);
            if (!d.isFinite()) {
                assertEquals("neyman", f.name(), "only Neyman is infinite here (2σ1² < σ2²)");
                continue;
            }
            QuadratureResult b = bound.perturbed(f, p, q, 0.2, x -> 1 + 0.5 * Math.tanh(x));
            assertTrue(b.value() < d.value() - 1e-6, f.name() + ": bound " + b.value() + " vs D " + d.value());
            QuadratureResult tight = bound.atOptimalCritic(f, p, q);
            assertEquals(d.value(), tight.value(), 1e-12 * Math.max(1, Math.abs(d.value())), f.name());
        }
    }

    /**
     * Near Neyman's borderline 2σ_P² = σ_Q² the optimal critic T* = 1 − (q/p)² exceeds the
     * double range far out while the integrand q²/p still carries mass there (its scale is about
     * 50σ): the bound at T* must still equal the closed form, within its own error estimate.
     */
    @Test
    void boundAtTheOptimalCriticHoldsWhereTheCriticOverflows() {
        Normal p = new Normal(0, 0.70718);
        Normal q = new Normal(0, 1);
        FDivergence neyman = Divergences.byName("neyman");
        QuadratureResult tight = new VariationalBound().atOptimalCritic(neyman, p, q);
        GaussianClosedForms.Bounded exact = GaussianClosedForms.neymanBounded(0, 0.70718, 0, 1);
        assertEquals(exact.value(), tight.value(), tight.errorEstimate() + exact.error());
        assertTrue(tight.errorEstimate() + exact.error() < 1e-8 * exact.value(),
                "tolerance " + (tight.errorEstimate() + exact.error()));
    }

    @Test
    void ganTheoryAgreesWithClosedFormsAtTheExtremes() {
        GanTheory gan = new GanTheory();
        // P = Q: D* = ½, V = −log 4, H = ½
        Normal n = new Normal(0, 1);
        assertEquals(-Math.log(4), gan.valueAtOptimum(n, n).value(), 1e-15);
        assertEquals(0.5, gan.harmonicOverlap(n, n).value(), 1e-15);
        assertEquals(0.5, GanTheory.optimalDiscriminator(n, n, 0.3), 0.0);
        // disjoint supports: V = 0, JSD = log 2, D* = 1 on P's support
        Density a = DensitySpec.parse("uniform(0,1)");
        Density b = DensitySpec.parse("uniform(2,3)");
        assertEquals(0.0, gan.valueAtOptimum(a, b).value(), 0.0);
        assertEquals(Math.log(2), ExactDivergence.standard().divergence(Divergences.byName("js"), a, b).value(), 1e-15);
        assertEquals(1.0, GanTheory.optimalDiscriminator(a, b, 0.5), 0.0);
        assertEquals(Double.POSITIVE_INFINITY,
                ExactDivergence.standard().divergence(Divergences.byName("kl"), a, b).value());
        assertEquals(1.0, ExactDivergence.standard().divergence(Divergences.byName("tv"), a, b).value(), 1e-15);
        assertEquals(2.0, ExactDivergence.standard().wasserstein1(a, b).value(), 1e-14);
    }

    @Test
    void identityCheckRelationsCanFail() {
        assertFalse(IdentityCheck.equal("x", "", 1.0, 1.0 + 1e-9, 1e-12).passed());
        assertTrue(IdentityCheck.equal("x", "", 1.0, 1.0 + 1e-13, 1e-12).passed());
        assertFalse(IdentityCheck.atMost("x", "", 1.1, 1.0, 1e-3).passed());
        assertFalse(IdentityCheck.lessThan("x", "", 1.0, 1.0, 1e-3).passed());
        assertTrue(IdentityCheck.equal("x", "", Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 0).passed());
        assertFalse(IdentityCheck.equal("x", "", 1.0, Double.POSITIVE_INFINITY, 0).passed());
    }

    private static IdentityCheck byName(Validation v, String name) {
        return v.checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}
