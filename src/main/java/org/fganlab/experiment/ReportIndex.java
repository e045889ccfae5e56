package org.fganlab.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.fganlab.report.AtomicFiles;
import org.fganlab.report.Json;

/**
 * Writes {@code out/REPORT.md}: an index table of every registered experiment with a folder under
 * {@code out}, then the sections of the experiments of this run.
 *
 * <p>Experiments of this run are indexed from memory (their headline, metadata and section).
 * Experiments of earlier runs are indexed from their visible files only: the headline and
 * metadata in the {@code "run"} object of their summary.json, and a link to their README.md in
 * place of the section. Folders without summary.json and README.md are not listed.
 */
final class ReportIndex {

    /**
     * One experiment of this run.
     *
     * @param info its run metadata
     * @param section its Markdown section with links relative to {@code out} (ends with the footer)
     */
    record Entry(RunInfo info, String section) {
    }

    private static final String HEAD = """
            # fgan-lab report

            Written by `./fganlab reproduce`; every number below is produced by the code in the run \
            that wrote it and matches the experiment's `summary.json`.

            | experiment | headline | wall time | command |
            |---|---|---|---|
            """;

    private static final String EARLIER = "\nExperiments linked to their README.md were not run by "
            + "the invocation that wrote this file; their sections are in their folders.\n";

    private static final String BENCHMARKS =
            "\nSpeed (JMH, this machine): [benchmarks/README.md](benchmarks/README.md).\n";

    private ReportIndex() {
    }

    /**
     * Rewrites out/REPORT.md.
     *
     * @param out the results folder
     * @param thisRun the experiments of this run, by name
     * @throws UncheckedIOException if a summary cannot be read or REPORT.md cannot be written
     */
    static void write(Path out, Map<String, Entry> thisRun) {
        StringBuilder index = new StringBuilder(HEAD);
        StringBuilder sections = new StringBuilder();
        boolean earlier = false;
        for (String name : Registry.names()) {
            Entry entry = thisRun.get(name);
            RunInfo info = entry != null ? entry.info() : earlierRun(out.resolve(name), name);
            if (info == null) {
                continue;
            }
            String link = entry != null ? "#" + name : name + "/README.md";
            index.append(String.format("| [%s](%s) | %s | %s | `%s` |\n", name, link,
                    tableCell(info.headline().strip()), info.wallTime(), info.command()));
            if (entry != null) {
                sections.append("\n<a id=\"").append(name).append("\"></a>\n\n").append(entry.section());
            }
            earlier |= entry == null;
        }
        if (earlier) {
            index.append(EARLIER);
        }
        if (Files.exists(out.resolve("benchmarks").resolve("README.md"))) {
            index.append(BENCHMARKS);
        }
        AtomicFiles.writeString(out.resolve("REPORT.md"), index.append(sections).toString());
    }

    /** The metadata of an earlier run in dir, or null if dir lacks summary.json or README.md. */
    private static RunInfo earlierRun(Path dir, String name) {
        Path summary = dir.resolve("summary.json");
        if (!Files.isRegularFile(summary) || !Files.isRegularFile(dir.resolve("README.md"))) {
            return null;
        }
        JsonNode run = Json.parse(read(summary)).path("run");
        return RunInfo.fromJson(name, run);
    }

    /** A headline as a Markdown table cell: pipes not already escaped are escaped. */
    static String tableCell(String text) {
        return text.replaceAll("(?<!\\\\)\\|", "\\\\|");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
