package org.fganlab.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fganlab.sweep.Collector;
import org.fganlab.sweep.Grid;
import org.fganlab.sweep.RunFiles;
import org.fganlab.sweep.Shard;
import org.fganlab.sweep.Slurm;
import org.fganlab.sweep.SummaryFiles;
import org.fganlab.sweep.SweepRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code fganlab sweep run|submit|collect}: grids of train runs, locally or as a SLURM job array. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        header = "Run grids of seeded train runs, locally or on a SLURM cluster.",
        description = {"Grids of seeded train runs, on local cores or as a SLURM job array.",
            "A grid is a JSON object of train option names (without dashes) to lists of",
            "values, e.g. {\"target\": [\"normal(0,1)\"], \"div\": [\"kl\", \"js\"], \"steps\":",
            "[500], \"seed\": [1, 2, 3]}; its runs are the Cartesian product, minus the",
            "partial assignments of an optional \"exclude\" list. Each run has a stable id",
            "from its options and is written to DIR/runs/ID.json with its history CSV."},
        subcommands = {SweepCommand.Run.class, SweepCommand.Submit.class, SweepCommand.Collect.class},
        footer = {"", "Exit codes: 0 ok, 1 runs failed or are missing, 2 bad input (a malformed",
            "grid names its key)."})
