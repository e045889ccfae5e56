package org.fganlab.cli;

import java.nio.file.Path;
import java.util.List;
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
            description = "Experiments to run (default: all). Known: gan-theorem, gaussian-fit.")
    List<String> experiments;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "results",
            description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--quick", description = "Reduced sizes (seconds instead of minutes), as CI runs it.")
    boolean quick;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "20160606",
            description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        List<Experiment> selected = Reproduce.select(experiments);
        var err = spec.commandLine().getErr();
        List<Reproduce.Run> runs = Reproduce.run(selected, out, quick, seed, line -> {
            err.println(line);
            err.flush();
        });
        var o = spec.commandLine().getOut();
        o.println("wrote " + out.resolve("REPORT.md") + " (" + runs.size() + " experiment"
                + (runs.size() == 1 ? "" : "s") + ")");
        return 0;
    }
}
