package org.fganlab.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A sweep as a SLURM job array: task i of K runs {@code sweep run GRID --out DIR --shard i/K}
 * ({@link Shard}: the K tasks together run the grid once). Each task writes its log to
 * {@code DIR/logs/<job>_<i>.out} and its exit status to {@code DIR/logs/<job>_<i>.exit}, which is
 * how {@link #await} tells failed tasks from finished ones without SLURM's accounting. DIR must be
 * on storage that every node shares, since the tasks write their run files there.
 */
public final class Slurm {

    /**
     * The array's resources.
     *
     * @param tasks K, the array size (≥ 1)
     * @param cpusPerTask CPUs per task, also the task's worker count (≥ 1)
     * @param partition the partition, or null for the cluster's default
     * @param time the time limit per task in a form sbatch accepts (e.g. 1:00:00), or null
     */
    public record Resources(int tasks, int cpusPerTask, String partition, String time) {
        /**
         * @throws IllegalArgumentException if tasks or cpusPerTask is &lt; 1, or partition or
         *     time holds a character outside letters, digits and {@code -_:.,}
         */
        public Resources {
            if (tasks < 1) {
                throw new IllegalArgumentException("--tasks must be >= 1, got " + tasks);
            }
            if (cpusPerTask < 1) {
                throw new IllegalArgumentException("--cpus-per-task must be >= 1, got " + cpusPerTask);
            }
            plain("--partition", partition);
            plain("--time", time);
        }

        private static void plain(String option, String value) {
            if (value != null && !value.matches("[A-Za-z0-9_:.,-]+")) {
                throw new IllegalArgumentException(option + " '" + value
                        + "' may hold only letters, digits and - _ : . ,");
            }
        }
    }

    /**
     * A task that did not finish with status 0.
     *
     * @param task its index i
     * @param status its exit status, or null if it left none (killed, timed out, never started)
     * @param log its log file
     */
    public record FailedTask(int task, Integer status, Path log) {
    }

    private Slurm() {
    }

    /**
     * The batch script.
     *
     * @param launcher the command that runs the CLI, absolute paths (e.g. the repository's
     *     fganlab script), one word per element
     * @param grid the grid file
     * @param dir the sweep folder
     * @param r the resources
     */
    public static String script(List<String> launcher, Path grid, Path dir, Resources r) {
        Path logs = dir.toAbsolutePath().resolve("logs");
        StringBuilder sb = new StringBuilder("#!/bin/bash\n");
        sb.append("#SBATCH --job-name=fganlab-sweep\n");
        sb.append("#SBATCH --array=1-").append(r.tasks()).append('\n');
        sb.append("#SBATCH --ntasks=1\n");
        sb.append("#SBATCH --cpus-per-task=").append(r.cpusPerTask()).append('\n');
        sb.append("#SBATCH --output=").append(logs).append("/%A_%a.out\n");
        if (r.partition() != null) {
            sb.append("#SBATCH --partition=").append(r.partition()).append('\n');
        }
        if (r.time() != null) {
            sb.append("#SBATCH --time=").append(r.time()).append('\n');
        }
        sb.append("# Task i of ").append(r.tasks()).append(" runs shard i/").append(r.tasks())
                .append(" of the grid on ").append(r.cpusPerTask())
                .append(" single-threaded worker(s); the sweep folder must be on storage every node shares.\n");
        sb.append("status=0\n");
        for (String word : launcher) {
            sb.append(quote(word)).append(' ');
        }
        sb.append("sweep run ").append(quote(grid.toAbsolutePath().toString()))
                .append(" --out ").append(quote(dir.toAbsolutePath().toString()))
                .append(" --workers ").append(r.cpusPerTask())
                .append(" --shard \"$SLURM_ARRAY_TASK_ID/").append(r.tasks()).append("\" || status=$?\n");
        sb.append("echo \"$status\" > ").append(quote(logs.toString()))
                .append("\"/${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID}.exit\"\n");
        sb.append("exit \"$status\"\n");
        return sb.toString();
    }

    /** A word in single quotes for bash ({@code '} written as {@code '\''}). */
    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /**
     * Submits a batch script with {@code sbatch --parsable}.
     *
     * @return the job id
     * @throws IllegalStateException if sbatch is missing or refuses the job (its message included)
     */
    public static String submit(Path script) {
        String out = command(List.of("sbatch", "--parsable", script.toAbsolutePath().toString()));
        String id = out.strip().split(";", 2)[0];
        if (!id.matches("\\d+")) {
            throw new IllegalStateException("sbatch printed no job id: " + out.strip());
        }
        return id;
    }

    /**
     * Polls {@code squeue} until the array has left the queue, then reads the tasks' exit files.
     *
     * @param jobId the array's job id
     * @param dir the sweep folder
     * @param tasks K
     * @param poll the interval between polls
     * @param status hears a one-line queue status whenever it changes
     * @return the tasks that did not finish with status 0, in task order
     * @throws IllegalStateException if squeue fails while the job is known
     */
    public static List<FailedTask> await(String jobId, Path dir, int tasks, Duration poll, Consumer<String> status) {
        String last = "";
        while (true) {
            String queue;
            try {
                queue = command(List.of("squeue", "-h", "-j", jobId, "-o", "%T"));
            } catch (IllegalStateException e) {
                if (e.getMessage().contains("Invalid job id")) {
                    break;      // already purged from the controller's memory: done
                }
                throw e;
            }
            List<String> states = queue.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
            if (states.isEmpty()) {
                break;
            }
            String now = describe(jobId, states);
            if (!now.equals(last)) {
                status.accept(now);
                last = now;
            }
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for job " + jobId, e);
            }
        }
        List<FailedTask> failed = new ArrayList<>();
        Path logs = dir.toAbsolutePath().resolve("logs");
        for (int i = 1; i <= tasks; i++) {
            Path exit = logs.resolve(jobId + "_" + i + ".exit");
            Integer code = null;
            try {
                code = Integer.valueOf(Files.readString(exit).strip());
            } catch (IOException | NumberFormatException e) {
                // no (or unreadable) exit record: the task was killed, timed out or never started
            }
            if (code == null || code != 0) {
                failed.add(new FailedTask(i, code, logs.resolve(jobId + "_" + i + ".out")));
            }
        }
        return failed;
    }

    private static String describe(String jobId, List<String> states) {
        java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
        states.forEach(s -> counts.merge(s.toLowerCase(Locale.ROOT), 1, Integer::sum));
        StringBuilder sb = new StringBuilder("job " + jobId + ":");
        counts.forEach((s, n) -> sb.append(' ').append(n).append(' ').append(s));
        return sb.toString();
    }

    /** Runs a command, returns its standard output; throws with its error output if it fails. */
    private static String command(List<String> argv) {
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(false).start();
            p.getOutputStream().close();
            byte[] err;
            byte[] out;
            try (var e = p.getErrorStream(); var o = p.getInputStream()) {
                out = o.readAllBytes();
                err = e.readAllBytes();
            }
            int code = p.waitFor();
            if (code != 0) {
                throw new IllegalStateException(argv.get(0) + " failed (exit " + code + "): "
                        + new String(err, StandardCharsets.UTF_8).strip());
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + argv.get(0) + " (is SLURM installed and on PATH?): "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + argv.get(0), e);
        }
    }

    /**
     * Writes the batch script as {@code DIR/sweep.sbatch} (atomically) and creates {@code DIR/logs}.
     *
     * @return the script's path
     */
    public static Path writeScript(Path dir, String script) {
        Path file = dir.resolve("sweep.sbatch");
        org.fganlab.report.AtomicFiles.writeString(file, script);
        try {
            Files.createDirectories(dir.resolve("logs"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir.resolve("logs") + ": " + e.getMessage(), e);
        }
        return file;
    }
}
