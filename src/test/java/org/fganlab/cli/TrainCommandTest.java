package org.fganlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fganlab.density.GaussianMixture2D;
import org.fganlab.gan.ModeCoverage;
import org.fganlab.gan.Trainer;
import org.fganlab.gan.TrainingResult;
import org.fganlab.report.Json;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code fganlab train}: JSON summary, output files, and exit 2 for each bad input of issue 3. */
class TrainCommandTest {

    private static final String TARGET = "0.33*normal(-1,0.25) + 0.67*normal(2,1.415)";

    @Test
    void jsonSummaryHasTrainedParametersEstimateAndExactDivergence(@TempDir Path dir) throws IOException {
        CliTest.Run r = CliTest.run("train", "--target", TARGET, "--div", "kl", "--steps", "100",
                "--batch", "64", "--log-every", "25", "--json", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.parse(r.out());
        for (String f : new String[] {"mu", "sigma", "final_estimate", "exact", "target", "divergence", "steps", "seed"}) {
            assertTrue(j.has(f), "missing " + f + " in " + r.out());
        }
        assertEquals("kl", j.get("divergence").asText());
        assertTrue(j.get("sigma").asDouble() > 0);
        JsonNode summary = Json.parse(Files.readString(dir.resolve("summary.json")));
        assertEquals(5, summary.get("history").size()); // steps 0, 25, 50, 75, 100
        assertTrue(Files.readString(dir.resolve("history.csv")).startsWith("step,estimate,mu,sigma"));
        assertTrue(Files.size(dir.resolve("training.png")) > 1000);
    }

    @Test
    void humanReadableOutputAndMlpOnRing() {
        CliTest.Run r = CliTest.run("train", "--target", "ring(8,2,0.02)", "--div", "js", "--generator", "mlp",
                "--steps", "10", "--batch", "32", "--loss", "non-saturating");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("variational estimate F ="), r.out());
        assertFalse(r.out().contains("trained mu"), "no mu/sigma for an MLP generator");
        assertTrue(r.out().contains("mode coverage of 2500 samples"), r.out());
    }

    /**
     * A 2-D mixture target gets the mode_coverage block, its numbers those of ModeCoverage on
     * 2,500 samples of the final generator from the seed's own stream; a 1-D target none.
     */
    @Test
    void ringRunReportsModeCoverage() {
        CliTest.Run r = CliTest.run("train", "--target", "ring(8,2,0.02)", "--div", "gan", "--generator", "mlp",
                "--steps", "20", "--batch", "32", "--seed", "5", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode cover = Json.parse(r.out()).get("mode_coverage");
        assertEquals(List.of("modes", "covered", "covered_20", "high_quality_percent", "kl_from_uniform"),
                fieldNames(cover));
        TrainCommand command = new TrainCommand();
        new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true).parseArgs("--target", "ring(8,2,0.02)", "--div", "gan", "--generator", "mlp",
                "--steps", "20", "--batch", "32", "--seed", "5");
        Trainer t = new Trainer(command.config());
        TrainingResult result = t.run(null);
        double[] xy = t.generator().sample(result.generatorParams(), 2500, 32,
                new Well19937c(5 + Trainer.COVERAGE_SEED_OFFSET));
        ModeCoverage.Result m = ModeCoverage.evaluate(GaussianMixture2D.ring(8, 2, 0.02), xy);
        assertEquals(8, cover.get("modes").asInt());
        assertEquals(m.modesCovered(1), cover.get("covered").asInt());
        assertEquals(m.modesCovered(20), cover.get("covered_20").asInt());
        assertEquals(100 * m.highQualityFraction(), cover.get("high_quality_percent").asDouble(), 0.0);
        CliTest.Run oneD = CliTest.run("train", "--target", "normal(1,2)", "--div", "kl", "--steps", "10", "--json");
        assertFalse(Json.parse(oneD.out()).has("mode_coverage"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
        unknown generator; --generator; wavelet; wavelet
        unknown schedule; --schedule; sometimes; sometimes
        bad critic steps; --schedule; alternating:0; '0'
        steps <= 0; --steps; 0; got 0
        negative steps; --steps; -5; got -5
        learning rate <= 0; --lr; 0; learning rate
        unknown loss; --loss; hinge; hinge
        2-D target for the gaussian generator; --target; ring(8,2,0.02); dimension 2
        bad 2-D spec; --target; ring(8,2); ring
        unknown divergence; --div; nope; 'nope'
        """)
    void badInputIsAUsageError(String what, String option, String value, String mentioned, @TempDir Path dir) {
        String target = option.equals("--target") ? value : TARGET;
        String div = option.equals("--div") ? value : "kl";
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("train", "--target", target,
                "--div", div, "--out", dir.resolve("out").toString()));
        if (!option.equals("--target") && !option.equals("--div")) {
            args.add(option);
            args.add(value);
        }
        CliTest.Run r = CliTest.run(args.toArray(String[]::new));
        assertEquals(2, r.code(), what + ": " + r.err());
        String line = r.err().strip();
        assertFalse(line.contains("\n"), "one line: " + line);
        assertTrue(line.contains(mentioned), "message must name '" + mentioned + "': " + line);
        assertFalse(Files.exists(dir.resolve("out")), "nothing written on bad input");
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
