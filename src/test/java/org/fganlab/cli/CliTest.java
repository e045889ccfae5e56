package org.fganlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.fganlab.report.Json;
import org.fganlab.theory.GaussianClosedForms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The CLI contract of docs/architecture.md: commands, JSON formats, exit codes 0/1/2, bad input. */
class CliTest {

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void divergenceJsonMatchesDesignFormatAndClosedForm() {
        Run r = run("divergence", "--p", "normal(0,1)", "--q", "normal(1,1.5)", "--div", "kl,js,neyman,w1", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode root = Json.parse(r.out());
        assertEquals("normal(0,1)", root.get("p").asText());
        assertEquals("normal(1,1.5)", root.get("q").asText());
        JsonNode results = root.get("results");
        assertEquals(4, results.size());
        JsonNode kl = results.get(0);
        assertEquals("kl", kl.get("divergence").asText());
        assertEquals(GaussianClosedForms.kl(0, 1, 1, 1.5), kl.get("value").asDouble(), 1e-12);
        assertTrue(kl.get("error_estimate").asDouble() < 1e-12);
        assertTrue(kl.get("evaluations").asInt() > 0);
        assertTrue(kl.get("seconds").asDouble() > 0);
        // Neyman is infinite here (2σ1² < σ2²): the string "Infinity", never NaN
        assertEquals("Infinity", results.get(2).get("value").asText());
        assertTrue(results.get(2).get("value").isTextual());
        assertFalse(r.out().contains("NaN"));
        assertEquals("w1", results.get(3).get("divergence").asText());
    }

    @Test
    void divergenceTableListsEveryDivergenceForAll() {
        Run r = run("divergence", "--p", "laplace(0,1)", "--q", "normal(0,1)");
        assertEquals(0, r.code(), r.err());
        for (String name : new String[] {"tv", "kl", "reverse-kl", "pearson", "neyman", "hellinger",
            "jeffrey", "js", "gan", "alpha:0.5", "alpha:2", "w1"}) {
            assertTrue(r.out().contains("\n" + name + " "), "missing row " + name + " in\n" + r.out());
        }
    }

    @Test
    void validateJsonPassesOnAGaussianPair() {
        Run r = run("validate", "--p", "0.5*normal(-2,0.5) + 0.5*normal(2,0.5)", "--q", "normal(0,2)", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode root = Json.parse(r.out());
        assertTrue(root.get("passed").asBoolean());
        JsonNode first = root.get("checks").get(0);
        for (String field : new String[] {"name", "lhs", "rhs", "abs_error", "tolerance", "passed"}) {
            assertTrue(first.has(field), "missing " + field);
        }
        assertTrue(root.get("checks").size() >= 25, "checks: " + root.get("checks").size());
        assertTrue(root.get("skipped").toString().contains("closed-forms"));
    }

    @Test
    void validateTableEndsWithVerdict() {
        Run r = run("validate", "--p", "uniform(0,1)", "--q", "uniform(2,3)");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("checks passed"), r.out());
    }

    @Test
    void divergencesListsRegistryAsTableAndJson() {
        Run t = run("divergences");
        assertEquals(0, t.code());
        assertTrue(t.out().contains("reverse-kl") && t.out().contains("w1"));
        Run j = run("divergences", "--json");
        assertEquals(0, j.code());
        JsonNode arr = Json.parse(j.out()).get("divergences");
        assertEquals(12, arr.size());
        assertEquals(-Math.log(2), arr.get(8).get("threshold").asDouble(), 1e-15); // gan
    }

    /** Issue 2, item 8: every kind of bad input gives exit 2 and one line naming the token. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
        unknown divergence; --div; kl,nope; 'nope'
        malformed spec; --p; normal(0,1; position
        sigma <= 0; --p; normal(0,-1); -1
        weights do not sum to 1; --p; 0.5*normal(0,1) + 0.4*normal(1,1); sum
        NaN parameter; --p; normal(NaN,1); NaN
        infinite parameter; --p; normal(0,Infinity); Infinity
        uniform a >= b; --p; uniform(2,1); uniform
        unknown family; --p; nromal(0,1); nromal
        bad alpha; --div; alpha:1; alpha
        """)
    void badInputIsAUsageError(String what, String option, String value, String mentioned) {
        String p = option.equals("--p") ? value : "normal(0,1)";
        String div = option.equals("--div") ? value : "kl";
        Run r = run("divergence", "--p", p, "--q", "normal(0,1)", "--div", div);
        assertEquals(2, r.code(), what + ": " + r.err());
        String[] lines = r.err().strip().split("\n");
        assertTrue(lines[0].startsWith("fganlab: "), r.err());
        assertTrue(lines[0].contains(mentioned), "message must name '" + mentioned + "': " + lines[0]);
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), "no stack trace: " + r.err());
        assertEquals("", r.out());
    }

    @Test
    void missingOptionAndUnknownCommandAreUsageErrors() {
        assertEquals(2, run("divergence", "--p", "normal(0,1)").code());
        assertEquals(2, run("frobnicate").code());
        assertEquals(2, run("reproduce", "no-such-experiment", "--out", "/tmp/never-written").code());
        assertEquals(2, run("reproduce", "gan-theorem", "--jobs", "0", "--out", "/tmp/never-written").code());
        assertFalse(Files.exists(Path.of("/tmp/never-written")), "nothing may be written on bad input");
    }

    @Test
    void helpAndVersionExitZero() {
        Run h = run("--help");
        assertEquals(0, h.code());
        assertTrue(h.out().contains("reproduce") && h.out().contains("validate"));
        Run dh = run("divergence", "--help");
        assertEquals(0, dh.code());
        assertTrue(dh.out().contains("--div"));
        assertEquals(0, run("--version").code());
    }

    @Test
    void reproduceQuickWritesTheReport(@TempDir Path dir) throws IOException {
        Run r = run("reproduce", "gan-theorem", "--quick", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("[1/1] gan-theorem"), "progress lines on stderr: " + r.err());
        Path report = dir.resolve("REPORT.md");
        String md = Files.readString(report);
        assertTrue(md.contains("gan-theorem/theorem1.png"), md);
        for (String f : new String[] {"summary.json", "divergences.csv", "checks.csv", "theorem1.png",
            "discriminator.png", "README.md"}) {
            Path file = dir.resolve("gan-theorem").resolve(f);
            assertTrue(Files.size(file) > 0, f);
        }
        byte[] png = Files.readAllBytes(dir.resolve("gan-theorem/theorem1.png"));
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        JsonNode summary = Json.parse(Files.readString(dir.resolve("gan-theorem/summary.json")));
        assertEquals(8, summary.get("pair_count").asInt());
        assertEquals(summary.get("checks_total").asInt(), summary.get("checks_passed").asInt());
        assertTrue(summary.get("max_abs_thm1_residual").asDouble() < 1e-14);
        assertTrue(summary.get("run").has("git_commit"));
        // the headline numbers in REPORT.md are the ones of summary.json
        assertTrue(md.contains(summary.get("checks_passed").asInt() + "/" + summary.get("checks_total").asInt()));
        try (Stream<Path> files = Files.walk(dir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "temporary files left");
        }
    }

    @Test
    void sameSeedGivesIdenticalNumbers(@TempDir Path a, @TempDir Path b) throws IOException {
        assertEquals(0, run("reproduce", "gan-theorem", "--quick", "--out", a.toString()).code());
        assertEquals(0, run("reproduce", "gan-theorem", "--quick", "--out", b.toString()).code());
        assertEquals(Files.readString(a.resolve("gan-theorem/divergences.csv")),
                Files.readString(b.resolve("gan-theorem/divergences.csv")));
        assertEquals(Files.readString(a.resolve("gan-theorem/checks.csv")),
                Files.readString(b.resolve("gan-theorem/checks.csv")));
    }
}
