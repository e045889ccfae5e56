package org.fganlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.fganlab.report.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code fganlab fit}: the JSON of docs/architecture.md, the human-readable output and exit code 2 on bad input. */
class FitCommandTest {

    static final String FGAN_TARGET = "0.33*normal(-1,0.25) + 0.67*normal(2,1.415)";

    /** KL's best Gaussian is the moment-matching one: μ = Σwμ_i, σ² = Σw(σ_i² + μ_i²) − μ². */
    @Test
    void klFitJsonHasTheDesignFieldsAndTheMomentMatchingValues() {
        CliTest.Run r = CliTest.run("fit", "--target", FGAN_TARGET, "--div", "kl", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode root = Json.parse(r.out());
        List<String> fields = List.of("target", "divergence", "mu", "sigma", "value", "evaluations");
        assertEquals(fields, iterableToList(root.fieldNames()));
        assertEquals(FGAN_TARGET, root.get("target").asText());
        assertEquals("kl", root.get("divergence").asText());
        double mu = 0.33 * -1 + 0.67 * 2;
        double var = 0.33 * (0.0625 + 1) + 0.67 * (1.415 * 1.415 + 4) - mu * mu;
        assertEquals(mu, root.get("mu").asDouble(), 1e-9);
        assertEquals(Math.sqrt(var), root.get("sigma").asDouble(), 1e-9);
        // 30-digit mpmath value (src/test/resources/reference/make_gaussian_fit_references.py)
        assertEquals(0.28805865390721651367, root.get("value").asDouble(), 1e-12);
        assertTrue(root.get("evaluations").isInt() && root.get("evaluations").asInt() > 0);
        assertEquals("", r.err());
    }

    @Test
    void humanOutputNamesEveryQuantity() {
        CliTest.Run r = CliTest.run("fit", "--target", "laplace(0,1)", "--div", "rkl");
        assertEquals(0, r.code(), r.err());
        for (String s : new String[] {"laplace(0,1)", "reverse-kl", "mu*", "sigma*", "nats", "evaluations", "ms"}) {
            assertTrue(r.out().contains(s), "missing '" + s + "' in\n" + r.out());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
        w1 is not an f-divergence; normal(0,1); w1; w1
        unknown name; normal(0,1); nope; 'nope'
        a list; normal(0,1); kl,js; one f-divergence
        bad spec; normal(0,-1); kl; -1
        every fit infinite; uniform(0,1); reverse-kl; bounded support
        """)
    void badInputExitsTwoWithOneLine(String what, String target, String div, String mentioned) {
        CliTest.Run r = CliTest.run("fit", "--target", target, "--div", div);
        assertEquals(2, r.code(), what + ": " + r.err());
        String[] lines = r.err().strip().split("\n");
        assertEquals(1, lines.length, r.err());
        assertTrue(lines[0].startsWith("fganlab: ") && lines[0].contains(mentioned), lines[0]);
        assertFalse(r.err().contains("\tat "), r.err());
        assertEquals("", r.out());
    }

    @Test
    void missingOptionsAreUsageErrors() {
        assertEquals(2, CliTest.run("fit", "--target", "normal(0,1)").code());
        assertEquals(2, CliTest.run("fit", "--div", "kl").code());
    }

    private static List<String> iterableToList(java.util.Iterator<String> it) {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
