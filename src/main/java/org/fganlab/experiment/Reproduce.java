package org.fganlab.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.fganlab.report.AtomicFiles;
import org.fganlab.report.Json;

/** Runs experiments and writes the lab report (REPORT.md and one folder per experiment). */
public final class Reproduce {

    /** The default seed of {@code reproduce}. */
    public static final long DEFAULT_SEED = 20160606L;

    private Reproduce() {
    }

    /** Every experiment, in report order. */
    public static List<Experiment> registry() {
        return List.of(new GanTheoremExperiment(), new DivergenceLandscapeExperiment(),
                new GaussianFitExperiment(), new DisjointSupportsExperiment());
    }

    /** The registered experiment names. */
    public static List<String> names() {
        return registry().stream().map(Experiment::name).toList();
    }

    /**
     * Resolves names ("all" or registered names, case-insensitive) before anything is written.
     *
     * @throws IllegalArgumentException for an unknown name, listing the accepted ones
     */
    public static List<Experiment> select(List<String> names) {
        if (names == null || names.isEmpty()) {
            return registry();
        }
        Map<String, Experiment> byName = new LinkedHashMap<>();
        for (Experiment e : registry()) {
            byName.put(e.name(), e);
        }
        List<Experiment> out = new ArrayList<>();
        for (String raw : names) {
            String n = raw.trim().toLowerCase(Locale.ROOT);
            if (n.equals("all")) {
                return registry();
            }
            Experiment e = byName.get(n);
            if (e == null) {
                throw new IllegalArgumentException("unknown experiment '" + raw
                        + "' (accepted: all, " + String.join(", ", byName.keySet()) + ")");
            }
            if (!out.contains(e)) {
                out.add(e);
            }
        }
        return out;
    }

    /** What one experiment run took. */
    public record Run(String name, double seconds, String headline) {
    }

    /**
     * Runs the experiments and rewrites {@code out/REPORT.md}.
     *
     * @param experiments from {@link #select}
     * @param out the results folder
     * @param quick reduced sizes
     * @param seed the seed
     * @param progress progress lines (one at the start and end of each experiment)
     * @return one record per experiment run
     */
    public static List<Run> run(List<Experiment> experiments, Path out, boolean quick, long seed,
            Consumer<String> progress) {
        List<Run> runs = new ArrayList<>();
        String commit = gitCommit();
        int i = 0;
        for (Experiment e : experiments) {
            i++;
            String tag = "[" + i + "/" + experiments.size() + "] " + e.name();
            progress.accept(tag + ": " + e.title());
            Path dir = out.resolve(e.name());
            long t0 = System.nanoTime();
            Experiment.Outcome o = e.run(new Experiment.Context(dir, quick, seed,
                    s -> progress.accept(tag + ": " + s)));
            double seconds = (System.nanoTime() - t0) * 1e-9;
            ObjectNode summary = o.summary().deepCopy();
            ObjectNode run = summary.putObject("run");
            run.put("experiment", e.name()).put("seed", seed).put("quick", quick)
                    .put("git_commit", commit).put("jvm", jvm());
            Json.put(run, "wall_seconds", seconds);
            Json.write(dir.resolve("summary.json"), summary);
            String footer = runFooter(e.name(), quick, seed, commit, seconds);
            AtomicFiles.writeString(dir.resolve("README.md"), o.section().apply("") + footer);
            AtomicFiles.writeString(dir.resolve(".section.md"),
                    o.section().apply(e.name() + "/") + footer);
            AtomicFiles.writeString(dir.resolve(".headline.md"), o.headline() + "\n");
            progress.accept(tag + ": done in " + String.format(Locale.ROOT, "%.1f s", seconds));
            runs.add(new Run(e.name(), seconds, o.headline()));
        }
        writeReport(out);
        return runs;
    }

    private static String runFooter(String name, boolean quick, long seed, String commit,
            double seconds) {
        return String.format(Locale.ROOT, "%nReproduce: `./fganlab reproduce %s%s --seed %d`. "
                + "Seed %d, commit %s, %s, wall time %.1f s.%n", name, quick ? " --quick" : "",
                seed, seed, commit, jvm(), seconds);
    }

    /** Rebuilds REPORT.md from every experiment folder present under out. */
    static void writeReport(Path out) {
        StringBuilder sb = new StringBuilder();
        sb.append("# fgan-lab report\n\n");
        sb.append("Written by `./fganlab reproduce`; every number below is produced by the code in "
                + "the run that wrote it and matches the experiment's `summary.json`.\n\n");
        sb.append("| experiment | headline |\n|---|---|\n");
        StringBuilder sections = new StringBuilder();
        for (Experiment e : registry()) {
            Path dir = out.resolve(e.name());
            Path section = dir.resolve(".section.md");
            Path headline = dir.resolve(".headline.md");
            if (!Files.exists(section) || !Files.exists(headline)) {
                continue;
            }
            sb.append("| [").append(e.name()).append("](#").append(e.name()).append(") | ")
                    .append(tableCell(read(headline).strip())).append(" |\n");
            sections.append("\n<a id=\"").append(e.name()).append("\"></a>\n\n")
                    .append(read(section));
        }
        if (Files.exists(out.resolve("benchmarks").resolve("README.md"))) {
            sb.append("\nSpeed (JMH, this machine): [benchmarks/README.md](benchmarks/README.md).\n");
        }
        AtomicFiles.writeString(out.resolve("REPORT.md"), sb + sections.toString());
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

    static String jvm() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.version");
    }

    /** The current git commit (short), or "unknown" outside a checkout. */
    static String gitCommit() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "--short", "HEAD")
                    .redirectErrorStream(true).start();
            String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            boolean ok = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
            return ok && !s.isEmpty() ? s : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
