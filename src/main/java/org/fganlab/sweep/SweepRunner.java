package org.fganlab.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.fganlab.report.AtomicFiles;

/**
 * Runs a grid (or one shard of it) into a sweep folder DIR on local workers, resuming: runs whose
 * file is a trusted finished run ({@link RunFiles}) are skipped; absent, corrupt and failed runs
 * are run. Each worker is a fork-join pool of parallelism 1, so a run's forked tasks stay on its
 * worker's thread: N workers use N cores. Runs are taken in id order; which worker runs which does
 * not change any file, so the run files are bit-identical for any worker count and sharding.
 *
 * <p>A run that throws is recorded as failed (its exception's class and message) and the others
 * go on. A run file that cannot be written stops the sweep: the workers take no new run, and the
 * error is rethrown once the runs in flight are done.
 */
public final class SweepRunner {

    /** Hears about the sweep's progress; calls are serialised (never concurrent). */
    public interface Listener {
        /**
         * Once, before any run.
         *
         * @param total runs in the shard
         * @param skipped runs already finished (not run again)
         * @param toRun runs to do now
         */
        void planned(int total, int skipped, int toRun);

        /**
         * After each run's file is written.
         *
         * @param entry the run and its state (FINISHED or FAILED)
         * @param done runs done so far in this invocation, 1 … toRun
         * @param toRun runs to do in this invocation
         * @param seconds the run's wall time in seconds
         */
        void finished(RunFiles.Entry entry, int done, int toRun, double seconds);
    }

    /**
     * What an invocation did.
     *
     * @param total runs in the shard
     * @param skipped already finished before this invocation
     * @param finished finished by this invocation
     * @param failed failed in this invocation
     */
    public record Summary(int total, int skipped, int finished, int failed) {
    }

    private SweepRunner() {
    }

    /**
     * Validates the grid, keeps it as {@code DIR/grid.json}, and runs the shard's runs that are
     * not finished yet.
     *
     * @param grid the grid
     * @param runner what one run is
     * @param dir the sweep folder (created if needed)
     * @param shard which part of the grid to run ({@link Shard#ALL} for all)
     * @param workers parallel single-threaded workers, ≥ 1
     * @param listener progress (not null)
     * @return the counts
     * @throws GridException if the grid is malformed (nothing is written)
     * @throws IllegalArgumentException if workers &lt; 1
     * @throws java.io.UncheckedIOException if a file cannot be written
     */
    public static Summary run(Grid grid, Runner runner, Path dir, Shard shard, int workers, Listener listener) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1, got " + workers);
        }
        grid.validate(runner);
        AtomicFiles.writeString(dir.resolve("grid.json"), grid.text());
        List<RunSpec> mine = shard.select(grid.runs());
        List<RunSpec> todo = new ArrayList<>();
        for (RunSpec r : mine) {
            if (RunFiles.read(dir, r).state() != RunFiles.State.FINISHED) {
                todo.add(r);
            }
        }
        int skipped = mine.size() - todo.size();
        listener.planned(mine.size(), skipped, todo.size());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        int n = Math.min(workers, todo.size());
        List<ForkJoinPool> pools = new ArrayList<>();
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < n; w++) {
            ForkJoinPool pool = new ForkJoinPool(1);
            pools.add(pool);
            futures.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < todo.size() && !stop.get(); i = next.getAndIncrement()) {
                    RunSpec spec = todo.get(i);
                    long t0 = System.nanoTime();
                    RunFiles.Entry entry;
                    try {
                        entry = runOne(dir, runner, spec);
                    } catch (RuntimeException e) {
                        stop.set(true);
                        throw e;
                    }
                    if (entry.state() == RunFiles.State.FAILED) {
                        failed.incrementAndGet();
                    }
                    double seconds = (System.nanoTime() - t0) * 1e-9;
                    synchronized (listener) {
                        listener.finished(entry, done.incrementAndGet(), todo.size(), seconds);
                    }
                }
            }));
        }
        RuntimeException error = null;
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (error == null) {
                    error = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop.set(true);
                error = new IllegalStateException("interrupted", e);
            }
        }
        pools.forEach(ForkJoinPool::shutdown);
        if (error != null) {
            throw error;
        }
        return new Summary(mine.size(), skipped, done.get() - failed.get(), failed.get());
    }

    /** Runs one spec and writes its file; a run that throws is written as failed. */
    private static RunFiles.Entry runOne(Path dir, Runner runner, RunSpec spec) {
        Runner.Output output;
        try {
            output = runner.run(spec.options());
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            String message = e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("");
            String error = e.getClass().getSimpleName() + message;
            RunFiles.writeFailed(dir, spec, error);
            return new RunFiles.Entry(spec, RunFiles.State.FAILED, null, error);
        }
        RunFiles.writeFinished(dir, spec, output);
        return new RunFiles.Entry(spec, RunFiles.State.FINISHED, output.document(), null);
    }
}
