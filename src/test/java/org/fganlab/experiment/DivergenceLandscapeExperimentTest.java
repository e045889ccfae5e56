package org.fganlab.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fganlab.divergence.Divergences;
import org.fganlab.divergence.FDivergence;
import org.fganlab.experiment.DivergenceLandscapeExperiment.Family;
import org.fganlab.experiment.DivergenceLandscapeExperiment.FamilyResult;
import org.fganlab.theory.ExactDivergence;
import org.hipparchus.special.Erf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DivergenceLandscapeExperimentTest {

    private static final ExactDivergence EXACT = ExactDivergence.standard();

    @Test
    void localRatioOfKlIsExactlyOneBecauseKlIsHalfThetaSquared() {
        // KL(N(θ,1)‖N(0,1)) = θ²/2 exactly
        for (double theta : new double[] {1e-2, 1e-3, -0.5}) {
            assertEquals(1.0, DivergenceLandscapeExperiment.localRatio(EXACT, Divergences.byName("kl"), theta), 1e-12);
        }
    }

    @Test
    void localRatioOfPearsonMatchesItsClosedForm() {
        // χ²(N(θ,1)‖N(0,1)) = e^{θ²} − 1, so the ratio is 2·expm1(θ²)/θ² = 2 + θ² + …
        double theta = 1e-2;
        double expected = 2 * Math.expm1(theta * theta) / (theta * theta);
        assertEquals(expected, DivergenceLandscapeExperiment.localRatio(EXACT, Divergences.byName("pearson"), theta), 1e-11);
        assertEquals(2.0001, expected, 1e-8);
    }

    @Test
    void localRatioSubtractsTheGanOffsetAndTvGrowsLikeOneOverTheta() {
        FDivergence gan = Divergences.byName("gan");
        // without subtracting f(1) = −log 4 the ratio would be about −2.8e6
        assertEquals(0.5, DivergenceLandscapeExperiment.localRatio(EXACT, gan, 1e-3), 1e-6);
        double theta = 1e-3;
        double tv = Erf.erf(theta / 2 / Math.sqrt(2)); // 2Φ(θ/2) − 1
        assertEquals(tv / (theta * theta / 2),
                DivergenceLandscapeExperiment.localRatio(EXACT, Divergences.byName("tv"), theta), 1e-6);
        assertThrows(IllegalArgumentException.class,
                () -> DivergenceLandscapeExperiment.localRatio(EXACT, gan, 0.0));
    }

    @Test
    void localRowComparesWithSecondDerivative() {
        DivergenceLandscapeExperiment.LocalRow row = DivergenceLandscapeExperiment.localRow(EXACT, Divergences.byName("js"));
        assertEquals(0.25, row.secondDerivative());
        // JS: rel error ≈ θ²/2 → 5e-5 at θ = 1e-2 … measured 1.25e-5; must shrink ~100× per decade
        assertTrue(row.relativeErrors()[0] < 1e-4 && row.relativeErrors()[1] < 1e-6, row.toString());
        assertTrue(row.relativeErrors()[1] < row.relativeErrors()[0] / 50);
    }

    @Test
    void gridsIncludeZeroAndAvoidTheInfinityBoundaries() {
        for (int n : new int[] {DivergenceLandscapeExperiment.SHIFT_POINTS, DivergenceLandscapeExperiment.QUICK_SHIFT_POINTS}) {
            double[] g = Family.SHIFT.grid(n);
            assertEquals(0.0, g[(n - 1) / 2]);
            assertEquals(-4.0, g[0]);
            assertEquals(4.0, g[n - 1]);
        }
        for (int n : new int[] {DivergenceLandscapeExperiment.SCALE_POINTS, DivergenceLandscapeExperiment.QUICK_SCALE_POINTS}) {
            double[] g = Family.SCALE.grid(n);
            assertEquals(0.25, g[0], 1e-15);
            assertEquals(4.0, g[n - 1], 1e-14);
            for (double s : g) {
                assertTrue(Math.abs(s / Math.sqrt(2) - 1) > 3e-3 && Math.abs(s * Math.sqrt(2) - 1) > 3e-3, "s = " + s);
            }
        }
    }

    @Test
    void scaleFamilyIsInfiniteExactlyWhereTheoryPutsIt() {
        List<FDivergence> fs = List.of(Divergences.byName("pearson"), Divergences.byName("neyman"), Divergences.byName("kl"));
        FamilyResult r = DivergenceLandscapeExperiment.evaluate(EXACT, fs, Family.SCALE, 8);
        // grid s = 0.25·16^(i/7): 0.25, 0.37, 0.55, 0.82, 1.22, 1.81, 2.69, 4
        double inf = Double.POSITIVE_INFINITY;
        assertEquals(inf, r.values()[0][5]);
        assertTrue(Double.isFinite(r.values()[0][4]));
        assertEquals(inf, r.values()[1][2]);
        assertTrue(Double.isFinite(r.values()[1][3]));
        assertEquals(3, r.infiniteCount(0));
        assertEquals(3, r.infiniteCount(1));
        assertEquals(0, r.infiniteCount(2));
        for (int k = 0; k < 4; k++) {
            assertTrue(DivergenceLandscapeExperiment.infinitiesMatchTheory(r, k), r.names().get(k));
        }
        // closed forms agree, including on +∞ (deviation 0 there, not NaN)
        assertTrue(r.maxRelativeDeviation(0) < 1e-11);
        assertTrue(r.maxRelativeDeviation(1) < 1e-11);
        assertTrue(DivergenceLandscapeSection.seriesName(r, 0).endsWith("+inf for s >= sqrt 2"));
        assertTrue(DivergenceLandscapeSection.seriesName(r, 1).endsWith("+inf for s <= 1/sqrt 2"));
        assertEquals("kl", DivergenceLandscapeSection.seriesName(r, 2));
        // a finite value where theory says +∞ is a mismatch
        r.values()[0][7] = 1.0;
        assertFalse(DivergenceLandscapeExperiment.infinitiesMatchTheory(r, 0));
        assertEquals(inf, r.maxRelativeDeviation(0));
    }

    @Test
    void lastFiniteBeforeInfinityMarksTheEdgeOfTheInfiniteRun() {
        double inf = Double.POSITIVE_INFINITY;
        assertEquals(1, DivergenceLandscapeExperiment.lastFiniteBeforeInfinity(new double[] {1, 2, inf, inf}));
        assertEquals(2, DivergenceLandscapeExperiment.lastFiniteBeforeInfinity(new double[] {inf, inf, 3, 4}));
        assertEquals(-1, DivergenceLandscapeExperiment.lastFiniteBeforeInfinity(new double[] {1, 2}));
        assertEquals(-1, DivergenceLandscapeExperiment.lastFiniteBeforeInfinity(new double[] {inf}));
    }

    @Test
    void closedFormOfW1CoversBothFamilies() {
        assertEquals(2.5, DivergenceLandscapeExperiment.closedForm("w1", -2.5, 1), 0);
        assertEquals(Math.sqrt(2 / Math.PI), DivergenceLandscapeExperiment.closedForm("w1", 0, 2), 1e-16);
        assertTrue(Double.isNaN(DivergenceLandscapeExperiment.closedForm("w1", 1, 2)));
        assertTrue(Double.isNaN(DivergenceLandscapeExperiment.closedForm("js", 1, 1)));
        assertEquals(0.5, DivergenceLandscapeExperiment.closedForm("alpha:2", Math.sqrt(Math.log(2)), 1), 1e-15);
    }

    @Test
    void quickRunWritesValidPngsReferencedFromTheSectionAndNumbersFromSummary(@TempDir Path dir) throws IOException {
        Experiment.Outcome o = ExperimentFiles.runQuickAndCheckPlots(new DivergenceLandscapeExperiment(), dir, 1,
                "shift.png", "scale.png");
        String section = o.section().apply("");
        String scale = Files.readString(dir.resolve("scale.csv"));
        assertTrue(scale.contains("Infinity"));
        JsonNode summary = new ObjectMapper().readTree(o.summary().toString());
        assertEquals(0, summary.get("infinity_mismatches").asInt());
        double worst = summary.get("max_relative_deviation_from_closed_forms").asDouble();
        assertTrue(worst < 1e-10, "deviation " + worst);
        assertTrue(section.contains(org.fganlab.report.Tables.number(worst)));
        assertTrue(o.headline().contains(org.fganlab.report.Tables.number(
                summary.get("max_local_relative_error_at_smallest_theta").asDouble())));
        assertArrayEquals(new int[] {25, 24}, new int[] {
                summary.get("families").get(0).get("points").asInt(), summary.get("families").get(1).get("points").asInt()});
    }
}
