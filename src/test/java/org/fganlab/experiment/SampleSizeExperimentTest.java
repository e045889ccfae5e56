package org.fganlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fganlab.experiment.SampleSizeExperiment.Cell;
import org.fganlab.experiment.SampleSizeExperiment.Result;
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

    private static Cell c(int n, double relRmse) {
        return new Cell("p", "kl", "knn", false, n, 20, 1.0, 1.0, 0.0, relRmse, relRmse, Double.NaN, 0.0);
    }
}
