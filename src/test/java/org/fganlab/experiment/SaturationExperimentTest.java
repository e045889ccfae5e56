package org.fganlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fganlab.divergence.Divergences;
import org.fganlab.divergence.FDivergence;
import org.fganlab.divergence.SpecialFunctions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SaturationExperimentTest {

    /** The registry's GAN-row derivatives are the closed forms D and 1 − D, D = σ(v). */
    @ParameterizedTest
    @MethodSource("slopesAreDAndOneMinusDCases")
    void slopesAreDAndOneMinusD(double d) {
        double v = SaturationExperiment.logit(d);
        assertEquals(d, SpecialFunctions.sigmoid(v), 1e-15 * Math.max(1, 1 / d) * d + 1e-16);
        double[] s = SaturationExperiment.logitSlopes(v);
        assertEquals(d, s[0], 1e-12 * d);
        assertEquals(1 - d, s[1], 1e-12 * (1 - d) + 1e-16);
    }

    /** The slopes are the derivatives of the loss values log(1 − D) and −log D (central differences). */
    @ParameterizedTest
    @MethodSource("slopesAreDerivativesOfTheLossValuesCases")
    void slopesAreDerivativesOfTheLossValues(double v) {
        FDivergence gan = Divergences.byName("gan");
        double h = 1e-5;
        // log(1 − D) = −f*(g_f(v)); −log D = −g_f(v); both checked against the hand forms first
        assertEquals(Math.log1p(-SpecialFunctions.sigmoid(v)), -gan.conjugateOfActivation(v), 1e-12);
        assertEquals(-Math.log(SpecialFunctions.sigmoid(v)), -gan.outputActivation(v), 1e-12);
        double minimax = (-gan.conjugateOfActivation(v + h) + gan.conjugateOfActivation(v - h)) / (2 * h);
        double nonSat = (-gan.outputActivation(v + h) + gan.outputActivation(v - h)) / (2 * h);
        double[] s = SaturationExperiment.logitSlopes(v);
        assertEquals(Math.abs(minimax), s[0], 1e-8);
        assertEquals(Math.abs(nonSat), s[1], 1e-8);
    }

    @Test
    void logitGridSpansTheStatedRangeOfD() {
        double[] v = SaturationExperiment.logitGrid();
        assertEquals(401, v.length);
        assertEquals(1e-6, SpecialFunctions.sigmoid(v[0]), 1e-18);
        assertEquals(1 - 1e-6, SpecialFunctions.sigmoid(v[400]), 1e-15);
        assertEquals(0.0, v[200], 1e-12);
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(2.0, SaturationExperiment.median(new double[] {3, 1, 2}), 0.0);
        assertEquals(2.5, SaturationExperiment.median(new double[] {4, 1, 3, 2}), 0.0);
    }

    /** Part 3 on a quick grid: every point satisfies both identities within the error estimates. */
    @Test
    void identitiesHoldWithinTheirErrorEstimatesOnTheQuickGrid() {
        var rows = SaturationExperiment.identities(true);
        assertEquals(2 * SaturationExperiment.QUICK_GRID_MU.length
                * SaturationExperiment.QUICK_GRID_SIGMA.length, rows.size());
        for (var r : rows) {
            for (boolean ns : new boolean[] {false, true}) {
                assertTrue(Math.abs(r.residual(ns)) <= r.tolerance(ns),
                        r + " residual " + r.residual(ns) + " tolerance " + r.tolerance(ns));
                assertTrue(r.tolerance(ns) < 1e-5, "the check must be sharp: " + r.tolerance(ns));
            }
        }
    }

    static double[] slopesAreDAndOneMinusDCases() {
        return new double[] {1e-6, 1e-4, 0.01, 0.3, 0.5, 0.9, 0.999999};
    }

    static double[] slopesAreDerivativesOfTheLossValuesCases() {
        return new double[] {-12, -5, -1, 0, 2, 8};
    }
}
