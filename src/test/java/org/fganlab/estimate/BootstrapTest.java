package org.fganlab.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import org.fganlab.density.Density;
import org.fganlab.density.DensitySpec;
import org.fganlab.divergence.Divergences;
import org.fganlab.theory.ExactDivergence;
import org.junit.jupiter.api.Test;

/** Seeded intervals: identical for identical seeds, and covering at about their nominal rate. */
class BootstrapTest {

    @Test
    void percentileIntervalOfKnownReplicates() {
        double[] v = new double[101];
        for (int i = 0; i <= 100; i++) {
            v[i] = 100 - i;
        }
        Bootstrap.Interval ci = Bootstrap.percentile(v);
        assertEquals(2.5, ci.low(), 1e-12);
        assertEquals(97.5, ci.high(), 1e-12);
    }

    @Test
    void sameSeedSameResultsDifferentSeedDifferentIntervals() {
        Density p = DensitySpec.parse("normal(0,1)");
        Density q = DensitySpec.parse("laplace(0.5,1)");
        Samples ps = Samples.draw(p, 600, 4, 0);
        Samples qs = Samples.draw(q, 600, 4, 1);
        Estimation.Request r = new Estimation.Request(List.of(Divergences.byName("kl"),
                Divergences.byName("js")), true, EnumSet.allOf(Estimator.class), 30, 77, 0,
                new NetworkSettings(new int[] {8}, 300, 64, 3e-3, 50, 3));
        List<Estimate> a = Estimation.run(ps, qs, r);
        List<Estimate> b = Estimation.run(ps, qs, r);
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).value(), b.get(i).value(), 0.0, a.get(i).estimator());
            assertEquals(a.get(i).ciLow(), b.get(i).ciLow(), 0.0);
            assertEquals(a.get(i).ciHigh(), b.get(i).ciHigh(), 0.0);
        }
        Estimation.Request other = new Estimation.Request(r.divergences(), true, r.estimators(), 30,
                78, 0, r.network());
        assertNotEquals(a.get(0).ciLow(), Estimation.run(ps, qs, other).get(0).ciLow());
    }

    /**
     * Coverage at small scale (B = 100): 60 independent pairs of samples (n = 2,000) from N(0,1) and
     * N(0.5,1); the 95% intervals of k-NN KL and of the empirical W1 must contain the exact
     * value in at least 51 of 60 (for a true coverage of 95% the count is below 51 with
     * probability 0.07%; the earlier bootstrap over P's per-point terms alone, which ignores
     * Q's sampling, covered 49 of 60 here).
     */
    @Test
    void intervalsCoverTheExactValueAtAboutTheNominalRate() {
        Density p = DensitySpec.parse("normal(0,1)");
        Density q = DensitySpec.parse("normal(0.5,1)");
        double kl = ExactDivergence.standard().divergence(Divergences.byName("kl"), p, q).value();
        double w1 = ExactDivergence.standard().wasserstein1(p, q).value();
        int trials = 60;
        int coveredKl = 0;
        int coveredW1 = 0;
        Estimation.Request r = new Estimation.Request(List.of(Divergences.byName("kl")), true,
                EnumSet.of(Estimator.KNN), 100, 0, 0, NetworkSettings.DEFAULT);
        for (int s = 0; s < trials; s++) {
            Samples ps = Samples.draw(p, 2000, 1000 + s, 0);
            Samples qs = Samples.draw(q, 2000, 1000 + s, 1);
            Estimate e = Estimation.run(ps, qs, r).get(0);
            coveredKl += e.covers(kl) ? 1 : 0;
            double w = EmpiricalW1.distance(ps, qs);
            Bootstrap.Interval ci = Bootstrap.pairs(ps, qs, EmpiricalW1::distance, 100,
                    Seeds.stream(s, 9));
            coveredW1 += ci.low() <= w1 && w1 <= ci.high() ? 1 : 0;
            assertTrue(ci.low() <= w && w <= ci.high());
        }
        assertTrue(coveredKl >= 51, "k-NN KL covered " + coveredKl + "/" + trials);
        assertTrue(coveredW1 >= 51, "W1 covered " + coveredW1 + "/" + trials);
    }
}
