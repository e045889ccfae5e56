package org.fganlab.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.fganlab.report.Json;

/**
 * A sweep's grid: option name → list of values, whose Cartesian product (minus the
 * {@code "exclude"}d combinations) is the set of runs.
 *
 * <p>Format (JSON object): every key but {@code "exclude"} is an option name without dashes and
 * maps to a non-empty list of distinct strings, numbers or booleans (a value is used as its
 * text, as on the command line); {@code "exclude"} is an optional list of partial assignments,
 * objects mapping some grid keys to a value or a list of values of that key, and drops every run
 * that matches all of an entry's keys. Example:
 * <pre>{@code
 * {"target": ["ring(8,2,0.02)"], "div": ["js", "kl"], "loss": ["minimax", "non-saturating"],
 *  "seed": [1, 2, 3], "exclude": [{"div": "kl", "loss": "non-saturating"}]}
 * }</pre>
 */
public final class Grid {

    /** The reserved key of the excluded partial assignments. */
    public static final String EXCLUDE = "exclude";

    private final SortedMap<String, List<String>> axes;
    private final List<Map<String, Set<String>>> excludes;
    private final String text;

    private Grid(SortedMap<String, List<String>> axes, List<Map<String, Set<String>>> excludes, String text) {
        this.axes = axes;
        this.excludes = excludes;
        this.text = text;
    }

    /** The grid's JSON text as parsed (a sweep folder keeps it as {@code grid.json}). */
    public String text() {
        return text;
    }

    /**
     * Reads a grid file.
     *
     * @throws GridException if the file is not a well-formed grid (message names the key)
     * @throws UncheckedIOException if it cannot be read
     */
    public static Grid read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read grid " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses a grid (class comment for the format). Checks the structure only; option names and
     * values are checked by {@link #validate(Runner)}.
     *
     * @throws GridException naming the key: not a JSON object, a key that is not a list, an
     *     empty list, a value that is not a string/number/boolean, a repeated value, a bad
     *     exclude entry, or no run left after exclusion
     */
    public static Grid parse(String json) {
        JsonNode root;
        try {
            root = Json.parse(json);
        } catch (IllegalArgumentException e) {
            throw new GridException(null, "grid: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new GridException(null, "grid: must be a JSON object of option name -> list of values");
        }
        SortedMap<String, List<String>> axes = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals(EXCLUDE)) {
                continue;
            }
            String key = e.getKey();
            if (!e.getValue().isArray()) {
                throw new GridException(key, "grid key '" + key + "': must be a list of values, e.g. [1, 2], got "
                        + e.getValue());
            }
            if (e.getValue().isEmpty()) {
                throw new GridException(key, "grid key '" + key + "': empty list (give at least one value)");
            }
            List<String> values = new ArrayList<>();
            for (JsonNode v : e.getValue()) {
                String s = scalar(key, v);
                if (values.contains(s)) {
                    throw new GridException(key, "grid key '" + key + "': value '" + s + "' appears twice");
                }
                values.add(s);
            }
            axes.put(key, Collections.unmodifiableList(values));
        }
        if (axes.isEmpty()) {
            throw new GridException(null, "grid: no option keys (give e.g. {\"seed\": [1, 2]})");
        }
        List<Map<String, Set<String>>> excludes = excludes(root.get(EXCLUDE), axes);
        Grid grid = new Grid(Collections.unmodifiableSortedMap(axes), excludes, json);
        if (grid.runs().isEmpty()) {
            throw new GridException(EXCLUDE, "grid key 'exclude': excludes every run of the grid");
        }
        return grid;
    }

