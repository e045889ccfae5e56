package org.fganlab.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
    /**
     * The folder under the results folder where experiments keep resumable sweeps (run files
     * that a later invocation reuses): not staged, not part of the report.
     */
    public static final String SWEEPS = "sweeps";

    private Reproduce() {
    }

    /**
     * What one experiment run took.
     *
     * @param name the experiment
     * @param seconds its wall time
     * @param headline its headline (one Markdown line)
     */
    public record Run(String name, double seconds, String headline) {
    }

    /** A finished run in memory: what the index of REPORT.md is written from. */
    private record Finished(Run run, ReportIndex.Entry entry) {
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
     * rename each, and REPORT.md rewritten from the results in memory ({@link ReportIndex}). A
     * failure leaves every previous result as it was and no staging folder behind. Folders of
     * experiments not run are kept, and the index lists them from their summary.json.
     *
     * @param experiments from {@link Registry#select}
     * @param out the results folder (created if missing)
     * @param size how much each experiment runs
     * @param seed the seed
     * @param jobs experiments run at once, ≥ 1 (1 = serial, in the given order)
     * @param listener hears each start, progress line and finish
     * @return one record per experiment, in the given order
     * @throws IllegalArgumentException if jobs &lt; 1
     * @throws java.io.UncheckedIOException if a file or folder cannot be written
     * @throws RuntimeException the first failure of an experiment (the others are cancelled)
     */
    public static List<Run> run(List<Experiment> experiments, Path out, Experiment.Size size,
            long seed, int jobs, Listener listener) {
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
            List<Callable<Finished>> tasks = new ArrayList<>();
            int total = experiments.size();
            for (int i = 0; i < total; i++) {
                Experiment e = experiments.get(i);
                Path dir = staged.get(i).path();
                int index = i + 1;
                tasks.add(() -> runOne(e, index, total, dir, out.resolve(SWEEPS), size, seed, commit, serial));
            }
            List<Finished> done = invokeInOrder(tasks, Math.min(jobs, Math.max(1, tasks.size())));
            for (StagedFolder f : staged) {
                f.commit();
            }
            Map<String, ReportIndex.Entry> entries = new LinkedHashMap<>();
            done.forEach(f -> entries.put(f.run().name(), f.entry()));
            ReportIndex.write(out, entries);
            return done.stream().map(Finished::run).toList();
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

    /** Runs one experiment and writes its summary.json and README.md into dir. */
    private static Finished runOne(Experiment e, int index, int total, Path dir, Path sweeps, Experiment.Size size,
            long seed, String commit, Listener listener) {
        listener.started(index, total, e);
        long t0 = System.nanoTime();
        Experiment.Outcome o = e.run(new Experiment.Context(dir, size, seed,
                s -> listener.progress(index, total, e, s), sweeps));
        double seconds = (System.nanoTime() - t0) * 1e-9;
        RunInfo info = new RunInfo(e.name(), seed, size, commit, RunInfo.currentJvm(), seconds,
                o.headline());
        ObjectNode summary = o.summary().deepCopy();
        summary.set("run", info.toJson());
        Json.write(dir.resolve("summary.json"), summary);
        AtomicFiles.writeString(dir.resolve("README.md"), o.section().apply("") + info.footer());
        listener.finished(index, total, e, seconds);
        return new Finished(new Run(e.name(), seconds, o.headline()),
                new ReportIndex.Entry(info, o.section().apply(e.name() + "/") + info.footer()));
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
}
