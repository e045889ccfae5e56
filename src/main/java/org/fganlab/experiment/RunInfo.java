package org.fganlab.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.fganlab.report.Json;

/**
 * The run metadata of one experiment: the {@code "run"} object of its summary.json, the footer of
 * its README.md and its row in the REPORT.md index. Written from memory after a run; read back
 * from summary.json only for experiments of earlier runs.
 *
 * @param experiment the experiment name
 * @param seed the seed
 * @param size the sizes run
 * @param commit the git commit of the build
 * @param jvm the JVM name and version
 * @param seconds wall time of the run, seconds; NaN when unknown
 * @param headline one Markdown line with the headline numbers; "" when unknown
 */
record RunInfo(String experiment, long seed, Experiment.Size size, String commit, String jvm,
        double seconds, String headline) {

    /** The JVM this process runs on, e.g. "OpenJDK 64-Bit Server VM 17.0.9". */
    static String currentJvm() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.version");
    }

    /** The {@code "run"} object of summary.json. */
    ObjectNode toJson() {
        ObjectNode run = Json.object();
        run.put("experiment", experiment).put("seed", seed).put("size", size.label())
                .put("git_commit", commit).put("jvm", jvm);
        if (!Double.isNaN(seconds)) {
            Json.put(run, "wall_seconds", seconds);
        }
        return run.put("headline", headline);
    }

    /**
     * The metadata of a summary.json's {@code "run"} object; fields it lacks are unknown. Files
     * written before sizes existed say {@code "quick": true|false}.
     */
    static RunInfo fromJson(String name, JsonNode run) {
        Experiment.Size size = run.has("size")
                ? Experiment.Size.valueOf(run.get("size").asText().toUpperCase(Locale.ROOT))
                : run.path("quick").asBoolean(false) ? Experiment.Size.QUICK : Experiment.Size.STANDARD;
        return new RunInfo(name, run.path("seed").asLong(Reproduce.DEFAULT_SEED), size,
                run.path("git_commit").asText("unknown"), run.path("jvm").asText("unknown"),
                run.has("wall_seconds") ? run.get("wall_seconds").asDouble() : Double.NaN,
                run.path("headline").asText(""));
    }

    /** The command that reproduces this run, e.g. {@code ./fganlab reproduce gan-theorem --quick --seed 7}. */
    String command() {
        String option = size.option();
        return "./fganlab reproduce " + experiment + (option.isEmpty() ? "" : " " + option)
                + " --seed " + seed;
    }

    /** "12.3 s", or "?" when unknown. */
    String wallTime() {
        return Double.isNaN(seconds) ? "?" : String.format(Locale.ROOT, "%.1f s", seconds);
    }

    /** The last paragraph of the experiment's README.md: command, seed, commit, JVM, wall time. */
    String footer() {
        return String.format(Locale.ROOT, "%nReproduce: `%s`. Seed %d, commit %s, %s, wall time %.1f s.%n",
                command(), seed, commit, jvm, seconds);
    }
}