final class SweepCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reads a grid file (its structure checked; its options are checked against train's before a run). */
    static Grid readGrid(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("grid file '" + file + "' does not exist");
        }
        return Grid.read(file);
    }

    /** Refuses an output folder that is an existing file. */
    static void checkOut(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--out '" + dir + "' is a file, not a folder");
        }
    }

    /** {@code sweep run}. */
    @Command(name = "run", mixinStandardHelpOptions = true,
            header = "Run a grid (or one shard of it) on local workers.",
            description = {"Run a grid (or shard I of N) on single-threaded local workers.",
            "Finished runs are skipped, so a killed sweep resumes where it stopped;",
            "untrusted (partial, corrupted) run files and failed runs are run again. The",
            "run files are bit-identical whatever the worker count or sharding."},
            footer = {"", "Example:", "  fganlab sweep run docs/examples/sweep-grid.json --out /tmp/sweep --workers 2"})
    static final class Run implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "GRID", description = "The grid file (JSON).")
        Path grid;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "The sweep folder.")
        Path out;

        @Option(names = "--workers", paramLabel = "N",
                description = "Parallel single-threaded runs (default: all cores, here ${DEFAULT-VALUE}).")
        int workers = Runtime.getRuntime().availableProcessors();

        @Option(names = "--shard", paramLabel = "I/N", description = "Run only shard I of N (numbered from 1).")
        String shard;

        @Override
        public Integer call() {
            if (workers < 1) {
                throw new IllegalArgumentException("--workers must be >= 1, got " + workers);
            }
            Shard s = shard == null ? Shard.ALL : Shard.parse(shard);
            checkOut(out);
            Grid g = readGrid(grid);     // SweepRunner validates it before it writes anything
            PrintWriter o = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            SweepRunner.Listener progress = System.console() != null ? new Bar(err) : new Lines(o);
            long t0 = System.nanoTime();
            SweepRunner.Summary r = SweepRunner.run(g, new TrainRuns(), out, s, workers, progress);
            o.printf(Locale.ROOT, "sweep %s%s: %d runs, %d already finished, %d finished now, %d failed, "
                    + "%.2f s on %d worker(s); run files in %s%n", grid,
                    s.equals(Shard.ALL) ? "" : " shard " + s, r.total(), r.skipped(), r.finished(), r.failed(),
                    (System.nanoTime() - t0) * 1e-9, workers, RunFiles.runsDir(out));
            return r.failed() == 0 ? 0 : ExitCodes.CHECK_FAILED;
        }
    }

    /** {@code sweep submit}. */
    @Command(name = "submit", mixinStandardHelpOptions = true,
            header = "Submit a grid as a SLURM job array.",
            description = {"Submit a grid as a SLURM job array.",
            "Writes DIR/sweep.sbatch, whose task i of K runs 'fganlab sweep run GRID",
            "--out DIR --shard i/K', submits it with sbatch and prints the job id. DIR",
            "must be on storage every node shares. With --wait, follows the array until",
            "it is done and lists failed tasks with their logs (DIR/logs/<job>_<i>.out)."},
            footer = {"", "Example:", "  fganlab sweep submit docs/examples/sweep-grid.json --out $HOME/sweep --engine slurm --tasks 4 --wait"})
    static final class Submit implements Callable<Integer> {
        /** The cluster engines. */
        enum Engine { SLURM }

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "GRID", description = "The grid file (JSON).")
        Path grid;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "The sweep folder (shared storage).")
        Path out;

        @Option(names = "--engine", required = true, paramLabel = "ENGINE", description = "slurm")
        Engine engine;

        @Option(names = "--tasks", paramLabel = "K", description = "Array size (default: the number of runs, at most 1000).")
        Integer tasks;

        @Option(names = "--partition", paramLabel = "P", description = "SLURM partition (default: the cluster's).")
        String partition;

        @Option(names = "--time", paramLabel = "T", description = "Time limit per task, e.g. 2:00:00 (default: the partition's).")
        String time;

        @Option(names = "--cpus-per-task", paramLabel = "C", defaultValue = "1",
                description = "CPUs per task, each a single-threaded worker (default: ${DEFAULT-VALUE}).")
        int cpusPerTask;

        @Option(names = "--wait", description = "Follow the array until it is done; exit 1 if a task failed.")
        boolean await;

        @Override
        public Integer call() {
            checkOut(out);
            Grid g = readGrid(grid);
            g.validate(new TrainRuns());
            int k = tasks != null ? tasks : Math.min(g.runs().size(), 1000);
            Slurm.Resources resources = new Slurm.Resources(k, cpusPerTask, partition, time);
            PrintWriter o = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Path dir = out.toAbsolutePath();
            Path script = Slurm.writeScript(dir, Slurm.script(launcher(), grid, dir, resources));
            String job;
            try {
                job = Slurm.submit(script);
            } catch (IllegalStateException e) {
                err.println("fganlab: " + e.getMessage());
                return ExitCodes.CHECK_FAILED;
            }
            o.println(job);
            o.flush();
            err.printf(Locale.ROOT, "submitted job %s: %d task(s) of %d run(s); script %s, logs in %s%n", job, k,
                    g.runs().size(), script, dir.resolve("logs"));
            if (!await) {
                return 0;
            }
            List<Slurm.FailedTask> failed;
            try {
                failed = Slurm.await(job, dir, k, Duration.ofSeconds(2), s -> {
                    err.println(s);
                    err.flush();
                });
            } catch (IllegalStateException e) {
                err.println("fganlab: " + e.getMessage());
                return ExitCodes.CHECK_FAILED;
            }
            for (Slurm.FailedTask f : failed) {
                err.printf(Locale.ROOT, "task %d %s; log %s%n", f.task(),
                        f.status() == null ? "left no exit status (killed, timed out or never started)"
                                : "failed with exit status " + f.status(), f.log());
            }
            o.printf(Locale.ROOT, "job %s done: %d of %d task(s) failed%n", job, failed.size(), k);
            return failed.isEmpty() ? 0 : ExitCodes.CHECK_FAILED;
        }

        /**
         * The command that runs this CLI on a node, by absolute paths: the repository's fganlab
         * script when running from its target/fgan-lab.jar, else this JVM with its class path.
         */
        static List<String> launcher() {
            try {
                Path code = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                Path script = code.toAbsolutePath().getParent().resolveSibling("fganlab");
                if (code.toString().endsWith(".jar") && Files.isExecutable(script)) {
                    return List.of(script.toString());
                }
            } catch (URISyntaxException | SecurityException | NullPointerException e) {
                // fall back to the JVM below
            }
            List<String> cmd = new ArrayList<>();
            cmd.add(ProcessHandle.current().info().command().orElse(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
                if (a.startsWith("--add-modules") || a.equals("-Djava.awt.headless=true")) {
                    cmd.add(a);
                }
            }
            cmd.add("-cp");
            cmd.add(absoluteClassPath());
            cmd.add(Main.class.getName());
            return cmd;
        }

        private static String absoluteClassPath() {
            List<String> parts = new ArrayList<>();
            for (String p : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                parts.add(Path.of(p).toAbsolutePath().toString());
            }
            return String.join(java.io.File.pathSeparator, parts);
        }
    }

    /** {@code sweep collect}. */
    @Command(name = "collect", mixinStandardHelpOptions = true,
            header = "Collect a sweep folder into tables over seeds.",
            description = {"Collect a sweep folder into tables over seeds.",
            "One table per cell (by default the grid keys but seed that have several",
            "values): runs, mean ± sd and a 95%% bootstrap interval of every numeric",
            "result; written as summary.md, summary.csv, summary.json and one PNG per",
            "metric under DIR/summary (or DIR/summary-by-KEYS). Failed and missing runs",
            "are listed, never averaged over."},
            footer = {"", "Example:", "  fganlab sweep collect /tmp/sweep --by div"})
    static final class Collect implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "The sweep folder.")
        Path dir;

        @Option(names = "--by", split = ",", paramLabel = "KEYS",
                description = "Comma-separated grid keys that define the cells (default: all but seed).")
        List<String> by;

        @Override
        public Integer call() {
            Collector.Collection c = Collector.collect(dir, by, new TrainRuns().configurationFields());
            Path folder = SummaryFiles.folder(dir, by);
            PrintWriter o = spec.commandLine().getOut();
            o.print(SummaryFiles.write(folder, c));
            o.println();
            o.println("wrote " + folder.resolve("summary.md") + ", summary.csv, summary.json and "
                    + c.metrics().size() + " plot(s)");
            if (!c.failed().isEmpty() || !c.missing().isEmpty()) {
                spec.commandLine().getErr().printf(Locale.ROOT, "fganlab: incomplete sweep: %d failed, %d missing run(s)%n",
                        c.failed().size(), c.missing().size());
                return ExitCodes.CHECK_FAILED;
            }
            return 0;
        }
    }

    /** One line per finished run (not a terminal: logs, pipes, SLURM). */
    private static final class Lines implements SweepRunner.Listener {
        private final PrintWriter out;

        Lines(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void planned(int total, int skipped, int toRun) {
            out.printf(Locale.ROOT, "%d runs: %d already finished, %d to run%n", total, skipped, toRun);
            out.flush();
        }

        @Override
        public void finished(RunFiles.Entry e, int done, int toRun, double seconds) {
            out.printf(Locale.ROOT, "[%d/%d] %s %s in %.2f s: %s%s%n", done, toRun, e.spec().id(),
                    e.state() == RunFiles.State.FAILED ? "FAILED" : "finished", seconds, e.spec().describe(),
                    e.state() == RunFiles.State.FAILED ? " (" + e.error() + ")" : "");
            out.flush();
        }
    }

    /** A progress bar with the failures so far and an ETA, on a terminal. */
    private static final class Bar implements SweepRunner.Listener {
        private final PrintWriter err;
        private long start;
        private int failed;

        Bar(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void planned(int total, int skipped, int toRun) {
            start = System.nanoTime();
            err.printf(Locale.ROOT, "%d runs: %d already finished, %d to run%n", total, skipped, toRun);
            err.flush();
        }

        @Override
        public void finished(RunFiles.Entry e, int done, int toRun, double seconds) {
            failed += e.state() == RunFiles.State.FAILED ? 1 : 0;
            double elapsed = (System.nanoTime() - start) * 1e-9;
            long eta = Math.round(elapsed / done * (toRun - done));
            int filled = 25 * done / toRun;
            err.printf(Locale.ROOT, "\r[%s%s] %d/%d runs%s  elapsed %s  ETA %s ", "#".repeat(filled),
                    ".".repeat(25 - filled), done, toRun, failed > 0 ? ", " + failed + " failed" : "",
                    clock(Math.round(elapsed)), clock(eta));
            if (done == toRun) {
                err.println();
            }
            err.flush();
        }

        private static String clock(long s) {
            return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                    : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
        }
    }
}
