package org.fganlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fganlab.report.Json;
import org.fganlab.theory.GaussianClosedForms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code fganlab estimate}: the JSON contract, exact values beside, and bad input. */
class EstimateCommandTest {

    @TempDir
    Path dir;

    @Test
    void jsonFromDensitiesHasTheContractKeysAndExactValues() {
        CliTest.Run r = CliTest.run("estimate", "--p", "normal(0,1)", "--q", "normal(1,1.5)", "--n",
                "3000", "--div", "kl,w1", "--estimator", "knn,kde", "--bootstrap", "50", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode root = Json.parse(r.out());
        assertEquals(List.of("n_p", "n_q", "dimension", "results", "exact"), fields(root));
        assertEquals(3000, root.get("n_p").asInt());
        assertEquals(1, root.get("dimension").asInt());
        double kl = GaussianClosedForms.kl(0, 1, 1, 1.5);
        assertEquals(kl, root.get("exact").get("kl").asDouble(), 1e-12);
        JsonNode results = root.get("results");
        assertEquals(3, results.size()); // knn kl, kde kl, empirical-cdf w1
        for (JsonNode e : results) {
            assertEquals(List.of("divergence", "estimator", "value", "ci_low", "ci_high",
                    "lower_bound", "status", "seconds"), fields(e));
            assertEquals("ok", e.get("status").asText());
            assertTrue(e.get("ci_low").asDouble() <= e.get("value").asDouble());
            assertTrue(e.get("value").asDouble() <= e.get("ci_high").asDouble());
        }
        assertEquals("knn", results.get(0).get("estimator").asText());
        JsonNode knn = results.get(0);
        double halfWidth = (knn.get("ci_high").asDouble() - knn.get("ci_low").asDouble()) / 2;
        assertEquals(kl, knn.get("value").asDouble(), 2 * halfWidth);
        assertEquals("empirical-cdf", results.get(2).get("estimator").asText());
        assertTrue(!results.get(0).get("lower_bound").asBoolean());
    }

    @Test
    void sampleFilesGiveTheSameEstimateAsTheLibrary() throws IOException {
        Path p = dir.resolve("p.csv");
        Path q = dir.resolve("q.csv");
        Files.writeString(p, "x,y\n0,0\n1,0\n0,1\n1,1\n0.5,0.5\n2,2\n");
        Files.writeString(q, "0.2,0.1\n1.5,0.3\n0.7,1.9\n1.1,1.2\n3,0.5\n");
        CliTest.Run r = CliTest.run("estimate", "--p-samples", p.toString(), "--q-samples",
                q.toString(), "--div", "kl", "--estimator", "knn", "--k", "1", "--bootstrap", "0", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode root = Json.parse(r.out());
        assertEquals(2, root.get("dimension").asInt());
        assertTrue(root.get("exact") == null);
        assertEquals(org.fganlab.estimate.KnnKl.estimate(
                new org.fganlab.estimate.Samples(new double[] {0, 0, 1, 0, 0, 1, 1, 1, 0.5, 0.5, 2, 2}, 2),
                new org.fganlab.estimate.Samples(new double[] {0.2, 0.1, 1.5, 0.3, 0.7, 1.9, 1.1, 1.2, 3, 0.5}, 2), 1),
                root.get("results").get(0).get("value").asDouble(), 0.0);
    }

    /** Bad input: exit 2, one line on stderr naming file, line and column, nothing on stdout. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'1\n2\nabc\n'|p.csv:3:1: 'abc' is not a number",
        "'1,2\n3\n'|p.csv:2:2: row has 1 column",
        "'1\nNaN\n'|p.csv:2:1: 'NaN' is not finite",
        "''|p.csv:1:1: empty file",
        "'1,2\n3,4\n5,6\n7,8\n9,1\n'|q.csv:1:2: 1 column, but p.csv has 2",
        "'1\n2\n'|p.csv:3:1: only 2 samples, k-NN KL with k = 3 needs at least 4",
    })
    void badCsvIsOneLineWithExit2(String pText, String expected) throws IOException {
        Path p = dir.resolve("p.csv");
        Path q = dir.resolve("q.csv");
        Files.writeString(p, pText);
        Files.writeString(q, "1\n2\n3\n4\n5\n");
        CliTest.Run r = CliTest.run("estimate", "--p-samples", p.toString(), "--q-samples",
                q.toString(), "--estimator", "knn", "--div", "kl");
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        String line = r.err().strip().replace(dir.toString() + "/", "");
        assertTrue(line.startsWith("fganlab: " + expected), line);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--estimator|nope|unknown estimator 'nope'",
        "--bootstrap|-1|--bootstrap must be in [0, 100000]",
        "--n|3|--n must be in [4, 10000000]",
        "--div|kl,bogus|bogus",
    })
    void badOptionsAreOneLineWithExit2(String option, String value, String expected) {
        List<String> args = new ArrayList<>(List.of("estimate", "--p", "normal(0,1)", "--q", "normal(1,1)"));
        if (!option.equals("--n")) {
            args.addAll(List.of("--n", "100"));
        }
        args.addAll(List.of(option, value));
        CliTest.Run r = CliTest.run(args.toArray(String[]::new));
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains(expected), r.err());
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
