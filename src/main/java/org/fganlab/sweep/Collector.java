package org.fganlab.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * Gathers a sweep folder's run files into statistics per cell: a cell is one assignment of the
 * {@code by} keys (by default every grid key but {@code seed} that has more than one value; the
 * single-valued keys are the same in every cell), and for every numeric result of
 * the run documents (nested objects flattened to {@code a.b}; fields that echo the configuration
 * left out) it gives the number of runs, mean, sample standard deviation and a 95% percentile
 * bootstrap interval of the mean ({@value #RESAMPLES} resamples, seed {@value #SEED}, so the
 * same run files give the same table). Runs that failed, and runs that are missing or whose
 * files cannot be trusted, are listed and left out of the statistics, never averaged over.
 */
public final class Collector {

    /** Bootstrap resamples per statistic. */
    public static final int RESAMPLES = 10_000;
    /** Seed of the bootstrap (the same for every cell and metric). */
    public static final long SEED = 1;

    /**
     * The statistics of one metric in one cell. NaN marks a value that does not exist (sd and
     * interval of fewer than two values, or of values that are not all finite).
     *
     * @param metric the field name ({@code a.b} for a nested one)
     * @param n runs that have the field
     * @param mean the mean (±∞ if a value is infinite, NaN if both infinities occur)
     * @param sd sample standard deviation (n − 1 in the denominator)
     * @param lower lower end of the 95% bootstrap interval of the mean
     * @param upper upper end of that interval
     * @param nonFinite how many of the n values are infinite
     */
    public record Stat(String metric, int n, double mean, double sd, double lower, double upper, int nonFinite) {
    }

    /**
     * One cell.
     *
     * @param assignment the by keys' values, in the by order
     * @param expected runs of the grid in the cell
     * @param finished trusted finished runs in the cell
     * @param stats one per metric, in the order the metrics first appear
     */
    public record Cell(Map<String, String> assignment, int expected, int finished, List<Stat> stats) {
        /** {@code k=v, k=v} in the by order. */
        public String label() {
            StringBuilder sb = new StringBuilder();
            assignment.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(v));
            return sb.toString();
        }
    }

    /**
     * The collection.
     *
     * @param by the keys that define the cells
     * @param fixed the grid keys with a single value that are not by keys, with their value
     * @param expected runs in the grid
     * @param metrics every metric, in first-appearance order
     * @param cells in the order of the grid's runs
     * @param failed runs whose file records a failure (error in the entry)
     * @param missing runs with no file, or a file that cannot be trusted (reason in the entry)
     */
    public record Collection(List<String> by, Map<String, String> fixed, int expected, List<String> metrics, List<Cell> cells,
            List<RunFiles.Entry> failed, List<RunFiles.Entry> missing) {
    }

    private Collector() {
    }

    /**
     * Collects a sweep folder.
     *
     * @param dir the sweep folder (with grid.json and runs/)
     * @param by the cell keys, or null for every grid key but {@code seed} with several values
     * @param configurationFields document fields that are not results ({@link Runner#configurationFields()})
     * @throws GridException if dir has no grid.json, or a by key is not a grid key (naming it)
     * @throws java.io.UncheckedIOException if a file cannot be read
     */
    public static Collection collect(Path dir, List<String> by, Set<String> configurationFields) {
        Path gridFile = dir.resolve("grid.json");
        if (!Files.isRegularFile(gridFile)) {
            throw new GridException(null, "no sweep in " + dir + ": " + gridFile + " is missing (run 'sweep run' first)");
        }
        Grid grid = Grid.read(gridFile);
        List<String> keys = new ArrayList<>();
        if (by == null) {
            grid.keys().stream().filter(k -> !k.equals("seed") && grid.values(k).size() > 1).forEach(keys::add);
        } else {
            for (String k : by) {
                if (!grid.keys().contains(k)) {
                    throw new GridException(k, "--by key '" + k + "' is not a key of the grid " + grid.keys());
                }
                if (!keys.contains(k)) {
                    keys.add(k);
                }
            }
        }
        Map<Map<String, String>, List<Map<String, Double>>> cells = new LinkedHashMap<>();
        List<RunFiles.Entry> failed = new ArrayList<>();
        List<RunFiles.Entry> missing = new ArrayList<>();
        Set<String> metrics = new LinkedHashSet<>();
        List<RunSpec> runs = grid.runs();
        for (RunSpec r : runs) {
            Map<String, String> cell = new LinkedHashMap<>();
            keys.forEach(k -> cell.put(k, r.options().get(k)));
            List<Map<String, Double>> results = cells.computeIfAbsent(cell, c -> new ArrayList<>());
            RunFiles.Entry e = RunFiles.read(dir, r);
            switch (e.state()) {
                case FINISHED -> {
                    Map<String, Double> numbers = numbers(e.result(), configurationFields);
                    results.add(numbers);
                    metrics.addAll(numbers.keySet());
                }
                case FAILED -> failed.add(e);
                default -> missing.add(e);
            }
        }
        List<Cell> out = new ArrayList<>();
        cells.forEach((cell, results) -> {
            int expected = (int) runs.stream().filter(r -> matches(r, cell)).count();
            List<Stat> stats = new ArrayList<>();
            for (String m : metrics) {
                double[] values = results.stream().map(x -> x.get(m)).filter(v -> v != null)
                        .mapToDouble(Double::doubleValue).toArray();
                if (values.length > 0) {
                    stats.add(stat(m, values));
                }
            }
            out.add(new Cell(cell, expected, results.size(), stats));
        });
        Map<String, String> fixed = new LinkedHashMap<>();
        grid.keys().stream().filter(k -> !keys.contains(k) && grid.values(k).size() == 1)
                .forEach(k -> fixed.put(k, grid.values(k).get(0)));
        return new Collection(List.copyOf(keys), fixed, runs.size(), List.copyOf(metrics), out, failed, missing);
    }

    private static boolean matches(RunSpec r, Map<String, String> cell) {
        for (Map.Entry<String, String> e : cell.entrySet()) {
            if (!e.getValue().equals(r.options().get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The numeric fields of a document: numbers and the strings "Infinity"/"-Infinity", nested
     * objects flattened to {@code a.b}; arrays and top-level configuration fields left out.
     */
    static Map<String, Double> numbers(JsonNode document, Set<String> configurationFields) {
        Map<String, Double> out = new LinkedHashMap<>();
        flatten("", document, configurationFields, out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Set<String> skip, Map<String, Double> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = prefix + e.getKey();
            JsonNode v = e.getValue();
            if (prefix.isEmpty() && skip.contains(name)) {
                continue;
            }
            if (v.isNumber()) {
                out.put(name, v.doubleValue());
            } else if (v.isTextual() && v.textValue().equals("Infinity")) {
                out.put(name, Double.POSITIVE_INFINITY);
            } else if (v.isTextual() && v.textValue().equals("-Infinity")) {
                out.put(name, Double.NEGATIVE_INFINITY);
            } else if (v.isObject()) {
                flatten(name + ".", v, skip, out);
            }
        }
    }

    /** The statistics of one metric's values (at least one). */
    static Stat stat(String metric, double[] x) {
        int n = x.length;
        int nonFinite = (int) Arrays.stream(x).filter(v -> !Double.isFinite(v)).count();
        double mean = mean(x);
        if (nonFinite > 0 || n < 2) {
            return new Stat(metric, n, mean, Double.NaN, Double.NaN, Double.NaN, nonFinite);
        }
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        RandomGenerator rng = new Well19937c(SEED);
        double[] means = new double[RESAMPLES];
        double[] sample = new double[n];
        for (int b = 0; b < RESAMPLES; b++) {
            for (int i = 0; i < n; i++) {
                sample[i] = x[rng.nextInt(n)];
            }
            means[b] = mean(sample);
        }
        Arrays.sort(means);
        // percentile interval: the 2.5% and 97.5% order statistics of the resampled means
        double lower = means[(int) Math.floor(0.025 * (RESAMPLES - 1))];
        double upper = means[(int) Math.ceil(0.975 * (RESAMPLES - 1))];
        return new Stat(metric, n, mean, sd, lower, upper, 0);
    }

    /**
     * The mean with the two-pass correction m + Σ(x − m)/n of the naive mean m (as Hipparchus'
     * {@code Mean}): n equal values give that value exactly.
     */
    static double mean(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        double m = sum / x.length;
        if (!Double.isFinite(m)) {
            return m;
        }
        double correction = 0;
        for (double v : x) {
            correction += v - m;
        }
        return m + correction / x.length;
    }
}
