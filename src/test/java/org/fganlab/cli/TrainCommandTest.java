package org.fganlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import org.fganlab.gan.GeneratorLoss;
import org.fganlab.gan.ModeCoverage;
import org.fganlab.gan.Objective;
import org.fganlab.gan.Schedule;
import org.fganlab.gan.Trainer;
import org.fganlab.gan.TrainingConfig;
import org.fganlab.gan.TrainingResult;
import org.fganlab.nn.Activation;
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
        gaussian generator with hidden layers; --generator-hidden; 8; hidden layers
        unknown optimizer; --optimizer; sgd; sgd
        beta1 of 1; --beta1; 1; --beta1
        negative beta2; --beta2; -0.1; --beta2
        unknown critic activation; --critic-activation; sigmoid; sigmoid
        critic width 0; --critic-hidden; 0; got 0
        clip with an f-divergence; --clip; 0.1; --clip
        penalty with an f-divergence; --penalty; 10; --penalty
        critic steps 0; --critic-steps; 0; got 0
        negative coverage interval; --coverage-every; -1; got -1
        decay fraction above 1; --lr-decay; 1.5; got 1.5
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

    /** The gaussian generator is 1-D: asked for on a 2-D target, a usage error naming the dimension. */
    @Test
    void gaussianGeneratorOnA2dTargetIsAUsageError() {
        CliTest.Run r = CliTest.run("train", "--target", "ring(8,2,0.02)", "--div", "kl", "--generator", "gaussian");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("dimension 2"), r.err());
    }

    /** Contradicting options: one line naming the culprit, exit 2. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
        clip and penalty; --clip 0.01 --penalty 10; --penalty
        schedule and critic steps; --schedule alternating:2 --critic-steps 3; --critic-steps
        betas with rmsprop; --optimizer rmsprop --beta1 0.5; rmsprop
        negative penalty; --penalty -1; got -1.0
        """)
    void contradictingOptionsAreAUsageError(String what, String options, String mentioned) {
        List<String> args = new ArrayList<>(List.of("train", "--target", "ring(8,2,0.02)", "--div", "w1",
                "--steps", "1"));
        args.addAll(List.of(options.split(" ")));
        CliTest.Run r = CliTest.run(args.toArray(String[]::new));
        assertEquals(2, r.code(), what + ": " + r.err());
        assertFalse(r.err().strip().contains("\n"), r.err());
        assertTrue(r.err().contains(mentioned), what + ": " + r.err());
    }

    /**
     * On a 2-D target every option left out takes the mode-coverage protocol, whose values are
     * spelled out here independently (docs/mode-coverage-protocol.md).
     */
    @Test
    void twoDimensionalTargetDefaultsToTheProtocol() {
        TrainingConfig gan = config("--target", "ring(8,2,0.02)", "--div", "gan");
        assertEquals(TrainingConfig.GeneratorKind.MLP, gan.networks().generator());
        assertArrayEquals(new int[] {128, 128, 128}, gan.networks().generatorHidden());
        assertArrayEquals(new int[] {128, 128, 128}, gan.networks().criticHidden());
        assertEquals(Activation.RELU, gan.networks().criticActivation());
        assertEquals(2, gan.networks().latentDimension());
        assertEquals(256, gan.optimization().batchSize());
        assertEquals(30_000, gan.plan().steps());
        assertEquals(1000, gan.plan().coverageEvery());
        assertEquals(new Schedule(1), gan.plan().schedule());
        assertEquals(new TrainingConfig.Adam(0.5, 0.999, 1e-8), gan.optimization().optimizer());
        assertEquals(5e-4, gan.optimization().learningRate());
        assertEquals(GeneratorLoss.NON_SATURATING, gan.loss());
        assertEquals(GeneratorLoss.MINIMAX, config("--target", "grid(5,2,0.05)", "--div", "kl").loss());

        TrainingConfig clip = config("--target", "grid(5,2,0.05)", "--div", "w1");
        assertEquals(new Objective.Wasserstein(0.01), clip.objective());
        assertEquals(TrainingConfig.RmsProp.WGAN, clip.optimization().optimizer());
        assertEquals(5e-5, clip.optimization().learningRate());
        assertEquals(new Schedule(5), clip.plan().schedule());

        TrainingConfig gp = config("--target", "grid(5,2,0.05)", "--div", "w1", "--penalty", "10");
        assertEquals(Objective.Wasserstein.withGradientPenalty(10), gp.objective());
        assertEquals(new TrainingConfig.Adam(0.0, 0.9, 1e-8), gp.optimization().optimizer());
        assertEquals(1e-4, gp.optimization().learningRate());
        assertEquals(new Schedule(5), gp.plan().schedule());

        // a 1-D target keeps the f-GAN Gaussian-fit defaults
        TrainingConfig oneD = config("--target", TARGET, "--div", "kl");
        assertEquals(TrainingConfig.GeneratorKind.GAUSSIAN, oneD.networks().generator());
        assertEquals(Activation.TANH, oneD.networks().criticActivation());
        assertEquals(1024, oneD.optimization().batchSize());
        assertEquals(Schedule.SINGLE_STEP, oneD.plan().schedule());
        assertEquals(0, oneD.plan().coverageEvery());
    }

    /** Options given override the protocol one by one. */
    @Test
    void optionsOverrideTheProtocol() {
        TrainingConfig c = config("--target", "ring(8,2,0.02)", "--div", "js", "--generator-hidden", "32,16",
                "--critic-hidden", "24", "--critic-activation", "leaky-relu", "--optimizer", "rmsprop",
                "--lr", "1e-3", "--critic-steps", "3", "--batch", "64", "--latent", "3", "--steps", "7",
                "--coverage-every", "2", "--loss", "non-saturating");
        assertArrayEquals(new int[] {32, 16}, c.networks().generatorHidden());
        assertArrayEquals(new int[] {24}, c.networks().criticHidden());
        assertEquals(Activation.LEAKY_RELU, c.networks().criticActivation());
        assertEquals(3, c.networks().latentDimension());
        assertEquals(TrainingConfig.RmsProp.WGAN, c.optimization().optimizer());
        assertEquals(1e-3, c.optimization().learningRate());
        assertEquals(new Schedule(3), c.plan().schedule());
        assertEquals(64, c.optimization().batchSize());
        assertEquals(7, c.plan().steps());
        assertEquals(2, c.plan().coverageEvery());
        assertEquals(GeneratorLoss.NON_SATURATING, c.loss());
        TrainingConfig betas = config("--target", "ring(8,2,0.02)", "--div", "w1", "--penalty", "1", "--beta1", "0.3");
        assertEquals(new TrainingConfig.Adam(0.3, 0.9, 1e-8), betas.optimization().optimizer());
    }

    /**
     * --out on a 2-D target adds the steps-versus-quality curve and the scatter plot; the curve's
     * last point is the final mode coverage.
     */
    @Test
    void outOnA2dTargetWritesTheCurveAndTheScatterPlot(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("ring");
        CliTest.Run r = CliTest.run("train", "--target", "ring(8,2,0.02)", "--div", "gan", "--steps", "30",
                "--batch", "32", "--critic-hidden", "16", "--generator-hidden", "16", "--coverage-every", "10",
                "--out", out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(out.resolve("coverage.csv"));
        assertEquals("step,modes,covered,covered_20,high_quality_percent,kl_from_uniform", lines.get(0));
        assertEquals(4, lines.size(), lines.toString());
        assertTrue(lines.get(3).startsWith("30,8,"), lines.get(3));
        JsonNode doc = Json.parse(r.out());
        JsonNode last = doc.get("coverage_history").get(2);
        assertEquals(doc.get("mode_coverage").get("covered").asInt(), last.get("covered").asInt());
        assertEquals(doc.get("mode_coverage").get("high_quality_percent").asDouble(),
                last.get("high_quality_percent").asDouble(), 0.0);
        assertTrue(Files.size(out.resolve("scatter.png")) > 1000);
    }

    private static TrainingConfig config(String... args) {
        TrainCommand command = new TrainCommand();
        new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args);
        return command.config();
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
