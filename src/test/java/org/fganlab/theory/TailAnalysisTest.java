package org.fganlab.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fganlab.density.Density;
import org.fganlab.density.DensitySpec;
import org.fganlab.divergence.Divergences;
import org.fganlab.quadrature.QuadratureResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Divergent integrals are +∞, never a confident finite number (issue 2, item 4); finite ones are
 * finite. Each row's verdict follows from tail asymptotics worked out by hand (comment column).
 */
class TailAnalysisTest {

    @ParameterizedTest(name = "{0}({1} || {2}) finite={3}")
    @CsvSource(delimiter = ';', textBlock = """
        # Pearson: ∫p²/q, p²/q ~ exp(x²(1/1.28 − 1/1.69)) grows
        pearson; normal(0,1.3); normal(0,0.8); false
        # 2σ2² = 3.38 > σ1² = 1.69: finite
        pearson; normal(0,0.8); normal(0,1.3); true
        # heavier numerator tail: t_3 squared over a Gaussian grows
        pearson; student(3,0,1); normal(0,1); false
        # KL(t_3 || N): ∫ p·x²/2 with p ~ x^-4: finite (ν > 2)
        kl; student(3,0,1); normal(0,1); true
        # KL(t_2 || N): p·x² ~ x^-1: infinite
        kl; student(2,0,1); normal(0,1); false
        # reverse KL(N || t_2) = KL(t_2 || N) = ∞
        reverse-kl; normal(0,1); student(2,0,1); false
        # KL(N || t_1): p·log(p/q) Gaussian-weighted: finite
        kl; normal(0,1); student(1,0,1); true
        # Laplace numerator against Gaussian: p·x² with p ~ e^-|x|: finite
        kl; laplace(0,1); normal(0,1); true
        # Pearson of Laplace against normal: p²/q ~ exp(−2|x| + x²/2): infinite
        pearson; laplace(0,1); normal(0,1); false
        # Neyman(P||Q) = ∫ q²/p: Laplace q over Gaussian p: infinite
        neyman; normal(0,1); laplace(0,1); false
        # Jeffrey between Cauchy and t_4: KL(t_4‖t_1) finite, KL(t_1‖t_4) ~ ∫ x^-2 log x finite
        jeffrey; student(1,0,1); student(4,0,2); true
        # Pearson(t_1 || t_4): p²/q ~ x^-4+5 = x: infinite
        pearson; student(1,0,1); student(4,0,2); false
        # alpha:3, N(0,1) vs N(0,1.2): q has the heavier tail, p/q → 0, integrand ~ q/3: finite
        alpha:3; normal(0,1); normal(0,1.2); true
        # alpha:3 ~ N(0,1.3) vs N(0,1): exp(x²(−3/3.38 + 1)) grows: infinite
        alpha:3; normal(0,1.3); normal(0,1); false
        # bounded supports: KL(U || N) finite, KL(N || U) infinite (q = 0 on P-mass)
        kl; uniform(-1,1); normal(0,1); true
        kl; normal(0,1); uniform(-3,3); false
        reverse-kl; uniform(-1,1); normal(0,1); false
        # mixtures: the heaviest component decides
        pearson; 0.5*normal(-2,0.5) + 0.5*normal(2,0.5); normal(0,2); true
        pearson; 0.9*normal(0,0.5) + 0.1*normal(0,3); normal(0,2); false
        """)
    void divergenceIsInfiniteExactlyWhenTheTailsSaySo(String div, String p, String q, boolean finite) {
        Density dp = DensitySpec.parse(p);
        Density dq = DensitySpec.parse(q);
        QuadratureResult r = ExactDivergence.standard().divergence(Divergences.byName(div), dp, dq);
        if (finite) {
            assertTrue(Double.isFinite(r.value()) && r.value() >= 0, div + " = " + r.value());
            assertTrue(r.errorEstimate() <= 1e-9 * Math.max(1, r.value()),
                    "error estimate " + r.errorEstimate());
        } else {
            assertEquals(Double.POSITIVE_INFINITY, r.value(), div);
            assertEquals(0.0, r.errorEstimate());
        }
    }

    @ParameterizedTest(name = "W1({0} || {1}) finite={2}")
    @CsvSource(delimiter = ';', textBlock = """
        student(1,0,1); student(1,1,1); true
        student(1,0,1); normal(0,1); false
        student(2,0,1); normal(0,1); true
        0.5*student(1,0,1) + 0.5*normal(0,1); student(1,0,1); false
        uniform(0,1); student(1,0,1); false
        uniform(0,1); laplace(0,1); true
        """)
    void wassersteinIsInfiniteWithoutFirstMoments(String p, String q, boolean finite) {
        QuadratureResult r = ExactDivergence.standard().wasserstein1(DensitySpec.parse(p), DensitySpec.parse(q));
        assertEquals(finite, Double.isFinite(r.value()), "W1 = " + r.value());
    }
}