    private static List<Map<String, Set<String>>> excludes(JsonNode node, Map<String, List<String>> axes) {
        List<Map<String, Set<String>>> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (!node.isArray()) {
            throw new GridException(EXCLUDE, "grid key 'exclude': must be a list of partial assignments,"
                    + " e.g. [{\"div\": \"kl\", \"loss\": \"non-saturating\"}]");
        }
        int n = 0;
        for (JsonNode entry : node) {
            n++;
            if (!entry.isObject() || entry.isEmpty()) {
                throw new GridException(EXCLUDE, "grid key 'exclude': entry " + n
                        + " must be a non-empty object of grid key -> value(s), got " + entry);
            }
            Map<String, Set<String>> partial = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = entry.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = e.getKey();
                List<String> allowed = axes.get(key);
                if (allowed == null) {
                    throw new GridException(EXCLUDE, "grid key 'exclude': entry " + n + " names '" + key
                            + "', which is not a key of the grid " + axes.keySet());
                }
                Set<String> values = new LinkedHashSet<>();
                for (JsonNode v : e.getValue().isArray() ? e.getValue() : List.of(e.getValue())) {
                    String s = scalar(EXCLUDE, v);
                    if (!allowed.contains(s)) {
                        throw new GridException(EXCLUDE, "grid key 'exclude': entry " + n + " gives " + key
                                + " = '" + s + "', which is not among the grid's values " + allowed);
                    }
                    values.add(s);
                }
                partial.put(key, Collections.unmodifiableSet(values));
            }
            out.add(Collections.unmodifiableMap(partial));
        }
        return Collections.unmodifiableList(out);
    }

    private static String scalar(String key, JsonNode v) {
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isNumber() || v.isBoolean()) {
            return v.asText();
        }
        throw new GridException(key, "grid key '" + key + "': values must be strings, numbers or booleans, got " + v);
    }

    /** The option names, sorted. */
    public List<String> keys() {
        return List.copyOf(axes.keySet());
    }

    /** The values of a key in file order (empty if the key is not in the grid). */
    public List<String> values(String key) {
        return axes.getOrDefault(key, List.of());
    }

    /**
     * The runs: the Cartesian product in the order of the sorted keys (the last key varying
     * fastest) and of each key's values, minus the excluded combinations.
     */
    public List<RunSpec> runs() {
        List<RunSpec> out = new ArrayList<>();
        List<String> keys = keys();
        int[] at = new int[keys.size()];
        while (true) {
            Map<String, String> assignment = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                assignment.put(keys.get(i), axes.get(keys.get(i)).get(at[i]));
            }
            if (!excluded(assignment)) {
                out.add(RunSpec.of(assignment));
            }
            int i = keys.size() - 1;
            while (i >= 0 && ++at[i] == axes.get(keys.get(i)).size()) {
                at[i] = 0;
                i--;
            }
            if (i < 0) {
                return out;
            }
        }
    }

    private boolean excluded(Map<String, String> assignment) {
        for (Map<String, Set<String>> partial : excludes) {
            boolean all = true;
            for (Map.Entry<String, Set<String>> e : partial.entrySet()) {
                all &= e.getValue().contains(assignment.get(e.getKey()));
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    /**
     * Checks every key against the runner's options and every run with {@link Runner#check},
     * before anything runs.
     *
     * @throws GridException naming the key: an unknown option, or a bad value (the key is the
     *     one whose value, changed to a value of a valid run, makes the run valid; failing that,
     *     the one whose value the runner's message quotes; failing that, the run's whole
     *     assignment is named)
     */
    public void validate(Runner runner) {
        Set<String> known = runner.optionNames();
        for (String key : keys()) {
            if (!known.contains(key)) {
                throw new GridException(key, "grid key '" + key + "' is not an option of the run; accepted: "
                        + String.join(", ", new TreeSet<>(known)));
            }
        }
        List<RunSpec> runs = runs();
        Map<RunSpec, IllegalArgumentException> failures = new LinkedHashMap<>();
        RunSpec valid = null;
        for (RunSpec r : runs) {
            IllegalArgumentException e = check(runner, r.options());
            if (e instanceof GridException g && g.key() != null) {
                throw g;
            }
            if (e != null) {
                failures.put(r, e);
            } else if (valid == null) {
                valid = r;
            }
        }
        if (failures.isEmpty()) {
            return;
        }
        Map.Entry<RunSpec, IllegalArgumentException> first = failures.entrySet().iterator().next();
        throw blame(runner, first.getKey(), first.getValue(), valid);
    }

    private static GridException blame(Runner runner, RunSpec bad, IllegalArgumentException e, RunSpec valid) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
        if (valid != null) {
            for (String key : bad.options().keySet()) {
                String v = bad.options().get(key);
                if (v.equals(valid.options().get(key))) {
                    continue;
                }
                SortedMap<String, String> fixed = new TreeMap<>(bad.options());
                fixed.put(key, valid.options().get(key));
                if (check(runner, fixed) == null) {
                    return badValue(key, v, message);
                }
            }
        }
        List<String> quoted = new ArrayList<>();
        bad.options().forEach((k, v) -> {
            if (message.contains("'" + v + "'")) {
                quoted.add(k);
            }
        });
        if (quoted.size() == 1) {
            return badValue(quoted.get(0), bad.options().get(quoted.get(0)), message);
        }
        return new GridException(null, "grid run {" + bad.describe() + "}: " + message);
    }

    private static GridException badValue(String key, String value, String message) {
        return new GridException(key, "grid key '" + key + "': value '" + value + "': " + message);
    }

    private static IllegalArgumentException check(Runner runner, SortedMap<String, String> options) {
        try {
            runner.check(options);
            return null;
        } catch (IllegalArgumentException e) {
            return e;
        }
    }
}
