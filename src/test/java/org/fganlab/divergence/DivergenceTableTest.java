package org.fganlab.divergence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The table of {@code docs/math.md} against the registry: the same divergences in the same
 * order, and per row f'(1), f''(1) and dom f* (ends and whether each end belongs to it) as the
 * code has them.
 */
class DivergenceTableTest {

    private static final Path MATH = Path.of("docs", "math.md");

    /** The cells of the table rows (those whose first cell is a backquoted registry name). */
    private static List<List<String>> rows() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (String line : Files.readAllLines(MATH, StandardCharsets.UTF_8)) {
            if (!line.startsWith("| `")) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            // split at the pipes that are not escaped as \|
            for (String cell : line.substring(1, line.length() - 1).split("(?<!\\\\)\\|", -1)) {
                cells.add(cell.trim().replace("\\|", "|"));
            }
            rows.add(cells);
        }
        return rows;
    }

    /** A number as the table writes it: 0, −1, ½, ¼, +∞, −∞, −log 2, ½ log 2, 1.5, … */
    static double number(String s) {
        String t = s.trim().replace('−', '-').replace(" ", "");
        return switch (t) {
            case "+∞", "∞" -> Double.POSITIVE_INFINITY;
            case "-∞" -> Double.NEGATIVE_INFINITY;
            case "½" -> 0.5;
            case "-½" -> -0.5;
            case "¼" -> 0.25;
            case "-log2" -> -Math.log(2);
            case "½log2" -> 0.5 * Math.log(2);
            default -> Double.parseDouble(t);
        };
    }

    @Test
    void numberReadsTheTableNotation() {
        assertEquals(-Math.log(2), number("−log 2"), 0.0);
        assertEquals(0.5 * Math.log(2), number("½ log 2"), 0.0);
        assertEquals(Double.NEGATIVE_INFINITY, number("−∞"), 0.0);
        assertEquals(-0.5, number("−½"), 0.0);
        assertEquals(2.0, number("2"), 0.0);
    }

    @Test
    void tableListsTheRegistryInOrder() throws IOException {
        List<String> names = new ArrayList<>();
        for (List<String> row : rows()) {
            names.add(row.get(0).replace("`", ""));
        }
        List<String> registry = new ArrayList<>();
        for (FDivergence d : Divergences.all()) {
            registry.add(d.name());
        }
        assertEquals(registry, names);
    }

    @Test
    void thresholdSecondDerivativeAndConjugateDomainMatchTheCode() throws IOException {
        List<List<String>> rows = rows();
        assertEquals(Divergences.all().size(), rows.size());
        for (List<String> row : rows) {
            assertEquals(9, row.size(), "cells of " + row);
            FDivergence d = Divergences.byName(row.get(0).replace("`", ""));
            String name = d.name();
            assertEquals(d.threshold(), number(row.get(7)), 1e-15, name + ": f'(1)");
            assertEquals(d.secondDerivativeAtOne(), number(row.get(8)), 1e-15, name + ": f''(1)");
            String dom = row.get(4);
            char open = dom.charAt(0);
            char close = dom.charAt(dom.length() - 1);
            assertTrue("([".indexOf(open) >= 0 && ")]".indexOf(close) >= 0, name + ": dom f* " + dom);
            String[] ends = dom.substring(1, dom.length() - 1).split(",");
            assertEquals(2, ends.length, name + ": dom f* " + dom);
            double lower = number(ends[0]);
            double upper = number(ends[1]);
            assertEquals(d.conjugateDomainLower(), lower, 1e-15, name + ": lower end of dom f*");
            assertEquals(d.conjugateDomainUpper(), upper, 1e-15, name + ": upper end of dom f*");
            if (Double.isFinite(lower)) {
                assertEquals(open == '[', d.inConjugateDomain(d.conjugateDomainLower()), name + ": lower end " + open);
            }
            if (Double.isFinite(upper)) {
                assertEquals(close == ']', d.inConjugateDomain(d.conjugateDomainUpper()), name + ": upper end " + close);
            }
            double inside = Double.isFinite(upper) ? upper - 0.25 : Double.isFinite(lower) ? lower + 0.25 : 0.0;
            assertTrue(d.inConjugateDomain(inside), name + ": " + inside + " inside " + dom);
        }
    }
}
