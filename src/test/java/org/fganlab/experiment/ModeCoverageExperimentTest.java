package org.fganlab.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fganlab.density.StandardNormal;
import org.fganlab.gan.GeneratorLoss;
import org.fganlab.gan.MlpGenerator;
import org.fganlab.gan.ModeCoverage;
import org.fganlab.nn.Activation;
import org.fganlab.report.Tables;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModeCoverageExperimentTest {

    private static final ModeCoverageExperiment.Case RING = ModeCoverageExperiment.CASES.get(0);

    @Test
    void drawingInChunksGivesTheSameSamplesAsOneBatch() {
        MlpGenerator g = new MlpGenerator(2, new int[] {8}, 2, Activation.RELU, 50);
        double[] theta = new double[g.parameterCount()];
        g.initialize(theta, new Well19937c(3));
        double[] chunked = g.sample(theta, 50, 7, new Well19937c(11));
        double[] whole = g.sample(theta, 50, 50, new Well19937c(11));
        assertEquals(100, chunked.length);
        assertArrayEquals(whole, chunked);
        // the first sample is G(z) with z the first two normals of the stream
        Well19937c rng = new Well19937c(11);
        double[] z = {StandardNormal.sample(rng), StandardNormal.sample(rng)};
        double[] x = new double[2];
        g.generate(theta, z, 1, x);
        assertArrayEquals(x, new double[] {whole[0], whole[1]});
    }

    @Test
    void aRunIsBitIdenticalForTheSameSeed() {
        ModeCoverageExperiment.Player kl = ModeCoverageExperiment.PLAYERS.get(0);
        ModeCoverageExperiment.Run a = ModeCoverageExperiment.train(RING, kl, 5, 20);
        ModeCoverageExperiment.Run b = ModeCoverageExperiment.train(RING, kl, 5, 20);
        assertTrue(a.ok(), a.failure());
        assertEquals(2 * ModeCoverageExperiment.SAMPLES, a.samples().length);
        assertArrayEquals(a.samples(), b.samples());
        assertEquals(ModeCoverage.evaluate(RING.mixture(), a.samples()), a.metrics(), "metrics of the scored samples");
    }

    private static ModeCoverageExperiment.Run fake(ModeCoverageExperiment.Player p, long seed, int[] counts) {
        // samples exactly at the modes, counts[j] at mode j, padded with far points to 100 samples
        List<Double> xy = new ArrayList<>();
        for (int j = 0; j < counts.length; j++) {
            for (int c = 0; c < counts[j]; c++) {
                xy.add(RING.mixture().modeX(j));
                xy.add(RING.mixture().modeY(j));
            }
        }
        while (xy.size() < 200) {
            xy.add(0.0);
        }
        double[] s = xy.stream().mapToDouble(Double::doubleValue).toArray();
        return new ModeCoverageExperiment.Run(RING, p, seed, ModeCoverage.evaluate(RING.mixture(), s), s, null);
    }

    @Test
    void findingsFollowTheNumbers() {
        ModeCoverageExperiment.Player kl = ModeCoverageExperiment.PLAYERS.get(0);
        ModeCoverageExperiment.Player rkl = ModeCoverageExperiment.PLAYERS.get(1);
        int[] spread = {10, 10, 10, 10, 10, 10, 10, 10};
        int[] one = {80, 0, 0, 0, 0, 0, 0, 0};
        // kl covers 0 modes (10 < 20 per mode), reverse KL 1 mode with 80 % high quality
        var klCell = new ModeCoverageExperiment.Cell(RING, kl, List.of(fake(kl, 1, spread), fake(kl, 2, spread)));
        var rklCell = new ModeCoverageExperiment.Cell(RING, rkl, List.of(fake(rkl, 1, one), fake(rkl, 2, one)));
        assertEquals(0.0, klCell.mean(ModeCoverageExperiment::covered));
        assertEquals(80.0, rklCell.mean(ModeCoverageExperiment::hqPercent));
        assertEquals(0.0, rklCell.std(ModeCoverageExperiment::hqPercent));
        String text = ModeCoverageSection.findings(RING, List.of(klCell, rklCell));
        assertTrue(text.contains("No objective covered every mode"), text);
        assertTrue(text.contains("Fewer than half the modes on average: kl (0), reverse-kl (1)"), text);
        assertTrue(text.contains("modes covered: kl 0, reverse-kl 1 (not in the expected order; the gap 1 is larger than"), text);
        assertTrue(text.contains("high-quality %: kl 80, reverse-kl 80 (in the expected order; the gap 0 is within"), text);
        int[] full = {25, 25, 25, 25, 25, 25, 25, 25};
        var allCell = new ModeCoverageExperiment.Cell(RING, kl, List.of(fake(kl, 1, full)));
        var rklOne = new ModeCoverageExperiment.Cell(RING, rkl, List.of(fake(rkl, 1, one)));
        String text2 = ModeCoverageSection.findings(RING, List.of(allCell, rklOne));
        assertTrue(text2.contains("Every mode covered in every seed: kl."), text2);
        assertTrue(text2.contains("modes covered: kl 8, reverse-kl 1 (in the expected order; fewer than two seeds"), text2);
    }

    @Test
    void quickRunWritesValidPlotsReferencedFromTheSectionAndNumbersFromTheSummary(@TempDir Path dir)
            throws IOException {
        Experiment.Outcome o = ExperimentFiles.runQuickAndCheckPlots(new ModeCoverageExperiment(), dir, 7,
                ModeCoverageExperiment.CASES.stream().map(ModeCoverageSection::scatterFile).toArray(String[]::new));
        String section = o.section().apply("");
        JsonNode cells = org.fganlab.report.Json.parse(org.fganlab.report.Json.toText(o.summary())).get("cells");
        assertEquals(ModeCoverageExperiment.CASES.size() * ModeCoverageExperiment.PLAYERS.size(), cells.size());
        List<String> csv = Files.readAllLines(dir.resolve("runs.csv"));
        assertEquals(1 + cells.size(), csv.size(), "one CSV row per run (quick: one seed)");
        for (JsonNode c : cells) {
            if (c.get("runs").asInt() == 0) {
                continue;
            }
            // the table row quotes exactly the summary's numbers
            String row = "| " + c.get("target").asText() + " | " + c.get("objective").asText() + " | "
                    + c.get("generator_loss").asText() + " | 1/1 | "
                    + Tables.number(c.get("modes_covered").asDouble()) + " | "
                    + Tables.number(c.get("high_quality_percent").asDouble()) + " | "
                    + Tables.number(c.get("kl_from_uniform").asDouble()) + " |";
            assertTrue(section.contains(row), "missing row " + row);
            assertTrue(o.headline().contains(c.get("objective").asText() + " "
                    + Tables.number(c.get("modes_covered").asDouble())), o.headline());
        }
        assertEquals(GeneratorLoss.NON_SATURATING, ModeCoverageExperiment.PLAYERS.get(3).loss());
    }
}
