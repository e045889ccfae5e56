package org.fganlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fganlab.density.Density;
import org.fganlab.density.DensitySpec;
import org.fganlab.divergence.Divergences;
import org.fganlab.experiment.SampleSizeExperiment.Cell;
import org.fganlab.experiment.SampleSizeExperiment.Result;
import org.fganlab.quadrature.QuadratureResult;
import org.fganlab.theory.ExactDivergence;
import org.hipparchus.special.Erf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleSizeExperimentTest {

    @TempDir
    Path dir;

    private static Cell cell(List<Cell> cells, String pair, String div, String est, int n) {
        return cells.stream().filter(c -> c.pair().equals(pair) && c.divergence().equals(div)
                && c.estimator().equals(est) && c.n() == n).findFirst().orElseThrow(
                        () -> new AssertionError("no cell " + pair + "/" + div + "/" + est + "/" + n));
    }

    @Test
    void quickRunMeasuresTheDisjointCaseAndWritesItsFiles() throws IOException {
        Experiment.Outcome o = ExperimentFiles.runQuickAndCheckPlots(new SampleSizeExperiment(), dir, 3,
                "rmse-overlapping.png", "rmse-disjoint.png");
        String section = o.section().apply("");
        assertTrue(section.contains("From which n the RMSE is within 10%"));
        assertTrue(section.contains("Disjoint supports"));
        assertTrue(Files.readString(dir.resolve("cells.csv")).startsWith("pair,divergence,estimator"));
        assertFalse(o.summary().toString().contains("NaN"));
    }

    @Test
    void cellsAgreeWithTheirDefinitionsAndTheDisjointValues() {
        Result r = SampleSizeExperiment.compute(SampleSizeExperiment.QUICK, 5, s -> { });
        List<Cell> cells = r.cells();
        // JS of disjoint supports is log 2 for the KDE and the classifier; the critic reaches it
        assertEquals(Math.log(2), cell(cells, "disjoint", "js", "kde", 1000).mean(), 1e-9);
        assertEquals(Math.log(2), cell(cells, "disjoint", "js", "classifier", 100).mean(), 5e-3);
        assertEquals(Math.log(2), cell(cells, "disjoint", "js", "critic", 100).mean(), 5e-3);
        // W1 of the disjoint uniforms is 2; the empirical W1 is within a few 1/√n
        assertEquals(2.0, cell(cells, "disjoint", "w1", "empirical-cdf", 1000).mean(), 0.05);
        // KL is +∞ there: every estimate finite, so the bias is −∞ and the RMSE +∞
        Cell kl = cell(cells, "disjoint", "kl", "knn", 1000);
        assertEquals(Double.POSITIVE_INFINITY, kl.exact());
        assertTrue(Double.isFinite(kl.mean()));
        assertEquals(Double.POSITIVE_INFINITY, kl.rmse());
        for (Cell c : cells) {
            if (Double.isFinite(c.exact()) && Double.isFinite(c.mean())) {
                // RMSE² = bias² + (s−1)/s · sd²
                double expected = Math.sqrt(c.bias() * c.bias() + c.sd() * c.sd() * (c.seeds() - 1) / c.seeds());
                assertEquals(expected, c.rmse(), 1e-9 * Math.max(1, expected), c.toString());
            }
        }
    }

    @Test
    void withinTenPercentIsTheStartOfTheLastRunOfGoodCells() {
        List<Cell> row = List.of(c(100, 0.5), c(1000, 0.05), c(10_000, 0.2), c(100_000, 0.08));
        assertEquals(100_000, SampleSizeExperiment.withinTenPercentFrom(row));
        assertEquals(1000, SampleSizeExperiment.withinTenPercentFrom(List.of(c(100, 0.5), c(1000, 0.09), c(10_000, 0.01))));
        assertEquals(-1, SampleSizeExperiment.withinTenPercentFrom(List.of(c(100, 0.05), c(1000, 0.2))));
    }

    /**
     * The KL mass beyond |x| = R of student(3,0,1) against normal(0,1.5): all of KL at R = 0
     * (the lab's exact value), and for large R the leading term of 2∫_R^∞ c·x^(−4)·x²/(2σ²) dx =
     * c/(σ²R), c = 18/(π√3) the constant of the t₃ tail p ~ c·x^(−4); the next terms are
     * O(log R/R²) relative, 3·10⁻⁵ at R = 1000.
     */
    @Test
    void klBeyondTheReachMatchesTheExactValueAndTheTailAsymptote() {
        Density p = DensitySpec.parse("student(3,0,1)");
        Density q = DensitySpec.parse("normal(0,1.5)");
        double kl = ExactDivergence.standard().divergence(Divergences.byName("kl"), p, q).value();
        assertEquals(kl, SampleSizeExperiment.klBeyond(p, q, 0), 1e-10);
        // the error estimate the prose prints bounds the true error at R = 0 (1e-15 allows for the
        // rounding of the exact value), and beyond R = 3 it is positive but far below the value
        QuadratureResult whole = SampleSizeExperiment.klBeyondResult(p, q, 0);
        assertEquals(QuadratureResult.Status.CONVERGED, whole.status());
        assertTrue(Math.abs(whole.value() - kl) <= whole.errorEstimate() + 1e-15,
                "error " + Math.abs(whole.value() - kl) + " > estimate " + whole.errorEstimate());
        QuadratureResult tail = SampleSizeExperiment.klBeyondResult(p, q, 3);
        assertTrue(tail.errorEstimate() > 0 && tail.errorEstimate() < 1e-10 * tail.value(), "" + tail);
        double c = 18 / (Math.PI * Math.sqrt(3));
        assertEquals(c / (2.25 * 1000), SampleSizeExperiment.klBeyond(p, q, 1000), 1e-4 * c / (2.25 * 1000));
        double r = SampleSizeExperiment.reachForKlBeyond(p, q, 0.1 * kl, 5);
        assertEquals(0.1 * kl, SampleSizeExperiment.klBeyond(p, q, r), 1e-6 * kl);
    }

    /** The reach: the median of max |Y| of n draws, i.e. P(|Y| ≤ R)^n = ½, and its inverse. */
    @Test
    void reachIsTheMedianOfTheLargestDrawAndItsInverseAgrees() {
        Density p = DensitySpec.parse("student(3,0,1)");
        Density q = DensitySpec.parse("normal(0,1.5)");
        for (int n : new int[] {1, 100, 100_000}) {
            double r = SampleSizeExperiment.unseenTail(p, q, n).reach();
            assertEquals(0.5, Math.pow(q.cdf(r) - q.cdf(-r), n), 1e-9, "n = " + n);
        }
        // 2Φ̄(R/σ) = 1 − 2^(−1/n) ≈ ln 2/n, which differs by a relative ln 2/(2n)
        double r5 = SampleSizeExperiment.unseenTail(p, q, 100_000).reach();
        assertEquals(5.0, SampleSizeExperiment.log10DrawsToReach(r5, 1.5), 1e-5);
        // the asymptotic branch (z ≥ 10) against erfc at z = 20, where erfc does not underflow
        double expected = (Math.log(Math.log(2) / 2) - Math.log(0.5 * Erf.erfc(20 / Math.sqrt(2))))
                / Math.log(10);
        assertEquals(expected, SampleSizeExperiment.log10DrawsToReach(30, 1.5), 1e-8 * expected);
    }

    /** The heavy-tailed paragraph is rendered from k-NN cells of that pair, with computed figures. */
    @Test
    void heavyTailParagraphGivesTheUnseenMassNextToTheBias() {
        SampleSizeExperiment.Pair heavy = SampleSizeExperiment.PAIRS.stream()
                .filter(x -> x.label().equals("heavy-tailed")).findFirst().orElseThrow();
        Cell knn = new Cell("heavy-tailed", "kl", "knn", false, 1000, 20, 0.217593, 0.05, -0.17,
                0.04, 0.175, Double.NaN, 0.01);
        Result r = new Result(SampleSizeExperiment.QUICK, List.of(heavy),
                List.of(new double[] {0.217593, 0, 0, 0, 0}), List.of(knn));
        String section = SampleSizeSection.render(new SampleSizeExperiment(), r, dir).section().apply("");
        assertTrue(section.contains("Heavy tail against a Gaussian"), section);
        // R(1000) = 1.5·z with 2Φ̄(z) = 1 − 2^(−1/1000); the mass beyond it 0.1877
        assertTrue(section.contains("n = 1000: R = 5.09, mass beyond 0.18770"), section);
        assertTrue(section.contains("bias -0.17"), section);
    }

    private static Cell c(int n, double relRmse) {
        return new Cell("p", "kl", "knn", false, n, 20, 1.0, 1.0, 0.0, relRmse, relRmse, Double.NaN, 0.0);
    }
}
