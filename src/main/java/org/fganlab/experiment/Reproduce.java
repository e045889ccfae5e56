package org.fganlab.experiment;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.fganlab.report.AtomicFiles;
import org.fganlab.report.BuildInfo;
import org.fganlab.report.Json;
import org.fganlab.report.StagedFolder;

/** Runs experiments and writes the lab report (REPORT.md and one folder per experiment). */
public final class Reproduce {

    /** The default seed of {@code reproduce}. */
    public static final long DEFAULT_SEED = 20160606L;

    /** Seconds a failed run waits for the experiments still running to stop. */
    private static final long STOP_SECONDS = 120;

    private Reproduce() {
    }

    /** Every experiment, in report order. */
    public static List<Experiment> registry() {
        return List.of(new GanTheoremExperiment(), new DivergenceLandscapeExperiment(),
                new GaussianFitExperiment(), new SaturationExperiment(),
                new DisjointSupportsExperiment(), new ModeCoverageExperiment(),
                new BoundTightnessExperiment(), new SampleSizeExperiment());
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
     * Hears what a run is doing, for progress reports. Calls come from one thread at a time;
     * index counts from 1 in the given order, total is the number of experiments.
     */
    public interface Listener {
        /** Hears nothing. */
        Listener SILENT = new Listener() { };

        /** Experiment index of total has started. */
        default void started(int index, int total, Experiment e) {
        }

        /** A short progress line of the running experiment (its own words). */
        default void progress(int index, int total, Experiment e, String line) {
        }

        /** Experiment index of total has finished its computation and files in seconds of wall time. */
        default void finished(int index, int total, Experiment e, double seconds) {
        }
    }

    /** The default number of experiments run at once: the machine's processors. */
    public static int defaultJobs() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Runs the experiments, {@code jobs} at a time, and rewrites {@code out/REPORT.md}. Each
     * experiment draws only from its own seeded generators, so a parallel run writes the same
     * numbers as a serial one; only the wall times in the run metadata differ.
     *
     * <p>Each experiment writes into a staging folder beside {@code out/NAME} ({@link
     * StagedFolder}); only when every experiment has finished are the folders put in place, one
     * rename each, and REPORT.md rewritten. A failure leaves every previous result as it was and
     * no staging folder behind. Folders of experiments not run are kept, and the index lists them.
     *
     * @param experiments from {@link #select}
     * @param out the results folder (created if missing)
     * @param quick reduced sizes
     * @param seed the seed
     * @param jobs experiments run at once, ≥ 1 (1 = serial, in the given order)
     * @param listener hears each start, progress line and finish
     * @return one record per experiment, in the given order
     * @throws IllegalArgumentException if jobs &lt; 1
     * @throws java.io.UncheckedIOException if a file or folder cannot be written
     * @throws RuntimeException the first failure of an experiment (the others are cancelled)
     */
    public static List<Run> run(List<Experiment> experiments, Path out, boolean quick, long seed,
            int jobs, Listener listener) {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be >= 1, got " + jobs);
        }
        String commit = BuildInfo.commit();
        Listener serial = serialised(listener);
        StagedFolder.removeStale(out);
        List<StagedFolder> staged = new ArrayList<>();
        try {
            for (Experiment e : experiments) {
                staged.add(StagedFolder.create(out.resolve(e.name())));
            }
            List<Callable<Run>> tasks = new ArrayList<>();
            int total = experiments.size();
            for (int i = 0; i < total; i++) {
                Experiment e = experiments.get(i);
                Path dir = staged.get(i).path();
                int index = i + 1;
                tasks.add(() -> runOne(e, index, total, dir, quick, seed, commit, serial));
            }
            List<Run> runs = invokeInOrder(tasks, Math.min(jobs, Math.max(1, tasks.size())));
            for (StagedFolder f : staged) {
                f.commit();
            }
            writeReport(out);
            return runs;
        } catch (RuntimeException | Error ex) {
            // the previous results stay; this run's staging folders go
            for (StagedFolder f : staged) {
                try {
                    f.close();
                } catch (RuntimeException closing) {
                    ex.addSuppressed(closing);
                }
            }
            throw ex;
        }
    }

    /** The listener behind a lock, so that experiments running at once report one at a time. */
    private static Listener serialised(Listener l) {
        return new Listener() {
            @Override
            public synchronized void started(int index, int total, Experiment e) {
                l.started(index, total, e);
            }

            @Override
            public synchronized void progress(int index, int total, Experiment e, String line) {
                l.progress(index, total, e, line);
            }

            @Override
            public synchronized void finished(int index, int total, Experiment e, double seconds) {
                l.finished(index, total, e, seconds);
            }
        };
    }

    private static Run runOne(Experiment e, int index, int total, Path dir, boolean quick,
            long seed, String commit, Listener listener) {
        listener.started(index, total, e);
        long t0 = System.nanoTime();
        Experiment.Outcome o = e.run(new Experiment.Context(dir, quick, seed,
                s -> listener.progress(index, total, e, s)));
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
        listener.finished(index, total, e, seconds);
        return new Run(e.name(), seconds, o.headline());
    }

    /** Runs the tasks on a pool of the given size; results in task order, first failure rethrown. */
    private static <T> List<T> invokeInOrder(List<Callable<T>> tasks, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "reproduce");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(task));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (ExecutionException ex) {
            pool.shutdownNow();
            awaitStop(pool);
            Throwable cause = ex.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException ex) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Waits (up to STOP_SECONDS) for experiments still running after a failure: they do not poll
     * for interruption, and their staging folders are removed only once they stop writing.
     */
    private static void awaitStop(ExecutorService pool) {
        try {
            pool.awaitTermination(STOP_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
        sb.append("| experiment | headline | wall time | command |\n|---|---|---|---|\n");
        StringBuilder sections = new StringBuilder();
        for (Experiment e : registry()) {
            Path dir = out.resolve(e.name());
            Path section = dir.resolve(".section.md");
            Path headline = dir.resolve(".headline.md");
            if (!Files.exists(section) || !Files.exists(headline)) {
                continue;
            }
            JsonNode run = runNode(dir.resolve("summary.json"));
            sb.append("| [").append(e.name()).append("](#").append(e.name()).append(") | ")
                    .append(tableCell(read(headline).strip())).append(" | ")
                    .append(wallTime(run)).append(" | `")
                    .append(command(e.name(), run)).append("` |\n");
            sections.append("\n<a id=\"").append(e.name()).append("\"></a>\n\n")
                    .append(read(section));
        }
        if (Files.exists(out.resolve("benchmarks").resolve("README.md"))) {
            sb.append("\nSpeed (JMH, this machine): [benchmarks/README.md](benchmarks/README.md).\n");
        }
        AtomicFiles.writeString(out.resolve("REPORT.md"), sb + sections.toString());
    }

    /** "12.3 s" from the run metadata of a summary.json, or "?" when it has none. */
    private static String wallTime(JsonNode run) {
        return run.has("wall_seconds")
                ? String.format(Locale.ROOT, "%.1f s", run.get("wall_seconds").asDouble()) : "?";
    }

    /** The command that reproduces the run recorded in a summary.json's run metadata. */
    private static String command(String name, JsonNode run) {
        return "./fganlab reproduce " + name + (run.path("quick").asBoolean(false) ? " --quick" : "")
                + (run.has("seed") ? " --seed " + run.get("seed").asLong() : "");
    }

    /** The "run" object of a summary.json, or an empty object when the file is missing. */
    private static JsonNode runNode(Path summary) {
        return Files.exists(summary) ? Json.parse(read(summary)).path("run") : Json.object();
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
}
