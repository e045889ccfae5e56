package org.fganlab.sweep;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fganlab.report.AtomicFiles;
import org.fganlab.report.IntervalPlots;
import org.fganlab.report.Json;
import org.fganlab.report.Tables;

/**
 * Renders a {@link Collector.Collection} as {@code summary.md} (one table per cell, then the
 * failed and missing runs), {@code summary.csv} (one row per cell and metric, full precision),
 * {@code summary.json}, and one {@code <metric>.png} per metric (mean and interval per cell;
 * none for a metric without a finite mean).
 * Nothing in them depends on the machine, the worker count or the time, so two sweeps with the
 * same run files give byte-identical summaries.
 */
public final class SummaryFiles {

    private SummaryFiles() {
    }

    /**
     * The summary folder of a sweep: {@code DIR/summary} for the default cells, else
     * {@code DIR/summary-by-k1-k2}.
     */
    public static Path folder(Path dir, List<String> by) {
        return by == null ? dir.resolve("summary") : dir.resolve("summary-by-" + String.join("-", by));
    }

    /**
     * Writes the four kinds of file into folder (each atomically).
     *
     * @return the Markdown text
     * @throws java.io.UncheckedIOException if a file cannot be written
     */
    public static String write(Path folder, Collector.Collection c) {
        String md = markdown(c);
        AtomicFiles.writeString(folder.resolve("summary.md"), md);
        AtomicFiles.writeString(folder.resolve("summary.csv"), csv(c));
        Json.write(folder.resolve("summary.json"), json(c));
        for (String m : c.metrics()) {
            List<String> labels = new ArrayList<>();
            List<double[]> points = new ArrayList<>();
            for (Collector.Cell cell : c.cells()) {
                for (Collector.Stat s : cell.stats()) {
                    if (s.metric().equals(m)) {
                        labels.add(cell.label().isEmpty() ? "all runs" : cell.label());
                        points.add(new double[] {s.mean(), s.lower(), s.upper()});
                    }
                }
            }
            if (points.stream().anyMatch(x -> Double.isFinite(x[0]))) {
                IntervalPlots.write(folder.resolve(fileName(m) + ".png"), m + ": mean and 95% bootstrap interval over runs",
                        m, labels, column(points, 0), column(points, 1), column(points, 2));
            }
        }
        return md;
    }

