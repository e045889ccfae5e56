package org.fganlab.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fganlab.density.Density;
import org.fganlab.density.DensitySpec;
import org.fganlab.divergence.Divergences;
import org.fganlab.divergence.FDivergence;
import org.fganlab.theory.ExactDivergence;
import org.junit.jupiter.api.Test;

/** The classifier density ratio and the variational critic bound on pairs with known values. */
class TrainedEstimatorsTest {

    private static final NetworkSettings NET = NetworkSettings.DEFAULT;

    @Test
    void classifierRecoversDivergencesOfAnEasyPair() {
        Density p = DensitySpec.parse("normal(0,1)");
        Density q = DensitySpec.parse("normal(1,1)");
        ClassifierRatio.Fit fit = ClassifierRatio.fit(Samples.draw(p, 4000, 21, 0),
                Samples.draw(q, 4000, 21, 1), NET, 5);
        for (String name : new String[] {"kl", "js", "tv", "hellinger"}) {
            FDivergence f = Divergences.byName(name);
            double exact = ExactDivergence.standard().divergence(f, p, q).value();
            double[][] t = ClassifierRatio.terms(fit, f);
            double se = Math.hypot(Bootstrap.standardError(t[0]), Bootstrap.standardError(t[1]));
            // held-out sampling error (4 SE) plus 10% for the classifier's own error
            assertEquals(exact, ClassifierRatio.estimate(fit, f), 4 * se + 0.1 * exact, name);
        }
    }

    @Test
    void criticBoundIsBelowTheDivergenceAndClose() {
        Density p = DensitySpec.parse("normal(0,1)");
        Density q = DensitySpec.parse("normal(1,1)");
        for (String name : new String[] {"kl", "js", "tv"}) {
            FDivergence f = Divergences.byName(name);
            double exact = ExactDivergence.standard().divergence(f, p, q).value();
            CriticBound.Terms t = CriticBound.fit(Samples.draw(p, 4000, 22, 0),
                    Samples.draw(q, 4000, 22, 1), f, NET, 6);
            double se = t.standardError();
            assertTrue(t.value() <= exact + 4 * se, name + ": bound " + t.value() + " > " + exact);
            assertTrue(t.value() >= 0.8 * exact - 4 * se, name + ": bound " + t.value() + " far below " + exact);
        }
    }

    /** Disjoint supports: JS = log 2 and TV = 1 from a perfect classifier; the critic reaches them. */
    @Test
    void disjointSupportsGiveLog2AndAPerfectCritic() {
        Samples p = Samples.draw(DensitySpec.parse("uniform(0,1)"), 1000, 23, 0);
        Samples q = Samples.draw(DensitySpec.parse("uniform(2,3)"), 1000, 23, 1);
        FDivergence js = Divergences.byName("js");
        FDivergence tv = Divergences.byName("tv");
        ClassifierRatio.Fit fit = ClassifierRatio.fit(p, q, NET, 7);
        assertEquals(Math.log(2), ClassifierRatio.estimate(fit, js), 2e-3);
        assertEquals(1.0, ClassifierRatio.estimate(fit, tv), 2e-3);
        for (double v : fit.logRatioP()) {
            assertTrue(v > 0, "a P point classified as Q");
        }
        for (double v : fit.logRatioQ()) {
            assertTrue(v < 0, "a Q point classified as P");
        }
        CriticBound.Terms criticJs = CriticBound.fit(p, q, js, NET, 8);
        assertEquals(Math.log(2), criticJs.value(), 2e-2);
        assertTrue(criticJs.value() <= Math.log(2) + 1e-12);
        CriticBound.Terms criticTv = CriticBound.fit(p, q, tv, NET, 8);
        assertEquals(1.0, criticTv.value(), 2e-2);
        assertTrue(criticTv.value() <= 1.0 + 1e-12);
    }
}
