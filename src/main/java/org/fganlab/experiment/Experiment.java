package org.fganlab.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** A named, seeded experiment of the lab report. */
public interface Experiment {

    /** The folder and command name, e.g. {@code gan-theorem}. */
    String name();

    /** One-line title for REPORT.md. */
    String title();

    /**
     * Runs the experiment and writes its data files and plots into {@code context.dir()}.
     *
     * @param context where to write, sizes, seed, progress sink
     * @return the summary and the Markdown section
     */
    Outcome run(Context context);

    /**
     * The inputs of one run.
     *
     * @param dir the experiment's output folder (created by the caller)
     * @param size how much to run
     * @param seed the seed of every random choice
     * @param progress receives short progress lines
     * @param sweeps a folder kept between runs, outside the staged output, for experiments that
     *     run a resumable sweep (today the full {@code mode-coverage}: {@code sweeps/mode-coverage-full-SEED})
     */
    record Context(Path dir, Size size, long seed, Consumer<String> progress, Path sweeps) {
    }

    /**
     * How much an experiment runs. Experiments without a larger variant run FULL as STANDARD;
     * {@code sample-size} ({@link SampleSizeExperiment#FULL}) and {@code mode-coverage}
     * ({@link ModeCoverageExperiment#computeFull}) have one.
     */
    enum Size {
        /** Reduced sizes, seconds instead of minutes: what CI runs ({@code --quick}). */
        QUICK,
        /** The sizes of the committed report (the default). */
        STANDARD,
        /** The largest grids ({@code --full}); STANDARD where an experiment has no larger one. */
        FULL;

        /** The lower-case name written to summary.json: quick, standard or full. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The command-line option that selects this size: --quick, "" or --full. */
        public String option() {
            return this == STANDARD ? "" : "--" + label();
        }
    }

    /**
     * What a run produced besides its files.
     *
     * @param summary the numbers of the run (written as summary.json with run metadata added)
     * @param headline one Markdown line with the headline numbers, for the REPORT.md index
     * @param section the Markdown section; the argument is the prefix to put before file names
     *     in links ("" inside the experiment folder, "name/" from REPORT.md)
     */
    record Outcome(ObjectNode summary, String headline, UnaryOperator<String> section) {
    }
}