    /** A metric's file name: letters, digits, '.', '-' and '_' kept, anything else '_'. */
    static String fileName(String metric) {
        return metric.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static double[] column(List<double[]> rows, int j) {
        return rows.stream().mapToDouble(r -> r[j]).toArray();
    }

    /** Markdown: a heading and a table per cell, then the failed and missing runs. */
    public static String markdown(Collector.Collection c) {
        int finished = c.cells().stream().mapToInt(Collector.Cell::finished).sum();
        StringBuilder sb = new StringBuilder("# Sweep summary\n\n");
        sb.append(String.format(Locale.ROOT, "%d runs in the grid: %d finished, %d failed, %d missing. ",
                c.expected(), finished, c.failed().size(), c.missing().size()));
        sb.append("Cells by ").append(c.by().isEmpty() ? "nothing (one cell)" : String.join(", ", c.by()))
                .append("; failed and missing runs are left out of the statistics. Mean ± sample sd over the")
                .append(" cell's runs; 95% percentile bootstrap interval of the mean (")
                .append(String.format(Locale.ROOT, "%,d", Collector.RESAMPLES)).append(" resamples, seed ")
                .append(Collector.SEED).append(").\n");
        if (!c.fixed().isEmpty()) {
            sb.append("\nEvery run has ");
            c.fixed().forEach((k, v) -> sb.append(k).append('=').append(v).append(", "));
            sb.setLength(sb.length() - 2);
            sb.append(".\n");
        }
        for (Collector.Cell cell : c.cells()) {
            sb.append("\n## ").append(cell.label().isEmpty() ? "all runs" : cell.label()).append("\n\n");
            sb.append(cell.finished()).append(" of ").append(cell.expected()).append(" runs finished.\n\n");
            if (cell.stats().isEmpty()) {
                continue;
            }
            Tables t = new Tables("metric", "runs", "mean ± sd", "95% interval");
            for (Collector.Stat s : cell.stats()) {
                t.row(s.metric(), s.n(), meanSd(s), interval(s));
            }
            sb.append(t.markdown());
        }
        if (!c.failed().isEmpty()) {
            sb.append("\n## Failed runs\n\n");
            Tables t = new Tables("run", "options", "error");
            c.failed().forEach(e -> t.row(e.spec().id(), e.spec().describe(), e.error().replace("|", "\\|")));
            sb.append(t.markdown());
        }
        if (!c.missing().isEmpty()) {
            sb.append("\n## Missing runs\n\n");
            Tables t = new Tables("run", "options", "state");
            c.missing().forEach(e -> t.row(e.spec().id(), e.spec().describe(),
                    e.state() == RunFiles.State.ABSENT ? "not run" : "untrusted file: " + e.error()));
            sb.append(t.markdown());
        }
        return sb.toString();
    }

    private static String meanSd(Collector.Stat s) {
        String mean = Double.isNaN(s.mean()) ? "n/a (both infinities)" : Tables.number(s.mean());
        if (s.nonFinite() > 0) {
            return mean + " (" + s.nonFinite() + " infinite)";
        }
        return Double.isNaN(s.sd()) ? mean : mean + " ± " + Tables.number(s.sd());
    }

    private static String interval(Collector.Stat s) {
        return Double.isNaN(s.lower()) ? "n/a" : "[" + Tables.number(s.lower()) + ", " + Tables.number(s.upper()) + "]";
    }

    /** CSV: the by keys, metric, runs, mean, sd, lower, upper (full precision; empty if n/a). */
    public static String csv(Collector.Collection c) {
        List<String> header = new ArrayList<>(c.by());
        header.addAll(List.of("metric", "runs", "mean", "sd", "ci95_lower", "ci95_upper"));
        Tables t = new Tables(header.toArray(String[]::new));
        for (Collector.Cell cell : c.cells()) {
            for (Collector.Stat s : cell.stats()) {
                List<Object> row = new ArrayList<>(cell.assignment().values());
                row.addAll(List.of(s.metric(), s.n(), Tables.exact(s.mean()), Tables.exact(s.sd()),
                        Tables.exact(s.lower()), Tables.exact(s.upper())));
                t.row(row.toArray());
            }
        }
        return t.csv();
    }

    /**
     * JSON: {@code {"by", "fixed", "expected", "cells": [{"cell": {…}, "expected", "finished",
     * "metrics": {name: {"runs", "mean", "sd", "ci95": [lower, upper]}}}], "failed": [{"id",
     * "options", "error"}], "missing": [{"id", "options", "state"}]}}; values that do not exist
     * are left out.
     */
    public static ObjectNode json(Collector.Collection c) {
        ObjectNode root = Json.object();
        c.by().forEach(root.putArray("by")::add);
        ObjectNode fixed = root.putObject("fixed");
        c.fixed().forEach(fixed::put);
        root.put("expected", c.expected());
        ArrayNode cells = root.putArray("cells");
        for (Collector.Cell cell : c.cells()) {
            ObjectNode o = cells.addObject();
            ObjectNode a = o.putObject("cell");
            cell.assignment().forEach(a::put);
            o.put("expected", cell.expected()).put("finished", cell.finished());
            ObjectNode metrics = o.putObject("metrics");
            for (Collector.Stat s : cell.stats()) {
                ObjectNode m = metrics.putObject(s.metric()).put("runs", s.n());
                if (!Double.isNaN(s.mean())) {
                    m.put("mean", s.mean());
                }
                if (!Double.isNaN(s.sd())) {
                    m.put("sd", s.sd());
                    m.putArray("ci95").add(s.lower()).add(s.upper());
                }
                if (s.nonFinite() > 0) {
                    m.put("infinite_values", s.nonFinite());
                }
            }
        }
        ArrayNode failed = root.putArray("failed");
        c.failed().forEach(e -> entry(failed, e).put("error", e.error()));
        ArrayNode missing = root.putArray("missing");
        c.missing().forEach(e -> entry(missing, e).put("state",
                e.state() == RunFiles.State.ABSENT ? "not run" : "untrusted file: " + e.error()));
        return root;
    }

    private static ObjectNode entry(ArrayNode array, RunFiles.Entry e) {
        ObjectNode o = array.addObject().put("id", e.spec().id());
        ObjectNode options = o.putObject("options");
        e.spec().options().forEach(options::put);
        return o;
    }
}
