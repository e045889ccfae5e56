package org.fganlab.cli;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fganlab.experiment.Experiment;
import org.fganlab.experiment.Reproduce;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code fganlab reproduce [EXPERIMENT...|all] [--out DIR] [--quick] [--seed S]}. */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = {"The main job: run the lab's experiments and write the report",
            "(REPORT.md plus one folder per experiment with summary.json, CSV, PNG plots)."})
final class ReproduceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "EXPERIMENT", arity = "0..*",
            completionCandidates = ReproduceCommand.Names.class,
            description = "Experiments to run (default: all). Known: ${COMPLETION-CANDIDATES}.")
    List<String> experiments;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "results",
            description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--quick", description = "Reduced sizes (seconds instead of minutes), as CI runs it.")
    boolean quick;

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
            return Reproduce.names().iterator();
        }
    }

    @Override
    public Integer call() {
        if (jobs < 1) {
            throw new IllegalArgumentException("--jobs must be >= 1, got " + jobs);
        }
        List<Experiment> selected = Reproduce.select(experiments);
        var err = spec.commandLine().getErr();
        long t0 = System.nanoTime();
        List<Reproduce.Run> runs = Reproduce.run(selected, out, quick, seed, jobs, line -> {
            err.println(line);
            err.flush();
        });
        var o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "wrote %s (%d experiment%s, %.1f s)%n",
                out.resolve("REPORT.md"), runs.size(), runs.size() == 1 ? "" : "s",
                (System.nanoTime() - t0) * 1e-9);
        return 0;
    }
}
