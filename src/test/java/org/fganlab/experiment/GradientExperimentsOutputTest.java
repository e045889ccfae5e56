package org.fganlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fganlab.report.Json;
import org.fganlab.report.Tables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quick runs of {@code saturation} and {@code bound-tightness}: every file the section links
 * exists, every linked PNG decodes to an image, and every number of the headline is a value of
 * summary.json as {@link Tables#number} prints it (or a literal the summary holds exactly).
 */
class GradientExperimentsOutputTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)]+)\\)");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?(?:e-?\\d+)?");

    @Test
    void quickRunsWriteLinkedValidPlotsAndHeadlinesFromTheSummary(@TempDir Path out) throws IOException {
        List<String> names = List.of("saturation", "bound-tightness");
        Reproduce.run(Registry.select(names), out, Experiment.Size.QUICK, Reproduce.DEFAULT_SEED, 1, Reproduce.Listener.SILENT);
        for (String name : names) {
            Path dir = out.resolve(name);
            String section = Files.readString(dir.resolve("README.md"));
            Matcher m = LINK.matcher(section);
            int pngs = 0;
            while (m.find()) {
                Path f = dir.resolve(m.group(1));
                assertTrue(Files.isRegularFile(f), name + ": linked file missing: " + m.group(1));
                if (m.group(1).endsWith(".png")) {
                    ExperimentFiles.assertPng(f);
                    pngs++;
                }
            }
            assertTrue(pngs >= 4, name + ": expected at least 4 plots, found " + pngs);
            JsonNode summary = Json.parse(Files.readString(dir.resolve("summary.json")));
            List<Double> values = new ArrayList<>();
            collect(summary, values);
            String headline = summary.path("run").path("headline").asText().strip();
            Matcher n = NUMBER.matcher(headline);
            int checked = 0;
            while (n.find()) {
                String token = n.group();
                double x = Double.parseDouble(token);
                // printed by Tables.number from a summary value, or a literal the summary holds exactly
                assertTrue(values.stream().anyMatch(v -> Tables.number(v).equals(token) || v == x),
                        name + ": headline number " + token + " is not in summary.json: " + headline);
                checked++;
            }
            assertTrue(checked >= 4, headline);
            assertFalse(section.contains("NaN"), name + ": NaN in the section");
        }
        assertEquals(2, Files.list(out).filter(Files::isDirectory).count());
    }

    private static void collect(JsonNode node, List<Double> values) {
        if (node.isNumber()) {
            values.add(node.doubleValue());
        }
        node.elements().forEachRemaining(child -> collect(child, values));
    }
}
