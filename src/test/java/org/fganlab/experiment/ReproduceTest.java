package org.fganlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.fganlab.report.AtomicFiles;
import org.fganlab.report.Json;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReproduceTest {

    /** Regression: a headline with |x| broke the REPORT.md index table. */
    @Test
    void headlinePipesAreEscapedOnceInTheIndexTable() {
        assertEquals("max \\|a − b\\| = 1", ReportIndex.tableCell("max |a − b| = 1"));
        assertEquals("already \\|x\\|", ReportIndex.tableCell("already \\|x\\|"));
    }

    @Test
    void selectionResolvesNamesAndRejectsUnknownOnes() {
        assertEquals(Registry.names(), Registry.select(List.of()).stream().map(Experiment::name).toList());
        assertEquals(List.of("gaussian-fit"),
                Registry.select(List.of("Gaussian-Fit")).stream().map(Experiment::name).toList());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Registry.select(List.of("nope")));
        assertTrue(e.getMessage().contains("'nope'") && e.getMessage().contains("gan-theorem"), e.getMessage());
    }

    /** A seeded experiment that draws in parallel streams, as the real ones do. */
    private record Draws(String name) implements Experiment {
        @Override
        public String title() {
            return "seeded draws";
        }

        @Override
        public Outcome run(Context context) {
            double[] means = IntStream.range(0, 64).parallel().mapToDouble(run -> {
                Well19937c rng = new Well19937c(context.seed() + run);
                double s = 0;
                for (int i = 0; i < 20_000; i++) {
                    s += rng.nextGaussian();
                }
                return s / 20_000;
            }).toArray();
            StringBuilder csv = new StringBuilder("run,mean\n");
            for (int i = 0; i < means.length; i++) {
                csv.append(i).append(',').append(means[i]).append('\n');
            }
            AtomicFiles.writeString(context.dir().resolve("means.csv"), csv.toString());
            ObjectNode summary = Json.object();
            Json.put(summary, "first_mean", means[0]);
            return new Outcome(summary, "first mean " + means[0], prefix -> "## " + name + "\n");
        }
    }

    /** Every file of a results tree, minus the run metadata (wall times, commit) that may differ. */
    private static Map<String, String> contentsWithoutRunMetadata(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String rel = root.relativize(f).toString();
                String text;
                if (rel.endsWith("summary.json")) {
                    ObjectNode node = (ObjectNode) Json.parse(Files.readString(f));
                    node.remove("run");
                    text = Json.toText(node);
                } else if (rel.endsWith(".md")) {
                    text = Files.readString(f).replaceAll("wall time [0-9.]+ s", "wall time ?")
                            .replaceAll("\\| [0-9.]+ s \\|", "| ? |")
                            .replaceAll("commit [0-9a-z]+", "commit ?");
                } else {
                    text = java.util.HexFormat.of().formatHex(Files.readAllBytes(f));
                }
                out.put(rel, text);
            }
        }
        return out;
    }

    @Test
    void parallelRunWritesWhatASerialRunWrites(@TempDir Path serial, @TempDir Path parallel)
            throws IOException {
        List<Experiment> experiments = new ArrayList<>(Registry.select(List.of("gan-theorem", "divergence-landscape")));
        experiments.add(new Draws("draws-a"));
        experiments.add(new Draws("draws-b"));
        List<String> lines = new ArrayList<>();
        Reproduce.Listener listener = new Reproduce.Listener() {
            @Override
            public void started(int index, int total, Experiment e) {
                lines.add("[" + index + "/" + total + "] " + e.name() + ": " + e.title());
            }

            @Override
            public void finished(int index, int total, Experiment e, double seconds) {
                lines.add("[" + index + "/" + total + "] " + e.name() + ": done in " + seconds);
            }
        };
        List<Reproduce.Run> a = Reproduce.run(experiments, serial, Experiment.Size.QUICK, 7, 1, listener);
        List<Reproduce.Run> b = Reproduce.run(experiments, parallel, Experiment.Size.QUICK, 7, 3, listener);
        assertEquals(a.stream().map(Reproduce.Run::headline).toList(),
                b.stream().map(Reproduce.Run::headline).toList());
        Map<String, String> sa = contentsWithoutRunMetadata(serial);
        Map<String, String> sb = contentsWithoutRunMetadata(parallel);
        assertTrue(sa.containsKey("draws-b/means.csv") && sa.containsKey("gan-theorem/divergences.csv"), sa.keySet().toString());
        assertEquals(sa.keySet(), sb.keySet());
        for (String file : sa.keySet()) {
            assertEquals(sa.get(file), sb.get(file), file);
        }
        // one start and one end line per experiment and run
        long starts = lines.stream().filter(l -> experiments.stream()
                .anyMatch(e -> l.endsWith("] " + e.name() + ": " + e.title()))).count();
        assertEquals(2L * experiments.size(), starts, lines.toString());
        assertEquals(2L * experiments.size(), lines.stream().filter(l -> l.contains(": done in ")).count());
    }

    /** An experiment that writes part of its files, then fails. */
    private record FailsHalfWay() implements Experiment {
        @Override
        public String name() {
            return "fails-half-way";
        }

        @Override
        public String title() {
            return "writes a file, then fails";
        }

        @Override
        public Outcome run(Context context) {
            AtomicFiles.writeString(context.dir().resolve("partial.csv"), "x\n");
            throw new IllegalStateException("failed half-way");
        }
    }

    /** Issue 12, item 7: a failed run leaves every previous folder and REPORT.md as they were. */
    @Test
    void aFailedRunLeavesThePreviousResultsAndNoStagingFolder(@TempDir Path out) throws IOException {
        List<Experiment> theorem = Registry.select(List.of("gan-theorem"));
        Reproduce.run(theorem, out, Experiment.Size.QUICK, 7, 1, Reproduce.Listener.SILENT);
        Path other = out.resolve("divergence-landscape");
        Files.createDirectories(other);
        Files.writeString(other.resolve("kept.csv"), "an experiment not run this time");
        Map<String, String> before = contentsWithoutRunMetadata(out);
        String report = Files.readString(out.resolve("REPORT.md"));

        List<Experiment> failing = new ArrayList<>(theorem);
        failing.add(new FailsHalfWay());
        for (int jobs : new int[] {1, 2}) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> Reproduce.run(failing, out, Experiment.Size.QUICK, 99, jobs, Reproduce.Listener.SILENT));
            assertEquals("failed half-way", e.getMessage());
            assertEquals(before, contentsWithoutRunMetadata(out), "jobs " + jobs);
            assertEquals(report, Files.readString(out.resolve("REPORT.md")));
            try (Stream<Path> files = Files.list(out)) {
                assertEquals(List.of(), files.map(p -> p.getFileName().toString())
                        .filter(n -> n.startsWith(".")).toList(), "staging folders left");
            }
        }
        // a successful rerun of one experiment replaces its folder and leaves the other one alone
        Files.writeString(out.resolve("gan-theorem/stale.csv"), "not written by any run");
        Reproduce.run(theorem, out, Experiment.Size.QUICK, 7, 1, Reproduce.Listener.SILENT);
        assertFalse(Files.exists(out.resolve("gan-theorem/stale.csv")));
        assertEquals("an experiment not run this time", Files.readString(other.resolve("kept.csv")));
        assertEquals(before, contentsWithoutRunMetadata(out));
    }

    /** Every file and folder under root whose name starts with a dot. */
    private static List<String> hiddenFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> !p.equals(root) && p.getFileName().toString().startsWith("."))
                    .map(p -> root.relativize(p).toString()).toList();
        }
    }

    /**
     * The index is written one way: this run from memory, an earlier run from the visible
     * summary.json (headline and metadata) with a link to its README.md; no hidden files.
     */
    @Test
    void theIndexListsAnEarlierRunFromItsSummaryAndNoHiddenFilesAreWritten(@TempDir Path out)
            throws IOException {
        List<Reproduce.Run> earlier = Reproduce.run(Registry.select(List.of("gan-theorem")), out,
                Experiment.Size.QUICK, 7, 1, Reproduce.Listener.SILENT);
        String first = Files.readString(out.resolve("REPORT.md"));
        assertTrue(first.contains("| [gan-theorem](#gan-theorem) |") && first.contains("<a id=\"gan-theorem\">"),
                first);
        Reproduce.run(List.of(new Draws("draws-a"), Registry.select(List.of("divergence-landscape")).get(0)),
                out, Experiment.Size.STANDARD, 11, 1, Reproduce.Listener.SILENT);
        assertEquals(List.of(), hiddenFiles(out));
        String report = Files.readString(out.resolve("REPORT.md"));
        String headline = ReportIndex.tableCell(earlier.get(0).headline());
        assertTrue(report.contains("| [gan-theorem](gan-theorem/README.md) | " + headline + " | "),
                report);
        assertTrue(report.contains("`./fganlab reproduce gan-theorem --quick --seed 7` |"), report);
        assertFalse(report.contains("<a id=\"gan-theorem\">"), "an earlier run's section is linked, not embedded");
        assertTrue(report.contains("| [divergence-landscape](#divergence-landscape) |")
                && report.contains("`./fganlab reproduce divergence-landscape --seed 11` |"), report);
        // the run object of summary.json holds what the index shows
        ObjectNode run = (ObjectNode) Json.parse(Files.readString(out.resolve("gan-theorem/summary.json"))).get("run");
        assertEquals(earlier.get(0).headline(), run.get("headline").asText());
        assertEquals("quick", run.get("size").asText());
    }

    @Test
    void theCommandShownSaysWhichSizeRan() {
        for (Experiment.Size size : Experiment.Size.values()) {
            RunInfo info = new RunInfo("sample-size", 3, size, "abc", "jvm", 1.5, "h");
            RunInfo back = RunInfo.fromJson("sample-size", info.toJson());
            assertEquals(info, back);
        }
        assertEquals("./fganlab reproduce sample-size --full --seed 3",
                new RunInfo("sample-size", 3, Experiment.Size.FULL, "abc", "jvm", 1.5, "").command());
        assertEquals("./fganlab reproduce sample-size --seed 3",
                new RunInfo("sample-size", 3, Experiment.Size.STANDARD, "abc", "jvm", 1.5, "").command());
        assertTrue(new RunInfo("x", 3, Experiment.Size.FULL, "abc", "jvm", 1.5, "").footer()
                .contains("`./fganlab reproduce x --full --seed 3`"));
        // summaries written before sizes existed say "quick": true
        ObjectNode legacy = Json.object().put("seed", 5).put("quick", true);
        assertEquals(Experiment.Size.QUICK, RunInfo.fromJson("x", legacy).size());
        assertEquals("?", RunInfo.fromJson("x", legacy).wallTime());
    }

    @Test
    void sampleSizeRunsItsFullGridOnlyWithFull() {
        assertEquals("quick", SampleSizeExperiment.budget(Experiment.Size.QUICK).name());
        assertEquals("default", SampleSizeExperiment.budget(Experiment.Size.STANDARD).name());
        assertEquals("full", SampleSizeExperiment.budget(Experiment.Size.FULL).name());
    }

    @Test
    void jobsMustBePositive(@TempDir Path dir) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Reproduce.run(Registry.select(List.of("gan-theorem")), dir, Experiment.Size.QUICK, 1, 0,
                        Reproduce.Listener.SILENT));
        assertTrue(e.getMessage().contains("got 0"), e.getMessage());
    }
}
