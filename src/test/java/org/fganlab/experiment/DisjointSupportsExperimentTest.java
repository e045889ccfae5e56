package org.fganlab.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.fganlab.divergence.Divergences;
import org.fganlab.gan.Objective;
import org.fganlab.report.Tables;
import org.fganlab.theory.ExactDivergence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DisjointSupportsExperimentTest {

    private static final double LOG2 = Math.log(2);
    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void uniformsHaveTheHandComputedValues() {
        DisjointSupportsExperiment.Line line = DisjointSupportsExperiment.line(ExactDivergence.standard(),
                new double[] {0, 0.5, -0.25, 1, 2.5});
        // KL: +∞ as soon as θ ≠ 0 (P has mass where q = 0)
        assertArrayEquals(new double[] {0, INF, INF, INF, INF}, line.values()[0]);
        // JSD = min(|θ|,1)·log 2, TV = min(|θ|,1), W1 = |θ|
        assertArrayEquals(new double[] {0, 0.5 * LOG2, 0.25 * LOG2, LOG2, LOG2}, line.values()[1], 1e-14);
        assertArrayEquals(new double[] {0, 0.5, 0.25, 1, 1}, line.values()[2], 1e-14);
        assertArrayEquals(new double[] {0, 0.5, 0.25, 1, 2.5}, line.values()[3], 1e-14);
        for (int k = 0; k < 4; k++) {
            assertTrue(line.maxDeviation(k) < 1e-14, "row " + k);
        }
        // a finite KL where +∞ is expected counts as an infinite deviation
        line.values()[0][1] = 1e300;
        assertEquals(INF, line.maxDeviation(0));
    }

    @Test
    void segmentsAreMutuallySingularButW1IsTheShift() {
        DisjointSupportsExperiment.Segments s = DisjointSupportsExperiment.segments(new double[] {0, 0.5, -2}, 64);
        assertArrayEquals(new double[] {0, INF, INF}, s.kl());
        assertArrayEquals(new double[] {0, LOG2, LOG2}, s.js(), 1e-15);
        assertArrayEquals(new double[] {0, 1, 1}, s.tv(), 1e-15);
        assertArrayEquals(new double[] {0, 0.5, 2}, s.w1Marginal(), 1e-15);
        assertArrayEquals(new double[] {0, 0.5, 2}, s.w1Lower(), 1e-14);
        assertArrayEquals(new double[] {0, 0.5, 2}, s.w1Upper(), 1e-14);
    }

    @Test
    void gridPutsZeroAndTheTouchingPointsExactlyOnIt() {
        for (int n : new int[] {DisjointSupportsExperiment.POINTS, DisjointSupportsExperiment.QUICK_POINTS}) {
            List<Double> g = java.util.Arrays.stream(DisjointSupportsExperiment.grid(n)).boxed().toList();
            assertTrue(g.contains(0.0) && g.contains(1.0) && g.contains(-1.0), "n = " + n);
        }
    }

    private static SegmentCritic critic(Objective o, int iterations) {
        return new SegmentCritic(new SegmentCritic.Config(o, 1.0, iterations, 5, 16, 32, 5e-3, 11));
    }

    /** The backpropagated generator gradient equals a central finite difference of L_G(θ). */
    @Test
    void generatorGradientMatchesFiniteDifferences() {
        for (Objective o : List.of(new Objective.FGan(Divergences.byName("js")), new Objective.Wasserstein(0.01),
                new Objective.FGan(Divergences.byName("kl")))) {
            for (int iterations : new int[] {1, 20}) {
                SegmentCritic c = critic(o, iterations);
                c.run();
                double h = 1e-5;
                double fd = (c.generatorLoss(1 + h) - c.generatorLoss(1 - h)) / (2 * h);
                double g = c.generatorGradient();
                assertEquals(fd, g, 1e-7 * Math.max(Math.abs(fd), 1e-3), o.name() + " after " + iterations);
            }
        }
    }

    @Test
    void clippedCriticStaysInsideTheBoxAndBelowTheSlopeBound() {
        SegmentCritic c = critic(new Objective.Wasserstein(0.01), 50);
        SegmentCritic.Trace t = c.run();
        for (double p : c.params()) {
            assertTrue(Math.abs(p) <= 0.01, "parameter " + p);
        }
        double bound = SegmentCritic.clippedSlopeBound(0.01);
        assertEquals(0.01 * 0.01 * 0.01 * 64 * 64, bound, 1e-18);
        for (double g : t.gradient()) {
            assertTrue(Math.abs(g) <= bound, "gradient " + g);
        }
        // F_W ≤ bound·|θ| with θ = 1
        for (double f : t.estimate()) {
            assertTrue(f <= bound, "estimate " + f);
        }
    }

    @Test
    void sameSeedGivesTheSameTrace() {
        Objective js = new Objective.FGan(Divergences.byName("js"));
        SegmentCritic.Trace a = critic(js, 30).run();
        SegmentCritic.Trace b = critic(js, 30).run();
        assertArrayEquals(a.gradient(), b.gradient(), 0);
        assertArrayEquals(a.estimate(), b.estimate(), 0);
        assertArrayEquals(new int[] {0, 5, 10, 15, 20, 25, 30}, a.steps());
    }

    @Test
    void quickRunShowsTheVanishingJsGradientAndMatchesItsSummary(@TempDir Path dir) throws IOException {
        Experiment.Outcome o = ExperimentFiles.runQuickAndCheckPlots(new DisjointSupportsExperiment(), dir, 3,
                "values.png", "gradient.png");
        String section = o.section().apply("");
        JsonNode t = new ObjectMapper().readTree(o.summary().toString()).get("critic_training");
        double jsEnd = t.get("js_gradient_end_geomean").asDouble();
        double wEnd = t.get("wasserstein_gradient_end_geomean").asDouble();
        double jsStart = t.get("js_gradient_start_geomean").asDouble();
        // after 200 steps the JS gradient has fallen at least 10-fold and is far below the W one
        assertTrue(jsEnd < jsStart / 10 && jsEnd < wEnd / 3, jsStart + " → " + jsEnd + " vs W " + wEnd);
        assertTrue(wEnd > 0.5 * t.get("clipped_slope_bound").asDouble(), "W gradient " + wEnd);
        assertTrue(Math.abs(t.get("js_final_objective_mean").asDouble() - LOG2) < 0.01);
        assertTrue(o.headline().contains(Tables.number(jsEnd)) && o.headline().contains(Tables.number(wEnd)));
        assertTrue(section.contains(Tables.number(jsStart / jsEnd)));
    }
}
