package org.fganlab.cli;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.fganlab.experiment.Experiment;
import org.fganlab.experiment.Registry;
import org.fganlab.experiment.Reproduce;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code fganlab reproduce [EXPERIMENT...|all] [--out DIR] [--quick|--full] [--seed S]}. */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        header = "Run the lab's experiments and write the report.",
        description = {"The main job: REPORT.md plus one folder per experiment with summary.json, CSV",
            "data and PNG plots. Each experiment writes into a staging folder beside its",
            "own; when all have finished, each folder is replaced in one step and REPORT.md",
            "is rewritten, so no folder mixes two runs. Folders of experiments not run stay",
            "and REPORT.md lists them with a link to their README.md.",
            "Progress (each experiment's start, end and wall time) goes to standard error."})
final class ReproduceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "EXPERIMENT", arity = "0..*",
            completionCandidates = ReproduceCommand.Names.class,
            description = "Experiments to run (default: all). Known: ${COMPLETION-CANDIDATES}.")
    List<String> experiments;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "results",
            description = "Output folder, checked before anything runs (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--quick", description = "Reduced sizes (seconds instead of minutes), as CI runs it.")
    boolean quick;

    @Option(names = "--full", description = {"Largest sizes (hours): sample-size runs its",
        "full grid, mode-coverage the full protocol as a",
        "resumable sweep in OUT/sweeps (a killed run resumes",
        "there); the others have no larger variant and run",
        "their default sizes. Not with --quick."})
    boolean full;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "20160606",
            description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--jobs", paramLabel = "N",
            description = "Experiments run at once (default: the number of processors, here "
                    + "${DEFAULT-VALUE}; 1 = serial). The numbers do not depend on it.")
    int jobs = Reproduce.defaultJobs();

    /** The registered experiment names, for the help text. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Registry.names().iterator();
        }
    }

    /** Seconds between status lines while experiments run. */
    private static final long STATUS_SECONDS = 60;

    @Override
    public Integer call() {
        if (jobs < 1) {
            throw new IllegalArgumentException("--jobs must be >= 1, got " + jobs);
        }
        if (quick && full) {
            throw new IllegalArgumentException("--quick and --full exclude each other: give one");
        }
        Experiment.Size size = quick ? Experiment.Size.QUICK
                : full ? Experiment.Size.FULL : Experiment.Size.STANDARD;
        List<Experiment> selected = Registry.select(experiments);
        OutputFolder.checkWritable("--out", out, selected.stream().map(Experiment::name).toList(),
                "summary.json");
        ReproduceProgress progress = new ReproduceProgress(spec.commandLine().getErr(), System::nanoTime);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "reproduce-status");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(progress::status, STATUS_SECONDS, STATUS_SECONDS, TimeUnit.SECONDS);
        long t0 = System.nanoTime();
        List<Reproduce.Run> runs;
        try {
            runs = Reproduce.run(selected, out, size, seed, jobs, progress);
        } finally {
            timer.shutdownNow();
        }
        var o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "wrote %s (%d experiment%s, %s)%n",
                out.resolve("REPORT.md"), runs.size(), runs.size() == 1 ? "" : "s",
                ReproduceProgress.duration((System.nanoTime() - t0) * 1e-9));
        return ExitCodes.OK;
    }
}
