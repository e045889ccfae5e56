package org.fganlab.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The experiments of the lab report, in report order, and the resolution of their names. */
public final class Registry {

    private Registry() {
    }

    /** Every experiment, in report order. */
    public static List<Experiment> all() {
        return List.of(new GanTheoremExperiment(), new DivergenceLandscapeExperiment(),
                new GaussianFitExperiment(), new SaturationExperiment(),
                new DisjointSupportsExperiment(), new ModeCoverageExperiment(),
                new BoundTightnessExperiment(), new SampleSizeExperiment());
    }

    /** The registered experiment names, in report order. */
    public static List<String> names() {
        return all().stream().map(Experiment::name).toList();
    }

    /**
     * Resolves names ("all" or registered names, case-insensitive) before anything is written.
     *
     * @param names the names given; null or empty means all
     * @return the experiments, in the order given, each once
     * @throws IllegalArgumentException for an unknown name, listing the accepted ones
     */
    public static List<Experiment> select(List<String> names) {
        if (names == null || names.isEmpty()) {
            return all();
        }
        Map<String, Experiment> byName = new LinkedHashMap<>();
        for (Experiment e : all()) {
            byName.put(e.name(), e);
        }
        List<Experiment> out = new ArrayList<>();
        for (String raw : names) {
            String n = raw.trim().toLowerCase(Locale.ROOT);
            if (n.equals("all")) {
                return all();
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
}
