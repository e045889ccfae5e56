package org.fganlab.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.fganlab.density.Density;
import org.fganlab.density.DensitySpec;
import org.fganlab.divergence.Divergences;
import org.fganlab.divergence.FDivergence;
import org.fganlab.theory.ExactDivergence;
import org.fganlab.theory.PointSetWasserstein;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The 1-D plug-in estimators: KDE + quadrature, and the exact empirical W1. */
class PlugInTest {

    @Test
    void empiricalW1MatchesHandComputedValue() {
        // F_P steps 1/3 at 0, 1, 3; F_Q steps 1/2 at 1, 2:
        // |F_P − F_Q| = 1/3 on [0,1), 1/6 on [1,2), 1/3 on [2,3): W1 = 1/3 + 1/6 + 1/3 = 5/6
        assertEquals(5.0 / 6, EmpiricalW1.distance(Samples.of(0, 1, 3), Samples.of(1, 2)), 1e-15);
        assertEquals(5.0 / 6, EmpiricalW1.distance(Samples.of(1, 2), Samples.of(3, 0, 1)), 1e-15);
        assertEquals(0.0, EmpiricalW1.distance(Samples.of(2, 1, 1), Samples.of(1, 2, 1)), 0.0);
        // a point mass moved by 4: W1 = 4
        assertEquals(4.0, EmpiricalW1.distance(Samples.of(1, 1), Samples.of(5)), 0.0);
    }

    @Test
    void empiricalW1EqualsSortedMatchingForEqualSizes() {
        Samples p = Samples.draw(DensitySpec.parse("normal(0,1)"), 3000, 9, 0);
        Samples q = Samples.draw(DensitySpec.parse("laplace(0.5,2)"), 3000, 9, 1);
        PointSetWasserstein.Bracket b = PointSetWasserstein.w1(p.data(), q.data(), 1);
        assertEquals(b.lower(), EmpiricalW1.distance(p, q), 1e-12);
    }

    @Test
    void kdeBandwidthIsScottsRule() {
        Samples s = Samples.of(0, 1, 2, 3, 4);
        double sd = Math.sqrt(2.5); // divisor n − 1
        assertEquals(sd * Math.pow(5, -0.2), new KdePlugin.Kde(s).bandwidth(), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> new KdePlugin.Kde(Samples.of(1, 1, 1)));
    }

    /**
     * With 3 points per sample, each KDE is a 3-component normal mixture, so the plug-in value
     * must equal the lab's exact divergence between those mixtures (an independent integrator
     * and density code).
     */
    @ParameterizedTest
    @ValueSource(strings = {"kl", "js", "tv", "hellinger", "reverse-kl"})
    void kdePlugInEqualsExactDivergenceOfTheMixtures(String name) {
        Samples p = Samples.of(-0.5, 0.2, 1.1);
        Samples q = Samples.of(0.4, 1.0, 2.3);
        FDivergence f = Divergences.byName(name);
        double expected = ExactDivergence.standard().divergence(f, mixture(p), mixture(q)).value();
        assertEquals(expected, KdePlugin.estimate(p, q, f).value(), 1e-7 * Math.max(1, expected));
    }

    private static Density mixture(Samples s) {
        double h = new KdePlugin.Kde(s).bandwidth();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.size(); i++) {
            b.append(i == 0 ? "" : " + ").append(String.format(Locale.ROOT, "%.17g*normal(%.17g,%.17g)",
                    1.0 / s.size(), s.get(i, 0), h));
        }
        return DensitySpec.parse(b.toString());
    }

    @Test
    void kdePlugInConvergesOnAnEasyPair() {
        Density p = DensitySpec.parse("normal(0,1)");
        Density q = DensitySpec.parse("normal(1,1.5)");
        for (String name : new String[] {"kl", "js", "tv"}) {
            FDivergence f = Divergences.byName(name);
            double exact = ExactDivergence.standard().divergence(f, p, q).value();
            double est = KdePlugin.estimate(Samples.draw(p, 20_000, 3, 0), Samples.draw(q, 20_000, 3, 1), f).value();
            assertEquals(exact, est, 0.06 * exact, name);
        }
    }
}
