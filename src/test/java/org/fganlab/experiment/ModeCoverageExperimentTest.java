package org.fganlab.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fganlab.density.StandardNormal;
import org.fganlab.estimate.Bootstrap;
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
        return new ModeCoverageExperiment.Run(RING, p, seed, ModeCoverage.evaluate(RING.mixture(), s), s, List.of(), null);
    }

    @Test
    void findingsFollowTheNumbers() {
        ModeCoverageExperiment.Player kl = ModeCoverageExperiment.PLAYERS.get(0);
        ModeCoverageExperiment.Player rkl = ModeCoverageExperiment.PLAYERS.get(1);
        int[] spread = {10, 10, 10, 10, 10, 10, 10, 10};
        int[] one = {80, 0, 0, 0, 0, 0, 0, 0};
        // kl puts a high-quality sample on all 8 modes (but 20 on none), reverse KL on 1 mode;
        // both have 80 % high quality
        var klCell = new ModeCoverageExperiment.Cell(RING, kl, List.of(fake(kl, 1, spread), fake(kl, 2, spread)));
        var rklCell = new ModeCoverageExperiment.Cell(RING, rkl, List.of(fake(rkl, 1, one), fake(rkl, 2, one)));
        assertEquals(8.0, klCell.mean(ModeCoverageExperiment::covered));
        assertEquals(0.0, klCell.mean(ModeCoverageExperiment::covered20));
        assertEquals(80.0, rklCell.mean(ModeCoverageExperiment::hqPercent));
        assertEquals(0.0, rklCell.std(ModeCoverageExperiment::hqPercent));
        String text = ModeCoverageSection.findings(RING, List.of(klCell, rklCell));
        assertTrue(text.contains("Every mode covered in every seed: kl."), text);
        assertTrue(text.contains("Fewer than half the modes on average: reverse-kl (1)"), text);
        assertTrue(text.contains("modes covered: kl 8, reverse-kl 1 (in the expected order; the gap 7 is larger than"), text);
        assertTrue(text.contains("high-quality %: kl 80, reverse-kl 80 (in the expected order; the gap 0 is within"), text);
        var rklOne = new ModeCoverageExperiment.Cell(RING, rkl, List.of(fake(rkl, 1, one)));
        String text2 = ModeCoverageSection.findings(RING, List.of(klCell, rklOne));
        assertTrue(text2.contains("modes covered: kl 8, reverse-kl 1 (in the expected order; fewer than two seeds"), text2);
    }

    /**
     * The difference from the reference row: its bootstrap interval lies within the range of
     * the possible differences of resampled means, excludes 0 when every seed of one row beats
     * every seed of the other, and needs two seeds on each side; the acceptance sentence quotes
     * the reference row's means against PacGAN's.
     */
    @Test
    void differencesFromTheReferenceRowAndTheAcceptance() {
        ModeCoverageExperiment.Player kl = ModeCoverageExperiment.PLAYERS.get(0);
        ModeCoverageExperiment.Player ns = ModeCoverageExperiment.PLAYERS.get(5);
        assertEquals(ModeCoverageExperiment.REFERENCE, ns.label());
        int[] seven = {20, 20, 20, 20, 20, 20, 20, 0};
        int[] six = {20, 20, 20, 20, 20, 20, 0, 0};
        int[] three = {20, 20, 20, 0, 0, 0, 0, 0};
        int[] two = {20, 20, 0, 0, 0, 0, 0, 0};
        var ref = new ModeCoverageExperiment.Cell(RING, ns, List.of(fake(ns, 1, seven), fake(ns, 2, six)));
        var low = new ModeCoverageExperiment.Cell(RING, kl, List.of(fake(kl, 1, three), fake(kl, 2, two)));
        Bootstrap.Interval ci = low.difference(ref, ModeCoverageExperiment::covered, 3);
        // resampled means: kl ∈ {2, 2.5, 3}, reference ∈ {6, 6.5, 7}: differences in [−5, −3]
        assertTrue(ci.low() >= -5 && ci.high() <= -3 && ci.low() < ci.high(), ci.toString());
        assertEquals(ci, low.difference(ref, ModeCoverageExperiment::covered, 3), "seeded");
        var single = new ModeCoverageExperiment.Cell(RING, kl, List.of(fake(kl, 1, three)));
        assertNull(single.difference(ref, ModeCoverageExperiment::covered, 3));
        // every sample of the reference lies on a mode (140 and 120 samples, no padding): 100 % high
        // quality and 6.5 modes, which meets the ring's bar and misses the grid's 17.3
        ModeCoverageExperiment.Case grid = ModeCoverageExperiment.CASES.get(1);
        ModeCoverageExperiment.Result r = new ModeCoverageExperiment.Result(Experiment.Size.FULL, 2, 10, 3,
                List.of(low, ref, new ModeCoverageExperiment.Cell(grid, kl, low.runs()),
                        new ModeCoverageExperiment.Cell(grid, ns, ref.runs())));
        String text = ModeCoverageSection.acceptance(r);
        assertTrue(text.contains("**ring**: gan-ns reaches 6.5 modes at 100% high quality against PacGAN's"
                + " GAN row's 6.3 modes and the required 90%: met."), text);
        assertTrue(text.contains("**grid**: gan-ns reaches 6.5 modes at 100% high quality against PacGAN's"
                + " GAN row's 17.3 modes and the required 90%: not met."), text);
        assertTrue(text.contains("kl (modes, lower)"), text);
    }

    @Test
    void quickRunWritesValidPlotsReferencedFromTheSectionAndNumbersFromTheSummary(@TempDir Path dir)
            throws IOException {
        Experiment.Outcome o = ExperimentFiles.runQuickAndCheckPlots(new ModeCoverageExperiment(), dir, 7,
                ModeCoverageExperiment.CASES.stream().flatMap(c -> java.util.stream.Stream.of(
                        ModeCoverageSection.scatterFile(c), ModeCoverageSection.curveFile(c))).toArray(String[]::new));
        String section = o.section().apply("");
        JsonNode cells = org.fganlab.report.Json.parse(org.fganlab.report.Json.toText(o.summary())).get("cells");
        assertEquals(ModeCoverageExperiment.CASES.size() * ModeCoverageExperiment.PLAYERS.size(), cells.size());
        List<String> csv = Files.readAllLines(dir.resolve("runs.csv"));
        assertEquals(1 + cells.size(), csv.size(), "one CSV row per run (quick: one seed)");
        for (JsonNode c : cells) {
            if (c.get("runs").asInt() == 0) {
                continue;
            }
            // the table row quotes exactly the summary's numbers; one seed: no interval
            String objective = c.get("objective").asText();
            String row = "| " + c.get("target").asText() + " | " + objective + " | "
                    + c.get("generator_loss").asText() + " | 1/1 | "
                    + Tables.number(c.get("covered").asDouble()) + " | "
                    + Tables.number(c.get("covered_20").asDouble()) + " | "
                    + Tables.number(c.get("high_quality_percent").asDouble()) + " | "
                    + Tables.number(c.get("kl_from_uniform").asDouble()) + " | "
                    + (objective.equals(ModeCoverageExperiment.REFERENCE) ? "— | — |" : "n/a | n/a |");
            assertTrue(section.contains(row), "missing row " + row);
            assertTrue(o.headline().contains(objective + " " + Tables.number(c.get("covered").asDouble())),
                    o.headline());
        }
        assertTrue(section.contains("**Quick run**"), section);
        List<String> curves = Files.readAllLines(dir.resolve("curves.csv"));
        assertEquals("target,objective,seed,step,covered,covered_20,high_quality_percent,kl_from_uniform",
                curves.get(0));
        assertEquals(1 + cells.size() * ModeCoverageExperiment.CURVE_POINTS, curves.size(),
                "one curve row per run and point");
        assertEquals(GeneratorLoss.NON_SATURATING, ModeCoverageExperiment.PLAYERS.get(5).loss());
    }
}
