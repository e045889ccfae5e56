package org.fganlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.fganlab.density.DensitySpec;
import org.fganlab.density.Density;
import org.fganlab.density.Normal;
import org.fganlab.divergence.Divergences;
import org.fganlab.divergence.FDivergence;
import org.fganlab.theory.ExactDivergence;
import org.junit.jupiter.api.Test;

class BoundTightnessExperimentTest {

    private static final FDivergence KL = Divergences.byName("kl");

    private static BoundTightnessExperiment.LogPoint point(int step, double exactBefore,
            double fBefore, double se, double exactAfter, double fAfter) {
        return new BoundTightnessExperiment.LogPoint(step, 0.0, exactBefore,
                new CriticProbe.Estimate(fBefore, se), exactAfter,
                new CriticProbe.Estimate(fAfter, se), 0.0, 1.0);
    }

    /** Hand-computed cell: 8 points per seed, last quarter = last 2 points. */
    @Test
    void cellStatisticsByHand() {
        List<BoundTightnessExperiment.LogPoint> a = new ArrayList<>();
        List<BoundTightnessExperiment.LogPoint> b = new ArrayList<>();
        for (int s = 1; s <= 6; s++) {
            a.add(point(s, Double.POSITIVE_INFINITY, 1.0, 0.1, 5.0, 1.0));  // D_f = +∞: left out
            b.add(point(s, 2.0, 1.9, 0.01, 2.0, 1.8));
        }
        a.add(point(7, 1.0, 0.7, 0.1, 1.0, 0.6));   // gap before 0.3, after 0.4
        a.add(point(8, 1.0, 0.9, 0.1, 0.95, 0.7));  // 0.1, 0.25
        b.add(point(7, 0.5, 0.52, 0.01, 0.5, 0.5));  // −0.02 (< −3 s.e. = −0.03? no), after 0
        b.add(point(8, 0.5, 0.6, 0.01, 0.4, 0.3));   // −0.1 (significant), after 0.1
        var cell = BoundTightnessExperiment.cell(List.of(
                new BoundTightnessExperiment.Run(KL, 5, 1, a),
                new BoundTightnessExperiment.Run(KL, 5, 2, b)));
        assertEquals(5, cell.criticSteps());
        assertEquals((0.3 + 0.1 - 0.02 - 0.1) / 4, cell.finalGapBefore(), 1e-12);
        assertEquals((0.4 + 0.25 + 0.0 + 0.1) / 4, cell.finalGapAfter(), 1e-12);
        assertEquals((0.1 + 0.15 + 0.02 + 0.2) / 4, cell.staleIncrease(), 1e-12);
        assertEquals(2, cell.negative());
        assertEquals(1, cell.significantlyNegative());
        assertEquals(6, cell.infinite());
        assertEquals(16, cell.points());
        assertEquals((0.95 + 0.4) / 2, cell.finalExact(), 1e-12);
    }

    @Test
    void finiteMeanSkipsInfinitiesAndIsNanWhenNothingIsLeft() {
        var pts = List.of(point(1, Double.POSITIVE_INFINITY, 0, 0, 0, 0), point(2, 3, 1, 0, 0, 0));
        assertEquals(2.0, BoundTightnessExperiment.finiteMean(pts,
                BoundTightnessExperiment.LogPoint::gapBefore), 0.0);
        assertTrue(Double.isNaN(BoundTightnessExperiment.finiteMean(pts.subList(0, 1),
                BoundTightnessExperiment.LogPoint::gapBefore)));
    }

    /**
     * A short real run: the logged exact values are the quadrature divergences of the logged
     * generator, and the gap before a step at s equals the gap after step s − 1 only in D_f (the
     * critic moved), so check the exact side and the bound within 3 standard errors.
     */
    @Test
    void shortRunLogsExactDivergencesOfItsGeneratorAndRespectsTheBound() {
        Density p = DensitySpec.parse(GaussianFitExperiment.TARGET);
        var log = BoundTightnessExperiment.train(p, KL, 5, 6, 3, 11);
        assertEquals(2, log.size());
        assertEquals(3, log.get(0).step());
        for (var pt : log) {
            assertEquals(ExactDivergence.standard().divergence(KL, p, new Normal(pt.mu(), pt.sigma()))
                    .value(), pt.exactAfter(), 0.0);
            assertTrue(pt.gapBefore() > -3 * pt.estimateBefore().standardError(), pt.toString());
            assertTrue(pt.gapAfter() > -3 * pt.estimateAfter().standardError(), pt.toString());
        }
        assertEquals(log, BoundTightnessExperiment.train(p, KL, 5, 6, 3, 11), "seeded: identical");
    }
}
